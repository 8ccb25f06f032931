//! Hand-written method bodies of Sys::Virt::NWFilter and Sys::Virt::NWFilterBinding.

#[allow(unused_imports)]
use crate::api::{handles::*, params, *};
