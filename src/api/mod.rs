//! The table-driven methods (`data/api.tsv`).
//!
//! `tools/gen-api.pl` reads the table and libvirt's API description and
//! generates, at build time, one `extern "C"` function per method (included
//! below), its XSUB and its C prototype. Each generated function converts
//! its C arguments into owned Rust values, makes the libvirt call, and
//! builds a [`Value`] from the result: no Perl value is involved, so the
//! same body can later run on a worker thread. Methods whose shape is
//! irregular name a hand-written Rust body (`rust:NAME` in the table) in the
//! `overrides` modules; the generated glue around them is the same.

pub mod auth;
pub mod handles;
pub mod overrides;
pub mod params;
pub mod pending;
pub mod value;

use std::ffi::{c_void, CStr, CString};
use std::os::raw::{c_char, c_int};
use std::ptr;

use virt_sys as sys;

use crate::boundary::{guard_io, handle};
use crate::error::{Failure, Result};
use crate::fork;
use crate::stream::{Direction, StreamHandle};

pub use value::{IntoValue, SvrValue, Value};

/// A libvirt object class a Perl class wraps.
pub trait Object: Sized {
    /// The libvirt pointer type.
    type Raw: Copy;
    /// `SVR_CLASS_*` of the Perl class.
    const CLASS_ID: c_int;
    /// How messages name an object of this class.
    const WHAT: &'static str;
    fn raw(&self) -> Self::Raw;
    /// Takes ownership of a new libvirt reference: returns the handle
    /// pointer a Perl object of the class holds.
    ///
    /// # Safety
    /// `p` must be a valid new reference.
    unsafe fn adopt(p: Self::Raw) -> *mut Self;
    /// Releases a handle `adopt` returned (its libvirt reference with it).
    ///
    /// # Safety
    /// `h` must come from `adopt` and be released once. A handle another
    /// process made (inherited by a forked child) releases nothing.
    unsafe fn release(h: *mut Self);
    /// A handle of its own on the same object, holding a new libvirt
    /// reference (a call in flight keeps it: src/api/pending.rs); `None`
    /// if libvirt refuses, or for a class whose handles are never shared.
    fn retain(&self) -> Option<*mut Self>;
    /// The connection the object belongs to, borrowed (NULL where libvirt
    /// does not say).
    fn connection(&self) -> sys::virConnectPtr;
    /// The process the object's connection belongs to, when that is not
    /// this one (a forked child's inherited handle; asked only when
    /// [`fork::forked`]).
    fn inherited_from(&self) -> Option<libc::pid_t>;
}



/// A new object handle on its way to the glue, which wraps it in a Perl
/// object of its class.
#[derive(Debug)]
pub struct ObjectOut {
    pub class_id: c_int,
    ptr: *mut c_void,
}

// SAFETY: the handle owns one reference to a libvirt object, and libvirt's
// objects are reference-counted and usable from any thread. This is what
// lets a result be built on a worker thread and handed to the glue on the
// interpreter's thread (the non-blocking variant the table is shaped for).
unsafe impl Send for ObjectOut {}

/// Results cross threads: checked at compile time.
const _: fn() = || {
    fn send<T: Send>() {}
    send::<Value>();
};

impl ObjectOut {
    /// Wraps a new libvirt reference (NULL: the libvirt failure).
    pub fn adopt<T: Object>(p: T::Raw) -> Result<ObjectOut>
    where
        T::Raw: IsNull,
    {
        if p.is_null_ptr() {
            return Err(Failure::last_libvirt());
        }
        // SAFETY: non-NULL new reference from libvirt.
        let h = unsafe { T::adopt(p) };
        Ok(ObjectOut { class_id: T::CLASS_ID, ptr: h as *mut c_void })
    }

    pub fn into_raw(self) -> *mut c_void {
        self.ptr
    }

    /// The handle, still owned by `self`.
    pub fn ptr(&self) -> *mut c_void {
        self.ptr
    }
}

/// Pointer types that can be NULL.
pub trait IsNull {
    fn is_null_ptr(&self) -> bool;
}

impl<T> IsNull for *mut T {
    fn is_null_ptr(&self) -> bool {
        self.is_null()
    }
}

