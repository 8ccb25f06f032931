#include "events.h"

/* Runs `cb` with `args` inside an eval (`contain`); a die is kept for the
 * XSUB that runs the loop (DESIGN.md rule 1). The loop's hot path: svr_call's
 * G_DISCARD case written out, so that containing exceptions costs the
 * eval scope and nothing more. */
static void
svr_xs_fire(pTHX_ SV *cb, SV **args, int nargs, int contain)
{
    dSP;
    int i;
    PUSHMARK(SP);
    EXTEND(SP, nargs);
    for (i = 0; i < nargs; i++)
        PUSHs(args[i]);
    PUTBACK;
    if (!contain) {
        /* Nothing but run_default's XSUB between the callback and the
         * script (see svr_xs_drain): a die leaves from here. */
        (void)call_sv(cb, G_VOID | G_DISCARD);
        return;
    }
    (void)call_sv(cb, G_VOID | G_DISCARD | G_EVAL);
    if (UNLIKELY(SvTRUE(ERRSV))) {
        svr_defer_exception(aTHX_ newSVsv(ERRSV));
        sv_setsv(ERRSV, &PL_sv_undef);
    }
}

/* The argument scalars of the loop's callbacks, reused from one dispatch
 * to the next instead of allocated and freed each time (the loop's hot
 * path). A callback's @_ aliases them: one it kept a reference to, or
 * tied, blessed, made read-only or turned into something else than a plain
 * scalar, is left to it and replaced. A dispatch nested in a callback (one
 * that runs the loop) finds the slots empty and takes new ones. */
static SV *svr_arg_pool[3];
/* The flags of a scalar that holds an integer and nothing else. */
#define SVR_PLAIN_IV (SVt_IV | SVf_IOK | SVp_IOK)

static SV *
svr_arg_take(pTHX_ int slot, IV value)
{
    SV *sv = svr_arg_pool[slot];
    if (!sv)
        return newSViv(value);
    svr_arg_pool[slot] = NULL;
    if (SvFLAGS(sv) != SVR_PLAIN_IV)
        (void)SvIOK_only(sv);
    SvIV_set(sv, value);
    return sv;
}

/* Whether a callback left `sv` a scalar the pool can reuse: `refs`
 * references (none kept by the callback), still a plain scalar. */
static int
svr_arg_reusable(SV *sv, U32 refs)
{
    return SvREFCNT(sv) == refs
        && (SvFLAGS(sv) == SVR_PLAIN_IV
            || (SvTYPE(sv) >= SVt_IV && SvTYPE(sv) <= SVt_PVMG
                && !(SvFLAGS(sv) & (SVs_GMG | SVs_SMG | SVs_RMG | SVf_READONLY | SVf_PROTECT | SVs_OBJECT | SVf_ROK))));
}

static void
svr_arg_give(pTHX_ int slot, SV *sv)
{
    if (!svr_arg_pool[slot] && svr_arg_reusable(sv, 1))
        svr_arg_pool[slot] = sv;
    else
        SvREFCNT_dec(sv);
}

/* ------------------------------------------ run_default's dispatch -- */

/* The Perl callbacks of Sys::Virt::Event::add_handle / add_timeout that
 * libvirt's default loop dispatched while run_default ran it: queued here,
 * and called by run_default's XSUB once libvirt has returned, so that no
 * Perl code runs inside libvirt's loop. A callback that dies must not stop
 * the iteration (API.md: run_default finishes it, then dies with the first
 * exception), so each runs in an eval scope, except the last one of the
 * iteration when no exception is pending: nothing would be left to run
 * after it, and nothing but this XSUB is between it and the script, so its
 * exception can leave run_default directly. That one case is the loop's
 * hot path (one timer or watch ready per iteration), and the eval scope
 * per callback was most of its cost. A watch or timer updated or removed
 * by an earlier callback loses its queued call, as libvirt's own loop drops
 * the dispatch of a source changed during the iteration. */
