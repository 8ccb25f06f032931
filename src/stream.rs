//! Streams (`Sys::Virt::Stream`).
//!
//! The data moving loops (`recv_all`, `send_all` and their sparse variants)
//! live here, modelled on libvirt's `virStreamRecvAll`, `virStreamSendAll`,
//! `virStreamSparseRecvAll` and `virStreamSparseSendAll`, with stricter
//! semantics: every handler answer is checked, a failing handler stops the
//! transfer and aborts the stream, and a handler that makes no progress is
//! an error instead of an endless loop. They are generic over
//! [`RecvHandler`] / [`SendHandler`], so `cargo test` drives them with Rust
//! handlers; the XS glue drives them through [`SvrStreamHandlers`], a table
//! of C callbacks that call the script's Perl code.

use std::cell::{Cell, RefCell};
use std::ffi::c_void;
use std::os::raw::{c_char, c_int, c_longlong, c_uint};
use std::ptr;
use std::rc::Rc;
use std::thread::{self, ThreadId};

use virt::stream::Stream;
use virt_sys as sys;

use crate::boundary::guard;
use crate::api::handles::ConnHandle;
use crate::api::this;
use crate::api::Object;
use crate::error::{Failure, Result};

/// Bytes moved per libvirt call by the `*_all` loops.
pub const SVR_STREAM_CHUNK: usize = 256 * 1024;

/// Most bytes one `recv` asks libvirt for, whatever the script asked:
/// `VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX` (262144, libvirt's
/// `src/rpc/virnetprotocol.x`), the payload of one stream data message. The
/// daemon (`daemonStreamHandleRead`) and the local fd streams (`iohelper`
/// thread) never put more in one message, so a single `virStreamRecv`
/// rarely returns more, and a script asking for gigabytes never makes us
/// allocate them.
pub const SVR_STREAM_RECV_MAX: usize = 262144;

/// `recv` calls asking for fewer bytes than this, on a blocking stream
/// without event callback, are served from a read-ahead buffer of
/// [`SVR_STREAM_CHUNK`] bytes: each libvirt `virStreamRecv` costs as much
/// as thousands of instructions (locking, logging, message bookkeeping)
/// whatever its size, so a loop of small reads pays it once per chunk
/// instead of once per call.
pub const SVR_STREAM_READAHEAD_BELOW: usize = 64 * 1024;

/// A handler answered (its value is in the `result` out-parameter).
pub const SVR_HANDLER_OK: c_int = 0;
/// A handler died; the glue keeps its exception and raises it unchanged.
pub const SVR_HANDLER_DIED: c_int = 1;
/// A handler returned `undef` or nothing.
pub const SVR_HANDLER_UNDEF: c_int = 2;
/// A send handler left characters above 255 in its buffer.
pub const SVR_HANDLER_WIDE: c_int = 3;
/// A handler returned a reference, or put one (or a magical value) in its buffer.
pub const SVR_HANDLER_REFERENCE: c_int = 4;
/// A hole handler of `sparse_send_all` returned fewer than two values.
pub const SVR_HANDLER_SHORT_LIST: c_int = 5;

/// Where the event callback registered through us stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CallbackState {
    #[default]
    None,
    Registered,
    /// `finish`/`abort` removed it (libvirt drivers cannot remove it, nor
    /// free it, once the stream is closed); a later `remove_callback` is
    /// then a no-op.
    RemovedByClose,
}

/// The state of a stream's event callback, shared by the handle and its
/// [`StreamRef`]s, with our side of the registration.
#[derive(Default)]
pub struct CallbackSlot {
    state: Cell<CallbackState>,
    /// The registration while it may still call the glue: released (its
    /// context freed) by whichever comes first, libvirt's free function or
    /// our successful removal.
    reg: RefCell<Option<Rc<EventCallback>>>,
}

impl CallbackSlot {
    fn get(&self) -> CallbackState {
        self.state.get()
    }

    fn set(&self, state: CallbackState) {
        self.state.set(state)
    }

    /// After libvirt accepted the removal: it will not call the callback
    /// again, so the glue's context is released now. Some drivers never
    /// call the free function they were given (libvirt's remote driver:
    /// `remoteStreamCallbackFree` calls it only `if (!cbdata->cb)`, never
    /// true), which would leak the context and what the script's callback
    /// holds; those that do call it (fd streams, possibly after the
    /// dispatch in progress) then find it released and free nothing twice.
    fn removed(&self) {
        let reg = self.reg.borrow_mut().take();
        if let Some(reg) = reg {
            REGISTRATIONS.with(|r| r.borrow_mut().remove(&reg.token));
            reg.release();
        }
    }
}

/// A libvirt stream with the state of its event callback; cloning takes
/// another libvirt reference.
#[derive(Clone)]
pub struct StreamRef {
    stream: Stream,
    callback: Rc<CallbackSlot>,
    /// Where the stream stands (shared with its handle).
    phase: Rc<Cell<Phase>>,
    /// Whether aborting it never waits on a daemon (see StreamHandle).
    in_process: bool,
}

impl StreamRef {
    /// A stream some libvirt call already started.
    pub fn new(stream: Stream) -> StreamRef {
        StreamRef { stream, callback: Rc::default(), phase: Rc::new(Cell::new(Phase::Active)), in_process: true }
    }

    pub fn phase(&self) -> Phase {
        self.phase.get()
    }

    pub fn ptr(&self) -> sys::virStreamPtr {
        // SAFETY: valid while `self.stream` holds its reference.
        unsafe { self.stream.as_ptr() }
    }

    pub fn stream(&self) -> &Stream {
        &self.stream
    }

    /// Removes our event callback, if any, before the stream is closed:
    /// libvirt would otherwise never release it.
    fn close_callback(&self) {
        if self.callback.get() == CallbackState::Registered {
            // SAFETY: plain libvirt call; a failure here changes nothing.
            unsafe {
                if nopipe(|| sys::virStreamEventRemoveCallback(self.ptr())) < 0 {
                    sys::virResetLastError();
                } else {
                    self.callback.removed();
                }
            }
            self.callback.set(CallbackState::RemovedByClose);
        }
    }

    /// Aborts after a failure already captured, leaving no libvirt error
    /// behind. A stream already ended (a handler finished or aborted it)
    /// is left alone: libvirt may crash or hang on a second end. A stream
    /// served by a daemon is aborted from a thread of its own: nobody
    /// waits for the answer, which may never come (seen: a sparse upload
    /// with an event callback whose transfer failed).
    fn abort_quietly(&self) {
        self.close_callback();
        if !self.phase.get().may_abort() {
            return;
        }
        if !self.in_process {
            self.phase.set(Phase::Aborted);
            abort_in_background(self);
            return;
        }
        // SAFETY: plain libvirt calls on a stream we hold a reference to.
        unsafe {
            nopipe(|| sys::virStreamAbort(self.ptr()));
            sys::virResetLastError();
        }
        self.phase.set(Phase::Aborted);
    }

