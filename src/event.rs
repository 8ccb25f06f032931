//! The event loop bridge (`Sys::Virt::Event`).
//!
//! Three rules shape this module (DESIGN.md rules 3 to 5):
//! - Perl is entered only on the thread that owns the interpreter (the
//!   *owner*, recorded when the script registers a loop or a callback).
//!   A libvirt callback that arrives on another thread becomes a [`Job`],
//!   queued and run on the owner thread later.
//! - Releasing what a registration holds (`virFreeCallback`s, Perl
//!   references) happens from a clean stack: never inside a libvirt call.
//!   [`Depth`] counts how deep the owner thread is inside libvirt (running
//!   the default loop, a hook of a Perl-written loop, a libvirt callback);
//!   releases are queued and run by [`flush`] once it is back at 0.
//! - Perl callbacks run inside libvirt's loop never unwind through it: the
//!   glue calls them under `G_EVAL` and keeps the exception.

use std::collections::VecDeque;
use std::ffi::c_void;
use std::os::raw::c_int;
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};
use std::thread::{self, ThreadId};

use virt_sys as sys;

use crate::boundary::guard;
use crate::error::{Failure, Result};

/// A Perl callback of `Sys::Virt::Event::add_handle`: `($watch, $fd, $events)`.
pub type SvrHandleFn = unsafe extern "C" fn(ctx: *mut c_void, watch: c_int, fd: c_int, events: c_int);
/// A Perl callback of `Sys::Virt::Event::add_timeout`: `($timer)`.
pub type SvrTimeoutFn = unsafe extern "C" fn(ctx: *mut c_void, timer: c_int);
/// Releases a glue context (the Perl references a registration holds).
pub type SvrReleaseFn = unsafe extern "C" fn(ctx: *mut c_void);

// ------------------------------------------------------------ owner ----

static OWNER: OnceLock<ThreadId> = OnceLock::new();

/// Records the calling thread as the one that owns the Perl interpreter
/// (the first caller wins). Called by every entry point the script uses to
/// register something, always on the interpreter's thread.
pub fn claim_owner() {
    // Called on every run_default: once claimed, nothing more to do.
    if OWNER.get().is_some() {
        return;
    }
    // SAFETY: idempotent; makes libvirt's error reporting usable.
    unsafe { sys::virInitialize() };
    crate::fork::probe_lock(jobs_lock_free);
    let _ = OWNER.get_or_init(|| thread::current().id());
}

/// The job queue's lock is free (run in a forked child: src/fork.rs).
fn jobs_lock_free() -> bool {
    !matches!(JOBS.try_lock(), Err(std::sync::TryLockError::WouldBlock))
}

/// True on the interpreter's thread (or before any registration, when no
/// other thread can be involved yet).
pub fn on_owner_thread() -> bool {
    thread_local! {
        // Asked on every callback: keep the id at hand.
        static THIS_THREAD: ThreadId = thread::current().id();
    }
    OWNER.get().map_or(true, |o| THIS_THREAD.with(|t| t == o))
}

// ------------------------------------------------------------ depth ----

thread_local! {
    // How deep this thread is inside libvirt calls that can run callbacks.
    // Per thread, not an atomic: only the owner thread's count matters
    // (at_clean_stack), and it changes twice per event-loop iteration.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// Marks the owner thread as being inside libvirt while it lives.
pub struct Depth(());

impl Depth {
    pub fn enter() -> Depth {
        DEPTH.with(|d| d.set(d.get() + 1));
        Depth(())
    }
}

impl Drop for Depth {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get() - 1));
    }
}

/// True when the owner thread is not inside any libvirt call.
pub fn at_clean_stack() -> bool {
    on_owner_thread() && DEPTH.with(|d| d.get()) == 0
}

// ------------------------------------------------------------- jobs ----

/// Work that must run on the owner thread from a clean stack.
pub struct Job(Box<dyn FnOnce()>);

