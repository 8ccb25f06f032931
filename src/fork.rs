//! Connections across `fork`: a child never touches its parent's.
//!
//! A forked child shares the parent's sockets to its daemons. Whatever the
//! child's copy of libvirt writes there (a call, a keepalive, the close
//! that Perl's exit makes when it destroys the inherited objects) lands in
//! the parent's RPC stream, and whatever it reads was the parent's reply:
//! the parent's connection breaks. So:
//! - Every connection this library opens is recorded ([`opening`]) with the
//!   process that opened it and the descriptors the open created.
//! - In a child (a `pthread_atfork` handler), each of those descriptors that
//!   is still the same file is replaced: a socket or a pipe by `/dev/null`
//!   (the child's copy of the connection writes nowhere and reads the end
//!   of file: it closes on the child's side only), an eventfd (GLib's
//!   loop wake-up, which libvirt's default loop polls) by a new one of the
//!   child's own, so that neither process eats the other's wake-ups.
//! - The handles of a connection opened by another process refuse every
//!   call ([`inherited_failure`]) and release nothing (the glue and the
//!   handle types ask [`forked`], then the owner of the handle's
//!   connection).
//!
//! Nothing here costs the parent more than an atomic load per call.

use std::cell::UnsafeCell;
use std::collections::HashSet;
use std::os::raw::c_int;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, AtomicUsize, Ordering};
use std::sync::Once;

use libc::pid_t;
use virt_sys as sys;

use crate::error::{Failure, Result};

/// Whether this process is a child forked (at any depth) from a process in
/// which this library was loaded: until then, no handle can be inherited.
static FORKED: AtomicBool = AtomicBool::new(false);
/// This process's id (`getpid` is a system call; it changes only at fork).
static PID: AtomicI32 = AtomicI32::new(0);

/// True in a forked child: handles may then belong to another process.
#[inline(always)]
pub fn forked() -> bool {
    FORKED.load(Ordering::Relaxed)
}

/// This process's id.
pub fn pid() -> pid_t {
    match PID.load(Ordering::Relaxed) {
        0 => {
            init();
            PID.load(Ordering::Relaxed)
        }
        p => p,
    }
}

/// Installs the fork handlers (once; every entry point that opens a
/// connection or makes a stream calls it first).
pub fn init() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // SAFETY: getpid cannot fail; the handlers are plain functions.
        unsafe {
            PID.store(libc::getpid(), Ordering::Relaxed);
            libc::pthread_atfork(Some(before_fork), Some(after_fork_parent), Some(after_fork_child));
        }
    });
}

// ----------------------------------------------- threads at the fork ----
//
// A thread of the parent inside libvirt or this library at the instant of
// fork (a worker of the non-blocking calls with a call in flight, or one
// of libvirt's own, such as a local stream's I/O thread) may hold a lock
// that stays held for ever in the child: the child's next loop iteration, watch, timer, call
// hand-off or connection open would hang on it. So the child knows how
// many such threads there were, and refuses those (`unusable`), clearly.

/// Worker threads of the non-blocking calls (src/api/pending.rs): alive,
/// and of them, running a call.
pub static WORKERS_ALIVE: AtomicUsize = AtomicUsize::new(0);
pub static WORKERS_BUSY: AtomicUsize = AtomicUsize::new(0);
/// Set while a fork is being made: a worker that would start a call waits
/// (see `enter_busy`), so that the count the child gets is exact.
static FORKING: AtomicBool = AtomicBool::new(false);

/// A worker starts a call. (Busy first, then the fork flag, in that order,
/// while `before_fork` sets the flag, then counts: one of the two sees the
/// other's write.)
pub fn enter_busy() {
    WORKERS_BUSY.fetch_add(1, Ordering::SeqCst);
    while FORKING.load(Ordering::SeqCst) {
        WORKERS_BUSY.fetch_sub(1, Ordering::SeqCst);
        while FORKING.load(Ordering::SeqCst) {
            std::thread::sleep(std::time::Duration::from_micros(50));
        }
        WORKERS_BUSY.fetch_add(1, Ordering::SeqCst);
    }
}

/// A worker is done with its call.
pub fn leave_busy() {
    WORKERS_BUSY.fetch_sub(1, Ordering::SeqCst);
}

/// Counted before the fork (in the parent), kept by the child.
static RISKY_AT_FORK: AtomicUsize = AtomicUsize::new(0);
static RISKY_IN_CHILD: AtomicUsize = AtomicUsize::new(0);


/// In a child forked while threads of the parent could hold such a lock:
/// how many there were.
pub fn threads_at_fork() -> Option<usize> {
    if !forked() {
        return None;
    }
    Some(RISKY_IN_CHILD.load(Ordering::Relaxed)).filter(|&n| n > 0)
}

