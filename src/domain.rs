//! Domains (`Sys::Virt::Domain`).

use std::os::raw::{c_char, c_int, c_uint};
use std::ptr;

use virt_sys as sys;

use crate::boundary::{guard_io, handle};
use crate::connect::ConnHandle;
use crate::error::Result;
use crate::objects::{borrowed_string, c_arg, c_opt_arg, check, check_ptr, opt_ptr, owned_string, uuid_string};
use crate::stream::{Direction, StreamHandle};

/// The handle behind a `Sys::Virt::Domain` object. A handle pointer *is*
/// the `virDomainPtr` whose reference the Perl object owns: nothing is
/// allocated per domain (lists of a thousand domains, event callbacks), and
/// the glue frees it with `svr_domain_free`. The type is opaque (the
/// Rustonomicon's pattern for foreign handles): it is only ever seen
/// behind a pointer or a reference (cbindgen declares it opaque).
pub struct DomainHandle {
    _opaque: [u8; 0],
    _not_send: std::marker::PhantomData<(*mut u8, std::marker::PhantomPinned)>,
}

impl DomainHandle {
    pub fn ptr(&self) -> sys::virDomainPtr {
        self as *const DomainHandle as sys::virDomainPtr
    }

    /// The handle of a new libvirt reference, which it now owns.
    pub(crate) fn adopt(p: sys::virDomainPtr) -> *mut DomainHandle {
        p as *mut DomainHandle
    }

    /// Drops the reference a handle owns.
    ///
    /// # Safety
    /// `h` must be NULL or a handle from `adopt`, released once.
    pub(crate) unsafe fn release(h: *mut DomainHandle) {
        if !h.is_null() {
            sys::virDomainFree(h as sys::virDomainPtr);
        }
    }
}

/// What `virDomainGetInfo` reports, with 64-bit fields kept exact.
#[repr(C)]
pub struct SvrDomainInfo {
    pub state: c_int,
    pub max_mem: u64,
    pub memory: u64,
    pub nr_virt_cpu: c_uint,
    pub cpu_time: u64,
}

/// Takes ownership of a new libvirt domain reference (NULL: failure).
fn wrap(p: sys::virDomainPtr) -> Result<*mut DomainHandle> {
    Ok(DomainHandle::adopt(check_ptr(p)?))
}

fn conn<'a>(c: *const ConnHandle) -> Result<&'a ConnHandle> {
    handle(c, "the connection")
}

fn dom<'a>(d: *const DomainHandle) -> Result<&'a DomainHandle> {
    handle(d, "the domain")
}

fn stream<'a>(s: *const StreamHandle) -> Result<&'a StreamHandle> {
    handle(s, "the stream")
}

/// Runs a lookup or creation that yields a new domain reference.
fn new_domain(name: &str, f: impl FnOnce() -> Result<sys::virDomainPtr>) -> *mut DomainHandle {
    guard_io(name, ptr::null_mut(), || wrap(f()?))
}

/// Runs a call on a domain returning a libvirt status.
/// `f` must be the libvirt call and nothing else (see
/// [`crate::boundary::libvirt_call`]).
#[inline]
fn status(name: &str, d: *const DomainHandle, f: impl FnOnce(sys::virDomainPtr) -> c_int) -> c_int {
    // SAFETY: NULL or a live handle the glue passes.
    match unsafe { d.as_ref() } {
        Some(h) => crate::boundary::libvirt_call(name, -1, |r| r < 0, || f(h.ptr())),
        None => guard_io(name, -1, || dom(d).map(|_| -1)),
    }
}

#[no_mangle]
pub extern "C" fn svr_domain_lookup_by_name(c: *const ConnHandle, name: *const c_char) -> *mut DomainHandle {
    new_domain("svr_domain_lookup_by_name", || {
        let c = conn(c)?;
        let name = c_arg(name, "the domain name")?;
        // SAFETY: valid connection and string.
        Ok(unsafe { sys::virDomainLookupByName(c.ptr(), name.as_ptr()) })
    })
}

