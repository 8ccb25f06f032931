//! Connections (`Sys::Virt`).

use std::ffi::{c_void, CString};
use std::os::raw::{c_char, c_int, c_uint, c_ulong};
use std::ptr;

use virt::connect::Connect;
use virt_sys as sys;

use crate::boundary::{guard, guard_io, handle, into_c_string, opt_str};
use crate::error::Failure;

/// The Rust handle behind a `Sys::Virt` object.
pub struct ConnHandle {
    pub(crate) conn: Connect,
}

impl ConnHandle {
    pub fn ptr(&self) -> sys::virConnectPtr {
        // SAFETY: the pointer stays valid while `self.conn` holds its reference.
        unsafe { self.conn.as_ptr() }
    }
}

/// One credential libvirt asks for, as the glue sees it. The glue answers by
/// setting `result` to a `malloc`ed string (libvirt frees it) and `resultlen`.
#[repr(C)]
pub struct SvrCredential {
    pub cred_type: c_int,
    pub prompt: *const c_char,
    pub challenge: *const c_char,
    pub defresult: *const c_char,
    pub result: *mut c_char,
    pub resultlen: c_uint,
}

/// Asks the script for credentials; returns 0, or a negative number to fail the open.
pub type SvrAuthFn = unsafe extern "C" fn(ctx: *mut c_void, creds: *mut SvrCredential, ncreds: c_uint) -> c_int;

struct AuthContext {
    callback: SvrAuthFn,
    ctx: *mut c_void,
}

unsafe extern "C" fn auth_trampoline(
    creds: sys::virConnectCredentialPtr,
    ncred: c_uint,
    cbdata: *mut c_void,
) -> c_int {
    // libvirt calls this synchronously, on our thread, inside
    // virConnectOpenAuth; a panic here must not unwind into libvirt.
    guard("auth callback", -1, || {
        let auth = &*(cbdata as *const AuthContext);
        let raw = std::slice::from_raw_parts_mut(creds, ncred as usize);
        let mut mine: Vec<SvrCredential> = raw
            .iter()
            .map(|c| SvrCredential {
                cred_type: c.type_,
                prompt: c.prompt,
                challenge: c.challenge,
                defresult: c.defresult,
                result: ptr::null_mut(),
                resultlen: 0,
            })
            .collect();
        let rc = (auth.callback)(auth.ctx, mine.as_mut_ptr(), ncred);
        for (c, m) in raw.iter_mut().zip(&mine) {
            c.result = m.result;
            c.resultlen = m.resultlen;
        }
        Ok(rc)
    })
}

fn boxed(conn: Connect) -> *mut ConnHandle {
    Box::into_raw(Box::new(ConnHandle { conn }))
}

/// Opens a connection; NULL `uri` means libvirt's default.
#[no_mangle]
pub extern "C" fn svr_conn_open(uri: *const c_char, flags: c_uint) -> *mut ConnHandle {
    guard_io("svr_conn_open", ptr::null_mut(), || {
        let uri = opt_str(uri)?;
        crate::boundary::note_connection_uri(uri);
        let c = CString::new(uri.unwrap_or("")).map_err(|_| Failure::message("URI contains a NUL byte"))?;
        let uri_ptr = if uri.is_some() { c.as_ptr() } else { ptr::null() };
        // SAFETY: plain libvirt call; the result is owned by the new handle.
        let p = unsafe { sys::virConnectOpenAuth(uri_ptr, ptr::null_mut(), flags) };
        if p.is_null() {
            return Err(Failure::last_libvirt());
        }
        Ok(boxed(unsafe { Connect::from_ptr(p) }))
    })
}

/// Opens a connection, asking `callback` for the credential types listed.
///
/// # Safety
/// `cred_types` must point to `ncred_types` ints; `callback` and `ctx` must
/// stay valid for the duration of the call.
#[no_mangle]
pub unsafe extern "C" fn svr_conn_open_auth(
    uri: *const c_char,
    flags: c_uint,
    cred_types: *const c_int,
    ncred_types: c_uint,
    callback: Option<unsafe extern "C" fn(ctx: *mut c_void, creds: *mut SvrCredential, ncreds: c_uint) -> c_int>,
    ctx: *mut c_void,
) -> *mut ConnHandle {
    guard_io("svr_conn_open_auth", ptr::null_mut(), || {
        let uri = opt_str(uri)?;
        crate::boundary::note_connection_uri(uri);
        let c = CString::new(uri.unwrap_or("")).map_err(|_| Failure::message("URI contains a NUL byte"))?;
        let uri_ptr = if uri.is_some() { c.as_ptr() } else { ptr::null() };
        let mut types: Vec<c_int> = if cred_types.is_null() {
            Vec::new()
        } else {
            std::slice::from_raw_parts(cred_types, ncred_types as usize).to_vec()
        };
        let p = match callback {
            // No callback: libvirt's own (console prompts), as upstream does.
            None => sys::virConnectOpenAuth(uri_ptr, sys::virConnectAuthPtrDefault, flags),
            Some(callback) => {
                let mut actx = AuthContext { callback, ctx };
                let mut auth = sys::virConnectAuth {
                    credtype: types.as_mut_ptr(),
                    ncredtype: types.len() as c_uint,
                    cb: Some(auth_trampoline),
                    cbdata: &mut actx as *mut AuthContext as *mut c_void,
                };
                sys::virConnectOpenAuth(uri_ptr, &mut auth, flags)
            }
        };
        if p.is_null() {
            return Err(Failure::last_libvirt());
        }
        Ok(boxed(Connect::from_ptr(p)))
    })
}