/// Refuses `what` in such a child.
pub fn unusable(what: &str) -> Result<()> {
    match threads_at_fork() {
        None => Ok(()),
        Some(n) => Err(Failure::message(format!(
            "{what}: this process was forked while {n} other thread(s) of its parent were inside libvirt \
             (non-blocking calls in flight, or libvirt's own threads), and a lock one of them held stays held \
             here for ever: event loops, non-blocking calls and opening connections cannot be used in this \
             process (they would hang). Fork when no call is in flight, or exec"
        ))),
    }
}

/// Checks that a lock of this library is free (a `try_lock`), run in the
/// child right after fork, when only the forking thread exists: a lock
/// found held there belongs to a thread of the parent and stays held.
pub type LockProbe = fn() -> bool;
static PROBES: [AtomicUsize; 8] = [const { AtomicUsize::new(0) }; 8];

/// Has every child check `probe` (once per probe; up to 8).
pub fn probe_lock(probe: LockProbe) {
    init();
    let p = probe as usize;
    for slot in &PROBES {
        match slot.compare_exchange(0, p, Ordering::SeqCst, Ordering::SeqCst) {
            Ok(_) => return,
            Err(q) if q == p => return,
            Err(_) => {}
        }
    }
}

/// The threads of this process other than the caller's that may hold such
/// a lock: every one but the idle workers (libvirt's own, such as the I/O
/// thread of a local stream, hold the locks of the objects they serve).
fn risky_threads() -> usize {
    let busy = WORKERS_BUSY.load(Ordering::SeqCst);
    let all = std::fs::read_dir("/proc/self/task").map_or(1, |d| d.count());
    let idle = WORKERS_ALIVE.load(Ordering::SeqCst).saturating_sub(busy);
    all.saturating_sub(1 + idle).max(busy)
}

// -------------------------------------------------------- registry ----

/// A descriptor an open created, and what the child puts in its place.
#[derive(Clone, Copy)]
struct Fd {
    fd: c_int,
    dev: u64,
    ino: u64,
    /// `Some(flags)`: an eventfd, renewed with these status flags.
    eventfd: Option<c_int>,
}

/// A connection this library opened.
struct Opened {
    conn: usize,
    /// Tells this record from a later one at the same address.
    serial: u64,
    owner: pid_t,
    fds: Vec<Fd>,
}

/// The recorded connections, behind a pthread mutex (not a std one: the
/// fork handlers hold it across `fork` and unlock it on both sides).
struct Registry {
    lock: UnsafeCell<libc::pthread_mutex_t>,
    opened: UnsafeCell<Vec<Opened>>,
    /// Eventfds an open created: GLib's, shared by all connections, so
    /// kept whatever becomes of the connection that made them.
    wakeups: UnsafeCell<Vec<Fd>>,
    /// Wake-up pipes of this library's own (read end, write end).
    pipes: UnsafeCell<Vec<(Fd, Fd)>>,
}

// SAFETY: every access to the cells goes through `with`, under the lock.
unsafe impl Sync for Registry {}

static REGISTRY: Registry = Registry {
    lock: UnsafeCell::new(libc::PTHREAD_MUTEX_INITIALIZER),
    opened: UnsafeCell::new(Vec::new()),
    wakeups: UnsafeCell::new(Vec::new()),
    pipes: UnsafeCell::new(Vec::new()),
};

/// Connections recorded beyond which those with no descriptor left open
/// (closed since, or in-process drivers) are forgotten.
const PRUNE_AT: usize = 256;

fn with<R>(f: impl FnOnce(&mut Vec<Opened>, &mut Vec<Fd>) -> R) -> R {
    struct Unlock;
    impl Drop for Unlock {
        fn drop(&mut self) {
            // SAFETY: locked below by this thread.
            unsafe { libc::pthread_mutex_unlock(REGISTRY.lock.get()) };
        }
    }
    // SAFETY: a static mutex; the cells are only touched while it is held.
    unsafe {
        libc::pthread_mutex_lock(REGISTRY.lock.get());
        let _unlock = Unlock;
        f(&mut *REGISTRY.opened.get(), &mut *REGISTRY.wakeups.get())
    }
}

/// The descriptors of this process: (fd, device, inode).
fn open_fds() -> Vec<(c_int, u64, u64)> {
    let Ok(dir) = std::fs::read_dir("/proc/self/fd") else { return Vec::new() };
    dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<c_int>().ok())
        .filter_map(|fd| {
            // SAFETY: fstat on a descriptor number; a closed one fails.
            let mut st: libc::stat = unsafe { std::mem::zeroed() };
            (unsafe { libc::fstat(fd, &mut st) } == 0).then_some((fd, st.st_dev, st.st_ino))
        })
        .collect()
}

