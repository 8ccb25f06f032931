//! Event registrations on a connection: domain events (every event ID the
//! installed libvirt defines), storage pool, network, node device and
//! secret events (one entry point for every family), and the close
//! callback.
//!
//! Every libvirt callback is turned into one generic call of the glue:
//! `cb(ctx, object, args, nargs)`, where `object` is a new handle of the
//! event's object (the glue wraps it in a Perl object that owns it; NULL
//! for the close callback) and `args` are the remaining
//! arguments of libvirt's callback, in order, as a flat list of
//! [`SvrEventArg`] (a hash or an array is one entry announcing how many
//! entries follow). The list is owned by Rust, so an event that arrives on
//! a thread that does not own the interpreter can be queued as is and
//! delivered on the owner thread (DESIGN.md rule 3).
//!
//! A registration holds the glue's context (the Perl connection object and
//! the callback) until libvirt calls its free function; the context is then
//! released from a clean stack (rules 4 and 5).

use std::ffi::{c_void, CStr, CString};
use std::os::raw::{c_char, c_int, c_longlong, c_uint, c_ulonglong};
use std::ptr;

use virt_sys as sys;

use crate::boundary::{guard, guard_io, handle};
use crate::error::{Failure, Result};
use crate::event::{self, defer_release, Job, SvrReleaseFn};
use crate::api::handles::{ConnHandle, DomainHandle, NetworkHandle, NodeDeviceHandle, PoolHandle, SecretHandle};
use crate::api::Object;

/// A signed integer (`i`).
pub const SVR_ARG_INT: c_int = 1;
/// An unsigned 64-bit integer (`u`), kept exact.
pub const SVR_ARG_UINT: c_int = 2;
/// A floating point number (`d`).
pub const SVR_ARG_DOUBLE: c_int = 3;
/// A string (`s`; NULL is undef).
pub const SVR_ARG_STRING: c_int = 4;
/// A hash of the `n` entries that follow (each has its `key`).
pub const SVR_ARG_HASH: c_int = 5;
/// An array of the `n` entries that follow.
pub const SVR_ARG_ARRAY: c_int = 6;
/// undef.
pub const SVR_ARG_UNDEF: c_int = 7;

/// One argument of an event, for the glue.
#[repr(C)]
pub struct SvrEventArg {
    pub kind: c_int,
    pub n: c_int,
    pub i: i64,
    pub u: u64,
    pub d: f64,
    pub s: *const c_char,
    pub key: *const c_char,
}

/// Delivers an event to Perl: `object` is a new `DomainHandle *` or
/// `PoolHandle *` the glue takes over (NULL: none).
pub type SvrObjectEventFn = unsafe extern "C" fn(
    ctx: *mut c_void,
    object: *mut c_void,
    args: *const SvrEventArg,
    nargs: usize,
);

#[derive(Clone)]
enum Val {
    Int(i64),
    Uint(u64),
    Double(f64),
    Str(Option<CString>),
    Hash(usize),
    Array(usize),
    Undef,
}

/// An event's arguments, owned.
#[derive(Default, Clone)]
pub struct Args {
    items: Vec<(Option<CString>, Val)>,
    key: Option<CString>,
}

fn cstr(s: *const c_char) -> Option<CString> {
    if s.is_null() {
        None
    } else {
        // SAFETY: libvirt passes NUL-terminated strings valid for the call.
        Some(unsafe { CStr::from_ptr(s) }.to_owned())
    }
}

impl Args {
    fn push(&mut self, v: Val) {
        let k = self.key.take();
        self.items.push((k, v));
    }
    fn key(&mut self, k: &str) -> &mut Self {
        self.key = CString::new(k).ok();
        self
    }
    pub fn int(&mut self, v: i64) {
        self.push(Val::Int(v));
    }
    pub fn uint(&mut self, v: u64) {
        self.push(Val::Uint(v));
    }
    pub fn str(&mut self, s: *const c_char) {
        self.push(Val::Str(cstr(s)));
    }
    /// Typed parameters as one hash.
    pub fn params(&mut self, params: sys::virTypedParameterPtr, n: c_int) {
        if params.is_null() || n <= 0 {
            self.push(Val::Hash(0));
            return;
        }
        // SAFETY: libvirt passes `n` parameters valid for the call.
        let ps = unsafe { std::slice::from_raw_parts(params, n as usize) };
        self.push(Val::Hash(ps.len()));
        for p in ps {
            // SAFETY: `field` is NUL-terminated within its 80 bytes.
            let name = unsafe { CStr::from_ptr(p.field.as_ptr()) }.to_owned();
            self.key = Some(name);
            // SAFETY: the union member read is the one `type_` names.
            unsafe {
                match p.type_ as c_uint {
                    sys::VIR_TYPED_PARAM_INT => self.int(p.value.i as i64),
                    sys::VIR_TYPED_PARAM_UINT => self.uint(p.value.ui as u64),
                    sys::VIR_TYPED_PARAM_LLONG => self.int(p.value.l),
                    sys::VIR_TYPED_PARAM_ULLONG => self.uint(p.value.ul),
                    sys::VIR_TYPED_PARAM_DOUBLE => self.push(Val::Double(p.value.d)),
                    sys::VIR_TYPED_PARAM_BOOLEAN => self.int((p.value.b != 0) as i64),
                    sys::VIR_TYPED_PARAM_STRING => self.str(p.value.s),
                    _ => self.push(Val::Undef),
                }
            }
        }
    }
    /// A graphics address: `{family, node, service}` (undef if NULL).
    pub fn gaddr(&mut self, a: *const sys::virDomainEventGraphicsAddress) {
        // SAFETY: NULL or valid for the call.
        match unsafe { a.as_ref() } {
            None => self.push(Val::Undef),
            Some(a) => {
                self.push(Val::Hash(3));
                self.key("family").int(a.family as i64);
                self.key("node").str(a.node);
                self.key("service").str(a.service);
            }
        }
    }
    /// The graphics subject: `[{type, name}, ...]`.
    pub fn subject(&mut self, s: *const sys::virDomainEventGraphicsSubject) {
        // SAFETY: NULL or valid for the call.
        let ids = match unsafe { s.as_ref() } {
            Some(s) if !s.identities.is_null() && s.nidentity > 0 => unsafe {
                std::slice::from_raw_parts(s.identities, s.nidentity as usize)
            },
            _ => &[],
        };
        self.push(Val::Array(ids.len()));
        for id in ids {
            self.push(Val::Hash(2));
            self.key("type").str(id.type_);
            self.key("name").str(id.name);
        }
    }