/// Releases the handle (the connection closes once libvirt holds no other
/// reference, e.g. from a domain or stream still alive).
///
/// # Safety
/// `conn` must be NULL or a handle from this library, freed once.
#[no_mangle]
pub unsafe extern "C" fn svr_conn_free(conn: *mut ConnHandle) {
    guard_io("svr_conn_free", (), || {
        if !conn.is_null() {
            drop(Box::from_raw(conn));
        }
        Ok(())
    })
}

fn string_call(name: &str, conn: *const ConnHandle, f: impl FnOnce(&Connect) -> std::result::Result<String, virt::error::Error>) -> *mut c_char {
    guard_io(name, ptr::null_mut(), || {
        let c = handle(conn, "the connection")?;
        Ok(into_c_string(f(&c.conn)?))
    })
}

fn bool_call(name: &str, conn: *const ConnHandle, f: impl FnOnce(&Connect) -> std::result::Result<bool, virt::error::Error>) -> c_int {
    guard_io(name, -1, || {
        let c = handle(conn, "the connection")?;
        Ok(f(&c.conn)? as c_int)
    })
}

#[no_mangle]
pub extern "C" fn svr_conn_get_uri(conn: *const ConnHandle) -> *mut c_char {
    string_call("svr_conn_get_uri", conn, |c| c.uri())
}

#[no_mangle]
pub extern "C" fn svr_conn_get_type(conn: *const ConnHandle) -> *mut c_char {
    string_call("svr_conn_get_type", conn, |c| c.driver_type())
}

#[no_mangle]
pub extern "C" fn svr_conn_get_hostname(conn: *const ConnHandle) -> *mut c_char {
    string_call("svr_conn_get_hostname", conn, |c| c.hostname())
}

fn version_call(name: &str, conn: *const ConnHandle, out: *mut u64, call: unsafe extern "C" fn(sys::virConnectPtr, *mut c_ulong) -> c_int) -> c_int {
    guard_io(name, -1, || {
        let c = handle(conn, "the connection")?;
        let mut v: c_ulong = 0;
        // SAFETY: valid connection, valid out pointer.
        if unsafe { call(c.ptr(), &mut v) } < 0 {
            return Err(Failure::last_libvirt());
        }
        // SAFETY: the glue passes a valid pointer.
        unsafe { *out = v as u64 };
        Ok(0)
    })
}

/// The hypervisor's version (major * 1,000,000 + minor * 1,000 + release).
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn svr_conn_get_version(conn: *const ConnHandle, out: *mut u64) -> c_int {
    version_call("svr_conn_get_version", conn, out, sys::virConnectGetVersion)
}

/// The version of libvirt on the far end of the connection.
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn svr_conn_get_library_version(conn: *const ConnHandle, out: *mut u64) -> c_int {
    version_call("svr_conn_get_library_version", conn, out, sys::virConnectGetLibVersion)
}

#[no_mangle]
pub extern "C" fn svr_conn_is_alive(conn: *const ConnHandle) -> c_int {
    bool_call("svr_conn_is_alive", conn, |c| c.is_alive())
}

#[no_mangle]
pub extern "C" fn svr_conn_is_secure(conn: *const ConnHandle) -> c_int {
    bool_call("svr_conn_is_secure", conn, |c| c.is_secure())
}

#[no_mangle]
pub extern "C" fn svr_conn_is_encrypted(conn: *const ConnHandle) -> c_int {
    bool_call("svr_conn_is_encrypted", conn, |c| c.is_encrypted())
}

