MODULE = Sys::Virt  PACKAGE = Sys::Virt::Stream

#include "stream_glue.h"

PROTOTYPES: DISABLE

SV *
new(klass, con, flags = &PL_sv_undef)
    SV *klass
    SV *con
    SV *flags
  PREINIT:
    StreamHandle *h;
    ConnHandle *c;
    unsigned int f;
  CODE:
    c = svr_unwrap(aTHX_ con, "Sys::Virt", "Sys::Virt::Stream::new", "conn");
    f = svr_arg_flags(aTHX_ flags, "Sys::Virt::Stream::new");
    h = svr_stream_new(c, f);
    if (!h)
        svr_croak_failure(aTHX);
    RETVAL = SvREFCNT_inc(svr_wrap(aTHX_ h, SvROK(klass) ? sv_reftype(SvRV(klass), TRUE)
                                             : SvPV_nolen(klass)));
  OUTPUT:
    RETVAL

IV
recv(st, data, nbytes, flags = &PL_sv_undef)
    StreamHandle *st
    SV *data
    SV *nbytes
    SV *flags
  PREINIT:
    const char *func = "Sys::Virt::Stream::recv";
    unsigned long long want;
    unsigned int f;
    SV *target;
    char *buf;
    ssize_t got;
  CODE:
    want = svr_arg_u64(aTHX_ nbytes, func, "nbytes");
    f = svr_arg_flags(aTHX_ flags, func);
    if (SvREADONLY(data))
        croak("%s: 'data' is read-only (Modification of a read-only value attempted)", func);
    if (want > SVR_STREAM_RECV_MAX)
        want = SVR_STREAM_RECV_MAX;
    /* Plain scalars receive in place: their buffer grows and libvirt
     * writes into it. Magical ones (tied, substr lvalues...) and
     * references get the bytes through a temporary. Either way the scalar
     * is only changed when bytes were read. */
    if (SvTYPE(data) <= SVt_PVMG && !SvMAGICAL(data) && !SvROK(data)) {
        if (SvIsCOW(data))
            sv_force_normal_flags(data, 0);
        SvUPGRADE(data, SVt_PV);
        target = data;
    } else {
        target = sv_2mortal(newSV(0));
        SvUPGRADE(target, SVt_PV);
    }
    buf = SvGROW(target, (STRLEN)want + 1);
    got = svr_stream_recv(st, buf, (size_t)want, f);
    if (got == -1)
        svr_croak_failure(aTHX);
    if (got > 0) {
        SvCUR_set(target, (STRLEN)got);
        buf[got] = '\0';
        (void)SvPOK_only(target);
        if (target == data)
            SvSETMAGIC(data);
        else
            sv_setsv_mg(data, target);
    }
    RETVAL = got;
  OUTPUT:
    RETVAL

SV *
send(st, data, nbytes)
    StreamHandle *st
    SV *data
    SV *nbytes
  PREINIT:
    const char *func = "Sys::Virt::Stream::send";
    unsigned long long want;
    STRLEN len;
    const char *p;
    SV *src;
    ssize_t done;
  CODE:
    want = svr_arg_u64(aTHX_ nbytes, func, "nbytes");
    SvGETMAGIC(data);
    src = data;
    if (SvOK(data) && !SvROK(data) && SvUTF8(data)) {
        /* Bytes only, as syswrite: downgrade a copy, never the caller's. */
        src = sv_2mortal(newSVsv_nomg(data));
        if (!sv_utf8_downgrade(src, TRUE))
            croak("%s: Wide character in 'data' (streams carry bytes; encode it first)", func);
    }
    if (!SvOK(src)) {
        len = 0;
        p = "";
    } else {
        p = SvPV_nomg(src, len);
    }
    if (want > (unsigned long long)len)
        want = len;
    /* Sending nothing is not a libvirt call: over RPC an empty data
     * message would mean something else. */
    done = want ? svr_stream_send(st, p, (size_t)want) : 0;
    if (done == -1)
        svr_croak_failure(aTHX);
    RETVAL = newSViv(done);
  OUTPUT:
    RETVAL

