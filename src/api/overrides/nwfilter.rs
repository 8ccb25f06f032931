//! Hand-written method bodies of Sys::Virt::NWFilter and Sys::Virt::NWFilterBinding,
//! and of the connection's network filter methods whose shape is irregular.

use std::ffi::CString;
use std::os::raw::{c_int, c_uint};

use virt_sys as sys;

use super::network::by_uuid;
use crate::connect::ConnHandle;
use crate::error::Result;

#[allow(unused_imports)]
use crate::api::{handles::*, params, *};

/// `$conn->get_nwfilter_by_uuid($uuid)`
pub fn lookup_by_uuid(this: &ConnHandle, uuid: Vec<u8>) -> Result<Value> {
    let c = this.raw();
    by_uuid::<NWFilterHandle>(
        "Sys::Virt::get_nwfilter_by_uuid",
        &uuid,
        // SAFETY: 16 bytes / a NUL-terminated string, valid for the call.
        |u| unsafe { sys::virNWFilterLookupByUUID(c, u) },
        |s| unsafe { sys::virNWFilterLookupByUUIDString(c, s) },
    )
}

/// `$conn->list_nwfilter_names($maxnames)`
pub fn list_names(this: &ConnHandle, max: Option<c_int>) -> Result<Value> {
    let c = this.raw();
    // SAFETY: libvirt fills at most `n` names into the array it is given.
    name_list(max, || unsafe { sys::virConnectNumOfNWFilters(c) }, |p, n| unsafe {
        sys::virConnectListNWFilters(c, p, n)
    })
}

/// `$conn->define_nwfilter($xml, $flags=0)`: as the classic binding, the
/// call without flags when there are none (daemons before libvirt 7.7 lack
/// the other).
pub fn define_xml(this: &ConnHandle, xml: CString, flags: c_uint) -> Result<Value> {
    let c = this.raw();
    // SAFETY: `xml` is valid for the call; a new reference or NULL.
    let p = if flags == 0 {
        unsafe { sys::virNWFilterDefineXML(c, xml.as_ptr()) }
    } else {
        #[cfg(libvirt = "virNWFilterDefineXMLFlags")]
        let p = unsafe { sys::virNWFilterDefineXMLFlags(c, xml.as_ptr(), flags) };
        #[cfg(not(libvirt = "virNWFilterDefineXMLFlags"))]
        let p = lacking("Sys::Virt::define_nwfilter", "virNWFilterDefineXMLFlags")?;
        p
    };
    Ok(Value::Object(ObjectOut::adopt::<NWFilterHandle>(p)?))
}
