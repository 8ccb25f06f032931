//! The non-blocking forms of the table-driven methods (`NAME_f`, `NAME_p`).
//!
//! tools/gen-api.pl generates for every row (but the stream ones) a second
//! export, `svr_api_<class>_<method>_start`, with the arguments of the
//! method plus the glue's context (the Perl Future or Mojo::Promise). On the
//! interpreter's thread it copies every argument into an owned value of
//! this module (strings, byte strings, lists, pairs) and takes a libvirt
//! reference of its own on every object involved ([`Obj`]), so that nothing
//! points into a Perl value and a script may drop its objects meanwhile.
//! Then the row's `Value` body (the one the blocking form runs when it has
//! no fast path) runs on a worker of a bounded pool of threads ([`submit`]).
//! Its result (a `Value` tree, or the [`Failure`] read from libvirt's
//! per-thread error right after the call on that worker) goes back to the
//! interpreter's thread as an [`event::Job`] (`event::defer`, which wakes
//! the registered loop); there the owned arguments are dropped (references
//! released from a clean stack) and the glue's settle function hands the
//! result to Perl (`Sys::Virt::_async_settle`). Perl code only ever runs on
//! the loop's thread.

use std::collections::VecDeque;
use std::ffi::{c_void, CStr, CString};
use std::marker::PhantomData;
use std::os::raw::{c_char, c_int, c_uint};
use std::ptr;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, OnceLock};

use crate::boundary::guard;
use crate::error::{self, Failure, Result};
use crate::event::{self, Job, SvrReleaseFn};

use super::auth::SvrCredential;
use super::{value::SvrValue, Object, SvrPair};

/// The glue's function that settles the Perl side of a call: `v` is the
/// result tree (the glue frees it), or NULL with the failure recorded on
/// this thread ([`error::record`]).
pub type SvrSettleFn = unsafe extern "C" fn(ctx: *mut c_void, v: *mut SvrValue);

static SETTLE: OnceLock<(SvrSettleFn, SvrReleaseFn)> = OnceLock::new();

/// Registers the glue's settle function, and the one that releases a
/// call's context (the Perl values it holds: the Future, the objects the
/// call uses) once the call has ended, after it was settled. The glue
/// calls this before its first start; later calls are ignored.
#[no_mangle]
pub extern "C" fn svr_async_set_settle(f: SvrSettleFn, release: SvrReleaseFn) {
    let _ = SETTLE.set((f, release));
}

// ------------------------------------------------------------ the pool ----

type Work = Box<dyn FnOnce() + Send>;

/// Workers a pool starts at most unless told otherwise
/// (`Sys::Virt::set_worker_threads`). A call waiting on a slow host holds
/// its worker, so this is how many hosts a fleet program reaches at once;
/// workers start only when calls need them, and an idle one costs a few
/// pages of stack.
pub const DEFAULT_WORKERS: usize = 64;

struct Pool {
    queue: VecDeque<Work>,
    /// Worker threads alive.
    threads: usize,
    /// Of them, waiting for work.
    waiting: usize,
    /// Wake-ups sent to waiting workers and not yet taken.
    woken: usize,
    max: usize,
    /// The process the workers belong to (a forked child has none).
    pid: u32,
}

static POOL: Mutex<Pool> =
    Mutex::new(Pool { queue: VecDeque::new(), threads: 0, waiting: 0, woken: 0, max: DEFAULT_WORKERS, pid: 0 });
static WORK: Condvar = Condvar::new();

fn pool() -> std::sync::MutexGuard<'static, Pool> {
    let mut p = POOL.lock().unwrap_or_else(|e| e.into_inner());
    let pid = std::process::id();
    if p.pid != pid {
        // A forked child: the parent's workers do not exist here, and the
        // calls queued there are the parent's.
        p.pid = pid;
        p.threads = 0;
        p.waiting = 0;
        p.woken = 0;
        std::mem::forget(std::mem::take(&mut p.queue));
    }
    p
}