#[no_mangle]
pub extern "C" fn svr_domain_lookup_by_id(c: *const ConnHandle, id: c_int) -> *mut DomainHandle {
    new_domain("svr_domain_lookup_by_id", || {
        let c = conn(c)?;
        // SAFETY: valid connection.
        Ok(unsafe { sys::virDomainLookupByID(c.ptr(), id) })
    })
}

/// Looks a domain up by its raw UUID.
///
/// # Safety
/// `uuid` must point to 16 readable bytes.
#[no_mangle]
pub unsafe extern "C" fn svr_domain_lookup_by_uuid(c: *const ConnHandle, uuid: *const u8) -> *mut DomainHandle {
    new_domain("svr_domain_lookup_by_uuid", || {
        let c = conn(c)?;
        Ok(sys::virDomainLookupByUUID(c.ptr(), uuid))
    })
}

#[no_mangle]
pub extern "C" fn svr_domain_lookup_by_uuid_string(c: *const ConnHandle, uuid: *const c_char) -> *mut DomainHandle {
    new_domain("svr_domain_lookup_by_uuid_string", || {
        let c = conn(c)?;
        let uuid = c_arg(uuid, "the UUID")?;
        // SAFETY: valid connection and string.
        Ok(unsafe { sys::virDomainLookupByUUIDString(c.ptr(), uuid.as_ptr()) })
    })
}

/// Creates and starts a transient domain from XML.
#[no_mangle]
pub extern "C" fn svr_domain_create_xml(c: *const ConnHandle, xml: *const c_char, flags: c_uint) -> *mut DomainHandle {
    new_domain("svr_domain_create_xml", || {
        let c = conn(c)?;
        let xml = c_arg(xml, "the XML")?;
        // SAFETY: valid connection and string.
        Ok(unsafe { sys::virDomainCreateXML(c.ptr(), xml.as_ptr(), flags) })
    })
}

/// Defines a persistent domain from XML.
#[no_mangle]
pub extern "C" fn svr_domain_define_xml(c: *const ConnHandle, xml: *const c_char, flags: c_uint) -> *mut DomainHandle {
    new_domain("svr_domain_define_xml", || {
        let c = conn(c)?;
        let xml = c_arg(xml, "the XML")?;
        // SAFETY: valid connection and string.
        Ok(unsafe {
            if flags == 0 {
                sys::virDomainDefineXML(c.ptr(), xml.as_ptr())
            } else {
                sys::virDomainDefineXMLFlags(c.ptr(), xml.as_ptr(), flags)
            }
        })
    })
}

/// All domains of the connection, filtered by `flags`. `*out` receives an
/// array of new handles (free the array with `svr_list_free`); returns how
/// many, or -1.
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn svr_domain_list_all(c: *const ConnHandle, flags: c_uint, out: *mut *mut *mut DomainHandle) -> c_int {
    guard_io("svr_domain_list_all", -1, || {
        let c = conn(c)?;
        if out.is_null() {
            return Err(crate::error::Failure::message("no place to store the list"));
        }
        let mut doms: *mut sys::virDomainPtr = ptr::null_mut();
        let n = check(sys::virConnectListAllDomains(c.ptr(), &mut doms, flags))?;
        // libvirt's array is the array of handles (a handle is the domain
        // pointer): handed out as it is, freed with svr_domain_list_free.
        *out = doms as *mut *mut DomainHandle;
        Ok(n)
    })
}

/// Frees the array of `svr_domain_list_all` (not the handles in it: the
/// glue owns those once it has wrapped them).
///
/// # Safety
/// `list` must be NULL or an array from `svr_domain_list_all`.
#[no_mangle]
pub unsafe extern "C" fn svr_domain_list_free(list: *mut *mut DomainHandle) {
    libc::free(list as *mut libc::c_void);
}