    /// The glue's view; valid while `self` lives.
    pub fn to_c(&self) -> Vec<SvrEventArg> {
        self.items
            .iter()
            .map(|(k, v)| {
                let mut a = SvrEventArg {
                    kind: SVR_ARG_UNDEF,
                    n: 0,
                    i: 0,
                    u: 0,
                    d: 0.0,
                    s: ptr::null(),
                    key: k.as_ref().map_or(ptr::null(), |k| k.as_ptr()),
                };
                match v {
                    Val::Int(i) => (a.kind, a.i) = (SVR_ARG_INT, *i),
                    Val::Uint(u) => (a.kind, a.u) = (SVR_ARG_UINT, *u),
                    Val::Double(d) => (a.kind, a.d) = (SVR_ARG_DOUBLE, *d),
                    Val::Str(s) => (a.kind, a.s) = (SVR_ARG_STRING, s.as_ref().map_or(ptr::null(), |s| s.as_ptr())),
                    Val::Hash(n) => (a.kind, a.n) = (SVR_ARG_HASH, *n as c_int),
                    Val::Array(n) => (a.kind, a.n) = (SVR_ARG_ARRAY, *n as c_int),
                    Val::Undef => a.kind = SVR_ARG_UNDEF,
                }
                a
            })
            .collect()
    }
}

/// What libvirt's opaque pointer of a registration points to.
struct Reg {
    cb: SvrObjectEventFn,
    ctx: *mut c_void,
    release: SvrReleaseFn,
    /// The process that registered it: a forked child's copy of the
    /// parent's connection may still dispatch what it had queued (or its
    /// close), which is not the child's to see.
    made_in: libc::pid_t,
}

impl Reg {
    fn inherited(&self) -> bool {
        crate::fork::made_elsewhere(self.made_in).is_some()
    }
}

fn new_reg(cb: SvrObjectEventFn, ctx: *mut c_void, release: SvrReleaseFn) -> *mut Reg {
    Box::into_raw(Box::new(Reg { cb, ctx, release, made_in: crate::fork::pid() }))
}

/// Close callbacks by connection (`virConnectPtr` -> `Reg`): drivers
/// without close-callback support (the test driver) accept one and never
/// call its free function, so the unregistration frees what libvirt did not.
static CLOSE_REGS: std::sync::Mutex<Vec<(usize, usize)>> = std::sync::Mutex::new(Vec::new());

fn close_regs() -> std::sync::MutexGuard<'static, Vec<(usize, usize)>> {
    CLOSE_REGS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Event registrations made through us, by connection, so that they can
/// be undone before the connection goes away (see `svr_conn_release_events`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Registered {
    /// `domain_event_register` (the old API).
    DomainOld,
    /// `*_event_register_any`: the family and libvirt's callback id.
    Any(Family, c_int),
}

static EVENT_REGS: std::sync::Mutex<Vec<(usize, Registered)>> = std::sync::Mutex::new(Vec::new());

fn event_regs() -> std::sync::MutexGuard<'static, Vec<(usize, Registered)>> {
    EVENT_REGS.lock().unwrap_or_else(|e| e.into_inner())
}

fn registered(c: &ConnHandle, r: Registered) {
    event_regs().push((c.raw() as usize, r));
}

/// libvirt's client keeps the callback ids of every event family of a
/// connection in one list, and its remote driver removes a pool callback
/// when asked to deregister a *domain* callback of the same id, while the
/// daemon goes on sending its events (which then hang or crash the client
/// when the connection closes). Only ids registered through us, in the
/// family asked for, reach libvirt.
fn check_registered(c: &ConnHandle, r: Registered, method: &str) -> Result<()> {
    let key = c.raw() as usize;
    if event_regs().iter().any(|&(k, x)| k == key && x == r) {
        return Ok(());
    }
    let (what, id) = match r {
        Registered::Any(f, id) => (f.what(), id),
        Registered::DomainOld => ("domain event", 0),
    };
    Err(Failure::Libvirt {
        code: sys::VIR_ERR_INVALID_ARG as i32,
        domain: sys::VIR_FROM_NONE as i32,
        level: sys::VIR_ERR_ERROR as i32,
        message: format!("{method}: no {what} callback with id {id} is registered on this connection"),
    })
}

fn deregistered(c: &ConnHandle, r: Registered) {
    let key = c.raw() as usize;
    event_regs().retain(|&(k, x)| !(k == key && x == r));
    sync_with_daemon(c);
}

/// After a deregistration: one call the daemon answers, so that an event
/// it was already sending is read now, on a live connection.
///
/// The daemon's deregistration only marks a callback deleted while an
/// event is being dispatched to it, and that dispatch still queues the
/// event after the deregistration's answer. Nothing reads it until the
/// connection's next call; if that call is the close (the last reference
/// going), libvirt 9.0's remote driver hands the event an object that
/// takes a reference to the connection being disposed, disposes it a
/// second time and deadlocks on its own lock. The daemon reads our next
/// call only once that dispatch is over (one thread does both), so the
/// event is queued before this call's answer and read while waiting for
/// it. On other drivers this is a local call.
fn sync_with_daemon(c: &ConnHandle) {
    let mut version: std::os::raw::c_ulong = 0;
    // SAFETY: plain libvirt calls; a failure (a dead connection) has
    // nothing left to read and leaves no error behind.
    unsafe {
        if sys::virConnectGetLibVersion(c.raw(), &mut version) < 0 {
            sys::virResetLastError();
        }
    }
}

