//! Hand-written method bodies of Sys::Virt: the node (host) queries, CPU
//! models, the classic domain lists, statistics, save images, identity.

use std::ffi::{c_void, CString};
use std::os::raw::{c_char, c_int, c_uint};
use std::ptr;

use virt_sys as sys;

#[allow(unused_imports)]
use crate::api::{handles::*, params, *};
use crate::error::{Failure, Result};
use params::ParamType;

/// `Sys::Virt->_open($uri, $flags)` (Sys::Virt::new without auth): a new
/// connection (`$uri` undef: libvirt's default).
pub fn open(_class: Option<&ConnHandle>, uri: Option<CString>, flags: c_uint) -> Result<Value> {
    let text = match &uri {
        Some(u) => Some(u.to_str().map_err(|_| Failure::message("string argument is not valid UTF-8"))?),
        None => None,
    };
    let remote = crate::boundary::note_connection_uri(text);
    // SAFETY: NULL or a C string; a new reference or NULL.
    let p = crate::fork::opening(remote, || unsafe { sys::virConnectOpenAuth(opt_ptr(&uri), ptr::null_mut(), flags) })?;
    Ok(Value::Object(ObjectOut::adopt::<ConnHandle>(p)?))
}

/// `$conn->get_version`: the hypervisor's version; `Sys::Virt->get_version`
/// (or as a function): the libvirt library's.
pub fn get_version(this: Option<&ConnHandle>) -> Result<Value> {
    let mut v: std::os::raw::c_ulong = 0;
    // SAFETY: a valid connection or none; `v` is writable.
    check(unsafe {
        match this {
            Some(c) => sys::virConnectGetVersion(c.raw(), &mut v),
            None => sys::virGetVersion(&mut v, ptr::null(), ptr::null_mut()),
        }
    })?;
    Ok(Value::UInt(v as u64))
}

/// `Sys::Virt::_test_panic()`: panics on purpose, so that the test suite
/// proves a panic in a method's body becomes a Perl exception.
pub fn test_panic(_class: Option<&ConnHandle>) -> Result<Value> {
    panic!("deliberate panic for the test suite")
}

/// Most entries (cells, or cells times page sizes) one node query may ask
/// for: a range beyond any host's cells fails in libvirt anyway, and is
/// refused here before anything is allocated for it.
const MAX_CELL_ENTRIES: i64 = 1 << 16;

/// The number of cells from `start` to `end` inclusive (0 when `end` is
/// below `start`: libvirt then reports the error), refused when `per_cell`
/// entries for each would be absurd.
fn cell_count(method: &str, start: c_int, end: c_int, per_cell: usize) -> Result<usize> {
    let n = (end as i64 - start as i64 + 1).max(0);
    if n.saturating_mul(per_cell.max(1) as i64) > MAX_CELL_ENTRIES {
        return Err(Failure::message(format!(
            "Sys::Virt::{method}: cells {start} to {end} are more than any host has"
        )));
    }
    Ok(n as usize)
}

/// Typed parameters read with libvirt's two-call pattern: `get(NULL, &n)`
/// reports how many there are, `get(buf, &n)` fills them.
fn fetch_params(get: impl Fn(*mut sys::virTypedParameter, *mut c_int) -> c_int) -> Result<Value> {
    let mut n: c_int = 0;
    check(get(ptr::null_mut(), &mut n))?;
    if n <= 0 {
        return Ok(Value::Hash(Vec::new()));
    }
    // SAFETY: zeroed parameters are valid input for libvirt to fill.
    let mut buf: Vec<sys::virTypedParameter> = (0..n).map(|_| unsafe { std::mem::zeroed() }).collect();
    check(get(buf.as_mut_ptr(), &mut n))?;
    let n = n.min(buf.len() as c_int);
    // SAFETY: libvirt filled `n` parameters; their strings are freed by
    // virTypedParamsClear (libvirt's allocator), the array by Rust.
    let v = unsafe { params::to_hash(buf.as_ptr(), n) };
    unsafe { sys::virTypedParamsClear(buf.as_mut_ptr(), n) };
    Ok(v)
}

