//! Whole-file transfers (`recv_file`, `send_file`, `download_file`,
//! `upload_file`): the loop between a stream and a file descriptor, in Rust.
//!
//! One [`Engine`] moves the bytes, one step at a time: a step receives (or
//! reads and sends) at most one chunk, or one hole. The blocking variant
//! ([`svr_transfer_run`]) loops over steps; the non-blocking variant
//! ([`svr_transfer_start`]) runs steps from the stream's event callback until
//! libvirt says it would block. Either way the script's Perl code is only
//! called for progress (at most every `progress_interval` seconds, and once
//! at the end) and, non-blocking, once when the transfer is over.
//!
//! Sparse transfers: the holes of a regular source file are found with
//! `SEEK_DATA`/`SEEK_HOLE` and sent as holes; holes received become holes
//! in a regular destination (a seek, a punched range where the file had
//! data, and a final `ftruncate`) and zeros anywhere else (block device,
//! pipe), as `virsh vol-download --sparse` does.
//!
//! The stream is driven through the exported calls of [`crate::stream`]
//! (`svr_stream_recv`, `svr_stream_send`, ...), so the stream's own state
//! (read-ahead, callback registration, end of stream) stays its own; those
//! that write to the daemon keep SIGPIPE away themselves, so the exports
//! here use plain [`guard`]: Perl code (progress, on_done) runs inside them
//! and must see the process's usual signals.

use std::cell::{Cell, RefCell};
use std::ffi::{c_void, CStr, CString};
use std::os::raw::{c_char, c_int, c_uint};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use virt_sys as sys;

use crate::boundary::{guard, handle};
use crate::api::handles::{ConnHandle, VolHandle};
use crate::api::Object;
use crate::error::{take, Failure, Result};
use crate::stream::{
    svr_stream_abort, svr_stream_add_callback, svr_stream_finish, svr_stream_new, svr_stream_recv, svr_stream_recv_hole,
    svr_stream_remove_callback, svr_stream_send, svr_stream_send_hole, StreamHandle,
};

/// Bytes per step (one libvirt stream message holds at most 256 KiB).
pub const SVR_TRANSFER_CHUNK: usize = 256 * 1024;

/// Direction: stream to file.
pub const SVR_TRANSFER_RECV: c_int = 0;
/// Direction: file to stream.
pub const SVR_TRANSFER_SEND: c_int = 1;

/// A progress callback's answer: go on.
pub const SVR_PROGRESS_CONTINUE: c_int = 0;
/// A progress callback's answer: it returned false, cancel.
pub const SVR_PROGRESS_CANCEL: c_int = 1;
/// A progress callback's answer: it died (the glue keeps the exception).
pub const SVR_PROGRESS_DIED: c_int = 2;

/// Steps run per event callback dispatch before giving the loop back, so
/// that many transfers on one loop all move.
const STEPS_PER_EVENT: usize = 32;

/// Options of a transfer, from the script.
#[repr(C)]
pub struct SvrTransferOpts {
    pub sparse: c_int,
    pub overwrite: c_int,
    pub keep_partial: c_int,
    pub progress_interval: f64,
    /// Bytes expected (for progress), -1 if unknown; a send computes it.
    pub total: i64,
    /// Send: at most this many bytes of the source (0: all of it).
    pub length: u64,
}

/// Called with the progress: returns an `SVR_PROGRESS_*` answer. `total`
/// is -1 when unknown.
pub type SvrProgressFn = Option<unsafe extern "C" fn(ctx: *mut c_void, done: u64, total: i64, holes: u64) -> c_int>;
/// Called once when a non-blocking transfer is over: `ok` 1, or 0 with the
/// failure recorded (or the exception of a dying progress callback kept
/// by the glue).
pub type SvrDoneFn = Option<unsafe extern "C" fn(ctx: *mut c_void, ok: c_int, done: u64, holes: u64)>;
/// Releases the glue's context.
pub type SvrGlueFreeFn = Option<unsafe extern "C" fn(ctx: *mut c_void)>;
/// The stream's handle, looked up in the script's object each time (NULL
/// once the object is destroyed): the transfer never keeps a pointer that
/// could outlive it.
pub type SvrStreamOfFn = Option<unsafe extern "C" fn(ctx: *mut c_void) -> *const StreamHandle>;

/// The glue's side: its context (the Perl values) and what to call.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct SvrTransferGlue {
    pub ctx: *mut c_void,
    pub stream: SvrStreamOfFn,
    pub progress: SvrProgressFn,
    pub done: SvrDoneFn,
    pub free: SvrGlueFreeFn,
}

/// Where a transfer stands, for the script.
#[repr(C)]
pub struct SvrTransferState {
    /// 0 not started, 1 running, 2 finished, 3 failed or cancelled.
    pub state: c_int,
    pub done: u64,
    pub total: i64,
    pub holes: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    New,
    Running,
    Finished,
    Failed,
}

