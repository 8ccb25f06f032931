//! Hand-written method bodies of Sys::Virt::Network and Sys::Virt::NetworkPort.

#[allow(unused_imports)]
use crate::api::{handles::*, params, *};