/// The handle behind an object argument (NULL: the Perl object is gone;
/// in a forked child, refused if its connection is the parent's).
pub fn this<'a, T: Object>(p: *const T) -> Result<&'a T> {
    let h = handle(p, T::WHAT)?;
    if fork::forked() {
        if let Some(owner) = h.inherited_from() {
            return Err(fork::inherited_failure(T::WHAT, owner));
        }
    }
    Ok(h)
}

/// A fast path's handle: `None` for NULL or, in a forked child, for one of
/// the parent's connection ([`gone`] then says which).
///
/// # Safety
/// `p` must be NULL or a live handle the glue passes.
#[inline(always)]
pub unsafe fn mine<'a, T: Object>(p: *const T) -> Option<&'a T> {
    let h = p.as_ref()?;
    if fork::forked() && h.inherited_from().is_some() {
        return None;
    }
    Some(h)
}

/// An optional object argument: NULL pointer for undef.
pub fn this_opt<T: Object>(p: *const T) -> Result<Option<T::Raw>> {
    if p.is_null() {
        Ok(None)
    } else {
        Ok(Some(this(p)?.raw()))
    }
}

/// Runs a generated method body: failures are recorded, the result is
/// handed to the glue (NULL on failure).
pub fn run(name: &str, body: impl FnOnce() -> Result<Value>) -> *mut SvrValue {
    guard_io(name, ptr::null_mut(), || Ok(value::boxed(body()?)))
}

/// Runs a fast-path export (see tools/gen-api.pl, fast_export): a call
/// whose arguments need converting, made and checked inside the guard.
#[inline]
pub fn fast<T>(name: &str, on_failure: T, body: impl FnOnce() -> Result<T>) -> T {
    guard_io(name, on_failure, body)
}

/// The failure of a fast path whose handle [`mine`] refused: as [`this`]
/// reports it.
#[cold]
pub fn gone<T: Object, R>(name: &str, on_failure: R, p: *const T) -> R {
    crate::boundary::guard(name, on_failure, || {
        this(p)?;
        Err(Failure::message(format!("{} is no longer valid", T::WHAT)))
    })
}

/// The 16 raw bytes of a UUID (the glue's buffer for a uuid result).
pub const SVR_UUID_BUFLEN: usize = 16;
/// A printable UUID and its NUL (the glue's buffer for a uuidstr result).
pub const SVR_UUID_STRING_BUFLEN: usize = 37;
const _: () = assert!(SVR_UUID_BUFLEN == sys::VIR_UUID_BUFLEN as usize);
const _: () = assert!(SVR_UUID_STRING_BUFLEN == sys::VIR_UUID_STRING_BUFLEN as usize);

/// The list of a `virXxxListAll*` call for the glue: each of the `n` new
/// references in libvirt's array becomes a handle, in place; `*out` gets
/// the array, which the glue frees with [`svr_array_free`]. Returns `n`.
///
/// # Safety
/// `arr` must be libvirt's array of `n` new references (anything when `n`
/// is negative), `out` writable.
pub unsafe fn hand_out_objects<T: Object>(arr: *mut T::Raw, n: c_int, out: *mut *mut *mut c_void) -> c_int {
    const { assert!(std::mem::size_of::<T::Raw>() == std::mem::size_of::<*mut c_void>()) };
    if n < 0 {
        return n;
    }
    let slots = arr as *mut *mut c_void;
    for i in 0..n as usize {
        *slots.add(i) = T::adopt(*arr.add(i)) as *mut c_void;
    }
    *out = slots;
    n
}

/// Frees the array of a list the glue got from [`hand_out_objects`] (not
/// the handles: their Perl objects own them).
///
/// # Safety
/// `arr` must be NULL or such an array, freed once.
#[no_mangle]
pub unsafe extern "C" fn svr_array_free(arr: *mut *mut c_void) {
    libc::free(arr as *mut c_void);
}

/// A call that starts a transfer on a stream (`$dom->screenshot($st, ...)`,
/// `$vol->download($st, ...)`): refuses a stream already in use, makes the
/// call, and records the stream's direction once libvirt took it.
pub fn start_stream<T>(
    st: &StreamHandle,
    method: &str,
    direction: Direction,
    call: impl FnOnce(sys::virStreamPtr) -> Result<T>,
) -> Result<T> {
    st.check_startable(method)?;
    let r = call(st.ptr())?;
    st.started(direction);
    Ok(r)
}

