//! Hand-written method bodies of Sys::Virt::DomainSnapshot and Sys::Virt::DomainCheckpoint.

#[allow(unused_imports)]
use crate::api::{handles::*, params, *};
