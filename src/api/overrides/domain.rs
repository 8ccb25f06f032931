//! Hand-written method bodies of Sys::Virt::Domain: the calls whose shape
//! the generator cannot derive from libvirt's signature (out-arrays, typed
//! parameters, lists of structs, fallbacks the classic binding makes).

use std::ffi::{c_void, CString};
use std::os::raw::{c_char, c_int, c_uint};
use std::ptr;

use virt_sys as sys;

#[allow(unused_imports)]
use crate::api::{handles::*, params, *};
use crate::error::{Failure, Result};
use crate::stream::{Direction, StreamHandle};
use params::{cname, ParamType};

type Pairs = Vec<(String, Option<Vec<u8>>)>;

macro_rules! method {
    ($name:expr) => {
        concat!("Sys::Virt::Domain::", $name)
    };
}

/// The libvirt error code of a failure (0 for a plain message).
fn code_of(f: &Failure) -> i32 {
    match f {
        Failure::Libvirt { code, .. } => *code,
        Failure::Message(_) => 0,
    }
}

/// A zeroed C struct for libvirt to fill.
fn zeroed<T>() -> T {
    // SAFETY: only used for libvirt's plain C structs (integers, arrays,
    // pointers), for which all-zero is a valid value.
    unsafe { std::mem::zeroed() }
}

/// Bytes of a cpumap for one vCPU: `VIR_CPU_MAPLEN` of the host's CPUs.
fn cpumap_len(dom: sys::virDomainPtr) -> Result<usize> {
    let mut info: sys::virNodeInfo = zeroed();
    // SAFETY: the connection of a valid domain (no new reference).
    let conn = unsafe { sys::virDomainGetConnect(dom) };
    if conn.is_null() {
        return Err(Failure::last_libvirt());
    }
    // SAFETY: valid connection and struct.
    check(unsafe { sys::virNodeGetInfo(conn, &mut info) })?;
    let cpus = (info.nodes as usize) * (info.sockets as usize) * (info.cores as usize) * (info.threads as usize);
    Ok(cpus.div_ceil(8).max(1))
}

/// A zeroed buffer of `size` bytes, or a clear message if it cannot be had
/// (never an abort of the interpreter on an absurd size).
fn buffer(method: &str, size: u64) -> Result<Vec<u8>> {
    let size = usize::try_from(size).map_err(|_| Failure::message(format!("{method}: 'size' is too large")))?;
    let mut v = Vec::new();
    v.try_reserve_exact(size)
        .map_err(|_| Failure::message(format!("{method}: cannot allocate {size} bytes for 'size'")))?;
    v.resize(size, 0);
    Ok(v)
}

/// Integers of an array argument as C `int`s (file descriptors).
fn c_ints(method: &str, what: &str, v: &[i64]) -> Result<Vec<c_int>> {
    v.iter()
        .enumerate()
        .map(|(i, &x)| {
            c_int::try_from(x).map_err(|_| Failure::message(format!("{method}: '{what}' element {i} is out of range")))
        })
        .collect()
}

/// Integers of an array argument as C `unsigned int`s (key codes).
fn c_uints(method: &str, what: &str, v: &[i64]) -> Result<Vec<c_uint>> {
    v.iter()
        .enumerate()
        .map(|(i, &x)| {
            c_uint::try_from(x).map_err(|_| Failure::message(format!("{method}: '{what}' element {i} is out of range")))
        })
        .collect()
}

/// Pointers to the strings of a list argument (valid while `v` lives).
fn c_ptrs(v: &[CString]) -> Vec<*const c_char> {
    v.iter().map(|s| s.as_ptr()).collect()
}

// ------------------------------------------------------------ state ----

pub fn get_state(this: &DomainHandle, flags: c_uint) -> Result<Value> {
    let (mut state, mut reason): (c_int, c_int) = (0, 0);
    // SAFETY: valid domain and out-pointers.
    check(unsafe { sys::virDomainGetState(this.raw(), &mut state, &mut reason, flags) })?;
    Ok(Value::List(vec![Value::Int(state as i64), Value::Int(reason as i64)]))
}

pub fn get_time(this: &DomainHandle, flags: c_uint) -> Result<Value> {
    let (mut secs, mut nsecs): (i64, c_uint) = (0, 0);
    // SAFETY: valid domain and out-pointers.
    check(unsafe { sys::virDomainGetTime(this.raw(), &mut secs, &mut nsecs, flags) })?;
    Ok(Value::Array(vec![Value::Int(secs), Value::UInt(nsecs as u64)]))
}

pub fn get_disk_errors(this: &DomainHandle, flags: c_uint) -> Result<Value> {
    let d = this.raw();
    // SAFETY: NULL/0 asks for the count.
    let n = check(unsafe { sys::virDomainGetDiskErrors(d, ptr::null_mut(), 0, flags) })? as usize;
    if n == 0 {
        return Ok(Value::List(Vec::new()));
    }
    let mut errs: Vec<sys::virDomainDiskError> = (0..n).map(|_| zeroed()).collect();
    // SAFETY: room for `n` entries.
    let got = check(unsafe { sys::virDomainGetDiskErrors(d, errs.as_mut_ptr(), n as c_uint, flags) })? as usize;
    let items = errs[..got.min(n)]
        .iter()
        .map(|e| {
            // SAFETY: libvirt filled `disk` with a malloc'ed string, ours to free.
            let path = unsafe { Value::from_owned_c_str(e.disk) };
            Value::hash([("path", path), ("error", Value::Int(e.error as i64))])
        })
        .collect();
    Ok(Value::List(items))
}

pub fn get_scheduler_type(this: &DomainHandle) -> Result<Value> {
    let mut n: c_int = 0;
    // SAFETY: valid domain; the string is ours to free.
    unsafe { owned_string(sys::virDomainGetSchedulerType(this.raw(), &mut n)) }
}

pub fn get_security_label_list(this: &DomainHandle) -> Result<Value> {
    let mut arr: *mut sys::virSecurityLabel = ptr::null_mut();
    // SAFETY: libvirt allocates the array.
    let n = check(unsafe { sys::virDomainGetSecurityLabelList(this.raw(), &mut arr) })? as usize;
    let mut items = Vec::with_capacity(n);
    for i in 0..n {
        // SAFETY: `n` labels were filled.
        let l = unsafe { &*arr.add(i) };
        items.push(Value::hash([("label", l.label.into_value()), ("enforcing", Value::Int(l.enforcing as i64))]));
    }
    // SAFETY: the array is ours to free.
    unsafe { libc::free(arr as *mut c_void) };
    Ok(Value::List(items))
}