/// Releases the handle.
///
/// # Safety
/// `d` must be NULL or a handle from this library, freed once.
#[no_mangle]
pub unsafe extern "C" fn svr_domain_free(d: *mut DomainHandle) {
    guard_io("svr_domain_free", (), || {
        DomainHandle::release(d);
        Ok(())
    })
}

/// The domain's name as libvirt keeps it in the object: valid while the
/// domain lives (the glue holds a reference for the call). No copy, no
/// allocation: the name is the most frequent call of monitoring scripts.
#[no_mangle]
pub extern "C" fn svr_domain_name(d: *const DomainHandle) -> *const c_char {
    // SAFETY: NULL or a live handle the glue passes; the name belongs to
    // the domain. One libvirt call, no guard needed on success.
    if let Some(h) = unsafe { d.as_ref() } {
        let p = unsafe { sys::virDomainGetName(h.ptr()) };
        if !p.is_null() {
            return p;
        }
    }
    crate::boundary::guard("svr_domain_name", ptr::null(), || {
        dom(d)?;
        Err(crate::error::Failure::last_libvirt())
    })
}

#[no_mangle]
pub extern "C" fn svr_domain_get_name(d: *const DomainHandle) -> *mut c_char {
    guard_io("svr_domain_get_name", ptr::null_mut(), || {
        // SAFETY: valid domain; the name belongs to it.
        borrowed_string(unsafe { sys::virDomainGetName(dom(d)?.ptr()) })
    })
}

/// The domain's id, or -1 if it is not running. Returns 0 or -1 (failure).
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn svr_domain_get_id(d: *const DomainHandle, out: *mut c_int) -> c_int {
    guard_io("svr_domain_get_id", -1, || {
        let d = dom(d)?;
        // virDomainGetID returns (unsigned)-1 both for inactive domains and
        // on error; only the latter sets an error.
        sys::virResetLastError();
        let id = sys::virDomainGetID(d.ptr());
        if id == c_uint::MAX && !sys::virGetLastError().is_null() {
            return Err(crate::error::Failure::last_libvirt());
        }
        *out = id as c_int;
        Ok(0)
    })
}

/// Writes the 16 raw bytes of the UUID to `out`.
///
/// # Safety
/// `out` must have room for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn svr_domain_get_uuid(d: *const DomainHandle, out: *mut u8) -> c_int {
    status("svr_domain_get_uuid", d, |p| sys::virDomainGetUUID(p, out))
}

#[no_mangle]
pub extern "C" fn svr_domain_get_uuid_string(d: *const DomainHandle) -> *mut c_char {
    guard_io("svr_domain_get_uuid_string", ptr::null_mut(), || {
        let d = dom(d)?;
        // SAFETY: valid domain; the buffer has VIR_UUID_STRING_BUFLEN bytes.
        uuid_string(|buf| unsafe { sys::virDomainGetUUIDString(d.ptr(), buf) })
    })
}

/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn svr_domain_get_info(d: *const DomainHandle, out: *mut SvrDomainInfo) -> c_int {
    let mut info: sys::virDomainInfo = std::mem::zeroed();
    // One libvirt call and plain copies: no unwind guard on success (see
    // boundary::libvirt_call); NULL handles fail in `status`.
    let rc = status("svr_domain_get_info", d, |p| sys::virDomainGetInfo(p, &mut info));
    if rc < 0 || out.is_null() {
        return -1;
    }
    *out = SvrDomainInfo {
        state: info.state as c_int,
        max_mem: info.maxMem as u64,
        memory: info.memory as u64,
        nr_virt_cpu: info.nrVirtCpu as c_uint,
        cpu_time: info.cpuTime as u64,
    };
    0
}

#[no_mangle]
pub extern "C" fn svr_domain_get_xml_description(d: *const DomainHandle, flags: c_uint) -> *mut c_char {
    guard_io("svr_domain_get_xml_description", ptr::null_mut(), || {
        // SAFETY: valid domain.
        owned_string(unsafe { sys::virDomainGetXMLDesc(dom(d)?.ptr(), flags) })
    })
}