// SAFETY: a Job is only ever run on the owner thread (see `flush`); the raw
// pointers it carries are only dereferenced there.
unsafe impl Send for Job {}

impl Job {
    pub fn new(f: impl FnOnce() + 'static) -> Job {
        Job(Box::new(f))
    }
}

static JOBS: Mutex<VecDeque<Job>> = Mutex::new(VecDeque::new());
/// Whether JOBS may hold something: `flush` runs after every dispatch and
/// usually finds nothing, without taking the lock.
static JOBS_QUEUED: AtomicBool = AtomicBool::new(false);

/// Something that can wake the loop the script runs, so queued jobs get run
/// soon (the Perl-written loop's wake-up pipe).
static WAKER: OnceLock<fn()> = OnceLock::new();
static DEFAULT_LOOP: AtomicBool = AtomicBool::new(false);
/// A wake-up timer of the default loop is added and has not fired yet.
static DEFAULT_WAKE_PENDING: AtomicBool = AtomicBool::new(false);

pub fn set_waker(w: fn()) {
    let _ = WAKER.set(w);
}

/// Queues `job` for the owner thread and wakes the loop if called elsewhere.
pub fn defer(job: Job) {
    if crate::fork::threads_at_fork().is_some() {
        // The queue's lock may be held for ever here, and no loop may run
        // (src/fork.rs): what the job would release stays, in this child.
        std::mem::forget(job);
        return;
    }
    JOBS.lock().unwrap_or_else(|e| e.into_inner()).push_back(job);
    JOBS_QUEUED.store(true, Ordering::SeqCst);
    if !on_owner_thread() {
        wake();
    }
}

/// Wakes the event loop so that `flush` runs soon on the owner thread.
pub fn wake() {
    if let Some(w) = WAKER.get() {
        w();
    } else if DEFAULT_LOOP.load(Ordering::SeqCst) && crate::fork::threads_at_fork().is_none() {
        // libvirt's default loop wakes itself up when a timer is added from
        // another thread; the timer removes itself when it fires. One such
        // timer at a time: the iteration it fires in flushes every job
        // queued before it fired (many workers finishing at once would
        // otherwise add one timer each).
        if DEFAULT_WAKE_PENDING.swap(true, Ordering::SeqCst) {
            return;
        }
        unsafe extern "C" fn once(timer: c_int, _opaque: *mut c_void) {
            DEFAULT_WAKE_PENDING.store(false, Ordering::SeqCst);
            sys::virEventRemoveTimeout(timer);
        }
        // SAFETY: plain libvirt call with a static callback and no data.
        if unsafe { sys::virEventAddTimeout(0, Some(once), std::ptr::null_mut(), None) } < 0 {
            DEFAULT_WAKE_PENDING.store(false, Ordering::SeqCst);
        }
    }
}

/// Runs queued jobs if the owner thread is at a clean stack. Jobs may queue
/// more jobs; they run in order.
pub fn flush() {
    if !JOBS_QUEUED.load(Ordering::SeqCst) || !at_clean_stack() || crate::fork::threads_at_fork().is_some() {
        // (In a child forked while other threads ran, the queue's lock may
        // be held for ever, and what is queued is the parent's.)
        return;
    }
    loop {
        let job = {
            let mut jobs = JOBS.lock().unwrap_or_else(|e| e.into_inner());
            let job = jobs.pop_front();
            if jobs.is_empty() {
                // Cleared under the lock: a push after this sets it again.
                JOBS_QUEUED.store(false, Ordering::SeqCst);
            }
            job
        };
        match job {
            Some(Job(f)) => f(),
            None => break,
        }
    }
}

/// Queues the release of a glue context (run by `flush`).
pub fn defer_release(release: SvrReleaseFn, ctx: *mut c_void) {
    // SAFETY: run on the owner thread, once.
    defer(Job::new(move || unsafe { release(ctx) }));
}