/// Why a transfer stops before its end.
#[derive(Debug)]
enum Stop {
    Failed(Failure),
    /// The progress callback returned false, or `cancel` was called.
    Cancelled(&'static str),
    /// The progress callback died: the glue holds the exception.
    Died,
}

impl From<Failure> for Stop {
    fn from(f: Failure) -> Stop {
        Stop::Failed(f)
    }
}

/// What one step did.
#[derive(Debug, PartialEq, Eq)]
enum Step {
    Moved,
    WouldBlock,
    End,
}

fn errno() -> std::io::Error {
    std::io::Error::last_os_error()
}

/// The engine: a stream, a descriptor, and where the transfer is.
pub struct Engine {
    method: String,
    send: bool,
    fd: c_int,
    owns_fd: bool,
    /// The path, when the transfer opened it.
    path: Option<CString>,
    /// Whether the transfer created the file (removed on failure).
    created: bool,
    keep_partial: bool,
    sparse: bool,
    /// A regular file (seekable, can hold holes).
    regular: bool,
    /// File offset of the next byte (regular files).
    pos: u64,
    /// Recv: the size the destination had (punch holes below it).
    dest_size: u64,
    /// Recv: the writer thread, started by the first step.
    writer: Option<Writer>,
    /// Send: where the source ends (regular files), `u64::MAX` otherwise.
    end: u64,
    /// Send: bytes left in the current data section.
    data_left: u64,
    buf: Vec<u8>,
    /// Send: bytes of `buf` read and not yet accepted by the stream.
    pending: std::ops::Range<usize>,
    done: u64,
    holes: u64,
    total: i64,
    state: State,
    interval: Duration,
    last_progress: Option<Instant>,
    glue: SvrTransferGlue,
}

impl Engine {
    /// Opens (or takes) the descriptor and prepares the transfer.
    fn new(
        send: bool,
        path: Option<&CStr>,
        user_fd: c_int,
        opts: &SvrTransferOpts,
        method: &str,
    ) -> Result<Engine> {
        let mut e = Engine {
            method: method.to_string(),
            send,
            fd: -1,
            owns_fd: false,
            path: None,
            created: false,
            keep_partial: opts.keep_partial != 0,
            sparse: opts.sparse != 0,
            regular: false,
            pos: 0,
            dest_size: 0,
            writer: None,
            end: u64::MAX,
            data_left: 0,
            buf: if send { vec![0u8; SVR_TRANSFER_CHUNK] } else { Vec::new() },
            pending: 0..0,
            done: 0,
            holes: 0,
            total: opts.total,
            state: State::New,
            interval: Duration::from_secs_f64(if opts.progress_interval.is_finite() && opts.progress_interval > 0.0 {
                opts.progress_interval.min(1e6)
            } else {
                0.0
            }),
            last_progress: None,
            glue: SvrTransferGlue { ctx: std::ptr::null_mut(), stream: None, progress: None, done: None, free: None },
        };
        if let Some(p) = path {
            e.open(p, opts.overwrite != 0)?;
        } else {
            if user_fd < 0 {
                return Err(Failure::message(format!("{method}: no file given")));
            }
            e.fd = user_fd;
        }
        e.inspect(opts)?;
        Ok(e)
    }

    fn what(&self) -> String {
        match &self.path {
            Some(p) => format!("'{}'", p.to_string_lossy()),
            None => format!("file descriptor {}", self.fd),
        }
    }

    fn io_failure(&self, doing: &str, err: std::io::Error) -> Failure {
        Failure::message(format!("{}: cannot {doing} {}: {err}", self.method, self.what()))
    }

    fn open(&mut self, p: &CStr, overwrite: bool) -> Result<()> {
        self.path = Some(p.to_owned());
        let fd = if self.send {
            // SAFETY: a NUL-terminated path.
            unsafe { libc::open(p.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC) }
        } else {
            let mut flags = libc::O_WRONLY | libc::O_CREAT | libc::O_CLOEXEC | libc::O_EXCL;
            // SAFETY: as above.
            let mut fd = unsafe { libc::open(p.as_ptr(), flags, 0o666 as c_uint) };
            if fd >= 0 {
                self.created = true;
            } else if overwrite && errno().raw_os_error() == Some(libc::EEXIST) {
                flags &= !(libc::O_EXCL | libc::O_CREAT);
                // SAFETY: as above. Truncated below once known regular
                // (a block device or a pipe is written as it is).
                fd = unsafe { libc::open(p.as_ptr(), flags) };
            } else if errno().raw_os_error() == Some(libc::EEXIST) {
                return Err(Failure::message(format!(
                    "{}: {} exists (pass overwrite => 1 to replace it)",
                    self.method,
                    self.what()
                )));
            }
            fd
        };
        if fd < 0 {
            return Err(self.io_failure("open", errno()));
        }
        self.fd = fd;
        self.owns_fd = true;
        Ok(())
    }

    fn inspect(&mut self, opts: &SvrTransferOpts) -> Result<()> {
        // SAFETY: fstat into a local struct.
        let mut sb: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(self.fd, &mut sb) } < 0 {
            return Err(self.io_failure("inspect", errno()));
        }
        self.regular = sb.st_mode & libc::S_IFMT == libc::S_IFREG;
        if !self.regular {
            return Ok(());
        }
        if self.owns_fd && !self.send && !self.created {
            // overwrite => 1 of a regular file.
            // SAFETY: plain syscall on our descriptor.
            if unsafe { libc::ftruncate(self.fd, 0) } < 0 {
                return Err(self.io_failure("truncate", errno()));
            }
            sb.st_size = 0;
        }
        // Start where the descriptor is (0 for a file we opened).
        // SAFETY: plain syscall.
        let cur = unsafe { libc::lseek(self.fd, 0, libc::SEEK_CUR) };
        if cur < 0 {
            return Err(self.io_failure("seek in", errno()));
        }
        self.pos = cur as u64;
        if self.send {
            let size = sb.st_size.max(0) as u64;
            let mut end = size.max(self.pos);
            if opts.length > 0 {
                end = end.min(self.pos.saturating_add(opts.length));
            }
            self.end = end;
            self.total = (end - self.pos) as i64;
        } else {
            self.dest_size = sb.st_size.max(0) as u64;
        }
        Ok(())
    }

    fn stream(&self) -> Result<*const StreamHandle> {
        let st = match self.glue.stream {
            // SAFETY: the glue's lookup with its own context.
            Some(f) => unsafe { f(self.glue.ctx) },
            None => std::ptr::null(),
        };
        crate::api::this(st)?;
        Ok(st)
    }

    /// Takes the failure a `svr_stream_*` call recorded.
    fn stream_failure(&self) -> Failure {
        take().unwrap_or_else(|| Failure::message(format!("{}: the stream failed", self.method)))
    }

    fn nonblocking_stream(&self) -> Result<bool> {
        let st = crate::api::this(self.stream()?)?;
        Ok(st.flags & sys::VIR_STREAM_NONBLOCK != 0)
    }

    // ------------------------------------------------------------ steps --

    fn step(&mut self) -> Result<Step> {
        if self.send {
            self.send_step()
        } else {
            self.recv_step()
        }
    }

