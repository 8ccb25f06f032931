//! The handle types of every Perl class, from one definition: the class
//! table of tools/gen-api.pl, which build.rs turns into one invocation of
//! [`object_classes!`] (OUT_DIR/handles_gen.rs, included below).
//!
//! A handle *is* the libvirt pointer whose reference the Perl object owns:
//! nothing is allocated per object (a list of a thousand domains hands
//! libvirt's array to the glue as it is), and releasing it drops that
//! reference. The types are opaque (the Rustonomicon's pattern for foreign
//! handles): only ever seen behind a pointer or a reference. A stream's
//! handle is the exception: stream machinery with state of its own
//! (src/stream.rs), boxed; its `Object` comes from the same table. So are
//! the handles of the classes whose libvirt objects cannot say which
//! connection they belong to (`stamped`): a box of the pointer and the
//! process that made it, which a forked child asks (src/fork.rs).

use std::os::raw::c_int;

use libc::pid_t;
use virt_sys as sys;

use super::Object;
use crate::fork;
pub use crate::stream::StreamHandle;

/// Defines, for each class, its handle type and its [`Object`]:
/// `pointer(release, retain, connection)`: the libvirt pointer itself,
/// released and referenced with the functions named, whose connection the
/// last one gives; `stamped(release, retain)`: a box of the pointer and
/// the process that made it; `boxed(new)`: a type of its own, made by the
/// constructor named.
macro_rules! object_classes {
    ($( $(#[$doc:meta])* $name:ident = $id:literal, $raw:ident, $what:literal, $how:ident($($f:path),+); )*) => {$(
        object_type!($how $(#[$doc])* $name, $raw);

        impl Object for $name {
            type Raw = sys::$raw;
            const CLASS_ID: c_int = $id;
            const WHAT: &'static str = $what;
            object_methods!($how $($f),+);
        }
    )*};
}

/// A pointer handle's type: opaque, never made, only pointed to.
macro_rules! object_type {
    (pointer $(#[$doc:meta])* $name:ident, $raw:ident) => {
        $(#[$doc])*
        pub struct $name {
            _opaque: [u8; 0],
            _not_send: std::marker::PhantomData<(*mut u8, std::marker::PhantomPinned)>,
        }
    };
    (stamped $(#[$doc:meta])* $name:ident, $raw:ident) => {
        $(#[$doc])*
        pub struct $name {
            raw: sys::$raw,
            made_in: pid_t,
        }
    };
    (boxed $(#[$doc:meta])* $name:ident, $raw:ident) => {};
}

macro_rules! object_methods {
    (pointer $release:path, $retain:path, $connection:path) => {
        #[inline]
        fn raw(&self) -> Self::Raw {
            self as *const Self as Self::Raw
        }
        unsafe fn adopt(p: Self::Raw) -> *mut Self {
            p as *mut Self
        }
        fn retain(&self) -> Option<*mut Self> {
            // SAFETY: a live handle's pointer.
            (unsafe { $retain(self.raw()) } >= 0).then(|| self as *const Self as *mut Self)
        }
        fn connection(&self) -> sys::virConnectPtr {
            // SAFETY: a live handle's pointer; the connection is borrowed.
            unsafe { $connection(self.raw()) }
        }
        unsafe fn release(h: *mut Self) {
            if !h.is_null() && !(fork::forked() && (*h).inherited_from().is_some()) {
                $release(h as Self::Raw);
            }
        }
        fn inherited_from(&self) -> Option<pid_t> {
            fork::owner_elsewhere(self.connection())
        }
    };
    (stamped $release:path, $retain:path) => {
        #[inline]
        fn raw(&self) -> Self::Raw {
            self.raw
        }
        unsafe fn adopt(p: Self::Raw) -> *mut Self {
            Box::into_raw(Box::new(Self { raw: p, made_in: fork::pid() }))
        }
        fn retain(&self) -> Option<*mut Self> {
            // SAFETY: a live handle's pointer; the new box owns the reference.
            (unsafe { $retain(self.raw) } >= 0).then(|| unsafe { Self::adopt(self.raw) })
        }
        fn connection(&self) -> sys::virConnectPtr {
            // libvirt does not say (no virXxxGetConnect).
            std::ptr::null_mut()
        }
        unsafe fn release(h: *mut Self) {
            if !h.is_null() {
                let h = Box::from_raw(h);
                if fork::made_elsewhere(h.made_in).is_none() {
                    $release(h.raw);
                }
            }
        }
        fn inherited_from(&self) -> Option<pid_t> {
            fork::made_elsewhere(self.made_in)
        }
    };
    (boxed $new:path) => {
        #[inline]
        fn raw(&self) -> Self::Raw {
            self.ptr()
        }
        unsafe fn adopt(p: Self::Raw) -> *mut Self {
            Box::into_raw(Box::new($new(p)))
        }
        unsafe fn release(h: *mut Self) {
            if !h.is_null() {
                drop(Box::from_raw(h));
            }
        }
        fn retain(&self) -> Option<*mut Self> {
            // A stream has state of its own: never shared with a call in flight.
            None
        }
        fn connection(&self) -> sys::virConnectPtr {
            std::ptr::null_mut()
        }
        fn inherited_from(&self) -> Option<pid_t> {
            self.inherited_from()
        }
    };
}

/// A connection's own connection.
unsafe fn itself(c: sys::virConnectPtr) -> sys::virConnectPtr {
    c
}

/// A network port's connection: its network's.
unsafe fn network_port_connection(p: sys::virNetworkPortPtr) -> sys::virConnectPtr {
    let net = sys::virNetworkPortGetNetwork(p);
    if net.is_null() {
        return std::ptr::null_mut();
    }
    let c = sys::virNetworkGetConnect(net);
    sys::virNetworkFree(net);
    c
}

/// Releases a connection handle's reference; once the last one is gone,
/// the connection is no longer this process's to remember.
unsafe fn close_connection(c: sys::virConnectPtr) {
    fork::closing(c, || sys::virConnectClose(c));
}

include!(concat!(env!("OUT_DIR"), "/handles_gen.rs"));