/// `virNodeCPUStats` / `virNodeMemoryStats` records (a field name and a
/// 64-bit value), read with the same two-call pattern, as a hash.
fn fetch_stats<T>(
    get: impl Fn(*mut T, *mut c_int) -> c_int,
    entry: impl Fn(&T) -> (&[c_char], u64),
) -> Result<Value> {
    let mut n: c_int = 0;
    check(get(ptr::null_mut(), &mut n))?;
    if n <= 0 {
        return Ok(Value::Hash(Vec::new()));
    }
    // SAFETY: the records are plain data; zeroed is a valid value.
    let mut buf: Vec<T> = (0..n).map(|_| unsafe { std::mem::zeroed() }).collect();
    check(get(buf.as_mut_ptr(), &mut n))?;
    let n = (n.max(0) as usize).min(buf.len());
    Ok(Value::Hash(
        buf[..n]
            .iter()
            .map(|rec| {
                let (field, value) = entry(rec);
                let name: Vec<u8> = field.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
                (String::from_utf8_lossy(&name).into_owned(), Value::UInt(value))
            })
            .collect(),
    ))
}

pub fn get_node_cells_free_memory(this: &ConnHandle, start: c_int, end: c_int) -> Result<Value> {
    let n = cell_count("get_node_cells_free_memory", start, end, 1)?;
    let mut mems: Vec<u64> = vec![0; n];
    // SAFETY: `mems` holds `n` entries, the most libvirt fills.
    let got = check(unsafe { sys::virNodeGetCellsFreeMemory(this.raw(), mems.as_mut_ptr(), start, n as c_int) })?;
    Ok(Value::List(mems[..(got as usize).min(n)].iter().map(|&m| Value::UInt(m)).collect()))
}

pub fn get_node_cpu_map(this: &ConnHandle, flags: c_uint) -> Result<Value> {
    let mut map: *mut u8 = ptr::null_mut();
    let mut online: c_uint = 0;
    // SAFETY: libvirt allocates `map` for the caller.
    let ncpus = check(unsafe { sys::virNodeGetCPUMap(this.raw(), &mut map, &mut online, flags) })?;
    let bytes = if map.is_null() {
        Vec::new()
    } else {
        // SAFETY: the map holds VIR_CPU_MAPLEN(ncpus) bytes; ours to free.
        let v = unsafe { std::slice::from_raw_parts(map, (ncpus as usize).div_ceil(8)) }.to_vec();
        unsafe { libc::free(map as *mut c_void) };
        v
    };
    Ok(Value::List(vec![Value::Int(ncpus as i64), Value::Str(bytes), Value::UInt(online as u64)]))
}

pub fn get_node_cpu_stats(this: &ConnHandle, cpu: c_int, flags: c_uint) -> Result<Value> {
    fetch_stats(
        // SAFETY: `p` is NULL (count only) or holds `*n` records.
        |p: *mut sys::virNodeCPUStats, n| unsafe { sys::virNodeGetCPUStats(this.raw(), cpu, p, n, flags) },
        |r| (&r.field[..], r.value),
    )
}

pub fn get_node_memory_stats(this: &ConnHandle, cell: c_int, flags: c_uint) -> Result<Value> {
    fetch_stats(
        // SAFETY: as above.
        |p: *mut sys::virNodeMemoryStats, n| unsafe { sys::virNodeGetMemoryStats(this.raw(), cell, p, n, flags) },
        |r| (&r.field[..], r.value),
    )
}

pub fn get_node_memory_parameters(this: &ConnHandle, flags: c_uint) -> Result<Value> {
    // SAFETY: `p` is NULL (count only) or holds `*n` parameters.
    fetch_params(|p, n| unsafe { sys::virNodeGetMemoryParameters(this.raw(), p, n, flags) })
}

