//! The handle types of every Perl class: the existing ones (connection,
//! domain, pool, volume, stream) and those made here for the classes whose
//! methods are all table-driven. Each owns one libvirt reference.

use std::os::raw::c_int;

use virt_sys as sys;

use super::Object;
use crate::connect::ConnHandle;
use crate::domain::DomainHandle;
use crate::storage_pool::PoolHandle;
use crate::storage_vol::VolHandle;
use crate::stream::StreamHandle;

pub const SVR_CLASS_CONNECT: c_int = 0;
pub const SVR_CLASS_DOMAIN: c_int = 1;
pub const SVR_CLASS_STORAGE_POOL: c_int = 2;
pub const SVR_CLASS_STORAGE_VOL: c_int = 3;
pub const SVR_CLASS_STREAM: c_int = 4;
pub const SVR_CLASS_NETWORK: c_int = 5;
pub const SVR_CLASS_NETWORK_PORT: c_int = 6;
pub const SVR_CLASS_INTERFACE: c_int = 7;
pub const SVR_CLASS_NODE_DEVICE: c_int = 8;
pub const SVR_CLASS_SECRET: c_int = 9;
pub const SVR_CLASS_NWFILTER: c_int = 10;
pub const SVR_CLASS_NWFILTER_BINDING: c_int = 11;
pub const SVR_CLASS_DOMAIN_SNAPSHOT: c_int = 12;
pub const SVR_CLASS_DOMAIN_CHECKPOINT: c_int = 13;

impl Object for ConnHandle {
    type Raw = sys::virConnectPtr;
    const CLASS_ID: c_int = SVR_CLASS_CONNECT;
    const WHAT: &'static str = "the connection";
    fn raw(&self) -> Self::Raw {
        self.ptr()
    }
    unsafe fn adopt(p: Self::Raw) -> *mut Self {
        Box::into_raw(Box::new(ConnHandle { conn: virt::connect::Connect::from_ptr(p) }))
    }
    unsafe fn release(h: *mut Self) {
        drop(Box::from_raw(h));
    }
}


impl Object for DomainHandle {
    type Raw = sys::virDomainPtr;
    const CLASS_ID: c_int = SVR_CLASS_DOMAIN;
    const WHAT: &'static str = "the domain";
    fn raw(&self) -> Self::Raw {
        self.ptr()
    }
    unsafe fn adopt(p: Self::Raw) -> *mut Self {
        DomainHandle::adopt(p)
    }
    unsafe fn release(h: *mut Self) {
        DomainHandle::release(h)
    }
}


impl Object for PoolHandle {
    type Raw = sys::virStoragePoolPtr;
    const CLASS_ID: c_int = SVR_CLASS_STORAGE_POOL;
    const WHAT: &'static str = "the storage pool";
    fn raw(&self) -> Self::Raw {
        self.ptr()
    }
    unsafe fn adopt(p: Self::Raw) -> *mut Self {
        Box::into_raw(Box::new(PoolHandle { pool: virt::storage_pool::StoragePool::from_ptr(p) }))
    }
    unsafe fn release(h: *mut Self) {
        drop(Box::from_raw(h));
    }
}


impl Object for VolHandle {
    type Raw = sys::virStorageVolPtr;
    const CLASS_ID: c_int = SVR_CLASS_STORAGE_VOL;
    const WHAT: &'static str = "the storage volume";
    fn raw(&self) -> Self::Raw {
        self.ptr()
    }
    unsafe fn adopt(p: Self::Raw) -> *mut Self {
        Box::into_raw(Box::new(VolHandle { vol: virt::storage_vol::StorageVol::from_ptr(p) }))
    }
    unsafe fn release(h: *mut Self) {
        drop(Box::from_raw(h));
    }
}


impl Object for StreamHandle {
    type Raw = sys::virStreamPtr;
    const CLASS_ID: c_int = SVR_CLASS_STREAM;
    const WHAT: &'static str = "the stream";
    fn raw(&self) -> Self::Raw {
        self.ptr()
    }
    unsafe fn adopt(p: Self::Raw) -> *mut Self {
        Box::into_raw(Box::new(StreamHandle::new(virt::stream::Stream::from_ptr(p), 0)))
    }
    unsafe fn release(h: *mut Self) {
        drop(Box::from_raw(h));
    }
}