/// Records a wake-up pipe of this library's: a child gets a new one in its
/// place, so that neither process drains the other's wake-ups.
pub fn own_pipe(r: c_int, w: c_int) {
    init();
    let (Some(r), Some(w)) = (stat_fd(r), stat_fd(w)) else { return };
    with(|_, _| {
        // SAFETY: under the lock (`with`).
        let pipes = unsafe { &mut *REGISTRY.pipes.get() };
        pipes.retain(|(r, w)| still(r) && still(w));
        pipes.push((r, w));
    });
}

fn stat_fd(fd: c_int) -> Option<Fd> {
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: fstat on a descriptor number.
    (unsafe { libc::fstat(fd, &mut st) } == 0).then_some(Fd { fd, dev: st.st_dev, ino: st.st_ino, eventfd: None })
}

/// Whether `fd` still is the file recorded.
fn still(fd: &Fd) -> bool {
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: fstat on a descriptor number.
    unsafe { libc::fstat(fd.fd, &mut st) == 0 && st.st_dev == fd.dev && st.st_ino == fd.ino }
}

/// What a descriptor an open created is, if the child must replace it.
fn classify(fd: c_int, dev: u64, ino: u64) -> Option<Fd> {
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: fstat on a descriptor number.
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return None;
    }
    let kind = st.st_mode & libc::S_IFMT;
    if kind == libc::S_IFSOCK || kind == libc::S_IFIFO {
        return Some(Fd { fd, dev, ino, eventfd: None });
    }
    let link = std::fs::read_link(format!("/proc/self/fd/{fd}")).ok()?;
    if link.to_str() == Some("anon_inode:[eventfd]") {
        // SAFETY: fcntl on an open descriptor.
        let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        return Some(Fd { fd, dev, ino, eventfd: Some(flags.max(0) & libc::O_NONBLOCK) });
    }
    None
}

/// Opens a connection with `open` (a libvirt open call, returning a new
/// reference or NULL) and records it as this process's, with the sockets,
/// pipes and eventfds the open created (if it may open any: `remote`; an
/// in-process driver opens none, and the look costs as much as its open).
pub fn opening(remote: bool, open: impl FnOnce() -> sys::virConnectPtr) -> Result<sys::virConnectPtr> {
    init();
    // In a child forked while another thread was inside libvirt, an open
    // may wait for ever on a lock of libvirt's that thread held (the
    // fuzzer: a non-blocking open of test:///default in flight, then
    // test:///default opened in the child); a remote one would also add
    // its socket to the loop.
    unusable("Sys::Virt->new")?;
    let before: HashSet<_> = if remote { open_fds().into_iter().collect() } else { HashSet::new() };
    let conn = open();
    if conn.is_null() {
        return Ok(conn);
    }
    let (mut fds, mut wakeups) = (Vec::new(), Vec::new());
    for (fd, dev, ino) in if remote { open_fds() } else { Vec::new() } {
        if before.contains(&(fd, dev, ino)) {
            continue;
        }
        match classify(fd, dev, ino) {
            Some(f) if f.eventfd.is_some() => wakeups.push(f),
            Some(f) => fds.push(f),
            None => {}
        }
    }
    let owner = pid();
    with(|opened, known| {
        known.retain(still);
        known.extend(wakeups);
        // The address of a connection freed since is taken by this one.
        opened.retain(|o| o.conn != conn as usize);
        if opened.len() >= PRUNE_AT {
            opened.retain(|o| o.fds.iter().any(still));
        }
        opened.push(Opened { conn: conn as usize, serial: SERIAL.fetch_add(1, Ordering::Relaxed), owner, fds });
    });
    Ok(conn)
}

static SERIAL: AtomicU64 = AtomicU64::new(1);

/// Closes a reference to `conn` with `close` (returning the references
/// left); once none is left, the connection is forgotten. (The record is
/// named before the close: another thread may open a connection at the
/// freed address meanwhile.)
pub fn closing(conn: sys::virConnectPtr, close: impl FnOnce() -> c_int) {
    let serial = with(|opened, _| opened.iter().find(|o| o.conn == conn as usize).map(|o| o.serial));
    if close() == 0 {
        if let Some(serial) = serial {
            with(|opened, _| opened.retain(|o| o.serial != serial));
        }
    }
}