/// The pool's locks are free (run in a forked child: src/fork.rs).
fn pool_locks_free() -> bool {
    use std::sync::TryLockError::WouldBlock;
    !matches!(POOL.try_lock(), Err(WouldBlock)) && !matches!(LIVE.try_lock(), Err(WouldBlock))
}

/// Queues `work` for a worker; wakes one if none is on its way, or starts
/// one if none is free and the pool is below its size.
///
/// One wake-up at a time: the worker that takes a job wakes the next one if
/// jobs are left ([`worker`]). A burst of calls then costs the submitting
/// thread one wake-up instead of one per call, and the workers join in as
/// fast as they can be scheduled; no job waits behind a slow one while a
/// worker is free.
pub fn submit(work: Work) -> Result<()> {
    let mut p = pool();
    p.queue.push_back(work);
    if p.woken > 0 {
        // A worker is on its way: it takes this job or wakes the next one.
    } else if p.waiting > 0 {
        p.woken += 1;
        WORK.notify_one();
    } else if p.threads < p.max {
        p.threads += 1;
        let spawned = std::thread::Builder::new().name("svr-worker".into()).spawn(worker);
        if let Err(e) = spawned {
            p.threads -= 1;
            if p.threads == 0 {
                // Nobody will run it: take it back.
                drop(p.queue.pop_back());
                return Err(Failure::message(format!("Sys::Virt: cannot start a worker thread: {e}")));
            }
        }
    }
    Ok(())
}

fn worker() {
    // Counted for fork (src/fork.rs): a child forked while a worker runs a
    // call must not use libvirt's default loop.
    use crate::fork::WORKERS_ALIVE;
    WORKERS_ALIVE.fetch_add(1, Ordering::SeqCst);
    let mut p = pool();
    loop {
        if let Some(work) = p.queue.pop_front() {
            if !p.queue.is_empty() && p.woken == 0 && p.waiting > 0 {
                p.woken += 1;
                WORK.notify_one();
            }
            drop(p);
            crate::fork::enter_busy();
            // The work is guarded itself (it runs a generated body inside
            // boundary::guard_io); a panic here must not kill the pool's
            // count either.
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
            crate::fork::leave_busy();
            p = pool();
            continue;
        }
        if p.threads > p.max {
            p.threads -= 1;
            WORKERS_ALIVE.fetch_sub(1, Ordering::SeqCst);
            return;
        }
        p.waiting += 1;
        p = WORK.wait(p).unwrap_or_else(|e| e.into_inner());
        p.waiting -= 1;
        if p.woken > 0 {
            p.woken -= 1;
        }
    }
}

/// `Sys::Virt::set_worker_threads($n)`: the pool's size from now on
/// (workers above it leave once idle). Returns the previous size.
#[no_mangle]
pub extern "C" fn svr_async_set_workers(n: c_int) -> c_int {
    guard("Sys::Virt::set_worker_threads", -1, || {
        if !(1..=4096).contains(&n) {
            return Err(Failure::message(format!(
                "Sys::Virt::set_worker_threads: the number of threads must be between 1 and 4096, not {n}"
            )));
        }
        let mut p = pool();
        let old = p.max;
        p.max = n as usize;
        WORK.notify_all();
        Ok(old as c_int)
    })
}

/// `Sys::Virt::get_worker_threads()`: the pool's size.
#[no_mangle]
pub extern "C" fn svr_async_get_workers() -> c_int {
    guard("Sys::Virt::get_worker_threads", -1, || Ok(pool().max as c_int))
}

/// Which loop delivers results: 0 none, 1 libvirt's default loop, 2 a
/// loop written in Perl (`Sys::Virt::Event::register`).
#[no_mangle]
pub extern "C" fn svr_async_loop_kind() -> c_int {
    if event::default_loop_registered() {
        1
    } else if crate::eventimpl::perl_loop_registered() {
        2
    } else {
        0
    }
}

// ------------------------------------------------------------- calls ----

/// A prepared call: runs the method's `Value` body on a worker, with the
/// owned arguments it captured (dropped later, on the loop's thread).
pub trait Call: Send {
    fn call(&self) -> *mut SvrValue;
}