    fn recv_step(&mut self) -> Result<Step> {
        let st = self.stream()?;
        let flags = if self.sparse { sys::VIR_STREAM_RECV_STOP_AT_HOLE } else { 0 };
        if self.writer.is_none() {
            let sink = Sink {
                fd: self.fd,
                pos: self.pos,
                dest_size: self.dest_size,
                extend: false,
                sparse: self.sparse,
                regular: self.regular,
                method: self.method.clone(),
                what: self.what(),
            };
            // A sparse copy into a regular file writes little and seeks
            // much: handing each piece to a thread costs more (two thread
            // switches per piece) than writing it here. Dense data and
            // pipes and devices keep the writer thread, which writes while
            // the next chunk comes from the socket.
            self.writer = Some(if self.sparse && self.regular {
                Writer::inline(sink)
            } else {
                Writer::start(sink, &self.method)?
            });
        }
        let w = self.writer.as_mut().expect("started above");
        let Some(mut buf) = w.buffer() else { return Err(self.writer_failure()) };
        // SAFETY: `buf` is writable for its length.
        let got = unsafe { svr_stream_recv(st, buf.as_mut_ptr() as *mut c_char, buf.len(), flags) };
        let mut data = Some(buf);
        if got <= 0 {
            w.spare = data.take();
        }
        match got {
            -3 => {
                let mut len = 0i64;
                // SAFETY: valid out pointer.
                if unsafe { svr_stream_recv_hole(st, 0, &mut len) } < 0 {
                    return Err(self.stream_failure());
                }
                let len = len.max(0) as u64;
                if !self.push(Op::Hole(len)) {
                    return Err(self.writer_failure());
                }
                self.holes += len;
                self.done += len;
                Ok(Step::Moved)
            }
            -2 => Ok(Step::WouldBlock),
            n if n < 0 => {
                let f = self.stream_failure();
                if self.sparse && matches!(f, Failure::Libvirt { code, .. } if code == sys::VIR_ERR_NO_SUPPORT as i32) {
                    // A stream that cannot carry holes (fd streams of
                    // screenshots, consoles): plain data, nothing lost.
                    self.sparse = false;
                    return Ok(Step::Moved);
                }
                Err(f)
            }
            0 => {
                self.end_writer(true)?;
                Ok(Step::End)
            }
            n => {
                let n = n as usize;
                let buf = data.expect("kept for data");
                if !self.push(Op::Data(buf, n)) {
                    return Err(self.writer_failure());
                }
                self.done += n as u64;
                Ok(Step::Moved)
            }
        }
    }

    /// Hands `op` to the writer; false if it stopped (on a failure).
    fn push(&mut self, op: Op) -> bool {
        if let Some(w) = self.writer.as_mut() {
            if let Some((sink, free_tx)) = w.inline.as_mut() {
                if w.inline_failure.is_some() {
                    return false;
                }
                if let Err(f) = sink.apply(op, free_tx) {
                    w.inline_failure = Some(f);
                    return false;
                }
                return true;
            }
        }
        match self.writer.as_ref().and_then(|w| w.tx.as_ref()) {
            Some(tx) => tx.send(op).is_ok(),
            None => false,
        }
    }

    /// The writer stopped: its failure.
    fn writer_failure(&mut self) -> Failure {
        match self.end_writer(false) {
            Err(f) => f,
            Ok(()) => Failure::message(format!("{}: the writer of {} stopped", self.method, self.what())),
        }
    }

    /// Ends the writer thread: after its last operations (`finish`, then
    /// the final size is set) or at once (a failure or a cancel). Returns
    /// its failure, if any.
    fn end_writer(&mut self, finish: bool) -> Result<()> {
        let Some(mut w) = self.writer.take() else { return Ok(()) };
        if let Some((mut sink, _)) = w.inline.take() {
            let r = match w.inline_failure.take() {
                Some(f) => Err(f),
                None if finish => sink.finish(),
                None => Ok(()),
            };
            self.pos = sink.pos;
            return r;
        }
        if finish {
            if let Some(tx) = &w.tx {
                let _ = tx.send(Op::Finish);
            }
        } else {
            w.stop.store(true, Ordering::Relaxed);
        }
        w.tx = None;
        let joined = w.thread.take().map(|t| t.join());
        match joined {
            Some(Ok((sink, r))) => {
                self.pos = sink.pos;
                r
            }
            _ => Err(Failure::message(format!("{}: internal error: the writer of {} panicked", self.method, self.what()))),
        }
    }

    fn send_step(&mut self) -> Result<Step> {
        let st = self.stream()?;
        if !self.pending.is_empty() {
            let r = self.pending.clone();
            // SAFETY: the pending bytes are readable.
            let n = unsafe { svr_stream_send(st, self.buf[r.clone()].as_ptr() as *const c_char, r.len()) };
            return match n {
                -2 => Ok(Step::WouldBlock),
                n if n < 0 => Err(self.stream_failure()),
                0 => Err(Failure::message(format!("{}: libvirt accepted no data", self.method))),
                n => {
                    let n = (n as usize).min(r.len());
                    self.pending.start += n;
                    self.done += n as u64;
                    Ok(Step::Moved)
                }
            };
        }
        if self.regular && self.pos >= self.end {
            return Ok(Step::End);
        }
        if self.regular && self.sparse && self.data_left == 0 {
            let (in_data, len) = self.section()?;
            if !in_data {
                if svr_stream_send_hole(st, len as i64, 0) < 0 {
                    return Err(self.stream_failure());
                }
                self.pos += len;
                self.holes += len;
                self.done += len;
                return Ok(Step::Moved);
            }
            self.data_left = len;
        }
        let want = if !self.regular {
            self.buf.len()
        } else if self.sparse {
            self.data_left.min(self.buf.len() as u64) as usize
        } else {
            (self.end - self.pos).min(self.buf.len() as u64) as usize
        };
        let n = self.read(want)?;
        if n == 0 {
            if self.regular {
                return Err(self.shrank());
            }
            return Ok(Step::End);
        }
        self.pos += n as u64;
        self.data_left = self.data_left.saturating_sub(n as u64);
        self.pending = 0..n;
        // Send at once: no extra event round for data in hand.
        self.send_step()
    }

    fn shrank(&self) -> Failure {
        Failure::message(format!(
            "{}: {} shrank while being read: it ends at byte {}, {} were expected",
            self.method,
            self.what(),
            self.pos,
            self.end
        ))
    }