#[cfg(libvirt = "virDomainGetMessages")]
pub fn get_messages(this: &DomainHandle, flags: c_uint) -> Result<Value> {
    let mut msgs: *mut *mut c_char = ptr::null_mut();
    // SAFETY: libvirt allocates the list.
    let n = check(unsafe { sys::virDomainGetMessages(this.raw(), &mut msgs, flags) })?;
    // SAFETY: `n` malloc'ed strings in a malloc'ed array.
    Ok(unsafe { owned_string_list(msgs, n) })
}

// ------------------------------------------------------------ stats ----

pub fn block_stats(this: &DomainHandle, path: CString, flags: c_uint) -> Result<Value> {
    let d = this.raw();
    let typed = params::fetch(|p, n| {
        // SAFETY: valid domain, disk name and parameter array.
        unsafe { sys::virDomainBlockStatsFlags(d, path.as_ptr(), p, n, flags) }
    });
    match typed {
        Ok(Value::Hash(mut pairs)) => {
            // The classic binding adds the old names of the request counts.
            for (old, new) in [
                ("rd_req", sys::VIR_DOMAIN_BLOCK_STATS_READ_REQ),
                ("wr_req", sys::VIR_DOMAIN_BLOCK_STATS_WRITE_REQ),
                ("flush_reqs", sys::VIR_DOMAIN_BLOCK_STATS_FLUSH_REQ),
            ] {
                if let Some(v) = pairs.iter().find(|(k, _)| k == cname(new)).map(|(_, v)| copy_number(v)) {
                    pairs.push((old.to_string(), v));
                }
            }
            Ok(Value::Hash(pairs))
        }
        Ok(other) => Ok(other),
        Err(f) if flags == 0 && code_of(&f) == sys::VIR_ERR_NO_SUPPORT as i32 => {
            // Drivers without the typed call: the fixed struct, as the classic binding.
            let mut st: sys::virDomainBlockStatsStruct = zeroed();
            // SAFETY: valid domain, disk name and struct of the given size.
            check(unsafe {
                sys::virDomainBlockStats(d, path.as_ptr(), &mut st, std::mem::size_of::<sys::virDomainBlockStatsStruct>())
            })?;
            Ok(Value::hash([
                ("rd_req", Value::Int(st.rd_req)),
                ("rd_bytes", Value::Int(st.rd_bytes)),
                ("wr_req", Value::Int(st.wr_req)),
                ("wr_bytes", Value::Int(st.wr_bytes)),
                ("errs", Value::Int(st.errs)),
            ]))
        }
        Err(f) => Err(f),
    }
}

fn copy_number(v: &Value) -> Value {
    match v {
        Value::Int(i) => Value::Int(*i),
        Value::UInt(u) => Value::UInt(*u),
        Value::Double(d) => Value::Double(*d),
        other => other.as_bytes().map_or(Value::Undef, |b| Value::Str(b.to_vec())),
    }
}

pub fn memory_stats(this: &DomainHandle, flags: c_uint) -> Result<Value> {
    const NR: usize = sys::VIR_DOMAIN_MEMORY_STAT_NR as usize;
    let mut stats: [sys::virDomainMemoryStatStruct; NR] = zeroed();
    // SAFETY: room for NR entries.
    let n = check(unsafe { sys::virDomainMemoryStats(this.raw(), stats.as_mut_ptr(), NR as c_uint, flags) })? as usize;
    let mut pairs = Vec::with_capacity(n);
    for s in &stats[..n.min(NR)] {
        let key = match s.tag as u32 {
            sys::VIR_DOMAIN_MEMORY_STAT_SWAP_IN => "swap_in",
            sys::VIR_DOMAIN_MEMORY_STAT_SWAP_OUT => "swap_out",
            sys::VIR_DOMAIN_MEMORY_STAT_MAJOR_FAULT => "major_fault",
            sys::VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT => "minor_fault",
            sys::VIR_DOMAIN_MEMORY_STAT_UNUSED => "unused",
            sys::VIR_DOMAIN_MEMORY_STAT_AVAILABLE => "available",
            sys::VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON => "actual_balloon",
            sys::VIR_DOMAIN_MEMORY_STAT_RSS => "rss",
            sys::VIR_DOMAIN_MEMORY_STAT_USABLE => "usable",
            sys::VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE => "last_update",
            sys::VIR_DOMAIN_MEMORY_STAT_DISK_CACHES => "disk_caches",
            sys::VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGALLOC => "hugetlb_pgalloc",
            sys::VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGFAIL => "hugetlb_pgfail",
            _ => continue,
        };
        pairs.push((key.to_string(), Value::UInt(s.val)));
    }
    Ok(Value::Hash(pairs))
}

pub fn get_cpu_stats(this: &DomainHandle, start_cpu: c_int, ncpus: c_uint, flags: c_uint) -> Result<Value> {
    let method = method!("get_cpu_stats");
    let d = this.raw();
    // SAFETY: NULL/0 with one CPU asks for the number of statistics.
    let nparams = check(unsafe { sys::virDomainGetCPUStats(d, ptr::null_mut(), 0, start_cpu, 1, flags) })? as usize;
    let total = nparams
        .checked_mul(ncpus as usize)
        .ok_or_else(|| Failure::message(format!("{method}: 'ncpus' is too large")))?;
    let mut list: Vec<sys::virTypedParameter> = Vec::new();
    list.try_reserve_exact(total)
        .map_err(|_| Failure::message(format!("{method}: 'ncpus' is too large")))?;
    list.resize_with(total, zeroed);
    let rc = if total == 0 {
        0
    } else {
        // SAFETY: room for `nparams` parameters for each of `ncpus` CPUs.
        unsafe { sys::virDomainGetCPUStats(d, list.as_mut_ptr(), nparams as c_uint, start_cpu, ncpus, flags) }
    };
    let result = check(rc).map(|_| {
        let items = (0..ncpus as usize)
            .map(|cpu| {
                // Each CPU's statistics start at its stride; the rest are zeroed.
                let slice = &list[cpu * nparams..(cpu + 1) * nparams];
                let filled = slice.iter().take_while(|p| p.type_ != 0).count();
                // SAFETY: `filled` parameters libvirt filled in.
                unsafe { params::to_hash(slice.as_ptr(), filled as c_int) }
            })
            .collect();
        Value::List(items)
    });
    // SAFETY: string values belong to libvirt's allocator; zeroed ones are skipped.
    unsafe { sys::virTypedParamsClear(list.as_mut_ptr(), total as c_int) };
    result
}