impl<F: Fn() -> *mut SvrValue + Send> Call for F {
    fn call(&self) -> *mut SvrValue {
        self()
    }
}

/// A call started and not yet settled: the glue's context, and how to find
/// the connection the call uses.
struct Live {
    ctx: SendPtr,
    conn: ConnOf,
}

/// How to find a call's connection: looked up only when a call fails (to
/// fail the others on the same dead connection), since asking libvirt costs
/// as much as a small call. The handle stays alive until the call ends:
/// the glue's context holds its Perl object.
#[derive(Clone, Copy)]
pub struct ConnOf {
    handle: *const c_void,
    find: Option<unsafe fn(*const c_void) -> *mut c_void>,
}

// SAFETY: the handle is only read through `find`, which libvirt allows
// from any thread, while the glue's context holds it.
unsafe impl Send for ConnOf {}

impl ConnOf {
    pub const NONE: ConnOf = ConnOf { handle: ptr::null(), find: None };

    /// The connection of the object behind `h` (none for NULL).
    pub fn of<T: Object>(h: *const T) -> ConnOf {
        unsafe fn find<T: Object>(h: *const c_void) -> *mut c_void {
            (*(h as *const T)).connection() as *mut c_void
        }
        if h.is_null() {
            ConnOf::NONE
        } else {
            ConnOf { handle: h as *const c_void, find: Some(find::<T>) }
        }
    }

    /// The connection (0: not known).
    fn get(&self) -> usize {
        // SAFETY: see the type's comment.
        self.find.map_or(0, |f| unsafe { f(self.handle) } as usize)
    }
}

/// The calls not yet settled, by id. Settling removes the entry: the
/// worker's result (`deliver`), or the failure of another call on the same
/// connection once that connection is found dead (`fail_dead_connection`),
/// whichever comes first; the other finds nothing and drops what it has.
static LIVE: Mutex<(u32, Option<HashMap<u64, Live>>)> = Mutex::new((0, None));
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// The calls of this process (a forked child does not inherit its
/// parent's: their workers and results stay with the parent).
fn live() -> LiveGuard {
    let mut g = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    let pid = std::process::id();
    if g.0 != pid {
        g.0 = pid;
        std::mem::forget(g.1.take());
    }
    LiveGuard(g)
}

struct LiveGuard(std::sync::MutexGuard<'static, (u32, Option<HashMap<u64, Live>>)>);

impl std::ops::Deref for LiveGuard {
    type Target = Option<HashMap<u64, Live>>;
    fn deref(&self) -> &Self::Target {
        &self.0 .1
    }
}

impl std::ops::DerefMut for LiveGuard {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0 .1
    }
}

/// How many calls are started and not yet settled (tests: none stays
/// pending).
#[no_mangle]
pub extern "C" fn svr_async_in_flight() -> usize {
    live().as_ref().map_or(0, |m| m.len())
}

struct SendPtr(*mut c_void);
// SAFETY: the glue's context and the result tree are only used on the
// interpreter's thread (settle) or owned exclusively (the tree).
unsafe impl Send for SendPtr {}

