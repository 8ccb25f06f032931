//! Helpers shared by the libvirt object modules (domains, pools, volumes):
//! checking libvirt return values right after the call (DESIGN.md rule 6),
//! C strings in and out, boxed handles, and lists of handles.

use std::ffi::{c_void, CStr, CString};
use std::os::raw::{c_char, c_int};

use crate::boundary::guard_io;
use crate::error::{Failure, Result};

/// A libvirt status: negative means failure, captured at once.
pub(crate) fn check(rc: c_int) -> Result<c_int> {
    if rc < 0 {
        Err(Failure::last_libvirt())
    } else {
        Ok(rc)
    }
}

/// A libvirt object pointer: NULL means failure, captured at once.
pub(crate) fn check_ptr<T>(p: *mut T) -> Result<*mut T> {
    if p.is_null() {
        Err(Failure::last_libvirt())
    } else {
        Ok(p)
    }
}

/// A required string argument from C, as a NUL-terminated copy for libvirt.
/// The bytes pass unchanged, as the classic binding passes them (Perl
/// strings are bytes here; libvirt itself checks what it needs).
pub(crate) fn c_arg(s: *const c_char, what: &str) -> Result<CString> {
    if s.is_null() {
        return Err(Failure::message(format!("{what} is required")));
    }
    // SAFETY: the glue passes NUL-terminated strings from Perl scalars.
    Ok(unsafe { CStr::from_ptr(s) }.to_owned())
}

/// A string libvirt returned that the object owns (not to be freed):
/// copied into a string for the glue. NULL is a libvirt failure.
pub(crate) fn borrowed_string(p: *const c_char) -> Result<*mut c_char> {
    if p.is_null() {
        return Err(Failure::last_libvirt());
    }
    // SAFETY: libvirt returned a valid NUL-terminated string. Bytes pass
    // unchanged, as the classic binding passes them.
    Ok(crate::boundary::bytes_to_c_string(unsafe { CStr::from_ptr(p) }.to_bytes()))
}

/// A string libvirt allocated for the caller (with malloc): handed to the
/// glue as it is, which frees it with `svr_string_free`. NULL is a libvirt
/// failure.
pub(crate) fn owned_string(p: *mut c_char) -> Result<*mut c_char> {
    if p.is_null() {
        return Err(Failure::last_libvirt());
    }
    Ok(p)
}

/// A UUID string buffer (`VIR_UUID_STRING_BUFLEN`) turned into a string.
pub(crate) fn uuid_string(f: impl FnOnce(*mut c_char) -> c_int) -> Result<*mut c_char> {
    let mut buf = [0 as c_char; virt_sys::VIR_UUID_STRING_BUFLEN as usize];
    check(f(buf.as_mut_ptr()))?;
    borrowed_string(buf.as_ptr())
}

/// Hands a list of new handles to the glue: `*out` receives an array of
/// `n` pointers (freed with [`svr_list_free`]); returns `n`.
pub(crate) fn hand_out_list<T>(items: Vec<*mut T>, out: *mut *mut *mut T) -> Result<c_int> {
    if out.is_null() {
        return Err(Failure::message("no place to store the list"));
    }
    let n = items.len() as c_int;
    let raw = Box::into_raw(items.into_boxed_slice()) as *mut *mut T;
    // SAFETY: checked non-NULL; the glue passes a valid pointer.
    unsafe { *out = raw };
    Ok(n)
}

/// Frees the array of a list returned by a `*_list_all*` function (not the
/// handles in it: the glue owns those once it has wrapped them).
///
/// # Safety
/// `list` must be NULL or an array of `n` pointers from this library.
#[no_mangle]
pub unsafe extern "C" fn svr_list_free(list: *mut *mut c_void, n: c_int) {
    guard_io("svr_list_free", (), || {
        if !list.is_null() {
            let slice = std::ptr::slice_from_raw_parts_mut(list, n.max(0) as usize);
            drop(Box::from_raw(slice));
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_round_trip() {
        let items: Vec<*mut u32> = (0..3).map(|i| Box::into_raw(Box::new(i))).collect();
        let mut out: *mut *mut u32 = std::ptr::null_mut();
        assert_eq!(hand_out_list(items, &mut out).unwrap(), 3);
        let got: Vec<u32> = (0..3).map(|i| unsafe { *Box::from_raw(*out.add(i)) }).collect();
        assert_eq!(got, vec![0, 1, 2]);
        unsafe { svr_list_free(out as *mut *mut c_void, 3) };
        // An empty list is an empty (dangling but valid) boxed slice.
        let mut out: *mut *mut u32 = std::ptr::null_mut();
        assert_eq!(hand_out_list(Vec::new(), &mut out).unwrap(), 0);
        unsafe { svr_list_free(out as *mut *mut c_void, 0) };
    }

    #[test]
    fn missing_argument_is_a_message() {
        let e = c_arg(std::ptr::null(), "the name").unwrap_err();
        assert_eq!(e.text(), "the name is required");
    }
}
