//! The edge between C and Rust (DESIGN.md rule 2).
//!
//! Every exported function body runs in [`guard`]: a `Failure` is recorded
//! for the glue, and a panic is caught and recorded as a message naming the
//! function, so unwinding never crosses `extern "C"`.

use std::ffi::CStr;
use std::os::raw::c_char;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{record, Failure, Result};

/// Runs `body`; on failure or panic records it and returns `on_failure`.
pub fn guard<T>(function: &str, on_failure: T, body: impl FnOnce() -> Result<T>) -> T {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(v)) => v,
        Ok(Err(f)) => {
            record(f);
            on_failure
        }
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            record(Failure::message(format!(
                "{function}: internal error in the Rust core: {what}"
            )));
            on_failure
        }
    }
}

/// Runs `f` with SIGPIPE blocked on this thread, discarding a SIGPIPE it
/// raised. libvirt writes to its sockets without MSG_NOSIGNAL, so talking to
/// a daemon that went away would otherwise kill the whole script instead of
/// failing the call. Used for calls that write to the daemon; the hot read
/// paths skip it (they never write).
pub fn without_sigpipe<T>(f: impl FnOnce() -> T) -> T {
    // SAFETY: plain POSIX signal-mask calls on local sigset_t values.
    unsafe {
        let mut pipe: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut pipe);
        libc::sigaddset(&mut pipe, libc::SIGPIPE);
        let mut pending: libc::sigset_t = std::mem::zeroed();
        libc::sigpending(&mut pending);
        let was_pending = libc::sigismember(&pending, libc::SIGPIPE) == 1;
        let mut old: libc::sigset_t = std::mem::zeroed();
        libc::pthread_sigmask(libc::SIG_BLOCK, &pipe, &mut old);
        let result = f();
        if !was_pending {
            libc::sigpending(&mut pending);
            if libc::sigismember(&pending, libc::SIGPIPE) == 1 {
                let zero = libc::timespec { tv_sec: 0, tv_nsec: 0 };
                libc::sigtimedwait(&pipe, std::ptr::null_mut(), &zero);
            }
        }
        libc::pthread_sigmask(libc::SIG_SETMASK, &old, std::ptr::null_mut());
        result
    }
}

/// Whether this process ever opened a connection that talks to a daemon
/// over a socket. Until it does, no libvirt call can write to one, and the
/// SIGPIPE guard (four system calls) is skipped: in-process drivers
/// (`test:///...`) pay nothing for it.
static DAEMON_SOCKETS: AtomicBool = AtomicBool::new(false);

/// Called before a connection is opened: every URI but libvirt's in-process
/// test driver (`test:///...`, no transport, no host) may open a socket to a
/// daemon, and so may the default URI (NULL). Returns whether this one may.
pub fn note_connection_uri(uri: Option<&str>) -> bool {
    let in_process = uri.map_or(false, |u| u.starts_with("test:///"));
    if !in_process {
        DAEMON_SOCKETS.store(true, Ordering::Relaxed);
    }
    !in_process
}

/// [`guard`] for calls that may write to a daemon: see [`without_sigpipe`].
/// Once any connection may have a daemon socket, every such call is
/// guarded (an object does not know which connection a socket belongs to,
/// and the guard costs little beside a round trip to a daemon).
pub fn guard_io<T>(function: &str, on_failure: T, body: impl FnOnce() -> Result<T>) -> T {
    if DAEMON_SOCKETS.load(Ordering::Relaxed) {
        without_sigpipe(|| guard(function, on_failure, body))
    } else {
        guard(function, on_failure, body)
    }
}

/// A call that is a single libvirt function and nothing else: no Rust code
/// that could panic runs on its success path, so it needs no unwind guard
/// there (the per-call cost of the hot getters). `failed` tells a failure
/// from the result; only then is libvirt's error read, inside [`guard`].
/// SIGPIPE is handled as by [`guard_io`].
#[inline]
pub fn libvirt_call<T: Copy>(function: &str, on_failure: T, failed: impl FnOnce(T) -> bool, call: impl FnOnce() -> T) -> T {
    let r = if DAEMON_SOCKETS.load(Ordering::Relaxed) { without_sigpipe(call) } else { call() };
    if failed(r) {
        return guard(function, on_failure, || Err(Failure::last_libvirt()));
    }
    r
}

/// [`libvirt_call`] for a libvirt function that only reads a field of its
/// object (a name, a UUID): it never reaches a daemon, so it needs no
/// SIGPIPE guard either.
#[inline]
pub fn local_call<T: Copy>(function: &str, on_failure: T, failed: impl FnOnce(T) -> bool, call: impl FnOnce() -> T) -> T {
    let r = call();
    if failed(r) {
        return guard(function, on_failure, || Err(Failure::last_libvirt()));
    }
    r
}

