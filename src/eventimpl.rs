//! The bridge behind `Sys::Virt::Event::register($impl)`: libvirt's six
//! event hooks are Rust functions that reach the methods of a Perl object
//! (a `Sys::Virt::EventImpl` subclass) through C callbacks of the glue.
//!
//! Rust owns the bookkeeping. For each handle or timer libvirt adds, the
//! registry keeps libvirt's callback, opaque pointer and free function, and
//! gives the Perl loop a *token* (a number never reused) as its `$cb`,
//! `$opaque` and `$ff`. The helpers `_run_handle_callback`,
//! `_run_timeout_callback` and `_free_callback_opaque` come back here with
//! those tokens; a stale token is ignored and a forged one is an error, so
//! no Perl value can make us call a bad pointer.
//!
//! The ids libvirt sees (watch and timer numbers) are also Rust's; the ids
//! the Perl loop returns are only used to talk to the Perl loop. That is
//! what lets a hook called on a thread that does not own the interpreter
//! answer at once without entering Perl: it records the operation, queues
//! it, and wakes the Perl loop through a pipe whose read end the loop
//! watches; the owner thread applies the queue when it gets there.
//!
//! The pipe is added to the Perl loop only once some other thread has
//! needed it (the first such operation is applied at the loop's next
//! dispatch): libvirt's client calls its hooks from the script's own
//! thread, and a loop written in Perl pays for every handle it watches on
//! each iteration (measured: a select loop dispatched timers 25% slower
//! with the idle pipe in its set).
//!
//! `virFreeCallback`s run from a clean stack: `_free_callback_opaque` only
//! queues them unless the owner thread is outside every libvirt call.

use std::collections::{HashMap, VecDeque};
use std::ffi::c_void;
use std::os::raw::c_int;
use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::thread::{self, ThreadId};

use virt_sys as sys;

use crate::boundary::guard;
use crate::error::{Failure, Result};
use crate::event::{self, Depth, Job};

/// Calls `$impl->add_handle($fd, $events, $cb, $opaque, $ff)` (all three
/// given as `token`); returns the Perl loop's watch id, or a negative number
/// if the method died or returned something that is not a number (the glue
/// keeps the exception).
pub type SvrImplAddHandleFn = unsafe extern "C" fn(fd: c_int, events: c_int, token: i64) -> i64;
/// Calls `$impl->add_timeout($ms, $cb, $opaque, $ff)`; as above.
pub type SvrImplAddTimeoutFn = unsafe extern "C" fn(ms: c_int, token: i64) -> i64;
/// Calls `$impl->update_handle($watch, $events)` or `update_timeout($timer, $ms)`.
pub type SvrImplUpdateFn = unsafe extern "C" fn(id: i64, value: c_int);
/// Calls `$impl->remove_handle($watch)` or `remove_timeout($timer)`;
/// returns 0, or -1 if the method died or said -1.
pub type SvrImplRemoveFn = unsafe extern "C" fn(id: i64) -> c_int;

/// The glue's way into the Perl loop object.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct SvrImplHooks {
    pub add_handle: SvrImplAddHandleFn,
    pub update_handle: SvrImplUpdateFn,
    pub remove_handle: SvrImplRemoveFn,
    pub add_timeout: SvrImplAddTimeoutFn,
    pub update_timeout: SvrImplUpdateFn,
    pub remove_timeout: SvrImplRemoveFn,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Handle,
    Timeout,
    Wake,
}

struct Entry {
    kind: Kind,
    /// The id libvirt knows (watch or timer number).
    id: c_int,
    fd: c_int,
    handle_cb: sys::virEventHandleCallback,
    timeout_cb: sys::virEventTimeoutCallback,
    opaque: *mut c_void,
    ff: sys::virFreeCallback,
    /// The id the Perl loop returned (None until it was added there, or if
    /// adding failed).
    perl_id: Option<i64>,
    /// Removed by libvirt: never dispatched again; freed when the Perl loop
    /// says so (or at once if the Perl loop never had it).
    removed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Add(i64, c_int),
    Update(i64, c_int),
    Remove(i64),
}

#[derive(Default)]
struct State {
    entries: HashMap<i64, Entry>,
    handles: HashMap<c_int, i64>,
    timers: HashMap<c_int, i64>,
    next_token: i64,
    next_watch: c_int,
    next_timer: c_int,
    ops: VecDeque<Op>,
}

// SAFETY: the raw pointers in entries are libvirt's opaque data; they are
// only handed back to libvirt's own callbacks, on the owner thread.
unsafe impl Send for State {}

pub struct Bridge {
    hooks: SvrImplHooks,
    owner: ThreadId,
    state: Mutex<State>,
    wake_r: c_int,
    wake_w: c_int,
    /// Another thread queued work: the pipe must be watched from now on.
    wake_wanted: AtomicBool,
    /// The Perl loop watches the pipe.
    wake_watched: AtomicBool,
}

