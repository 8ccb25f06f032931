//! The transfer engine against test:///default's screenshot stream (a
//! 33,443-byte PNG), no Perl involved. Uploads and sparse transfers need a
//! daemon: the Perl tests (t/11-transfer-*.t) cover them.

use super::*;
use crate::stream::{svr_stream_free, svr_stream_recv_all, SvrStreamHandlers, SVR_HANDLER_OK};
use std::path::PathBuf;
use virt::connect::Connect;
use virt::stream::Stream;

const PNG_SIZE: u64 = 33_443;

fn conn() -> Connect {
    virt::error::clear_error_callback();
    Connect::open(Some("test:///default")).expect("test:///default")
}

fn screenshot_handle(c: &Connect) -> *mut StreamHandle {
    let dom = c.lookup_domain_by_name("test").expect("domain test");
    let st = Stream::new(c, 0).expect("stream");
    dom.screenshot(&st, 0, 0).expect("screenshot");
    Box::into_raw(Box::new(StreamHandle::new(st, 0)))
}

/// The glue of these tests: the stream, and what progress answers.
struct Glue {
    st: *mut StreamHandle,
    calls: Vec<(u64, i64, u64)>,
    answer_after: Option<(usize, c_int)>,
    done: Option<(c_int, u64)>,
    freed: bool,
}

unsafe extern "C" fn g_stream(ctx: *mut c_void) -> *const StreamHandle {
    (*(ctx as *mut Glue)).st
}

unsafe extern "C" fn g_progress(ctx: *mut c_void, done: u64, total: i64, holes: u64) -> c_int {
    let g = &mut *(ctx as *mut Glue);
    g.calls.push((done, total, holes));
    match g.answer_after {
        Some((n, a)) if g.calls.len() > n => a,
        _ => SVR_PROGRESS_CONTINUE,
    }
}

unsafe extern "C" fn g_done(ctx: *mut c_void, ok: c_int, done: u64, _holes: u64) {
    (*(ctx as *mut Glue)).done = Some((ok, done));
}

unsafe extern "C" fn g_free(ctx: *mut c_void) {
    (*(ctx as *mut Glue)).freed = true;
}

fn glue(g: &mut Glue) -> SvrTransferGlue {
    SvrTransferGlue {
        ctx: g as *mut Glue as *mut c_void,
        stream: Some(g_stream),
        progress: Some(g_progress),
        done: Some(g_done),
        free: Some(g_free),
    }
}

fn opts(interval: f64) -> SvrTransferOpts {
    SvrTransferOpts { sparse: 1, overwrite: 0, keep_partial: 0, progress_interval: interval, total: PNG_SIZE as i64, length: 0 }
}

fn tmp(name: &str) -> PathBuf {
    let p = std::env::temp_dir().join(format!("svr-xfer-{}-{name}", std::process::id()));
    std::fs::remove_file(&p).ok();
    p
}

fn cpath(p: &PathBuf) -> CString {
    CString::new(p.to_str().unwrap()).unwrap()
}

fn method() -> CString {
    CString::new("recv_file").unwrap()
}

/// The screenshot as recv_all reads it.
fn reference(c: &Connect) -> Vec<u8> {
    unsafe extern "C" fn data(ctx: *mut c_void, d: *const c_char, len: usize, r: *mut i64) -> c_int {
        (*(ctx as *mut Vec<u8>)).extend_from_slice(std::slice::from_raw_parts(d as *const u8, len));
        *r = len as i64;
        SVR_HANDLER_OK
    }
    let mut v = Vec::new();
    let h = screenshot_handle(c);
    let t = SvrStreamHandlers { ctx: &mut v as *mut Vec<u8> as *mut c_void, data: Some(data), hole: None, fill: None, in_data: None, skip: None };
    assert_eq!(svr_stream_recv_all(h, &t), 0);
    crate::stream::svr_stream_finish(h);
    unsafe { svr_stream_free(h) };
    v
}