/// Releases an object handle in one libvirt call (its `virXxxFree`), which
/// cannot panic: no unwind guard; SIGPIPE is handled as by [`guard_io`] (a
/// connection's close writes to its daemon).
#[inline]
pub fn release_call(release: impl FnOnce()) {
    if DAEMON_SOCKETS.load(Ordering::Relaxed) {
        without_sigpipe(release)
    } else {
        release()
    }
}

/// Borrows a handle passed from C, failing cleanly on NULL (a Perl object
/// already destroyed, or never made).
pub fn handle<'a, T>(ptr: *const T, what: &str) -> Result<&'a T> {
    // SAFETY: non-NULL handles are Box pointers this library handed out
    // and the glue keeps alive while the Perl object owns them.
    unsafe { ptr.as_ref() }.ok_or_else(|| Failure::message(format!("{what} is no longer valid")))
}

/// Mutable variant of [`handle`].
pub fn handle_mut<'a, T>(ptr: *mut T, what: &str) -> Result<&'a mut T> {
    // SAFETY: as for `handle`; the glue never aliases a handle across calls.
    unsafe { ptr.as_mut() }.ok_or_else(|| Failure::message(format!("{what} is no longer valid")))
}

/// A C string argument; NULL means `None`.
pub fn opt_str<'a>(s: *const c_char) -> Result<Option<&'a str>> {
    if s.is_null() {
        return Ok(None);
    }
    // SAFETY: the glue passes NUL-terminated strings from Perl scalars.
    unsafe { CStr::from_ptr(s) }
        .to_str()
        .map(Some)
        .map_err(|_| Failure::message("string argument is not valid UTF-8"))
}

/// A required C string argument.
pub fn req_str<'a>(s: *const c_char, what: &str) -> Result<&'a str> {
    opt_str(s)?.ok_or_else(|| Failure::message(format!("{what} is required")))
}

/// Hands a new string to C; the glue frees it with `svr_string_free`.
/// Strings for the glue live in C's allocator, so that strings libvirt
/// allocated can be handed over as they are, without a copy.
pub fn into_c_string(s: String) -> *mut c_char {
    bytes_to_c_string(s.as_bytes())
}

/// Bytes (up to a first NUL) as a new C string in C's allocator.
pub fn bytes_to_c_string(b: &[u8]) -> *mut c_char {
    let len = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    // SAFETY: a fresh buffer of len + 1 bytes, filled and terminated.
    unsafe {
        let p = libc::malloc(len + 1) as *mut u8;
        if p.is_null() {
            panic!("out of memory");
        }
        std::ptr::copy_nonoverlapping(b.as_ptr(), p, len);
        *p.add(len) = 0;
        p as *mut c_char
    }
}

/// Frees a string returned by this library.
///
/// # Safety
/// `s` must be NULL or come from this library, and not be freed twice.
#[no_mangle]
pub unsafe extern "C" fn svr_string_free(s: *mut c_char) {
    if !s.is_null() {
        libc::free(s as *mut libc::c_void);
    }
}

/// Makes panics quiet: the exception the glue raises carries the message.
#[no_mangle]
pub extern "C" fn svr_quiet_panics() {
    std::panic::set_hook(Box::new(|_| {}));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::take;

    #[test]
    fn panic_becomes_failure() {
        // Quiet for this panic only: the other tests' failures keep their
        // messages (the hook is the whole process's).
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if info.payload().downcast_ref::<&str>().map_or(true, |m| !m.contains("deliberate panic")) {
                default(info);
            }
        }));
        let r = guard("svr_test_panic", -1, || -> Result<i32> { panic!("deliberate panic for the test suite") });
        assert_eq!(r, -1);
        let f = take().expect("recorded");
        assert!(f.text().contains("svr_test_panic"), "{f:?}");
        assert!(f.text().contains("deliberate panic"), "{f:?}");
    }

    #[test]
    fn sigpipe_raised_inside_is_discarded() {
        let mut fds = [0; 2];
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        unsafe { libc::close(fds[0]) };
        let rc = without_sigpipe(|| unsafe { libc::write(fds[1], b"x".as_ptr().cast(), 1) });
        assert_eq!(rc, -1, "write to a closed pipe fails with EPIPE instead of killing us");
        unsafe { libc::close(fds[1]) };
    }

    #[test]
    fn null_handle_is_a_clean_failure() {
        let r = handle::<u8>(std::ptr::null(), "the stream");
        assert_eq!(r.unwrap_err().text(), "the stream is no longer valid");
    }
}
