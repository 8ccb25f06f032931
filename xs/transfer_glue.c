/* Glue of the whole-file transfers: option and file-handle unpacking, and
 * the callbacks the Rust engine calls (progress, on_done), each under
 * G_EVAL (DESIGN.md rule 1). */
#include "transfer_glue.h"

/* A failure recorded by the Rust core, as the value on_done receives: a
 * Sys::Virt::Error object, or the message with " at FILE line N." as die
 * would add. New reference. */
static SV *
svr_transfer_failure_sv(pTHX)
{
    int kind;
    const char *message;
    SV *err = svr_failure_error_sv(aTHX_ &kind, &message);
    if (err)
        return err;
    if (kind == SVR_FAILURE_MESSAGE)
        return newSVsv(mess("%s", message));
    return newSVpvs("Sys::Virt: a transfer failed without saying why\n");
}

static const StreamHandle *
svr_transfer_stream(void *opaque)
{
    dTHX;
    svr_transfer_ctx *c = opaque;
    SV *inner;
    if (!c->stream || !SvROK(c->stream))
        return NULL;
    inner = SvRV(c->stream);
    if (!SvIOK(inner))
        return NULL;
    return INT2PTR(const StreamHandle *, SvIVX(inner));
}

static int
svr_transfer_progress(void *opaque, uint64_t done, int64_t total,
                      uint64_t holes)
{
    dTHX;
    svr_transfer_ctx *c = opaque;
    SV *args[3], *ret = NULL;
    int n, answer;
    if (!c->progress)
        return SVR_PROGRESS_CONTINUE;
    ENTER;
    SAVETMPS;
    args[0] = sv_2mortal(svr_newSVu64(aTHX_ done));
    args[1] = total < 0 ? &PL_sv_undef : sv_2mortal(svr_newSVu64(aTHX_ (uint64_t)total));
    args[2] = sv_2mortal(svr_newSVu64(aTHX_ holes));
    /* Kept alive for the call whatever the callback does to the transfer. */
    SAVEFREESV(SvREFCNT_inc_simple_NN(c->progress));
    n = svr_call(aTHX_ c->progress, args, 3, G_SCALAR, &ret, 1, &c->exception);
    if (n < 0)
        answer = SVR_PROGRESS_DIED;
    else
        answer = n > 0 && ret && SvTRUE(ret) ? SVR_PROGRESS_CONTINUE : SVR_PROGRESS_CANCEL;
    SvREFCNT_dec(ret);
    FREETMPS;
    LEAVE;
    return answer;
}

static void
svr_transfer_done(void *opaque, int ok, uint64_t done, uint64_t holes)
{
    dTHX;
    svr_transfer_ctx *c = opaque;
    SV *err, *cb, *exception = NULL;
    PERL_UNUSED_ARG(done);
    PERL_UNUSED_ARG(holes);
    if (ok)
        err = &PL_sv_undef;
    else if (c->exception) {
        err = c->exception;          /* the progress callback's, unchanged */
        c->exception = NULL;
    } else
        err = svr_transfer_failure_sv(aTHX);
    if (err != &PL_sv_undef) {
        SvREFCNT_dec(c->error);
        c->error = err;
    }
    c->over = 1;
    cb = c->on_done;
    c->on_done = NULL;
    if (cb) {
        SV *args[1];
        ENTER;
        SAVETMPS;
        SAVEFREESV(cb);
        args[0] = ok ? &PL_sv_undef : sv_2mortal(newSVsv(c->error));
        (void)svr_call(aTHX_ cb, args, 1, G_VOID, NULL, 0, &exception);
        FREETMPS;
        LEAVE;
    }
    /* The progress callback is not needed any more: dropping it now
     * breaks cycles through closures that hold the transfer. */
    if (c->progress) {
        SV *p = c->progress;
        c->progress = NULL;
        SvREFCNT_dec(p);
    }
    /* An on_done that died: raised where the event loop returns. */
    svr_defer_exception(aTHX_ exception);
}

static void
svr_transfer_free_ctx(void *opaque)
{
    dTHX;
    svr_transfer_ctx *c = opaque;
    SvREFCNT_dec(c->progress);
    SvREFCNT_dec(c->on_done);
    SvREFCNT_dec(c->exception);
    SvREFCNT_dec(c->error);
    SvREFCNT_dec(c->stream);
    Safefree(c);
}

