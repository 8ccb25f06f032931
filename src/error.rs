//! Failures, captured where they happen (DESIGN.md rule 6).
//!
//! A failing libvirt call is copied out of libvirt's per-thread error right
//! after the call into a [`Failure`]; the exported function stores it in a
//! thread-local slot and returns its failure value; the XS glue then takes
//! it with [`svr_failure_take`] and raises `Sys::Virt::Error` (or a plain
//! message) in Perl.

use std::cell::RefCell;
use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_int};

use virt_sys as sys;

/// No failure is recorded.
pub const SVR_FAILURE_NONE: c_int = 0;
/// A libvirt error: raise a `Sys::Virt::Error` object.
pub const SVR_FAILURE_LIBVIRT: c_int = 1;
/// A plain message (bad argument, internal error): raise it as a string.
pub const SVR_FAILURE_MESSAGE: c_int = 2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    Libvirt {
        code: i32,
        domain: i32,
        level: i32,
        message: String,
    },
    Message(String),
}

impl Failure {
    /// Copies libvirt's last error of this thread (and resets it).
    pub fn last_libvirt() -> Failure {
        // SAFETY: virGetLastError returns NULL or a pointer to this
        // thread's error, valid until the next libvirt call on the thread.
        unsafe {
            let err = sys::virGetLastError();
            if err.is_null() {
                return Failure::Libvirt {
                    code: sys::VIR_ERR_INTERNAL_ERROR as i32,
                    domain: sys::VIR_FROM_NONE as i32,
                    level: sys::VIR_ERR_ERROR as i32,
                    message: "an unknown libvirt error occurred".into(),
                };
            }
            let message = if (*err).message.is_null() {
                String::new()
            } else {
                CStr::from_ptr((*err).message).to_string_lossy().into_owned()
            };
            let f = Failure::Libvirt {
                code: (*err).code,
                domain: (*err).domain,
                level: (*err).level as i32,
                message,
            };
            sys::virResetLastError();
            f
        }
    }

    pub fn message(msg: impl Into<String>) -> Failure {
        Failure::Message(msg.into())
    }

    pub fn text(&self) -> &str {
        match self {
            Failure::Libvirt { message, .. } => message,
            Failure::Message(m) => m,
        }
    }
}

impl From<virt::error::Error> for Failure {
    fn from(e: virt::error::Error) -> Failure {
        Failure::Libvirt {
            code: e.code().to_raw() as i32,
            domain: e.domain().to_raw() as i32,
            level: e.level() as i32,
            message: e.message().to_string(),
        }
    }
}

pub type Result<T> = std::result::Result<T, Failure>;

thread_local! {
    static LAST: RefCell<Option<Failure>> = const { RefCell::new(None) };
    /// Keeps the message handed out by `svr_failure_take` alive.
    static HANDED_OUT: RefCell<Option<CString>> = const { RefCell::new(None) };
}

pub fn record(f: Failure) {
    LAST.with(|l| *l.borrow_mut() = Some(f));
}

pub fn take() -> Option<Failure> {
    LAST.with(|l| l.borrow_mut().take())
}

/// What the glue receives about the last failure of this thread.
#[repr(C)]
pub struct SvrFailure {
    pub kind: c_int,
    pub code: c_int,
    pub domain: c_int,
    pub level: c_int,
    pub message: *const c_char,
}

/// Moves the failure recorded on this thread into `*out` (the message stays
/// valid until the next call). Returns its kind, `SVR_FAILURE_NONE` if none.
///
/// # Safety
/// `out` must point to writable memory for one `SvrFailure`.
#[no_mangle]
pub unsafe extern "C" fn svr_failure_take(out: *mut SvrFailure) -> c_int {
    let f = take();
    let (kind, code, domain, level, msg) = match f {
        None => (SVR_FAILURE_NONE, 0, 0, 0, String::new()),
        Some(Failure::Libvirt { code, domain, level, message }) => {
            (SVR_FAILURE_LIBVIRT, code, domain, level, message)
        }
        Some(Failure::Message(m)) => (SVR_FAILURE_MESSAGE, 0, 0, 0, m),
    };
    let c = CString::new(msg.replace('\0', "\\0")).unwrap_or_default();
    let ptr = c.as_ptr();
    HANDED_OUT.with(|h| *h.borrow_mut() = Some(c));
    if !out.is_null() {
        *out = SvrFailure { kind, code, domain, level, message: ptr };
    }
    kind
}

/// Called once when the module loads: initializes libvirt (its per-thread
/// error slot is unusable before, and some calls, such as registering an
/// event loop, may fail before any connection is opened), and stops it
/// from printing every error on stderr: errors reach the script as
/// exceptions instead.
#[no_mangle]
pub extern "C" fn svr_init_libvirt() {
    // SAFETY: idempotent libvirt initialization.
    unsafe { sys::virInitialize() };
    virt::error::clear_error_callback();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn take_moves_the_failure_out() {
        record(Failure::message("boom"));
        let mut out = SvrFailure { kind: -1, code: 0, domain: 0, level: 0, message: std::ptr::null() };
        assert_eq!(unsafe { svr_failure_take(&mut out) }, SVR_FAILURE_MESSAGE);
        assert_eq!(unsafe { CStr::from_ptr(out.message) }.to_str().unwrap(), "boom");
        assert_eq!(unsafe { svr_failure_take(&mut out) }, SVR_FAILURE_NONE);
    }

    #[test]
    fn libvirt_error_is_captured() {
        virt::error::clear_error_callback();
        let e = virt::connect::Connect::open(Some("nosuchdriver:///x")).unwrap_err();
        let f = Failure::from(e);
        match f {
            Failure::Libvirt { code, level, .. } => {
                assert_ne!(code, 0);
                assert_eq!(level, sys::VIR_ERR_ERROR as i32);
            }
            _ => panic!("not a libvirt failure"),
        }
    }
}
