//! Results of the table-driven methods, built in Rust after the libvirt call
//! and handed to the glue as one tree of C nodes that it turns into Perl
//! values. No Perl value exists while libvirt runs, so the same call can
//! later run on a worker thread.

use std::ffi::{c_void, CStr};
use std::os::raw::{c_char, c_int};

use crate::boundary::guard;

/// Nothing: the method returns no value (a status call).
pub const SVR_V_NOTHING: c_int = 0;
/// `undef`.
pub const SVR_V_UNDEF: c_int = 1;
/// A signed integer (`iv`).
pub const SVR_V_INT: c_int = 2;
/// An unsigned integer (`uv`).
pub const SVR_V_UINT: c_int = 3;
/// A double (`nv`).
pub const SVR_V_DOUBLE: c_int = 4;
/// A byte string (`ptr`, `len`).
pub const SVR_V_STR: c_int = 5;
/// A new object handle (`ptr`) of class `class_id`.
pub const SVR_V_OBJECT: c_int = 6;
/// Values returned as a Perl list (`len` children at `ptr`).
pub const SVR_V_LIST: c_int = 7;
/// An array reference (`len` children at `ptr`).
pub const SVR_V_ARRAY: c_int = 8;
/// A hash reference (`len` pairs at `ptr`: key, value, key, value, ...).
pub const SVR_V_HASH: c_int = 9;
/// A byte string (`ptr`, `len`) in C's allocator (a string libvirt
/// allocated, handed on without a copy).
pub const SVR_V_CSTR: c_int = 10;

/// A NUL-terminated string libvirt allocated with malloc for the caller.
#[derive(Debug)]
pub struct MallocStr(*mut c_char);

// SAFETY: the string is owned exclusively; any thread may free it.
unsafe impl Send for MallocStr {}

impl MallocStr {
    /// # Safety
    /// `p` must be a non-NULL malloc'ed C string, owned from now on.
    pub unsafe fn new(p: *mut c_char) -> MallocStr {
        MallocStr(p)
    }

    /// The bytes, up to the NUL.
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: a valid NUL-terminated string, owned.
        unsafe { CStr::from_ptr(self.0) }.to_bytes()
    }

    fn into_raw(self) -> *mut c_char {
        let p = self.0;
        std::mem::forget(self);
        p
    }
}

impl Drop for MallocStr {
    fn drop(&mut self) {
        // SAFETY: owned malloc'ed string.
        unsafe { libc::free(self.0 as *mut c_void) };
    }
}

/// What a method returns, in Rust.
#[derive(Debug)]
pub enum Value {
    Nothing,
    Undef,
    Int(i64),
    UInt(u64),
    Double(f64),
    Str(Vec<u8>),
    CStr(MallocStr),
    Object(super::ObjectOut),
    List(Vec<Value>),
    Array(Vec<Value>),
    Hash(Vec<(String, Value)>),
}

