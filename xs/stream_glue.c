/* Glue of Sys::Virt::Stream: the C side of SvrStreamHandlers (each callback
 * calls one Perl handler under G_EVAL, DESIGN.md rule 1, and reports an
 * SVR_HANDLER_* status; the Rust loop judges the values), and the stream
 * event callback. */
#include "stream_glue.h"

#ifndef G_LIST
#define G_LIST G_ARRAY
#endif

typedef struct {
    SV *stream;          /* the object */
    SV *handler;
    SV *hole_handler;
    SV *skip_handler;
    SV *buf;             /* $_[1], reused while nobody else holds it */
    SV *exception;       /* what a handler died with */
} svr_xfer_ctx;

/* The scalar passed as $_[1]: the same one chunk after chunk, unless the
 * handler kept a reference to it or made it special, then a fresh one (so
 * what it kept is never overwritten). */
static SV *
svr_xfer_buf(pTHX_ svr_xfer_ctx *c)
{
    SV *b = c->buf;
    if (b && (SvREFCNT(b) != 1 || SvMAGICAL(b) || SvREADONLY(b) || SvROK(b)
              || SvTYPE(b) > SVt_PVMG || SvOBJECT(b))) {
        SvREFCNT_dec(b);
        b = NULL;
    }
    if (!b)
        b = c->buf = newSV(0);
    return b;
}

/* The number a handler returned. */
static int
svr_xfer_number(pTHX_ int n, SV *ret, int64_t *result)
{
    int status;
    if (n < 0)
        return SVR_HANDLER_DIED;
    if (n == 0 || !ret || !SvOK(ret))
        status = SVR_HANDLER_UNDEF;
    else if (SvROK(ret))
        status = SVR_HANDLER_REFERENCE;    /* numifying it could run Perl code */
    else {
        *result = (int64_t)SvIV(ret);
        status = SVR_HANDLER_OK;
    }
    SvREFCNT_dec(ret);
    return status;
}

static int
svr_xfer_data(void *opaque, const char *data, size_t len, int64_t *result)
{
    dTHX;
    svr_xfer_ctx *c = opaque;
    SV *args[3], *ret = NULL, *b;
    int n, status;
    ENTER;
    SAVETMPS;
    b = svr_xfer_buf(aTHX_ c);
    sv_setpvn(b, data, len);
    SvUTF8_off(b);
    args[0] = sv_2mortal(newSVsv(c->stream));
    args[1] = b;
    args[2] = sv_2mortal(newSVuv(len));
    n = svr_call(aTHX_ c->handler, args, 3, G_SCALAR, &ret, 1, &c->exception);
    status = svr_xfer_number(aTHX_ n, ret, result);
    FREETMPS;
    LEAVE;
    return status;
}

static int
svr_xfer_length(pTHX_ svr_xfer_ctx *c, SV *handler, int64_t length, int64_t *result)
{
    SV *args[2], *ret = NULL;
    int n, status;
    ENTER;
    SAVETMPS;
    args[0] = sv_2mortal(newSVsv(c->stream));
    args[1] = sv_2mortal(newSViv((IV)length));
    n = svr_call(aTHX_ handler, args, 2, G_SCALAR, &ret, 1, &c->exception);
    status = svr_xfer_number(aTHX_ n, ret, result);
    FREETMPS;
    LEAVE;
    return status;
}

static int
svr_xfer_hole(void *opaque, int64_t length, int64_t *result)
{
    dTHX;
    svr_xfer_ctx *c = opaque;
    return svr_xfer_length(aTHX_ c, c->hole_handler, length, result);
}

static int
svr_xfer_skip(void *opaque, int64_t length, int64_t *result)
{
    dTHX;
    svr_xfer_ctx *c = opaque;
    return svr_xfer_length(aTHX_ c, c->skip_handler, length, result);
}

static int
svr_xfer_fill(void *opaque, size_t max, const char **data, size_t *len, int64_t *result)
{
    dTHX;
    svr_xfer_ctx *c = opaque;
    SV *args[3], *ret = NULL, *b;
    int n, status;
    *data = NULL;
    *len = 0;
    ENTER;
    SAVETMPS;
    b = svr_xfer_buf(aTHX_ c);
    sv_setpvn(b, "", 0);
    SvUTF8_off(b);
    args[0] = sv_2mortal(newSVsv(c->stream));
    args[1] = b;
    args[2] = sv_2mortal(newSVuv(max));
    n = svr_call(aTHX_ c->handler, args, 3, G_SCALAR, &ret, 1, &c->exception);
    status = svr_xfer_number(aTHX_ n, ret, result);
    if (status == SVR_HANDLER_OK) {
        /* `b` is still ours (c->buf holds it): its buffer stays valid
         * until the next call, which is all the Rust loop needs. */
        if (SvROK(b) || (SvMAGICAL(b) && mg_find(b, PERL_MAGIC_tiedscalar)))
            status = SVR_HANDLER_REFERENCE;   /* stringifying could run Perl code */
        else if (SvOK(b)) {
            STRLEN l;
            if (SvUTF8(b) && !sv_utf8_downgrade(b, TRUE))
                status = SVR_HANDLER_WIDE;
            else {
                *data = SvPV(b, l);
                *len = l;
            }
        }
    }
    FREETMPS;
    LEAVE;
    return status;
}