/// The glue's "release" for a context, called from a clean stack.
#[no_mangle]
pub extern "C" fn svr_event_flush() {
    guard("svr_event_flush", (), || {
        flush();
        Ok(())
    })
}

// ----------------------------------------------------- default loop ----

/// Whether `register_default` succeeded in this process.
pub fn default_loop_registered() -> bool {
    DEFAULT_LOOP.load(Ordering::SeqCst)
}

/// Registers libvirt's own poll-based event loop.
#[no_mangle]
pub extern "C" fn svr_event_register_default() -> c_int {
    guard("svr_event_register_default", -1, || {
        if crate::eventimpl::perl_loop_registered() {
            // libvirt would switch its hooks to the poll loop while what it
            // registered (handles, timers, keepalives) stays in the Perl
            // one: run_default would then wait on a loop nobody feeds.
            return Err(Failure::message(
                "Sys::Virt::Event::register_default: an event loop written in Perl is already registered \
                 (Sys::Virt::Event::register); a process uses one loop or the other, not both",
            ));
        }
        claim_owner();
        // SAFETY: plain libvirt call.
        if unsafe { sys::virEventRegisterDefaultImpl() } < 0 {
            return Err(Failure::last_libvirt());
        }
        DEFAULT_LOOP.store(true, Ordering::SeqCst);
        Ok(0)
    })
}

/// Runs one iteration of libvirt's default event loop. Perl callbacks run
/// inside it never unwind through it: the glue keeps their exception and
/// raises it once this returns.
#[no_mangle]
pub extern "C" fn svr_event_run_default() -> c_int {
    // The loop's hot path, once registered and claimed, on the owner
    // thread: one libvirt call and no Rust code that can panic, so no
    // unwind guard around it (see boundary::libvirt_call). Everything else
    // (first call, errors, queued jobs) takes the guarded path below.
    if default_loop_registered() && OWNER.get().is_some() && on_owner_thread() && !crate::fork::forked() {
        let rc = crate::boundary::libvirt_call("svr_event_run_default", -1, |rc| rc < 0, || {
            let _inside = Depth::enter();
            // SAFETY: plain libvirt call.
            unsafe { sys::virEventRunDefaultImpl() }
        });
        if JOBS_QUEUED.load(Ordering::SeqCst) {
            guard("svr_event_run_default", (), || {
                flush();
                Ok(())
            });
        }
        return if rc < 0 { -1 } else { 0 };
    }
    crate::boundary::guard_io("svr_event_run_default", -1, || {
        if !default_loop_registered() {
            return Err(Failure::message(if crate::eventimpl::perl_loop_registered() {
                "Sys::Virt::Event::run_default: the registered event loop is written in Perl (Sys::Virt::Event::register): run that loop instead"
            } else {
                "Sys::Virt::Event::run_default: no event loop is registered (call Sys::Virt::Event::register_default first)"
            }));
        }
        usable("Sys::Virt::Event::run_default")?;
        claim_owner();
        let rc = {
            let _inside = Depth::enter();
            // SAFETY: plain libvirt call.
            unsafe { sys::virEventRunDefaultImpl() }
        };
        let f = if rc < 0 { Some(Failure::last_libvirt()) } else { None };
        flush();
        match f {
            Some(f) => Err(f),
            None => Ok(0),
        }
    })
}

// ----------------------------------------- handles and timers of Perl ----

/// What `Sys::Virt::Event::add_handle` / `add_timeout` registered: the glue's
/// callback and its context, released by `release` once libvirt is done.
struct PerlCallback {
    handle_cb: Option<SvrHandleFn>,
    timeout_cb: Option<SvrTimeoutFn>,
    ctx: *mut c_void,
    release: SvrReleaseFn,
}

