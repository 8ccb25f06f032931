//! Hand-written method bodies of Sys::Virt::Interface, and of the
//! connection's interface methods whose shape is irregular.

use std::ffi::CString;
use std::os::raw::c_int;

use virt_sys as sys;

use crate::error::Result;

#[allow(unused_imports)]
use crate::api::{handles::*, params, *};

/// `$conn->list_interface_names($maxnames)`
pub fn list_names(this: &ConnHandle, max: Option<c_int>) -> Result<Value> {
    conn_name_list(this, max, sys::virConnectNumOfInterfaces, sys::virConnectListInterfaces)
}

/// `$conn->list_defined_interface_names($maxnames)`
pub fn list_defined_names(this: &ConnHandle, max: Option<c_int>) -> Result<Value> {
    conn_name_list(this, max, sys::virConnectNumOfDefinedInterfaces, sys::virConnectListDefinedInterfaces)
}

/// `$conn->create_interface($xml)`: as in the classic binding, this
/// defines the interface (libvirt has no transient interfaces).
pub fn create(this: &ConnHandle, xml: CString) -> Result<Value> {
    // SAFETY: `xml` is valid for the call; a new reference or NULL.
    let p = unsafe { sys::virInterfaceDefineXML(this.raw(), xml.as_ptr(), 0) };
    Ok(Value::Object(ObjectOut::adopt::<InterfaceHandle>(p)?))
}
