//! The entry point Perl's DynaLoader looks up. The XS glue's own boot
//! function is compiled under another name (see build.rs): a cdylib only
//! exports what Rust exports, so Rust exports the boot and forwards to it.

use std::ffi::c_void;

extern "C" {
    fn svr_xs_boot(interp: *mut c_void, cv: *mut c_void);
}

/// # Safety
/// Called by Perl's DynaLoader with the interpreter and the boot CV.
#[no_mangle]
pub unsafe extern "C" fn boot_Sys__Virt(interp: *mut c_void, cv: *mut c_void) {
    svr_xs_boot(interp, cv)
}
