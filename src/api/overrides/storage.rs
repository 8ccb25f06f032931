//! Hand-written method bodies of Sys::Virt::StoragePool and Sys::Virt::StorageVol.

#[allow(unused_imports)]
use crate::api::{handles::*, params, *};
