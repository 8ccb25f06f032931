//! Streams (`Sys::Virt::Stream`).

use std::os::raw::c_uint;
use std::ptr;

use virt::stream::Stream;
use virt_sys as sys;

use crate::boundary::{guard, handle};
use crate::connect::ConnHandle;

/// The Rust handle behind a `Sys::Virt::Stream` object.
pub struct StreamHandle {
    pub(crate) stream: Stream,
}

impl StreamHandle {
    pub fn ptr(&self) -> sys::virStreamPtr {
        // SAFETY: valid while `self.stream` holds its reference.
        unsafe { self.stream.as_ptr() }
    }
}

/// A new stream on `conn`; `flags` may hold `VIR_STREAM_NONBLOCK`.
#[no_mangle]
pub extern "C" fn svr_stream_new(conn: *const ConnHandle, flags: c_uint) -> *mut StreamHandle {
    guard("svr_stream_new", ptr::null_mut(), || {
        let c = handle(conn, "the connection")?;
        let stream = Stream::new(&c.conn, flags)?;
        Ok(Box::into_raw(Box::new(StreamHandle { stream })))
    })
}

/// Releases the handle.
///
/// # Safety
/// `st` must be NULL or a handle from this library, freed once.
#[no_mangle]
pub unsafe extern "C" fn svr_stream_free(st: *mut StreamHandle) {
    guard("svr_stream_free", (), || {
        if !st.is_null() {
            drop(Box::from_raw(st));
        }
        Ok(())
    })
}