/// Undoes every event registration and the close callback made through us
/// on `c`; for the connection's DESTROY at global destruction (before that,
/// a registration keeps the connection object alive).
///
/// libvirt 9.0's remote driver deadlocks, or refers to a freed connection,
/// when an event message is still unread as the connection closes: the
/// close call reads it, the event's object takes a reference to the
/// connection being disposed and its release disposes it again, which
/// calls the daemon under the client lock already held. Deregistering
/// first stops further events and reads those sent before the answer; one
/// more call reads the one the daemon may have been dispatching meanwhile
/// (see `sync_with_daemon`), all while the connection is alive.
#[no_mangle]
pub extern "C" fn svr_conn_release_events(c: *const ConnHandle) {
    crate::boundary::guard_io("svr_conn_release_events", (), || {
        let c = handle(c, "the connection")?;
        if crate::fork::forked() && c.inherited_from().is_some() {
            // The parent's registrations, on the parent's connection.
            return Ok(());
        }
        let key = c.raw() as usize;
        let mine: Vec<Registered> = {
            let mut regs = event_regs();
            let mine = regs.iter().filter(|&&(k, _)| k == key).map(|&(_, r)| r).collect();
            regs.retain(|&(k, _)| k != key);
            mine
        };
        for &r in &mine {
            // SAFETY: plain libvirt calls; failures (a dead connection)
            // change nothing and leave no error behind.
            unsafe {
                match r {
                    Registered::DomainOld => sys::virConnectDomainEventDeregister(c.raw(), Some(ev_lifecycle)),
                    Registered::Any(f, id) => f.deregister(c.raw(), id),
                };
                sys::virResetLastError();
            }
        }
        if !mine.is_empty() {
            sync_with_daemon(c);
        }
        if close_regs().iter().any(|&(k, _)| k == key) && svr_conn_unregister_close_callback(c) < 0 {
            crate::error::take();
        }
        event::flush();
        Ok(())
    })
}

/// libvirt is done with a registration.
unsafe extern "C" fn reg_free(opaque: *mut c_void) {
    guard("event registration free", (), || {
        close_regs().retain(|&(_, r)| r != opaque as usize);
        let reg = Box::from_raw(opaque as *mut Reg);
        // Queued, never run here: libvirt calls this from inside its own
        // calls, for the close callback with its lock held (running the
        // queue here would run a queued close callback under that lock).
        // Our deregistrations flush the queue once libvirt has returned.
        defer_release(reg.release, reg.ctx);
        Ok(())
    })
}

/// A new object for the glue to wrap: a handle of its own reference.
enum Obj {
    None,
    Api(crate::api::ObjectOut),
}

fn wrap_domain(dom: sys::virDomainPtr) -> Obj {
    wrap_api::<DomainHandle>(dom, sys::virDomainRef)
}

impl Obj {
    fn ptr(&self) -> *mut c_void {
        match self {
            Obj::None => ptr::null_mut(),
            Obj::Api(o) => o.ptr(),
        }
    }
}

/// Hands an event to the glue, now on the owner thread, or queued.
fn deliver(opaque: *mut c_void, obj: Obj, args: Args) {
    // SAFETY: libvirt gives back the Reg it was registered with; it lives
    // until reg_free, whose release is queued after any queued delivery.
    let reg = unsafe { &*(opaque as *const Reg) };
    if reg.inherited() {
        if let Obj::Api(o) = obj {
            // SAFETY: the new handle made for this event, never wrapped.
            unsafe { crate::api::release_object(o.class_id, o.into_raw()) };
        }
        return;
    }
    let (cb, ctx) = (reg.cb, reg.ctx);
    let call = move || {
        let c = args.to_c();
        // SAFETY: the glue's callback with its context; it takes the object.
        unsafe { cb(ctx, obj.ptr(), c.as_ptr(), c.len()) };
    };
    if event::on_owner_thread() {
        call();
    } else {
        event::defer(Job::new(call));
    }
}

// ------------------------------------------------- domain callbacks ----

macro_rules! dom_cb {
    ($name:ident ( $($arg:ident : $ty:ty),* ) => |$a:ident| $body:block) => {
        unsafe extern "C" fn $name(
            _conn: sys::virConnectPtr,
            dom: sys::virDomainPtr,
            $($arg: $ty,)*
            opaque: *mut c_void,
        ) {
            guard(stringify!($name), (), || {
                #[allow(unused_mut)]
                let mut $a = Args::default();
                $body
                deliver(opaque, wrap_domain(dom), $a);
                Ok(())
            })
        }
    };
}

unsafe extern "C" fn ev_lifecycle(
    _conn: sys::virConnectPtr,
    dom: sys::virDomainPtr,
    event: c_int,
    detail: c_int,
    opaque: *mut c_void,
) -> c_int {
    guard("ev_lifecycle", 0, || {
        let mut a = Args::default();
        a.int(event as i64);
        a.int(detail as i64);
        deliver(opaque, wrap_domain(dom), a);
        Ok(0)
    })
}

