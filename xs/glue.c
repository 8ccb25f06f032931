#include "glue.h"

SV *
svr_wrap(pTHX_ void *handle, const char *klass)
{
    SV *rv = sv_newmortal();
    sv_setref_pv(rv, klass, handle);
    return rv;
}

void *
svr_unwrap(pTHX_ SV *arg, const char *klass, const char *func, const char *argname)
{
    SV *inner;
    /* Fast path: an object of exactly this class (every call on a hot
     * loop); subclasses and errors take the full checks below. */
    if (SvROK(arg)) {
        inner = SvRV(arg);
        const char *name = SvOBJECT(inner) ? HvNAME_get(SvSTASH(inner)) : NULL;
        if (name && SvIOK(inner) && SvIVX(inner) != 0 && strEQ(name, klass))
            return INT2PTR(void *, SvIVX(inner));
    }
    if (!SvOK(arg))
        croak("%s: '%s' is undef, not a %s object", func, argname, klass);
    if (!sv_isobject(arg) || !sv_derived_from(arg, klass))
        croak("%s: '%s' is not a %s object", func, argname, klass);
    inner = SvRV(arg);
    if (!SvIOK(inner) || SvIVX(inner) == 0)
        croak("%s: '%s' is a %s object that is no longer valid", func, argname, klass);
    return INT2PTR(void *, SvIVX(inner));
}

void *
svr_take_handle(pTHX_ SV *obj)
{
    SV *inner;
    void *h;
    if (!SvROK(obj))
        return NULL;
    inner = SvRV(obj);
    if (!SvIOK(inner))
        return NULL;
    h = INT2PTR(void *, SvIVX(inner));
    SvIV_set(inner, 0);
    return h;
}

void
svr_croak_failure(pTHX)
{
    SvrFailure f;
    int kind = svr_failure_take(&f);
    if (kind == SVR_FAILURE_LIBVIRT) {
        HV *hv = newHV();
        SV *rv;
        (void)hv_stores(hv, "level", newSViv(f.level));
        (void)hv_stores(hv, "code", newSViv(f.code));
        (void)hv_stores(hv, "domain", newSViv(f.domain));
        (void)hv_stores(hv, "message", newSVpv(f.message, 0));
        rv = sv_2mortal(newRV_noinc((SV *)hv));
        sv_bless(rv, gv_stashpvs("Sys::Virt::Error", GV_ADD));
        croak_sv(rv);
    }
    if (kind == SVR_FAILURE_MESSAGE)
        croak("%s", f.message);
    croak("Sys::Virt: an operation failed without saying why\n");
}

void
svr_croak_exception_or_failure(pTHX_ SV *exception)
{
    if (exception) {
        SvrFailure ignored;
        (void)svr_failure_take(&ignored);
        croak_sv(sv_2mortal(exception));
    }
    svr_croak_failure(aTHX);
}

void
svr_check_code(pTHX_ SV *sv, const char *func, const char *argname)
{
    SvGETMAGIC(sv);
    if (!SvROK(sv) || SvTYPE(SvRV(sv)) != SVt_PVCV)
        croak("%s: '%s' must be a CODE reference", func, argname);
}

void
svr_check_number(pTHX_ SV *sv, const char *func, const char *argname)
{
    if (SvIOK(sv) && !SvGMAGICAL(sv))
        return;
    SvGETMAGIC(sv);
    if (!SvOK(sv))
        croak("%s: '%s' must be a number, not undef", func, argname);
    if (!looks_like_number(sv))
        croak("%s: '%s' must be a number, not '%" SVf "'", func, argname, SVfARG(sv));
}