pub fn set_node_memory_parameters(
    this: &ConnHandle,
    pairs: Vec<(String, Option<Vec<u8>>)>,
    flags: c_uint,
) -> Result<Value> {
    // Typed as libvirt reports the current settings; only the script's keys are sent.
    let p = params::via_getter("Sys::Virt::set_node_memory_parameters", &pairs, |p, n| {
        // SAFETY: as above.
        unsafe { sys::virNodeGetMemoryParameters(this.raw(), p, n, 0) }
    })?;
    // SAFETY: `p` holds `len` parameters built by libvirt's builders.
    check(unsafe { sys::virNodeSetMemoryParameters(this.raw(), p.ptr(), p.len(), flags) })?;
    Ok(Value::Nothing)
}

pub fn get_node_sev_info(this: &ConnHandle, flags: c_uint) -> Result<Value> {
    let mut p = params::OwnedParams::new();
    // SAFETY: libvirt allocates the parameters; OwnedParams frees them.
    check(unsafe { sys::virNodeGetSEVInfo(this.raw(), &mut p.ptr, &mut p.n, flags) })?;
    Ok(p.hash())
}

pub fn get_node_free_pages(this: &ConnHandle, sizes: Vec<u64>, start: c_int, end: c_int, flags: c_uint) -> Result<Value> {
    let mut sizes: Vec<c_uint> = sizes.into_iter().map(|s| s as c_uint).collect(); // uint[]: in range
    let cells = cell_count("get_node_free_pages", start, end, sizes.len())?;
    let mut counts: Vec<u64> = vec![0; sizes.len() * cells];
    // SAFETY: `counts` holds one entry per (cell, page size).
    check(unsafe {
        sys::virNodeGetFreePages(
            this.raw(),
            sizes.len() as c_uint,
            sizes.as_mut_ptr(),
            start,
            cells as c_uint,
            counts.as_mut_ptr(),
            flags,
        )
    })?;
    if sizes.is_empty() {
        return Ok(Value::List(Vec::new()));
    }
    // Every cell of the range, whatever count the call returned: drivers
    // differ (the test driver returns 0 after filling them all), and the
    // classic binding reads them all too.
    Ok(Value::List(
        counts
            .chunks(sizes.len())
            .enumerate()
            .map(|(i, per_size)| {
                let pages = sizes.iter().zip(per_size).map(|(s, &c)| (s.to_string(), Value::UInt(c)));
                Value::hash([("cell", Value::Int(start as i64 + i as i64)), ("pages", Value::hash(pages))])
            })
            .collect(),
    ))
}

/// `node_alloc_pages` (lib/Sys/Virt.pm) splits its `[size, count]` pairs.
pub fn node_alloc_pages(
    this: &ConnHandle,
    sizes: Vec<u64>,
    counts: Vec<u64>,
    start: c_int,
    end: c_int,
    flags: c_uint,
) -> Result<Value> {
    if sizes.len() != counts.len() {
        return Err(Failure::message("Sys::Virt::node_alloc_pages: as many page counts as page sizes are needed"));
    }
    let mut sizes: Vec<c_uint> = sizes.into_iter().map(|s| s as c_uint).collect(); // uint[]: in range
    let mut counts = counts;
    let cells = cell_count("node_alloc_pages", start, end, 1)?;
    // SAFETY: both arrays hold `sizes.len()` entries.
    let n = check(unsafe {
        sys::virNodeAllocPages(
            this.raw(),
            sizes.len() as c_uint,
            sizes.as_mut_ptr(),
            counts.as_mut_ptr(),
            start,
            cells as c_uint,
            flags,
        )
    })?;
    Ok(Value::Int(n as i64))
}

pub fn get_cpu_model_names(this: &ConnHandle, arch: CString, flags: c_uint) -> Result<Value> {
    let mut models: *mut *mut c_char = ptr::null_mut();
    // SAFETY: libvirt allocates the array and each name for the caller.
    let n = check(unsafe { sys::virConnectGetCPUModelNames(this.raw(), arch.as_ptr(), &mut models, flags) })?;
    if models.is_null() {
        return Ok(Value::List(Vec::new()));
    }
    // SAFETY: `n` names, each freed once, then the array.
    let names = (0..n as usize).map(|i| unsafe { Value::from_owned_c_str(*models.add(i)) }).collect();
    unsafe { libc::free(models as *mut c_void) };
    Ok(Value::List(names))
}

