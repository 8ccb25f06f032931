MODULE = Sys::Virt  PACKAGE = Sys::Virt::Stream

PROTOTYPES: DISABLE

SV *
_new(con, flags = 0)
    ConnHandle *con
    unsigned int flags
  PREINIT:
    StreamHandle *h;
  CODE:
    h = svr_stream_new(con, flags);
    if (!h)
        svr_croak_failure(aTHX);
    RETVAL = SvREFCNT_inc(svr_wrap(aTHX_ h, "Sys::Virt::Stream"));
  OUTPUT:
    RETVAL

void
DESTROY(obj)
    SV *obj
  CODE:
    svr_stream_free(svr_take_handle(aTHX_ obj));
