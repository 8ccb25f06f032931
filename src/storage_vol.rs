//! Storage volumes (`Sys::Virt::StorageVol`).

use virt::storage_vol::StorageVol;
use virt_sys as sys;

/// The Rust handle behind a `Sys::Virt::StorageVol` object.
pub struct VolHandle {
    pub(crate) vol: StorageVol,
}

impl VolHandle {
    pub fn ptr(&self) -> sys::virStorageVolPtr {
        // SAFETY: valid while `self.vol` holds its reference.
        unsafe { self.vol.as_ptr() }
    }
}