    /// Fails unless the stream is still active: a handler may have
    /// finished, aborted or dropped it under a loop.
    fn still_active(&self, method: &str) -> Result<()> {
        match self.phase.get() {
            // (New: libvirt refuses it, there is no driver behind it.)
            Phase::Active | Phase::New => Ok(()),
            p => Err(invalid(format!("{method}: the stream was {} during the transfer", p.ended_how()))),
        }
    }
}

/// Which way data moves on a stream, known from the call that started it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Not started yet.
    Unknown,
    /// `download`, `screenshot`: the script receives.
    Read,
    /// `upload`: the script sends.
    Write,
    /// `open_console`, `open_channel`: both.
    Both,
}

/// Where a stream stands. libvirt's behaviour for calls outside `Active`
/// (or in the wrong direction) ranges from an error to a crash or a hang
/// (a hole sent after `finish` on a local stream, a second `finish` after
/// a hole on a remote one), so such calls are refused here, before libvirt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Made by `new_stream`, not given to a starting call yet.
    New,
    Active,
    Finished,
    Aborted,
    /// `finish` failed: only `abort` may follow.
    FinishFailed,
}

impl Phase {
    fn may_abort(self) -> bool {
        matches!(self, Phase::Active | Phase::FinishFailed)
    }

    fn ended_how(self) -> &'static str {
        match self {
            Phase::Finished => "finished",
            Phase::Aborted => "aborted",
            Phase::FinishFailed => "left by a failed finish",
            Phase::New => "not started",
            Phase::Active => "active",
        }
    }
}

/// A call refused because of the stream's state: a `Sys::Virt::Error`
/// (VIR_ERR_OPERATION_INVALID, from streams), as libvirt's own refusals
/// are, so scripts that catch those keep working.
fn invalid(message: String) -> Failure {
    Failure::Libvirt {
        code: sys::VIR_ERR_OPERATION_INVALID as i32,
        domain: sys::VIR_FROM_STREAMS as i32,
        level: sys::VIR_ERR_ERROR as i32,
        message,
    }
}

/// Data received from libvirt ahead of the script's small `recv` calls.
#[derive(Default)]
struct ReadAhead {
    buf: Vec<u8>,
    start: usize,
    end: usize,
}

impl ReadAhead {
    fn pending(&self) -> &[u8] {
        &self.buf[self.start..self.end]
    }

    /// Moves up to `out.len()` buffered bytes into `out`.
    fn take_into(&mut self, out: &mut [u8]) -> usize {
        let n = out.len().min(self.end - self.start);
        out[..n].copy_from_slice(&self.buf[self.start..self.start + n]);
        self.start += n;
        n
    }

    fn clear(&mut self) {
        self.start = 0;
        self.end = 0;
    }
}

/// The Rust handle behind a `Sys::Virt::Stream` object.
pub struct StreamHandle {
    pub(crate) stream: Stream,
    /// The flags the stream was made with (`VIR_STREAM_NONBLOCK`).
    pub(crate) flags: c_uint,
    callback: Rc<CallbackSlot>,
    phase: Rc<Cell<Phase>>,
    direction: Cell<Direction>,
    /// The connection, when known, to tell "would block" from "dead".
    conn: Option<virt::connect::Connect>,
    /// Whether the stream lives in this process (test driver): aborting it
    /// never waits on a daemon.
    in_process: bool,
    readahead: std::cell::RefCell<ReadAhead>,
    /// The process that made the stream (a forked child leaves it alone).
    made_in: libc::pid_t,
}

impl StreamHandle {
    /// The handle of a stream libvirt made (a new reference, now owned),
    /// for a stream that reaches Perl as a method's result.
    ///
    /// # Safety
    /// `p` must be a valid new reference.
    pub unsafe fn from_raw(p: sys::virStreamPtr) -> StreamHandle {
        StreamHandle::new(Stream::from_ptr(p), 0)
    }

    pub fn new(stream: Stream, flags: c_uint) -> StreamHandle {
        StreamHandle {
            stream,
            flags,
            callback: Rc::default(),
            phase: Rc::new(Cell::new(Phase::New)),
            direction: Cell::new(Direction::Unknown),
            conn: None,
            in_process: false,
            readahead: Default::default(),
            made_in: crate::fork::pid(),
        }
    }

    /// The process that made the stream, when that is not this one (a
    /// forked child's copy, whose connection is the parent's).
    pub fn inherited_from(&self) -> Option<libc::pid_t> {
        crate::fork::made_elsewhere(self.made_in)
    }

    /// "Would block" (-2) from a non-blocking stream whose connection died
    /// would be said for ever (libvirt does not check): fail instead.
    fn would_block(&self, method: &str) -> Result<isize> {
        if let Some(c) = &self.conn {
            // SAFETY: plain libvirt call on a connection we hold.
            if unsafe { sys::virConnectIsAlive(c.as_ptr()) } == 0 {
                return Err(Failure::Libvirt {
                    code: sys::VIR_ERR_RPC as i32,
                    domain: sys::VIR_FROM_STREAMS as i32,
                    level: sys::VIR_ERR_ERROR as i32,
                    message: format!("{method}: the connection of this non-blocking stream is closed"),
                });
            }
        }
        Ok(-2)
    }

    pub fn ptr(&self) -> sys::virStreamPtr {
        // SAFETY: valid while `self.stream` holds its reference.
        unsafe { self.stream.as_ptr() }
    }

    /// Another libvirt reference to the stream, sharing the callback state.
    pub fn to_ref(&self) -> StreamRef {
        StreamRef {
            stream: self.stream.clone(),
            callback: self.callback.clone(),
            phase: self.phase.clone(),
            in_process: self.in_process,
        }
    }

    pub fn phase(&self) -> Phase {
        self.phase.get()
    }

    /// Before a call that starts the stream (`download`, `upload`,
    /// `screenshot`, `open_console`, `open_channel`): a stream carries one
    /// transfer, so only a new one is accepted.
    pub fn check_startable(&self, method: &str) -> Result<()> {
        match self.phase.get() {
            Phase::New => Ok(()),
            Phase::Active => Err(invalid(format!(
                "{method}: the stream is already in use (a stream carries one transfer: make a new one)"
            ))),
            p => Err(invalid(format!("{method}: the stream is {} (make a new one)", p.ended_how()))),
        }
    }

