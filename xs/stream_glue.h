/* Glue of Sys::Virt::Stream: calling the script's handlers for the Rust
 * transfer loops, and its event callback. Perl's C API only. */
#ifndef SVR_STREAM_GLUE_H
#define SVR_STREAM_GLUE_H

#include "glue.h"

enum {
    SVR_XFER_RECV,
    SVR_XFER_SEND,
    SVR_XFER_SPARSE_RECV,
    SVR_XFER_SPARSE_SEND
};

/* recv_all / send_all / sparse_recv_all / sparse_send_all: checks the
 * arguments, runs the Rust loop with the handlers, and croaks with the
 * handler's own exception, or the failure, if it fails. `hole` and `skip`
 * are NULL when the method has none. */
void svr_stream_transfer(pTHX_ SV *st_sv, const char *func, SV *handler,
                         SV *hole, SV *skip, int kind);

/* What add_callback registers: the coderef (strong) and the stream object
 * (weak reference). */
typedef struct {
    SV *cb;
    SV *obj;
} svr_stream_event_ctx;

void svr_stream_event_cb(void *ctx, int events);
void svr_stream_event_free(void *ctx);

#endif