pub fn get_job_stats(this: &DomainHandle, flags: c_uint) -> Result<Value> {
    let mut ty: c_int = 0;
    let mut p = params::OwnedParams::new();
    // SAFETY: libvirt allocates the parameters.
    check(unsafe { sys::virDomainGetJobStats(this.raw(), &mut ty, &mut p.ptr, &mut p.n, flags) })?;
    Ok(Value::List(vec![Value::Int(ty as i64), p.hash()]))
}

pub fn get_guest_vcpus(this: &DomainHandle, flags: c_uint) -> Result<Value> {
    let mut p = params::OwnedParams::new();
    let mut n: c_uint = 0;
    // SAFETY: libvirt allocates the parameters.
    let rc = unsafe { sys::virDomainGetGuestVcpus(this.raw(), &mut p.ptr, &mut n, flags) };
    p.n = n as c_int;
    check(rc)?;
    Ok(p.hash())
}

pub fn get_launch_security_info(this: &DomainHandle, flags: c_uint) -> Result<Value> {
    let d = this.raw();
    // SAFETY: libvirt allocates the parameters.
    let p = params::fetch_owned(|p, n| unsafe { sys::virDomainGetLaunchSecurityInfo(d, p, n, flags) })?;
    Ok(p.hash())
}

pub fn get_guest_info(this: &DomainHandle, types: c_uint, flags: c_uint) -> Result<Value> {
    let d = this.raw();
    // SAFETY: libvirt allocates the parameters.
    let p = params::fetch_owned(|p, n| unsafe { sys::virDomainGetGuestInfo(d, types, p, n, flags) })?;
    Ok(p.hash())
}

// ------------------------------------------------------- parameters ----

/// The scheduler getter in `params::fetch` form: the count comes from
/// `virDomainGetSchedulerType`; flags select the `...Flags` call, as the
/// classic binding does.
fn scheduler_getter(d: sys::virDomainPtr, flags: c_uint) -> impl Fn(*mut sys::virTypedParameter, *mut c_int) -> c_int {
    move |p, n| {
        if p.is_null() {
            // SAFETY: valid domain; the type string is ours to free.
            let t = unsafe { sys::virDomainGetSchedulerType(d, n) };
            if t.is_null() {
                return -1;
            }
            // SAFETY: malloc'ed by libvirt.
            unsafe { libc::free(t as *mut c_void) };
            0
        } else if flags != 0 {
            // SAFETY: room for `*n` parameters.
            unsafe { sys::virDomainGetSchedulerParametersFlags(d, p, n, flags) }
        } else {
            // SAFETY: as above.
            unsafe { sys::virDomainGetSchedulerParameters(d, p, n) }
        }
    }
}

pub fn get_scheduler_parameters(this: &DomainHandle, flags: c_uint) -> Result<Value> {
    params::fetch(scheduler_getter(this.raw(), flags))
}

pub fn set_scheduler_parameters(this: &DomainHandle, pairs: Pairs, flags: c_uint) -> Result<Value> {
    let d = this.raw();
    let b = params::via_getter(method!("set_scheduler_parameters"), &pairs, scheduler_getter(d, flags))?;
    // SAFETY: valid domain and parameters.
    check(unsafe {
        if flags != 0 {
            sys::virDomainSetSchedulerParametersFlags(d, b.ptr(), b.len(), flags)
        } else {
            sys::virDomainSetSchedulerParameters(d, b.ptr(), b.len())
        }
    })?;
    Ok(Value::Nothing)
}

/// A getter/setter pair of typed parameters of the domain as a whole.
macro_rules! param_pair {
    ($get:ident, $set:ident, $cget:ident, $cset:ident) => {
        pub fn $get(this: &DomainHandle, flags: c_uint) -> Result<Value> {
            let d = this.raw();
            // SAFETY: valid domain; `params::fetch` sizes the array.
            params::fetch(|p, n| unsafe { sys::$cget(d, p, n, flags) })
        }

        pub fn $set(this: &DomainHandle, pairs: Pairs, flags: c_uint) -> Result<Value> {
            let d = this.raw();
            // SAFETY: as above.
            let b = params::via_getter(method!(stringify!($set)), &pairs, |p, n| unsafe { sys::$cget(d, p, n, flags) })?;
            // SAFETY: valid domain and parameters.
            check(unsafe { sys::$cset(d, b.ptr(), b.len(), flags) })?;
            Ok(Value::Nothing)
        }
    };
}

param_pair!(get_memory_parameters, set_memory_parameters, virDomainGetMemoryParameters, virDomainSetMemoryParameters);
param_pair!(get_blkio_parameters, set_blkio_parameters, virDomainGetBlkioParameters, virDomainSetBlkioParameters);
param_pair!(get_numa_parameters, set_numa_parameters, virDomainGetNumaParameters, virDomainSetNumaParameters);

/// The same, for the parameters of one device (disk or interface).
macro_rules! device_param_pair {
    ($get:ident, $set:ident, $cget:ident, $cset:ident) => {
        pub fn $get(this: &DomainHandle, dev: CString, flags: c_uint) -> Result<Value> {
            let d = this.raw();
            // SAFETY: valid domain and device name; `params::fetch` sizes the array.
            params::fetch(|p, n| unsafe { sys::$cget(d, dev.as_ptr(), p, n, flags) })
        }

        pub fn $set(this: &DomainHandle, dev: CString, pairs: Pairs, flags: c_uint) -> Result<Value> {
            let d = this.raw();
            // SAFETY: as above.
            let b = params::via_getter(method!(stringify!($set)), &pairs, |p, n| unsafe {
                sys::$cget(d, dev.as_ptr(), p, n, flags)
            })?;
            // SAFETY: valid domain, device name and parameters.
            check(unsafe { sys::$cset(d, dev.as_ptr(), b.ptr(), b.len(), flags) })?;
            Ok(Value::Nothing)
        }
    };
}