dom_cb!(ev_generic() => |a| {});
dom_cb!(ev_rtc_change(utcoffset: c_longlong) => |a| { a.int(utcoffset) });
dom_cb!(ev_int(v: c_int) => |a| { a.int(v as i64) });
dom_cb!(ev_io_error(src: *const c_char, alias: *const c_char, action: c_int) => |a| {
    a.str(src); a.str(alias); a.int(action as i64)
});
dom_cb!(ev_io_error_reason(src: *const c_char, alias: *const c_char, action: c_int, reason: *const c_char) => |a| {
    a.str(src); a.str(alias); a.int(action as i64); a.str(reason)
});
dom_cb!(ev_graphics(
    phase: c_int,
    local: *const sys::virDomainEventGraphicsAddress,
    remote: *const sys::virDomainEventGraphicsAddress,
    scheme: *const c_char,
    subject: *const sys::virDomainEventGraphicsSubject
) => |a| {
    a.int(phase as i64); a.gaddr(local); a.gaddr(remote); a.str(scheme); a.subject(subject)
});
dom_cb!(ev_block_job(disk: *const c_char, kind: c_int, status: c_int) => |a| {
    a.str(disk); a.int(kind as i64); a.int(status as i64)
});
dom_cb!(ev_disk_change(old: *const c_char, new: *const c_char, alias: *const c_char, reason: c_int) => |a| {
    a.str(old); a.str(new); a.str(alias); a.int(reason as i64)
});
dom_cb!(ev_str_int(s: *const c_char, v: c_int) => |a| { a.str(s); a.int(v as i64) });
dom_cb!(ev_ull(v: c_ulonglong) => |a| { a.uint(v) });
dom_cb!(ev_str(s: *const c_char) => |a| { a.str(s) });
dom_cb!(ev_params(params: sys::virTypedParameterPtr, n: c_int) => |a| { a.params(params, n) });
dom_cb!(ev_int_int(x: c_int, y: c_int) => |a| { a.int(x as i64); a.int(y as i64) });
dom_cb!(ev_int_str(v: c_int, s: *const c_char) => |a| { a.int(v as i64); a.str(s) });
dom_cb!(ev_block_threshold(dev: *const c_char, path: *const c_char, threshold: c_ulonglong, excess: c_ulonglong) => |a| {
    a.str(dev); a.str(path); a.uint(threshold); a.uint(excess)
});
dom_cb!(ev_memory_failure(recipient: c_int, action: c_int, flags: c_uint) => |a| {
    a.int(recipient as i64); a.int(action as i64); a.int(flags as i64)
});
dom_cb!(ev_str_ull(s: *const c_char, v: c_ulonglong) => |a| { a.str(s); a.uint(v) });
dom_cb!(ev_nic_mac_change(alias: *const c_char, old_mac: *const c_char, new_mac: *const c_char) => |a| {
    a.str(alias); a.str(old_mac); a.str(new_mac)
});
dom_cb!(ev_uint(v: c_uint) => |a| { a.uint(v as u64) });
dom_cb!(ev_str_int_int(s: *const c_char, x: c_int, y: c_int) => |a| { a.str(s); a.int(x as i64); a.int(y as i64) });

type Generic = unsafe extern "C" fn(sys::virConnectPtr, sys::virDomainPtr, *mut c_void);

/// libvirt's generic callback type for `id`; None for an ID this build
/// does not know (its callback signature is unknown, so it is refused).
fn domain_callback(id: c_int) -> Option<Generic> {
    // SAFETY: as libvirt's VIR_DOMAIN_EVENT_CALLBACK macro does: libvirt
    // calls each with the signature of its event ID.
    unsafe {
        use std::mem::transmute as t;
        Some(match id as c_uint {
            sys::VIR_DOMAIN_EVENT_ID_LIFECYCLE => t::<*const (), Generic>(ev_lifecycle as *const ()),
            sys::VIR_DOMAIN_EVENT_ID_REBOOT | sys::VIR_DOMAIN_EVENT_ID_CONTROL_ERROR => ev_generic,
            sys::VIR_DOMAIN_EVENT_ID_RTC_CHANGE => t::<*const (), Generic>(ev_rtc_change as *const ()),
            sys::VIR_DOMAIN_EVENT_ID_WATCHDOG
            | sys::VIR_DOMAIN_EVENT_ID_PMWAKEUP
            | sys::VIR_DOMAIN_EVENT_ID_PMSUSPEND
            | sys::VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK
            | sys::VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION => t::<*const (), Generic>(ev_int as *const ()),
            sys::VIR_DOMAIN_EVENT_ID_IO_ERROR => t::<*const (), Generic>(ev_io_error as *const ()),
            sys::VIR_DOMAIN_EVENT_ID_GRAPHICS => t::<*const (), Generic>(ev_graphics as *const ()),
            sys::VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON => t::<*const (), Generic>(ev_io_error_reason as *const ()),
            sys::VIR_DOMAIN_EVENT_ID_BLOCK_JOB | sys::VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2 => {
                t::<*const (), Generic>(ev_block_job as *const ())
            }
            sys::VIR_DOMAIN_EVENT_ID_DISK_CHANGE => t::<*const (), Generic>(ev_disk_change as *const ()),
            sys::VIR_DOMAIN_EVENT_ID_TRAY_CHANGE => t::<*const (), Generic>(ev_str_int as *const ()),
            sys::VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE => t::<*const (), Generic>(ev_ull as *const ()),
            sys::VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED
            | sys::VIR_DOMAIN_EVENT_ID_DEVICE_ADDED
            | sys::VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED => t::<*const (), Generic>(ev_str as *const ()),
            sys::VIR_DOMAIN_EVENT_ID_TUNABLE | sys::VIR_DOMAIN_EVENT_ID_JOB_COMPLETED => {
                t::<*const (), Generic>(ev_params as *const ())
            }
            sys::VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE => t::<*const (), Generic>(ev_int_int as *const ()),
            sys::VIR_DOMAIN_EVENT_ID_METADATA_CHANGE => t::<*const (), Generic>(ev_int_str as *const ()),
            sys::VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD => t::<*const (), Generic>(ev_block_threshold as *const ()),
            sys::VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE => t::<*const (), Generic>(ev_memory_failure as *const ()),
            sys::VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE => t::<*const (), Generic>(ev_str_ull as *const ()),
            // IDs of libvirt 11.2 and 12.4: libvirt refuses them itself
            // where it is older.
            sys::VIR_DOMAIN_EVENT_ID_NIC_MAC_CHANGE => t::<*const (), Generic>(ev_nic_mac_change as *const ()),
            sys::VIR_DOMAIN_EVENT_ID_VCPU_REMOVED => t::<*const (), Generic>(ev_uint as *const ()),
            sys::VIR_DOMAIN_EVENT_ID_CHANNEL_LIFECYCLE => t::<*const (), Generic>(ev_str_int_int as *const ()),
            _ => return None,
        })
    }
}