/// Starts a call: `prepare` (on the interpreter's thread) copies the
/// arguments and returns the call; it runs on a worker and its result is
/// handed to the glue's settle function on the loop's thread. `conn` is the
/// connection the call uses (NULL if not known). Returns 0, or -1 with the
/// failure recorded (then the glue owns `ctx` still and settles it at once).
pub fn start(name: &str, ctx: *mut c_void, conn: ConnOf, prepare: impl FnOnce() -> Result<Box<dyn Call>>) -> c_int {
    guard(name, -1, || {
        crate::fork::unusable(name)?;
        crate::fork::probe_lock(pool_locks_free);
        if svr_async_loop_kind() == 0 {
            return Err(Failure::message(format!(
                "{name}: the non-blocking forms deliver their result on the event loop, and none is registered \
                 (call Sys::Virt::Event::register_default, or register a loop, first)"
            )));
        }
        if SETTLE.get().is_none() {
            return Err(Failure::message(format!("{name}: the glue did not register its settle function")));
        }
        event::claim_owner();
        crate::eventimpl::expect_wakeups()?;
        let call = prepare()?;
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        live().get_or_insert_with(HashMap::new).insert(id, Live { ctx: SendPtr(ctx), conn });
        let held = SendPtr(ctx);
        RUNNING.fetch_add(1, Ordering::SeqCst);
        let one_at_a_time = if one_call_per_connection() { conn.get() } else { 0 };
        let submitted = submit_for(one_at_a_time, Box::new(move || {
            let v = call.call();
            let result = if v.is_null() {
                Err(error::take().unwrap_or_else(|| Failure::message("Sys::Virt: the call failed without saying why")))
            } else {
                Ok(SendPtr(v as *mut c_void))
            };
            event::defer(Job::new(move || deliver(call, id, result, held)));
        }));
        if let Err(f) = submitted {
            live().as_mut().and_then(|m| m.remove(&id));
            RUNNING.fetch_sub(1, Ordering::SeqCst);
            return Err(f);
        }
        Ok(0)
    })
}

// ------------------------------------ one call at a time per connection ----

/// libvirt before 10.4.0 can crash when several threads wait on one
/// connection (CVE-2024-4418: `virNetClientIOEventLoop` leaves a GSource
/// attached that points into a returned thread's stack; t/63 saw it, the
/// daemon killed under 20 calls). There the calls of one connection run
/// one after the other, each still on a worker; those of other connections
/// run beside them.
fn one_call_per_connection() -> bool {
    static OLD: OnceLock<bool> = OnceLock::new();
    *OLD.get_or_init(|| {
        let mut v: std::os::raw::c_ulong = 0;
        // SAFETY: plain libvirt call writing one number.
        unsafe { virt_sys::virGetVersion(&mut v, ptr::null(), ptr::null_mut()) };
        v < 10_004_000
    })
}

/// The connections with a call running, and the calls waiting behind it
/// (of this process: a forked child has none of its parent's).
static BUSY: Mutex<(u32, Option<HashMap<usize, VecDeque<Work>>>)> = Mutex::new((0, None));

fn busy() -> std::sync::MutexGuard<'static, (u32, Option<HashMap<usize, VecDeque<Work>>>)> {
    let mut g = BUSY.lock().unwrap_or_else(|e| e.into_inner());
    let pid = std::process::id();
    if g.0 != pid {
        g.0 = pid;
        std::mem::forget(g.1.take());
    }
    g
}

/// Queues `work` of connection `conn` (0: no limit): behind the call of
/// that connection that runs, if one does.
fn submit_for(conn: usize, work: Work) -> Result<()> {
    if conn == 0 {
        return submit(work);
    }
    {
        let mut g = busy();
        let map = g.1.get_or_insert_with(HashMap::new);
        if let Some(waiting) = map.get_mut(&conn) {
            waiting.push_back(work);
            return Ok(());
        }
        map.insert(conn, VecDeque::new());
    }
    let submitted = submit(Box::new(move || {
        work();
        // Then the connection's calls that waited, on this worker.
        loop {
            let next = {
                let mut g = busy();
                let map = g.1.get_or_insert_with(HashMap::new);
                match map.get_mut(&conn).and_then(|q| q.pop_front()) {
                    Some(w) => w,
                    None => {
                        map.remove(&conn);
                        break;
                    }
                }
            };
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(next));
        }
    }));
    if submitted.is_err() {
        if let Some(map) = busy().1.as_mut() {
            map.remove(&conn);
        }
    }
    submitted
}