unsafe extern "C" fn perl_handle_trampoline(watch: c_int, fd: c_int, events: c_int, opaque: *mut c_void) {
    // Hot path, as for timers.
    let pc = &*(opaque as *const PerlCallback);
    if let Some(cb) = pc.handle_cb {
        if on_owner_thread() {
            cb(pc.ctx, watch, fd, events);
            return;
        }
    }
    guard("event handle callback", (), || {
        let pc = &*(opaque as *const PerlCallback);
        let (cb, ctx) = (pc.handle_cb.expect("handle callback"), pc.ctx);
        if on_owner_thread() {
            cb(ctx, watch, fd, events);
        } else {
            // The context stays alive: its release is queued after this job.
            defer(Job::new(move || unsafe { cb(ctx, watch, fd, events) }));
        }
        Ok(())
    })
}

unsafe extern "C" fn perl_timeout_trampoline(timer: c_int, opaque: *mut c_void) {
    // Hot path: on the owner thread the glue's callback is called at once
    // (C code: nothing here can panic, no unwind guard needed).
    let pc = &*(opaque as *const PerlCallback);
    if let Some(cb) = pc.timeout_cb {
        if on_owner_thread() {
            cb(pc.ctx, timer);
            return;
        }
    }
    guard("event timeout callback", (), || {
        let pc = &*(opaque as *const PerlCallback);
        let (cb, ctx) = (pc.timeout_cb.expect("timeout callback"), pc.ctx);
        if on_owner_thread() {
            cb(ctx, timer);
        } else {
            defer(Job::new(move || unsafe { cb(ctx, timer) }));
        }
        Ok(())
    })
}

/// libvirt is done with a registration: release it from a clean stack.
unsafe extern "C" fn perl_callback_free(opaque: *mut c_void) {
    guard("event free callback", (), || {
        let pc = Box::from_raw(opaque as *mut PerlCallback);
        defer_release(pc.release, pc.ctx);
        if at_clean_stack() {
            flush();
        }
        Ok(())
    })
}

/// `Sys::Virt::Event::add_handle`: returns the watch id, or -1.
#[no_mangle]
pub extern "C" fn svr_event_add_handle(
    fd: c_int,
    events: c_int,
    cb: SvrHandleFn,
    ctx: *mut c_void,
    release: SvrReleaseFn,
) -> c_int {
    guard("svr_event_add_handle", -1, || {
        usable("Sys::Virt::Event::add_handle")?;
        claim_owner();
        if fd < 0 {
            return Err(Failure::message(format!("Sys::Virt::Event::add_handle: invalid file descriptor {fd}")));
        }
        let pc = Box::into_raw(Box::new(PerlCallback { handle_cb: Some(cb), timeout_cb: None, ctx, release }));
        // SAFETY: libvirt owns `pc` until it calls perl_callback_free.
        let watch = unsafe {
            sys::virEventAddHandle(fd, events, Some(perl_handle_trampoline), pc as *mut c_void, Some(perl_callback_free))
        };
        if watch < 0 {
            // Not registered: libvirt will not call the free function.
            drop(unsafe { Box::from_raw(pc) });
            return Err(failure_or("Sys::Virt::Event::add_handle: cannot watch the file descriptor (is an event loop registered?)"));
        }
        Ok(watch)
    })
}

#[no_mangle]
pub extern "C" fn svr_event_update_handle(watch: c_int, events: c_int) -> c_int {
    guard("svr_event_update_handle", -1, || {
        usable("Sys::Virt::Event::update_handle")?;
        // SAFETY: plain libvirt call; unknown watches are ignored by libvirt.
        unsafe { sys::virEventUpdateHandle(watch, events) };
        flush();
        Ok(0)
    })
}

#[no_mangle]
pub extern "C" fn svr_event_remove_handle(watch: c_int) -> c_int {
    guard("svr_event_remove_handle", -1, || {
        usable("Sys::Virt::Event::remove_handle")?;
        // SAFETY: plain libvirt call.
        let rc = unsafe { sys::virEventRemoveHandle(watch) };
        flush();
        if rc < 0 {
            return Err(failure_or(&format!("Sys::Virt::Event::remove_handle: no handle with watch {watch}")));
        }
        Ok(0)
    })
}

