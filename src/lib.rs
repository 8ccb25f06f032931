//! Rust core of the `Sys::Virt` Perl binding.
//!
//! The methods of the libvirt objects are table-driven ([`api`]: one row
//! of data/api.tsv a method, the handle types of every class from one
//! definition); streams, the event loop, event registrations and whole-file
//! transfers are machinery of their own. Each exports a small C ABI
//! (`svr_*` functions, prototypes in the generated `sys_virt.h` and
//! `api_gen.h`) that the XS glue in `xs/` calls. Every exported function
//! runs inside [`boundary::guard`] (or makes one libvirt call that cannot
//! panic), so no Rust panic crosses `extern "C"`, and every failure is
//! recorded by [`error`] for the glue to raise. [`fork`] keeps a forked
//! child off its parent's connections: the handles ask it whether their
//! connection is this process's.
//!
//! The non-blocking forms of the methods (`NAME_f`, `NAME_p`) are
//! [`api::pending`]: the arguments copied on the interpreter's thread, the
//! method's `Value` body run on a bounded pool of worker threads, the result
//! handed back to the loop's thread through [`event::defer`].

pub mod api;
pub mod boundary;
pub mod connect_events;
pub mod error;
pub mod event;
pub mod eventimpl;
pub mod fork;
pub mod stream;
pub mod transfer;

#[cfg(feature = "xs")]
mod xs_boot;