/// A libvirt status: negative means failure, captured at once.
pub fn check(rc: c_int) -> Result<c_int> {
    if rc < 0 {
        Err(Failure::last_libvirt())
    } else {
        Ok(rc)
    }
}

/// A required string argument, copied.
pub fn arg_str(s: *const c_char, what: &str) -> Result<CString> {
    if s.is_null() {
        return Err(Failure::message(format!("{what} is required")));
    }
    // SAFETY: the glue passes NUL-terminated strings.
    Ok(unsafe { CStr::from_ptr(s) }.to_owned())
}

/// An optional string argument, copied (NULL stays NULL).
pub fn arg_opt_str(s: *const c_char) -> Option<CString> {
    // SAFETY: as above.
    (!s.is_null()).then(|| unsafe { CStr::from_ptr(s) }.to_owned())
}

pub fn opt_ptr(s: &Option<CString>) -> *const c_char {
    s.as_ref().map_or(ptr::null(), |c| c.as_ptr())
}

/// An optional number argument (`int?` and the like): NULL is undef.
pub fn arg_opt_num<T: Copy>(p: *const T) -> Option<T> {
    // SAFETY: the glue passes NULL or a pointer to a value on its stack,
    // valid for the call.
    unsafe { p.as_ref() }.copied()
}

/// Bytes with a length (binary-safe strings).
pub fn arg_bytes(p: *const u8, len: usize) -> Vec<u8> {
    if p.is_null() || len == 0 {
        return Vec::new();
    }
    // SAFETY: the glue passes a buffer of `len` bytes.
    unsafe { std::slice::from_raw_parts(p, len) }.to_vec()
}

/// A UUID argument (`uuid`): the 16 raw bytes, or the printable form.
pub enum UuidArg {
    Raw(Vec<u8>),
    Str(CString),
}

/// Reads a `uuid` argument as the classic binding does: 16 raw bytes, or
/// the printable form (32 hex digits, or 36 characters with dashes);
/// anything else dies with its message, naming the method.
pub fn arg_uuid(bytes: Vec<u8>, method: &str) -> Result<UuidArg> {
    match bytes.len() {
        16 => Ok(UuidArg::Raw(bytes)),
        32 | 36 if !bytes.contains(&0) => Ok(UuidArg::Str(CString::new(bytes).expect("no NUL"))),
        _ => Err(Failure::message(format!(
            "{method}: UUID must be either 16 unsigned bytes, or 32/36 hex characters long"
        ))),
    }
}

/// A list of strings from an array reference.
pub fn arg_str_list(p: *const *const c_char, n: usize) -> Vec<CString> {
    if p.is_null() {
        return Vec::new();
    }
    // SAFETY: the glue passes `n` NUL-terminated strings.
    unsafe { std::slice::from_raw_parts(p, n) }
        .iter()
        .map(|&s| if s.is_null() { CString::default() } else { unsafe { CStr::from_ptr(s) }.to_owned() })
        .collect()
}

/// The integers of a list argument (`int[]`, `ll[]`: the glue checked
/// each against the element type's range).
pub fn arg_i64_list(p: *const i64, n: usize) -> Vec<i64> {
    if p.is_null() || n == 0 {
        return Vec::new();
    }
    // SAFETY: the glue passes `n` integers.
    unsafe { std::slice::from_raw_parts(p, n) }.to_vec()
}

/// The integers of a list argument (`uint[]`, `ull[]`).
pub fn arg_u64_list(p: *const u64, n: usize) -> Vec<u64> {
    if p.is_null() || n == 0 {
        return Vec::new();
    }
    // SAFETY: as above.
    unsafe { std::slice::from_raw_parts(p, n) }.to_vec()
}

/// The handles of a list of objects (`Class[]`); the glue keeps every
/// object alive until the call returns.
pub fn arg_obj_list<'a, T: Object>(p: *const *const T, n: usize) -> Result<Vec<&'a T>> {
    if p.is_null() || n == 0 {
        return Ok(Vec::new());
    }
    // SAFETY: the glue passes `n` handle pointers.
    unsafe { std::slice::from_raw_parts(p, n) }.iter().map(|&h| this(h)).collect()
}

