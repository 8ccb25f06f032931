//! Domains (`Sys::Virt::Domain`).

use virt_sys as sys;

/// The handle behind a `Sys::Virt::Domain` object. A handle pointer *is*
/// the `virDomainPtr` whose reference the Perl object owns: nothing is
/// allocated per domain (lists of a thousand domains, event callbacks), and
/// the glue frees it with `svr_domain_free`. The type is opaque (the
/// Rustonomicon's pattern for foreign handles): it is only ever seen
/// behind a pointer or a reference (cbindgen declares it opaque).
pub struct DomainHandle {
    _opaque: [u8; 0],
    _not_send: std::marker::PhantomData<(*mut u8, std::marker::PhantomPinned)>,
}

impl DomainHandle {
    pub fn ptr(&self) -> sys::virDomainPtr {
        self as *const DomainHandle as sys::virDomainPtr
    }

    /// The handle of a new libvirt reference, which it now owns.
    pub(crate) fn adopt(p: sys::virDomainPtr) -> *mut DomainHandle {
        p as *mut DomainHandle
    }

    /// Drops the reference a handle owns.
    ///
    /// # Safety
    /// `h` must be NULL or a handle from `adopt`, released once.
    pub(crate) unsafe fn release(h: *mut DomainHandle) {
        if !h.is_null() {
            sys::virDomainFree(h as sys::virDomainPtr);
        }
    }
}