fn pipe() -> Result<(c_int, c_int)> {
    let mut fds = [0 as c_int; 2];
    // SAFETY: fds has room for two descriptors.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_NONBLOCK | libc::O_CLOEXEC) } < 0 {
        return Err(Failure::message(format!(
            "Sys::Virt::Event::register: cannot create the wake-up pipe: {}",
            std::io::Error::last_os_error()
        )));
    }
    Ok((fds[0], fds[1]))
}

/// What a helper call found for a token.
enum Found {
    Run(Entry2),
    Stale,
}

/// The copy of an entry a dispatch needs (taken out of the lock).
struct Entry2 {
    kind: Kind,
    id: c_int,
    fd: c_int,
    handle_cb: sys::virEventHandleCallback,
    timeout_cb: sys::virEventTimeoutCallback,
    opaque: *mut c_void,
}

impl Bridge {
    /// A bridge owned by the calling thread, with its wake-up pipe.
    pub fn new(hooks: SvrImplHooks) -> Result<Bridge> {
        let (wake_r, wake_w) = pipe()?;
        crate::fork::own_pipe(wake_r, wake_w);
        Ok(Bridge {
            hooks,
            owner: thread::current().id(),
            state: Mutex::new(State { next_token: 1, next_watch: 1, next_timer: 1, ..State::default() }),
            wake_r,
            wake_w,
            wake_wanted: AtomicBool::new(false),
            wake_watched: AtomicBool::new(false),
        })
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn is_owner(&self) -> bool {
        thread::current().id() == self.owner
    }

    /// Registers the wake-up pipe with the Perl loop. Owner thread only.
    pub fn start(&self) -> Result<()> {
        let token = self.insert(Kind::Wake, self.wake_r, None, None, std::ptr::null_mut(), None);
        let _inside = Depth::enter();
        // SAFETY: calls the glue on the owner thread.
        let r = unsafe { (self.hooks.add_handle)(self.wake_r, sys::VIR_EVENT_HANDLE_READABLE as c_int, token) };
        if r < 0 {
            self.lock().entries.remove(&token);
            return Err(Failure::message(
                "Sys::Virt::Event::register: the event implementation's add_handle failed for libvirt's wake-up pipe",
            ));
        }
        if let Some(e) = self.lock().entries.get_mut(&token) {
            e.perl_id = Some(r);
        }
        self.wake_watched.store(true, AtomicOrdering::SeqCst);
        Ok(())
    }

    /// Has the Perl loop watch the wake-up pipe once another thread needed
    /// it. Owner thread only.
    fn watch_pipe_if_wanted(&self) {
        if self.wake_wanted.load(AtomicOrdering::SeqCst) && !self.wake_watched.load(AtomicOrdering::SeqCst) {
            // A refusal leaves it wanted: tried again at the next dispatch.
            let _ = self.start();
        }
    }

    /// Makes the Perl loop call back soon (any thread). On the owner
    /// thread nothing more is needed: it flushes its queues on its way out.
    pub fn wake(&self) {
        if !self.is_owner() {
            self.wake_wanted.store(true, AtomicOrdering::SeqCst);
        }
        let b = [1u8];
        // SAFETY: writes one byte to our own non-blocking pipe; a full pipe
        // (EAGAIN) already means the loop will wake.
        unsafe { libc::write(self.wake_w, b.as_ptr() as *const c_void, 1) };
    }

    fn drain_pipe(&self) {
        let mut buf = [0u8; 256];
        // SAFETY: reads from our own non-blocking pipe.
        while unsafe { libc::read(self.wake_r, buf.as_mut_ptr() as *mut c_void, buf.len()) } > 0 {}
    }

    fn insert(
        &self,
        kind: Kind,
        fd: c_int,
        handle_cb: sys::virEventHandleCallback,
        timeout_cb: sys::virEventTimeoutCallback,
        opaque: *mut c_void,
        ff: sys::virFreeCallback,
    ) -> i64 {
        let mut st = self.lock();
        let token = st.next_token;
        st.next_token += 1;
        let id = match kind {
            Kind::Timeout => {
                let id = st.next_timer;
                st.next_timer = st.next_timer.checked_add(1).unwrap_or(1);
                st.timers.insert(id, token);
                id
            }
            Kind::Handle => {
                let id = st.next_watch;
                st.next_watch = st.next_watch.checked_add(1).unwrap_or(1);
                st.handles.insert(id, token);
                id
            }
            Kind::Wake => 0,
        };
        st.entries.insert(token, Entry { kind, id, fd, handle_cb, timeout_cb, opaque, ff, perl_id: None, removed: false });
        token
    }

    // -------------------------------------------------- libvirt hooks ----

    pub fn add_handle(
        &self,
        fd: c_int,
        events: c_int,
        cb: sys::virEventHandleCallback,
        opaque: *mut c_void,
        ff: sys::virFreeCallback,
    ) -> c_int {
        let token = self.insert(Kind::Handle, fd, cb, None, opaque, ff);
        self.add(token, fd, events)
    }

    pub fn add_timeout(
        &self,
        ms: c_int,
        cb: sys::virEventTimeoutCallback,
        opaque: *mut c_void,
        ff: sys::virFreeCallback,
    ) -> c_int {
        let token = self.insert(Kind::Timeout, -1, None, cb, opaque, ff);
        self.add(token, -1, ms)
    }

    /// Adds a new entry to the Perl loop (now, or queued); returns the id
    /// libvirt sees, -1 if the Perl loop refused.
    fn add(&self, token: i64, fd: c_int, value: c_int) -> c_int {
        let id = self.lock().entries[&token].id;
        if !self.is_owner() {
            self.queue(Op::Add(token, value));
            return id;
        }
        self.apply_ops();
        if self.perl_add(token, fd, value) {
            id
        } else {
            // libvirt frees its data itself when an add fails.
            let mut st = self.lock();
            if let Some(e) = st.entries.remove(&token) {
                match e.kind {
                    Kind::Handle => st.handles.remove(&e.id),
                    _ => st.timers.remove(&e.id),
                };
            }
            -1
        }
    }

    fn perl_add(&self, token: i64, fd: c_int, value: c_int) -> bool {
        let kind = match self.lock().entries.get(&token) {
            Some(e) => e.kind,
            None => return false,
        };
        let r = {
            let _inside = Depth::enter();
            // SAFETY: calls the glue on the owner thread.
            unsafe {
                match kind {
                    Kind::Timeout => (self.hooks.add_timeout)(value, token),
                    _ => (self.hooks.add_handle)(fd, value, token),
                }
            }
        };
        if r < 0 {
            return false;
        }
        if let Some(e) = self.lock().entries.get_mut(&token) {
            e.perl_id = Some(r);
        }
        true
    }

    fn queue(&self, op: Op) {
        self.lock().ops.push_back(op);
        self.wake();
    }

    fn token_of(&self, kind: Kind, id: c_int) -> Option<i64> {
        let st = self.lock();
        let t = match kind {
            Kind::Timeout => st.timers.get(&id),
            _ => st.handles.get(&id),
        }?;
        st.entries.get(t).filter(|e| !e.removed).map(|_| *t)
    }

    pub fn update(&self, kind: Kind, id: c_int, value: c_int) {
        let Some(token) = self.token_of(kind, id) else { return };
        if !self.is_owner() {
            self.queue(Op::Update(token, value));
            return;
        }
        self.apply_ops();
        self.perl_update(token, value);
    }

    fn perl_update(&self, token: i64, value: c_int) {
        let (kind, perl_id) = match self.lock().entries.get(&token) {
            Some(e) if !e.removed => (e.kind, e.perl_id),
            _ => return,
        };
        let Some(pid) = perl_id else { return };
        let _inside = Depth::enter();
        // SAFETY: calls the glue on the owner thread.
        unsafe {
            match kind {
                Kind::Timeout => (self.hooks.update_timeout)(pid, value),
                _ => (self.hooks.update_handle)(pid, value),
            }
        }
    }

    pub fn remove(&self, kind: Kind, id: c_int) -> c_int {
        let token = {
            let mut st = self.lock();
            let t = match kind {
                Kind::Timeout => st.timers.remove(&id),
                _ => st.handles.remove(&id),
            };
            let Some(t) = t else { return -1 };
            match st.entries.get_mut(&t) {
                Some(e) if !e.removed => e.removed = true,
                _ => return -1,
            }
            t
        };
        if !self.is_owner() {
            self.queue(Op::Remove(token));
            return 0;
        }
        self.apply_ops();
        self.perl_remove(token)
    }

    fn perl_remove(&self, token: i64) -> c_int {
        let (kind, perl_id) = match self.lock().entries.get(&token) {
            Some(e) => (e.kind, e.perl_id),
            None => return 0,
        };
        match perl_id {
            Some(pid) => {
                let _inside = Depth::enter();
                // SAFETY: calls the glue on the owner thread.
                let rc = unsafe {
                    match kind {
                        Kind::Timeout => (self.hooks.remove_timeout)(pid),
                        _ => (self.hooks.remove_handle)(pid),
                    }
                };
                if rc < 0 { -1 } else { 0 }
            }
            None => {
                // Never reached the Perl loop (its add failed): free it here.
                self.release(token);
                0
            }
        }
    }

    /// Applies operations queued by other threads, in order. Owner only.
    pub fn apply_ops(&self) {
        if !self.is_owner() {
            return;
        }
        self.watch_pipe_if_wanted();
        loop {
            let op = self.lock().ops.pop_front();
            let Some(op) = op else { break };
            match op {
                Op::Add(token, value) => {
                    let (fd, removed) = self.lock().entries.get(&token).map_or((-1, true), |e| (e.fd, e.removed));
                    // Removed before it reached the Perl loop: the Remove
                    // queued after this frees it. If the Perl loop refuses
                    // it, perl_id stays None and the remove frees it too.
                    if !removed {
                        self.perl_add(token, fd, value);
                    }
                }
                Op::Update(token, value) => self.perl_update(token, value),
                Op::Remove(token) => {
                    self.perl_remove(token);
                }
            }
        }
    }

    /// Forgets an entry and queues libvirt's free function.
    fn release(&self, token: i64) {
        let e = self.lock().entries.remove(&token);
        if let Some(e) = e {
            if let Some(ff) = e.ff {
                let opaque = e.opaque;
                // SAFETY: libvirt's free function for its own data, run once
                // from a clean stack on the owner thread.
                event::defer(Job::new(move || unsafe { ff(opaque) }));
            }
        }
    }

    // ------------------------------------------------- Perl helpers ----

    fn find(&self, cb: i64, opaque: i64, want: &[Kind], what: &str) -> Result<Found> {
        if cb != opaque {
            return Err(Failure::message(format!(
                "{what}: the callback and opaque values do not belong together (they must be those the event loop was given)"
            )));
        }
        let st = self.lock();
        match st.entries.get(&cb) {
            Some(e) if !want.contains(&e.kind) => Err(Failure::message(format!(
                "{what}: the callback value does not belong to this kind of event"
            ))),
            Some(e) if e.removed => Ok(Found::Stale),
            Some(e) => Ok(Found::Run(Entry2 {
                kind: e.kind,
                id: e.id,
                fd: e.fd,
                handle_cb: e.handle_cb,
                timeout_cb: e.timeout_cb,
                opaque: e.opaque,
            })),
            None if cb >= 1 && cb < st.next_token => Ok(Found::Stale),
            None => Err(Failure::message(format!(
                "{what}: '{cb}' is not a callback value the event loop was given"
            ))),
        }
    }

    fn check_owner(&self, what: &str) -> Result<()> {
        if self.is_owner() {
            Ok(())
        } else {
            Err(Failure::message(format!("{what}: called from a thread that does not own the event loop")))
        }
    }

    /// `_run_handle_callback`: dispatches to libvirt's callback.
    pub fn run_handle(&self, events: c_int, cb: i64, opaque: i64) -> Result<()> {
        const WHAT: &str = "Sys::Virt::EventImpl::_run_handle_callback";
        self.check_owner(WHAT)?;
        match self.find(cb, opaque, &[Kind::Handle, Kind::Wake], WHAT)? {
            Found::Stale => {}
            Found::Run(e) if e.kind == Kind::Wake => {
                self.drain_pipe();
            }
            Found::Run(e) => {
                if let Some(f) = e.handle_cb {
                    let events = events & 0xf;
                    let _inside = Depth::enter();
                    // SAFETY: libvirt's callback with its own data, for a
                    // watch it has not removed.
                    unsafe { f(e.id, e.fd, events, e.opaque) };
                }
            }
        }
        self.apply_ops();
        event::flush();
        Ok(())
    }

    /// `_run_timeout_callback`.
    pub fn run_timeout(&self, cb: i64, opaque: i64) -> Result<()> {
        const WHAT: &str = "Sys::Virt::EventImpl::_run_timeout_callback";
        self.check_owner(WHAT)?;
        if let Found::Run(e) = self.find(cb, opaque, &[Kind::Timeout], WHAT)? {
            if let Some(f) = e.timeout_cb {
                let _inside = Depth::enter();
                // SAFETY: as in run_handle.
                unsafe { f(e.id, e.opaque) };
            }
        }
        self.apply_ops();
        event::flush();
        Ok(())
    }

    /// `_free_callback_opaque`: the Perl loop is done with an entry.
    pub fn free(&self, ff: i64, opaque: i64) -> Result<()> {
        const WHAT: &str = "Sys::Virt::EventImpl::_free_callback_opaque";
        self.check_owner(WHAT)?;
        match self.find(ff, opaque, &[Kind::Handle, Kind::Timeout, Kind::Wake], WHAT)? {
            Found::Stale => {
                // Removed by libvirt: this is the expected case.
                let removed = self.lock().entries.get(&ff).map_or(false, |e| e.removed);
                if removed {
                    self.release(ff);
                }
            }
            Found::Run(_) => {
                return Err(Failure::message(format!(
                    "{WHAT}: libvirt has not removed this handle or timeout; its data cannot be freed yet"
                )));
            }
        }
        if event::at_clean_stack() {
            event::flush();
        } else {
            self.wake();
        }
        Ok(())
    }

    /// Whether `token` is the bridge's own wake-up pipe (adapters leave it
    /// out when they tell whether libvirt left anything behind).
    pub fn is_wake(&self, token: i64) -> bool {
        self.lock().entries.get(&token).map_or(false, |e| e.kind == Kind::Wake)
    }

    #[cfg(test)]
    fn live(&self) -> usize {
        self.lock().entries.len()
    }
}

// ------------------------------------------------------- the global ----

static BRIDGE: OnceLock<Bridge> = OnceLock::new();

fn wake_global() {
    if let Some(b) = BRIDGE.get() {
        b.wake();
    }
}

/// The bridge libvirt's hooks use: none in a child forked while other
/// threads could hold its lock (src/fork.rs), where the hooks fail.
fn hooked_bridge() -> Option<&'static Bridge> {
    if crate::fork::threads_at_fork().is_some() {
        return None;
    }
    BRIDGE.get()
}

