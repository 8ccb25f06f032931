//! Hand-written method bodies of Sys::Virt.

#[allow(unused_imports)]
use crate::api::{handles::*, params, *};