SV *
recv_hole(st, flags = &PL_sv_undef)
    StreamHandle *st
    SV *flags
  PREINIT:
    int64_t len = 0;
  CODE:
    if (svr_stream_recv_hole(st, svr_arg_flags(aTHX_ flags, "Sys::Virt::Stream::recv_hole"), &len) < 0)
        svr_croak_failure(aTHX);
    RETVAL = newSViv((IV)len);
  OUTPUT:
    RETVAL

void
send_hole(st, length, flags = &PL_sv_undef)
    StreamHandle *st
    SV *length
    SV *flags
  PREINIT:
    const char *func = "Sys::Virt::Stream::send_hole";
    long long len;
    unsigned int f;
  CODE:
    len = svr_arg_i64(aTHX_ length, func, "length");
    if (len < 0)
        croak("%s: 'length' must not be negative", func);
    f = svr_arg_flags(aTHX_ flags, func);
    if (svr_stream_send_hole(st, len, f) < 0)
        svr_croak_failure(aTHX);

void
recv_all(st_sv, handler)
    SV *st_sv
    SV *handler
  PREINIT:
    const char *func = "Sys::Virt::Stream::recv_all";
  CODE:
    svr_stream_transfer(aTHX_ st_sv, func, handler, NULL, NULL, SVR_XFER_RECV);

void
send_all(st_sv, handler)
    SV *st_sv
    SV *handler
  PREINIT:
    const char *func = "Sys::Virt::Stream::send_all";
  CODE:
    svr_stream_transfer(aTHX_ st_sv, func, handler, NULL, NULL, SVR_XFER_SEND);

void
sparse_recv_all(st_sv, handler, hole_handler)
    SV *st_sv
    SV *handler
    SV *hole_handler
  PREINIT:
    const char *func = "Sys::Virt::Stream::sparse_recv_all";
  CODE:
    svr_stream_transfer(aTHX_ st_sv, func, handler, hole_handler, NULL, SVR_XFER_SPARSE_RECV);

void
sparse_send_all(st_sv, handler, hole_handler, skip_handler)
    SV *st_sv
    SV *handler
    SV *hole_handler
    SV *skip_handler
  PREINIT:
    const char *func = "Sys::Virt::Stream::sparse_send_all";
  CODE:
    svr_stream_transfer(aTHX_ st_sv, func, handler, hole_handler, skip_handler, SVR_XFER_SPARSE_SEND);

void
add_callback(st_sv, events, cb)
    SV *st_sv
    SV *events
    SV *cb
  PREINIT:
    const char *func = "Sys::Virt::Stream::add_callback";
    StreamHandle *st;
    SV *obj;
    int ev;
    svr_stream_event_ctx *ctx;
  CODE:
    st = svr_unwrap_obj(aTHX_ st_sv, "Sys::Virt::Stream", func, "st", &obj);
    ev = svr_arg_int(aTHX_ events, func, "events");
    svr_check_code(aTHX_ cb, func, "coderef");
    Newxz(ctx, 1, svr_stream_event_ctx);
    /* The coderef strongly, the stream object weakly: the registration
     * must not keep the object alive (DESTROY removes it). */
    ctx->cb = newSVsv(cb);
    ctx->obj = newRV_inc(obj);
    sv_rvweaken(ctx->obj);
    if (svr_stream_add_callback(st, ev, svr_stream_event_cb,
                                svr_stream_event_free, ctx) < 0) {
        svr_stream_event_free(ctx);
        svr_croak_failure(aTHX);
    }

void
update_callback(st, events)
    StreamHandle *st
    SV *events
  CODE:
    if (svr_stream_update_callback(st, svr_arg_int(aTHX_ events, "Sys::Virt::Stream::update_callback", "events")) < 0)
        svr_croak_failure(aTHX);

void
remove_callback(st)
    StreamHandle *st
  CODE:
    if (svr_stream_remove_callback(st) < 0)
        svr_croak_failure(aTHX);

void
finish(st)
    StreamHandle *st
  CODE:
    if (svr_stream_finish(st) < 0)
        svr_croak_failure(aTHX);

void
abort(st)
    StreamHandle *st
  CODE:
    if (svr_stream_abort(st) < 0)
        svr_croak_failure(aTHX);

void
DESTROY(obj)
    SV *obj
  CODE:
    svr_stream_free(svr_take_handle(aTHX_ obj));

int
_live_callbacks()
  CODE:
    RETVAL = svr_stream_live_callbacks();
  OUTPUT:
    RETVAL