device_param_pair!(get_block_iotune, set_block_iotune, virDomainGetBlockIoTune, virDomainSetBlockIoTune);
device_param_pair!(
    get_interface_parameters,
    set_interface_parameters,
    virDomainGetInterfaceParameters,
    virDomainSetInterfaceParameters
);

pub fn get_perf_events(this: &DomainHandle, flags: c_uint) -> Result<Value> {
    let d = this.raw();
    // SAFETY: libvirt allocates the parameters.
    Ok(params::fetch_owned(|p, n| unsafe { sys::virDomainGetPerfEvents(d, p, n, flags) })?.hash())
}

pub fn set_perf_events(this: &DomainHandle, pairs: Pairs, flags: c_uint) -> Result<Value> {
    let d = this.raw();
    // SAFETY: as above.
    let b = params::via_owned_getter(method!("set_perf_events"), &pairs, |p, n| unsafe {
        sys::virDomainGetPerfEvents(d, p, n, flags)
    })?;
    // SAFETY: valid domain and parameters.
    check(unsafe { sys::virDomainSetPerfEvents(d, b.ptr(), b.len(), flags) })?;
    Ok(Value::Nothing)
}

pub fn set_iothread(this: &DomainHandle, iothread: c_uint, pairs: Pairs, flags: c_uint) -> Result<Value> {
    let known = [
        (cname(sys::VIR_DOMAIN_IOTHREAD_POLL_MAX_NS), ParamType::ULLong),
        (cname(sys::VIR_DOMAIN_IOTHREAD_POLL_GROW), ParamType::UInt),
        (cname(sys::VIR_DOMAIN_IOTHREAD_POLL_SHRINK), ParamType::UInt),
        (cname(sys::VIR_DOMAIN_IOTHREAD_THREAD_POOL_MIN), ParamType::Int),
        (cname(sys::VIR_DOMAIN_IOTHREAD_THREAD_POOL_MAX), ParamType::Int),
    ];
    let b = params::from_known(method!("set_iothread"), &pairs, &known)?;
    // SAFETY: valid domain and parameters.
    check(unsafe { sys::virDomainSetIOThreadParams(this.raw(), iothread, b.ptr(), b.len(), flags) })?;
    Ok(Value::Nothing)
}

#[cfg(libvirt = "virDomainSetLaunchSecurityState")]
pub fn set_launch_security_state(this: &DomainHandle, pairs: Pairs, flags: c_uint) -> Result<Value> {
    let known = [
        (cname(sys::VIR_DOMAIN_LAUNCH_SECURITY_SEV_SECRET_HEADER), ParamType::String),
        (cname(sys::VIR_DOMAIN_LAUNCH_SECURITY_SEV_SECRET), ParamType::String),
        (cname(sys::VIR_DOMAIN_LAUNCH_SECURITY_SEV_SECRET_SET_ADDRESS), ParamType::ULLong),
    ];
    let b = params::from_known(method!("set_launch_security_state"), &pairs, &known)?;
    // SAFETY: valid domain and parameters.
    check(unsafe { sys::virDomainSetLaunchSecurityState(this.raw(), b.ptr(), b.len(), flags) })?;
    Ok(Value::Nothing)
}

pub fn block_copy(this: &DomainHandle, path: CString, destxml: CString, pairs: Pairs, flags: c_uint) -> Result<Value> {
    let known = [
        (cname(sys::VIR_DOMAIN_BLOCK_COPY_BANDWIDTH), ParamType::ULLong),
        (cname(sys::VIR_DOMAIN_BLOCK_COPY_GRANULARITY), ParamType::UInt),
        (cname(sys::VIR_DOMAIN_BLOCK_COPY_BUF_SIZE), ParamType::ULLong),
    ];
    let b = params::from_known(method!("block_copy"), &pairs, &known)?;
    // SAFETY: valid domain, strings and parameters.
    check(unsafe { sys::virDomainBlockCopy(this.raw(), path.as_ptr(), destxml.as_ptr(), b.ptr(), b.len(), flags) })?;
    Ok(Value::Nothing)
}

// ------------------------------------------------------ migration ------

/// The migration parameters of this libvirt, typed as its documentation
/// says; the disks to migrate and the compression methods may repeat.
fn migrate_params(method: &str, pairs: &Pairs) -> Result<params::ParamsIn> {
    use ParamType::*;
    let known = [
        (cname(sys::VIR_MIGRATE_PARAM_URI), String),
        (cname(sys::VIR_MIGRATE_PARAM_DEST_NAME), String),
        (cname(sys::VIR_MIGRATE_PARAM_DEST_XML), String),
        (cname(sys::VIR_MIGRATE_PARAM_PERSIST_XML), String),
        (cname(sys::VIR_MIGRATE_PARAM_BANDWIDTH), ULLong),
        (cname(sys::VIR_MIGRATE_PARAM_BANDWIDTH_POSTCOPY), ULLong),
        (cname(sys::VIR_MIGRATE_PARAM_GRAPHICS_URI), String),
        (cname(sys::VIR_MIGRATE_PARAM_LISTEN_ADDRESS), String),
        (cname(sys::VIR_MIGRATE_PARAM_MIGRATE_DISKS), String),
        (cname(sys::VIR_MIGRATE_PARAM_DISKS_PORT), Int),
        (cname(sys::VIR_MIGRATE_PARAM_DISKS_URI), String),
        (cname(sys::VIR_MIGRATE_PARAM_COMPRESSION), String),
        (cname(sys::VIR_MIGRATE_PARAM_COMPRESSION_MT_LEVEL), Int),
        (cname(sys::VIR_MIGRATE_PARAM_COMPRESSION_MT_THREADS), Int),
        (cname(sys::VIR_MIGRATE_PARAM_COMPRESSION_MT_DTHREADS), Int),
        (cname(sys::VIR_MIGRATE_PARAM_COMPRESSION_XBZRLE_CACHE), ULLong),
        (cname(sys::VIR_MIGRATE_PARAM_AUTO_CONVERGE_INITIAL), Int),
        (cname(sys::VIR_MIGRATE_PARAM_AUTO_CONVERGE_INCREMENT), Int),
        (cname(sys::VIR_MIGRATE_PARAM_PARALLEL_CONNECTIONS), Int),
        (cname(sys::VIR_MIGRATE_PARAM_TLS_DESTINATION), String),
    ];
    let multi = [cname(sys::VIR_MIGRATE_PARAM_MIGRATE_DISKS), cname(sys::VIR_MIGRATE_PARAM_COMPRESSION)];
    params::from_known_multi(method, pairs, &known, &multi)
}