static int
svr_xfer_in_data(void *opaque, int *in_data, int64_t *section_len)
{
    dTHX;
    svr_xfer_ctx *c = opaque;
    SV *args[1], *res[2] = { NULL, NULL };
    int n, status;
    ENTER;
    SAVETMPS;
    args[0] = sv_2mortal(newSVsv(c->stream));
    n = svr_call(aTHX_ c->hole_handler, args, 1, G_LIST, res, 2, &c->exception);
    if (n < 0)
        status = SVR_HANDLER_DIED;
    else if (n < 2)
        status = SVR_HANDLER_SHORT_LIST;
    else if (!SvOK(res[1]))
        status = SVR_HANDLER_UNDEF;
    else if (SvROK(res[0]) || SvROK(res[1]))
        status = SVR_HANDLER_REFERENCE;
    else {
        *in_data = SvTRUE(res[0]) ? 1 : 0;
        *section_len = (int64_t)SvIV(res[1]);
        status = SVR_HANDLER_OK;
    }
    SvREFCNT_dec(res[0]);
    SvREFCNT_dec(res[1]);
    FREETMPS;
    LEAVE;
    return status;
}

void
svr_stream_transfer(pTHX_ SV *st_sv, const char *func, SV *handler,
                    SV *hole, SV *skip, int kind)
{
    SV *obj;
    StreamHandle *st = svr_unwrap_obj(aTHX_ st_sv, "Sys::Virt::Stream", func, "st", &obj);
    svr_xfer_ctx c = { NULL, NULL, NULL, NULL, NULL, NULL };
    SvrStreamHandlers h = { &c, NULL, NULL, NULL, NULL, NULL };
    int rc = -1;

    svr_check_code(aTHX_ handler, func, "handler");
    if (hole)
        svr_check_code(aTHX_ hole, func, "hole_handler");
    if (skip)
        svr_check_code(aTHX_ skip, func, "skip_handler");
    /* Our own references: a handler reassigning the caller's variables
     * cannot free the code being run. */
    c.stream = sv_2mortal(newRV_inc(obj));
    c.handler = sv_2mortal(newSVsv(handler));
    c.hole_handler = hole ? sv_2mortal(newSVsv(hole)) : NULL;
    c.skip_handler = skip ? sv_2mortal(newSVsv(skip)) : NULL;

    switch (kind) {
    case SVR_XFER_RECV:
        h.data = svr_xfer_data;
        rc = svr_stream_recv_all(st, &h);
        break;
    case SVR_XFER_SPARSE_RECV:
        h.data = svr_xfer_data;
        h.hole = svr_xfer_hole;
        rc = svr_stream_sparse_recv_all(st, &h);
        break;
    case SVR_XFER_SEND:
        h.fill = svr_xfer_fill;
        rc = svr_stream_send_all(st, &h);
        break;
    case SVR_XFER_SPARSE_SEND:
        h.fill = svr_xfer_fill;
        h.in_data = svr_xfer_in_data;
        h.skip = svr_xfer_skip;
        rc = svr_stream_sparse_send_all(st, &h);
        break;
    }
    SvREFCNT_dec(c.buf);
    if (rc < 0)
        svr_croak_exception_or_failure(aTHX_ c.exception);
    SvREFCNT_dec(c.exception);
}

void
svr_stream_event_cb(void *opaque, int events)
{
    dTHX;
    svr_stream_event_ctx *c = opaque;
    SV *args[2], *exception = NULL;
    if (!SvROK(c->obj))
        return;                 /* the object is being destroyed */
    ENTER;
    SAVETMPS;
    args[0] = sv_2mortal(newRV_inc(SvRV(c->obj)));
    args[1] = sv_2mortal(newSViv(events));
    /* Kept alive for the call even if the callback removes itself. */
    SAVEFREESV(SvREFCNT_inc_simple_NN(c->cb));
    (void)svr_call(aTHX_ c->cb, args, 2, G_VOID, NULL, 0, &exception);
    FREETMPS;
    LEAVE;
    /* `c` may be gone now: the callback may have dropped the stream. */
    svr_defer_exception(aTHX_ exception);
}

void
svr_stream_event_free(void *opaque)
{
    dTHX;
    svr_stream_event_ctx *c = opaque;
    SvREFCNT_dec(c->cb);
    SvREFCNT_dec(c->obj);
    Safefree(c);
}
