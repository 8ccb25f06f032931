//! Storage volumes (`Sys::Virt::StorageVol`).

use virt::storage_vol::StorageVol;

/// The Rust handle behind a `Sys::Virt::StorageVol` object.
pub struct VolHandle {
    pub(crate) vol: StorageVol,
}
