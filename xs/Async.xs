MODULE = Sys::Virt  PACKAGE = Sys::Virt

PROTOTYPES: DISABLE

int
set_worker_threads(n)
    int n
  CODE:
    RETVAL = svr_async_set_workers(n);
    if (RETVAL < 0)
        svr_croak_failure(aTHX);
  OUTPUT:
    RETVAL

int
get_worker_threads()
  CODE:
    RETVAL = svr_async_get_workers();
  OUTPUT:
    RETVAL

int
_async_loop_kind()
  CODE:
    RETVAL = svr_async_loop_kind();
  OUTPUT:
    RETVAL

size_t
_async_in_flight()
  CODE:
    RETVAL = svr_async_in_flight();
  OUTPUT:
    RETVAL

void
_open_auth_async(kind, uri, credlist, callback, flags)
    int kind
    SV *uri
    SV *credlist
    SV *callback
    unsigned int flags
  PREINIT:
    svr_auth_ctx *actx;
    AV *types_av;
    int *types;
    SSize_t n, i;
    SV *fut_;
    void *ctx_;
  PPCODE:
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
    ctx_ = svr_async_new(aTHX_ kind, &fut_);
    Newxz(actx, 1, svr_auth_ctx);
    actx->callback = SvOK(callback) ? newSVsv(callback) : NULL;
    svr_async_started(aTHX_ ctx_, svr_async_open_auth_start(SvOK(uri) ? SvPV_nolen(uri) : NULL, flags, types,
        (unsigned int)n, actx->callback ? svr_auth_answer : NULL, actx, svr_auth_release, ctx_));
    XPUSHs(fut_);

