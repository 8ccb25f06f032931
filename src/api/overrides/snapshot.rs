//! Hand-written method bodies of Sys::Virt::DomainSnapshot and Sys::Virt::DomainCheckpoint.

use std::os::raw::{c_int, c_uint};

use virt_sys as sys;

#[allow(unused_imports)]
use crate::api::{handles::*, params, *};
use crate::error::{Failure, Result};

use super::domain::{names_upto_with_flags, snapshots_by_name};

pub fn list_child_snapshot_names(this: &DomainSnapshotHandle, maxnames: c_int, flags: c_uint) -> Result<Value> {
    names_upto_with_flags(
        this.raw(),
        maxnames,
        flags,
        sys::virDomainSnapshotNumChildren,
        sys::virDomainSnapshotListChildrenNames,
    )
}

/// The children as objects. The classic binding's version of this method
/// always returns an empty list (it looks the names up on the snapshot as
/// if it were the domain); this one returns the children.
pub fn list_child_snapshots(this: &DomainSnapshotHandle) -> Result<Value> {
    let s = this.raw();
    // SAFETY: the snapshot's domain, valid while the snapshot is (no new reference).
    let d = unsafe { sys::virDomainSnapshotGetDomain(s) };
    if d.is_null() {
        return Err(Failure::last_libvirt());
    }
    // SAFETY: valid snapshot.
    let n = check(unsafe { sys::virDomainSnapshotNumChildren(s, 0) })?;
    let names = list_child_snapshot_names(this, n, 0)?;
    snapshots_by_name(d, names)
}