    /// After the starting call succeeded.
    pub fn started(&self, direction: Direction) {
        self.direction.set(direction);
        self.phase.set(Phase::Active);
    }

    /// Fails unless the stream is active (or new: libvirt refuses a
    /// stream nothing started) and, when `need` is given, was started for
    /// that direction (`Read` or `Write`).
    pub fn check_usable(&self, method: &str, need: Option<Direction>) -> Result<()> {
        match self.phase.get() {
            Phase::Active => {}
            // Nothing started it: libvirt has no driver behind it and
            // refuses every call with an error of its own.
            Phase::New => return Ok(()),
            p => return Err(invalid(format!("{method}: the stream is {}", p.ended_how()))),
        }
        match (need, self.direction.get()) {
            (Some(Direction::Read), Direction::Write) => Err(invalid(format!(
                "{method}: the stream was started for sending (upload): it cannot receive"
            ))),
            (Some(Direction::Write), Direction::Read) => Err(invalid(format!(
                "{method}: the stream was started for receiving (download, screenshot): it cannot send"
            ))),
            _ => Ok(()),
        }
    }

    fn nonblocking(&self) -> bool {
        self.flags & sys::VIR_STREAM_NONBLOCK != 0
    }

    /// Whether a `recv` of `n` bytes with `flags` may read ahead. Not on
    /// non-blocking streams or with a callback: buffered data would raise
    /// no READABLE event. Not with flags: holes must stay visible.
    fn may_read_ahead(&self, n: usize, flags: c_uint) -> bool {
        flags == 0
            && n > 0
            && n < SVR_STREAM_READAHEAD_BELOW
            && !self.nonblocking()
            && self.callback.get() == CallbackState::None
    }

    /// Serves `out` from the read-ahead buffer, refilling it from libvirt
    /// when empty. Returns what `virStreamRecv` would: bytes, 0 at the end.
    fn recv_buffered(&self, out: &mut [u8]) -> Result<isize> {
        let mut ra = self.readahead.borrow_mut();
        if ra.start == ra.end {
            if ra.buf.is_empty() {
                ra.buf = vec![0u8; SVR_STREAM_CHUNK];
            }
            // SAFETY: the buffer is writable for its length.
            let got = unsafe { sys::virStreamRecv(self.ptr(), ra.buf.as_mut_ptr() as *mut c_char, ra.buf.len()) };
            if got < 0 {
                return Err(Failure::last_libvirt());
            }
            ra.start = 0;
            ra.end = got as usize;
        }
        Ok(ra.take_into(out) as isize)
    }

    /// Takes the data read ahead and not yet given to the script.
    fn take_read_ahead(&self) -> Vec<u8> {
        let mut ra = self.readahead.borrow_mut();
        let v = ra.pending().to_vec();
        ra.clear();
        v
    }
}

/// Runs one libvirt call that may write to a daemon with SIGPIPE kept
/// away ([`crate::boundary::without_sigpipe`]): a daemon gone mid-transfer
/// fails the call instead of killing the script. Perl code never runs in it.
fn nopipe<T>(call: impl FnOnce() -> T) -> T {
    crate::boundary::without_sigpipe(call)
}

// ------------------------------------------------------------ handlers ----

/// Why a handler gave no usable answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandlerError {
    /// It died (the glue keeps the exception).
    Died,
    /// It returned `undef`.
    Undef,
    /// Its data had characters above 255.
    WideCharacter,
    /// It returned or produced a reference.
    Reference,
    /// It returned fewer values than needed.
    ShortList,
}

/// The receiving side of `recv_all` / `sparse_recv_all`.
pub trait RecvHandler {
    /// Offered `data`; returns how many bytes it consumed (checked by the loop).
    fn data(&mut self, data: &[u8]) -> std::result::Result<i64, HandlerError>;
    /// Told of a hole of `length` bytes; returns `>= 0`, or `< 0` to fail.
    fn hole(&mut self, length: i64) -> std::result::Result<i64, HandlerError>;
}

/// The sending side of `send_all` / `sparse_send_all`.
pub trait SendHandler {
    /// Produces up to `max` bytes: returns the count it claims and the bytes
    /// it actually made available (the loop checks the two agree).
    fn fill(&mut self, max: usize) -> std::result::Result<(i64, &[u8]), HandlerError>;
    /// Where the source is: `(in_data, bytes left in this section)`.
    fn in_data(&mut self) -> std::result::Result<(bool, i64), HandlerError>;
    /// Moves the source on by `length` bytes (past a hole); `< 0` fails.
    fn skip(&mut self, length: i64) -> std::result::Result<i64, HandlerError>;
}

fn handler_failure(method: &str, which: &str, e: HandlerError) -> Failure {
    let why = match e {
        HandlerError::Died => "died",
        HandlerError::Undef => "returned undef",
        HandlerError::WideCharacter => "produced a Wide character (above 255): streams carry bytes",
        HandlerError::Reference => "returned or produced a reference instead of plain data",
        HandlerError::ShortList => "must return the list ($in_data, $section_len)",
    };
    Failure::message(format!("{method}: the {which} {why}"))
}

fn negative(method: &str, which: &str, v: i64) -> Failure {
    Failure::message(format!("{method}: the {which} returned {v}, stopping the transfer"))
}

// --------------------------------------------------------- libvirt I/O ----

fn nonblocking_refused(method: &str) -> Failure {
    Failure::message(format!(
        "{method}: cannot be used on a non-blocking stream (use recv/send with add_callback)"
    ))
}

/// Sends all of `data`, as libvirt's own loops do.
fn send_fully(st: sys::virStreamPtr, mut data: &[u8], method: &str) -> Result<()> {
    while !data.is_empty() {
        // SAFETY: `data` is valid for `len` bytes during the call.
        let done = nopipe(|| unsafe { sys::virStreamSend(st, data.as_ptr() as *const c_char, data.len()) });
        if done == -2 {
            return Err(nonblocking_refused(method));
        }
        if done < 0 {
            return Err(Failure::last_libvirt());
        }
        if done == 0 {
            return Err(Failure::message(format!("{method}: libvirt accepted no data")));
        }
        data = &data[(done as usize).min(data.len())..];
    }
    Ok(())
}