pub fn baseline_cpu(this: &ConnHandle, xml: Vec<CString>, flags: c_uint) -> Result<Value> {
    let mut ptrs: Vec<*const c_char> = xml.iter().map(|s| s.as_ptr()).collect();
    // SAFETY: `ptrs` holds `len` strings that outlive the call.
    unsafe { owned_string(sys::virConnectBaselineCPU(this.raw(), ptrs.as_mut_ptr(), ptrs.len() as c_uint, flags)) }
}

pub fn baseline_hypervisor_cpu(
    this: &ConnHandle,
    emulator: Option<CString>,
    arch: Option<CString>,
    machine: Option<CString>,
    virttype: Option<CString>,
    xml: Vec<CString>,
    flags: c_uint,
) -> Result<Value> {
    let mut ptrs: Vec<*const c_char> = xml.iter().map(|s| s.as_ptr()).collect();
    // SAFETY: as above; the optional strings are NULL or outlive the call.
    unsafe {
        owned_string(sys::virConnectBaselineHypervisorCPU(
            this.raw(),
            opt_ptr(&emulator),
            opt_ptr(&arch),
            opt_ptr(&machine),
            opt_ptr(&virttype),
            ptrs.as_mut_ptr(),
            ptrs.len() as c_uint,
            flags,
        ))
    }
}

/// A `maxids`/`maxnames` argument: negative (or absent) means "as many as
/// there are now".
fn max_arg(m: c_int) -> Option<c_int> {
    (m >= 0).then_some(m)
}

pub fn list_domain_ids(this: &ConnHandle, maxids: c_int) -> Result<Value> {
    let c = this.raw();
    id_list(
        max_arg(maxids),
        // SAFETY: plain calls on a valid connection; `ids` holds `max` entries.
        || unsafe { sys::virConnectNumOfDomains(c) },
        |ids, max| unsafe { sys::virConnectListDomains(c, ids, max) },
    )
}

pub fn list_defined_domain_names(this: &ConnHandle, maxnames: c_int) -> Result<Value> {
    let c = this.raw();
    name_list(
        max_arg(maxnames),
        // SAFETY: as above.
        || unsafe { sys::virConnectNumOfDefinedDomains(c) },
        |names, max| unsafe { sys::virConnectListDefinedDomains(c, names, max) },
    )
}

pub fn create_domain_with_files(this: &ConnHandle, xml: CString, fds: Vec<i64>, flags: c_uint) -> Result<Value> {
    let mut fds: Vec<c_int> = fds.into_iter().map(|f| f as c_int).collect(); // int[]: in range
    // SAFETY: `fds` holds `len` descriptors; the result is a new reference.
    let dom = unsafe {
        sys::virDomainCreateXMLWithFiles(this.raw(), xml.as_ptr(), fds.len() as c_uint, fds.as_mut_ptr(), flags)
    };
    Ok(Value::Object(ObjectOut::adopt::<DomainHandle>(dom)?))
}

/// The records of `virConnectGetAllDomainStats`/`virDomainListGetStats`.
struct StatsRecords(*mut sys::virDomainStatsRecordPtr);

impl Drop for StatsRecords {
    fn drop(&mut self) {
        if !self.0.is_null() {
            // SAFETY: the list libvirt allocated, freed once (it drops its
            // own references to the domains; ours were taken with virDomainRef).
            unsafe { sys::virDomainStatsRecordListFree(self.0) };
        }
    }
}

