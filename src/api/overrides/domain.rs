//! Hand-written method bodies of Sys::Virt::Domain.

#[allow(unused_imports)]
use crate::api::{handles::*, params, *};
