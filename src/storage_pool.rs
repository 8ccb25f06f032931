//! Storage pools (`Sys::Virt::StoragePool`).

use std::os::raw::{c_char, c_int, c_uint};
use std::ptr;

use virt::storage_pool::StoragePool;
use virt_sys as sys;

use crate::boundary::{guard_io, handle};
use crate::connect::ConnHandle;
use crate::error::Result;
use crate::objects::{borrowed_string, c_arg, check, check_ptr, hand_out_list, owned_string, uuid_string};
use crate::storage_vol::VolHandle;

/// The Rust handle behind a `Sys::Virt::StoragePool` object.
pub struct PoolHandle {
    pub(crate) pool: StoragePool,
}

impl PoolHandle {
    pub fn ptr(&self) -> sys::virStoragePoolPtr {
        // SAFETY: valid while `self.pool` holds its reference.
        unsafe { self.pool.as_ptr() }
    }
}

/// What `virStoragePoolGetInfo` reports (sizes in bytes, exact).
#[repr(C)]
pub struct SvrPoolInfo {
    pub state: c_int,
    pub capacity: u64,
    pub allocation: u64,
    pub available: u64,
}

fn wrap(p: sys::virStoragePoolPtr) -> Result<*mut PoolHandle> {
    let p = check_ptr(p)?;
    // SAFETY: `p` is a new reference the handle now owns.
    Ok(Box::into_raw(Box::new(PoolHandle { pool: unsafe { StoragePool::from_ptr(p) } })))
}

fn conn<'a>(c: *const ConnHandle) -> Result<&'a ConnHandle> {
    handle(c, "the connection")
}

pub(crate) fn pool<'a>(p: *const PoolHandle) -> Result<&'a PoolHandle> {
    handle(p, "the storage pool")
}

fn new_pool(name: &str, f: impl FnOnce() -> Result<sys::virStoragePoolPtr>) -> *mut PoolHandle {
    guard_io(name, ptr::null_mut(), || wrap(f()?))
}

fn status(name: &str, p: *const PoolHandle, f: impl FnOnce(sys::virStoragePoolPtr) -> c_int) -> c_int {
    guard_io(name, -1, || check(f(pool(p)?.ptr())))
}

#[no_mangle]
pub extern "C" fn svr_pool_lookup_by_name(c: *const ConnHandle, name: *const c_char) -> *mut PoolHandle {
    new_pool("svr_pool_lookup_by_name", || {
        let c = conn(c)?;
        let name = c_arg(name, "the pool name")?;
        // SAFETY: valid connection and string.
        Ok(unsafe { sys::virStoragePoolLookupByName(c.ptr(), name.as_ptr()) })
    })
}

/// # Safety
/// `uuid` must point to 16 readable bytes.
#[no_mangle]
pub unsafe extern "C" fn svr_pool_lookup_by_uuid(c: *const ConnHandle, uuid: *const u8) -> *mut PoolHandle {
    new_pool("svr_pool_lookup_by_uuid", || Ok(sys::virStoragePoolLookupByUUID(conn(c)?.ptr(), uuid)))
}

#[no_mangle]
pub extern "C" fn svr_pool_lookup_by_uuid_string(c: *const ConnHandle, uuid: *const c_char) -> *mut PoolHandle {
    new_pool("svr_pool_lookup_by_uuid_string", || {
        let c = conn(c)?;
        let uuid = c_arg(uuid, "the UUID")?;
        // SAFETY: valid connection and string.
        Ok(unsafe { sys::virStoragePoolLookupByUUIDString(c.ptr(), uuid.as_ptr()) })
    })
}

/// The pool holding a volume.
#[no_mangle]
pub extern "C" fn svr_pool_lookup_by_volume(v: *const VolHandle) -> *mut PoolHandle {
    new_pool("svr_pool_lookup_by_volume", || {
        let v = handle(v, "the storage volume")?;
        // SAFETY: valid volume.
        Ok(unsafe { sys::virStoragePoolLookupByVolume(v.ptr()) })
    })
}

