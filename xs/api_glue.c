/* Glue of the table-driven methods (tools/gen-api.pl): reading composite
 * arguments into C, and turning a result tree of the Rust core into Perl
 * values. Perl's C API only: no libvirt here. */
#include "glue.h"
#include "api_gen.h"

double
svr_arg_double(pTHX_ SV *sv, const char *func, const char *argname)
{
    SvGETMAGIC(sv);
    if (!SvOK(sv))
        croak("%s: '%s' must be a number, not undef", func, argname);
    if (!SvNIOK(sv) && !looks_like_number(sv))
        croak("%s: '%s' must be a number, not '%" SVf "'", func, argname, SVfARG(sv));
    return SvNV_nomg(sv);
}

const char *
svr_arg_opt_string(pTHX_ SV *sv)
{
    SvGETMAGIC(sv);
    return SvOK(sv) ? SvPV_nomg_nolen(sv) : NULL;
}

const char *
svr_arg_bytes(pTHX_ SV *sv, const char *func, const char *argname, STRLEN *len)
{
    SvGETMAGIC(sv);
    if (!SvOK(sv))
        croak("%s: '%s' must be a string, not undef", func, argname);
    if (SvUTF8(sv)) {
        /* Bytes are bytes: characters above 255 cannot be sent. */
        SV *copy = sv_2mortal(newSVsv_nomg(sv));
        if (!sv_utf8_downgrade(copy, TRUE))
            croak("%s: '%s' has wide characters (bytes are required)", func, argname);
        return SvPV_nomg(copy, *len);
    }
    return SvPV_nomg(sv, *len);
}

const char **
svr_arg_str_list(pTHX_ SV *sv, const char *func, const char *argname, size_t *len)
{
    AV *av;
    SSize_t n, i;
    const char **list;
    SvGETMAGIC(sv);
    if (!SvROK(sv) || SvTYPE(SvRV(sv)) != SVt_PVAV)
        croak("%s: '%s' must be an ARRAY reference", func, argname);
    av = (AV *)SvRV(sv);
    n = av_len(av) + 1;
    Newxz(list, n ? n : 1, const char *);
    SAVEFREEPV(list);
    for (i = 0; i < n; i++) {
        SV **item = av_fetch(av, i, 0);
        if (!item || !SvOK(*item))
            croak("%s: '%s' element %d is undef", func, argname, (int)i);
        list[i] = SvPV_nolen(*item);
    }
    *len = (size_t)n;
    return list;
}

/* One pair of a hash argument; undef stays NULL. */
static void
svr_pair_set(pTHX_ SvrPair *pair, const char *key, SV *val)
{
    pair->key = key;
    if (SvOK(val)) {
        STRLEN vlen;
        pair->value = SvPV(val, vlen);
        pair->value_len = vlen;
    } else {
        pair->value = NULL;
        pair->value_len = 0;
    }
}

/* The pairs of a HASH reference. A value that is an ARRAY reference gives
 * one pair per element, all with the same key (typed parameters that may
 * repeat, e.g. the disks to migrate). */
static SvrPair *
svr_arg_pairs_nomg(pTHX_ SV *sv, const char *func, const char *argname, size_t *len)
{
    HV *hv;
    HE *he;
    SvrPair *pairs;
    size_t n = 0, cap = 0;
    if (!SvROK(sv) || SvTYPE(SvRV(sv)) != SVt_PVHV)
        croak("%s: '%s' must be a HASH reference", func, argname);
    hv = (HV *)SvRV(sv);
    /* First the size, then the pairs: nothing below runs Perl code that
     * could change the hash in between. */
    hv_iterinit(hv);
    while ((he = hv_iternext(hv))) {
        SV *val = HeVAL(he);
        if (SvROK(val) && SvTYPE(SvRV(val)) == SVt_PVAV)
            cap += (size_t)(av_len((AV *)SvRV(val)) + 1);
        else
            cap++;
    }
    Newxz(pairs, cap ? cap : 1, SvrPair);
    SAVEFREEPV(pairs);
    hv_iterinit(hv);
    while ((he = hv_iternext(hv))) {
        SV *val = HeVAL(he);
        I32 klen;
        const char *key = hv_iterkey(he, &klen);
        if (SvROK(val) && SvTYPE(SvRV(val)) == SVt_PVAV) {
            AV *av = (AV *)SvRV(val);
            SSize_t i, m = av_len(av) + 1;
            for (i = 0; i < m && n < cap; i++) {
                SV **item = av_fetch(av, i, 0);
                if (!item || !SvOK(*item))
                    croak("%s: '%s' element %d of '%s' is undef", func, argname, (int)i, key);
                if (SvROK(*item))
                    croak("%s: '%s' element %d of '%s' must be a plain value", func, argname, (int)i, key);
                svr_pair_set(aTHX_ &pairs[n++], key, *item);
            }
        } else if (n < cap) {
            if (SvROK(val) && !SvAMAGIC(val))
                croak("%s: '%s' value of '%s' must be a plain value or an ARRAY reference", func, argname, key);
            svr_pair_set(aTHX_ &pairs[n++], key, val);
        }
    }
    *len = n;
    return pairs;
}