/// Hands `data` to the handler until it has consumed all of it.
fn deliver<H: RecvHandler>(h: &mut H, data: &[u8], method: &str) -> Result<()> {
    let mut off = 0;
    while off < data.len() {
        let rest = &data[off..];
        let n = h.data(rest).map_err(|e| handler_failure(method, "handler", e))?;
        if n < 0 {
            return Err(negative(method, "handler", n));
        }
        if n == 0 {
            return Err(Failure::message(format!(
                "{method}: the handler consumed none of the {} bytes it was given (it must return how many it used, or -1 to fail)",
                rest.len()
            )));
        }
        // More than it was given: cut.
        off += (n as u64).min(rest.len() as u64) as usize;
    }
    Ok(())
}

fn recv_loop<H: RecvHandler>(stream: &StreamRef, h: &mut H, sparse: bool, method: &str) -> Result<u64> {
    let st = stream.ptr();
    let mut buf = vec![0u8; SVR_STREAM_CHUNK];
    let mut total = 0u64;
    loop {
        // A handler may have ended the stream: libvirt is not asked again.
        stream.still_active(method)?;
        // SAFETY: `buf` is writable for its length.
        let got = nopipe(|| unsafe {
            if sparse {
                sys::virStreamRecvFlags(st, buf.as_mut_ptr() as *mut c_char, buf.len(), sys::VIR_STREAM_RECV_STOP_AT_HOLE)
            } else {
                sys::virStreamRecv(st, buf.as_mut_ptr() as *mut c_char, buf.len())
            }
        });
        if got == -3 && sparse {
            let mut len: c_longlong = 0;
            // SAFETY: valid out pointer.
            if nopipe(|| unsafe { sys::virStreamRecvHole(st, &mut len, 0) }) < 0 {
                return Err(Failure::last_libvirt());
            }
            let r = h.hole(len).map_err(|e| handler_failure(method, "hole handler", e))?;
            if r < 0 {
                return Err(negative(method, "hole handler", r));
            }
            continue;
        }
        if got == -2 {
            return Err(nonblocking_refused(method));
        }
        if got < 0 {
            return Err(Failure::last_libvirt());
        }
        if got == 0 {
            return Ok(total);
        }
        deliver(h, &buf[..got as usize], method)?;
        total += got as u64;
    }
}

/// Asks the handler for up to `max` bytes and sends what it gives.
/// Returns the bytes sent, 0 at the end of the source.
fn send_chunk<H: SendHandler>(stream: &StreamRef, h: &mut H, max: usize, method: &str) -> Result<u64> {
    let (n, bytes) = h.fill(max).map_err(|e| handler_failure(method, "handler", e))?;
    stream.still_active(method)?;
    let st = stream.ptr();
    if n < 0 {
        return Err(negative(method, "handler", n));
    }
    if n == 0 {
        return Ok(0);
    }
    // More than it was asked for: cut.
    let n = (n as u64).min(max as u64) as usize;
    if n > bytes.len() {
        return Err(Failure::message(format!(
            "{method}: the handler returned {n} but filled only {} bytes",
            bytes.len()
        )));
    }
    send_fully(st, &bytes[..n], method)?;
    Ok(n as u64)
}

fn send_loop<H: SendHandler>(st: &StreamRef, h: &mut H, method: &str) -> Result<u64> {
    let mut total = 0u64;
    loop {
        match send_chunk(st, h, SVR_STREAM_CHUNK, method)? {
            0 => return Ok(total),
            n => total += n,
        }
    }
}

fn sparse_send_loop<H: SendHandler>(st: &StreamRef, h: &mut H, method: &str) -> Result<u64> {
    let mut total = 0u64;
    // Bytes left in the current data section.
    let mut data_left: u64 = 0;
    loop {
        if data_left == 0 {
            let (in_data, len) = h.in_data().map_err(|e| handler_failure(method, "hole handler", e))?;
            if len < 0 {
                return Err(Failure::message(format!(
                    "{method}: the hole handler returned a negative section length ({len})"
                )));
            }
            if len == 0 {
                // Nothing left, in data or in a hole: the end of the source.
                return Ok(total);
            }
            st.still_active(method)?;
            if !in_data {
                // SAFETY: plain libvirt call.
                if nopipe(|| unsafe { sys::virStreamSendHole(st.ptr(), len, 0) }) < 0 {
                    return Err(Failure::last_libvirt());
                }
                let r = h.skip(len).map_err(|e| handler_failure(method, "skip handler", e))?;
                if r < 0 {
                    return Err(negative(method, "skip handler", r));
                }
                continue;
            }
            data_left = len as u64;
        }
        let want = data_left.min(SVR_STREAM_CHUNK as u64) as usize;
        match send_chunk(st, h, want, method)? {
            0 => return Ok(total), // the source ended early
            n => {
                total += n;
                data_left -= n;
            }
        }
    }
}

/// Which loop to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Plain,
    Sparse,
}

/// Runs `recv_all` (or `sparse_recv_all`) on `stream`; on failure aborts the
/// stream and returns the failure. Returns the data bytes received.
pub fn recv_all<H: RecvHandler>(stream: &StreamRef, h: &mut H, mode: Mode, method: &str, read_ahead: &[u8]) -> Result<u64> {
    // Our own reference: a handler that destroys the script's object cannot
    // free the stream under the loop.
    let st = stream.clone();
    // Data small `recv` calls read ahead comes first.
    let r = deliver(h, read_ahead, method)
        .and_then(|()| recv_loop(&st, h, mode == Mode::Sparse, method))
        .map(|n| n + read_ahead.len() as u64);
    if r.is_err() {
        st.abort_quietly();
    }
    r
}

/// Runs `send_all` (or `sparse_send_all`) on `stream`; on failure aborts the
/// stream and returns the failure. Returns the data bytes sent.
pub fn send_all<H: SendHandler>(stream: &StreamRef, h: &mut H, mode: Mode, method: &str) -> Result<u64> {
    let st = stream.clone();
    let r = match mode {
        Mode::Plain => send_loop(&st, h, method),
        Mode::Sparse => sparse_send_loop(&st, h, method),
    };
    if r.is_err() {
        st.abort_quietly();
    }
    r
}

// ------------------------------------------------------ the C handlers ----

