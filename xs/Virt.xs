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

static SV *
svr_string_result(pTHX_ char *s)
{
    SV *sv;
    if (!s)
        svr_croak_failure(aTHX);
    sv = newSVpv(s, 0);
    svr_string_free(s);
    return sv;
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
_open(uri, flags)
    SV *uri
    unsigned int flags
  PREINIT:
    ConnHandle *h;
  CODE:
    h = svr_conn_open(SvOK(uri) ? SvPV_nolen(uri) : NULL, flags);
    if (!h)
        svr_croak_failure(aTHX);
    RETVAL = SvREFCNT_inc(svr_wrap(aTHX_ h, "Sys::Virt"));
  OUTPUT:
    RETVAL

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

SV *
get_uri(con)
    ConnHandle *con
  CODE:
    RETVAL = svr_string_result(aTHX_ svr_conn_get_uri(con));
  OUTPUT:
    RETVAL

SV *
get_type(con)
    ConnHandle *con
  CODE:
    RETVAL = svr_string_result(aTHX_ svr_conn_get_type(con));
  OUTPUT:
    RETVAL

SV *
get_hostname(con)
    ConnHandle *con
  CODE:
    RETVAL = svr_string_result(aTHX_ svr_conn_get_hostname(con));
  OUTPUT:
    RETVAL

SV *
get_version(con = NULL)
    SV *con
  PREINIT:
    uint64_t v;
  CODE:
    /* On a connection: the hypervisor's version; as a class method or a
     * function: the libvirt library's. */
    if (con && SvROK(con))
        svr_check_rc(aTHX_ svr_conn_get_version(
            svr_unwrap(aTHX_ con, "Sys::Virt", "Sys::Virt::get_version", "con"), &v));
    else
        svr_check_rc(aTHX_ svr_libvirt_version(&v));
    RETVAL = newSVuv((UV)v);
  OUTPUT:
    RETVAL

SV *
get_library_version(con)
    ConnHandle *con
  PREINIT:
    uint64_t v;
  CODE:
    svr_check_rc(aTHX_ svr_conn_get_library_version(con, &v));
    RETVAL = newSVuv((UV)v);
  OUTPUT:
    RETVAL

int
is_alive(con)
    ConnHandle *con
  CODE:
    RETVAL = svr_check_rc(aTHX_ svr_conn_is_alive(con));
  OUTPUT:
    RETVAL

int
is_secure(con)
    ConnHandle *con
  CODE:
    RETVAL = svr_check_rc(aTHX_ svr_conn_is_secure(con));
  OUTPUT:
    RETVAL

int
is_encrypted(con)
    ConnHandle *con
  CODE:
    RETVAL = svr_check_rc(aTHX_ svr_conn_is_encrypted(con));
  OUTPUT:
    RETVAL

void
set_keep_alive(con, interval, count)
    ConnHandle *con
    SV *interval
    SV *count
  CODE:
    {
        int i = svr_arg_int(aTHX_ interval, "Sys::Virt::set_keep_alive", "interval");
        unsigned int c = svr_arg_uint(aTHX_ count, "Sys::Virt::set_keep_alive", "count");
        svr_check_rc(aTHX_ svr_conn_set_keep_alive(con, i, c));
    }

void
DESTROY(obj)
    SV *obj
  PREINIT:
    ConnHandle *h;
  CODE:
    h = svr_take_handle(aTHX_ obj);
    /* At global destruction objects go in any order, registrations
     * included: undo ours while the connection is whole (see
     * svr_conn_release_events). Before that, a registration keeps this
     * object alive. */
    if (h && PL_phase == PERL_PHASE_DESTRUCT)
        svr_conn_release_events(h);
    svr_conn_free(h);

int
_test_panic()
  CODE:
    RETVAL = svr_check_rc(aTHX_ svr_test_panic());
  OUTPUT:
    RETVAL

INCLUDE: Stream.xs

INCLUDE: Transfer.xs

INCLUDE: Event.xs

INCLUDE: ConnectEvents.xs

INCLUDE: Api.xs
