//! The stream loops against real libvirt: test:///default's screenshot
//! (a 33,443-byte PNG through an fd stream), no Perl involved.

use super::*;
use crate::error::take;
use std::sync::Once;
use virt::connect::Connect;

const PNG_SIZE: usize = 33_443;

fn quiet() {
    static ONCE: Once = Once::new();
    ONCE.call_once(virt::error::clear_error_callback);
}

fn conn() -> Connect {
    quiet();
    Connect::open(Some("test:///default")).expect("test:///default")
}

/// A stream carrying the screenshot of domain `test`.
fn screenshot(conn: &Connect, flags: c_uint) -> StreamRef {
    StreamRef::new(screenshot_stream(conn, flags))
}

fn screenshot_stream(conn: &Connect, flags: c_uint) -> Stream {
    let dom = conn.lookup_domain_by_name("test").expect("domain test");
    let st = Stream::new(conn, flags).expect("stream");
    let mime = dom.screenshot(&st, 0, 0).expect("screenshot");
    assert_eq!(mime, "image/png");
    st
}

/// What `virsh screenshot` writes, when virsh is installed.
fn reference_png() -> Option<Vec<u8>> {
    // A file of each call's own: tests run in parallel threads of one process.
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let file = std::env::temp_dir().join(format!("svr-shot-{}-{n}.png", std::process::id()));
    let ok = std::process::Command::new("virsh")
        .args(["-q", "-c", "test:///default", "screenshot", "test"])
        .arg(&file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    let data = if ok { std::fs::read(&file).ok() } else { None };
    std::fs::remove_file(&file).ok();
    data
}

/// Collects data, consuming at most `step` bytes per call (0: all), and
/// answering `reply` instead once `fail_after` calls are done.
struct Sink {
    got: Vec<u8>,
    calls: usize,
    step: usize,
    overclaim: bool,
    fail_after: Option<(usize, std::result::Result<i64, HandlerError>)>,
    holes: Vec<i64>,
}

impl Sink {
    fn new(step: usize) -> Sink {
        Sink { got: Vec::new(), calls: 0, step, overclaim: false, fail_after: None, holes: Vec::new() }
    }
}

impl RecvHandler for Sink {
    fn data(&mut self, data: &[u8]) -> std::result::Result<i64, HandlerError> {
        self.calls += 1;
        if let Some((n, reply)) = self.fail_after {
            if self.calls > n {
                return reply;
            }
        }
        let take = if self.step == 0 { data.len() } else { data.len().min(self.step) };
        self.got.extend_from_slice(&data[..take]);
        Ok(if self.overclaim { take as i64 * 10 + 7 } else { take as i64 })
    }

    fn hole(&mut self, length: i64) -> std::result::Result<i64, HandlerError> {
        self.holes.push(length);
        Ok(0)
    }
}

fn assert_png(data: &[u8]) {
    assert_eq!(data.len(), PNG_SIZE);
    assert_eq!(&data[..8], b"\x89PNG\r\n\x1a\n");
    if let Some(reference) = reference_png() {
        assert!(data == reference.as_slice(), "differs from virsh screenshot");
    }
}

#[test]
fn recv_all_reads_the_screenshot() {
    let c = conn();
    let st = screenshot(&c, 0);
    let mut sink = Sink::new(0);
    let n = recv_all(&st, &mut sink, Mode::Plain, "t", &[]).expect("recv_all");
    assert_eq!(n as usize, PNG_SIZE);
    assert_png(&sink.got);
    st.stream().clone().finish().expect("finish");
}

#[test]
fn sparse_recv_all_on_a_stream_without_holes() {
    let c = conn();
    let st = screenshot(&c, 0);
    let mut sink = Sink::new(0);
    match recv_all(&st, &mut sink, Mode::Sparse, "t", &[]) {
        Ok(n) => {
            assert_eq!(n as usize, PNG_SIZE);
            assert_png(&sink.got);
            assert!(sink.holes.is_empty());
        }
        // A driver without sparse support says so through libvirt.
        Err(f) => assert!(matches!(f, Failure::Libvirt { .. }), "{f:?}"),
    }
}

#[test]
fn short_counts_are_offered_again() {
    for step in [1usize, 7, 4096] {
        let c = conn();
        let st = screenshot(&c, 0);
        let mut sink = Sink::new(step);
        recv_all(&st, &mut sink, Mode::Plain, "t", &[]).expect("recv_all");
        assert_png(&sink.got);
        assert!(sink.calls >= PNG_SIZE / step, "step {step}: {} calls", sink.calls);
        st.stream().clone().finish().unwrap();
    }
}

#[test]
fn claiming_more_than_given_is_cut() {
    let c = conn();
    let st = screenshot(&c, 0);
    let mut sink = Sink::new(1000);
    sink.overclaim = true;
    recv_all(&st, &mut sink, Mode::Plain, "t", &[]).expect("recv_all");
    // The claim is cut to what it was given, so it sees the rest of each
    // chunk once: what it kept is the first 1000 bytes of each offer.
    assert!(sink.got.len() < PNG_SIZE);
    assert_eq!(&sink.got[..8], b"\x89PNG\r\n\x1a\n");
    st.stream().clone().finish().unwrap();
}

fn failing_recv(reply: std::result::Result<i64, HandlerError>, expect: &str) {
    let c = conn();
    let st = screenshot(&c, 0);
    let mut sink = Sink::new(100);
    sink.fail_after = Some((2, reply));
    let err = recv_all(&st, &mut sink, Mode::Plain, "M::recv_all", &[]).unwrap_err();
    assert!(err.text().starts_with("M::recv_all: "), "{err:?}");
    assert!(err.text().contains(expect), "{err:?} lacks {expect:?}");
    assert_eq!(sink.calls, 3, "stopped at the failing call");
    // The loop aborted the stream: using it again is libvirt's error.
    let mut buf = [0u8; 16];
    assert!(st.stream().recv(&mut buf).is_err(), "stream still usable after abort");
}

#[test]
fn failing_handlers_stop_and_abort() {
    failing_recv(Ok(-1), "returned -1");
    failing_recv(Ok(-42), "returned -42");
    failing_recv(Ok(0), "consumed none of the");
    failing_recv(Err(HandlerError::Undef), "returned undef");
    failing_recv(Err(HandlerError::Died), "died");
}

#[test]
fn recv_after_finish_is_a_libvirt_error() {
    let c = conn();
    let st = screenshot(&c, 0);
    let mut sink = Sink::new(0);
    recv_all(&st, &mut sink, Mode::Plain, "t", &[]).unwrap();
    let again = st.clone();
    st.stream().clone().finish().unwrap();
    let mut sink = Sink::new(0);
    match recv_all(&again, &mut sink, Mode::Plain, "t", &[]) {
        Err(Failure::Libvirt { message, .. }) => assert!(!message.is_empty()),
        Ok(n) => assert_eq!(n, 0, "a finished stream gives no more data"),
        Err(f) => panic!("{f:?}"),
    }
}

/// A source of `data`, `max` bytes at a time; `claim` overrides the count.
struct Source {
    data: Vec<u8>,
    pos: usize,
    buf: Vec<u8>,
    calls: usize,
    claim: Option<i64>,
    sections: Vec<(bool, i64)>,
    skipped: Vec<i64>,
}

impl Source {
    fn new(data: &[u8]) -> Source {
        Source { data: data.to_vec(), pos: 0, buf: Vec::new(), calls: 0, claim: None, sections: Vec::new(), skipped: Vec::new() }
    }
}

impl SendHandler for Source {
    fn fill(&mut self, max: usize) -> std::result::Result<(i64, &[u8]), HandlerError> {
        self.calls += 1;
        let n = (self.data.len() - self.pos).min(max);
        self.buf = self.data[self.pos..self.pos + n].to_vec();
        self.pos += n;
        Ok((self.claim.unwrap_or(n as i64), &self.buf))
    }

    fn in_data(&mut self) -> std::result::Result<(bool, i64), HandlerError> {
        if self.sections.is_empty() {
            return Err(HandlerError::ShortList);
        }
        Ok(self.sections.remove(0))
    }

    fn skip(&mut self, length: i64) -> std::result::Result<i64, HandlerError> {
        self.skipped.push(length);
        Ok(0)
    }
}

#[test]
fn send_all_to_a_stream_nobody_reads_fails_cleanly() {
    // test:///default has no upload: a fresh stream attached to nothing
    // refuses data, which must come back as libvirt's error after the
    // handler was asked once, with the stream aborted.
    let c = conn();
    let st = StreamRef::new(Stream::new(&c, 0).unwrap());
    let mut src = Source::new(b"hello");
    let err = send_all(&st, &mut src, Mode::Plain, "t").unwrap_err();
    assert!(matches!(err, Failure::Libvirt { .. }), "{err:?}");
    assert_eq!(src.calls, 1);
}

#[test]
fn send_handler_answers_are_checked() {
    let c = conn();
    for (claim, expect) in [(-1i64, "returned -1"), (9, "returned 9 but filled only 5 bytes")] {
        let st = StreamRef::new(Stream::new(&c, 0).unwrap());
        let mut src = Source::new(b"hello");
        src.claim = Some(claim);
        let err = send_all(&st, &mut src, Mode::Plain, "M::send_all").unwrap_err();
        assert!(err.text().contains(expect), "{err:?}");
    }
    // 0 is the end of the source: nothing is sent, nothing fails.
    let st = StreamRef::new(Stream::new(&c, 0).unwrap());
    let mut src = Source::new(b"");
    assert_eq!(send_all(&st, &mut src, Mode::Plain, "t").unwrap(), 0);
}

#[test]
fn sparse_send_handler_answers_are_checked() {
    let c = conn();
    let st = StreamRef::new(Stream::new(&c, 0).unwrap());
    let mut src = Source::new(b"");
    src.sections = vec![(true, -5)];
    let err = send_all(&st, &mut src, Mode::Sparse, "M::s").unwrap_err();
    assert!(err.text().contains("negative section length (-5)"), "{err:?}");

    let st = StreamRef::new(Stream::new(&c, 0).unwrap());
    let mut src = Source::new(b"");
    let err = send_all(&st, &mut src, Mode::Sparse, "M::s").unwrap_err();
    assert!(err.text().contains("($in_data, $section_len)"), "{err:?}");

    // An empty source ends at once, without a libvirt call.
    let st = StreamRef::new(Stream::new(&c, 0).unwrap());
    let mut src = Source::new(b"");
    src.sections = vec![(true, 0)];
    assert_eq!(send_all(&st, &mut src, Mode::Sparse, "M::s").unwrap(), 0);
}

// ---------------------------------------------------- through the C ABI ----

struct CSink {
    got: Vec<u8>,
    reply: Option<(c_int, i64)>,
}

unsafe extern "C" fn c_data(ctx: *mut c_void, data: *const c_char, len: usize, result: *mut i64) -> c_int {
    let s = &mut *(ctx as *mut CSink);
    if let Some((st, v)) = s.reply {
        *result = v;
        return st;
    }
    s.got.extend_from_slice(std::slice::from_raw_parts(data as *const u8, len));
    *result = len as i64;
    SVR_HANDLER_OK
}

/// A handle for a screenshot stream (started for reading).
fn handle_for(st: Stream, flags: c_uint) -> *mut StreamHandle {
    let h = StreamHandle::new(st, flags);
    h.started(Direction::Read);
    Box::into_raw(Box::new(h))
}

/// A handle for a stream nothing started.
fn new_handle(st: Stream) -> *mut StreamHandle {
    Box::into_raw(Box::new(StreamHandle::new(st, 0)))
}

fn table(sink: &mut CSink) -> SvrStreamHandlers {
    SvrStreamHandlers {
        ctx: sink as *mut CSink as *mut c_void,
        data: Some(c_data),
        hole: None,
        fill: None,
        in_data: None,
        skip: None,
    }
}

#[test]
fn c_abi_recv_all() {
    let c = conn();
    let h = handle_for(screenshot_stream(&c, 0), 0);
    let mut sink = CSink { got: Vec::new(), reply: None };
    assert_eq!(svr_stream_recv_all(h, &table(&mut sink)), 0, "{:?}", take());
    assert_png(&sink.got);
    assert_eq!(svr_stream_finish(h), 0);
    // A second finish is refused before libvirt.
    assert_eq!(svr_stream_finish(h), -1);
    assert!(take().unwrap().text().contains("already finished"));
    unsafe { svr_stream_free(h) };
}

#[test]
fn c_abi_statuses_become_failures() {
    let c = conn();
    for (status, expect) in [
        (SVR_HANDLER_DIED, "died"),
        (SVR_HANDLER_UNDEF, "returned undef"),
        (SVR_HANDLER_REFERENCE, "reference"),
        (SVR_HANDLER_OK, "returned -1"),
    ] {
        let h = handle_for(screenshot_stream(&c, 0), 0);
        let mut sink = CSink { got: Vec::new(), reply: Some((status, -1)) };
        assert_eq!(svr_stream_recv_all(h, &table(&mut sink)), -1);
        let f = take().expect("failure recorded");
        assert!(f.text().contains(expect), "{f:?}");
        assert!(f.text().starts_with("Sys::Virt::Stream::recv_all: "), "{f:?}");
        unsafe { svr_stream_free(h) };
    }
}

#[test]
fn c_abi_refuses_missing_callbacks_and_nonblocking_streams() {
    let c = conn();
    let h = handle_for(screenshot_stream(&c, 0), 0);
    let mut sink = CSink { got: Vec::new(), reply: None };
    let mut t = table(&mut sink);
    t.hole = None;
    assert_eq!(svr_stream_sparse_recv_all(h, &t), -1);
    assert!(take().unwrap().text().contains("no hole callback"));
    unsafe { svr_stream_free(h) };

    let h = handle_for(screenshot_stream(&c, sys::VIR_STREAM_NONBLOCK), sys::VIR_STREAM_NONBLOCK);
    assert_eq!(svr_stream_recv_all(h, &table(&mut sink)), -1);
    assert!(take().unwrap().text().contains("non-blocking"));
    unsafe { svr_stream_free(h) };

    assert_eq!(svr_stream_recv_all(ptr::null(), &table(&mut sink)), -1);
    assert_eq!(take().unwrap().text(), "the stream is no longer valid");
}

#[test]
fn c_abi_recv_in_small_and_absurd_sizes() {
    let c = conn();
    let h = handle_for(screenshot_stream(&c, 0), 0);
    let mut got = Vec::new();
    let mut buf = vec![0u8; SVR_STREAM_RECV_MAX];
    let mut sizes = [1usize, 7, 4096, usize::MAX].iter().cycle();
    loop {
        let want = *sizes.next().unwrap();
        // An absurd request is capped at SVR_STREAM_RECV_MAX: the buffer
        // only needs to be that large.
        let n = unsafe { svr_stream_recv(h, buf.as_mut_ptr() as *mut c_char, want, 0) };
        assert!(n >= 0, "{:?}", take());
        if n == 0 {
            break;
        }
        assert!(n as usize <= want.min(SVR_STREAM_RECV_MAX));
        got.extend_from_slice(&buf[..n as usize]);
    }
    assert_png(&got);
    assert_eq!(svr_stream_finish(h), 0);
    unsafe { svr_stream_free(h) };
}

#[test]
fn c_abi_send_hole_rejects_negative_length() {
    let c = conn();
    let h = handle_for(Stream::new(&c, 0).unwrap(), 0);
    assert_eq!(svr_stream_send_hole(h, -1, 0), -1);
    assert!(take().unwrap().text().contains("must not be negative"));
    unsafe { svr_stream_free(h) };
}

/// What libvirt would crash or hang on is refused before it: calls in the
/// wrong direction, after the end, or before the start.
#[test]
fn state_and_direction_are_checked_before_libvirt() {
    let c = conn();
    let text = |rc: c_int| -> String {
        assert_eq!(rc, -1);
        match take() {
            Some(f @ Failure::Libvirt { .. }) => f.text().to_string(),
            other => panic!("{other:?}"),
        }
    };
    // Not started: libvirt's own refusal (no driver behind the stream).
    let h = new_handle(Stream::new(&c, 0).unwrap());
    let mut buf = [0u8; 16];
    assert!(!text(unsafe { svr_stream_recv(h, buf.as_mut_ptr() as *mut c_char, 16, 0) } as c_int).is_empty());
    assert!(!text(svr_stream_finish(h)).is_empty());
    unsafe { svr_stream_free(h) };
    // A screenshot stream reads: sending is refused, also after the end.
    let h = handle_for(screenshot_stream(&c, 0), 0);
    assert!(text(svr_stream_send_hole(h, 1 << 20, 0)).contains("cannot send"));
    assert!(text(unsafe { svr_stream_send(h, b"x".as_ptr() as *const c_char, 1) } as c_int).contains("cannot send"));
    assert_eq!(svr_stream_finish(h), 0, "{:?}", take());
    assert!(text(svr_stream_send_hole(h, 1 << 20, 0)).contains("finished"));
    assert!(text(unsafe { svr_stream_recv(h, buf.as_mut_ptr() as *mut c_char, 16, 0) } as c_int).contains("finished"));
    assert!(text(svr_stream_abort(h)).contains("already finished"));
    unsafe { svr_stream_free(h) };
    // Aborted: nothing but the drop.
    let h = handle_for(screenshot_stream(&c, sys::VIR_STREAM_NONBLOCK), sys::VIR_STREAM_NONBLOCK);
    assert_eq!(svr_stream_abort(h), 0, "{:?}", take());
    assert!(text(svr_stream_abort(h)).contains("already aborted"));
    assert!(text(svr_stream_finish(h)).contains("already aborted"));
    unsafe { svr_stream_free(h) };
}

// ------------------------------------------------------- event callback ----

struct Events {
    seen: Vec<c_int>,
    data: Vec<u8>,
    done: bool,
    freed: bool,
    st: *const StreamHandle,
}

unsafe extern "C" fn on_event(ctx: *mut c_void, events: c_int) {
    let e = &mut *(ctx as *mut Events);
    e.seen.push(events);
    let mut buf = vec![0u8; 65536];
    loop {
        let n = svr_stream_recv(e.st, buf.as_mut_ptr() as *mut c_char, buf.len(), 0);
        match n {
            -2 => return,
            0 => {
                e.done = true;
                return;
            }
            n if n > 0 => e.data.extend_from_slice(&buf[..n as usize]),
            _ => {
                take();
                e.done = true;
                return;
            }
        }
    }
}

unsafe extern "C" fn on_free(ctx: *mut c_void) {
    (*(ctx as *mut Events)).freed = true;
}

#[test]
fn nonblocking_screenshot_through_the_event_loop() {
    quiet();
    // SAFETY: registering libvirt's loop once per process is allowed; other
    // tests do not depend on its absence.
    assert!(unsafe { sys::virEventRegisterDefaultImpl() } >= 0);
    let c = conn();
    let h = handle_for(screenshot_stream(&c, sys::VIR_STREAM_NONBLOCK), sys::VIR_STREAM_NONBLOCK);
    let mut ev = Events { seen: Vec::new(), data: Vec::new(), done: false, freed: false, st: h };
    let rc = svr_stream_add_callback(
        h,
        (sys::VIR_STREAM_EVENT_READABLE | sys::VIR_STREAM_EVENT_HANGUP) as c_int,
        Some(on_event),
        Some(on_free),
        &mut ev as *mut Events as *mut c_void,
    );
    assert_eq!(rc, 0, "{:?}", take());
    // A timer keeps the loop from blocking for ever.
    extern "C" fn tick(_t: c_int, _o: *mut c_void) {}
    let timer = unsafe { sys::virEventAddTimeout(50, Some(tick), ptr::null_mut(), None) };
    for _ in 0..200 {
        if ev.done {
            break;
        }
        unsafe { sys::virEventRunDefaultImpl() };
    }
    assert!(ev.done, "stream never ended: {:?}", ev.seen);
    assert!(!ev.seen.is_empty());
    assert_png(&ev.data);
    assert_eq!(svr_stream_finish(h), 0);
    // Dropping the stream removes the registration; libvirt frees it on a
    // later loop iteration.
    unsafe { svr_stream_free(h) };
    for _ in 0..5 {
        if ev.freed {
            break;
        }
        unsafe { sys::virEventRunDefaultImpl() };
    }
    unsafe { sys::virEventRemoveTimeout(timer) };
    assert!(ev.freed, "registration never freed");
}

#[test]
fn small_recvs_read_ahead_and_recv_all_gets_the_rest() {
    let c = conn();
    let h = handle_for(screenshot_stream(&c, 0), 0);
    let mut got = Vec::new();
    let mut buf = [0u8; 1000];
    // A few small reads: served from one libvirt read.
    for _ in 0..3 {
        let n = unsafe { svr_stream_recv(h, buf.as_mut_ptr() as *mut c_char, buf.len(), 0) };
        assert_eq!(n, 1000, "{:?}", take());
        got.extend_from_slice(&buf);
    }
    assert!(!unsafe { &*h }.readahead.borrow().pending().is_empty(), "data is buffered");
    // Not at a hole while buffered data remains.
    let mut hole = -1i64;
    assert_eq!(unsafe { svr_stream_recv_hole(h, 0, &mut hole) }, 0);
    assert_eq!(hole, 0);
    // recv_all starts with what was read ahead.
    let mut sink = CSink { got: Vec::new(), reply: None };
    assert_eq!(svr_stream_recv_all(h, &table(&mut sink)), 0, "{:?}", take());
    got.extend_from_slice(&sink.got);
    assert_png(&got);
    assert_eq!(svr_stream_finish(h), 0);
    unsafe { svr_stream_free(h) };
}

#[test]
fn small_recvs_to_the_end() {
    let c = conn();
    let h = handle_for(screenshot_stream(&c, 0), 0);
    let mut got = Vec::new();
    let mut buf = [0u8; 7];
    loop {
        let n = unsafe { svr_stream_recv(h, buf.as_mut_ptr() as *mut c_char, buf.len(), 0) };
        assert!(n >= 0, "{:?}", take());
        if n == 0 {
            break;
        }
        got.extend_from_slice(&buf[..n as usize]);
    }
    assert_png(&got);
    assert_eq!(svr_stream_finish(h), 0);
    unsafe { svr_stream_free(h) };
}

unsafe extern "C" fn count_free(ctx: *mut c_void) {
    *(ctx as *mut u32) += 1;
}

unsafe extern "C" fn never(_ctx: *mut c_void, _events: c_int) {}

#[test]
fn removing_a_callback_releases_its_context_once() {
    quiet();
    // SAFETY: see nonblocking_screenshot_through_the_event_loop.
    assert!(unsafe { sys::virEventRegisterDefaultImpl() } >= 0);
    let c = conn();
    let h = handle_for(screenshot_stream(&c, sys::VIR_STREAM_NONBLOCK), sys::VIR_STREAM_NONBLOCK);
    let mut freed: u32 = 0;
    let ctx = &mut freed as *mut u32 as *mut c_void;
    let ev = sys::VIR_STREAM_EVENT_READABLE as c_int;
    assert_eq!(svr_stream_add_callback(h, ev, Some(never), Some(count_free), ctx), 0, "{:?}", take());
    assert_eq!(svr_stream_remove_callback(h), 0, "{:?}", take());
    // Released by the removal itself, whatever the driver does with the
    // free function (the remote driver never calls it).
    assert_eq!(unsafe { *(ctx as *mut u32) }, 1);
    extern "C" fn tick(_t: c_int, _o: *mut c_void) {}
    let timer = unsafe { sys::virEventAddTimeout(0, Some(tick), ptr::null_mut(), None) };
    for _ in 0..3 {
        unsafe { sys::virEventRunDefaultImpl() };
    }
    assert_eq!(unsafe { *(ctx as *mut u32) }, 1, "freed twice");
    // Again, then the stream dropped with it registered.
    assert_eq!(svr_stream_add_callback(h, ev, Some(never), Some(count_free), ctx), 0, "{:?}", take());
    unsafe { svr_stream_free(h) };
    for _ in 0..3 {
        unsafe { sys::virEventRunDefaultImpl() };
    }
    unsafe { sys::virEventRemoveTimeout(timer) };
    assert_eq!(unsafe { *(ctx as *mut u32) }, 2);
}