#[test]
fn recv_to_a_new_file() {
    let c = conn();
    let want = reference(&c);
    assert_eq!(want.len() as u64, PNG_SIZE);
    let mut g = Glue { st: screenshot_handle(&c), calls: vec![], answer_after: None, done: None, freed: false };
    let p = tmp("new.png");
    let t = unsafe { svr_transfer_new(SVR_TRANSFER_RECV, cpath(&p).as_ptr(), -1, &opts(0.0), &glue(&mut g), method().as_ptr()) };
    assert!(!t.is_null(), "{:?}", take());
    assert_eq!(svr_transfer_run(t), 0, "{:?}", take());
    assert_eq!(std::fs::read(&p).unwrap(), want, "the file holds the stream's bytes");
    // Every step with interval 0, the last one complete.
    assert_eq!(g.calls.last(), Some(&(PNG_SIZE, PNG_SIZE as i64, 0)));
    assert!(g.calls.len() >= 2);
    assert!(g.calls.windows(2).all(|w| w[0].0 <= w[1].0), "progress never goes back");
    let mut s = SvrTransferState { state: -1, done: 0, total: 0, holes: 0 };
    assert_eq!(unsafe { svr_transfer_state(t, &mut s) }, 0);
    assert_eq!((s.state, s.done), (2, PNG_SIZE));
    assert_eq!(svr_transfer_run(t), -1, "a second run is refused");
    assert!(take().unwrap().text().contains("already started"));
    unsafe { svr_transfer_free(t) };
    assert!(g.freed, "the glue's context is released with the transfer");
    assert!(g.done.is_none(), "on_done is for the event loop only");
    unsafe { svr_stream_free(g.st) };
    std::fs::remove_file(&p).ok();
}

#[test]
fn an_existing_destination_is_refused_unless_overwrite() {
    let c = conn();
    let p = tmp("exists");
    std::fs::write(&p, b"precious, and longer than nothing at all").unwrap();
    let mut g = Glue { st: screenshot_handle(&c), calls: vec![], answer_after: None, done: None, freed: false };
    let t = unsafe { svr_transfer_new(SVR_TRANSFER_RECV, cpath(&p).as_ptr(), -1, &opts(0.2), &glue(&mut g), method().as_ptr()) };
    assert!(t.is_null());
    let f = take().unwrap();
    assert!(f.text().contains("exists (pass overwrite => 1"), "{f:?}");
    assert!(g.freed, "the glue's context is released on failure");
    assert_eq!(std::fs::read(&p).unwrap(), b"precious, and longer than nothing at all");
    // The stream was left as it was: the same stream, with overwrite.
    g.freed = false;
    let mut o = opts(0.2);
    o.overwrite = 1;
    let t = unsafe { svr_transfer_new(SVR_TRANSFER_RECV, cpath(&p).as_ptr(), -1, &o, &glue(&mut g), method().as_ptr()) };
    assert!(!t.is_null(), "{:?}", take());
    assert_eq!(svr_transfer_run(t), 0, "{:?}", take());
    assert_eq!(std::fs::read(&p).unwrap(), reference(&c));
    unsafe { svr_transfer_free(t) };
    unsafe { svr_stream_free(g.st) };
    std::fs::remove_file(&p).ok();
}

#[test]
fn cancel_from_progress_removes_the_file_it_created() {
    let c = conn();
    for (keep, answer) in [(0, SVR_PROGRESS_CANCEL), (1, SVR_PROGRESS_CANCEL), (0, SVR_PROGRESS_DIED)] {
        let mut g = Glue { st: screenshot_handle(&c), calls: vec![], answer_after: Some((1, answer)), done: None, freed: false };
        let p = tmp("cancel");
        let mut o = opts(0.0);
        o.keep_partial = keep;
        let t = unsafe { svr_transfer_new(SVR_TRANSFER_RECV, cpath(&p).as_ptr(), -1, &o, &glue(&mut g), method().as_ptr()) };
        assert!(!t.is_null(), "{:?}", take());
        assert_eq!(svr_transfer_run(t), -1);
        let f = take();
        if answer == SVR_PROGRESS_DIED {
            assert!(f.is_none(), "a dying callback: the glue raises its exception ({f:?})");
        } else {
            let f = f.unwrap();
            assert!(f.text().contains("cancelled by the progress callback"), "{f:?}");
            assert!(f.text().contains(if keep == 1 { "is left incomplete" } else { "was removed" }), "{f:?}");
        }
        assert_eq!(p.exists(), keep == 1);
        let mut s = SvrTransferState { state: -1, done: 0, total: 0, holes: 0 };
        unsafe { svr_transfer_state(t, &mut s) };
        assert_eq!(s.state, 3);
        unsafe { svr_transfer_free(t) };
        unsafe { svr_stream_free(g.st) };
        std::fs::remove_file(&p).ok();
    }
}