unsafe extern "C" fn hook_add_handle(
    fd: c_int,
    events: c_int,
    cb: sys::virEventHandleCallback,
    opaque: *mut c_void,
    ff: sys::virFreeCallback,
) -> c_int {
    guard("event hook add_handle", -1, || Ok(hooked_bridge().map_or(-1, |b| b.add_handle(fd, events, cb, opaque, ff))))
}

unsafe extern "C" fn hook_update_handle(watch: c_int, events: c_int) {
    guard("event hook update_handle", (), || {
        if let Some(b) = hooked_bridge() {
            b.update(Kind::Handle, watch, events);
        }
        Ok(())
    })
}

unsafe extern "C" fn hook_remove_handle(watch: c_int) -> c_int {
    guard("event hook remove_handle", -1, || Ok(hooked_bridge().map_or(-1, |b| b.remove(Kind::Handle, watch))))
}

unsafe extern "C" fn hook_add_timeout(
    ms: c_int,
    cb: sys::virEventTimeoutCallback,
    opaque: *mut c_void,
    ff: sys::virFreeCallback,
) -> c_int {
    guard("event hook add_timeout", -1, || Ok(hooked_bridge().map_or(-1, |b| b.add_timeout(ms, cb, opaque, ff))))
}

unsafe extern "C" fn hook_update_timeout(timer: c_int, ms: c_int) {
    guard("event hook update_timeout", (), || {
        if let Some(b) = hooked_bridge() {
            b.update(Kind::Timeout, timer, ms);
        }
        Ok(())
    })
}