/// On the loop's thread, from a clean stack: settles the Perl side (unless
/// it was settled already), then releases what the call held.
fn deliver(call: Box<dyn Call>, id: u64, result: std::result::Result<SendPtr, Failure>, held: SendPtr) {
    let entry = live().as_mut().and_then(|m| m.remove(&id));
    let Some(entry) = entry else {
        // Failed already with its dead connection: the late result is
        // dropped (objects in it released).
        if let Ok(v) = result {
            // SAFETY: a result tree of this library, freed once.
            unsafe { super::value::svr_value_free(v.0 as *mut SvrValue) };
        }
        drop(call);
        release(held);
        return;
    };
    let dead = match &result {
        Err(f) => {
            let conn = entry.conn.get();
            // SAFETY: the call's objects are still held, and so their
            // connection.
            (conn != 0 && unsafe { virt_sys::virConnectIsAlive(conn as virt_sys::virConnectPtr) } == 0)
                .then(|| (conn, f.clone()))
        }
        _ => None,
    };
    settle(entry.ctx, result.map(|v| v.0 as *mut SvrValue));
    if let Some((conn, f)) = dead {
        fail_dead_connection(conn, f);
    }
    drop(call);
    release(held);
}

/// A call failed on a connection libvirt now says is dead (its daemon gone,
/// its keepalive given up): the other calls in flight on it fail with the
/// same error now. libvirt may keep some of them waiting inside it (a
/// daemon that stopped answering): their workers return when libvirt lets
/// them, and their results are dropped then (their contexts, holding their
/// objects, released only then).
fn fail_dead_connection(conn: usize, f: Failure) {
    let doomed: Vec<Live> = {
        let mut g = live();
        let Some(m) = g.as_mut() else { return };
        let ids: Vec<u64> = m.iter().filter(|(_, l)| l.conn.get() == conn).map(|(&id, _)| id).collect();
        ids.iter().filter_map(|id| m.remove(id)).collect()
    };
    for l in doomed {
        settle(l.ctx, Err(f.clone()));
    }
}

/// Releases the glue's context of a call that has ended.
fn release(ctx: SendPtr) {
    let (_, release) = *SETTLE.get().expect("settle registered before any start");
    RUNNING.fetch_sub(1, Ordering::SeqCst);
    // SAFETY: the glue's function, with its context, once.
    unsafe { release(ctx.0) };
}

/// Calls started whose context is not released yet: their workers may be
/// using the handles the contexts hold.
static RUNNING: AtomicUsize = AtomicUsize::new(0);

/// Whether a call may still be using a handle its context holds: at
/// global destruction, when Perl frees every object whatever holds it,
/// DESTROY then leaves the handles be (the process is ending).
#[no_mangle]
pub extern "C" fn svr_async_running() -> usize {
    RUNNING.load(Ordering::SeqCst)
}

fn settle(ctx: SendPtr, result: std::result::Result<*mut SvrValue, Failure>) {
    let (settle, _) = *SETTLE.get().expect("settle registered before any start");
    let v = match result {
        Ok(v) => v,
        Err(f) => {
            error::record(f);
            ptr::null_mut()
        }
    };
    // SAFETY: the glue's function, with its context, once.
    unsafe { settle(ctx.0, v) };
}

// ------------------------------------------------ new_f with auth ----

/// The glue's answer to a credential request (xs/Virt.xs svr_auth_answer),
/// called on the loop's thread.
type SvrAnswerFn = unsafe extern "C" fn(ctx: *mut c_void, creds: *mut SvrCredential, n: c_uint) -> c_int;

/// The glue's context of an auth callback, released on the loop's thread
/// once the call is settled.
struct AuthGlue {
    answer: Option<SvrAnswerFn>,
    ctx: *mut c_void,
    release: SvrReleaseFn,
}

// SAFETY: `ctx` is only used on the loop's thread (answers and release run
// there as jobs); the worker only passes it along.
unsafe impl Send for AuthGlue {}
unsafe impl Sync for AuthGlue {}

impl Drop for AuthGlue {
    fn drop(&mut self) {
        let (release, ctx) = (self.release, self.ctx);
        if event::on_owner_thread() {
            // SAFETY: the glue's release, once.
            unsafe { release(ctx) };
        } else {
            event::defer_release(release, ctx);
        }
    }
}