typedef struct {
    SV *cb;          /* a reference of the queue's; NULL once forgotten */
    int is_handle;
    int id;          /* watch or timer */
    int fd;
    int events;
} SvrFired;

static SvrFired *svr_fired = NULL;
static size_t svr_fired_head = 0, svr_fired_len = 0, svr_fired_cap = 0;
/* Set while run_default's libvirt call runs (on the interpreter's thread,
 * the only one that calls Perl: DESIGN.md rule 3). */
static int svr_collecting = 0;

static void
svr_fired_push(pTHX_ SV *cb, int is_handle, int id, int fd, int events)
{
    SvrFired *f;
    if (svr_fired_len == svr_fired_cap) {
        svr_fired_cap = svr_fired_cap ? 2 * svr_fired_cap : 8;
        Renew(svr_fired, svr_fired_cap, SvrFired);
    }
    f = &svr_fired[svr_fired_len++];
    f->cb = SvREFCNT_inc_simple_NN(cb);
    f->is_handle = is_handle;
    f->id = id;
    f->fd = fd;
    f->events = events;
}

void
svr_xs_fired_forget(pTHX_ int is_handle, int id)
{
    size_t i;
    for (i = svr_fired_head; i < svr_fired_len; i++) {
        SvrFired *f = &svr_fired[i];
        if (f->cb && f->is_handle == is_handle && f->id == id) {
            SvREFCNT_dec(f->cb);
            f->cb = NULL;
        }
    }
}

/* An argument of a queued call: mortal, so that a callback that dies
 * frees it with the statement that caught the exception. `*refs` is its
 * reference count once on the temporaries stack. */
static SV *
svr_arg_take_mortal(pTHX_ int slot, IV value, U32 *refs)
{
    SV *sv = sv_2mortal(svr_arg_take(aTHX_ slot, value));
    *refs = SvREFCNT(sv);
    return sv;
}

/* Back to the pool if the callback left it as it was (no reference kept,
 * still a plain integer); the temporaries stack keeps its own reference
 * until the statement ends. */
static void
svr_arg_give_mortal(pTHX_ int slot, SV *sv, U32 refs)
{
    if (!svr_arg_pool[slot] && svr_arg_reusable(sv, refs))
        svr_arg_pool[slot] = SvREFCNT_inc_simple_NN(sv);
}

/* Whether a call is queued after the one just taken. */
static int
svr_fired_more(void)
{
    size_t i;
    for (i = svr_fired_head; i < svr_fired_len; i++)
        if (svr_fired[i].cb)
            return 1;
    return 0;
}

/* Calls what was queued, in order; a callback may run the loop again
 * (what that dispatches is queued after these and run in order too). */
static void
svr_xs_drain(pTHX)
{
    while (svr_fired_head < svr_fired_len) {
        SvrFired f = svr_fired[svr_fired_head++];
        /* A handle's callback gets (id, fd, events), a timer's (id). */
        const IV values[3] = { f.id, f.fd, f.events };
        const int nargs = f.is_handle ? 3 : 1;
        SV *args[3];
        U32 refs[3];
        int i, contain;
        contain = f.cb && (svr_fired_more() || svr_has_deferred_exception());
        if (svr_fired_head == svr_fired_len)
            svr_fired_head = svr_fired_len = 0;
        if (!f.cb)
            continue;
        /* The queue's reference: freed with the statement, also when the
         * callback dies (or removes its own registration). */
        sv_2mortal(f.cb);
        for (i = 0; i < nargs; i++)
            args[i] = svr_arg_take_mortal(aTHX_ i, values[i], &refs[i]);
        svr_xs_fire(aTHX_ f.cb, args, nargs, contain);
        for (i = 0; i < nargs; i++)
            svr_arg_give_mortal(aTHX_ i, args[i], refs[i]);
    }
}