#[no_mangle]
pub extern "C" fn svr_domain_is_active(d: *const DomainHandle) -> c_int {
    status("svr_domain_is_active", d, |p| unsafe { sys::virDomainIsActive(p) })
}

#[no_mangle]
pub extern "C" fn svr_domain_is_persistent(d: *const DomainHandle) -> c_int {
    status("svr_domain_is_persistent", d, |p| unsafe { sys::virDomainIsPersistent(p) })
}

/// Starts a defined domain.
#[no_mangle]
pub extern "C" fn svr_domain_create(d: *const DomainHandle, flags: c_uint) -> c_int {
    status("svr_domain_create", d, |p| unsafe {
        if flags == 0 {
            sys::virDomainCreate(p)
        } else {
            sys::virDomainCreateWithFlags(p, flags)
        }
    })
}

#[no_mangle]
pub extern "C" fn svr_domain_destroy(d: *const DomainHandle, flags: c_uint) -> c_int {
    status("svr_domain_destroy", d, |p| unsafe {
        if flags == 0 {
            sys::virDomainDestroy(p)
        } else {
            sys::virDomainDestroyFlags(p, flags)
        }
    })
}

#[no_mangle]
pub extern "C" fn svr_domain_undefine(d: *const DomainHandle, flags: c_uint) -> c_int {
    status("svr_domain_undefine", d, |p| unsafe {
        if flags == 0 {
            sys::virDomainUndefine(p)
        } else {
            sys::virDomainUndefineFlags(p, flags)
        }
    })
}

#[no_mangle]
pub extern "C" fn svr_domain_suspend(d: *const DomainHandle) -> c_int {
    status("svr_domain_suspend", d, |p| unsafe { sys::virDomainSuspend(p) })
}

#[no_mangle]
pub extern "C" fn svr_domain_resume(d: *const DomainHandle) -> c_int {
    status("svr_domain_resume", d, |p| unsafe { sys::virDomainResume(p) })
}

/// Starts a screenshot of `screen` into the stream; returns the MIME type.
#[no_mangle]
pub extern "C" fn svr_domain_screenshot(d: *const DomainHandle, st: *const StreamHandle, screen: c_uint, flags: c_uint) -> *mut c_char {
    guard_io("svr_domain_screenshot", ptr::null_mut(), || {
        let (d, st) = (dom(d)?, stream(st)?);
        st.check_startable("Sys::Virt::Domain::screenshot")?;
        // SAFETY: valid domain and stream; the MIME type is ours to free.
        let mime = owned_string(unsafe { sys::virDomainScreenshot(d.ptr(), st.ptr(), screen, flags) })?;
        st.started(Direction::Read);
        Ok(mime)
    })
}

/// Connects the stream to a console (`devname` NULL: the first one).
#[no_mangle]
pub extern "C" fn svr_domain_open_console(d: *const DomainHandle, devname: *const c_char, st: *const StreamHandle, flags: c_uint) -> c_int {
    guard_io("svr_domain_open_console", -1, || {
        let (d, st) = (dom(d)?, stream(st)?);
        let dev = c_opt_arg(devname, "the device name")?;
        st.check_startable("Sys::Virt::Domain::open_console")?;
        // SAFETY: valid domain, stream and optional string.
        let rc = check(unsafe { sys::virDomainOpenConsole(d.ptr(), opt_ptr(&dev), st.ptr(), flags) })?;
        st.started(Direction::Both);
        Ok(rc)
    })
}

