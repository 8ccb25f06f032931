//! Typed parameters (`virTypedParameter`) <-> hashes, every type.
//!
//! Out: a hash keyed by the parameter's field name. In: the pairs of the
//! script's hash, each typed by what libvirt reports for that field (the
//! getter of the same settings) or by a fixed list of known fields; a name
//! that is neither is refused with a message naming the method.

use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_int};
use std::ptr;

use virt_sys as sys;

use super::{check, Value};
use crate::error::{Failure, Result};

/// The type of a typed parameter (`VIR_TYPED_PARAM_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamType {
    Int,
    UInt,
    LLong,
    ULLong,
    Double,
    Boolean,
    String,
}

impl ParamType {
    pub fn from_raw(t: c_int) -> Option<ParamType> {
        Some(match t as u32 {
            sys::VIR_TYPED_PARAM_INT => ParamType::Int,
            sys::VIR_TYPED_PARAM_UINT => ParamType::UInt,
            sys::VIR_TYPED_PARAM_LLONG => ParamType::LLong,
            sys::VIR_TYPED_PARAM_ULLONG => ParamType::ULLong,
            sys::VIR_TYPED_PARAM_DOUBLE => ParamType::Double,
            sys::VIR_TYPED_PARAM_BOOLEAN => ParamType::Boolean,
            sys::VIR_TYPED_PARAM_STRING => ParamType::String,
            _ => return None,
        })
    }
}

/// One parameter as a value.
///
/// # Safety
/// `p` must be a parameter libvirt filled in.
unsafe fn param_value(p: &sys::virTypedParameter) -> Value {
    match ParamType::from_raw(p.type_) {
        Some(ParamType::Int) => Value::Int(p.value.i as i64),
        Some(ParamType::UInt) => Value::UInt(p.value.ui as u64),
        Some(ParamType::LLong) => Value::Int(p.value.l),
        Some(ParamType::ULLong) => Value::UInt(p.value.ul),
        Some(ParamType::Double) => Value::Double(p.value.d),
        Some(ParamType::Boolean) => Value::Int((p.value.b != 0) as i64),
        Some(ParamType::String) => Value::from_c_str(p.value.s),
        None => Value::Undef,
    }
}

/// The field name of a parameter.
fn field(p: &sys::virTypedParameter) -> String {
    // SAFETY: `field` is a NUL-terminated array.
    unsafe { CStr::from_ptr(p.field.as_ptr()) }.to_string_lossy().into_owned()
}

/// Parameters as a hash (field => value); the parameters are not freed.
///
/// # Safety
/// `params` must hold `n` parameters libvirt filled in (or be NULL).
pub unsafe fn to_hash(params: *const sys::virTypedParameter, n: c_int) -> Value {
    if params.is_null() || n <= 0 {
        return Value::Hash(Vec::new());
    }
    let list = std::slice::from_raw_parts(params, n as usize);
    Value::Hash(list.iter().map(|p| (field(p), param_value(p))).collect())
}

/// The names and types of parameters, in libvirt's order.
///
/// # Safety
/// As for [`to_hash`].
pub unsafe fn types_of(params: *const sys::virTypedParameter, n: c_int) -> Vec<(String, ParamType)> {
    if params.is_null() || n <= 0 {
        return Vec::new();
    }
    std::slice::from_raw_parts(params, n as usize)
        .iter()
        .filter_map(|p| Some((field(p), ParamType::from_raw(p.type_)?)))
        .collect()
}

/// An array of parameters libvirt allocated (`virTypedParamsFree`).
pub struct OwnedParams {
    pub ptr: *mut sys::virTypedParameter,
    pub n: c_int,
}

impl OwnedParams {
    pub fn new() -> OwnedParams {
        OwnedParams { ptr: ptr::null_mut(), n: 0 }
    }

    pub fn hash(&self) -> Value {
        // SAFETY: libvirt filled `n` parameters.
        unsafe { to_hash(self.ptr, self.n) }
    }
}