fn conn<'a>(c: *const ConnHandle) -> Result<&'a ConnHandle> {
    // (Registering adds a timer or watch to the event loop.)
    crate::fork::unusable("Sys::Virt event registration")?;
    crate::api::this(c)
}

// ----------------------------------------------- other object families ----
// Storage pool, network, node device and secret events: every event ID
// libvirt 9.0 defines for them, a lifecycle event (event, detail) and one
// without arguments (a pool's refresh, a device's update, a secret's value
// change; networks have none). The object is a new handle of the family's
// class, which the glue blesses into it.

/// A handle of its own reference to a libvirt object of a table-driven
/// class, for the glue (None if the object is NULL or cannot be
/// referenced).
fn wrap_api<T: crate::api::Object>(p: T::Raw, add_ref: unsafe extern "C" fn(T::Raw) -> c_int) -> Obj
where
    T::Raw: crate::api::IsNull,
{
    use crate::api::IsNull;
    // SAFETY: libvirt's object, valid for the call; we take a reference
    // of our own, which the new handle owns.
    if p.is_null_ptr() || unsafe { add_ref(p) } < 0 {
        return Obj::None;
    }
    match crate::api::ObjectOut::adopt::<T>(p) {
        Ok(o) => Obj::Api(o),
        Err(_) => Obj::None,
    }
}

/// Defines the lifecycle callback and the argument-less one of a family:
/// each delivers the event with a new handle of `$handle`'s class.
macro_rules! object_callbacks {
    ($lifecycle:ident, $generic:ident, $raw:ty, $handle:ty, $add_ref:path) => {
        unsafe extern "C" fn $lifecycle(
            _conn: sys::virConnectPtr,
            obj: $raw,
            event: c_int,
            detail: c_int,
            opaque: *mut c_void,
        ) {
            guard(stringify!($lifecycle), (), || {
                let mut a = Args::default();
                a.int(event as i64);
                a.int(detail as i64);
                deliver(opaque, wrap_api::<$handle>(obj, $add_ref), a);
                Ok(())
            })
        }

        #[allow(dead_code)]
        unsafe extern "C" fn $generic(_conn: sys::virConnectPtr, obj: $raw, opaque: *mut c_void) {
            guard(stringify!($generic), (), || {
                deliver(opaque, wrap_api::<$handle>(obj, $add_ref), Args::default());
                Ok(())
            })
        }
    };
}

object_callbacks!(pool_lifecycle, pool_generic, sys::virStoragePoolPtr, PoolHandle, sys::virStoragePoolRef);
object_callbacks!(net_lifecycle, net_generic, sys::virNetworkPtr, NetworkHandle, sys::virNetworkRef);
object_callbacks!(node_device_lifecycle, node_device_generic, sys::virNodeDevicePtr, NodeDeviceHandle, sys::virNodeDeviceRef);
object_callbacks!(secret_lifecycle, secret_generic, sys::virSecretPtr, SecretHandle, sys::virSecretRef);

/// A network's metadata changed (libvirt 9.8): its type and namespace.
unsafe extern "C" fn net_metadata_change(
    _conn: sys::virConnectPtr,
    net: sys::virNetworkPtr,
    kind: c_int,
    nsuri: *const c_char,
    opaque: *mut c_void,
) {
    guard("net_metadata_change", (), || {
        let mut a = Args::default();
        a.int(kind as i64);
        a.str(nsuri);
        deliver(opaque, wrap_api::<NetworkHandle>(net, sys::virNetworkRef), a);
        Ok(())
    })
}

// ------------------------------------------------- registrations ----

/// The event families of `*_event_register_any` and
/// `*_event_deregister_any` (the glue's ALIAS index).
pub const SVR_EVENT_DOMAIN: c_int = 0;
pub const SVR_EVENT_STORAGE_POOL: c_int = 1;
pub const SVR_EVENT_NETWORK: c_int = 2;
pub const SVR_EVENT_NODE_DEVICE: c_int = 3;
pub const SVR_EVENT_SECRET: c_int = 4;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Family {
    Domain,
    StoragePool,
    Network,
    NodeDevice,
    Secret,
}

impl Family {
    fn from_c(family: c_int) -> Result<Family> {
        Ok(match family {
            SVR_EVENT_DOMAIN => Family::Domain,
            SVR_EVENT_STORAGE_POOL => Family::StoragePool,
            SVR_EVENT_NETWORK => Family::Network,
            SVR_EVENT_NODE_DEVICE => Family::NodeDevice,
            SVR_EVENT_SECRET => Family::Secret,
            _ => return Err(Failure::message(format!("unknown event family {family}"))),
        })
    }

