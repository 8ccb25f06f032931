//! Hand-written method bodies of Sys::Virt::NWFilter and Sys::Virt::NWFilterBinding,
//! and of the connection's network filter methods whose shape is irregular.

use std::os::raw::c_int;

use virt_sys as sys;

use crate::error::Result;

#[allow(unused_imports)]
use crate::api::{handles::*, params, *};

/// `$conn->list_nwfilter_names($maxnames)`
pub fn list_names(this: &ConnHandle, max: Option<c_int>) -> Result<Value> {
    conn_name_list(this, max, sys::virConnectNumOfNWFilters, sys::virConnectListNWFilters)
}
