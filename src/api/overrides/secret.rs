//! Hand-written method bodies of Sys::Virt::Secret, and of the
//! connection's secret methods whose shape is irregular.

#[allow(unused_imports)]
use crate::api::{handles::*, params, *};

use std::os::raw::c_uint;

use crate::error::Failure;

/// `$conn->list_secret_uuids($maxuuids)`.
pub fn list_uuids(this: &ConnHandle, maxuuids: c_int) -> Result<Value> {
    let conn = this.raw();
    name_list(
        Some(maxuuids),
        || 0,
        // SAFETY: valid connection; `uuids` has room for `max` entries.
        |uuids, max| unsafe { sys::virConnectListSecrets(conn, uuids, max) },
    )
}

/// `$secret->get_value($flags)`: the value's bytes, binary-safe.
pub fn get_value(this: &SecretHandle, flags: c_uint) -> Result<Value> {
    let mut len: usize = 0;
    // SAFETY: valid secret; `len` is writable.
    let p = unsafe { sys::virSecretGetValue(this.raw(), &mut len, flags) };
    if p.is_null() {
        return Err(Failure::last_libvirt());
    }
    // SAFETY: libvirt returned `len` bytes allocated for the caller: copied,
    // wiped (it is a secret), then freed.
    let bytes = unsafe {
        let v = std::slice::from_raw_parts(p, len).to_vec();
        std::ptr::write_bytes(p, 0, len);
        libc::free(p as *mut std::ffi::c_void);
        v
    };
    Ok(Value::Str(bytes))
}