int
svr_call(pTHX_ SV *cb, SV **args, int nargs, I32 context,
         SV **results, int max_results, SV **exception)
{
    dSP;
    int count, i;
    if (max_results == 0) {
        /* No result wanted: G_DISCARD makes call_sv free the callback's
         * temporaries itself, so no scope of our own is needed. */
        PUSHMARK(SP);
        EXTEND(SP, nargs);
        for (i = 0; i < nargs; i++)
            PUSHs(args[i]);
        PUTBACK;
        (void)call_sv(cb, G_VOID | G_DISCARD | G_EVAL);
        if (SvTRUE(ERRSV)) {
            if (exception && !*exception)
                *exception = newSVsv(ERRSV);
            sv_setsv(ERRSV, &PL_sv_undef);
            return -1;
        }
        return 0;
    }
    ENTER;
    SAVETMPS;
    PUSHMARK(SP);
    EXTEND(SP, nargs);
    for (i = 0; i < nargs; i++)
        PUSHs(args[i]);
    PUTBACK;
    count = call_sv(cb, context | G_EVAL);
    SPAGAIN;
    if (SvTRUE(ERRSV)) {
        if (exception && !*exception)
            *exception = newSVsv(ERRSV);
        sv_setsv(ERRSV, &PL_sv_undef);
        SP -= count;
        count = -1;
    } else {
        /* Values are on the stack in order; copy the first max_results. */
        SV **base = SP - count + 1;
        for (i = 0; i < count && i < max_results; i++)
            results[i] = newSVsv(base[i]);
        SP -= count;
        if (count > max_results)
            count = max_results;
    }
    PUTBACK;
    FREETMPS;
    LEAVE;
    return count;
}

/* The event loop only ever runs Perl callbacks on the interpreter's own
 * thread (DESIGN.md rule 3), so one slot is enough. */
static SV *svr_deferred_exception = NULL;

void
svr_defer_exception(pTHX_ SV *exception)
{
    if (!exception)
        return;
    if (svr_deferred_exception)
        SvREFCNT_dec(exception);
    else
        svr_deferred_exception = exception;
}

void
svr_croak_deferred(pTHX)
{
    SV *e = svr_deferred_exception;
    if (e) {
        svr_deferred_exception = NULL;
        croak_sv(sv_2mortal(e));
    }
}

SV *
svr_new_object(pTHX_ void *handle, const char *klass)
{
    if (!handle)
        svr_croak_failure(aTHX);
    return SvREFCNT_inc(svr_wrap(aTHX_ handle, klass));
}

unsigned long long
svr_arg_u64(pTHX_ SV *sv, const char *func, const char *argname)
{
    SvGETMAGIC(sv);
    if (!SvOK(sv))
        croak("%s: '%s' must be a number, not undef", func, argname);
    if (SvIOK(sv)) {
        if (SvIsUV(sv))
            return (unsigned long long)SvUVX(sv);
        if (SvIVX(sv) < 0)
            croak("%s: '%s' must not be negative", func, argname);
        return (unsigned long long)SvIVX(sv);
    }
    if (SvPOK(sv)) {
        STRLEN len, i;
        const char *s = SvPV_nomg(sv, len);
        unsigned long long v = 0;
        if (len > 0 && len <= 20) {
            for (i = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
                unsigned digit = (unsigned)(s[i] - '0');
                if (v > (~0ULL - digit) / 10)
                    croak("%s: '%s' is out of range (more than 2**64-1)", func, argname);
                v = v * 10 + digit;
            }
            if (i == len)
                return v;
        }
        if (!looks_like_number(sv))
            croak("%s: '%s' must be a number, not '%" SVf "'", func, argname, SVfARG(sv));
    }
    {
        NV nv = SvNV_nomg(sv);
        if (nv != nv)
            croak("%s: '%s' must be a number, not NaN", func, argname);
        if (nv < 0)
            croak("%s: '%s' must not be negative", func, argname);
        if (nv >= 18446744073709551616.0)
            croak("%s: '%s' is out of range (more than 2**64-1)", func, argname);
        if (nv != (NV)(unsigned long long)nv)
            croak("%s: '%s' must be a whole number", func, argname);
        return (unsigned long long)nv;
    }
}

const char *
svr_arg_string(pTHX_ SV *sv, const char *func, const char *argname)
{
    SvGETMAGIC(sv);
    if (!SvOK(sv))
        croak("%s: '%s' must be a string, not undef", func, argname);
    return SvPV_nomg_nolen(sv);
}

SV *
svr_newSVu64(pTHX_ unsigned long long v)
{
#if UVSIZE >= 8
    return newSVuv((UV)v);
#else
    if (v <= (unsigned long long)UV_MAX)
        return newSVuv((UV)v);
    return newSVpvf("%llu", v);
#endif
}