/// Offers `len` bytes at `data`; sets `*result` to the bytes consumed.
pub type SvrRecvDataFn = unsafe extern "C" fn(ctx: *mut c_void, data: *const c_char, len: usize, result: *mut i64) -> c_int;
/// Tells of a hole of `length` bytes (`sparse_recv_all`), or asks to skip
/// `length` bytes of the source (`sparse_send_all`); sets `*result`.
pub type SvrLengthFn = unsafe extern "C" fn(ctx: *mut c_void, length: i64, result: *mut i64) -> c_int;
/// Asks for up to `max` bytes: sets `*result` to the count the handler
/// returned and `*data`/`*len` to the bytes it filled (valid until the next
/// call on `ctx`).
pub type SvrFillFn = unsafe extern "C" fn(ctx: *mut c_void, max: usize, data: *mut *const c_char, len: *mut usize, result: *mut i64) -> c_int;
/// Asks where the source is: `*in_data` (0 or 1) and `*section_len`.
pub type SvrInDataFn = unsafe extern "C" fn(ctx: *mut c_void, in_data: *mut c_int, section_len: *mut i64) -> c_int;

/// The C side of a transfer: `ctx` and the callbacks the method needs
/// (unused ones may be NULL). Each callback returns an `SVR_HANDLER_*` status.
#[repr(C)]
pub struct SvrStreamHandlers {
    pub ctx: *mut c_void,
    pub data: Option<unsafe extern "C" fn(ctx: *mut c_void, data: *const c_char, len: usize, result: *mut i64) -> c_int>,
    pub hole: Option<unsafe extern "C" fn(ctx: *mut c_void, length: i64, result: *mut i64) -> c_int>,
    pub fill: Option<unsafe extern "C" fn(ctx: *mut c_void, max: usize, data: *mut *const c_char, len: *mut usize, result: *mut i64) -> c_int>,
    pub in_data: Option<unsafe extern "C" fn(ctx: *mut c_void, in_data: *mut c_int, section_len: *mut i64) -> c_int>,
    pub skip: Option<unsafe extern "C" fn(ctx: *mut c_void, length: i64, result: *mut i64) -> c_int>,
}

fn status(rc: c_int) -> std::result::Result<(), HandlerError> {
    match rc {
        SVR_HANDLER_OK => Ok(()),
        SVR_HANDLER_UNDEF => Err(HandlerError::Undef),
        SVR_HANDLER_WIDE => Err(HandlerError::WideCharacter),
        SVR_HANDLER_REFERENCE => Err(HandlerError::Reference),
        SVR_HANDLER_SHORT_LIST => Err(HandlerError::ShortList),
        _ => Err(HandlerError::Died),
    }
}

fn missing(what: &str) -> Failure {
    Failure::message(format!("internal error: no {what} callback given to the stream loop"))
}

struct CHandlers<'a>(&'a SvrStreamHandlers);

impl RecvHandler for CHandlers<'_> {
    fn data(&mut self, data: &[u8]) -> std::result::Result<i64, HandlerError> {
        let f = self.0.data.expect("checked before the loop");
        let mut r = 0i64;
        // SAFETY: the glue's callback, with a valid buffer and out pointer.
        status(unsafe { f(self.0.ctx, data.as_ptr() as *const c_char, data.len(), &mut r) })?;
        Ok(r)
    }

    fn hole(&mut self, length: i64) -> std::result::Result<i64, HandlerError> {
        let f = self.0.hole.expect("checked before the loop");
        let mut r = 0i64;
        // SAFETY: as above.
        status(unsafe { f(self.0.ctx, length, &mut r) })?;
        Ok(r)
    }
}

impl SendHandler for CHandlers<'_> {
    fn fill(&mut self, max: usize) -> std::result::Result<(i64, &[u8]), HandlerError> {
        let f = self.0.fill.expect("checked before the loop");
        let (mut data, mut len, mut r) = (ptr::null(), 0usize, 0i64);
        // SAFETY: as above.
        status(unsafe { f(self.0.ctx, max, &mut data, &mut len, &mut r) })?;
        let bytes = if data.is_null() || len == 0 {
            &[][..]
        } else {
            // SAFETY: the glue hands out the buffer of its scalar, valid
            // until it is called again.
            unsafe { std::slice::from_raw_parts(data as *const u8, len) }
        };
        Ok((r, bytes))
    }

    fn in_data(&mut self) -> std::result::Result<(bool, i64), HandlerError> {
        let f = self.0.in_data.expect("checked before the loop");
        let (mut in_data, mut len) = (0 as c_int, 0i64);
        // SAFETY: as above.
        status(unsafe { f(self.0.ctx, &mut in_data, &mut len) })?;
        Ok((in_data != 0, len))
    }

    fn skip(&mut self, length: i64) -> std::result::Result<i64, HandlerError> {
        let f = self.0.skip.expect("checked before the loop");
        let mut r = 0i64;
        // SAFETY: as above.
        status(unsafe { f(self.0.ctx, length, &mut r) })?;
        Ok(r)
    }
}

fn transfer(
    name: &str,
    method: &str,
    st: *const StreamHandle,
    h: *const SvrStreamHandlers,
    needs: &[&str],
    direction: Direction,
    run: impl FnOnce(&StreamRef, &mut CHandlers, &[u8]) -> Result<u64>,
) -> c_int {
    guard(name, -1, || {
        let s = this(st)?;
        s.check_usable(method, Some(direction))?;
        // SAFETY: the glue passes a valid table for the duration of the call.
        let table = unsafe { h.as_ref() }.ok_or_else(|| missing("handler table"))?;
        for what in needs {
            let present = match *what {
                "data" => table.data.is_some(),
                "hole" => table.hole.is_some(),
                "fill" => table.fill.is_some(),
                "in_data" => table.in_data.is_some(),
                _ => table.skip.is_some(),
            };
            if !present {
                return Err(missing(what));
            }
        }
        if s.nonblocking() {
            return Err(nonblocking_refused(method));
        }
        let stream = s.to_ref();
        let read_ahead = s.take_read_ahead();
        run(&stream, &mut CHandlers(table), &read_ahead)?;
        Ok(0)
    })
}

/// `recv_all`: receives to the end of the stream through `h->data`.
#[no_mangle]
pub extern "C" fn svr_stream_recv_all(st: *const StreamHandle, h: *const SvrStreamHandlers) -> c_int {
    let m = "Sys::Virt::Stream::recv_all";
    transfer("svr_stream_recv_all", m, st, h, &["data"], Direction::Read, |s, c, ra| recv_all(s, c, Mode::Plain, m, ra))
}

/// `sparse_recv_all`: as `recv_all`, holes go to `h->hole`.
#[no_mangle]
pub extern "C" fn svr_stream_sparse_recv_all(st: *const StreamHandle, h: *const SvrStreamHandlers) -> c_int {
    let m = "Sys::Virt::Stream::sparse_recv_all";
    transfer("svr_stream_sparse_recv_all", m, st, h, &["data", "hole"], Direction::Read, |s, c, ra| recv_all(s, c, Mode::Sparse, m, ra))
}