    fn read(&mut self, want: usize) -> Result<usize> {
        loop {
            // SAFETY: `buf` is writable for `want` <= its length.
            let r = unsafe {
                if self.regular {
                    libc::pread(self.fd, self.buf.as_mut_ptr() as *mut c_void, want, self.pos as libc::off_t)
                } else {
                    libc::read(self.fd, self.buf.as_mut_ptr() as *mut c_void, want)
                }
            };
            if r < 0 {
                let e = errno();
                if e.kind() == std::io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(self.io_failure("read", e));
            }
            return Ok(r as usize);
        }
    }

    /// Whether the source is in data at `pos`, and for how many bytes.
    fn section(&self) -> Result<(bool, u64)> {
        let left = self.end - self.pos;
        // SAFETY: plain syscalls.
        let data = unsafe { libc::lseek(self.fd, self.pos as libc::off_t, libc::SEEK_DATA) };
        if data < 0 {
            let e = errno();
            return match e.raw_os_error() {
                // A hole to the end of the file: is that still our end?
                Some(libc::ENXIO) => {
                    let mut sb: libc::stat = unsafe { std::mem::zeroed() };
                    if unsafe { libc::fstat(self.fd, &mut sb) } == 0 && (sb.st_size as u64) < self.end {
                        return Err(self.shrank());
                    }
                    Ok((false, left))
                }
                // No SEEK_DATA here: all data.
                Some(libc::EINVAL) | Some(libc::EOPNOTSUPP) => Ok((true, left)),
                _ => Err(self.io_failure("seek in", e)),
            };
        }
        let data = data as u64;
        if data > self.pos {
            return Ok((false, (data - self.pos).min(left)));
        }
        let hole = unsafe { libc::lseek(self.fd, self.pos as libc::off_t, libc::SEEK_HOLE) };
        if hole < 0 {
            return Err(self.io_failure("seek in", errno()));
        }
        Ok((true, (hole as u64).saturating_sub(self.pos).min(left).max(1)))
    }

    // -------------------------------------------------------- progress --

    /// Calls the progress callback if the interval passed (or `last`).
    fn progress(&mut self, last: bool) -> std::result::Result<(), Stop> {
        let Some(f) = self.glue.progress else { return Ok(()) };
        let now = Instant::now();
        let since = *self.last_progress.get_or_insert(now);
        if !last && now.duration_since(since) < self.interval {
            return Ok(());
        }
        self.last_progress = Some(now);
        // SAFETY: the glue's callback with its own context. It may call
        // back into this transfer only through `cancel`, which the caller
        // handles after it returns (no borrow is held across it: see
        // `Shared::progress`).
        match unsafe { f(self.glue.ctx, self.done, self.total, self.holes) } {
            SVR_PROGRESS_CONTINUE => Ok(()),
            SVR_PROGRESS_CANCEL => Err(Stop::Cancelled("cancelled by the progress callback")),
            _ => Err(Stop::Died),
        }
    }

    // ------------------------------------------------------------- ends --

    /// Ends the stream after the last byte.
    fn finish_stream(&mut self) -> Result<()> {
        let st = self.stream()?;
        if svr_stream_finish(st) < 0 {
            return Err(self.stream_failure());
        }
        Ok(())
    }

    /// Aborts the stream and cleans the destination up; returns the
    /// failure to report, completed with what became of the file.
    fn fail(&mut self, stop: Stop) -> Stop {
        self.state = State::Failed;
        // The writer first: nothing more is written, and the descriptor
        // is ours alone again.
        let _ = self.end_writer(false);
        if let Ok(st) = self.stream() {
            // Its own failure is of no interest.
            svr_stream_abort(st);
            take();
        }
        let note = self.cleanup();
        match stop {
            Stop::Failed(Failure::Message(m)) => Stop::Failed(Failure::Message(format!("{m}{note}"))),
            Stop::Failed(Failure::Libvirt { code, domain, level, message }) => {
                Stop::Failed(Failure::Libvirt { code, domain, level, message: format!("{message}{note}") })
            }
            Stop::Cancelled(why) => {
                Stop::Failed(Failure::Message(format!("{}: {why}{note}", self.method)))
            }
            Stop::Died => Stop::Died,
        }
    }

    /// After a failure: removes the destination the transfer created
    /// (unless `keep_partial`). Says what happened to it.
    fn cleanup(&mut self) -> String {
        if self.send {
            self.close();
            return String::new();
        }
        let what = self.what();
        self.close();
        match &self.path {
            Some(p) if self.created && !self.keep_partial => {
                // SAFETY: NUL-terminated path.
                if unsafe { libc::unlink(p.as_ptr()) } == 0 {
                    self.created = false;
                    format!(" (the partial file {what} was removed)")
                } else {
                    format!(" (the partial file {what} could not be removed: {})", errno())
                }
            }
            _ if self.done > 0 || self.created => format!(" ({what} is left incomplete, {} bytes written)", self.done),
            _ => String::new(),
        }
    }

    fn close(&mut self) {
        if self.owns_fd && self.fd >= 0 {
            // SAFETY: our own descriptor, closed once.
            unsafe { libc::close(self.fd) };
            self.fd = -1;
            self.owns_fd = false;
        } else if self.fd >= 0 && self.regular {
            // The script's descriptor (not closed): leave it after what was
            // written or read (reads use pread).
            // SAFETY: plain syscall.
            unsafe { libc::lseek(self.fd, self.pos as libc::off_t, libc::SEEK_SET) };
        }
    }

    /// Closes the destination after the stream finished.
    fn close_ok(&mut self) -> Result<()> {
        if self.owns_fd && self.fd >= 0 {
            let fd = std::mem::replace(&mut self.fd, -1);
            self.owns_fd = false;
            // SAFETY: our own descriptor, closed once.
            if unsafe { libc::close(fd) } < 0 && !self.send {
                return Err(self.io_failure("close", errno()));
            }
        } else {
            self.close();
        }
        Ok(())
    }

    /// The last steps of a transfer that reached its end.
    fn complete(&mut self) -> std::result::Result<(), Stop> {
        self.finish_stream()?;
        self.close_ok()?;
        self.state = State::Finished;
        Ok(())
    }
}

// ----------------------------------------------------- the file side --

/// What the receiving side writes: data, holes, and the end.
enum Op {
    Data(Vec<u8>, usize),
    Hole(u64),
    Finish,
}