/// One `key => value` pair of a hash argument; `value` is NULL for undef.
#[repr(C)]
pub struct SvrPair {
    pub key: *const c_char,
    pub value: *const c_char,
    pub value_len: usize,
}

/// The pairs of a hash argument, copied.
pub fn arg_pairs(p: *const SvrPair, n: usize) -> Vec<(String, Option<Vec<u8>>)> {
    if p.is_null() {
        return Vec::new();
    }
    // SAFETY: the glue passes `n` pairs of valid strings.
    unsafe { std::slice::from_raw_parts(p, n) }
        .iter()
        .map(|kv| {
            let key = unsafe { CStr::from_ptr(kv.key) }.to_string_lossy().into_owned();
            let value = (!kv.value.is_null()).then(|| arg_bytes(kv.value as *const u8, kv.value_len));
            (key, value)
        })
        .collect()
}

/// An optional hash argument: `None` for undef (NULL), unlike an empty hash.
pub fn arg_opt_pairs(p: *const SvrPair, n: usize) -> Option<Vec<(String, Option<Vec<u8>>)>> {
    (!p.is_null()).then(|| arg_pairs(p, n))
}


/// A list of strings libvirt allocated (`char **`, `n` entries), copied;
/// the strings and the array are freed.
///
/// # Safety
/// `p` must be NULL or a malloc'ed array of `n` malloc'ed strings.
pub unsafe fn owned_string_list(p: *mut *mut c_char, n: c_int) -> Value {
    if p.is_null() {
        return Value::List(Vec::new());
    }
    let items = (0..n.max(0) as usize).map(|i| Value::from_owned_c_str(*p.add(i))).collect();
    libc::free(p as *mut c_void);
    Value::List(items)
}

/// A string libvirt returned for the caller to free (NULL: failure).
///
/// # Safety
/// `p` must be NULL or a malloc'ed C string.
pub unsafe fn owned_string(p: *mut c_char) -> Result<Value> {
    if p.is_null() {
        return Err(Failure::last_libvirt());
    }
    Ok(Value::from_owned_c_str(p))
}

/// A string the object owns (NULL: failure).
///
/// # Safety
/// `p` must be NULL or a valid C string.
pub unsafe fn borrowed_string(p: *const c_char) -> Result<Value> {
    if p.is_null() {
        return Err(Failure::last_libvirt());
    }
    Ok(Value::from_c_str(p))
}

/// A UUID string from a `VIR_UUID_STRING_BUFLEN` buffer.
pub fn uuid_string(f: impl FnOnce(*mut c_char) -> c_int) -> Result<Value> {
    let mut buf = [0 as c_char; sys::VIR_UUID_STRING_BUFLEN as usize];
    check(f(buf.as_mut_ptr()))?;
    Ok(buf.into_value())
}

/// The 16 raw bytes of a UUID.
pub fn uuid_raw(f: impl FnOnce(*mut u8) -> c_int) -> Result<Value> {
    let mut buf = [0u8; sys::VIR_UUID_BUFLEN as usize];
    check(f(buf.as_mut_ptr()))?;
    Ok(Value::Str(buf.to_vec()))
}

/// A list of new objects from a `virXxxListAll*` call: `f` fills the array
/// and returns how many (negative: failure).
pub fn object_list<T: Object>(f: impl FnOnce(*mut *mut T::Raw) -> c_int) -> Result<Value>
where
    T::Raw: IsNull,
{
    let mut arr: *mut T::Raw = ptr::null_mut();
    let n = check(f(&mut arr))? as usize;
    let mut items = Vec::with_capacity(n);
    for i in 0..n {
        // SAFETY: libvirt returned `n` new references; each goes to a handle.
        items.push(Value::Object(ObjectOut::adopt::<T>(unsafe { *arr.add(i) })?));
    }
    // SAFETY: the array itself is ours to free.
    unsafe { libc::free(arr as *mut c_void) };
    Ok(Value::List(items))
}

/// Up to this many entries, a caller's `maxnames`/`maxids` is used as is.
const LIST_MAX_UNCHECKED: c_int = 1 << 16;