    /// The methods are `Sys::Virt::{prefix}_event_register_any`, ...
    fn prefix(self) -> &'static str {
        match self {
            Family::Domain => "domain",
            Family::StoragePool => "storage_pool",
            Family::Network => "network",
            Family::NodeDevice => "node_device",
            Family::Secret => "secret",
        }
    }

    /// How messages name the family's events.
    fn what(self) -> &'static str {
        match self {
            Family::Domain => "domain event",
            Family::StoragePool => "storage pool event",
            Family::Network => "network event",
            Family::NodeDevice => "node device event",
            Family::Secret => "secret event",
        }
    }

    /// libvirt's generic callback for the event ID, None for an ID this
    /// build does not know (its callback signature is unknown, so it is
    /// refused). libvirt calls each with the signature of its ID, as its
    /// VIR_*_EVENT_CALLBACK macros cast them.
    fn callback(self, id: c_int) -> Option<*const ()> {
        let f = match (self, id as c_uint) {
            (Family::Domain, _) => return domain_callback(id).map(|f| f as *const ()),
            (Family::StoragePool, sys::VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE) => pool_lifecycle as *const (),
            (Family::StoragePool, sys::VIR_STORAGE_POOL_EVENT_ID_REFRESH) => pool_generic as *const (),
            (Family::Network, sys::VIR_NETWORK_EVENT_ID_LIFECYCLE) => net_lifecycle as *const (),
            (Family::Network, sys::VIR_NETWORK_EVENT_ID_METADATA_CHANGE) => net_metadata_change as *const (),
            (Family::NodeDevice, sys::VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE) => node_device_lifecycle as *const (),
            (Family::NodeDevice, sys::VIR_NODE_DEVICE_EVENT_ID_UPDATE) => node_device_generic as *const (),
            (Family::Secret, sys::VIR_SECRET_EVENT_ID_LIFECYCLE) => secret_lifecycle as *const (),
            (Family::Secret, sys::VIR_SECRET_EVENT_ID_VALUE_CHANGED) => secret_generic as *const (),
            _ => return None,
        };
        Some(f)
    }

    /// The libvirt object behind `obj`, a handle of the family's class (or
    /// NULL: every object).
    fn object(self, obj: *const c_void) -> Result<*const c_void> {
        fn raw<T: Object<Raw = *mut R>, R>(obj: *const c_void) -> Result<*const c_void> {
            Ok(crate::api::this(obj as *const T)?.raw() as *const c_void)
        }
        if obj.is_null() {
            return Ok(obj);
        }
        match self {
            Family::Domain => raw::<DomainHandle, _>(obj),
            Family::StoragePool => raw::<PoolHandle, _>(obj),
            Family::Network => raw::<NetworkHandle, _>(obj),
            Family::NodeDevice => raw::<NodeDeviceHandle, _>(obj),
            Family::Secret => raw::<SecretHandle, _>(obj),
        }
    }

    /// Registers `reg` for the event ID on `obj` (NULL: every object of
    /// the family); returns libvirt's callback id.
    ///
    /// # Safety
    /// `c` must be a valid connection, `obj` NULL or a valid object of the
    /// family, `callback` the family's callback for `id`; libvirt owns
    /// `reg` until it calls reg_free.
    unsafe fn register(self, c: sys::virConnectPtr, obj: *const c_void, id: c_int, callback: *const (), reg: *mut c_void) -> c_int {
        use std::mem::transmute as t;
        let obj = obj as *mut c_void;
        match self {
            Family::Domain => sys::virConnectDomainEventRegisterAny(c, obj.cast(), id, t(callback), reg, Some(reg_free)),
            Family::StoragePool => {
                sys::virConnectStoragePoolEventRegisterAny(c, obj.cast(), id, t(callback), reg, Some(reg_free))
            }
            Family::Network => sys::virConnectNetworkEventRegisterAny(c, obj.cast(), id, t(callback), reg, Some(reg_free)),
            Family::NodeDevice => {
                sys::virConnectNodeDeviceEventRegisterAny(c, obj.cast(), id, t(callback), reg, Some(reg_free))
            }
            Family::Secret => sys::virConnectSecretEventRegisterAny(c, obj.cast(), id, t(callback), reg, Some(reg_free)),
        }
    }

    /// # Safety
    /// `c` must be a valid connection.
    unsafe fn deregister(self, c: sys::virConnectPtr, id: c_int) -> c_int {
        match self {
            Family::Domain => sys::virConnectDomainEventDeregisterAny(c, id),
            Family::StoragePool => sys::virConnectStoragePoolEventDeregisterAny(c, id),
            Family::Network => sys::virConnectNetworkEventDeregisterAny(c, id),
            Family::NodeDevice => sys::virConnectNodeDeviceEventDeregisterAny(c, id),
            Family::Secret => sys::virConnectSecretEventDeregisterAny(c, id),
        }
    }
}

/// Registers `reg` with `register`, which returns the callback id; frees
/// it if libvirt refused it.
fn register_reg(
    cb: SvrObjectEventFn,
    ctx: *mut c_void,
    release: SvrReleaseFn,
    register: impl FnOnce(*mut c_void) -> c_int,
) -> Result<c_int> {
    event::claim_owner();
    let reg = new_reg(cb, ctx, release);
    let id = register(reg as *mut c_void);
    if id < 0 {
        let f = Failure::last_libvirt();
        // SAFETY: libvirt did not take `reg`; the glue releases the context.
        drop(unsafe { Box::from_raw(reg) });
        return Err(f);
    }
    Ok(id)
}

/// After a deregistration call that returned `rc`: on success the
/// registration is forgotten (libvirt frees it: reg_free) and the daemon
/// synced; queued jobs run; then libvirt's failure, if any.
fn deregistration_done(c: &ConnHandle, r: Registered, rc: c_int) -> Result<c_int> {
    let f = if rc < 0 { Some(Failure::last_libvirt()) } else { None };
    if f.is_none() {
        deregistered(c, r);
    }
    event::flush();
    f.map_or(Ok(0), Err)
}