/// The destination of a receive: it runs in the writer thread, so that
/// the file is written while the next chunk comes from the socket (as
/// virsh's event thread reads the socket while it writes the file).
struct Sink {
    fd: c_int,
    /// File offset of the next byte.
    pos: u64,
    /// The size the destination had (holes are punched below it).
    dest_size: u64,
    /// Whether the file must be extended to `pos` at the end.
    extend: bool,
    sparse: bool,
    regular: bool,
    method: String,
    what: String,
}

impl Sink {
    fn io_failure(&self, doing: &str, err: std::io::Error) -> Failure {
        Failure::message(format!("{}: cannot {doing} {}: {err}", self.method, self.what))
    }

    fn apply(&mut self, op: Op, free: &std::sync::mpsc::Sender<Vec<u8>>) -> Result<()> {
        match op {
            Op::Data(buf, n) => {
                let r = self.write_all(&buf[..n]);
                self.extend = false;
                let _ = free.send(buf);
                r
            }
            Op::Hole(len) => self.write_hole(len),
            Op::Finish => self.finish(),
        }
    }

    fn write_all(&mut self, mut data: &[u8]) -> Result<()> {
        while !data.is_empty() {
            // SAFETY: `data` is readable for its length.
            let w = unsafe { libc::write(self.fd, data.as_ptr() as *const c_void, data.len()) };
            if w < 0 {
                let e = errno();
                if e.kind() == std::io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(self.io_failure("write to", e));
            }
            if w == 0 {
                return Err(self.io_failure("write to", std::io::Error::from_raw_os_error(libc::ENOSPC)));
            }
            data = &data[w as usize..];
            self.pos += w as u64;
        }
        Ok(())
    }

    fn write_zeros(&mut self, mut len: u64) -> Result<()> {
        let zeros = vec![0u8; (SVR_TRANSFER_CHUNK as u64).min(len) as usize];
        while len > 0 {
            let n = len.min(zeros.len() as u64) as usize;
            self.write_all(&zeros[..n])?;
            len -= n as u64;
        }
        self.extend = false;
        Ok(())
    }

    fn write_hole(&mut self, len: u64) -> Result<()> {
        if len == 0 {
            return Ok(());
        }
        if !(self.sparse && self.regular) {
            return self.write_zeros(len);
        }
        // Where the file already has bytes, they must become zeros.
        if self.pos < self.dest_size {
            let upto = self.dest_size.min(self.pos + len);
            // SAFETY: plain syscall on the descriptor.
            let rc = unsafe {
                libc::fallocate(
                    self.fd,
                    libc::FALLOC_FL_PUNCH_HOLE | libc::FALLOC_FL_KEEP_SIZE,
                    self.pos as libc::off_t,
                    (upto - self.pos) as libc::off_t,
                )
            };
            if rc < 0 {
                let at = self.pos;
                self.write_zeros(upto - at)?;
                return self.write_hole(len - (upto - at));
            }
        }
        self.pos += len;
        // SAFETY: plain syscall.
        if unsafe { libc::lseek(self.fd, self.pos as libc::off_t, libc::SEEK_SET) } < 0 {
            return Err(self.io_failure("seek in", errno()));
        }
        self.extend = true;
        Ok(())
    }

    /// A trailing hole leaves the file short: extend it to its size.
    fn finish(&mut self) -> Result<()> {
        if self.regular && self.extend {
            // SAFETY: fstat into a local struct; plain syscalls.
            let mut sb: libc::stat = unsafe { std::mem::zeroed() };
            if unsafe { libc::fstat(self.fd, &mut sb) } < 0 {
                return Err(self.io_failure("inspect", errno()));
            }
            if (sb.st_size as u64) < self.pos && unsafe { libc::ftruncate(self.fd, self.pos as libc::off_t) } < 0 {
                return Err(self.io_failure("extend", errno()));
            }
        }
        Ok(())
    }
}

/// Chunks in flight between the stream and the writer: memory stays
/// bounded (6 x 256 KiB) whatever the size of the transfer.
const WRITER_BUFFERS: usize = 6;

/// The writer thread of a receive. It never touches Perl or libvirt.
struct Writer {
    tx: Option<SyncSender<Op>>,
    /// Buffers the writer is done with.
    free: Receiver<Vec<u8>>,
    thread: Option<JoinHandle<(Sink, Result<()>)>>,
    /// Set to drop the pending operations (failure, cancel).
    stop: Arc<AtomicBool>,
    buffers: usize,
    /// A buffer taken and not used (no data came).
    spare: Option<Vec<u8>>,
    /// No thread: the sink written at once (see recv_step), with the
    /// channel its buffers come back on.
    inline: Option<(Sink, std::sync::mpsc::Sender<Vec<u8>>)>,
    inline_failure: Option<Failure>,
}

impl Writer {
    fn start(mut sink: Sink, method: &str) -> Result<Writer> {
        let (tx, rx) = sync_channel::<Op>(WRITER_BUFFERS - 2);
        let (free_tx, free) = std::sync::mpsc::channel::<Vec<u8>>();
        let stop = Arc::new(AtomicBool::new(false));
        let stop2 = stop.clone();
        let body = move || {
            while let Ok(op) = rx.recv() {
                if stop2.load(Ordering::Relaxed) {
                    continue;
                }
                if let Err(f) = sink.apply(op, &free_tx) {
                    return (sink, Err(f));
                }
            }
            (sink, Ok(()))
        };
        // The thread starts with every signal blocked: Perl's signal
        // handlers must only ever run on the interpreter's thread.
        // SAFETY: plain signal-mask calls on local sets.
        let thread = unsafe {
            let mut all: libc::sigset_t = std::mem::zeroed();
            let mut old: libc::sigset_t = std::mem::zeroed();
            libc::sigfillset(&mut all);
            libc::pthread_sigmask(libc::SIG_BLOCK, &all, &mut old);
            let t = std::thread::Builder::new().name("svr-writer".into()).spawn(body);
            libc::pthread_sigmask(libc::SIG_SETMASK, &old, std::ptr::null_mut());
            t
        }
        .map_err(|e| Failure::message(format!("{method}: cannot start the writer thread: {e}")))?;
        Ok(Writer { tx: Some(tx), free, thread: Some(thread), stop, buffers: 0, spare: None, inline: None, inline_failure: None })
    }