SvrPair *
svr_arg_pairs(pTHX_ SV *sv, const char *func, const char *argname, size_t *len)
{
    SvGETMAGIC(sv);
    return svr_arg_pairs_nomg(aTHX_ sv, func, argname, len);
}

/* hash? : NULL (and no pairs) for undef, unlike an empty hash. */
SvrPair *
svr_arg_opt_pairs(pTHX_ SV *sv, const char *func, const char *argname, size_t *len)
{
    SvGETMAGIC(sv);
    *len = 0;
    return SvOK(sv) ? svr_arg_pairs_nomg(aTHX_ sv, func, argname, len) : NULL;
}

/* The array behind an ARRAY reference argument. */
static AV *
svr_arg_av(pTHX_ SV *sv, const char *func, const char *argname)
{
    SvGETMAGIC(sv);
    if (!SvROK(sv) || SvTYPE(SvRV(sv)) != SVt_PVAV)
        croak("%s: '%s' must be an ARRAY reference", func, argname);
    return (AV *)SvRV(sv);
}

/* The element `i` of `av` (croaks on a missing one) and its name. */
static SV *
svr_arg_elem(pTHX_ AV *av, SSize_t i, const char *func, const char *argname, const char **name)
{
    SV **item = av_fetch(av, i, 0);
    *name = SvPVX(sv_2mortal(newSVpvf("%s[%d]", argname, (int)i)));
    if (!item)
        croak("%s: '%s' is undef", func, *name);
    return *item;
}

long long *
svr_arg_i64_list(pTHX_ SV *sv, const char *func, const char *argname,
                 long long min, long long max, size_t *len)
{
    AV *av = svr_arg_av(aTHX_ sv, func, argname);
    SSize_t n = av_len(av) + 1, i;
    long long *list;
    Newxz(list, n ? n : 1, long long);
    SAVEFREEPV(list);
    for (i = 0; i < n; i++) {
        const char *name;
        SV *item = svr_arg_elem(aTHX_ av, i, func, argname, &name);
        list[i] = svr_arg_i64(aTHX_ item, func, name);
        if (list[i] < min || list[i] > max)
            croak("%s: '%s' is out of range (%lld to %lld)", func, name, min, max);
    }
    *len = (size_t)n;
    return list;
}

unsigned long long *
svr_arg_u64_list(pTHX_ SV *sv, const char *func, const char *argname,
                 unsigned long long max, size_t *len)
{
    AV *av = svr_arg_av(aTHX_ sv, func, argname);
    SSize_t n = av_len(av) + 1, i;
    unsigned long long *list;
    Newxz(list, n ? n : 1, unsigned long long);
    SAVEFREEPV(list);
    for (i = 0; i < n; i++) {
        const char *name;
        SV *item = svr_arg_elem(aTHX_ av, i, func, argname, &name);
        list[i] = svr_arg_u64(aTHX_ item, func, name);
        if (list[i] > max)
            croak("%s: '%s' is out of range (more than %llu)", func, name, max);
    }
    *len = (size_t)n;
    return list;
}

void **
svr_arg_obj_list(pTHX_ SV *sv, const char *klass, const char *func, const char *argname, size_t *len)
{
    AV *av = svr_arg_av(aTHX_ sv, func, argname);
    SSize_t n = av_len(av) + 1, i;
    void **list;
    Newxz(list, n ? n : 1, void *);
    SAVEFREEPV(list);
    for (i = 0; i < n; i++) {
        const char *name;
        SV *item = svr_arg_elem(aTHX_ av, i, func, argname, &name);
        /* svr_unwrap keeps each object alive until the statement ends. */
        list[i] = svr_unwrap(aTHX_ item, klass, func, name);
    }
    *len = (size_t)n;
    return list;
}

/* A new SV for one node (objects are taken: their ptr is cleared). */
static SV *
svr_value_sv(pTHX_ SvrValue *v)
{
    size_t i;
    switch (v->kind) {
    case SVR_V_INT:
        return newSViv((IV)v->iv);
    case SVR_V_UINT:
        return svr_newSVu64(aTHX_ v->uv);
    case SVR_V_DOUBLE:
        return newSVnv(v->nv);
    case SVR_V_STR:
    case SVR_V_CSTR:
        return newSVpvn((const char *)v->ptr, v->len);
    case SVR_V_OBJECT: {
        /* One stash cache per class id (ids are small: see handles.rs). */
        static SvrStashCache class_stash[64];
        SV *rv;
        if (v->class_id >= 0 && v->class_id < 64) {
            rv = svr_new_object_cached(aTHX_ v->ptr, svr_class_name(v->class_id), &class_stash[v->class_id]);
        } else {
            rv = newSV(0);
            sv_setref_pv(rv, svr_class_name(v->class_id), v->ptr);
        }
        v->ptr = NULL;
        return rv;
    }
    case SVR_V_LIST:
    case SVR_V_ARRAY: {
        AV *av = newAV();
        SvrValue *items = (SvrValue *)v->ptr;
        av_extend(av, v->len ? (SSize_t)v->len - 1 : 0);
        for (i = 0; i < v->len; i++)
            av_push(av, svr_value_sv(aTHX_ &items[i]));
        return newRV_noinc((SV *)av);
    }
    case SVR_V_HASH: {
        HV *hv = newHV();
        SvrValue *items = (SvrValue *)v->ptr;
        for (i = 0; i < v->len; i++) {
            SvrValue *k = &items[2 * i];
            (void)hv_store(hv, (const char *)k->ptr, (I32)k->len, svr_value_sv(aTHX_ &items[2 * i + 1]), 0);
        }
        return newRV_noinc((SV *)hv);
    }
    default:
        return newSV(0);
    }
}