/// `_migrate`: the hash form behind `migrate` and `migrate2`.
pub fn migrate(this: &DomainHandle, dest: &ConnHandle, pairs: Pairs, flags: c_uint) -> Result<Value> {
    let b = migrate_params(method!("migrate"), &pairs)?;
    // SAFETY: valid domain, connection and parameters; a new reference or NULL.
    let p = unsafe { sys::virDomainMigrate3(this.raw(), dest.raw(), b.ptr(), b.len() as c_uint, flags) };
    Ok(Value::Object(ObjectOut::adopt::<DomainHandle>(p)?))
}

/// `_migrate_to_uri`: the hash form behind `migrate_to_uri` and `migrate_to_uri2`.
pub fn migrate_to_uri(this: &DomainHandle, desturi: CString, pairs: Pairs, flags: c_uint) -> Result<Value> {
    let b = migrate_params(method!("migrate_to_uri"), &pairs)?;
    // SAFETY: valid domain, URI and parameters.
    check(unsafe { sys::virDomainMigrateToURI3(this.raw(), desturi.as_ptr(), b.ptr(), b.len() as c_uint, flags) })?;
    Ok(Value::Nothing)
}

// ------------------------------------------------------ save, files ----

pub fn save(
    this: &DomainHandle,
    filename: Option<CString>,
    dxml: Option<CString>,
    pairs: Option<Pairs>,
    flags: c_uint,
) -> Result<Value> {
    let method = method!("save");
    let d = this.raw();
    match pairs {
        Some(mut pairs) => {
            // The positional file and XML join the parameters.
            for (key, value) in [(sys::VIR_DOMAIN_SAVE_PARAM_FILE, filename), (sys::VIR_DOMAIN_SAVE_PARAM_DXML, dxml)] {
                if let Some(v) = value {
                    if pairs.iter().any(|(k, _)| k == cname(key)) {
                        return Err(Failure::message(format!(
                            "{method}: '{}' is given both as an argument and in 'params'",
                            cname(key)
                        )));
                    }
                    pairs.push((cname(key).to_string(), Some(v.into_bytes())));
                }
            }
            let known = [
                (cname(sys::VIR_DOMAIN_SAVE_PARAM_FILE), ParamType::String),
                (cname(sys::VIR_DOMAIN_SAVE_PARAM_DXML), ParamType::String),
            ];
            let b = params::from_known(method, &pairs, &known)?;
            #[cfg(libvirt = "virDomainSaveParams")]
            // SAFETY: valid domain and parameters.
            check(unsafe { sys::virDomainSaveParams(d, b.ptr(), b.len(), flags) })?;
            #[cfg(not(libvirt = "virDomainSaveParams"))]
            lacking(method, "virDomainSaveParams").map(|()| drop(b))?;
        }
        None => {
            let to = filename.ok_or_else(|| Failure::message(format!("{method}: 'filename' is required without 'params'")))?;
            // SAFETY: valid domain and strings.
            check(unsafe {
                if dxml.is_some() || flags != 0 {
                    sys::virDomainSaveFlags(d, to.as_ptr(), opt_ptr(&dxml), flags)
                } else {
                    sys::virDomainSave(d, to.as_ptr())
                }
            })?;
        }
    }
    Ok(Value::Nothing)
}

pub fn create_with_files(this: &DomainHandle, fds: Vec<i64>, flags: c_uint) -> Result<Value> {
    let mut fds = c_ints(method!("create_with_files"), "fds", &fds)?;
    // SAFETY: valid domain and `fds.len()` descriptors.
    check(unsafe { sys::virDomainCreateWithFiles(this.raw(), fds.len() as c_uint, fds.as_mut_ptr(), flags) })?;
    Ok(Value::Nothing)
}

#[cfg(libvirt = "virDomainFDAssociate")]
pub fn fd_associate(this: &DomainHandle, name: CString, fds: Vec<i64>, flags: c_uint) -> Result<Value> {
    let mut fds = c_ints(method!("fd_associate"), "fds", &fds)?;
    // SAFETY: valid domain, name and `fds.len()` descriptors.
    check(unsafe { sys::virDomainFDAssociate(this.raw(), name.as_ptr(), fds.len() as c_uint, fds.as_mut_ptr(), flags) })?;
    Ok(Value::Nothing)
}

pub fn send_key(this: &DomainHandle, codeset: c_uint, holdtime: c_uint, keycodes: Vec<i64>, flags: c_uint) -> Result<Value> {
    let mut codes = c_uints(method!("send_key"), "keycodes", &keycodes)?;
    // SAFETY: valid domain and `codes.len()` key codes.
    check(unsafe {
        sys::virDomainSendKey(this.raw(), codeset, holdtime, codes.as_mut_ptr(), codes.len() as c_int, flags)
    })?;
    Ok(Value::Nothing)
}

// ------------------------------------------------------------ peek -----

pub fn block_peek(this: &DomainHandle, path: CString, offset: u64, size: u64, flags: c_uint) -> Result<Value> {
    let mut buf = buffer(method!("block_peek"), size)?;
    // SAFETY: valid domain and disk name; `buf` holds `size` bytes.
    check(unsafe {
        sys::virDomainBlockPeek(this.raw(), path.as_ptr(), offset, buf.len(), buf.as_mut_ptr() as *mut c_void, flags)
    })?;
    Ok(Value::Str(buf))
}

pub fn memory_peek(this: &DomainHandle, offset: u64, size: u64, flags: c_uint) -> Result<Value> {
    let mut buf = buffer(method!("memory_peek"), size)?;
    // SAFETY: valid domain; `buf` holds `size` bytes.
    check(unsafe { sys::virDomainMemoryPeek(this.raw(), offset, buf.len(), buf.as_mut_ptr() as *mut c_void, flags) })?;
    Ok(Value::Str(buf))
}

// ------------------------------------------------------ vcpus, pins ----