/// `Sys::Virt::Event::add_timeout`: returns the timer id, or -1.
#[no_mangle]
pub extern "C" fn svr_event_add_timeout(
    ms: c_int,
    cb: SvrTimeoutFn,
    ctx: *mut c_void,
    release: SvrReleaseFn,
) -> c_int {
    guard("svr_event_add_timeout", -1, || {
        usable("Sys::Virt::Event::add_timeout")?;
        claim_owner();
        let pc = Box::into_raw(Box::new(PerlCallback { handle_cb: None, timeout_cb: Some(cb), ctx, release }));
        // SAFETY: libvirt owns `pc` until it calls perl_callback_free.
        let timer = unsafe {
            sys::virEventAddTimeout(ms, Some(perl_timeout_trampoline), pc as *mut c_void, Some(perl_callback_free))
        };
        if timer < 0 {
            drop(unsafe { Box::from_raw(pc) });
            return Err(failure_or("Sys::Virt::Event::add_timeout: cannot add the timer (is an event loop registered?)"));
        }
        Ok(timer)
    })
}

#[no_mangle]
pub extern "C" fn svr_event_update_timeout(timer: c_int, ms: c_int) -> c_int {
    guard("svr_event_update_timeout", -1, || {
        usable("Sys::Virt::Event::update_timeout")?;
        // SAFETY: plain libvirt call; unknown timers are ignored by libvirt.
        unsafe { sys::virEventUpdateTimeout(timer, ms) };
        flush();
        Ok(0)
    })
}

#[no_mangle]
pub extern "C" fn svr_event_remove_timeout(timer: c_int) -> c_int {
    guard("svr_event_remove_timeout", -1, || {
        usable("Sys::Virt::Event::remove_timeout")?;
        // SAFETY: plain libvirt call.
        let rc = unsafe { sys::virEventRemoveTimeout(timer) };
        flush();
        if rc < 0 {
            return Err(failure_or(&format!("Sys::Virt::Event::remove_timeout: no timer with id {timer}")));
        }
        Ok(0)
    })
}

/// Refuses what would touch the event loop in a child forked while other
/// threads could hold its locks (see src/fork.rs).
fn usable(what: &str) -> Result<()> {
    crate::fork::unusable(what)
}

/// libvirt's error if it set one, else `msg`.
pub(crate) fn failure_or(msg: &str) -> Failure {
    // Before libvirt is initialized (no connection opened yet), its
    // per-thread error slot is not set up: reading it would crash.
    // SAFETY: plain libvirt calls; virInitialize is idempotent.
    if unsafe { sys::virInitialize() } < 0 {
        return Failure::message(msg);
    }
    // SAFETY: reads this thread's libvirt error.
    if unsafe { sys::virGetLastError() }.is_null() {
        Failure::message(msg)
    } else {
        Failure::last_libvirt()
    }
}

/// For callers that return a `Result` around a flush.
pub fn flushed<T>(r: Result<T>) -> Result<T> {
    flush();
    r
}

/// Serializes the tests that use the global queue and depth.
#[cfg(test)]
pub(crate) static TEST_SERIAL: Mutex<()> = Mutex::new(());

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicU32;

    #[test]
    fn jobs_run_in_order_at_a_clean_stack_only() {
        static SEEN: Mutex<Vec<u32>> = Mutex::new(Vec::new());
        static N: AtomicU32 = AtomicU32::new(0);
        let _ = N.fetch_add(1, Ordering::SeqCst);
        let _s = TEST_SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        {
            let _d = Depth::enter();
            defer(Job::new(|| SEEN.lock().unwrap().push(1)));
            defer(Job::new(|| SEEN.lock().unwrap().push(2)));
            flush(); // inside libvirt: nothing runs
            assert!(SEEN.lock().unwrap().is_empty());
        }
        flush();
        let seen = SEEN.lock().unwrap().clone();
        assert_eq!(seen, vec![1, 2]);
    }
}