/// `$conn->domain_event_register($cb)` (the old API: lifecycle events only).
#[no_mangle]
pub extern "C" fn svr_conn_domain_event_register(
    c: *const ConnHandle,
    cb: SvrObjectEventFn,
    ctx: *mut c_void,
    release: SvrReleaseFn,
) -> c_int {
    guard_io("svr_conn_domain_event_register", -1, || {
        let c = conn(c)?;
        // SAFETY: libvirt owns `reg` until it calls reg_free.
        register_reg(cb, ctx, release, |reg| unsafe {
            sys::virConnectDomainEventRegister(c.raw(), Some(ev_lifecycle), reg, Some(reg_free))
        })?;
        registered(c, Registered::DomainOld);
        Ok(0)
    })
}

#[no_mangle]
pub extern "C" fn svr_conn_domain_event_deregister(c: *const ConnHandle) -> c_int {
    guard_io("svr_conn_domain_event_deregister", -1, || {
        let c = conn(c)?;
        // SAFETY: plain libvirt call.
        let rc = unsafe { sys::virConnectDomainEventDeregister(c.raw(), Some(ev_lifecycle)) };
        deregistration_done(c, Registered::DomainOld, rc)
    })
}

/// `$conn->{family}_event_register_any($obj_or_undef, $eventID, $cb)`
/// (`family` an SVR_EVENT_*, `obj` NULL or a handle of the family's
/// class): returns the callback id.
#[no_mangle]
pub extern "C" fn svr_conn_event_register_any(
    family: c_int,
    c: *const ConnHandle,
    obj: *const c_void,
    event_id: c_int,
    cb: SvrObjectEventFn,
    ctx: *mut c_void,
    release: SvrReleaseFn,
) -> c_int {
    guard_io("svr_conn_event_register_any", -1, || {
        let f = Family::from_c(family)?;
        let c = conn(c)?;
        let callback = f.callback(event_id).ok_or_else(|| {
            Failure::message(format!(
                "Sys::Virt::{}_event_register_any: unknown {} ID {event_id}",
                f.prefix(),
                f.what()
            ))
        })?;
        let obj = f.object(obj)?;
        // SAFETY: `obj` is NULL or the family's object; the callback is the
        // family's for the ID; libvirt owns `reg` until reg_free.
        let id = register_reg(cb, ctx, release, |reg| unsafe { f.register(c.raw(), obj, event_id, callback, reg) })?;
        registered(c, Registered::Any(f, id));
        Ok(id)
    })
}

/// `$conn->{family}_event_deregister_any($callbackID)`.
#[no_mangle]
pub extern "C" fn svr_conn_event_deregister_any(family: c_int, c: *const ConnHandle, id: c_int) -> c_int {
    guard_io("svr_conn_event_deregister_any", -1, || {
        let f = Family::from_c(family)?;
        let c = conn(c)?;
        let r = Registered::Any(f, id);
        check_registered(c, r, &format!("Sys::Virt::{}_event_deregister_any", f.prefix()))?;
        // SAFETY: plain libvirt call.
        let rc = unsafe { f.deregister(c.raw(), id) };
        deregistration_done(c, r, rc)
    })
}

// ------------------------------------------------- close callback ----

/// libvirt calls the close callback with its own lock held
/// (`virConnectCloseCallbackDataCall` locks the callback data, calls, then
/// resets it, still locked), so the script's callback must not run here:
/// `unregister_close_callback` inside it, or anything else that takes that
/// lock, would deadlock. It is always queued, and runs once libvirt has let
/// go: at the end of the event loop iteration (`run_default` or a Perl
/// loop's dispatch), which the queued job wakes. The registration's release
/// (reg_free, called by libvirt right after this) is queued behind it.
///
/// The other families need no queue: libvirt dispatches domain and storage
/// pool events (`virObjectEventStateFlush`), stream events (fd streams and
/// the remote driver's event timer) and the loop's handles and timers with
/// its locks released, so their callbacks run at once and may call
/// anything, including their own deregistration.
unsafe extern "C" fn close_cb(_conn: sys::virConnectPtr, reason: c_int, opaque: *mut c_void) {
    guard("close callback", (), || {
        let mut a = Args::default();
        a.int(reason as i64);
        // SAFETY: as in `deliver`: the Reg lives until reg_free, whose
        // release is queued after this job.
        let reg = &*(opaque as *const Reg);
        if reg.inherited() {
            return Ok(());
        }
        let (cb, ctx) = (reg.cb, reg.ctx);
        event::defer(Job::new(move || {
            let c = a.to_c();
            // SAFETY: the glue's callback with its context.
            unsafe { cb(ctx, ptr::null_mut(), c.as_ptr(), c.len()) };
        }));
        event::wake();
        Ok(())
    })
}

/// `$conn->register_close_callback($cb)`: `cb` gets no object, and the
/// reason as its only argument.
#[no_mangle]
pub extern "C" fn svr_conn_register_close_callback(
    c: *const ConnHandle,
    cb: SvrObjectEventFn,
    ctx: *mut c_void,
    release: SvrReleaseFn,
) -> c_int {
    guard_io("svr_conn_register_close_callback", -1, || {
        let c = conn(c)?;
        event::claim_owner();
        let key = c.raw() as usize;
        if close_regs().iter().any(|&(k, _)| k == key) {
            return Err(Failure::message(
                "Sys::Virt::register_close_callback: a close callback is already registered on this connection",
            ));
        }
        let reg = new_reg(cb, ctx, release);
        close_regs().push((key, reg as usize));
        // SAFETY: libvirt owns `reg` until it calls reg_free.
        let rc = unsafe { sys::virConnectRegisterCloseCallback(c.raw(), Some(close_cb), reg as *mut c_void, Some(reg_free)) };
        if rc < 0 {
            close_regs().retain(|&(_, r)| r != reg as usize);
            drop(unsafe { Box::from_raw(reg) });
            return Err(Failure::last_libvirt());
        }
        Ok(0)
    })
}

