//! Hand-written method bodies of Sys::Virt::StoragePool and
//! Sys::Virt::StorageVol, and of the connection's storage methods whose
//! shape is irregular.

#[allow(unused_imports)]
use crate::api::{handles::*, params, *};

use crate::stream::{Direction, StreamHandle};
use std::os::raw::c_uint;

/// `$conn->get_storage_pool_by_volume($vol)`: the pool holding `$vol`
/// (libvirt looks it up through the volume's own connection).
pub fn pool_by_volume(_this: &ConnHandle, vol: &VolHandle) -> Result<Value> {
    // SAFETY: valid volume.
    let p = unsafe { sys::virStoragePoolLookupByVolume(vol.raw()) };
    Ok(Value::Object(ObjectOut::adopt::<PoolHandle>(p)?))
}

/// `$conn->list_storage_pool_names($maxnames)`: the active pools.
pub fn list_pool_names(this: &ConnHandle, maxnames: c_int) -> Result<Value> {
    let conn = this.raw();
    // SAFETY: valid connection; `names` has room for `max` entries.
    name_list(Some(maxnames), || 0, |names, max| unsafe { sys::virConnectListStoragePools(conn, names, max) })
}

/// `$conn->list_defined_storage_pool_names($maxnames)`: the inactive pools.
pub fn list_defined_pool_names(this: &ConnHandle, maxnames: c_int) -> Result<Value> {
    let conn = this.raw();
    // SAFETY: as above.
    name_list(Some(maxnames), || 0, |names, max| unsafe { sys::virConnectListDefinedStoragePools(conn, names, max) })
}

/// `$pool->list_storage_vol_names($maxnames)`.
pub fn list_vol_names(this: &PoolHandle, maxnames: c_int) -> Result<Value> {
    let pool = this.raw();
    // SAFETY: valid pool; `names` has room for `max` entries.
    name_list(Some(maxnames), || 0, |names, max| unsafe { sys::virStoragePoolListVolumes(pool, names, max) })
}

/// `$vol->download($st, $offset, $length, $flags=0)`: the stream reads
/// `$length` bytes (0: to the end) from `$offset`.
pub fn download(this: &VolHandle, st: &StreamHandle, offset: u64, length: u64, flags: c_uint) -> Result<Value> {
    // SAFETY: valid volume and stream.
    start_stream(st, "Sys::Virt::StorageVol::download", Direction::Read, |s| {
        check(unsafe { sys::virStorageVolDownload(this.raw(), s, offset, length, flags) }).map(|_| Value::Nothing)
    })
}

/// `$vol->upload($st, $offset, $length, $flags=0)`: the stream writes.
pub fn upload(this: &VolHandle, st: &StreamHandle, offset: u64, length: u64, flags: c_uint) -> Result<Value> {
    // SAFETY: valid volume and stream.
    start_stream(st, "Sys::Virt::StorageVol::upload", Direction::Write, |s| {
        check(unsafe { sys::virStorageVolUpload(this.raw(), s, offset, length, flags) }).map(|_| Value::Nothing)
    })
}
