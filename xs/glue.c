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
    int count, i, died;
    ENTER;
    SAVETMPS;
    PUSHMARK(SP);
    EXTEND(SP, nargs);
    for (i = 0; i < nargs; i++)
        PUSHs(args[i]);
    PUTBACK;
    count = call_sv(cb, context | G_EVAL);
    SPAGAIN;
    died = SvTRUE(ERRSV);
    if (died) {
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