/// Creates and starts a transient pool from XML.
#[no_mangle]
pub extern "C" fn svr_pool_create_xml(c: *const ConnHandle, xml: *const c_char, flags: c_uint) -> *mut PoolHandle {
    new_pool("svr_pool_create_xml", || {
        let c = conn(c)?;
        let xml = c_arg(xml, "the XML")?;
        // SAFETY: valid connection and string.
        Ok(unsafe { sys::virStoragePoolCreateXML(c.ptr(), xml.as_ptr(), flags) })
    })
}

/// Defines a persistent pool from XML.
#[no_mangle]
pub extern "C" fn svr_pool_define_xml(c: *const ConnHandle, xml: *const c_char, flags: c_uint) -> *mut PoolHandle {
    new_pool("svr_pool_define_xml", || {
        let c = conn(c)?;
        let xml = c_arg(xml, "the XML")?;
        // SAFETY: valid connection and string.
        Ok(unsafe { sys::virStoragePoolDefineXML(c.ptr(), xml.as_ptr(), flags) })
    })
}

/// All pools of the connection; see `svr_domain_list_all`.
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn svr_pool_list_all(c: *const ConnHandle, flags: c_uint, out: *mut *mut *mut PoolHandle) -> c_int {
    guard_io("svr_pool_list_all", -1, || {
        let c = conn(c)?;
        let mut pools: *mut sys::virStoragePoolPtr = ptr::null_mut();
        let n = check(sys::virConnectListAllStoragePools(c.ptr(), &mut pools, flags))? as usize;
        let items = (0..n)
            .map(|i| Box::into_raw(Box::new(PoolHandle { pool: StoragePool::from_ptr(*pools.add(i)) })))
            .collect();
        libc::free(pools as *mut libc::c_void);
        hand_out_list(items, out)
    })
}

/// Releases the handle.
///
/// # Safety
/// `p` must be NULL or a handle from this library, freed once.
#[no_mangle]
pub unsafe extern "C" fn svr_pool_free(p: *mut PoolHandle) {
    guard_io("svr_pool_free", (), || {
        if !p.is_null() {
            drop(Box::from_raw(p));
        }
        Ok(())
    })
}

#[no_mangle]
pub extern "C" fn svr_pool_get_name(p: *const PoolHandle) -> *mut c_char {
    guard_io("svr_pool_get_name", ptr::null_mut(), || {
        // SAFETY: valid pool; the name belongs to it.
        borrowed_string(unsafe { sys::virStoragePoolGetName(pool(p)?.ptr()) })
    })
}

/// # Safety
/// `out` must have room for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn svr_pool_get_uuid(p: *const PoolHandle, out: *mut u8) -> c_int {
    status("svr_pool_get_uuid", p, |pp| sys::virStoragePoolGetUUID(pp, out))
}

#[no_mangle]
pub extern "C" fn svr_pool_get_uuid_string(p: *const PoolHandle) -> *mut c_char {
    guard_io("svr_pool_get_uuid_string", ptr::null_mut(), || {
        let p = pool(p)?;
        // SAFETY: valid pool; the buffer has VIR_UUID_STRING_BUFLEN bytes.
        uuid_string(|buf| unsafe { sys::virStoragePoolGetUUIDString(p.ptr(), buf) })
    })
}

/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn svr_pool_get_info(p: *const PoolHandle, out: *mut SvrPoolInfo) -> c_int {
    guard_io("svr_pool_get_info", -1, || {
        let p = pool(p)?;
        let mut info: sys::virStoragePoolInfo = std::mem::zeroed();
        check(sys::virStoragePoolGetInfo(p.ptr(), &mut info))?;
        *out = SvrPoolInfo {
            state: info.state as c_int,
            capacity: info.capacity as u64,
            allocation: info.allocation as u64,
            available: info.available as u64,
        };
        Ok(0)
    })
}

#[no_mangle]
pub extern "C" fn svr_pool_get_xml_description(p: *const PoolHandle, flags: c_uint) -> *mut c_char {
    guard_io("svr_pool_get_xml_description", ptr::null_mut(), || {
        // SAFETY: valid pool.
        owned_string(unsafe { sys::virStoragePoolGetXMLDesc(pool(p)?.ptr(), flags) })
    })
}