static SV *
svr_opt(pTHX_ HV *opts, const char *key)
{
    SV **v = hv_fetch(opts, key, strlen(key), 0);
    if (!v)
        return NULL;
    SvGETMAGIC(*v);
    return SvOK(*v) ? *v : NULL;
}

static SV *
svr_opt_code(pTHX_ HV *opts, const char *key, const char *func)
{
    SV *v = svr_opt(aTHX_ opts, key);
    if (!v)
        return NULL;
    svr_check_code(aTHX_ v, func, key);
    return v;
}

SV *
svr_transfer_make(pTHX_ SV *klass, SV *st_sv, int direction, SV *dest,
                  HV *opts, const char *func)
{
    SvrTransferOpts o;
    SvrTransferGlue g;
    svr_transfer_ctx *c;
    const char *path = NULL;
    int fd = -1;
    SV *v, *progress, *on_done;
    TransferHandle *t;

    (void)svr_unwrap(aTHX_ st_sv, "Sys::Virt::Stream", func, "st");
    SvGETMAGIC(dest);
    if (!SvOK(dest))
        croak("%s: the file is undef (give a path or an open file handle)", func);
    if (SvROK(dest) || isGV_with_GP(dest)) {
        IO *io = sv_2io(dest);       /* croaks if not a handle */
        PerlIO *fp = direction == SVR_TRANSFER_SEND ? IoIFP(io) : IoOFP(io);
        if (!fp)
            croak("%s: the file handle is not open for %s", func,
                  direction == SVR_TRANSFER_SEND ? "reading" : "writing");
        /* Perl's buffer first: what the script printed is written, what
         * it read ahead is given back (the descriptor is used as it is). */
        if (PerlIO_flush(fp) != 0)
            croak("%s: cannot flush the file handle: %" SVf, func, SVfARG(get_sv("!", GV_ADD)));
        fd = PerlIO_fileno(fp);
        if (fd < 0)
            croak("%s: the file handle has no file descriptor", func);
    } else {
        path = SvPV_nolen(dest);
    }

    Zero(&o, 1, SvrTransferOpts);
    o.sparse = (v = svr_opt(aTHX_ opts, "sparse")) && SvTRUE(v);
    o.overwrite = (v = svr_opt(aTHX_ opts, "overwrite")) && SvTRUE(v);
    o.keep_partial = (v = svr_opt(aTHX_ opts, "keep_partial")) && SvTRUE(v);
    o.progress_interval = 0.2;
    if ((v = svr_opt(aTHX_ opts, "progress_interval"))) {
        o.progress_interval = svr_arg_double(aTHX_ v, func, "progress_interval");
        if (o.progress_interval < 0)
            croak("%s: 'progress_interval' must not be negative", func);
    }
    o.total = (v = svr_opt(aTHX_ opts, "total")) ? svr_arg_i64(aTHX_ v, func, "total") : -1;
    o.length = (v = svr_opt(aTHX_ opts, "length")) ? svr_arg_u64(aTHX_ v, func, "length") : 0;

    progress = svr_opt_code(aTHX_ opts, "progress", func);
    on_done = svr_opt_code(aTHX_ opts, "on_done", func);
    /* Nothing above croaks any more: from here nothing can leak. */
    Newxz(c, 1, svr_transfer_ctx);
    c->progress = progress ? newSVsv(progress) : NULL;
    c->on_done = on_done ? newSVsv(on_done) : NULL;
    c->stream = newRV_inc(SvRV(st_sv));
    g.ctx = c;
    g.stream = svr_transfer_stream;
    g.progress = svr_transfer_progress;
    g.done = svr_transfer_done;
    g.free = svr_transfer_free_ctx;
    /* Takes the context, even on failure. */
    t = svr_transfer_new(direction, path, fd, &o, &g, func);
    if (!t)
        svr_croak_failure(aTHX);
    return SvREFCNT_inc(svr_wrap(aTHX_ t, SvROK(klass) ? sv_reftype(SvRV(klass), TRUE)
                                                    : SvPV_nolen(klass)));
}

svr_transfer_ctx *
svr_transfer_ctx_of(pTHX_ SV *obj)
{
    TransferHandle *t = svr_unwrap(aTHX_ obj, "Sys::Virt::Stream::Transfer",
                                   "Sys::Virt::Stream::Transfer", "transfer");
    return svr_transfer_context(t);
}