int
svr_xs_run_default(pTHX)
{
    int rc, was;
    was = svr_collecting;
    svr_collecting = 1;
    rc = svr_event_run_default();
    svr_collecting = was;
    svr_xs_drain(aTHX);
    /* The first exception of the iteration (a callback libvirt ran
     * itself, streams and domain events, or a queued one). */
    svr_croak_deferred(aTHX);
    return rc;
}

void
svr_xs_handle_cb(void *ctx, int watch, int fd, int events)
{
    dTHX;
    SV *args[3];
    if (svr_collecting) {
        svr_fired_push(aTHX_ (SV *)ctx, 1, watch, fd, events);
        return;
    }
    args[0] = svr_arg_take(aTHX_ 0, watch);
    args[1] = svr_arg_take(aTHX_ 1, fd);
    args[2] = svr_arg_take(aTHX_ 2, events);
    svr_xs_fire(aTHX_ (SV *)ctx, args, 3, 1);
    svr_arg_give(aTHX_ 0, args[0]);
    svr_arg_give(aTHX_ 1, args[1]);
    svr_arg_give(aTHX_ 2, args[2]);
}

void
svr_xs_timeout_cb(void *ctx, int timer)
{
    dTHX;
    SV *arg;
    if (svr_collecting) {
        svr_fired_push(aTHX_ (SV *)ctx, 0, timer, 0, 0);
        return;
    }
    arg = svr_arg_take(aTHX_ 0, timer);
    svr_xs_fire(aTHX_ (SV *)ctx, &arg, 1, 1);
    svr_arg_give(aTHX_ 0, arg);
}

void
svr_xs_release_sv(void *ctx)
{
    dTHX;
    SvREFCNT_dec((SV *)ctx);
}

/* ------------------------------------------------ Perl-written loop -- */

static SV *svr_impl = NULL;

SV *
svr_xs_set_impl(pTHX_ SV *impl)
{
    SV *old = svr_impl;
    svr_impl = impl ? newSVsv(impl) : NULL;
    return old;
}

void
svr_xs_restore_impl(pTHX_ SV *old)
{
    SvREFCNT_dec(svr_impl);
    svr_impl = old;
}

/* Calls $impl->METHOD(args...) in scalar context. Returns 1 and sets
 * *result (a new SV) if it returned, 0 if it died (exception kept). */
static int
svr_xs_impl_call(pTHX_ const char *method, SV **args, int nargs, SV **result)
{
    SV *all[6];
    SV *exception = NULL;
    SV *name;
    int i, n;
    *result = NULL;
    /* At global destruction the loop's own objects (EV's watchers, ...)
     * may be freed already: what libvirt asks then (a connection closing
     * updates or removes its socket's watch) is not passed on, and adding
     * fails quietly. */
    if (PL_phase == PERL_PHASE_DESTRUCT) {
        *result = newSV(0);
        return strncmp(method, "add_", 4) != 0;
    }
    if (!svr_impl) {
        svr_defer_exception(aTHX_ newSVpvf("Sys::Virt::Event: no event implementation is registered\n"));
        return 0;
    }
    all[0] = svr_impl;
    for (i = 0; i < nargs && i < 5; i++)
        all[i + 1] = args[i];
    name = sv_2mortal(newSVpv(method, 0));
    n = svr_call(aTHX_ name, all, nargs + 1, G_SCALAR | G_METHOD_NAMED, result, 1, &exception);
    if (n < 0) {
        svr_defer_exception(aTHX_ exception);
        return 0;
    }
    if (n == 0)
        *result = newSV(0);
    return 1;
}

