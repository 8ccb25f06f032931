//! Opening a connection with an auth callback (`Sys::Virt::_open_auth`, the
//! one connection XSUB written by hand: libvirt calls back into the script
//! from inside `virConnectOpenAuth`). The glue's callback answers the
//! credentials; this side hands it libvirt's request and its answers back.

use std::ffi::c_void;
use std::os::raw::{c_char, c_int, c_uint};
use std::ptr;

use virt_sys as sys;

use crate::boundary::{guard, guard_io, opt_str};
use crate::error::Failure;

use super::handles::ConnHandle;
use super::Object;

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

/// Asks the script for credentials; returns 0, or a negative number to fail
/// the open. NULL: libvirt's own console prompts.
pub type SvrAuthFn = Option<unsafe extern "C" fn(ctx: *mut c_void, creds: *mut SvrCredential, ncreds: c_uint) -> c_int>;

struct AuthContext {
    callback: unsafe extern "C" fn(ctx: *mut c_void, creds: *mut SvrCredential, ncreds: c_uint) -> c_int,
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

/// Opens a connection, asking `callback` for the credential types listed
/// (no callback: libvirt's own console prompts, as upstream).
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
    callback: SvrAuthFn,
    ctx: *mut c_void,
) -> *mut ConnHandle {
    guard_io("svr_conn_open_auth", ptr::null_mut(), || {
        let remote = crate::boundary::note_connection_uri(opt_str(uri)?);
        let mut types: Vec<c_int> = if cred_types.is_null() {
            Vec::new()
        } else {
            std::slice::from_raw_parts(cred_types, ncred_types as usize).to_vec()
        };
        let p = crate::fork::opening(remote, || match callback {
            None => sys::virConnectOpenAuth(uri, sys::virConnectAuthPtrDefault, flags),
            Some(callback) => {
                let mut actx = AuthContext { callback, ctx };
                let mut auth = sys::virConnectAuth {
                    credtype: types.as_mut_ptr(),
                    ncredtype: types.len() as c_uint,
                    cb: Some(auth_trampoline),
                    cbdata: &mut actx as *mut AuthContext as *mut c_void,
                };
                sys::virConnectOpenAuth(uri, &mut auth, flags)
            }
        })?;
        if p.is_null() {
            return Err(Failure::last_libvirt());
        }
        Ok(ConnHandle::adopt(p))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::take;
    use std::ffi::CString;

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

    #[test]
    fn auth_callback_answers_test_driver() {
        let xml = std::env::temp_dir().join(format!("svr-auth-{}.xml", std::process::id()));
        std::fs::write(&xml, "<node><auth><user password='secret'>alice</user></auth></node>").unwrap();
        let uri = CString::new(format!("test://{}", xml.display())).unwrap();
        let types = [sys::VIR_CRED_AUTHNAME as c_int, sys::VIR_CRED_PASSPHRASE as c_int];
        let mut calls = 0u32;
        let c = unsafe {
            svr_conn_open_auth(uri.as_ptr(), 0, types.as_ptr(), 2, Some(answer), &mut calls as *mut u32 as *mut c_void)
        };
        assert!(!c.is_null(), "{:?}", take());
        assert!(calls >= 1);
        unsafe { ConnHandle::release(c) };
        let c = unsafe { svr_conn_open_auth(uri.as_ptr(), 0, types.as_ptr(), 2, Some(refuse), ptr::null_mut()) };
        assert!(c.is_null());
        assert!(take().is_some());
        std::fs::remove_file(xml).ok();
    }
}