impl Default for OwnedParams {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for OwnedParams {
    fn drop(&mut self) {
        if !self.ptr.is_null() {
            // SAFETY: allocated by libvirt (or by the builder below).
            unsafe { sys::virTypedParamsFree(self.ptr, self.n) };
        }
    }
}

/// Parameters built from the script's hash, for a setter.
pub struct ParamsIn {
    pub params: OwnedParams,
    maxparams: c_int,
}

impl ParamsIn {
    pub fn ptr(&self) -> *mut sys::virTypedParameter {
        self.params.ptr
    }
    pub fn len(&self) -> c_int {
        self.params.n
    }
    pub fn is_empty(&self) -> bool {
        self.params.n == 0
    }
}

fn parse_int<T: std::str::FromStr>(method: &str, key: &str, s: &str) -> Result<T> {
    let t = s.trim();
    t.parse::<T>()
        .or_else(|_| {
            // Perl may hand over "1e3" or "12.0" for whole numbers.
            let f: f64 = t.parse().map_err(|_| ())?;
            if f.fract() == 0.0 {
                format!("{f:.0}").parse::<T>().map_err(|_| ())
            } else {
                Err(())
            }
        })
        .map_err(|_| Failure::message(format!("{method}: parameter '{key}' must be an integer in range, not '{s}'")))
}

/// Builds parameters from `pairs`, typing each by `type_of`. Unknown names
/// and values that do not fit their type are refused, naming `method`.
pub fn from_pairs(
    method: &str,
    pairs: &[(String, Option<Vec<u8>>)],
    type_of: impl Fn(&str) -> Option<ParamType>,
) -> Result<ParamsIn> {
    from_pairs_multi(method, pairs, type_of, |_| false)
}

/// As [`from_pairs`]; the names for which `multi` is true may come more
/// than once (an ARRAY reference in the script's hash), the others once.
pub fn from_pairs_multi(
    method: &str,
    pairs: &[(String, Option<Vec<u8>>)],
    type_of: impl Fn(&str) -> Option<ParamType>,
    multi: impl Fn(&str) -> bool,
) -> Result<ParamsIn> {
    let mut b = ParamsIn { params: OwnedParams::new(), maxparams: 0 };
    for (i, (key, value)) in pairs.iter().enumerate() {
        let ty = type_of(key).ok_or_else(|| {
            Failure::message(format!("{method}: unknown parameter '{key}' (not one this call accepts)"))
        })?;
        if !multi(key) && pairs[..i].iter().any(|(k, _)| k == key) {
            return Err(Failure::message(format!("{method}: parameter '{key}' takes one value, not a list")));
        }
        let value = value
            .as_ref()
            .ok_or_else(|| Failure::message(format!("{method}: parameter '{key}' is undef")))?;
        let text = String::from_utf8_lossy(value).into_owned();
        let name = CString::new(key.as_str()).map_err(|_| Failure::message(format!("{method}: bad parameter name")))?;
        let (p, n, m) = (&mut b.params.ptr, &mut b.params.n, &mut b.maxparams);
        // SAFETY: libvirt's own builders grow the array it frees later.
        let rc = unsafe {
            match ty {
                ParamType::Int => sys::virTypedParamsAddInt(p, n, m, name.as_ptr(), parse_int(method, key, &text)?),
                ParamType::UInt => sys::virTypedParamsAddUInt(p, n, m, name.as_ptr(), parse_int(method, key, &text)?),
                ParamType::LLong => sys::virTypedParamsAddLLong(p, n, m, name.as_ptr(), parse_int(method, key, &text)?),
                ParamType::ULLong => {
                    sys::virTypedParamsAddULLong(p, n, m, name.as_ptr(), parse_int(method, key, &text)?)
                }
                ParamType::Double => {
                    let d: f64 = text.trim().parse().map_err(|_| {
                        Failure::message(format!("{method}: parameter '{key}' must be a number, not '{text}'"))
                    })?;
                    sys::virTypedParamsAddDouble(p, n, m, name.as_ptr(), d)
                }
                ParamType::Boolean => {
                    let t = text.trim();
                    let truth = !(t.is_empty() || t == "0");
                    sys::virTypedParamsAddBoolean(p, n, m, name.as_ptr(), truth as c_int)
                }
                ParamType::String => {
                    let s = CString::new(value.clone()).map_err(|_| {
                        Failure::message(format!("{method}: parameter '{key}' contains a NUL byte"))
                    })?;
                    sys::virTypedParamsAddString(p, n, m, name.as_ptr(), s.as_ptr())
                }
            }
        };
        check(rc)?;
    }
    Ok(b)
}

/// Parameters typed by a fixed list of `(name, type)`.
pub fn from_known(method: &str, pairs: &[(String, Option<Vec<u8>>)], known: &[(&str, ParamType)]) -> Result<ParamsIn> {
    from_pairs(method, pairs, |k| known.iter().find(|(n, _)| *n == k).map(|(_, t)| *t))
}

/// As [`from_known`], where the names in `multi` may repeat.
pub fn from_known_multi(
    method: &str,
    pairs: &[(String, Option<Vec<u8>>)],
    known: &[(&str, ParamType)],
    multi: &[&str],
) -> Result<ParamsIn> {
    from_pairs_multi(
        method,
        pairs,
        |k| known.iter().find(|(n, _)| *n == k).map(|(_, t)| *t),
        |k| multi.contains(&k),
    )
}

/// The parameters of a getter that fills the caller's array: `get` reports
/// how many when `params` is NULL (`*n` is 0 then), and fills `n` of them
/// otherwise. Returns them as a hash.
pub fn fetch(get: impl Fn(*mut sys::virTypedParameter, *mut c_int) -> c_int) -> Result<Value> {
    let mut n: c_int = 0;
    check(get(ptr::null_mut(), &mut n))?;
    if n <= 0 {
        return Ok(Value::Hash(Vec::new()));
    }
    let mut list: Vec<sys::virTypedParameter> = Vec::with_capacity(n as usize);
    // SAFETY: zeroed parameters are valid input for libvirt to fill.
    list.resize_with(n as usize, || unsafe { std::mem::zeroed() });
    let filled = check(get(list.as_mut_ptr(), &mut n));
    // SAFETY: `n` parameters were filled (or none, all zeroed, on failure).
    let value = unsafe { to_hash(list.as_ptr(), n.min(list.len() as c_int)) };
    // String values belong to libvirt's allocator.
    unsafe { sys::virTypedParamsClear(list.as_mut_ptr(), list.len() as c_int) };
    filled?;
    Ok(value)
}

/// The parameters of a getter that allocates them (`virTypedParamsFree`).
pub fn fetch_owned(get: impl FnOnce(*mut *mut sys::virTypedParameter, *mut c_int) -> c_int) -> Result<OwnedParams> {
    let mut p = OwnedParams::new();
    let rc = get(&mut p.ptr, &mut p.n);
    check(rc)?;
    Ok(p)
}

/// As [`via_getter`], for a getter that allocates the parameters.
pub fn via_owned_getter(
    method: &str,
    pairs: &[(String, Option<Vec<u8>>)],
    get: impl FnOnce(*mut *mut sys::virTypedParameter, *mut c_int) -> c_int,
) -> Result<ParamsIn> {
    let current = fetch_owned(get)?;
    // SAFETY: libvirt filled `n` parameters.
    let types = unsafe { types_of(current.ptr, current.n) };
    from_pairs(method, pairs, |k| types.iter().find(|(f, _)| f == k).map(|(_, t)| *t))
}

/// A parameter name constant of libvirt (`VIR_..._PARAM_...`) as `&str`.
pub fn cname(c: &'static std::ffi::CStr) -> &'static str {
    c.to_str().unwrap_or("")
}

/// The classic binding's "change some settings" pattern: ask libvirt which
/// parameters exist and their types (`get` fills `params` for `n`, or
/// reports `n` when `params` is NULL), then send only the script's keys.
pub fn via_getter(
    method: &str,
    pairs: &[(String, Option<Vec<u8>>)],
    get: impl Fn(*mut sys::virTypedParameter, *mut c_int) -> c_int,
) -> Result<ParamsIn> {
    let mut n: c_int = 0;
    check(get(ptr::null_mut(), &mut n))?;
    let mut current: Vec<sys::virTypedParameter> = Vec::with_capacity(n.max(0) as usize);
    // SAFETY: zeroed parameters are valid input for libvirt to fill.
    current.resize_with(n.max(0) as usize, || unsafe { std::mem::zeroed() });
    if n > 0 {
        check(get(current.as_mut_ptr(), &mut n))?;
    }
    // SAFETY: libvirt filled `n` parameters.
    let types = unsafe { types_of(current.as_ptr(), n) };
    // String values in `current` belong to libvirt's allocator.
    unsafe { sys::virTypedParamsClear(current.as_mut_ptr(), n) };
    from_pairs(method, pairs, |k| types.iter().find(|(f, _)| f == k).map(|(_, t)| *t))
}

/// A `char *` parameter name constant as `&str`.
pub fn name(c: &'static [u8]) -> &'static str {
    std::str::from_utf8(c).unwrap_or("").trim_end_matches('\0')
}

#[allow(dead_code)]
fn _assert_types(_: *const c_char) {}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, Option<Vec<u8>>)> {
        // libvirt's error slots need it before any call (a connection does it otherwise).
        // SAFETY: idempotent, thread-safe.
        assert_eq!(unsafe { sys::virInitialize() }, 0);
        list.iter().map(|(k, v)| (k.to_string(), Some(v.as_bytes().to_vec()))).collect()
    }

    const KNOWN: &[(&str, ParamType)] = &[("disks", ParamType::String), ("bandwidth", ParamType::ULLong)];

    #[test]
    fn repeated_names_only_where_allowed() {
        let b = from_known_multi("m", &pairs(&[("disks", "vda"), ("disks", "vdb"), ("bandwidth", "5")]), KNOWN, &["disks"])
            .unwrap();
        assert_eq!(b.len(), 3);
        // SAFETY: built by libvirt's helpers above.
        let list = unsafe { std::slice::from_raw_parts(b.ptr(), b.len() as usize) };
        assert_eq!(list[2].type_ as u32, sys::VIR_TYPED_PARAM_ULLONG);
        // SAFETY: a ULLONG parameter.
        assert_eq!(unsafe { list[2].value.ul }, 5);
        let e = from_known_multi("m", &pairs(&[("bandwidth", "5"), ("bandwidth", "6")]), KNOWN, &["disks"])
            .err()
            .unwrap();
        assert_eq!(e.text(), "m: parameter 'bandwidth' takes one value, not a list");
    }

    #[test]
    fn unknown_and_mistyped_names_are_refused() {
        let e = from_known("m", &pairs(&[("bandwith", "5")]), KNOWN).err().unwrap();
        assert_eq!(e.text(), "m: unknown parameter 'bandwith' (not one this call accepts)");
        let e = from_known("m", &pairs(&[("bandwidth", "-5")]), KNOWN).err().unwrap();
        assert_eq!(e.text(), "m: parameter 'bandwidth' must be an integer in range, not '-5'");
    }
}