/// The `Drop` and `Object` of a handle that owns one reference to a libvirt
/// object of a class the `virt` crate does not need to wrap here. (The
/// structs themselves are written out, so that cbindgen sees them.)
macro_rules! raw_handle {
    ($name:ident, $raw:ty, $free:path, $id:expr, $what:expr) => {
        impl Drop for $name {
            fn drop(&mut self) {
                // SAFETY: the handle owns one reference.
                unsafe { $free(self.ptr) };
            }
        }

        impl Object for $name {
            type Raw = $raw;
            const CLASS_ID: c_int = $id;
            const WHAT: &'static str = $what;
            fn raw(&self) -> Self::Raw {
                self.ptr
            }
            unsafe fn adopt(p: Self::Raw) -> *mut Self {
                Box::into_raw(Box::new($name { ptr: p }))
            }
            unsafe fn release(h: *mut Self) {
                drop(Box::from_raw(h));
            }
        }
    };
}

/// `Sys::Virt::Network`
pub struct NetworkHandle {
    ptr: sys::virNetworkPtr,
}
raw_handle!(NetworkHandle, sys::virNetworkPtr, sys::virNetworkFree, SVR_CLASS_NETWORK, "the network");
/// `Sys::Virt::NetworkPort`
pub struct NetworkPortHandle {
    ptr: sys::virNetworkPortPtr,
}
raw_handle!(NetworkPortHandle, sys::virNetworkPortPtr, sys::virNetworkPortFree, SVR_CLASS_NETWORK_PORT, "the network port");
/// `Sys::Virt::Interface`
pub struct InterfaceHandle {
    ptr: sys::virInterfacePtr,
}
raw_handle!(InterfaceHandle, sys::virInterfacePtr, sys::virInterfaceFree, SVR_CLASS_INTERFACE, "the interface");
/// `Sys::Virt::NodeDevice`
pub struct NodeDeviceHandle {
    ptr: sys::virNodeDevicePtr,
}
raw_handle!(NodeDeviceHandle, sys::virNodeDevicePtr, sys::virNodeDeviceFree, SVR_CLASS_NODE_DEVICE, "the node device");
/// `Sys::Virt::Secret`
pub struct SecretHandle {
    ptr: sys::virSecretPtr,
}
raw_handle!(SecretHandle, sys::virSecretPtr, sys::virSecretFree, SVR_CLASS_SECRET, "the secret");
/// `Sys::Virt::NWFilter`
pub struct NWFilterHandle {
    ptr: sys::virNWFilterPtr,
}
raw_handle!(NWFilterHandle, sys::virNWFilterPtr, sys::virNWFilterFree, SVR_CLASS_NWFILTER, "the network filter");
/// `Sys::Virt::NWFilterBinding`
pub struct NWFilterBindingHandle {
    ptr: sys::virNWFilterBindingPtr,
}
raw_handle!(NWFilterBindingHandle, sys::virNWFilterBindingPtr, sys::virNWFilterBindingFree, SVR_CLASS_NWFILTER_BINDING,
    "the network filter binding");
/// `Sys::Virt::DomainSnapshot`
pub struct DomainSnapshotHandle {
    ptr: sys::virDomainSnapshotPtr,
}
raw_handle!(DomainSnapshotHandle, sys::virDomainSnapshotPtr, sys::virDomainSnapshotFree, SVR_CLASS_DOMAIN_SNAPSHOT,
    "the domain snapshot");
/// `Sys::Virt::DomainCheckpoint`
pub struct DomainCheckpointHandle {
    ptr: sys::virDomainCheckpointPtr,
}
raw_handle!(DomainCheckpointHandle, sys::virDomainCheckpointPtr, sys::virDomainCheckpointFree, SVR_CLASS_DOMAIN_CHECKPOINT,
    "the domain checkpoint");