unsafe extern "C" fn hook_remove_timeout(timer: c_int) -> c_int {
    guard("event hook remove_timeout", -1, || Ok(hooked_bridge().map_or(-1, |b| b.remove(Kind::Timeout, timer))))
}

/// Registers the Perl-written loop the glue reaches through `hooks`. Once
/// per process (libvirt allows no other).
///
/// # Safety
/// `hooks` must point to a valid `SvrImplHooks`; its functions must stay
/// valid for the life of the process.
#[no_mangle]
pub unsafe extern "C" fn svr_event_register_impl(hooks: *const SvrImplHooks) -> c_int {
    guard("svr_event_register_impl", -1, || {
        let hooks = *hooks.as_ref().ok_or_else(|| Failure::message("no hooks"))?;
        if BRIDGE.get().is_some() {
            return Err(Failure::message(
                "Sys::Virt::Event::register: an event implementation is already registered (libvirt allows one per process)",
            ));
        }
        if event::default_loop_registered() {
            return Err(Failure::message(
                "Sys::Virt::Event::register: libvirt's default event loop is already registered (register_default); \
                 libvirt keeps what it registered there, so a process uses one loop or the other, not both",
            ));
        }
        event::claim_owner();
        let bridge = Bridge::new(hooks)?;
        crate::fork::probe_lock(bridge_lock_free);
        if BRIDGE.set(bridge).is_err() {
            return Err(Failure::message("Sys::Virt::Event::register: registered twice at once"));
        }
        event::set_waker(wake_global);
        sys::virEventRegisterImpl(
            Some(hook_add_handle),
            Some(hook_update_handle),
            Some(hook_remove_handle),
            Some(hook_add_timeout),
            Some(hook_update_timeout),
            Some(hook_remove_timeout),
        );
        Ok(0)
    })
}