#[no_mangle]
pub extern "C" fn svr_pool_is_active(p: *const PoolHandle) -> c_int {
    status("svr_pool_is_active", p, |pp| unsafe { sys::virStoragePoolIsActive(pp) })
}

#[no_mangle]
pub extern "C" fn svr_pool_is_persistent(p: *const PoolHandle) -> c_int {
    status("svr_pool_is_persistent", p, |pp| unsafe { sys::virStoragePoolIsPersistent(pp) })
}

#[no_mangle]
pub extern "C" fn svr_pool_create(p: *const PoolHandle, flags: c_uint) -> c_int {
    status("svr_pool_create", p, |pp| unsafe { sys::virStoragePoolCreate(pp, flags) })
}

#[no_mangle]
pub extern "C" fn svr_pool_destroy(p: *const PoolHandle) -> c_int {
    status("svr_pool_destroy", p, |pp| unsafe { sys::virStoragePoolDestroy(pp) })
}

#[no_mangle]
pub extern "C" fn svr_pool_undefine(p: *const PoolHandle) -> c_int {
    status("svr_pool_undefine", p, |pp| unsafe { sys::virStoragePoolUndefine(pp) })
}

#[no_mangle]
pub extern "C" fn svr_pool_refresh(p: *const PoolHandle, flags: c_uint) -> c_int {
    status("svr_pool_refresh", p, |pp| unsafe { sys::virStoragePoolRefresh(pp, flags) })
}

/// All volumes of the pool; see `svr_domain_list_all`.
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn svr_pool_list_all_volumes(p: *const PoolHandle, flags: c_uint, out: *mut *mut *mut VolHandle) -> c_int {
    guard_io("svr_pool_list_all_volumes", -1, || {
        let p = pool(p)?;
        let mut vols: *mut sys::virStorageVolPtr = ptr::null_mut();
        let n = check(sys::virStoragePoolListAllVolumes(p.ptr(), &mut vols, flags))? as usize;
        let items = (0..n).map(|i| crate::storage_vol::boxed(*vols.add(i))).collect();
        libc::free(vols as *mut libc::c_void);
        hand_out_list(items, out)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boundary::svr_string_free;
    use crate::connect::{svr_conn_free, svr_conn_open};
    use crate::error::take;
    use crate::objects::svr_list_free;
    use std::ffi::{CStr, CString};

    fn s(p: *mut c_char) -> String {
        assert!(!p.is_null(), "{:?}", take());
        let r = unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned();
        unsafe { svr_string_free(p) };
        r
    }

    #[test]
    fn default_pool() {
        let uri = CString::new("test:///default").unwrap();
        let c = svr_conn_open(uri.as_ptr(), 0);
        let name = CString::new("default-pool").unwrap();
        let p = svr_pool_lookup_by_name(c, name.as_ptr());
        assert!(!p.is_null(), "{:?}", take());
        assert_eq!(s(svr_pool_get_name(p)), "default-pool");
        let mut info = SvrPoolInfo { state: -1, capacity: 0, allocation: 0, available: 0 };
        assert_eq!(unsafe { svr_pool_get_info(p, &mut info) }, 0);
        assert_eq!(info.state, sys::VIR_STORAGE_POOL_RUNNING as c_int);
        assert!(info.capacity > 0);
        let uuid = CString::new(s(svr_pool_get_uuid_string(p))).unwrap();
        let p2 = svr_pool_lookup_by_uuid_string(c, uuid.as_ptr());
        assert_eq!(s(svr_pool_get_name(p2)), "default-pool");
        let mut list: *mut *mut PoolHandle = ptr::null_mut();
        let n = unsafe { svr_pool_list_all(c, 0, &mut list) };
        assert!(n >= 1, "{:?}", take());
        for i in 0..n as usize {
            unsafe { svr_pool_free(*list.add(i)) };
        }
        unsafe {
            svr_list_free(list as *mut *mut std::ffi::c_void, n);
            svr_pool_free(p2);
            svr_pool_free(p);
            svr_conn_free(c);
        }
    }
}