    /// A writer without a thread: each operation is applied when pushed.
    fn inline(sink: Sink) -> Writer {
        let (free_tx, free) = std::sync::mpsc::channel::<Vec<u8>>();
        Writer {
            tx: None,
            free,
            thread: None,
            stop: Arc::new(AtomicBool::new(false)),
            buffers: 0,
            spare: None,
            inline: Some((sink, free_tx)),
            inline_failure: None,
        }
    }

    /// A buffer for the next chunk: a spare one, a new one while fewer
    /// than `WRITER_BUFFERS` exist, or the next the writer is done with.
    /// None if the writer stopped.
    fn buffer(&mut self) -> Option<Vec<u8>> {
        if let Some(b) = self.spare.take() {
            return Some(b);
        }
        if let Ok(b) = self.free.try_recv() {
            return Some(b);
        }
        if self.buffers < WRITER_BUFFERS {
            self.buffers += 1;
            return Some(vec![0u8; SVR_TRANSFER_CHUNK]);
        }
        self.free.recv().ok()
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        if matches!(self.state, State::New | State::Running) {
            // Dropped before its end (the volume call failed, or the
            // process ends): abort and clean up quietly.
            let _ = self.fail(Stop::Cancelled("dropped"));
        }
        self.close();
        if let Some(free) = self.glue.free.take() {
            // SAFETY: the glue's context, released once.
            unsafe { free(self.glue.ctx) };
        }
    }
}

// ------------------------------------------------------------ blocking --

/// Runs `e` to its end, calling progress as it goes.
fn run_blocking(e: &mut Engine) -> std::result::Result<(), Stop> {
    e.state = State::Running;
    e.progress(false)?; // starts the clock
    loop {
        match e.step()? {
            Step::Moved => e.progress(false)?,
            Step::End => {
                // Once at the end, before the stream is finished: its
                // answer may still cancel.
                e.progress(true)?;
                break;
            }
            Step::WouldBlock => {
                return Err(Stop::Failed(Failure::message(format!(
                    "{}: the stream is non-blocking: pass on_done to run on the event loop",
                    e.method
                ))))
            }
        }
    }
    e.complete()?;
    Ok(())
}

// --------------------------------------------------------- non-blocking --

/// A transfer shared by the script's object and the stream's callback.
struct Shared {
    engine: RefCell<Engine>,
    /// Set by `cancel` (possibly from inside the progress callback).
    cancel: Cell<bool>,
    /// Whether the callback is registered on the stream.
    registered: Cell<bool>,
    /// The watchdog timer (-1: none): libvirt sends a stream no event
    /// when its connection dies, so the transfer also looks every
    /// [`WATCHDOG_MS`] and then fails instead of waiting for ever.
    watchdog: Cell<c_int>,
}

impl Drop for Shared {
    fn drop(&mut self) {
        // Dropped without an end (its stream was destroyed under it): the
        // timer goes too.
        let timer = self.watchdog.replace(-1);
        if timer >= 0 {
            // SAFETY: plain libvirt call.
            unsafe { sys::virEventRemoveTimeout(timer) };
            take();
        }
    }
}

/// Period of the watchdog timer of a non-blocking transfer.
const WATCHDOG_MS: c_int = 250;

/// What the watchdog timer holds: the transfer (weakly: the timer must not
/// keep it alive) and the thread allowed to touch it.
struct Watchdog {
    shared: std::rc::Weak<Shared>,
    thread: std::thread::ThreadId,
}

unsafe extern "C" fn watchdog_tick(_timer: c_int, opaque: *mut c_void) {
    guard("transfer watchdog", (), || {
        let w = &*(opaque as *const Watchdog);
        if std::thread::current().id() != w.thread {
            return Ok(());
        }
        if let Some(shared) = w.shared.upgrade() {
            shared.on_event();
        }
        Ok(())
    });
}

unsafe extern "C" fn watchdog_free(opaque: *mut c_void) {
    guard("transfer watchdog free", (), || {
        let w = opaque as *mut Watchdog;
        // Rc counts are not atomic: from another thread, leak it instead.
        if std::thread::current().id() == (*w).thread {
            drop(Box::from_raw(w));
        }
        Ok(())
    });
}

impl Shared {
    /// Runs steps after a stream event; ends the transfer if it is over.
    fn on_event(self: &Rc<Shared>) {
        let mut outcome: Option<std::result::Result<(), Stop>> = None;
        for _ in 0..STEPS_PER_EVENT {
            if self.engine.borrow().state != State::Running {
                return;
            }
            let step = self.engine.borrow_mut().step();
            match step {
                Ok(Step::Moved) => {}
                Ok(Step::WouldBlock) => break,
                Ok(Step::End) => {
                    let r = self.progress(true);
                    let r = r.and_then(|()| {
                        if self.cancel.get() {
                            return Err(Stop::Cancelled("cancelled"));
                        }
                        self.engine.borrow_mut().complete()
                    });
                    outcome = Some(r);
                    break;
                }
                Err(f) => {
                    outcome = Some(Err(Stop::Failed(f)));
                    break;
                }
            }
        }
        if outcome.is_none() {
            if let Err(s) = self.progress(false) {
                outcome = Some(Err(s));
            }
        }
        if outcome.is_none() && self.cancel.get() {
            outcome = Some(Err(Stop::Cancelled("cancelled")));
        }
        if let Some(r) = outcome {
            self.end(r);
        }
    }

    /// Progress, with no borrow held while Perl runs.
    fn progress(&self, last: bool) -> std::result::Result<(), Stop> {
        let (f, ctx, done, total, holes, due) = {
            let mut e = self.engine.borrow_mut();
            let Some(f) = e.glue.progress else { return Ok(()) };
            let now = Instant::now();
            let since = *e.last_progress.get_or_insert(now);
            let due = last || now.duration_since(since) >= e.interval;
            if due {
                e.last_progress = Some(now);
            }
            (f, e.glue.ctx, e.done, e.total, e.holes, due)
        };
        if !due {
            return Ok(());
        }
        // SAFETY: the glue's callback with its context.
        match unsafe { f(ctx, done, total, holes) } {
            SVR_PROGRESS_CONTINUE if self.cancel.get() => Err(Stop::Cancelled("cancelled")),
            SVR_PROGRESS_CONTINUE => Ok(()),
            SVR_PROGRESS_CANCEL => Err(Stop::Cancelled("cancelled by the progress callback")),
            _ => Err(Stop::Died),
        }
    }