/// Has the Perl loop watch the wake-up pipe from now on (owner thread
/// only): work handed to other threads (the non-blocking calls of
/// src/api/pending.rs) wakes it through the pipe, even when nothing else
/// dispatches meanwhile.
pub fn expect_wakeups() -> Result<()> {
    if let Some(b) = BRIDGE.get() {
        if b.is_owner() && !b.wake_watched.load(AtomicOrdering::SeqCst) {
            b.wake_wanted.store(true, AtomicOrdering::SeqCst);
            b.start()?;
        }
    }
    Ok(())
}

/// Whether `register($impl)` succeeded in this process.
pub fn perl_loop_registered() -> bool {
    BRIDGE.get().is_some()
}

fn bridge() -> Result<&'static Bridge> {
    BRIDGE
        .get()
        .ok_or_else(|| Failure::message("Sys::Virt::EventImpl: no event implementation is registered"))
}

#[no_mangle]
pub extern "C" fn svr_event_impl_run_handle(events: c_int, cb: i64, opaque: i64) -> c_int {
    crate::boundary::guard_io("svr_event_impl_run_handle", -1, || {
        crate::fork::unusable("Sys::Virt::EventImpl")?;
        bridge()?.run_handle(events, cb, opaque)?;
        Ok(0)
    })
}

