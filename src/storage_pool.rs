//! Storage pools (`Sys::Virt::StoragePool`).

use virt::storage_pool::StoragePool;

/// The Rust handle behind a `Sys::Virt::StoragePool` object.
pub struct PoolHandle {
    pub(crate) pool: StoragePool,
}
