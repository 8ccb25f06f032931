//! Storage volumes (`Sys::Virt::StorageVol`).

use std::os::raw::{c_char, c_int, c_uint};
use std::ptr;

use virt::storage_vol::StorageVol;
use virt_sys as sys;

use crate::boundary::{guard_io, handle};
use crate::connect::ConnHandle;
use crate::error::Result;
use crate::objects::{borrowed_string, c_arg, check, check_ptr, owned_string};
use crate::storage_pool::{pool, PoolHandle};
use crate::stream::{Direction, StreamHandle};

/// The Rust handle behind a `Sys::Virt::StorageVol` object.
pub struct VolHandle {
    pub(crate) vol: StorageVol,
}

impl VolHandle {
    pub fn ptr(&self) -> sys::virStorageVolPtr {
        // SAFETY: valid while `self.vol` holds its reference.
        unsafe { self.vol.as_ptr() }
    }
}

/// What `virStorageVolGetInfo` reports (sizes in bytes, exact).
#[repr(C)]
pub struct SvrVolInfo {
    pub vol_type: c_int,
    pub capacity: u64,
    pub allocation: u64,
}

/// Boxes a volume reference the caller owns (not NULL).
pub(crate) fn boxed(p: sys::virStorageVolPtr) -> *mut VolHandle {
    // SAFETY: `p` is a reference the new handle takes over.
    Box::into_raw(Box::new(VolHandle { vol: unsafe { StorageVol::from_ptr(p) } }))
}

fn conn<'a>(c: *const ConnHandle) -> Result<&'a ConnHandle> {
    handle(c, "the connection")
}

fn vol<'a>(v: *const VolHandle) -> Result<&'a VolHandle> {
    handle(v, "the storage volume")
}

fn new_vol(name: &str, f: impl FnOnce() -> Result<sys::virStorageVolPtr>) -> *mut VolHandle {
    guard_io(name, ptr::null_mut(), || Ok(boxed(check_ptr(f()?)?)))
}

fn status(name: &str, v: *const VolHandle, f: impl FnOnce(sys::virStorageVolPtr) -> c_int) -> c_int {
    guard_io(name, -1, || check(f(vol(v)?.ptr())))
}

/// A volume of `pool` by name.
#[no_mangle]
pub extern "C" fn svr_vol_lookup_by_name(p: *const PoolHandle, name: *const c_char) -> *mut VolHandle {
    new_vol("svr_vol_lookup_by_name", || {
        let p = pool(p)?;
        let name = c_arg(name, "the volume name")?;
        // SAFETY: valid pool and string.
        Ok(unsafe { sys::virStorageVolLookupByName(p.ptr(), name.as_ptr()) })
    })
}

/// A volume of the connection by its key.
#[no_mangle]
pub extern "C" fn svr_vol_lookup_by_key(c: *const ConnHandle, key: *const c_char) -> *mut VolHandle {
    new_vol("svr_vol_lookup_by_key", || {
        let c = conn(c)?;
        let key = c_arg(key, "the volume key")?;
        // SAFETY: valid connection and string.
        Ok(unsafe { sys::virStorageVolLookupByKey(c.ptr(), key.as_ptr()) })
    })
}

/// A volume of the connection by its path.
#[no_mangle]
pub extern "C" fn svr_vol_lookup_by_path(c: *const ConnHandle, path: *const c_char) -> *mut VolHandle {
    new_vol("svr_vol_lookup_by_path", || {
        let c = conn(c)?;
        let path = c_arg(path, "the volume path")?;
        // SAFETY: valid connection and string.
        Ok(unsafe { sys::virStorageVolLookupByPath(c.ptr(), path.as_ptr()) })
    })
}

/// Creates a volume in `pool` from XML.
#[no_mangle]
pub extern "C" fn svr_vol_create_xml(p: *const PoolHandle, xml: *const c_char, flags: c_uint) -> *mut VolHandle {
    new_vol("svr_vol_create_xml", || {
        let p = pool(p)?;
        let xml = c_arg(xml, "the XML")?;
        // SAFETY: valid pool and string.
        Ok(unsafe { sys::virStorageVolCreateXML(p.ptr(), xml.as_ptr(), flags) })
    })
}