#[no_mangle]
pub extern "C" fn svr_event_impl_run_timeout(cb: i64, opaque: i64) -> c_int {
    crate::boundary::guard_io("svr_event_impl_run_timeout", -1, || {
        crate::fork::unusable("Sys::Virt::EventImpl")?;
        bridge()?.run_timeout(cb, opaque)?;
        Ok(0)
    })
}

#[no_mangle]
pub extern "C" fn svr_event_impl_free(ff: i64, opaque: i64) -> c_int {
    crate::boundary::guard_io("svr_event_impl_free", -1, || {
        crate::fork::unusable("Sys::Virt::EventImpl")?;
        bridge()?.free(ff, opaque)?;
        Ok(0)
    })
}

/// 1 if `token` (a `$cb` given to the Perl loop) is the bridge's wake-up
/// pipe, 0 otherwise (or with no loop registered).
#[no_mangle]
pub extern "C" fn svr_event_impl_is_wakeup(token: i64) -> c_int {
    guard("svr_event_impl_is_wakeup", 0, || Ok(hooked_bridge().map_or(0, |b| b.is_wake(token) as c_int)))
}

/// The bridge's lock is free (run in a forked child: src/fork.rs).
fn bridge_lock_free() -> bool {
    BRIDGE.get().map_or(true, |b| !matches!(b.state.try_lock(), Err(std::sync::TryLockError::WouldBlock)))
}

// ------------------------------------------- test hook: other threads ----

static FOREIGN_TIMER: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(-1);
static FOREIGN_FIRED: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);
static FOREIGN_FREED: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);

unsafe extern "C" fn foreign_fire(_timer: c_int, _opaque: *mut c_void) {
    FOREIGN_FIRED.fetch_add(1, AtomicOrdering::SeqCst);
}

unsafe extern "C" fn foreign_free(_opaque: *mut c_void) {
    FOREIGN_FREED.fetch_add(1, AtomicOrdering::SeqCst);
}

/// For the test suite: does what libvirt's own threads do, calling the
/// event hooks from a thread that does not own the interpreter.
/// `op` 1: adds a 0 ms timer from a new thread (returns its id);
/// 2: removes it from a new thread (returns libvirt's result);
/// 3: how many times it fired; 4: how many times its data was freed.
#[no_mangle]
pub extern "C" fn svr_test_foreign_thread(op: c_int) -> i64 {
    guard("svr_test_foreign_thread", -1, || {
        Ok(match op {
            1 => {
                let id = thread::spawn(|| {
                    // SAFETY: libvirt's public API with static callbacks.
                    unsafe { sys::virEventAddTimeout(0, Some(foreign_fire), std::ptr::null_mut(), Some(foreign_free)) }
                })
                .join()
                .map_err(|_| Failure::message("svr_test_foreign_thread: the thread panicked"))?;
                FOREIGN_TIMER.store(id, AtomicOrdering::SeqCst);
                id as i64
            }
            2 => {
                let id = FOREIGN_TIMER.swap(-1, AtomicOrdering::SeqCst);
                // SAFETY: as above.
                thread::spawn(move || unsafe { sys::virEventRemoveTimeout(id) } as i64)
                    .join()
                    .map_err(|_| Failure::message("svr_test_foreign_thread: the thread panicked"))?
            }
            3 => FOREIGN_FIRED.load(AtomicOrdering::SeqCst),
            4 => FOREIGN_FREED.load(AtomicOrdering::SeqCst),
            _ => return Err(Failure::message("svr_test_foreign_thread: unknown operation")),
        })
    })
}