/// `send_all`: sends what `h->fill` produces until it returns 0.
#[no_mangle]
pub extern "C" fn svr_stream_send_all(st: *const StreamHandle, h: *const SvrStreamHandlers) -> c_int {
    let m = "Sys::Virt::Stream::send_all";
    transfer("svr_stream_send_all", m, st, h, &["fill"], Direction::Write, |s, c, _| send_all(s, c, Mode::Plain, m))
}

/// `sparse_send_all`: `h->in_data` tells data from holes, holes are sent
/// as such and skipped with `h->skip`.
#[no_mangle]
pub extern "C" fn svr_stream_sparse_send_all(st: *const StreamHandle, h: *const SvrStreamHandlers) -> c_int {
    let m = "Sys::Virt::Stream::sparse_send_all";
    transfer("svr_stream_sparse_send_all", m, st, h, &["fill", "in_data", "skip"], Direction::Write, |s, c, _| {
        send_all(s, c, Mode::Sparse, m)
    })
}

// ------------------------------------------------------- single calls ----

/// A new stream on `conn`; `flags` may hold `VIR_STREAM_NONBLOCK`.
#[no_mangle]
pub extern "C" fn svr_stream_new(conn: *const ConnHandle, flags: c_uint) -> *mut StreamHandle {
    guard("svr_stream_new", ptr::null_mut(), || {
        let c = this(conn)?;
        // A reference of the stream's own to the connection (dropped with it).
        // SAFETY: a valid connection.
        if unsafe { sys::virConnectRef(c.raw()) } < 0 {
            return Err(Failure::last_libvirt());
        }
        let conn = unsafe { virt::connect::Connect::from_ptr(c.raw()) };
        let stream = Stream::new(&conn, flags)?;
        let mut h = StreamHandle::new(stream, flags);
        // libvirt's test driver runs in this process; every other driver
        // with streams is reached through a daemon. (virConnectGetURI
        // formats the URI the client keeps: no round trip.)
        h.in_process = conn.uri().map_or(false, |u| u.starts_with("test:"));
        h.conn = Some(conn);
        Ok(Box::into_raw(Box::new(h)))
    })
}

/// Receives up to `nbytes` (at most `SVR_STREAM_RECV_MAX`) into `buf`.
/// Returns the bytes read, 0 at the end, -2 if it would block, -3 at a hole
/// (with `VIR_STREAM_RECV_STOP_AT_HOLE`), -1 on failure (recorded).
///
/// # Safety
/// `buf` must be writable for `nbytes` bytes.
#[no_mangle]
pub unsafe extern "C" fn svr_stream_recv(st: *const StreamHandle, buf: *mut c_char, nbytes: usize, flags: c_uint) -> isize {
    guard("svr_stream_recv", -1, || {
        let s = this(st)?;
        s.check_usable("Sys::Virt::Stream::recv", Some(Direction::Read))?;
        let n = nbytes.min(SVR_STREAM_RECV_MAX);
        if n > 0 && s.readahead.borrow().start < s.readahead.borrow().end || s.may_read_ahead(n, flags) {
            // SAFETY: the glue passes a buffer writable for `nbytes` >= `n`.
            return s.recv_buffered(std::slice::from_raw_parts_mut(buf as *mut u8, n));
        }
        // No SIGPIPE guard: receiving never writes to the daemon's socket
        // (checked with strace: the client's "wait for data" packet is not
        // transmitted), and the guard's syscalls would double the cost of
        // a small recv.
        let got = if flags == 0 {
            sys::virStreamRecv(s.ptr(), buf, n)
        } else {
            sys::virStreamRecvFlags(s.ptr(), buf, n, flags)
        };
        if got == -1 {
            return Err(Failure::last_libvirt());
        }
        if got == -2 {
            return s.would_block("Sys::Virt::Stream::recv");
        }
        Ok(got as isize)
    })
}

/// Sends `nbytes` from `data`. Returns the bytes sent, -2 if it would
/// block, -1 on failure (recorded).
///
/// # Safety
/// `data` must be readable for `nbytes` bytes.
#[no_mangle]
pub unsafe extern "C" fn svr_stream_send(st: *const StreamHandle, data: *const c_char, nbytes: usize) -> isize {
    guard("svr_stream_send", -1, || {
        let s = this(st)?;
        s.check_usable("Sys::Virt::Stream::send", Some(Direction::Write))?;
        let done = nopipe(|| sys::virStreamSend(s.ptr(), data, nbytes));
        if done == -1 {
            return Err(Failure::last_libvirt());
        }
        if done == -2 {
            return s.would_block("Sys::Virt::Stream::send");
        }
        Ok(done as isize)
    })
}

/// The length of the hole the stream is at, in `*length`.
///
/// # Safety
/// `length` must be writable.
#[no_mangle]
pub unsafe extern "C" fn svr_stream_recv_hole(st: *const StreamHandle, flags: c_uint, length: *mut i64) -> c_int {
    guard("svr_stream_recv_hole", -1, || {
        let s = this(st)?;
        s.check_usable("Sys::Virt::Stream::recv_hole", Some(Direction::Read))?;
        if !s.readahead.borrow().pending().is_empty() {
            // Data read ahead comes first: the stream is not at a hole.
            *length = 0;
            return Ok(0);
        }
        let mut len: c_longlong = 0;
        if nopipe(|| sys::virStreamRecvHole(s.ptr(), &mut len, flags)) < 0 {
            return Err(Failure::last_libvirt());
        }
        *length = len;
        Ok(0)
    })
}

/// Asks the far end to make a hole of `length` bytes.
#[no_mangle]
pub extern "C" fn svr_stream_send_hole(st: *const StreamHandle, length: i64, flags: c_uint) -> c_int {
    guard("svr_stream_send_hole", -1, || {
        let s = this(st)?;
        if length < 0 {
            return Err(Failure::message("Sys::Virt::Stream::send_hole: 'length' must not be negative"));
        }
        s.check_usable("Sys::Virt::Stream::send_hole", Some(Direction::Write))?;
        if length == 0 {
            // Nothing to make: not a libvirt call (as `send` of no bytes).
            return Ok(0);
        }
        // SAFETY: plain libvirt call.
        if nopipe(|| unsafe { sys::virStreamSendHole(s.ptr(), length, flags) }) < 0 {
            return Err(Failure::last_libvirt());
        }
        Ok(0)
    })
}