/// On the worker, inside virConnectOpenAuth: hands libvirt's request to the
/// loop's thread, where the script's callback answers it, and waits.
unsafe extern "C" fn relay_auth(ctx: *mut c_void, creds: *mut SvrCredential, n: c_uint) -> c_int {
    guard("auth callback (non-blocking open)", -1, || {
        let glue = &*(ctx as *const AuthGlue);
        let Some(answer) = glue.answer else { return Ok(-1) };
        let (tx, rx) = std::sync::mpsc::channel();
        let (gctx, creds) = (SendPtr(glue.ctx), SendPtr(creds as *mut c_void));
        // The request (libvirt's strings, the array) stays valid: this
        // thread waits until it is answered.
        event::defer(Job::new(move || {
            // SAFETY: the glue's answer with its context, on the loop's
            // thread; `creds` is the waiting worker's array of `n`.
            let rc = unsafe { answer(gctx.0, creds.0 as *mut SvrCredential, n) };
            let _ = tx.send(rc);
        }));
        // (a job dropped unrun closes the channel: the open is refused)
        Ok(rx.recv().unwrap_or(-1))
    })
}

/// `Sys::Virt->new_f(auth => 1, ...)`: `virConnectOpenAuth` on a worker;
/// the script's callback (the glue's `answer`, NULL for libvirt's own
/// prompts) runs on the loop's thread while the worker waits. `actx` is
/// released with `release` once the call is settled (or at once if it does
/// not start).
///
/// # Safety
/// `types` must point to `ntypes` ints; `uri` NULL or a string.
#[no_mangle]
pub unsafe extern "C" fn svr_async_open_auth_start(
    uri: *const c_char,
    flags: c_uint,
    types: *const c_int,
    ntypes: c_uint,
    answer: super::auth::SvrAuthFn,
    actx: *mut c_void,
    release: SvrReleaseFn,
    ctx: *mut c_void,
) -> c_int {
    let glue = AuthGlue { answer, ctx: actx, release };
    start("Sys::Virt::new_f", ctx, ConnOf::NONE, move || {
        let uri = Str::new(uri);
        let types = Copied::new(types, ntypes as usize);
        Ok(Box::new(move || {
            let cb = glue.answer.map(|_| relay_auth as SvrAnswerFn);
            // SAFETY: owned copies; `glue` outlives the call.
            let h = unsafe {
                super::auth::svr_conn_open_auth(
                    uri.ptr(),
                    flags,
                    types.ptr(),
                    types.len() as c_uint,
                    cb,
                    &glue as *const AuthGlue as *mut c_void,
                )
            };
            if h.is_null() {
                return ptr::null_mut();
            }
            super::value::boxed(super::Value::Object(super::ObjectOut {
                class_id: <super::handles::ConnHandle as Object>::CLASS_ID,
                ptr: h as *mut c_void,
            }))
        }) as Box<dyn Call>)
    })
}

// ----------------------------------------------------- owned arguments ----

/// An object argument (or the invocant) of a call, alive until the call
/// ends whatever the script drops meanwhile: a libvirt reference of the
/// call's own, or a handle whose Perl object the glue's context holds.
pub struct Obj<T: Object> {
    ptr: *mut c_void,
    /// A reference of its own (released on drop), or a handle the glue's
    /// context holds alive (its Perl object) until the call ends.
    own: bool,
    _t: PhantomData<*const T>,
}

// SAFETY: a libvirt reference; libvirt objects are usable from any thread.
unsafe impl<T: Object> Send for Obj<T> {}

impl<T: Object> Obj<T> {
    /// A new reference on the object behind `h` (NULL stays NULL: the
    /// body reports a missing object as the blocking form does).
    pub fn new(h: *const T) -> Result<Obj<T>> {
        if h.is_null() {
            return Ok(Obj { ptr: ptr::null_mut(), own: false, _t: PhantomData });
        }
        // (`this`: a forked child's inherited handle is refused here.)
        let own = super::this(h)?.retain().ok_or_else(Failure::last_libvirt)?;
        Ok(Obj { ptr: own as *mut c_void, own: true, _t: PhantomData })
    }

