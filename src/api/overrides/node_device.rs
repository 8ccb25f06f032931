//! Hand-written method bodies of Sys::Virt::NodeDevice.

#[allow(unused_imports)]
use crate::api::{handles::*, params, *};