/// Creates a volume in `pool` from XML, with the content of `clone`.
#[no_mangle]
pub extern "C" fn svr_vol_create_xml_from(p: *const PoolHandle, xml: *const c_char, clone: *const VolHandle, flags: c_uint) -> *mut VolHandle {
    new_vol("svr_vol_create_xml_from", || {
        let p = pool(p)?;
        let clone = vol(clone)?;
        let xml = c_arg(xml, "the XML")?;
        // SAFETY: valid pool, volume and string.
        Ok(unsafe { sys::virStorageVolCreateXMLFrom(p.ptr(), xml.as_ptr(), clone.ptr(), flags) })
    })
}

/// Releases the handle.
///
/// # Safety
/// `v` must be NULL or a handle from this library, freed once.
#[no_mangle]
pub unsafe extern "C" fn svr_vol_free(v: *mut VolHandle) {
    guard_io("svr_vol_free", (), || {
        if !v.is_null() {
            drop(Box::from_raw(v));
        }
        Ok(())
    })
}

#[no_mangle]
pub extern "C" fn svr_vol_get_name(v: *const VolHandle) -> *mut c_char {
    guard_io("svr_vol_get_name", ptr::null_mut(), || {
        // SAFETY: valid volume; the string belongs to it.
        borrowed_string(unsafe { sys::virStorageVolGetName(vol(v)?.ptr()) })
    })
}

#[no_mangle]
pub extern "C" fn svr_vol_get_key(v: *const VolHandle) -> *mut c_char {
    guard_io("svr_vol_get_key", ptr::null_mut(), || {
        // SAFETY: valid volume; the string belongs to it.
        borrowed_string(unsafe { sys::virStorageVolGetKey(vol(v)?.ptr()) })
    })
}

#[no_mangle]
pub extern "C" fn svr_vol_get_path(v: *const VolHandle) -> *mut c_char {
    guard_io("svr_vol_get_path", ptr::null_mut(), || {
        // SAFETY: valid volume; the path is ours to free.
        owned_string(unsafe { sys::virStorageVolGetPath(vol(v)?.ptr()) })
    })
}

/// `flags` (`VIR_STORAGE_VOL_GET_PHYSICAL`) as for `virStorageVolGetInfoFlags`.
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn svr_vol_get_info(v: *const VolHandle, flags: c_uint, out: *mut SvrVolInfo) -> c_int {
    guard_io("svr_vol_get_info", -1, || {
        let v = vol(v)?;
        let mut info: sys::virStorageVolInfo = std::mem::zeroed();
        if flags == 0 {
            check(sys::virStorageVolGetInfo(v.ptr(), &mut info))?;
        } else {
            check(sys::virStorageVolGetInfoFlags(v.ptr(), &mut info, flags))?;
        }
        *out = SvrVolInfo {
            vol_type: info.type_ as c_int,
            capacity: info.capacity as u64,
            allocation: info.allocation as u64,
        };
        Ok(0)
    })
}

#[no_mangle]
pub extern "C" fn svr_vol_get_xml_description(v: *const VolHandle, flags: c_uint) -> *mut c_char {
    guard_io("svr_vol_get_xml_description", ptr::null_mut(), || {
        // SAFETY: valid volume.
        owned_string(unsafe { sys::virStorageVolGetXMLDesc(vol(v)?.ptr(), flags) })
    })
}

#[no_mangle]
pub extern "C" fn svr_vol_delete(v: *const VolHandle, flags: c_uint) -> c_int {
    status("svr_vol_delete", v, |p| unsafe { sys::virStorageVolDelete(p, flags) })
}