#[no_mangle]
pub extern "C" fn svr_conn_set_keep_alive(conn: *const ConnHandle, interval: c_int, count: c_uint) -> c_int {
    guard_io("svr_conn_set_keep_alive", -1, || {
        let c = handle(conn, "the connection")?;
        // SAFETY: valid connection.
        let rc = unsafe { sys::virConnectSetKeepAlive(c.ptr(), interval, count) };
        if rc < 0 {
            return Err(Failure::last_libvirt());
        }
        Ok(rc)
    })
}

/// Version of the libvirt library this process runs with.
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn svr_libvirt_version(out: *mut u64) -> c_int {
    guard_io("svr_libvirt_version", -1, || {
        let mut v: c_ulong = 0;
        if sys::virGetVersion(&mut v, ptr::null(), ptr::null_mut()) < 0 {
            return Err(Failure::last_libvirt());
        }
        *out = v as u64;
        Ok(0)
    })
}

/// Borrowed C string as `&str`, for tests.
#[cfg(test)]
fn s(p: *mut c_char) -> String {
    use std::ffi::CStr;
    let r = unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned();
    unsafe { crate::boundary::svr_string_free(p) };
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::take;

    fn open_test() -> *mut ConnHandle {
        let uri = CString::new("test:///default").unwrap();
        let c = svr_conn_open(uri.as_ptr(), 0);
        assert!(!c.is_null(), "{:?}", take());
        c
    }

    #[test]
    fn open_and_query_test_driver() {
        let c = open_test();
        assert_eq!(s(svr_conn_get_uri(c)), "test:///default");
        assert_eq!(s(svr_conn_get_type(c)), "TEST");
        assert!(!s(svr_conn_get_hostname(c)).is_empty());
        let mut v = 0u64;
        assert_eq!(unsafe { svr_conn_get_library_version(c, &mut v) }, 0);
        // At least the libvirt the build used.
        let built = crate::api::LIBVIRT_BUILT_VERSION.split('.').fold(0u64, |n, p| n * 1000 + p.parse::<u64>().unwrap());
        assert!(v >= built, "library {v}, built against {built}");
        assert_eq!(svr_conn_is_alive(c), 1);
        assert_eq!(svr_conn_is_secure(c), 1);
        unsafe { svr_conn_free(c) };
    }

    #[test]
    fn bad_uri_records_libvirt_error() {
        virt::error::clear_error_callback();
        let uri = CString::new("nosuch:///nowhere").unwrap();
        assert!(svr_conn_open(uri.as_ptr(), 0).is_null());
        match take() {
            Some(Failure::Libvirt { code, message, .. }) => {
                assert_ne!(code, 0);
                assert!(!message.is_empty());
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn null_connection_is_refused() {
        assert!(svr_conn_get_uri(ptr::null()).is_null());
        assert_eq!(take().unwrap().text(), "the connection is no longer valid");
    }

    unsafe extern "C" fn answer(ctx: *mut c_void, creds: *mut SvrCredential, n: c_uint) -> c_int {
        *(ctx as *mut u32) += 1;
        for c in std::slice::from_raw_parts_mut(creds, n as usize) {
            let v = if c.cred_type == sys::VIR_CRED_AUTHNAME as c_int { "alice" } else { "secret" };
            // Bound to a name: Rust 1.78's lint took the temporary for dangling.
            let owned = CString::new(v).unwrap();
            c.result = libc::strdup(owned.as_ptr());
            c.resultlen = v.len() as c_uint;
        }
        0
    }

    unsafe extern "C" fn refuse(_ctx: *mut c_void, _c: *mut SvrCredential, _n: c_uint) -> c_int {
        -1
    }

    fn auth_xml() -> std::path::PathBuf {
        let p = std::env::temp_dir().join(format!("svr-auth-{}.xml", std::process::id()));
        std::fs::write(
            &p,
            "<node><auth><user password='secret'>alice</user></auth></node>",
        )
        .unwrap();
        p
    }

    #[test]
    fn auth_callback_answers_test_driver() {
        let xml = auth_xml();
        let uri = CString::new(format!("test://{}", xml.display())).unwrap();
        let types = [sys::VIR_CRED_AUTHNAME as c_int, sys::VIR_CRED_PASSPHRASE as c_int];
        let mut calls = 0u32;
        let c = unsafe {
            svr_conn_open_auth(uri.as_ptr(), 0, types.as_ptr(), 2, Some(answer), &mut calls as *mut u32 as *mut c_void)
        };
        assert!(!c.is_null(), "{:?}", take());
        assert!(calls >= 1);
        unsafe { svr_conn_free(c) };
        let c = unsafe { svr_conn_open_auth(uri.as_ptr(), 0, types.as_ptr(), 2, Some(refuse), ptr::null_mut()) };
        assert!(c.is_null());
        assert!(take().is_some());
        std::fs::remove_file(xml).ok();
    }
}