/// A list of names from the classic `virConnectNumOfX`/`virConnectListX`
/// pair: the caller's `maxnames`, or the current count when absent. A
/// negative `maxnames` goes to libvirt, which refuses it before touching
/// the (empty) array.
pub fn name_list(
    max: Option<c_int>,
    count: impl FnOnce() -> c_int,
    list: impl FnOnce(*mut *mut c_char, c_int) -> c_int,
) -> Result<Value> {
    let max = match max {
        // An absurd maximum is cut to the current count: nothing huge is
        // allocated for it (the classic binding runs out of memory).
        Some(m) if m > LIST_MAX_UNCHECKED => m.min(check(count())?),
        Some(m) => m,
        None => check(count())?,
    };
    let mut names: Vec<*mut c_char> = vec![ptr::null_mut(); max.max(0) as usize];
    let n = check(list(names.as_mut_ptr(), max))? as usize;
    Ok(Value::List(
        names[..n.min(names.len())]
            // SAFETY: libvirt filled `n` malloc'ed strings.
            .iter()
            .map(|&s| unsafe { Value::from_owned_c_str(s) })
            .collect(),
    ))
}

/// [`name_list`] of a connection's classic `virConnectNumOfX` /
/// `virConnectListX` pair (networks, interfaces, network filters, ...).
pub fn conn_name_list(
    this: &handles::ConnHandle,
    max: Option<c_int>,
    count: unsafe extern "C" fn(sys::virConnectPtr) -> c_int,
    list: unsafe extern "C" fn(sys::virConnectPtr, *mut *mut c_char, c_int) -> c_int,
) -> Result<Value> {
    let c = this.raw();
    // SAFETY: a valid connection; `list` fills at most `n` names into the
    // array it is given.
    name_list(max, || unsafe { count(c) }, |p, n| unsafe { list(c, p, n) })
}

/// A list of ids (`virConnectListDomains`).
pub fn id_list(max: Option<c_int>, count: impl FnOnce() -> c_int, list: impl FnOnce(*mut c_int, c_int) -> c_int) -> Result<Value> {
    let max = match max {
        // An absurd maximum is cut to the current count: nothing huge is
        // allocated for it (the classic binding runs out of memory).
        Some(m) if m > LIST_MAX_UNCHECKED => m.min(check(count())?),
        Some(m) => m,
        None => check(count())?,
    };
    let mut ids: Vec<c_int> = vec![0; max.max(0) as usize];
    let n = check(list(ids.as_mut_ptr(), max.max(0)))? as usize;
    Ok(Value::List(ids[..n.min(ids.len())].iter().map(|&i| Value::Int(i as i64)).collect()))
}

/// Fails with libvirt's own "not supported" error, for methods of the
/// classic binding whose libvirt function this libvirt lacks.
pub fn unsupported(function: &str) -> Result<Value> {
    Err(Failure::Libvirt {
        code: sys::VIR_ERR_NO_SUPPORT as i32,
        domain: sys::VIR_FROM_NONE as i32,
        level: sys::VIR_ERR_ERROR as i32,
        message: format!("this function is not supported by the connection driver: {function}"),
    })
}

/// The libvirt this library was built against (build.rs reads it from the
/// installed API description).
pub const LIBVIRT_BUILT_VERSION: &str = env!("SVR_LIBVIRT_VERSION");

/// A method (or a form of one) whose libvirt function the installed libvirt
/// lacks: the build left the call out (the library never refers to a
/// symbol libvirt lacks), and the error says which release brings it
/// (`libvirt_since`, generated from data/libvirt-since.tsv).
pub fn lacking<T>(method: &str, function: &str) -> Result<T> {
    Err(Failure::Libvirt {
        code: sys::VIR_ERR_NO_SUPPORT as i32,
        domain: sys::VIR_FROM_NONE as i32,
        level: sys::VIR_ERR_ERROR as i32,
        message: format!(
            "{method} needs libvirt {} or newer ({function}); Sys::Virt was built against libvirt {LIBVIRT_BUILT_VERSION}",
            libvirt_since(function)
        ),
    })
}

include!(concat!(env!("OUT_DIR"), "/api_gen.rs"));
