//! Hand-written method bodies of Sys::Virt::Interface.

#[allow(unused_imports)]
use crate::api::{handles::*, params, *};