#[no_mangle]
pub extern "C" fn svr_vol_resize(v: *const VolHandle, capacity: u64, flags: c_uint) -> c_int {
    status("svr_vol_resize", v, |p| unsafe { sys::virStorageVolResize(p, capacity, flags) })
}

/// Starts a download of `length` bytes (0: to the end) from `offset` into
/// the stream.
#[no_mangle]
pub extern "C" fn svr_vol_download(v: *const VolHandle, st: *const StreamHandle, offset: u64, length: u64, flags: c_uint) -> c_int {
    guard_io("svr_vol_download", -1, || {
        let (v, st) = (vol(v)?, handle(st, "the stream")?);
        st.check_startable("Sys::Virt::StorageVol::download")?;
        // SAFETY: valid volume and stream.
        let rc = check(unsafe { sys::virStorageVolDownload(v.ptr(), st.ptr(), offset, length, flags) })?;
        st.started(Direction::Read);
        Ok(rc)
    })
}

/// Starts an upload of `length` bytes (0: to the end) at `offset` from the
/// stream.
#[no_mangle]
pub extern "C" fn svr_vol_upload(v: *const VolHandle, st: *const StreamHandle, offset: u64, length: u64, flags: c_uint) -> c_int {
    guard_io("svr_vol_upload", -1, || {
        let (v, st) = (vol(v)?, handle(st, "the stream")?);
        st.check_startable("Sys::Virt::StorageVol::upload")?;
        // SAFETY: valid volume and stream.
        let rc = check(unsafe { sys::virStorageVolUpload(v.ptr(), st.ptr(), offset, length, flags) })?;
        st.started(Direction::Write);
        Ok(rc)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boundary::svr_string_free;
    use crate::connect::{svr_conn_free, svr_conn_open};
    use crate::error::take;
    use crate::storage_pool::{svr_pool_free, svr_pool_lookup_by_name};
    use std::ffi::{CStr, CString};

    fn s(p: *mut c_char) -> String {
        assert!(!p.is_null(), "{:?}", take());
        let r = unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned();
        unsafe { svr_string_free(p) };
        r
    }

    #[test]
    fn create_inspect_delete() {
        // A name of its own: other tests share test:///default's state.
        let uri = CString::new("test:///default").unwrap();
        let c = svr_conn_open(uri.as_ptr(), 0);
        let pname = CString::new("default-pool").unwrap();
        let p = svr_pool_lookup_by_name(c, pname.as_ptr());
        let name = format!("rust-unit-{}.img", std::process::id());
        let xml = CString::new(format!(
            "<volume><name>{name}</name><capacity>1048576</capacity></volume>"
        ))
        .unwrap();
        let v = svr_vol_create_xml(p, xml.as_ptr(), 0);
        assert!(!v.is_null(), "{:?}", take());
        assert_eq!(s(svr_vol_get_name(v)), name);
        let path = CString::new(s(svr_vol_get_path(v))).unwrap();
        let by_path = svr_vol_lookup_by_path(c, path.as_ptr());
        assert_eq!(s(svr_vol_get_name(by_path)), name);
        let key = CString::new(s(svr_vol_get_key(v))).unwrap();
        let by_key = svr_vol_lookup_by_key(c, key.as_ptr());
        assert_eq!(s(svr_vol_get_name(by_key)), name);
        let mut info = SvrVolInfo { vol_type: -1, capacity: 0, allocation: 0 };
        assert_eq!(unsafe { svr_vol_get_info(v, 0, &mut info) }, 0);
        assert_eq!(info.capacity, 1048576);
        // The test driver has no resize: a libvirt error, not a crash.
        assert_eq!(svr_vol_resize(v, 2 * 1048576, 0), -1);
        assert!(matches!(take(), Some(crate::error::Failure::Libvirt { .. })));
        assert_eq!(svr_vol_delete(v, 0), 0, "{:?}", take());
        unsafe {
            svr_vol_free(by_key);
            svr_vol_free(by_path);
            svr_vol_free(v);
            svr_pool_free(p);
            svr_conn_free(c);
        }
    }
}
