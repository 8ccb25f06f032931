//! Storage pools (`Sys::Virt::StoragePool`).

use virt::storage_pool::StoragePool;
use virt_sys as sys;

/// The Rust handle behind a `Sys::Virt::StoragePool` object.
pub struct PoolHandle {
    pub(crate) pool: StoragePool,
}

impl PoolHandle {
    pub fn ptr(&self) -> sys::virStoragePoolPtr {
        // SAFETY: valid while `self.pool` holds its reference.
        unsafe { self.pool.as_ptr() }
    }
}
