/* Glue of the whole-file transfers (Sys::Virt::Stream::Transfer): the
 * Perl values a transfer holds and the C side of SvrTransferGlue. Perl's
 * C API only: the transfer itself is src/transfer.rs. */
#ifndef SVR_TRANSFER_GLUE_H
#define SVR_TRANSFER_GLUE_H

#include "glue.h"

typedef struct {
    SV *stream;      /* RV to the stream object (strong) */
    SV *progress;    /* CODE ref or NULL */
    SV *on_done;     /* CODE ref or NULL */
    SV *exception;   /* what the progress callback died with */
    SV *error;       /* the error of a finished non-blocking transfer */
    int over;        /* on_done was called */
} svr_transfer_ctx;

/* Makes the transfer object: opens `dest` (a path, or a Perl file handle
 * whose descriptor is used after flushing it) for the stream object
 * `st_sv`, with the options of `opts` (a hash). Croaks on failure. */
SV *svr_transfer_make(pTHX_ SV *klass, SV *st_sv, int direction, SV *dest,
                      HV *opts, const char *func);

/* The glue context of a transfer object (for run/start/error). */
svr_transfer_ctx *svr_transfer_ctx_of(pTHX_ SV *obj);

#endif