/* A watch or timer id the loop returned: an integer >= 0, else an error. */
static int64_t
svr_xs_impl_id(pTHX_ const char *method, SV *result)
{
    int64_t id = -1;
    if (SvOK(result) && !SvROK(result) && looks_like_number(result) && SvNV(result) >= 0
        && SvNV(result) == (NV)SvIV(result))
        id = (int64_t)SvIV(result);
    else
        svr_defer_exception(aTHX_ newSVpvf(
            "Sys::Virt::Event: the event implementation's %s returned '%" SVf "', not a %s number\n",
            method, SVfARG(SvOK(result) ? result : sv_2mortal(newSVpvs("undef"))),
            strstr(method, "handle") ? "watch" : "timer"));
    SvREFCNT_dec(result);
    return id;
}

static int64_t
svr_xs_impl_add(const char *method, int fdms, int events, int with_events, int64_t token)
{
    dTHX;
    SV *args[5], *result;
    int64_t id = -1;
    int n = 0;
    ENTER;
    SAVETMPS;
    args[n++] = sv_2mortal(newSViv(fdms));
    if (with_events)
        args[n++] = sv_2mortal(newSViv(events));
    args[n++] = sv_2mortal(newSViv((IV)token));   /* $cb */
    args[n++] = sv_2mortal(newSViv((IV)token));   /* $opaque */
    args[n++] = sv_2mortal(newSViv((IV)token));   /* $ff */
    if (svr_xs_impl_call(aTHX_ method, args, n, &result))
        id = svr_xs_impl_id(aTHX_ method, result);
    FREETMPS;
    LEAVE;
    return id;
}

static int64_t
svr_xs_hook_add_handle(int fd, int events, int64_t token)
{
    return svr_xs_impl_add("add_handle", fd, events, 1, token);
}

static int64_t
svr_xs_hook_add_timeout(int ms, int64_t token)
{
    return svr_xs_impl_add("add_timeout", ms, 0, 0, token);
}

static int
svr_xs_impl_simple(const char *method, int64_t id, int value, int with_value)
{
    dTHX;
    SV *args[2], *result;
    int rc = -1;
    ENTER;
    SAVETMPS;
    args[0] = sv_2mortal(newSViv((IV)id));
    args[1] = sv_2mortal(newSViv(value));
    if (svr_xs_impl_call(aTHX_ method, args, with_value ? 2 : 1, &result)) {
        /* remove_*: -1 (a number) means failure; anything else success. */
        rc = (SvOK(result) && !SvROK(result) && looks_like_number(result) && SvIV(result) < 0) ? -1 : 0;
        SvREFCNT_dec(result);
    }
    FREETMPS;
    LEAVE;
    return rc;
}

static void
svr_xs_hook_update_handle(int64_t watch, int events)
{
    (void)svr_xs_impl_simple("update_handle", watch, events, 1);
}

static void
svr_xs_hook_update_timeout(int64_t timer, int ms)
{
    (void)svr_xs_impl_simple("update_timeout", timer, ms, 1);
}

static int
svr_xs_hook_remove_handle(int64_t watch)
{
    return svr_xs_impl_simple("remove_handle", watch, 0, 0);
}

static int
svr_xs_hook_remove_timeout(int64_t timer)
{
    return svr_xs_impl_simple("remove_timeout", timer, 0, 0);
}

const SvrImplHooks svr_xs_impl_hooks = {
    svr_xs_hook_add_handle,
    svr_xs_hook_update_handle,
    svr_xs_hook_remove_handle,
    svr_xs_hook_add_timeout,
    svr_xs_hook_update_timeout,
    svr_xs_hook_remove_timeout,
};

int64_t
svr_xs_token(pTHX_ SV *sv, const char *func, const char *argname)
{
    SV *copy;
    SvGETMAGIC(sv);
    if (!SvOK(sv) || SvROK(sv) || !looks_like_number(sv))
        croak("%s: '%s' is not a value the event loop was given", func, argname);
    /* Read (once) by the one integer routine, as every other argument. */
    copy = sv_2mortal(newSVsv_nomg(sv));
    return svr_arg_i64(aTHX_ copy, func, argname);
}

/* ------------------------------------------- events of a connection -- */