#[no_mangle]
pub extern "C" fn svr_conn_unregister_close_callback(c: *const ConnHandle) -> c_int {
    guard_io("svr_conn_unregister_close_callback", -1, || {
        let c = conn(c)?;
        // SAFETY: plain libvirt call.
        let rc = unsafe { sys::virConnectUnregisterCloseCallback(c.raw(), Some(close_cb)) };
        let f = if rc < 0 { Some(Failure::last_libvirt()) } else { None };
        // What libvirt did not free (a driver that ignored it), we free.
        let key = c.raw() as usize;
        let left: Vec<usize> = {
            let mut regs = close_regs();
            let left = regs.iter().filter(|&&(k, _)| k == key).map(|&(_, r)| r).collect();
            regs.retain(|&(k, _)| k != key);
            left
        };
        for r in left {
            // SAFETY: a Reg libvirt never freed and no longer holds.
            let reg = unsafe { Box::from_raw(r as *mut Reg) };
            defer_release(reg.release, reg.ctx);
        }
        event::flush();
        f.map_or(Ok(0), Err)
    })
}


#[cfg(test)]
mod tests {
    use super::*;

    /// The value of an enum of the installed libvirt's API description.
    fn api_enum(name: &str) -> c_int {
        let path = std::env::var("LIBVIRT_API_XML").unwrap_or_else(|_| "/usr/share/libvirt/api/libvirt-api.xml".into());
        let xml = std::fs::read_to_string(&path).expect("libvirt-api.xml");
        let at = xml.find(&format!("<enum name='{name}'")).expect(name);
        let rest = &xml[at..];
        let v = &rest[rest.find("value='").unwrap() + 7..];
        v[..v.find('\'').unwrap()].parse().unwrap()
    }

    /// Every event ID of a family that this release knows (libvirt 12.8's)
    /// has a callback, and so every ID the installed libvirt defines,
    /// unless it is newer than this release: such an ID is refused alone
    /// (`None`), never its family.
    #[test]
    fn every_event_id_libvirt_defines_has_a_callback() {
        // libvirt 7.0 defines 26 domain event IDs, 12.4 thirty.
        assert!(api_enum("VIR_DOMAIN_EVENT_ID_LAST") >= 26);
        for (f, installed_last, known_last) in [
            (Family::Domain, "VIR_DOMAIN_EVENT_ID_LAST", sys::VIR_DOMAIN_EVENT_ID_CHANNEL_LIFECYCLE + 1),
            (Family::StoragePool, "VIR_STORAGE_POOL_EVENT_ID_LAST", sys::VIR_STORAGE_POOL_EVENT_ID_REFRESH + 1),
            (Family::Network, "VIR_NETWORK_EVENT_ID_LAST", sys::VIR_NETWORK_EVENT_ID_METADATA_CHANGE + 1),
            (Family::NodeDevice, "VIR_NODE_DEVICE_EVENT_ID_LAST", sys::VIR_NODE_DEVICE_EVENT_ID_UPDATE + 1),
            (Family::Secret, "VIR_SECRET_EVENT_ID_LAST", sys::VIR_SECRET_EVENT_ID_VALUE_CHANGED + 1),
        ] {
            let known = known_last as c_int;
            for id in 0..known {
                assert!(f.callback(id).is_some(), "{f:?} event ID {id} has no callback");
            }
            for id in 0..api_enum(installed_last) {
                assert_eq!(f.callback(id).is_some(), id < known, "{f:?} event ID {id}");
            }
            assert!(f.callback(known).is_none(), "{f:?}: an ID newer than this release is refused");
            assert!(f.callback(-1).is_none(), "{f:?}");
        }
    }

    #[test]
    fn args_flatten_nested_values() {
        let mut a = Args::default();
        a.int(-5);
        a.uint(u64::MAX);
        let node = CString::new("127.0.0.1").unwrap();
        let service = CString::new("5900").unwrap();
        let addr = sys::virDomainEventGraphicsAddress { family: 0, node: node.as_ptr() as *mut _, service: service.as_ptr() as *mut _ };
        a.gaddr(&addr);
        a.gaddr(ptr::null());
        let (t, n) = (CString::new("x509dname").unwrap(), CString::new("CN=me").unwrap());
        let mut ids = [sys::virDomainEventGraphicsSubjectIdentity { type_: t.as_ptr() as *mut _, name: n.as_ptr() as *mut _ }];
        let subj = sys::virDomainEventGraphicsSubject { nidentity: 1, identities: ids.as_mut_ptr() };
        a.subject(&subj);
        let c = a.to_c();
        let kinds: Vec<c_int> = c.iter().map(|x| x.kind).collect();
        assert_eq!(
            kinds,
            vec![SVR_ARG_INT, SVR_ARG_UINT, SVR_ARG_HASH, SVR_ARG_INT, SVR_ARG_STRING, SVR_ARG_STRING, SVR_ARG_UNDEF,
                 SVR_ARG_ARRAY, SVR_ARG_HASH, SVR_ARG_STRING, SVR_ARG_STRING]
        );
        assert_eq!(c[1].u, u64::MAX);
        assert_eq!(c[2].n, 3);
        assert_eq!(unsafe { CStr::from_ptr(c[3].key) }.to_str().unwrap(), "family");
        assert_eq!(unsafe { CStr::from_ptr(c[5].s) }.to_str().unwrap(), "5900");
        assert_eq!(c[7].n, 1);
        assert_eq!(unsafe { CStr::from_ptr(c[10].s) }.to_str().unwrap(), "CN=me");
    }
}