pub fn get_all_domain_stats(this: &ConnHandle, stats: c_uint, doms: Vec<&DomainHandle>, flags: c_uint) -> Result<Value> {
    let mut recs = StatsRecords(ptr::null_mut());
    // No domains (undef or []): every domain of the connection, as the
    // classic binding does.
    let n = if doms.is_empty() {
        // SAFETY: libvirt allocates the records for the caller.
        check(unsafe { sys::virConnectGetAllDomainStats(this.raw(), stats, &mut recs.0, flags) })?
    } else {
        let mut list: Vec<sys::virDomainPtr> = doms.iter().map(|d| d.raw()).collect();
        list.push(ptr::null_mut()); // NULL-terminated
        // SAFETY: the domains stay alive (the glue holds their objects).
        check(unsafe { sys::virDomainListGetStats(list.as_mut_ptr(), stats, &mut recs.0, flags) })?
    };
    let mut out = Vec::with_capacity(n as usize);
    for i in 0..n as usize {
        // SAFETY: libvirt returned `n` records (NULL-terminated list).
        let rec = unsafe { &**recs.0.add(i) };
        // SAFETY: a new reference for the Perl object; the record keeps its own.
        check(unsafe { sys::virDomainRef(rec.dom) })?;
        let dom = ObjectOut::adopt::<DomainHandle>(rec.dom)?;
        // SAFETY: the record's parameters, copied out before the list is freed.
        let data = unsafe { params::to_hash(rec.params, rec.nparams) };
        out.push(Value::hash([("dom", Value::Object(dom)), ("data", data)]));
    }
    Ok(Value::List(out))
}

pub fn restore_domain(
    this: &ConnHandle,
    from: Option<CString>,
    dxml: Option<CString>,
    params: Option<Vec<(String, Option<Vec<u8>>)>>,
    flags: c_uint,
) -> Result<Value> {
    const FILE: &str = "file"; // VIR_DOMAIN_SAVE_PARAM_FILE
    const DXML: &str = "dxml"; // VIR_DOMAIN_SAVE_PARAM_DXML
    match params {
        Some(mut pairs) => {
            // The positional file and XML join the parameters unless given there.
            for (key, val) in [(FILE, &from), (DXML, &dxml)] {
                if let Some(v) = val {
                    if !pairs.iter().any(|(k, _)| k == key) {
                        pairs.push((key.to_string(), Some(v.as_bytes().to_vec())));
                    }
                }
            }
            let p = params::from_known(
                "Sys::Virt::restore_domain",
                &pairs,
                &[(FILE, ParamType::String), (DXML, ParamType::String)],
            )?;
            #[cfg(libvirt = "virDomainRestoreParams")]
            // SAFETY: `p` holds `len` parameters.
            check(unsafe { sys::virDomainRestoreParams(this.raw(), p.ptr(), p.len(), flags) })?;
            #[cfg(not(libvirt = "virDomainRestoreParams"))]
            lacking("Sys::Virt::restore_domain", "virDomainRestoreParams").map(|()| drop(p))?;
        }
        None => {
            let from = from.ok_or_else(|| {
                Failure::message("Sys::Virt::restore_domain: either 'from' or 'params' must be given")
            })?;
            // SAFETY: valid strings (dxml NULL or valid) for the call.
            check(unsafe { sys::virDomainRestoreFlags(this.raw(), from.as_ptr(), opt_ptr(&dxml), flags) })?;
        }
    }
    Ok(Value::Nothing)
}

pub fn set_identity(this: &ConnHandle, pairs: Vec<(String, Option<Vec<u8>>)>, flags: c_uint) -> Result<Value> {
    // VIR_CONNECT_IDENTITY_* and their documented types.
    let known = [
        ("user-name", ParamType::String),
        ("unix-user-id", ParamType::ULLong),
        ("group-name", ParamType::String),
        ("unix-group-id", ParamType::ULLong),
        ("process-id", ParamType::LLong),
        ("process-time", ParamType::ULLong),
        ("sasl-user-name", ParamType::String),
        ("x509-distinguished-name", ParamType::String),
        ("selinux-context", ParamType::String),
    ];
    let p = params::from_known("Sys::Virt::set_identity", &pairs, &known)?;
    // SAFETY: `p` holds `len` parameters.
    check(unsafe { sys::virConnectSetIdentity(this.raw(), p.ptr(), p.len(), flags) })?;
    Ok(Value::Nothing)
}