#define SVR_EVENT_FAMILY(prefix, klass, argname)                                          \
    { "Sys::Virt::" prefix "_event_register_any", "Sys::Virt::" prefix "_event_deregister_any", \
      klass, argname, "con, " argname ", eventID, cb" }

const svr_xs_event_family svr_xs_event_families[] = {
    [SVR_EVENT_DOMAIN] = SVR_EVENT_FAMILY("domain", "Sys::Virt::Domain", "dom"),
    [SVR_EVENT_STORAGE_POOL] = SVR_EVENT_FAMILY("storage_pool", "Sys::Virt::StoragePool", "pool"),
    [SVR_EVENT_NETWORK] = SVR_EVENT_FAMILY("network", "Sys::Virt::Network", "net"),
    [SVR_EVENT_NODE_DEVICE] = SVR_EVENT_FAMILY("node_device", "Sys::Virt::NodeDevice", "dev"),
    [SVR_EVENT_SECRET] = SVR_EVENT_FAMILY("secret", "Sys::Virt::Secret", "secret"),
};

svr_xs_event_ctx *
svr_xs_event_ctx_new(pTHX_ SV *conn_obj, SV *cb, const char *klass)
{
    svr_xs_event_ctx *c;
    Newxz(c, 1, svr_xs_event_ctx);
    c->conn = newRV_inc(conn_obj);
    c->cb = newSVsv(cb);
    c->klass = klass;
    return c;
}

void
svr_xs_release_event_ctx(void *ctx)
{
    dTHX;
    svr_xs_event_ctx *c = ctx;
    SvREFCNT_dec(c->cb);
    SvREFCNT_dec(c->conn);
    Safefree(c);
}

/* The value at args[*i] (a hash or array takes the entries that follow). */
static SV *
svr_xs_arg(pTHX_ const SvrEventArg *args, size_t nargs, size_t *i)
{
    const SvrEventArg *a = &args[(*i)++];
    int k;
    switch (a->kind) {
    case SVR_ARG_INT:
        return newSViv((IV)a->i);
    case SVR_ARG_UINT:
        return newSVuv((UV)a->u);
    case SVR_ARG_DOUBLE:
        return newSVnv((NV)a->d);
    case SVR_ARG_STRING:
        return a->s ? newSVpv(a->s, 0) : newSV(0);
    case SVR_ARG_HASH: {
        HV *hv = newHV();
        for (k = 0; k < a->n && *i < nargs; k++) {
            const char *key = args[*i].key ? args[*i].key : "";
            SV *v = svr_xs_arg(aTHX_ args, nargs, i);
            (void)hv_store(hv, key, (I32)strlen(key), v, 0);
        }
        return newRV_noinc((SV *)hv);
    }
    case SVR_ARG_ARRAY: {
        AV *av = newAV();
        for (k = 0; k < a->n && *i < nargs; k++)
            av_push(av, svr_xs_arg(aTHX_ args, nargs, i));
        return newRV_noinc((SV *)av);
    }
    default:
        return newSV(0);
    }
}

void
svr_xs_object_event(void *ctx, void *object, const SvrEventArg *args, size_t nargs)
{
    dTHX;
    svr_xs_event_ctx *c = ctx;
    AV *list;
    size_t i = 0;
    SSize_t n;
    SV **argv;
    ENTER;
    SAVETMPS;
    list = (AV *)sv_2mortal((SV *)newAV());
    av_push(list, SvREFCNT_inc(c->conn));
    if (c->klass)
        av_push(list, object ? SvREFCNT_inc(svr_wrap(aTHX_ object, c->klass)) : newSV(0));
    while (i < nargs)
        av_push(list, svr_xs_arg(aTHX_ args, nargs, &i));
    n = av_len(list) + 1;
    argv = AvARRAY(list);
    svr_xs_fire(aTHX_ c->cb, argv, (int)n, 1);
    FREETMPS;
    LEAVE;
}