void
svr_value_push(pTHX_ SvrValue *v)
{
    dSP;
    size_t i;
    if (!v)
        svr_croak_failure(aTHX);
    if (v->kind == SVR_V_LIST) {
        SvrValue *items = (SvrValue *)v->ptr;
        EXTEND(SP, (SSize_t)v->len);
        for (i = 0; i < v->len; i++)
            PUSHs(sv_2mortal(svr_value_sv(aTHX_ &items[i])));
    } else if (v->kind != SVR_V_NOTHING) {
        XPUSHs(sv_2mortal(svr_value_sv(aTHX_ v)));
    }
    PUTBACK;
    svr_value_free(v);
}

/* ---- The non-blocking forms (NAME_f, NAME_p: src/api/pending.rs) ---- */

/* A call's context (svr_async_new): an array of the Future / Mojo::Promise
 * and the objects the call uses (svr_async_hold), which the core releases
 * (svr_async_release) once the call has ended. */

/* Settles the Perl side of a call, on the loop's thread: `v` is the result
 * tree (NULL: the failure recorded on this thread). A callback of the
 * Future that dies is kept as the loop's callbacks' are. */
static void
svr_async_settle(void *ctx, SvrValue *v)
{
    dTHX;
    SV **slot = av_fetch((AV *)ctx, 0, 0);
    SV *fut = slot ? *slot : &PL_sv_undef;
    SV *err = NULL;
    ENTER;
    SAVETMPS;
    if (!v) {
        /* First: making the error object may run Perl code (its class's
         * overloading is set up on first use), which uses the stack. */
        int kind;
        const char *message;
        err = svr_failure_error_sv(aTHX_ &kind, &message);
        if (!err)
            err = kind == SVR_FAILURE_MESSAGE ? newSVpvf("%s\n", message)
                                              : newSVpvs("Sys::Virt: an operation failed without saying why\n");
        sv_2mortal(err);
    }
    {
        dSP;
        PUSHMARK(SP);
        XPUSHs(fut);
        XPUSHs(v ? &PL_sv_yes : &PL_sv_no);
        if (err)
            XPUSHs(err);
        PUTBACK;
        if (v)
            svr_value_push(aTHX_ v);
    }
    (void)call_pv("Sys::Virt::_async_settle", G_VOID | G_DISCARD | G_EVAL);
    if (SvTRUE(ERRSV)) {
        svr_defer_exception(aTHX_ newSVsv(ERRSV));
        sv_setsv(ERRSV, &PL_sv_undef);
    }
    FREETMPS;
    LEAVE;
}

/* Releases a call's context, on the loop's thread, after it was settled:
 * the objects it held may go now. */
static void
svr_async_release(void *ctx)
{
    dTHX;
    SvREFCNT_dec((SV *)ctx);
}

void *
svr_async_new(pTHX_ int kind, SV **fut)
{
    dSP;
    SV *f;
    AV *ctx;
    svr_async_set_settle(svr_async_settle, svr_async_release);
    ENTER;
    SAVETMPS;
    PUSHMARK(SP);
    mXPUSHi(kind);
    PUTBACK;
    (void)call_pv("Sys::Virt::_async_new", G_SCALAR);
    SPAGAIN;
    f = newSVsv(POPs);
    PUTBACK;
    FREETMPS;
    LEAVE;
    *fut = sv_2mortal(f);
    /* The core's reference until the call ends. */
    ctx = newAV();
    av_push(ctx, newSVsv(f));
    return ctx;
}

/* Keeps the object `obj` (a Sys::Virt object, or a class name: ignored)
 * alive until the call ends: the core uses its handle on a worker. */
void
svr_async_hold(pTHX_ void *ctx, SV *obj)
{
    if (SvROK(obj))
        av_push((AV *)ctx, newSVsv(obj));
}

void
svr_async_started(pTHX_ void *ctx, int rc)
{
    /* Not started (no loop, an object gone): settled at once. */
    if (rc < 0) {
        svr_async_settle(ctx, NULL);
        svr_async_release(ctx);
    }
}