/// `finish` or `abort`: each ends an active stream once (`abort` also
/// after a failed `finish`); anything else is refused before libvirt.
fn end(name: &str, method: &str, st: *const StreamHandle, finish: bool) -> c_int {
    guard(name, -1, || {
        let h = this(st)?;
        match h.phase() {
            // (New: libvirt refuses it, there is no driver behind it.)
            Phase::Active | Phase::New => {}
            Phase::FinishFailed if !finish => {}
            Phase::FinishFailed => {
                return Err(invalid(format!("{method}: finish already failed on this stream: abort it")))
            }
            p => return Err(invalid(format!("{method}: the stream is already {}", p.ended_how()))),
        }
        h.readahead.borrow_mut().clear();
        let s = h.to_ref();
        s.close_callback();
        let call = if finish { sys::virStreamFinish } else { sys::virStreamAbort };
        // SAFETY: plain libvirt call on a stream we hold.
        if nopipe(|| unsafe { call(s.ptr()) }) < 0 {
            let f = Failure::last_libvirt();
            // A failed finish leaves the stream to abort; a failed abort
            // leaves nothing to do.
            s.phase.set(if finish { Phase::FinishFailed } else { Phase::Aborted });
            return Err(f);
        }
        s.phase.set(if finish { Phase::Finished } else { Phase::Aborted });
        Ok(0)
    })
}

#[no_mangle]
pub extern "C" fn svr_stream_finish(st: *const StreamHandle) -> c_int {
    end("svr_stream_finish", "Sys::Virt::Stream::finish", st, true)
}

#[no_mangle]
pub extern "C" fn svr_stream_abort(st: *const StreamHandle) -> c_int {
    end("svr_stream_abort", "Sys::Virt::Stream::abort", st, false)
}

// ------------------------------------------------------ event callback ----

/// Called on each stream event with the glue's context.
pub type SvrStreamEventFn = unsafe extern "C" fn(ctx: *mut c_void, events: c_int);
/// Releases the glue's context once libvirt drops the registration.
pub type SvrFreeFn = unsafe extern "C" fn(ctx: *mut c_void);

thread_local! {
    /// The live registrations of the interpreter's thread, by token.
    /// libvirt's opaque is the token, not a pointer: a driver that never
    /// calls the free function (the remote driver) then leaks nothing, and
    /// a callback or free function arriving late, or on another thread,
    /// finds no entry and does nothing.
    static REGISTRATIONS: RefCell<std::collections::HashMap<usize, Rc<EventCallback>>> =
        RefCell::new(std::collections::HashMap::new());
    static NEXT_TOKEN: Cell<usize> = const { Cell::new(1) };
}

fn registration(opaque: *mut c_void) -> Option<Rc<EventCallback>> {
    REGISTRATIONS.with(|r| r.borrow().get(&(opaque as usize)).cloned())
}

/// One registration, held by [`REGISTRATIONS`] and by the stream's
/// [`CallbackSlot`] until the callback is removed.
pub struct EventCallback {
    token: usize,
    cb: SvrStreamEventFn,
    free: SvrFreeFn,
    ctx: *mut c_void,
    /// The interpreter's thread: Perl is entered from nowhere else
    /// (DESIGN.md rule 3).
    thread: ThreadId,
    /// Whether `free(ctx)` ran.
    released: Cell<bool>,
    /// The process that registered it (a forked child's copy of the
    /// parent's stream may still report its end: not the child's to see).
    made_in: libc::pid_t,
}

impl EventCallback {
    /// Frees the glue's context, once.
    fn release(&self) {
        if !self.released.replace(true) {
            // SAFETY: the glue's free function with its own context, once.
            unsafe { (self.free)(self.ctx) };
        }
    }
}

unsafe extern "C" fn event_trampoline(_st: sys::virStreamPtr, events: c_int, opaque: *mut c_void) {
    guard("stream event callback", (), || {
        // Only the interpreter's thread finds its registrations.
        if let Some(cb) = registration(opaque) {
            if thread::current().id() == cb.thread && !cb.released.get() && crate::fork::made_elsewhere(cb.made_in).is_none() {
                // Nothing of `cb` is touched afterwards: the callback may
                // drop the stream and so release the registration.
                let (f, ctx) = (cb.cb, cb.ctx);
                drop(cb);
                f(ctx, events);
            }
        }
        Ok(())
    })
}

unsafe extern "C" fn event_free(opaque: *mut c_void) {
    guard("stream event callback free", (), || {
        // Off the interpreter's thread nothing is found: the context holds
        // Perl values and is released by our own removal instead.
        if let Some(cb) = REGISTRATIONS.with(|r| r.borrow_mut().remove(&(opaque as usize))) {
            cb.release();
        }
        Ok(())
    })
}

/// How many stream callbacks are registered on this thread (for the test
/// suite: proves removals release everything).
#[no_mangle]
pub extern "C" fn svr_stream_live_callbacks() -> c_int {
    REGISTRATIONS.with(|r| r.borrow().len() as c_int)
}

/// Registers `cb(ctx, events)` for `events`; `free(ctx)` runs when libvirt
/// drops the registration. On failure nothing is kept and `free` is not
/// called: the glue releases `ctx` itself.
#[no_mangle]
pub extern "C" fn svr_stream_add_callback(
    st: *const StreamHandle,
    events: c_int,
    cb: Option<unsafe extern "C" fn(ctx: *mut c_void, events: c_int)>,
    free: Option<unsafe extern "C" fn(ctx: *mut c_void)>,
    ctx: *mut c_void,
) -> c_int {
    crate::boundary::guard_io("svr_stream_add_callback", -1, || {
        let s = this(st)?;
        s.check_usable("Sys::Virt::Stream::add_callback", None)?;
        if s.callback.get() == CallbackState::Registered {
            return Err(invalid(
                "Sys::Virt::Stream::add_callback: a callback is already registered on this stream (remove_callback first)".into(),
            ));
        }
        let (cb, free) = match (cb, free) {
            (Some(cb), Some(free)) => (cb, free),
            _ => return Err(missing("event")),
        };
        let token = NEXT_TOKEN.with(|n| n.replace(n.get() + 1));
        let reg = Rc::new(EventCallback { token, cb, free, ctx, thread: thread::current().id(), released: Cell::new(false), made_in: crate::fork::pid() });
        REGISTRATIONS.with(|r| r.borrow_mut().insert(token, reg.clone()));
        // SAFETY: the opaque is a number, never dereferenced.
        let rc = unsafe {
            sys::virStreamEventAddCallback(s.ptr(), events, Some(event_trampoline), token as *mut c_void, Some(event_free))
        };
        if rc < 0 {
            let f = Failure::last_libvirt();
            // Not released: the glue frees `ctx` itself.
            REGISTRATIONS.with(|r| r.borrow_mut().remove(&token));
            return Err(f);
        }
        *s.callback.reg.borrow_mut() = Some(reg);
        s.callback.set(CallbackState::Registered);
        Ok(0)
    })
}