#[test]
fn recv_to_a_pipe() {
    let c = conn();
    let want = reference(&c);
    let mut fds = [0; 2];
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    let reader = std::thread::spawn(move || {
        use std::io::Read;
        let mut f = unsafe { <std::fs::File as std::os::fd::FromRawFd>::from_raw_fd(fds[0]) };
        let mut v = Vec::new();
        f.read_to_end(&mut v).unwrap();
        v
    });
    let mut g = Glue { st: screenshot_handle(&c), calls: vec![], answer_after: None, done: None, freed: false };
    let t = unsafe { svr_transfer_new(SVR_TRANSFER_RECV, std::ptr::null(), fds[1], &opts(10.0), &glue(&mut g), method().as_ptr()) };
    assert!(!t.is_null(), "{:?}", take());
    assert_eq!(svr_transfer_run(t), 0, "{:?}", take());
    assert_eq!(g.calls.len(), 1, "a long interval: progress once, at the end");
    unsafe { svr_transfer_free(t) };
    unsafe { libc::close(fds[1]) };
    assert_eq!(reader.join().unwrap(), want, "the descriptor is the script's: written, not closed");
    unsafe { svr_stream_free(g.st) };
}

#[test]
fn a_full_destination_is_a_clear_failure() {
    let c = conn();
    let p = CString::new("/dev/full").unwrap();
    let mut g = Glue { st: screenshot_handle(&c), calls: vec![], answer_after: None, done: None, freed: false };
    let mut o = opts(0.2);
    o.overwrite = 1;
    let t = unsafe { svr_transfer_new(SVR_TRANSFER_RECV, p.as_ptr(), -1, &o, &glue(&mut g), method().as_ptr()) };
    assert!(!t.is_null(), "{:?}", take());
    assert_eq!(svr_transfer_run(t), -1);
    let f = take().unwrap();
    assert!(f.text().contains("cannot write to '/dev/full'") && f.text().contains("No space left"), "{f:?}");
    unsafe { svr_transfer_free(t) };
    unsafe { svr_stream_free(g.st) };
}

#[test]
fn blocking_run_refuses_a_nonblocking_stream_and_start_a_blocking_one() {
    let c = conn();
    let p = tmp("nb");
    let mut g = Glue { st: screenshot_handle(&c), calls: vec![], answer_after: None, done: None, freed: false };
    let t = unsafe { svr_transfer_new(SVR_TRANSFER_RECV, cpath(&p).as_ptr(), -1, &opts(0.2), &glue(&mut g), method().as_ptr()) };
    assert_eq!(svr_transfer_start(t), -1);
    let f = take().unwrap();
    assert!(f.text().contains("needs a non-blocking stream") && f.text().contains("was removed"), "{f:?}");
    assert!(!p.exists());
    unsafe { svr_transfer_free(t) };
    unsafe { svr_stream_free(g.st) };
}

#[test]
fn null_arguments_fail_cleanly() {
    let o = opts(0.2);
    let t = unsafe { svr_transfer_new(SVR_TRANSFER_RECV, std::ptr::null(), -1, &o, std::ptr::null(), std::ptr::null()) };
    assert!(t.is_null());
    assert!(take().is_some());
    assert_eq!(svr_transfer_run(std::ptr::null()), -1);
    assert_eq!(take().unwrap().text(), "the transfer is no longer valid");
    unsafe { svr_transfer_free(std::ptr::null_mut()) };
}
