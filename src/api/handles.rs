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
//! (src/stream.rs), boxed; its `Object` comes from the same table.

use std::os::raw::c_int;

use virt_sys as sys;

use super::Object;
pub use crate::stream::StreamHandle;

/// Defines, for each class, its handle type (`pointer`: the libvirt
/// pointer itself, released with the function named) and its [`Object`]
/// (`boxed`: for a type of its own, made by the constructor named).
macro_rules! object_classes {
    ($( $(#[$doc:meta])* $name:ident = $id:literal, $raw:ident, $what:literal, $how:ident($f:path); )*) => {$(
        object_type!($how $(#[$doc])* $name);

        impl Object for $name {
            type Raw = sys::$raw;
            const CLASS_ID: c_int = $id;
            const WHAT: &'static str = $what;
            object_methods!($how $f);
        }
    )*};
}

/// A pointer handle's type: opaque, never made, only pointed to.
macro_rules! object_type {
    (pointer $(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        pub struct $name {
            _opaque: [u8; 0],
            _not_send: std::marker::PhantomData<(*mut u8, std::marker::PhantomPinned)>,
        }
    };
    (boxed $(#[$doc:meta])* $name:ident) => {};
}

macro_rules! object_methods {
    (pointer $release:path) => {
        #[inline]
        fn raw(&self) -> Self::Raw {
            self as *const Self as Self::Raw
        }
        unsafe fn adopt(p: Self::Raw) -> *mut Self {
            p as *mut Self
        }
        unsafe fn release(h: *mut Self) {
            if !h.is_null() {
                $release(h as Self::Raw);
            }
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
    };
}

include!(concat!(env!("OUT_DIR"), "/handles_gen.rs"));