#[no_mangle]
pub extern "C" fn svr_stream_update_callback(st: *const StreamHandle, events: c_int) -> c_int {
    crate::boundary::guard_io("svr_stream_update_callback", -1, || {
        let s = this(st)?;
        s.check_usable("Sys::Virt::Stream::update_callback", None)?;
        // SAFETY: plain libvirt call.
        if unsafe { sys::virStreamEventUpdateCallback(s.ptr(), events) } < 0 {
            return Err(Failure::last_libvirt());
        }
        Ok(0)
    })
}

#[no_mangle]
pub extern "C" fn svr_stream_remove_callback(st: *const StreamHandle) -> c_int {
    crate::boundary::guard_io("svr_stream_remove_callback", -1, || {
        let s = this(st)?;
        if s.callback.get() == CallbackState::RemovedByClose {
            s.callback.set(CallbackState::None);
            return Ok(0);
        }
        // SAFETY: plain libvirt call.
        if unsafe { sys::virStreamEventRemoveCallback(s.ptr()) } < 0 {
            return Err(Failure::last_libvirt());
        }
        s.callback.removed();
        s.callback.set(CallbackState::None);
        Ok(0)
    })
}

/// A libvirt stream reference that may cross threads: libvirt objects
/// are thread-safe, and this one is used by one thread at a time.
struct SendStream(sys::virStreamPtr);

// SAFETY: see above; the pointer holds a reference of its own.
unsafe impl Send for SendStream {}

/// Aborts `s` on a thread of its own, which then drops its reference: the
/// daemon learns that the stream is gone, and nobody waits for its answer.
/// If no thread can be made, the stream is only released (as the classic
/// binding does); the daemon then drops its side with the connection.
fn abort_in_background(s: &StreamRef) {
    // SAFETY: a reference of our own, released by the thread (or below).
    if unsafe { sys::virStreamRef(s.ptr()) } < 0 {
        // SAFETY: plain libvirt call.
        unsafe { sys::virResetLastError() };
        return;
    }
    let st = SendStream(s.ptr());
    aborts::started();
    let spawned = thread::Builder::new().name("svr-stream-abort".into()).spawn(move || {
        let st = st;
        // SAFETY: our reference, used and released on this thread only.
        // Perl is never entered here: the event callback was removed, and
        // libvirt callbacks on other threads are deferred to the owner.
        crate::boundary::without_sigpipe(|| unsafe {
            sys::virStreamAbort(st.0);
            sys::virResetLastError();
            sys::virStreamFree(st.0);
        });
        aborts::ended();
    });
    if let Err(e) = spawned {
        // The closure was dropped unrun: release its reference here.
        drop(e);
        aborts::ended();
        // SAFETY: the reference taken above.
        unsafe { sys::virStreamFree(s.ptr()) };
    }
}

/// The aborts still on their way, which the process's exit waits for.
///
/// A daemon whose client sends a stream abort and closes its socket before
/// the answer can hang for good: in recent daemons (11.3; not 9.0) the stream
/// event handler closes the client while it holds the client's lock, and
/// the close takes that lock again (`daemonStreamEvent`,
/// `remoteClientFreePrivateCallbacks`). A script that drops a stream and
/// exits did just that. So `exit` (an `atexit` handler, after Perl's
/// global destruction) waits for them, a bounded time: a daemon that does
/// not answer (stopped) does not hold the exit.
mod aborts {
    use std::sync::{Condvar, Mutex, Once};
    use std::time::{Duration, Instant};

    /// How long exit waits for the daemons' answers at most.
    pub const EXIT_WAIT: Duration = Duration::from_secs(5);

    /// (process the count belongs to, aborts in flight): a forked child
    /// has none of its parent's threads.
    static IN_FLIGHT: Mutex<(i32, usize)> = Mutex::new((0, 0));
    static DONE: Condvar = Condvar::new();

    fn lock() -> std::sync::MutexGuard<'static, (i32, usize)> {
        IN_FLIGHT.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn started() {
        static AT_EXIT: Once = Once::new();
        // SAFETY: a plain function of this library, which Perl never unloads.
        AT_EXIT.call_once(|| unsafe {
            libc::atexit(at_exit);
        });
        let pid = crate::fork::pid();
        let mut n = lock();
        *n = (pid, if n.0 == pid { n.1 + 1 } else { 1 });
    }

    pub fn ended() {
        let mut n = lock();
        n.1 = n.1.saturating_sub(1);
        DONE.notify_all();
    }

    /// Waits until no abort of this process is in flight, or `limit` passed;
    /// true when none is left.
    pub fn wait(limit: Duration) -> bool {
        let end = Instant::now() + limit;
        let pid = crate::fork::pid();
        let mut n = lock();
        while n.0 == pid && n.1 > 0 {
            let now = Instant::now();
            if now >= end {
                return false;
            }
            n = DONE.wait_timeout(n, end - now).unwrap_or_else(|e| e.into_inner()).0;
        }
        true
    }

    extern "C" fn at_exit() {
        // Nothing may unwind into libc's exit.
        let _ = std::panic::catch_unwind(|| wait(EXIT_WAIT));
    }
}

/// Releases the handle, removing a callback still registered.
///
/// # Safety
/// `st` must be NULL or a handle from this library, freed once.
#[no_mangle]
pub unsafe extern "C" fn svr_stream_free(st: *mut StreamHandle) {
    crate::boundary::guard_io("svr_stream_free", (), || {
        if !st.is_null() {
            if crate::fork::forked() && (*st).inherited_from().is_some() {
                // The parent's: its abort and its connection's release
                // would talk to the parent's daemon. Left as it is.
                return Ok(());
            }
            let h = Box::from_raw(st);
            let s = h.to_ref();
            s.close_callback();
            if s.phase.get().may_abort() {
                // Dropped without finish or abort: libvirt says an active
                // stream must be aborted before it is freed (an fd stream
                // otherwise keeps its reader thread and buffers for ever).
                // (An fd stream of this process is aborted here; one served
                // by a daemon from a thread of its own, as the daemon's
                // answer may never come: a drop, DESTROY or global
                // destruction, must not wait on it.)
                s.abort_quietly();
            }
            drop(s);
            drop(h);
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests;
