MODULE = Sys::Virt  PACKAGE = Sys::Virt::Stream::Transfer

#include "transfer_glue.h"

PROTOTYPES: DISABLE

SV *
_new(klass, st, direction, dest, opts, func)
    SV *klass
    SV *st
    int direction
    SV *dest
    HV *opts
    const char *func
  CODE:
    RETVAL = svr_transfer_make(aTHX_ klass, st, direction, dest, opts, func);
  OUTPUT:
    RETVAL

void
_run(t_sv)
    SV *t_sv
  PREINIT:
    TransferHandle *t;
    svr_transfer_ctx *c;
    SV *e;
  CODE:
    t = svr_unwrap(aTHX_ t_sv, "Sys::Virt::Stream::Transfer", "Sys::Virt::Stream::Transfer::run", "transfer");
    c = svr_transfer_context(t);
    if (svr_transfer_run(t) < 0) {
        e = c ? c->exception : NULL;
        if (c)
            c->exception = NULL;
        svr_croak_exception_or_failure(aTHX_ e);
    }

void
_start(t)
    TransferHandle *t
  CODE:
    if (svr_transfer_start(t) < 0)
        svr_croak_failure(aTHX);

int
cancel(t)
    TransferHandle *t
  CODE:
    RETVAL = svr_transfer_cancel(t);
    if (RETVAL < 0)
        svr_croak_failure(aTHX);
    svr_croak_deferred(aTHX);
  OUTPUT:
    RETVAL

void
_state(t)
    TransferHandle *t
  PREINIT:
    SvrTransferState s;
  PPCODE:
    if (svr_transfer_state(t, &s) < 0)
        svr_croak_failure(aTHX);
    EXTEND(SP, 4);
    mPUSHi(s.state);
    PUSHs(sv_2mortal(svr_newSVu64(aTHX_ s.done)));
    PUSHs(s.total < 0 ? &PL_sv_undef : sv_2mortal(svr_newSVu64(aTHX_ (unsigned long long)s.total)));
    PUSHs(sv_2mortal(svr_newSVu64(aTHX_ s.holes)));

SV *
error(t_sv)
    SV *t_sv
  PREINIT:
    svr_transfer_ctx *c;
  CODE:
    c = svr_transfer_ctx_of(aTHX_ t_sv);
    RETVAL = c && c->error ? newSVsv(c->error) : &PL_sv_undef;
  OUTPUT:
    RETVAL

void
DESTROY(obj)
    SV *obj
  CODE:
    svr_transfer_free(svr_take_handle(aTHX_ obj));

SV *
_vol_stream(vol, flags)
    VolHandle *vol
    svr_uint flags
  CODE:
    RETVAL = svr_new_object(aTHX_ svr_transfer_vol_stream(vol, flags), "Sys::Virt::Stream");
  OUTPUT:
    RETVAL