    /// The end of a non-blocking transfer: clean up, unregister, tell the script.
    fn end(self: &Rc<Shared>, r: std::result::Result<(), Stop>) {
        let (ok, failure, done, holes, done_fn, ctx) = {
            let mut e = self.engine.borrow_mut();
            if e.state == State::Failed || e.glue.done.is_none() && e.state == State::Finished {
                return; // already ended and told
            }
            let (ok, failure) = match r {
                Ok(()) => (true, None),
                Err(stop) => match e.fail(stop) {
                    Stop::Failed(f) => (false, Some(f)),
                    Stop::Died | Stop::Cancelled(_) => (false, None),
                },
            };
            (ok, failure, e.done, e.holes, e.glue.done.take(), e.glue.ctx)
        };
        self.unregister();
        // Recorded last: the glue takes it for on_done.
        if let Some(f) = failure {
            crate::error::record(f);
        }
        if let Some(f) = done_fn {
            // SAFETY: the glue's callback, once, with its context.
            unsafe { f(ctx, ok as c_int, done, holes) };
        }
        take();
    }

    fn unregister(&self) {
        let timer = self.watchdog.replace(-1);
        if timer >= 0 {
            // SAFETY: plain libvirt call; it frees the opaque later.
            unsafe { sys::virEventRemoveTimeout(timer) };
            take();
        }
        if self.registered.replace(false) {
            let st = self.engine.borrow().stream();
            if let Ok(st) = st {
                // finish/abort already removed it: then this is a no-op.
                svr_stream_remove_callback(st);
            }
            take();
        }
    }
}

unsafe extern "C" fn transfer_event(ctx: *mut c_void, _events: c_int) {
    guard("transfer event callback", (), || {
        let p = ctx as *const Shared;
        // Our own reference for the dispatch: ending the transfer releases
        // the registration's.
        Rc::increment_strong_count(p);
        let shared = Rc::from_raw(p);
        shared.on_event();
        Ok(())
    });
}

unsafe extern "C" fn transfer_event_free(ctx: *mut c_void) {
    guard("transfer event free", (), || {
        drop(Rc::from_raw(ctx as *const Shared));
        Ok(())
    });
}

// ------------------------------------------------------------- C ABI --

/// The Rust handle behind a `Sys::Virt::Stream::Transfer` object.
pub struct TransferHandle {
    shared: Rc<Shared>,
    /// The glue's context: valid while this handle holds `shared`.
    ctx: *mut c_void,
    /// The process that started it (a forked child leaves it alone).
    made_in: libc::pid_t,
}

/// The transfer behind a handle the glue passes (refused in a forked
/// child: the transfer is the parent's).
fn transfer_handle<'a>(t: *const TransferHandle) -> Result<&'a TransferHandle> {
    let t = handle(t, "the transfer")?;
    match crate::fork::made_elsewhere(t.made_in) {
        Some(owner) => Err(crate::fork::inherited_failure("the transfer", owner)),
        None => Ok(t),
    }
}

/// Prepares a transfer between the stream `st` and `path` (if not NULL)
/// or the descriptor `fd`: opens the file (refusing an existing
/// destination unless `overwrite`). Takes the glue's context in all cases
/// (released by `glue->free`, at once on failure). `method` names the
/// Perl method in messages.
///
/// # Safety
/// `path` and `method` are NULL or NUL-terminated; `opts` and `glue` valid.
#[no_mangle]
pub unsafe extern "C" fn svr_transfer_new(
    direction: c_int,
    path: *const c_char,
    fd: c_int,
    opts: *const SvrTransferOpts,
    glue: *const SvrTransferGlue,
    method: *const c_char,
) -> *mut TransferHandle {
    let g = glue.as_ref().copied();
    let r = guard("svr_transfer_new", std::ptr::null_mut(), || {
        let method = crate::boundary::opt_str(method)?.unwrap_or("Sys::Virt::Stream transfer").to_string();
        let g = g.ok_or_else(|| Failure::message("internal error: no transfer glue"))?;
        let opts = opts.as_ref().ok_or_else(|| Failure::message("internal error: no transfer options"))?;
        let path = if path.is_null() { None } else { Some(CStr::from_ptr(path)) };
        let mut e = Engine::new(direction == SVR_TRANSFER_SEND, path, fd, opts, &method)?;
        e.glue = g;
        e.stream()?;
        let shared = Rc::new(Shared {
            engine: RefCell::new(e),
            cancel: Cell::new(false),
            registered: Cell::new(false),
            watchdog: Cell::new(-1),
        });
        Ok(Box::into_raw(Box::new(TransferHandle { shared, ctx: g.ctx, made_in: crate::fork::pid() })))
    });
    if r.is_null() {
        if let Some(SvrTransferGlue { ctx, free: Some(free), .. }) = g {
            free(ctx);
        }
    }
    r
}

fn finish_run(t: &TransferHandle, r: std::result::Result<(), Stop>) -> c_int {
    let mut e = t.shared.engine.borrow_mut();
    match r {
        Ok(()) => 0,
        Err(stop) => {
            if let Stop::Failed(f) = e.fail(stop) {
                crate::error::record(f);
            }
            -1
        }
    }
}

/// Runs the transfer to its end (blocking stream). Returns 0, or -1 with
/// the failure recorded (or the progress callback's exception kept by the
/// glue).
#[no_mangle]
pub extern "C" fn svr_transfer_run(t: *const TransferHandle) -> c_int {
    guard("svr_transfer_run", -1, || {
        let t = transfer_handle(t)?;
        {
            let e = t.shared.engine.borrow();
            if e.state != State::New {
                return Err(Failure::message(format!("{}: the transfer was already started", e.method)));
            }
        }
        let nb = t.shared.engine.borrow().nonblocking_stream()?;
        let r = if nb {
            let m = t.shared.engine.borrow().method.clone();
            Err(Stop::Failed(Failure::message(format!(
                "{m}: the stream is non-blocking: pass on_done to run on the event loop"
            ))))
        } else {
            let mut e = t.shared.engine.borrow_mut();
            run_blocking(&mut e)
        };
        // -1: the failure is recorded, or the glue holds the exception.
        Ok(finish_run(t, r))
    })
}