    /// The handle `h` itself, which the glue's context holds (its Perl
    /// object, `svr_async_hold`) until the call ends: no libvirt call to
    /// take and drop a reference (each formats the object's UUID for
    /// libvirt's debug log, as much as a small call).
    pub fn held(h: *const T) -> Result<Obj<T>> {
        if !h.is_null() {
            super::this(h)?;
        }
        Ok(Obj { ptr: h as *mut c_void, own: false, _t: PhantomData })
    }

    pub fn ptr(&self) -> *const T {
        self.ptr as *const T
    }
}

impl<T: Object> Drop for Obj<T> {
    fn drop(&mut self) {
        if !self.own {
            return;
        }
        // SAFETY: the handle `new` made, released once.
        unsafe { T::release(self.ptr as *mut T) };
    }
}

/// A list of objects (`Class[]`), each with a reference of its own.
pub struct ObjList<T: Object> {
    objs: Vec<Obj<T>>,
    ptrs: Vec<*const T>,
    null: bool,
}

// SAFETY: as Obj; the pointers are those of `objs`.
unsafe impl<T: Object> Send for ObjList<T> {}

impl<T: Object> ObjList<T> {
    pub fn new(p: *const *const T, n: usize) -> Result<ObjList<T>> {
        if p.is_null() {
            return Ok(ObjList { objs: Vec::new(), ptrs: Vec::new(), null: true });
        }
        // SAFETY: the glue passes `n` handle pointers.
        let src = if n == 0 { &[][..] } else { unsafe { std::slice::from_raw_parts(p, n) } };
        let objs = src.iter().map(|&h| Obj::new(h)).collect::<Result<Vec<_>>>()?;
        let ptrs = objs.iter().map(|o| o.ptr()).collect();
        Ok(ObjList { objs, ptrs, null: false })
    }

    pub fn ptr(&self) -> *const *const T {
        if self.null {
            ptr::null()
        } else {
            self.ptrs.as_ptr()
        }
    }

    pub fn len(&self) -> usize {
        self.objs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.objs.is_empty()
    }
}

/// A string argument (NULL stays NULL).
pub struct Str(Option<CString>);

impl Str {
    pub fn new(p: *const c_char) -> Str {
        // SAFETY: the glue passes NULL or a NUL-terminated string.
        Str((!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_owned()))
    }

    pub fn ptr(&self) -> *const c_char {
        self.0.as_ref().map_or(ptr::null(), |s| s.as_ptr())
    }
}

/// A buffer of numbers or bytes (NULL stays NULL).
pub struct Copied<T: Copy>(Option<Vec<T>>);

impl<T: Copy> Copied<T> {
    pub fn new(p: *const T, n: usize) -> Copied<T> {
        if p.is_null() {
            return Copied(None);
        }
        // SAFETY: the glue passes `n` values.
        Copied(Some(if n == 0 { Vec::new() } else { unsafe { std::slice::from_raw_parts(p, n) }.to_vec() }))
    }

    pub fn ptr(&self) -> *const T {
        match &self.0 {
            // (an empty Vec's pointer is dangling but not NULL, as wanted)
            Some(v) => v.as_ptr(),
            None => ptr::null(),
        }
    }

    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |v| v.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// An optional number (`int?`): NULL for undef.
pub struct OptNum<T: Copy>(Option<T>);

impl<T: Copy> OptNum<T> {
    pub fn new(p: *const T) -> OptNum<T> {
        // SAFETY: the glue passes NULL or a pointer to a value.
        OptNum(unsafe { p.as_ref() }.copied())
    }

    pub fn ptr(&self) -> *const T {
        self.0.as_ref().map_or(ptr::null(), |v| v as *const T)
    }
}

/// A list of strings (`strlist`).
pub struct StrList {
    _strings: Vec<CString>,
    ptrs: Vec<*const c_char>,
    null: bool,
}

// SAFETY: the pointers point into `_strings`, owned.
unsafe impl Send for StrList {}

impl StrList {
    pub fn new(p: *const *const c_char, n: usize) -> StrList {
        if p.is_null() {
            return StrList { _strings: Vec::new(), ptrs: Vec::new(), null: true };
        }
        let strings: Vec<CString> = super::arg_str_list(p, n);
        let ptrs = strings.iter().map(|s| s.as_ptr()).collect();
        StrList { _strings: strings, ptrs, null: false }
    }