/// The process that opened `conn`, when that is not this one (only ever in
/// a forked child).
pub fn owner_elsewhere(conn: sys::virConnectPtr) -> Option<pid_t> {
    if !forked() {
        return None;
    }
    let me = pid();
    with(|opened, _| opened.iter().find(|o| o.conn == conn as usize).map(|o| o.owner)).filter(|&o| o != me)
}

/// `made_in` (the process that made a handle), when that is not this one.
pub fn made_elsewhere(made_in: pid_t) -> Option<pid_t> {
    (forked() && made_in != pid()).then_some(made_in)
}

/// The failure of a call on a handle of a connection that process `owner`
/// opened, in a child forked from it.
pub fn inherited_failure(what: &str, owner: pid_t) -> Failure {
    let whose = if what == "the connection" { what.to_string() } else { format!("{what}'s connection") };
    Failure::Libvirt {
        code: sys::VIR_ERR_OPERATION_INVALID as i32,
        domain: sys::VIR_FROM_NONE as i32,
        level: sys::VIR_ERR_ERROR as i32,
        message: format!(
            "{whose} belongs to process {owner}, and this is process {}, forked from it: \
             a connection cannot be shared across fork; open one in this process after fork (Sys::Virt->new)",
            pid()
        ),
    }
}

// ----------------------------------------------------- fork handlers ----

const DEV_NULL: &[u8] = b"/dev/null\0";

/// Records what `fd` is now: the child's own, to renew in its children.
unsafe fn restat(fd: &mut Fd) {
    let mut st: libc::stat = std::mem::zeroed();
    if libc::fstat(fd.fd, &mut st) == 0 {
        (fd.dev, fd.ino) = (st.st_dev, st.st_ino);
    }
}

/// Puts `new` (a descriptor just opened, or -1) in the place of `fd`.
unsafe fn replace(fd: c_int, new: c_int) {
    if new >= 0 {
        libc::dup3(new, fd, libc::O_CLOEXEC);
        libc::close(new);
    }
}

extern "C" fn before_fork() {
    FORKING.store(true, Ordering::SeqCst);
    RISKY_AT_FORK.store(risky_threads(), Ordering::SeqCst);
    // SAFETY: held across fork, released by both handlers below.
    unsafe { libc::pthread_mutex_lock(REGISTRY.lock.get()) };
}

extern "C" fn after_fork_parent() {
    FORKING.store(false, Ordering::SeqCst);
    // SAFETY: locked by before_fork on this thread.
    unsafe { libc::pthread_mutex_unlock(REGISTRY.lock.get()) };
}

/// In the child: only this thread exists, and the registry is locked by it
/// (before_fork). Only system calls on data already there.
extern "C" fn after_fork_child() {
    // SAFETY: see above; every call is a plain system call.
    unsafe {
        PID.store(libc::getpid(), Ordering::Relaxed);
        FORKED.store(true, Ordering::Relaxed);
        let mut risky = RISKY_AT_FORK.load(Ordering::SeqCst);
        for slot in &PROBES {
            let p = slot.load(Ordering::SeqCst);
            // SAFETY: only ever a LockProbe stored by probe_lock.
            if p != 0 && !std::mem::transmute::<usize, LockProbe>(p)() {
                risky = risky.max(1);
            }
        }
        RISKY_IN_CHILD.store(risky, Ordering::Relaxed);
        FORKING.store(false, Ordering::SeqCst);
        // The parent's workers do not exist here.
        WORKERS_ALIVE.store(0, Ordering::SeqCst);
        WORKERS_BUSY.store(0, Ordering::SeqCst);
        for fd in (*REGISTRY.opened.get()).iter().flat_map(|o| o.fds.iter()) {
            if still(fd) {
                replace(fd.fd, libc::open(DEV_NULL.as_ptr().cast(), libc::O_RDWR | libc::O_CLOEXEC));
            }
        }
        for fd in (*REGISTRY.wakeups.get()).iter_mut() {
            if still(fd) {
                let flags = libc::EFD_CLOEXEC | if fd.eventfd != Some(0) { libc::EFD_NONBLOCK } else { 0 };
                replace(fd.fd, libc::eventfd(0, flags));
                restat(fd);
            }
        }
        for (r, w) in (*REGISTRY.pipes.get()).iter_mut() {
            let mut ends = [-1; 2];
            if still(r) && still(w) && libc::pipe2(ends.as_mut_ptr(), libc::O_NONBLOCK | libc::O_CLOEXEC) == 0 {
                replace(r.fd, ends[0]);
                replace(w.fd, ends[1]);
                restat(r);
                restat(w);
            }
        }
        libc::pthread_mutex_unlock(REGISTRY.lock.get());
    }
}