/// Connects the stream to a channel (`name` NULL: the first one).
#[no_mangle]
pub extern "C" fn svr_domain_open_channel(d: *const DomainHandle, name: *const c_char, st: *const StreamHandle, flags: c_uint) -> c_int {
    guard_io("svr_domain_open_channel", -1, || {
        let (d, st) = (dom(d)?, stream(st)?);
        let name = c_opt_arg(name, "the channel name")?;
        st.check_startable("Sys::Virt::Domain::open_channel")?;
        // SAFETY: valid domain, stream and optional string.
        let rc = check(unsafe { sys::virDomainOpenChannel(d.ptr(), opt_ptr(&name), st.ptr(), flags) })?;
        st.started(Direction::Both);
        Ok(rc)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boundary::svr_string_free;
    use crate::connect::{svr_conn_free, svr_conn_open};
    use crate::error::{take, Failure};
    use crate::objects::svr_list_free;
    use std::ffi::{CStr, CString};

    fn s(p: *mut c_char) -> String {
        assert!(!p.is_null(), "{:?}", take());
        let r = unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned();
        unsafe { svr_string_free(p) };
        r
    }

    fn open_test() -> *mut ConnHandle {
        let uri = CString::new("test:///default").unwrap();
        let c = svr_conn_open(uri.as_ptr(), 0);
        assert!(!c.is_null(), "{:?}", take());
        c
    }

    #[test]
    fn lookups_and_info() {
        let c = open_test();
        let name = CString::new("test").unwrap();
        let d = svr_domain_lookup_by_name(c, name.as_ptr());
        assert!(!d.is_null(), "{:?}", take());
        assert_eq!(s(svr_domain_get_name(d)), "test");
        let mut id = 0;
        assert_eq!(unsafe { svr_domain_get_id(d, &mut id) }, 0);
        assert_eq!(id, 1);
        let uuid = s(svr_domain_get_uuid_string(d));
        assert_eq!(uuid.len(), 36);
        let mut raw = [0u8; 16];
        assert_eq!(unsafe { svr_domain_get_uuid(d, raw.as_mut_ptr()) }, 0);
        let by_raw = unsafe { svr_domain_lookup_by_uuid(c, raw.as_ptr()) };
        assert_eq!(s(svr_domain_get_name(by_raw)), "test");
        let cu = CString::new(uuid).unwrap();
        let by_str = svr_domain_lookup_by_uuid_string(c, cu.as_ptr());
        assert_eq!(s(svr_domain_get_name(by_str)), "test");
        let mut info = SvrDomainInfo { state: 0, max_mem: 0, memory: 0, nr_virt_cpu: 0, cpu_time: 0 };
        assert_eq!(unsafe { svr_domain_get_info(d, &mut info) }, 0);
        assert_eq!(info.state, sys::VIR_DOMAIN_RUNNING as c_int);
        assert!(info.max_mem > 0 && info.nr_virt_cpu > 0);
        assert!(s(svr_domain_get_xml_description(d, 0)).contains("<name>test</name>"));
        assert_eq!(svr_domain_is_active(d), 1);
        let mut list: *mut *mut DomainHandle = ptr::null_mut();
        let n = unsafe { svr_domain_list_all(c, 0, &mut list) };
        assert!(n >= 1);
        for i in 0..n as usize {
            unsafe { svr_domain_free(*list.add(i)) };
        }
        unsafe { svr_list_free(list as *mut *mut std::ffi::c_void, n) };
        unsafe {
            svr_domain_free(by_raw);
            svr_domain_free(by_str);
            svr_domain_free(d);
            svr_conn_free(c);
        }
    }

    #[test]
    fn unknown_domain_is_a_libvirt_error() {
        virt::error::clear_error_callback();
        let c = open_test();
        let name = CString::new("no-such-domain").unwrap();
        assert!(svr_domain_lookup_by_name(c, name.as_ptr()).is_null());
        match take() {
            Some(Failure::Libvirt { code, .. }) => assert_eq!(code, sys::VIR_ERR_NO_DOMAIN as i32),
            other => panic!("{other:?}"),
        }
        unsafe { svr_conn_free(c) };
    }

    #[test]
    fn domain_outlives_its_connection_handle() {
        let c = open_test();
        let name = CString::new("test").unwrap();
        let d = svr_domain_lookup_by_name(c, name.as_ptr());
        unsafe { svr_conn_free(c) };
        assert_eq!(s(svr_domain_get_name(d)), "test");
        assert_eq!(svr_domain_is_active(d), 1);
        unsafe { svr_domain_free(d) };
    }
}