    pub fn ptr(&self) -> *const *const c_char {
        if self.null {
            ptr::null()
        } else {
            self.ptrs.as_ptr()
        }
    }

    pub fn len(&self) -> usize {
        self.ptrs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ptrs.is_empty()
    }
}

/// The pairs of a hash argument (NULL stays NULL: `hash?` given undef).
pub struct Pairs {
    _keys: Vec<CString>,
    _values: Vec<Option<Vec<u8>>>,
    pairs: Vec<SvrPair>,
    null: bool,
}

// SAFETY: the pairs point into `_keys` and `_values`, owned.
unsafe impl Send for Pairs {}

impl Pairs {
    pub fn new(p: *const SvrPair, n: usize) -> Pairs {
        if p.is_null() {
            return Pairs { _keys: Vec::new(), _values: Vec::new(), pairs: Vec::new(), null: true };
        }
        // SAFETY: the glue passes `n` pairs of valid strings.
        let src = if n == 0 { &[][..] } else { unsafe { std::slice::from_raw_parts(p, n) } };
        let keys: Vec<CString> = src.iter().map(|kv| unsafe { CStr::from_ptr(kv.key) }.to_owned()).collect();
        let values: Vec<Option<Vec<u8>>> = src
            .iter()
            .map(|kv| (!kv.value.is_null()).then(|| super::arg_bytes(kv.value as *const u8, kv.value_len)))
            .collect();
        let pairs = keys
            .iter()
            .zip(&values)
            .map(|(k, v)| SvrPair {
                key: k.as_ptr(),
                // (an empty value keeps a non-NULL pointer: not undef)
                value: v.as_ref().map_or(ptr::null(), |b| if b.is_empty() { c"".as_ptr() } else { b.as_ptr() as *const c_char }),
                value_len: v.as_ref().map_or(0, |b| b.len()),
            })
            .collect();
        Pairs { _keys: keys, _values: values, pairs, null: false }
    }

    pub fn ptr(&self) -> *const SvrPair {
        if self.null {
            ptr::null()
        } else {
            self.pairs.as_ptr()
        }
    }

    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::sync::Arc;

    #[test]
    fn pool_runs_all_work_with_bounded_threads() {
        let done = Arc::new(AtomicUsize::new(0));
        let (tx, rx) = std::sync::mpsc::channel();
        for _ in 0..200 {
            let done = done.clone();
            let tx = tx.clone();
            submit(Box::new(move || {
                done.fetch_add(1, Ordering::SeqCst);
                tx.send(()).unwrap();
            }))
            .unwrap();
        }
        for _ in 0..200 {
            rx.recv().unwrap();
        }
        assert_eq!(done.load(Ordering::SeqCst), 200);
        assert!(pool().threads <= DEFAULT_WORKERS);
    }

    #[test]
    fn owned_arguments_keep_nulls_and_contents() {
        assert!(Str::new(ptr::null()).ptr().is_null());
        let s = Str::new(c"abc".as_ptr());
        assert_eq!(unsafe { CStr::from_ptr(s.ptr()) }.to_bytes(), b"abc");
        assert!(Copied::<u8>::new(ptr::null(), 0).ptr().is_null());
        let b = Copied::new(b"xy".as_ptr(), 2);
        assert_eq!(b.len(), 2);
        let k = c"k";
        let pair = SvrPair { key: k.as_ptr(), value: ptr::null(), value_len: 0 };
        let p = Pairs::new(&pair, 1);
        assert_eq!(p.len(), 1);
        assert!(unsafe { (*p.ptr()).value }.is_null());
        assert!(Pairs::new(ptr::null(), 0).ptr().is_null());
    }
}
