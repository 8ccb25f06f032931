//! Hand-written method bodies of Sys::Virt::NodeDevice, and of the
//! connection's node device methods whose shape is irregular.

#[allow(unused_imports)]
use crate::api::{handles::*, params, *};

use std::ffi::CString;
use std::os::raw::{c_char, c_uint};


/// `$conn->list_node_device_names($cap, $maxnames, $flags)`.
pub fn list_names(this: &ConnHandle, cap: Option<CString>, maxnames: c_int, flags: c_uint) -> Result<Value> {
    let conn = this.raw();
    let cap = opt_ptr(&cap);
    name_list(
        Some(maxnames),
        || 0,
        // SAFETY: valid connection; `names` has room for `max` entries.
        |names, max| unsafe { sys::virNodeListDevices(conn, cap, names, max, flags) },
    )
}

/// `$dev->get_parent()`: the parent's name, or undef for a device
/// without a parent (libvirt returns NULL then, and sets no error).
pub fn get_parent(this: &NodeDeviceHandle) -> Result<Value> {
    // SAFETY: valid device; libvirt resets the thread's error first.
    let p = unsafe { sys::virNodeDeviceGetParent(this.raw()) };
    if p.is_null() {
        // SAFETY: plain query of this thread's error.
        if unsafe { !sys::virGetLastError().is_null() } {
            return Err(crate::error::Failure::last_libvirt());
        }
        return Ok(Value::Undef);
    }
    // SAFETY: a string the device owns.
    Ok(unsafe { Value::from_c_str(p) })
}

/// `$dev->dettach($driver, $flags)`: the classic binding calls
/// `virNodeDeviceDettach` unless a driver or flags are given.
pub fn dettach(this: &NodeDeviceHandle, driver: Option<CString>, flags: c_uint) -> Result<Value> {
    let rc = if driver.is_some() || flags != 0 {
        // SAFETY: valid device; the driver name is NULL or a C string.
        unsafe { sys::virNodeDeviceDetachFlags(this.raw(), opt_ptr(&driver), flags) }
    } else {
        // SAFETY: valid device.
        unsafe { sys::virNodeDeviceDettach(this.raw()) }
    };
    check(rc)?;
    Ok(Value::Nothing)
}

/// `$dev->list_capabilities()`: the capability names.
pub fn list_capabilities(this: &NodeDeviceHandle) -> Result<Value> {
    let dev = this.raw();
    name_list(
        None,
        // SAFETY: valid device.
        || unsafe { sys::virNodeDeviceNumOfCaps(dev) },
        // SAFETY: valid device; `names` has room for `max` entries.
        |names: *mut *mut c_char, max| unsafe { sys::virNodeDeviceListCaps(dev, names, max) },
    )
}