#[cfg(test)]
mod tests {
    //! The bridge against a fake "Perl loop" made of Rust functions that
    //! record what they are asked, on which thread.
    use super::*;
    use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

    static CALLS: Mutex<Vec<(String, ThreadId)>> = Mutex::new(Vec::new());
    static NEXT: AtomicI64 = AtomicI64::new(100);
    static FIRED: AtomicUsize = AtomicUsize::new(0);
    static FREED: AtomicUsize = AtomicUsize::new(0);
    /// Tokens the fake loop was given, by its ids.
    static TOKENS: Mutex<Vec<(i64, i64)>> = Mutex::new(Vec::new());
    use crate::event::TEST_SERIAL as SERIAL;

    fn note(s: String) {
        CALLS.lock().unwrap().push((s, thread::current().id()));
    }
    unsafe extern "C" fn f_add_handle(fd: c_int, ev: c_int, token: i64) -> i64 {
        let id = NEXT.fetch_add(1, Ordering::SeqCst);
        note(format!("add_handle {fd} {ev}"));
        TOKENS.lock().unwrap().push((id, token));
        id
    }
    unsafe extern "C" fn f_add_timeout(ms: c_int, token: i64) -> i64 {
        let id = NEXT.fetch_add(1, Ordering::SeqCst);
        note(format!("add_timeout {ms}"));
        TOKENS.lock().unwrap().push((id, token));
        id
    }
    unsafe extern "C" fn f_update(id: i64, v: c_int) {
        note(format!("update {id} {v}"));
    }
    unsafe extern "C" fn f_remove(id: i64) -> c_int {
        note(format!("remove {id}"));
        0
    }
    unsafe extern "C" fn f_fail_add(_fd: c_int, _ev: c_int, _token: i64) -> i64 {
        -1
    }
    unsafe extern "C" fn lv_handle(_w: c_int, _fd: c_int, _ev: c_int, _o: *mut c_void) {
        FIRED.fetch_add(1, Ordering::SeqCst);
    }
    unsafe extern "C" fn lv_timeout(_t: c_int, _o: *mut c_void) {
        FIRED.fetch_add(1, Ordering::SeqCst);
    }
    unsafe extern "C" fn lv_free(_o: *mut c_void) {
        FREED.fetch_add(1, Ordering::SeqCst);
    }

    fn hooks() -> SvrImplHooks {
        SvrImplHooks {
            add_handle: f_add_handle,
            update_handle: f_update,
            remove_handle: f_remove,
            add_timeout: f_add_timeout,
            update_timeout: f_update,
            remove_timeout: f_remove,
        }
    }

    fn token_for(perl_id: i64) -> i64 {
        TOKENS.lock().unwrap().iter().find(|(id, _)| *id == perl_id).unwrap().1
    }

    fn readable(fd: c_int) -> bool {
        let mut p = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
        unsafe { libc::poll(&mut p, 1, 0) == 1 }
    }

    #[test]
    fn owner_thread_calls_perl_at_once_and_ff_is_deferred() {
        let _s = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        let b = Bridge::new(hooks()).unwrap();
        b.start().unwrap();
        let before = CALLS.lock().unwrap().len();
        let w = b.add_handle(7, 1, Some(lv_handle), std::ptr::null_mut(), Some(lv_free));
        assert!(w > 0);
        let calls = CALLS.lock().unwrap()[before..].to_vec();
        assert_eq!(calls.len(), 1);
        assert_eq!(calls[0].0, "add_handle 7 1");
        let pid = NEXT.load(Ordering::SeqCst) - 1;
        let tok = token_for(pid);
        let fired = FIRED.load(Ordering::SeqCst);
        b.run_handle(1, tok, tok).unwrap();
        assert_eq!(FIRED.load(Ordering::SeqCst), fired + 1);
        // forged values are refused, mismatched pairs too
        assert!(b.run_handle(1, 999_999, 999_999).is_err());
        assert!(b.run_handle(1, tok, tok + 1).is_err());
        assert!(b.run_timeout(tok, tok).is_err(), "a handle token is not a timer");
        // freeing before libvirt removed it is refused
        assert!(b.free(tok, tok).is_err());
        assert_eq!(b.remove(Kind::Handle, w), 0);
        assert_eq!(b.remove(Kind::Handle, w), -1, "twice");
        // stale now: dispatch is a no-op
        b.run_handle(1, tok, tok).unwrap();
        assert_eq!(FIRED.load(Ordering::SeqCst), fired + 1);
        // free inside libvirt (depth > 0) is queued, then run at depth 0
        let freed = FREED.load(Ordering::SeqCst);
        {
            let _d = Depth::enter();
            b.free(tok, tok).unwrap();
            assert_eq!(FREED.load(Ordering::SeqCst), freed, "not from inside a hook");
        }
        event::flush();
        assert_eq!(FREED.load(Ordering::SeqCst), freed + 1);
        // freeing again is a harmless no-op
        b.free(tok, tok).unwrap();
        assert_eq!(FREED.load(Ordering::SeqCst), freed + 1);
        assert_eq!(b.live(), 1, "only the wake-up pipe is left");
    }