pub fn get_vcpu_info(this: &DomainHandle, flags: c_uint) -> Result<Value> {
    let d = this.raw();
    let maplen = cpumap_len(d)?;
    let mut info: sys::virDomainInfo = zeroed();
    // SAFETY: valid domain and struct.
    check(unsafe { sys::virDomainGetInfo(d, &mut info) })?;
    let nvcpus = info.nrVirtCpu as usize;
    let mut maps = vec![0u8; nvcpus * maplen];
    let mut vinfo: Vec<sys::virVcpuInfo> = (0..nvcpus).map(|_| zeroed()).collect();
    let pin_info = |maps: &mut Vec<u8>| {
        // SAFETY: room for `nvcpus` maps of `maplen` bytes.
        check(unsafe { sys::virDomainGetVcpuPinInfo(d, nvcpus as c_int, maps.as_mut_ptr(), maplen as c_int, flags) })
    };
    // As the classic binding: the live state without flags, falling back to
    // the pinning alone for an inactive domain; the pinning alone with flags.
    let (n, live) = if flags == 0 {
        // SAFETY: room for `nvcpus` entries and maps.
        let rc = unsafe { sys::virDomainGetVcpus(d, vinfo.as_mut_ptr(), nvcpus as c_int, maps.as_mut_ptr(), maplen as c_int) };
        if rc >= 0 {
            (rc as usize, true)
        } else {
            let f = Failure::last_libvirt();
            if code_of(&f) != sys::VIR_ERR_OPERATION_INVALID as i32 {
                return Err(f);
            }
            (pin_info(&mut maps)? as usize, false)
        }
    } else {
        (pin_info(&mut maps)? as usize, false)
    };
    let items = (0..n.min(nvcpus))
        .map(|i| {
            let v = &vinfo[i];
            let (state, time, cpu) = if live { (v.state as i64, v.cpuTime, v.cpu as i64) } else { (0, 0, 0) };
            Value::hash([
                ("number", Value::Int(i as i64)),
                ("state", Value::Int(state)),
                ("cpuTime", Value::UInt(time)),
                ("cpu", Value::Int(cpu)),
                ("affinity", Value::Str(maps[i * maplen..(i + 1) * maplen].to_vec())),
            ])
        })
        .collect();
    Ok(Value::List(items))
}

pub fn pin_vcpu(this: &DomainHandle, vcpu: c_uint, mask: Vec<u8>, flags: c_uint) -> Result<Value> {
    let mut mask = mask;
    let (d, len) = (this.raw(), mask.len() as c_int);
    // SAFETY: valid domain; `mask` holds `len` bytes. Without flags the
    // plain call, as the classic binding.
    check(unsafe {
        if flags != 0 {
            sys::virDomainPinVcpuFlags(d, vcpu, mask.as_mut_ptr(), len, flags)
        } else {
            sys::virDomainPinVcpu(d, vcpu, mask.as_mut_ptr(), len)
        }
    })?;
    Ok(Value::Nothing)
}

pub fn get_emulator_pin_info(this: &DomainHandle, flags: c_uint) -> Result<Value> {
    let d = this.raw();
    let mut map = vec![0u8; cpumap_len(d)?];
    // SAFETY: room for one map.
    check(unsafe { sys::virDomainGetEmulatorPinInfo(d, map.as_mut_ptr(), map.len() as c_int, flags) })?;
    Ok(Value::Str(map))
}

pub fn get_iothread_info(this: &DomainHandle, flags: c_uint) -> Result<Value> {
    let mut arr: *mut sys::virDomainIOThreadInfoPtr = ptr::null_mut();
    // SAFETY: libvirt allocates the array and its entries.
    let n = check(unsafe { sys::virDomainGetIOThreadInfo(this.raw(), &mut arr, flags) })? as usize;
    let mut items = Vec::with_capacity(n);
    for i in 0..n {
        // SAFETY: `n` entries, each freed once here.
        unsafe {
            let it = *arr.add(i);
            let map = if (*it).cpumap.is_null() {
                Vec::new()
            } else {
                std::slice::from_raw_parts((*it).cpumap, (*it).cpumaplen.max(0) as usize).to_vec()
            };
            items.push(Value::hash([("number", Value::UInt((*it).iothread_id as u64)), ("affinity", Value::Str(map))]));
            sys::virDomainIOThreadInfoFree(it);
        }
    }
    // SAFETY: the array is ours to free.
    unsafe { libc::free(arr as *mut c_void) };
    Ok(Value::List(items))
}

// ------------------------------------------------------ guest agent ----

pub fn fs_freeze(this: &DomainHandle, mountpoints: Vec<CString>, flags: c_uint) -> Result<Value> {
    let mut ptrs = c_ptrs(&mountpoints);
    let list = if ptrs.is_empty() { ptr::null_mut() } else { ptrs.as_mut_ptr() };
    // SAFETY: valid domain and `ptrs.len()` strings (NULL: all of them).
    check(unsafe { sys::virDomainFSFreeze(this.raw(), list, ptrs.len() as c_uint, flags) })?;
    Ok(Value::Nothing)
}

pub fn fs_thaw(this: &DomainHandle, mountpoints: Vec<CString>, flags: c_uint) -> Result<Value> {
    let mut ptrs = c_ptrs(&mountpoints);
    let list = if ptrs.is_empty() { ptr::null_mut() } else { ptrs.as_mut_ptr() };
    // SAFETY: as above.
    check(unsafe { sys::virDomainFSThaw(this.raw(), list, ptrs.len() as c_uint, flags) })?;
    Ok(Value::Nothing)
}

pub fn get_fs_info(this: &DomainHandle, flags: c_uint) -> Result<Value> {
    let mut arr: *mut sys::virDomainFSInfoPtr = ptr::null_mut();
    // SAFETY: libvirt allocates the array and its entries.
    let n = check(unsafe { sys::virDomainGetFSInfo(this.raw(), &mut arr, flags) })? as usize;
    let mut items = Vec::with_capacity(n);
    for i in 0..n {
        // SAFETY: `n` entries with `ndevAlias` aliases each, each freed once here.
        unsafe {
            let fs = *arr.add(i);
            let aliases = (0..(*fs).ndevAlias).map(|j| Value::from_c_str(*(*fs).devAlias.add(j))).collect();
            items.push(Value::hash([
                ("name", Value::from_c_str((*fs).name)),
                ("fstype", Value::from_c_str((*fs).fstype)),
                ("mountpoint", Value::from_c_str((*fs).mountpoint)),
                ("devalias", Value::Array(aliases)),
            ]));
            sys::virDomainFSInfoFree(fs);
        }
    }
    // SAFETY: the array is ours to free.
    unsafe { libc::free(arr as *mut c_void) };
    Ok(Value::List(items))
}