impl Value {
    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(s.into().into_bytes())
    }

    /// The bytes of a string value (either kind), or None.
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Value::Str(b) => Some(b),
            Value::CStr(m) => Some(m.bytes()),
            _ => None,
        }
    }

    /// A hash from `(key, value)` pairs.
    pub fn hash<K: Into<String>>(pairs: impl IntoIterator<Item = (K, Value)>) -> Value {
        Value::Hash(pairs.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// A NUL-terminated C string libvirt still owns (NULL: undef).
    ///
    /// # Safety
    /// `p` must be NULL or a valid C string.
    pub unsafe fn from_c_str(p: *const c_char) -> Value {
        if p.is_null() {
            Value::Undef
        } else {
            Value::Str(CStr::from_ptr(p).to_bytes().to_vec())
        }
    }

    /// A C string libvirt allocated for the caller, taken over (NULL: undef).
    ///
    /// # Safety
    /// `p` must be NULL or a malloc'ed C string.
    pub unsafe fn from_owned_c_str(p: *mut c_char) -> Value {
        if p.is_null() {
            Value::Undef
        } else {
            Value::CStr(MallocStr::new(p))
        }
    }
}

/// Conversions of C field and return types into values.
pub trait IntoValue {
    fn into_value(self) -> Value;
}

macro_rules! signed {
    ($($t:ty),*) => {$(impl IntoValue for $t { fn into_value(self) -> Value { Value::Int(self as i64) } })*};
}
macro_rules! unsigned {
    ($($t:ty),*) => {$(impl IntoValue for $t { fn into_value(self) -> Value { Value::UInt(self as u64) } })*};
}
signed!(i8, i16, i32, i64, isize);
unsigned!(u8, u16, u32, u64, usize);

impl IntoValue for f64 {
    fn into_value(self) -> Value {
        Value::Double(self)
    }
}

/// Fixed-size `char name[N]` fields: the bytes up to the first NUL.
impl<const N: usize> IntoValue for [c_char; N] {
    fn into_value(self) -> Value {
        let bytes: Vec<u8> = self.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
        Value::Str(bytes)
    }
}

/// `char *` fields of structs libvirt filled in (it frees them itself).
impl IntoValue for *mut c_char {
    fn into_value(self) -> Value {
        // SAFETY: struct fields libvirt filled are NULL or valid strings.
        unsafe { Value::from_c_str(self) }
    }
}

impl IntoValue for *const c_char {
    fn into_value(self) -> Value {
        // SAFETY: as above.
        unsafe { Value::from_c_str(self) }
    }
}

impl IntoValue for Value {
    fn into_value(self) -> Value {
        self
    }
}

/// One node of the tree handed to the glue.
#[repr(C)]
pub struct SvrValue {
    pub kind: c_int,
    /// Class of an object node (`SVR_CLASS_*`).
    pub class_id: c_int,
    pub iv: i64,
    pub uv: u64,
    pub nv: f64,
    /// Bytes of a string, children of a list/array/hash, or an object handle.
    pub ptr: *mut c_void,
    /// Bytes of a string, or number of children (pairs for a hash).
    pub len: usize,
}

impl SvrValue {
    /// A signed integer node (fast paths fill these in the glue's buffer).
    pub fn int(iv: i64) -> SvrValue {
        SvrValue { iv, ..node(SVR_V_INT) }
    }

    /// An unsigned integer node.
    pub fn uint(uv: u64) -> SvrValue {
        SvrValue { uv, ..node(SVR_V_UINT) }
    }

    /// A double node.
    pub fn double(nv: f64) -> SvrValue {
        SvrValue { nv, ..node(SVR_V_DOUBLE) }
    }
}

fn node(kind: c_int) -> SvrValue {
    SvrValue { kind, class_id: 0, iv: 0, uv: 0, nv: 0.0, ptr: std::ptr::null_mut(), len: 0 }
}

fn children(items: Vec<SvrValue>) -> (*mut c_void, usize) {
    let len = items.len();
    (Box::into_raw(items.into_boxed_slice()) as *mut SvrValue as *mut c_void, len)
}

/// Lowers a value into C nodes (the glue frees them with `svr_value_free`).
pub fn lower(v: Value) -> SvrValue {
    match v {
        Value::Nothing => node(SVR_V_NOTHING),
        Value::Undef => node(SVR_V_UNDEF),
        Value::Int(i) => SvrValue { iv: i, ..node(SVR_V_INT) },
        Value::UInt(u) => SvrValue { uv: u, ..node(SVR_V_UINT) },
        Value::Double(d) => SvrValue { nv: d, ..node(SVR_V_DOUBLE) },
        Value::Str(s) => {
            let len = s.len();
            SvrValue { ptr: Box::into_raw(s.into_boxed_slice()) as *mut u8 as *mut c_void, len, ..node(SVR_V_STR) }
        }
        Value::CStr(m) => {
            let p = m.into_raw();
            // SAFETY: a valid NUL-terminated string.
            let len = unsafe { CStr::from_ptr(p) }.to_bytes().len();
            SvrValue { ptr: p as *mut c_void, len, ..node(SVR_V_CSTR) }
        }
        Value::Object(o) => SvrValue { class_id: o.class_id, ptr: o.into_raw(), ..node(SVR_V_OBJECT) },
        Value::List(items) => {
            let (ptr, len) = children(items.into_iter().map(lower).collect());
            SvrValue { ptr, len, ..node(SVR_V_LIST) }
        }
        Value::Array(items) => {
            let (ptr, len) = children(items.into_iter().map(lower).collect());
            SvrValue { ptr, len, ..node(SVR_V_ARRAY) }
        }
        Value::Hash(pairs) => {
            let mut items = Vec::with_capacity(pairs.len() * 2);
            for (k, v) in pairs {
                items.push(lower(Value::Str(k.into_bytes())));
                items.push(lower(v));
            }
            let (ptr, len) = children(items);
            SvrValue { ptr, len: len / 2, ..node(SVR_V_HASH) }
        }
    }
}

/// Frees nodes made by [`lower`]; object handles the glue did not take
/// (it sets `ptr` to NULL when it wraps one) are released too.
///
/// # Safety
/// `v` must come from [`lower`] (via a boxed node) and be freed once.
unsafe fn free_node(v: &mut SvrValue) {
    match v.kind {
        SVR_V_STR => {
            let slice = std::ptr::slice_from_raw_parts_mut(v.ptr as *mut u8, v.len);
            drop(Box::from_raw(slice));
        }
        SVR_V_CSTR => libc::free(v.ptr),
        SVR_V_OBJECT => {
            if !v.ptr.is_null() {
                super::release_object(v.class_id, v.ptr);
            }
        }
        SVR_V_LIST | SVR_V_ARRAY | SVR_V_HASH => {
            let n = if v.kind == SVR_V_HASH { v.len * 2 } else { v.len };
            let slice = std::ptr::slice_from_raw_parts_mut(v.ptr as *mut SvrValue, n);
            let mut items = Box::from_raw(slice);
            for item in items.iter_mut() {
                free_node(item);
            }
        }
        _ => {}
    }
    v.ptr = std::ptr::null_mut();
}

/// A boxed top-level node for the glue.
pub fn boxed(v: Value) -> *mut SvrValue {
    Box::into_raw(Box::new(lower(v)))
}

/// Frees a result tree returned by a table-driven method.
///
/// # Safety
/// `v` must be NULL or a result of this library, freed once.
#[no_mangle]
pub unsafe extern "C" fn svr_value_free(v: *mut SvrValue) {
    guard("svr_value_free", (), || {
        if !v.is_null() {
            let mut b = Box::from_raw(v);
            free_node(&mut b);
        }
        Ok(())
    })
}
