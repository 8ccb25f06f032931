//! The event loop bridge (`Sys::Virt::Event`).

use std::os::raw::c_int;

use virt_sys as sys;

use crate::boundary::guard;
use crate::error::Failure;

/// Registers libvirt's own poll-based event loop.
#[no_mangle]
pub extern "C" fn svr_event_register_default() -> c_int {
    guard("svr_event_register_default", -1, || {
        // SAFETY: plain libvirt call.
        if unsafe { sys::virEventRegisterDefaultImpl() } < 0 {
            return Err(Failure::last_libvirt());
        }
        Ok(0)
    })
}

/// Runs one iteration of libvirt's default event loop. Perl callbacks run
/// inside it never unwind through it: the glue keeps their exception and
/// raises it once this returns.
#[no_mangle]
pub extern "C" fn svr_event_run_default() -> c_int {
    guard("svr_event_run_default", -1, || {
        // SAFETY: plain libvirt call.
        if unsafe { sys::virEventRunDefaultImpl() } < 0 {
            return Err(Failure::last_libvirt());
        }
        Ok(0)
    })
}
