/* Sys::Virt: connection XSUBs and the module's BOOT. Each XSUB unpacks its
 * arguments, calls one function of the Rust core, converts the result. */
#include "glue.h"
#include "constants.h"
#include "events.h"
#include "api_gen.h"

/* Context of one auth callback call, owned by _open_auth's C frame. */
typedef struct {
    SV *callback;
    SV *exception;
} svr_auth_ctx;

static int
svr_auth_answer(void *opaque, SvrCredential *creds, unsigned int ncreds)
{
    dTHX;
    svr_auth_ctx *ctx = opaque;
    AV *list = newAV();
    SV *arg, *result = NULL;
    unsigned int i;
    int n, rc = -1;
    for (i = 0; i < ncreds; i++) {
        HV *rec = newHV();
        (void)hv_stores(rec, "type", newSViv(creds[i].cred_type));
        (void)hv_stores(rec, "prompt", creds[i].prompt ? newSVpv(creds[i].prompt, 0) : newSV(0));
        (void)hv_stores(rec, "challenge", creds[i].challenge ? newSVpv(creds[i].challenge, 0) : newSV(0));
        (void)hv_stores(rec, "result", creds[i].defresult ? newSVpv(creds[i].defresult, 0) : newSV(0));
        av_push(list, newRV_noinc((SV *)rec));
    }
    arg = sv_2mortal(newRV_noinc((SV *)list));
    n = svr_call(aTHX_ ctx->callback, &arg, 1, G_SCALAR, &result, 1, &ctx->exception);
    if (n >= 0) {
        /* As upstream: a negative return refuses, anything else answers. */
        rc = (n == 1 && SvOK(result) && SvIV(result) < 0) ? -1 : 0;
        SvREFCNT_dec(result);
    }
    if (rc == 0) {
        for (i = 0; i < ncreds; i++) {
            SV **rec = av_fetch(list, i, 0);
            SV **val = (rec && SvROK(*rec)) ? hv_fetchs((HV *)SvRV(*rec), "result", 0) : NULL;
            if (val && SvOK(*val)) {
                STRLEN len;
                const char *s = SvPVbyte(*val, len);
                creds[i].result = malloc(len + 1);   /* libvirt frees it */
                if (!creds[i].result)
                    return -1;
                memcpy(creds[i].result, s, len + 1);
                creds[i].resultlen = (unsigned int)len;
            }
        }
    }
    return rc;
}

/* Releases the context of a non-blocking open's auth callback (heap
 * allocated by _open_auth_async; the core releases it on the loop's thread
 * once the call is settled). */
static void
svr_auth_release(void *opaque)
{
    dTHX;
    svr_auth_ctx *ctx = opaque;
    SvREFCNT_dec(ctx->callback);
    SvREFCNT_dec(ctx->exception);
    Safefree(ctx);
}

/* A constant as perl's own modules (POSIX, Fcntl) install theirs: a
 * reference to the read-only value stored in the stash, which perl
 * treats as a constant sub and inlines alike, and turns into a real one
 * only where a script takes it as code (\&NAME, ->can, a method call).
 * A quarter of what newCONSTSUB costs, 1,170 times at every start-up.
 * A name already taken gets a real constant sub, as before. */
static void
svr_add_constant(pTHX_ HV *stash, const char *name, SV *value)
{
    SV **slot = hv_fetch(stash, name, (I32)strlen(name), 1);
    SvREADONLY_on(value);
    if (!slot || SvOK(*slot) || SvTYPE(*slot) == SVt_PVGV) {
        newCONSTSUB(stash, name, value);
        return;
    }
    SvUPGRADE(*slot, SVt_IV);
    SvRV_set(*slot, value);
    SvROK_on(*slot);
}

static int
svr_check_rc(pTHX_ int rc)
{
    if (rc < 0)
        svr_croak_failure(aTHX);
    return rc;
}

MODULE = Sys::Virt  PACKAGE = Sys::Virt

PROTOTYPES: DISABLE

BOOT:
    {
        size_t i;
        HV *stash = NULL;
        const char *package = NULL;
        svr_init_libvirt();
        svr_quiet_panics();
        for (i = 0; i < SVR_CONSTANTS_COUNT; i++) {
            const svr_constant *c = &svr_constants[i];
            SV *value = c->kind == SVR_CONST_STR ? newSVpv(c->sval, 0)
                      : c->kind == SVR_CONST_ULL ? newSVuv((UV)c->uval)
                      : newSViv((IV)c->ival);
            /* The table is grouped by package. */
            if (!package || strcmp(package, c->package) != 0) {
                if (stash)
                    mro_method_changed_in(stash);
                package = c->package;
                stash = gv_stashpv(package, GV_ADD);
            }
            svr_add_constant(aTHX_ stash, c->name, value);
        }
        if (stash)
            mro_method_changed_in(stash);
    }

SV *
_open_auth(uri, credlist, callback, flags)
    SV *uri
    SV *credlist
    SV *callback
    unsigned int flags
  PREINIT:
    ConnHandle *h;
    svr_auth_ctx ctx = { NULL, NULL };
    AV *types_av;
    int *types;
    SSize_t n, i;
  CODE:
    if (!SvROK(credlist) || SvTYPE(SvRV(credlist)) != SVt_PVAV)
        croak("Sys::Virt::new: 'credlist' must be an ARRAY reference");
    if (SvOK(callback))
        svr_check_code(aTHX_ callback, "Sys::Virt::new", "callback");
    types_av = (AV *)SvRV(credlist);
    n = av_len(types_av) + 1;
    Newxz(types, n ? n : 1, int);
    SAVEFREEPV(types);
    for (i = 0; i < n; i++) {
        SV **t = av_fetch(types_av, i, 0);
        if (!t)
            croak("Sys::Virt::new: 'credlist' entry %d is not a CRED_* number", (int)i);
        types[i] = svr_arg_int(aTHX_ *t, "Sys::Virt::new", "credlist entry");
    }
    ctx.callback = callback;
    h = svr_conn_open_auth(SvOK(uri) ? SvPV_nolen(uri) : NULL, flags, types, (unsigned int)n,
                           SvOK(callback) ? svr_auth_answer : NULL, &ctx);
    if (!h)
        svr_croak_exception_or_failure(aTHX_ ctx.exception);
    SvREFCNT_dec(ctx.exception);
    RETVAL = SvREFCNT_inc(svr_wrap(aTHX_ h, "Sys::Virt"));
  OUTPUT:
    RETVAL

INCLUDE: Stream.xs

INCLUDE: Transfer.xs

INCLUDE: Event.xs

INCLUDE: ConnectEvents.xs

INCLUDE: Async.xs

INCLUDE: Api.xs