pub fn get_interface_addresses(this: &DomainHandle, src: c_uint, flags: c_uint) -> Result<Value> {
    let mut arr: *mut sys::virDomainInterfacePtr = ptr::null_mut();
    // SAFETY: libvirt allocates the array and its entries.
    let n = check(unsafe { sys::virDomainInterfaceAddresses(this.raw(), &mut arr, src, flags) })? as usize;
    let mut items = Vec::with_capacity(n);
    for i in 0..n {
        // SAFETY: `n` interfaces with `naddrs` addresses each, each freed once here.
        unsafe {
            let iface = *arr.add(i);
            let addrs = (0..(*iface).naddrs as usize)
                .map(|j| {
                    let a = &*(*iface).addrs.add(j);
                    Value::hash([
                        ("addr", Value::from_c_str(a.addr)),
                        ("prefix", Value::UInt(a.prefix as u64)),
                        ("type", Value::Int(a.type_ as i64)),
                    ])
                })
                .collect();
            items.push(Value::hash([
                ("name", Value::from_c_str((*iface).name)),
                ("hwaddr", Value::from_c_str((*iface).hwaddr)),
                ("addrs", Value::Array(addrs)),
            ]));
            sys::virDomainInterfaceFree(iface);
        }
    }
    // SAFETY: the array is ours to free.
    unsafe { libc::free(arr as *mut c_void) };
    Ok(Value::List(items))
}

pub fn authorized_ssh_keys_get(this: &DomainHandle, user: CString, flags: c_uint) -> Result<Value> {
    let mut keys: *mut *mut c_char = ptr::null_mut();
    // SAFETY: libvirt allocates the list.
    let n = check(unsafe { sys::virDomainAuthorizedSSHKeysGet(this.raw(), user.as_ptr(), &mut keys, flags) })?;
    // SAFETY: `n` malloc'ed strings in a malloc'ed array.
    Ok(unsafe { owned_string_list(keys, n) })
}

pub fn authorized_ssh_keys_set(this: &DomainHandle, user: CString, keys: Vec<CString>, flags: c_uint) -> Result<Value> {
    let mut ptrs = c_ptrs(&keys);
    let list = if ptrs.is_empty() { ptr::null_mut() } else { ptrs.as_mut_ptr() };
    // SAFETY: valid domain, user and `ptrs.len()` strings.
    check(unsafe { sys::virDomainAuthorizedSSHKeysSet(this.raw(), user.as_ptr(), list, ptrs.len() as c_uint, flags) })?;
    Ok(Value::Nothing)
}

// ------------------------------------------------------- snapshots -----

/// Names from a `virXxxListNames`-style call, asking for no more than
/// `maxnames` nor than `count()` reports (never a huge allocation).
pub(crate) fn names_upto(
    maxnames: c_int,
    count: impl FnOnce() -> c_int,
    list: impl FnOnce(*mut *mut c_char, c_int) -> c_int,
) -> Result<Value> {
    let max = if maxnames <= 0 { maxnames } else { maxnames.min(check(count())?) };
    let mut names: Vec<*mut c_char> = vec![ptr::null_mut(); max.max(0) as usize];
    let ptr = if names.is_empty() { ptr::null_mut() } else { names.as_mut_ptr() };
    let n = check(list(ptr, max))? as usize;
    // SAFETY: libvirt filled `n` malloc'ed strings.
    Ok(Value::List(names[..n.min(names.len())].iter().map(|&s| unsafe { Value::from_owned_c_str(s) }).collect()))
}

/// [`names_upto`] of a count/list pair that take the object and flags
/// (a domain's snapshots, a snapshot's children).
pub(crate) fn names_upto_with_flags<R: Copy>(
    obj: R,
    maxnames: c_int,
    flags: c_uint,
    count: unsafe extern "C" fn(R, c_uint) -> c_int,
    list: unsafe extern "C" fn(R, *mut *mut c_char, c_int, c_uint) -> c_int,
) -> Result<Value> {
    // SAFETY: a valid object; `list` gets room for `max` names.
    names_upto(maxnames, || unsafe { count(obj, flags) }, |names, max| unsafe { list(obj, names, max, flags) })
}

pub fn list_snapshot_names(this: &DomainHandle, maxnames: c_int, flags: c_uint) -> Result<Value> {
    names_upto_with_flags(this.raw(), maxnames, flags, sys::virDomainSnapshotNum, sys::virDomainSnapshotListNames)
}

/// Looks up each name; snapshots that went away meanwhile are skipped.
pub(crate) fn snapshots_by_name(d: sys::virDomainPtr, names: Value) -> Result<Value> {
    let Value::List(names) = names else { return Ok(Value::List(Vec::new())) };
    let mut items = Vec::with_capacity(names.len());
    for name in names {
        let Some(bytes) = name.as_bytes() else { continue };
        let Ok(name) = CString::new(bytes) else { continue };
        // SAFETY: valid domain and name.
        let p = unsafe { sys::virDomainSnapshotLookupByName(d, name.as_ptr(), 0) };
        match ObjectOut::adopt::<DomainSnapshotHandle>(p) {
            Ok(o) => items.push(Value::Object(o)),
            Err(f) if code_of(&f) == sys::VIR_ERR_NO_DOMAIN_SNAPSHOT as i32 => {}
            Err(f) => return Err(f),
        }
    }
    Ok(Value::List(items))
}

pub fn list_snapshots(this: &DomainHandle) -> Result<Value> {
    let d = this.raw();
    // SAFETY: valid domain.
    let n = check(unsafe { sys::virDomainSnapshotNum(d, 0) })?;
    let names = list_snapshot_names(this, n, 0)?;
    snapshots_by_name(d, names)
}

/// `abort_job($flags=0)`: virDomainAbortJob, or its flags variant (libvirt
/// 8.5) when flags are given, so that older daemons keep working.
pub fn abort_job(this: &DomainHandle, flags: c_uint) -> Result<Value> {
    if flags == 0 {
        // SAFETY: valid domain.
        check(unsafe { sys::virDomainAbortJob(this.raw()) })?;
    } else {
        #[cfg(libvirt = "virDomainAbortJobFlags")]
        // SAFETY: valid domain.
        check(unsafe { sys::virDomainAbortJobFlags(this.raw(), flags) })?;
        #[cfg(not(libvirt = "virDomainAbortJobFlags"))]
        lacking(method!("abort_job"), "virDomainAbortJobFlags")?;
    }
    Ok(Value::Nothing)
}

