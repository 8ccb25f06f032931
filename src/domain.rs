//! Domains (`Sys::Virt::Domain`).

use virt::domain::Domain;

/// The Rust handle behind a `Sys::Virt::Domain` object.
pub struct DomainHandle {
    pub(crate) domain: Domain,
}