/// Starts the transfer on the event loop (non-blocking stream): its steps
/// run from the stream's event callback, and `glue->done` is called once
/// at the end. Returns 0, or -1 with the failure recorded (nothing started).
#[no_mangle]
pub extern "C" fn svr_transfer_start(t: *const TransferHandle) -> c_int {
    guard("svr_transfer_start", -1, || {
        let t = transfer_handle(t)?;
        let (st, send, method) = {
            let e = t.shared.engine.borrow();
            if e.state != State::New {
                return Err(Failure::message(format!("{}: the transfer was already started", e.method)));
            }
            (e.stream()?, e.send, e.method.clone())
        };
        if !t.shared.engine.borrow().nonblocking_stream()? {
            let f = Failure::message(format!(
                "{method}: on_done needs a non-blocking stream (made with Sys::Virt::Stream::NONBLOCK)"
            ));
            let stop = t.shared.engine.borrow_mut().fail(Stop::Failed(f));
            if let Stop::Failed(f) = stop {
                return Err(f);
            }
            return Ok(-1);
        }
        let events = (if send { sys::VIR_STREAM_EVENT_WRITABLE } else { sys::VIR_STREAM_EVENT_READABLE }
            | sys::VIR_STREAM_EVENT_ERROR
            | sys::VIR_STREAM_EVENT_HANGUP) as c_int;
        let ctx = Rc::into_raw(t.shared.clone()) as *mut c_void;
        t.shared.engine.borrow_mut().state = State::Running;
        if svr_stream_add_callback(st, events, Some(transfer_event), Some(transfer_event_free), ctx) < 0 {
            // SAFETY: not registered: our reference comes back.
            drop(unsafe { Rc::from_raw(ctx as *const Shared) });
            let f = take().unwrap_or_else(|| Failure::message(format!("{method}: cannot watch the stream")));
            let stop = t.shared.engine.borrow_mut().fail(Stop::Failed(f));
            if let Stop::Failed(f) = stop {
                return Err(f);
            }
            return Ok(-1);
        }
        t.shared.registered.set(true);
        let w = Box::into_raw(Box::new(Watchdog { shared: Rc::downgrade(&t.shared), thread: std::thread::current().id() }));
        // SAFETY: the opaque is ours until libvirt calls the free function.
        let timer = unsafe { sys::virEventAddTimeout(WATCHDOG_MS, Some(watchdog_tick), w as *mut c_void, Some(watchdog_free)) };
        if timer < 0 {
            // No watchdog (the event loop refused a timer): the stream's
            // own events still drive the transfer.
            drop(unsafe { Box::from_raw(w) });
            take();
        }
        t.shared.watchdog.set(timer);
        Ok(0)
    })
}

/// Cancels a running transfer: aborts the stream, removes the file it
/// created (unless `keep_partial`), and calls `glue->done` with the
/// failure. Returns 1 if it was running, 0 if it was already over.
#[no_mangle]
pub extern "C" fn svr_transfer_cancel(t: *const TransferHandle) -> c_int {
    guard("svr_transfer_cancel", -1, || {
        let t = transfer_handle(t)?;
        let state = t.shared.engine.borrow().state;
        match state {
            State::Running => {
                if t.shared.engine.try_borrow_mut().is_err() {
                    // From inside the progress callback: the loop stops
                    // when the callback returns.
                    t.shared.cancel.set(true);
                    return Ok(1);
                }
                t.shared.cancel.set(true);
                t.shared.end(Err(Stop::Cancelled("cancelled")));
                Ok(1)
            }
            _ => Ok(0),
        }
    })
}

/// A new stream on the connection of the volume `v` (for
/// `download_file` / `upload_file`); `flags` may hold `VIR_STREAM_NONBLOCK`.
#[no_mangle]
pub extern "C" fn svr_transfer_vol_stream(v: *const VolHandle, flags: c_uint) -> *mut StreamHandle {
    guard("svr_transfer_vol_stream", std::ptr::null_mut(), || {
        let v = crate::api::this(v)?;
        // SAFETY: valid volume; the connection is borrowed (valid while the
        // volume is), and a connection handle is its pointer: the stream
        // takes a reference of its own.
        let c = unsafe { sys::virStorageVolGetConnect(v.raw()) };
        if c.is_null() {
            return Err(Failure::last_libvirt());
        }
        // NULL with the failure recorded, or the stream.
        Ok(svr_stream_new(c as *const ConnHandle, flags))
    })
}

/// The glue's context of the transfer (NULL for a NULL handle).
#[no_mangle]
pub extern "C" fn svr_transfer_context(t: *const TransferHandle) -> *mut c_void {
    guard("svr_transfer_context", std::ptr::null_mut(), || {
        Ok(transfer_handle(t)?.ctx)
    })
}

/// Where the transfer stands.
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn svr_transfer_state(t: *const TransferHandle, out: *mut SvrTransferState) -> c_int {
    guard("svr_transfer_state", -1, || {
        let t = transfer_handle(t)?;
        let e = t.shared.engine.try_borrow().map_err(|_| Failure::message("the transfer is busy"))?;
        *out = SvrTransferState {
            state: match e.state {
                State::New => 0,
                State::Running => 1,
                State::Finished => 2,
                State::Failed => 3,
            },
            done: e.done,
            total: e.total,
            holes: e.holes,
        };
        Ok(0)
    })
}

/// Releases the script's handle. A transfer still running goes on (its
/// registration holds it) until its end; one never started is dropped:
/// the stream is aborted and a file it created removed.
///
/// # Safety
/// `t` must be NULL or a handle from this library, freed once.
#[no_mangle]
pub unsafe extern "C" fn svr_transfer_free(t: *mut TransferHandle) {
    guard("svr_transfer_free", (), || {
        if !t.is_null() {
            if crate::fork::made_elsewhere((*t).made_in).is_some() {
                // The parent's: dropping it would abort the parent's stream.
                return Ok(());
            }
            drop(Box::from_raw(t));
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests;