// ------------------------------------------------- newer than 9.0 ------
// Each is compiled only where the installed libvirt has its function; the
// row names the function, and elsewhere the method says which release
// brings it (tools/gen-api.pl).

/// The throttle group parameters: those of `set_block_iotune`.
#[cfg(libvirt = "virDomainSetThrottleGroup")]
pub fn set_throttle_group(this: &DomainHandle, group: CString, pairs: Pairs, flags: c_uint) -> Result<Value> {
    let type_of = |k: &str| {
        if k == cname(sys::VIR_DOMAIN_BLOCK_IOTUNE_GROUP_NAME) {
            Some(ParamType::String)
        } else {
            IOTUNE_NUMBERS.iter().any(|n| cname(n) == k).then_some(ParamType::ULLong)
        }
    };
    let b = params::from_pairs(method!("set_throttle_group"), &pairs, type_of)?;
    // SAFETY: valid domain, group name and parameters.
    check(unsafe { sys::virDomainSetThrottleGroup(this.raw(), group.as_ptr(), b.ptr(), b.len(), flags) })?;
    Ok(Value::Nothing)
}

/// The numeric parameters of a block throttle (all unsigned long long).
#[cfg(libvirt = "virDomainSetThrottleGroup")]
const IOTUNE_NUMBERS: [&std::ffi::CStr; 19] = [
    sys::VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC,
    sys::VIR_DOMAIN_BLOCK_IOTUNE_READ_BYTES_SEC,
    sys::VIR_DOMAIN_BLOCK_IOTUNE_WRITE_BYTES_SEC,
    sys::VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_IOPS_SEC,
    sys::VIR_DOMAIN_BLOCK_IOTUNE_READ_IOPS_SEC,
    sys::VIR_DOMAIN_BLOCK_IOTUNE_WRITE_IOPS_SEC,
    sys::VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC_MAX,
    sys::VIR_DOMAIN_BLOCK_IOTUNE_READ_BYTES_SEC_MAX,
    sys::VIR_DOMAIN_BLOCK_IOTUNE_WRITE_BYTES_SEC_MAX,
    sys::VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_IOPS_SEC_MAX,
    sys::VIR_DOMAIN_BLOCK_IOTUNE_READ_IOPS_SEC_MAX,
    sys::VIR_DOMAIN_BLOCK_IOTUNE_WRITE_IOPS_SEC_MAX,
    sys::VIR_DOMAIN_BLOCK_IOTUNE_SIZE_IOPS_SEC,
    sys::VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC_MAX_LENGTH,
    sys::VIR_DOMAIN_BLOCK_IOTUNE_READ_BYTES_SEC_MAX_LENGTH,
    sys::VIR_DOMAIN_BLOCK_IOTUNE_WRITE_BYTES_SEC_MAX_LENGTH,
    sys::VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_IOPS_SEC_MAX_LENGTH,
    sys::VIR_DOMAIN_BLOCK_IOTUNE_READ_IOPS_SEC_MAX_LENGTH,
    sys::VIR_DOMAIN_BLOCK_IOTUNE_WRITE_IOPS_SEC_MAX_LENGTH,
];

#[cfg(libvirt = "virDomainAnnounceInterface")]
pub fn announce_interface(this: &DomainHandle, device: Option<CString>, pairs: Pairs, flags: c_uint) -> Result<Value> {
    let known = [
        (cname(sys::VIR_DOMAIN_ANNOUNCE_INTERFACE_INITIAL), ParamType::UInt),
        (cname(sys::VIR_DOMAIN_ANNOUNCE_INTERFACE_MAX), ParamType::UInt),
        (cname(sys::VIR_DOMAIN_ANNOUNCE_INTERFACE_ROUNDS), ParamType::UInt),
        (cname(sys::VIR_DOMAIN_ANNOUNCE_INTERFACE_STEP), ParamType::UInt),
    ];
    let b = params::from_known(method!("announce_interface"), &pairs, &known)?;
    // SAFETY: valid domain, optional device name and parameters.
    check(unsafe { sys::virDomainAnnounceInterface(this.raw(), opt_ptr(&device), b.ptr(), b.len(), flags) })?;
    Ok(Value::Nothing)
}

/// `$dom->get_id`: -1 for a domain that is not running. libvirt returns
/// (unsigned)-1 both then and on failure; only a failure sets an error.
pub fn get_id(this: &DomainHandle) -> Result<Value> {
    // SAFETY: valid domain; plain libvirt calls.
    let id = unsafe {
        sys::virResetLastError();
        sys::virDomainGetID(this.raw())
    };
    if id == c_uint::MAX && !unsafe { sys::virGetLastError() }.is_null() {
        return Err(Failure::last_libvirt());
    }
    Ok(Value::Int(id as c_int as i64))
}

/// `$dom->screenshot($st, $screen, $flags=0)`: starts the screenshot on the
/// stream (which reads it); returns its MIME type.
pub fn screenshot(this: &DomainHandle, st: &StreamHandle, screen: c_uint, flags: c_uint) -> Result<Value> {
    // SAFETY: valid domain and stream; the MIME type is ours to free.
    start_stream(st, method!("screenshot"), Direction::Read, |s| unsafe {
        owned_string(sys::virDomainScreenshot(this.raw(), s, screen, flags))
    })
}

/// `$dom->open_console($st, $devname, $flags=0)` (`$devname` undef: the
/// first console): the stream reads and writes it.
pub fn open_console(this: &DomainHandle, st: &StreamHandle, devname: Option<CString>, flags: c_uint) -> Result<Value> {
    // SAFETY: valid domain and stream, NULL or a C string.
    start_stream(st, method!("open_console"), Direction::Both, |s| {
        check(unsafe { sys::virDomainOpenConsole(this.raw(), opt_ptr(&devname), s, flags) }).map(|_| Value::Nothing)
    })
}

/// `$dom->open_channel($st, $name, $flags=0)` (`$name` undef: the first).
pub fn open_channel(this: &DomainHandle, st: &StreamHandle, name: Option<CString>, flags: c_uint) -> Result<Value> {
    // SAFETY: as above.
    start_stream(st, method!("open_channel"), Direction::Both, |s| {
        check(unsafe { sys::virDomainOpenChannel(this.raw(), opt_ptr(&name), s, flags) }).map(|_| Value::Nothing)
    })
}