    #[test]
    fn other_threads_never_call_perl_and_wake_the_loop() {
        let _s = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        let b: &'static Bridge = Box::leak(Box::new(Bridge::new(hooks()).unwrap()));
        b.start().unwrap();
        let wake_pid = NEXT.load(Ordering::SeqCst) - 1;
        let wake_tok = token_for(wake_pid);
        assert!(!readable(b.wake_r));
        let owner = thread::current().id();
        let before = CALLS.lock().unwrap().len();
        let freed = FREED.load(Ordering::SeqCst);
        let (w, t) = thread::spawn(move || {
            let w = b.add_handle(9, 2, Some(lv_handle), std::ptr::null_mut(), Some(lv_free));
            b.update(Kind::Handle, w, 3);
            let t = b.add_timeout(50, Some(lv_timeout), std::ptr::null_mut(), Some(lv_free));
            assert_eq!(b.remove(Kind::Timeout, t), 0);
            (w, t)
        })
        .join()
        .unwrap();
        assert!(w > 0 && t > 0);
        assert_eq!(CALLS.lock().unwrap().len(), before, "no Perl call from the other thread");
        assert!(readable(b.wake_r), "the loop was woken");
        // The Perl loop sees its wake-up handle readable and dispatches it.
        b.run_handle(1, wake_tok, wake_tok).unwrap();
        assert!(!readable(b.wake_r), "pipe drained");
        let calls: Vec<_> = CALLS.lock().unwrap()[before..].to_vec();
        assert!(calls.iter().all(|(_, th)| *th == owner), "all on the owner thread");
        let names: Vec<&str> = calls.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(names[0], "add_handle 9 2");
        assert!(names[1].starts_with("update ") && names[1].ends_with(" 3"), "{names:?}");
        // The timer was removed before it reached the Perl loop: never added
        // there, and libvirt's data is freed by the bridge itself.
        assert_eq!(names.len(), 2, "{names:?}");
        assert_eq!(FREED.load(Ordering::SeqCst), freed + 1);
        // The helpers refuse other threads.
        assert!(thread::spawn(move || b.run_handle(1, wake_tok, wake_tok).is_err()).join().unwrap());
    }

    #[test]
    fn failed_perl_add_is_reported_and_nothing_leaks() {
        let _s = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        let mut h = hooks();
        h.add_handle = f_fail_add;
        let b = Bridge::new(h).unwrap();
        assert!(b.start().is_err());
        assert_eq!(b.add_handle(3, 1, Some(lv_handle), std::ptr::null_mut(), Some(lv_free)), -1);
        assert_eq!(b.live(), 0);
        // a timer still works through the other hook
        let t = b.add_timeout(0, Some(lv_timeout), std::ptr::null_mut(), Some(lv_free));
        assert!(t > 0);
        assert_eq!(b.live(), 1);
    }

    #[test]
    fn the_wake_up_pipe_is_watched_only_once_another_thread_needs_it() {
        let _s = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        let b: &'static Bridge = Box::leak(Box::new(Bridge::new(hooks()).unwrap()));
        let pipe_added = |from: usize| {
            let fd = format!("add_handle {} ", b.wake_r);
            CALLS.lock().unwrap()[from..].iter().any(|(c, _)| c.starts_with(&fd))
        };
        let before = CALLS.lock().unwrap().len();
        // Owner-thread work: the loop never sees the pipe.
        let w = b.add_handle(5, 1, Some(lv_handle), std::ptr::null_mut(), Some(lv_free));
        assert!(w > 0);
        b.apply_ops();
        assert!(!pipe_added(before), "no wake-up pipe while only the owner thread calls");
        // Another thread: queued, the pipe is wanted, nothing enters "Perl".
        let n = CALLS.lock().unwrap().len();
        let w2 = thread::spawn(move || b.add_handle(6, 1, Some(lv_handle), std::ptr::null_mut(), Some(lv_free)))
            .join()
            .unwrap();
        assert!(w2 > 0);
        assert_eq!(CALLS.lock().unwrap().len(), n, "no Perl call from the other thread");
        // The owner's next dispatch watches the pipe and applies the queue.
        b.apply_ops();
        assert!(pipe_added(n), "the pipe is watched from now on");
        assert!(CALLS.lock().unwrap()[n..].iter().any(|(c, _)| c == "add_handle 6 1"), "queued add applied");
        assert!(b.wake_watched.load(AtomicOrdering::SeqCst));
    }
}
