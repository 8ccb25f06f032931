//! Hand-written method bodies of Sys::Virt::NWFilter and Sys::Virt::NWFilterBinding,
//! and of the connection's network filter methods whose shape is irregular.

use std::os::raw::c_int;

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
