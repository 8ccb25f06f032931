//! Rust core of the `Sys::Virt` Perl binding.
//!
//! One module per libvirt object, as in the `virt` crate. Each exports a
//! small C ABI (`svr_*` functions, prototypes in the generated
//! `sys_virt.h`) that the XS glue in `xs/` calls. Every exported function
//! runs inside [`boundary::guard`], so no Rust panic crosses `extern "C"`
//! and every failure is recorded by [`error`] for the glue to raise.

pub mod api;
pub mod boundary;
pub mod connect;
pub mod connect_events;
pub mod domain;
pub mod error;
pub mod event;
pub mod eventimpl;
pub mod storage_pool;
pub mod storage_vol;
pub mod stream;
pub mod transfer;

#[cfg(feature = "xs")]
mod xs_boot;
