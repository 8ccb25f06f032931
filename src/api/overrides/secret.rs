//! Hand-written method bodies of Sys::Virt::Secret.

#[allow(unused_imports)]
use crate::api::{handles::*, params, *};
