//! Connections (`Sys::Virt`).

use virt::connect::Connect;
use virt_sys as sys;

/// The Rust handle behind a `Sys::Virt` object.
pub struct ConnHandle {
    pub(crate) conn: Connect,
}

impl ConnHandle {
    pub fn ptr(&self) -> sys::virConnectPtr {
        // SAFETY: the pointer stays valid while `self.conn` holds its reference.
        unsafe { self.conn.as_ptr() }
    }
}
