#include "glue.h"
#include <limits.h>

SV *
svr_wrap(pTHX_ void *handle, const char *klass)
{
    SV *rv = sv_newmortal();
    sv_setref_pv(rv, klass, handle);
    return rv;
}

SV *
svr_new_object_cached(pTHX_ void *handle, const char *klass, SvrStashCache *cache)
{
    SV *rv;
    if (!cache->interp) {
        cache->stash = gv_stashpv(klass, GV_ADD);
        cache->interp = SVR_INTERP_ID;
    } else if (cache->interp != SVR_INTERP_ID) {
        rv = newSV(0);
        sv_setref_pv(rv, klass, handle);
        return rv;
    }
    rv = newRV_noinc(newSViv(PTR2IV(handle)));
    sv_bless(rv, cache->stash);
    return rv;
}

SV *
svr_wrap_cached(pTHX_ void *handle, const char *klass, SvrStashCache *cache)
{
    return sv_2mortal(svr_new_object_cached(aTHX_ handle, klass, cache));
}

/* Only code run by reading an argument can free another one before the
 * XSUB is done with it: get-magic (tie, substr and element lvalues) and
 * overloading. Without either among the arguments nothing is taken (the
 * common case costs one flag test per argument); with one, all are kept. */
/* Whether objects of `stash` overload anything (their class or one it
 * inherits from used `overload`: its markers "((" and "()" are found as
 * methods). A stash with none has its may-overload flag cleared, so the
 * next call's inline test is cheap; Perl sets it again when a sub is
 * defined in the class or its @ISA changes. Unlike Gv_AMG this leaves no
 * overload-table magic on the stash: a stash with magic makes every
 * method lookup in it slower (hv_common looks for tie magic first). */
static int
svr_stash_overloads(pTHX_ HV *stash)
{
    /* level -1: look, but add no method-cache entries to the stash. */
    if (gv_fetchmeth_pvn(stash, "((", 2, -1, 0) || gv_fetchmeth_pvn(stash, "()", 2, -1, 0))
        return 1;
    HvAMAGIC_off(stash);
    return 0;
}

I32
svr_keep_args_slow(pTHX_ I32 ax, I32 items)
{
    I32 i;
    SV **args = PL_stack_base + ax;
    for (i = 0; i < items; i++) {
        SV *sv = args[i];
        /* SvAMAGIC only says a stash may have overloading (Perl sets the
         * flag whenever a sub is defined in it): look. */
        if (sv && (SvGMAGICAL(sv) || (SvROK(sv) && SvAMAGIC(sv) && svr_stash_overloads(aTHX_ SvSTASH(SvRV(sv))))))
            break;
    }
    if (i == items)
        return 0;
    for (i = 0; i < items; i++) {
        SV *sv = args[i];
        if (sv && !SvIMMORTAL(sv)) {
            sv_2mortal(SvREFCNT_inc_simple_NN(sv));
            /* And the object an argument refers to: code run by reading
             * another argument may reassign the variable that referred
             * to it. */
            if (SvROK(sv))
                sv_2mortal(SvREFCNT_inc_simple_NN(SvRV(sv)));
        }
    }
    return items;
}

void *
svr_unwrap_slow(pTHX_ SV *arg, const char *klass, const char *func, const char *argname,
                SvrStashCache *cache)
{
    void *h = svr_unwrap_obj(aTHX_ arg, klass, func, argname, NULL);
    /* First call of this site in this interpreter, on an object of
     * exactly the class: remember its stash. */
    const char *name = HvNAME_get(SvSTASH(SvRV(arg)));
    if (!cache->interp && name && strEQ(name, klass)) {
        cache->stash = SvSTASH(SvRV(arg));
        cache->interp = SVR_INTERP_ID;
    }
    return h;
}

void *
svr_unwrap_obj(pTHX_ SV *arg, const char *klass, const char *func, const char *argname, SV **obj)
{
    SV *inner;
    /* Fast path: an object of exactly this class (every call on a hot
     * loop); subclasses and errors take the full checks below. */
    if (SvROK(arg)) {
        inner = SvRV(arg);
        const char *name = SvOBJECT(inner) ? HvNAME_get(SvSTASH(inner)) : NULL;
        if (name && SvIOK(inner) && SvIVX(inner) != 0 && strEQ(name, klass)) {
            /* Alive until the XSUB returns: nothing runs Perl code while it
             * reads its arguments unless one is tied or overloaded, and
             * then svr_keep_args (dXSARGS) holds every argument and the
             * object each refers to. */
            if (obj)
                *obj = inner;
            return INT2PTR(void *, SvIVX(inner));
        }
    }
    if (!SvOK(arg))
        croak("%s: '%s' is undef, not a %s object", func, argname, klass);
    if (!sv_isobject(arg) || !sv_derived_from(arg, klass))
        croak("%s: '%s' is not a %s object", func, argname, klass);
    inner = SvRV(arg);
    if (!SvIOK(inner) || SvIVX(inner) == 0)
        croak("%s: '%s' is a %s object that is no longer valid", func, argname, klass);
    if (obj)
        *obj = inner;
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

/* The class of error objects. Its overloading is set up by the first one
 * (see Error.pm), which leaves overload.pm's "((" entry in the stash; a
 * failure there must not replace the error being reported, nor $@. */
static HV *
svr_error_stash(pTHX)
{
    HV *stash = gv_stashpvs("Sys::Virt::Error", GV_ADD);
    CV *cv;
    if (!hv_fetchs(stash, "((", 0) && (cv = get_cvs("Sys::Virt::Error::_overload", 0))) {
        dSP;
        PUSHMARK(SP);
        call_sv((SV *)cv, G_DISCARD | G_NOARGS | G_EVAL | G_KEEPERR);
    }
    return stash;
}

SV *
svr_failure_error_sv(pTHX_ int *kind_out, const char **message_out)
{
    SvrFailure f;
    int kind = svr_failure_take(&f);
    *kind_out = kind;
    *message_out = f.message;
    if (kind == SVR_FAILURE_LIBVIRT) {
        HV *hv = newHV();
        SV *rv;
        (void)hv_stores(hv, "level", newSViv(f.level));
        (void)hv_stores(hv, "code", newSViv(f.code));
        (void)hv_stores(hv, "domain", newSViv(f.domain));
        (void)hv_stores(hv, "message", newSVpv(f.message, 0));
        rv = newRV_noinc((SV *)hv);
        /* After the copy: Perl code may run here. */
        sv_bless(rv, svr_error_stash(aTHX));
        return rv;
    }
    return NULL;
}

void
svr_croak_failure(pTHX)
{
    int kind;
    const char *message;
    SV *err = svr_failure_error_sv(aTHX_ &kind, &message);
    if (err)
        croak_sv(sv_2mortal(err));
    if (kind == SVR_FAILURE_MESSAGE)
        croak("%s", message);
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

int
svr_has_deferred_exception(void)
{
    return svr_deferred_exception != NULL;
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

/* The one routine that reads integer arguments (flags, offsets, lengths,
 * ids): an integer, a float holding a whole number, or a string of decimal
 * digits (with an optional '-'), exact over the whole 64-bit range. Sets
 * *neg for negative values (the magnitude goes to *mag). Croaks, naming
 * func and argname, on undef, non-numbers, NaN, fractions and values
 * beyond 64 bits. Magic (tie, overloading) is read exactly once. */
static void
svr_arg_integer(pTHX_ SV *sv, const char *func, const char *argname,
                int *neg, unsigned long long *mag)
{
    SvGETMAGIC(sv);
    if (SvROK(sv) && SvAMAGIC(sv)) {
        /* An overloaded object: take its numeric value once. */
        SV *num = sv_2mortal(newSVnv(SvNV_nomg(sv)));
        if (SvIOK(sv) && !SvNOK(sv))
            sv_setiv(num, SvIV_nomg(sv));
        sv = num;
    }
    if (!SvOK(sv))
        croak("%s: '%s' must be a number, not undef", func, argname);
    if (SvIOK(sv)) {
        if (SvIsUV(sv)) {
            *neg = 0;
            *mag = (unsigned long long)SvUVX(sv);
        } else if (SvIVX(sv) < 0) {
            *neg = 1;
            *mag = (unsigned long long)(-(SvIVX(sv) + 1)) + 1;
        } else {
            *neg = 0;
            *mag = (unsigned long long)SvIVX(sv);
        }
        return;
    }
    if (SvPOK(sv)) {
        STRLEN len, i = 0;
        const char *s = SvPV_nomg(sv, len);
        unsigned long long v = 0;
        int minus = 0;
        if (len > 0 && (s[0] == '-' || s[0] == '+')) {
            minus = s[0] == '-';
            i = 1;
        }
        if (len > i && len - i <= 20) {
            STRLEN start = i;
            for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
                unsigned digit = (unsigned)(s[i] - '0');
                if (v > (~0ULL - digit) / 10)
                    croak("%s: '%s' is out of range (more than 64 bits)", func, argname);
                v = v * 10 + digit;
            }
            if (i == len && i > start) {
                *neg = minus && v != 0;
                *mag = v;
                return;
            }
        }
        if (!looks_like_number(sv))
            croak("%s: '%s' must be a number, not '%" SVf "'", func, argname, SVfARG(sv));
    } else if (!SvNOK(sv) && !looks_like_number(sv)) {
        croak("%s: '%s' must be a number, not '%" SVf "'", func, argname, SVfARG(sv));
    }
    {
        NV nv = SvNV_nomg(sv);
        if (nv != nv)
            croak("%s: '%s' must be a number, not NaN", func, argname);
        if (nv >= 18446744073709551616.0 || nv <= -18446744073709551616.0)
            croak("%s: '%s' is out of range (more than 64 bits)", func, argname);
        *neg = nv < 0;
        if (*neg)
            nv = -nv;
        if (nv != (NV)(unsigned long long)nv)
            croak("%s: '%s' must be a whole number", func, argname);
        *mag = (unsigned long long)nv;
    }
}

unsigned long long
svr_arg_u64(pTHX_ SV *sv, const char *func, const char *argname)
{
    int neg;
    unsigned long long mag;
    if (SvIOK(sv) && !SvGMAGICAL(sv) && (SvIsUV(sv) || SvIVX(sv) >= 0))
        return (unsigned long long)SvUVX(sv);
    svr_arg_integer(aTHX_ sv, func, argname, &neg, &mag);
    if (neg)
        croak("%s: '%s' must not be negative", func, argname);
    return mag;
}

long long
svr_arg_i64(pTHX_ SV *sv, const char *func, const char *argname)
{
    int neg;
    unsigned long long mag;
    if (SvIOK(sv) && !SvGMAGICAL(sv) && !SvIsUV(sv))
        return (long long)SvIVX(sv);
    svr_arg_integer(aTHX_ sv, func, argname, &neg, &mag);
    if (neg) {
        if (mag > 9223372036854775808ULL)
            croak("%s: '%s' is out of range (less than -2**63)", func, argname);
        return mag == 9223372036854775808ULL ? LLONG_MIN : -(long long)mag;
    }
    if (mag > 9223372036854775807ULL)
        croak("%s: '%s' is out of range (more than 2**63-1)", func, argname);
    return (long long)mag;
}

unsigned int
svr_arg_uint(pTHX_ SV *sv, const char *func, const char *argname)
{
    unsigned long long v = svr_arg_u64(aTHX_ sv, func, argname);
    if (v > UINT_MAX)
        croak("%s: '%s' is out of range (more than 2**32-1)", func, argname);
    return (unsigned int)v;
}

int
svr_arg_int(pTHX_ SV *sv, const char *func, const char *argname)
{
    long long v = svr_arg_i64(aTHX_ sv, func, argname);
    if (v > INT_MAX || v < INT_MIN)
        croak("%s: '%s' is out of range for a 32-bit integer", func, argname);
    return (int)v;
}

unsigned int
svr_arg_flags(pTHX_ SV *sv, const char *func)
{
    /* A magical value (a tied scalar, or $h{missing} passed as an
     * argument, a defelem) is read once, into a plain copy: undef there
     * means 0 as for any undef. */
    if (SvGMAGICAL(sv))
        sv = sv_mortalcopy(sv);
    if (!SvOK(sv))
        return 0;
    return svr_arg_uint(aTHX_ sv, func, "flags");
}

unsigned int
svr_arg_typemap_uint(pTHX_ SV *sv, const char *func, const char *argname)
{
    if (strEQ(argname, "flags"))
        return svr_arg_flags(aTHX_ sv, func);
    return svr_arg_uint(aTHX_ sv, func, argname);
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
