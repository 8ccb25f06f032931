/* Helpers shared by the XS files: objects <-> handles, raising failures,
 * calling Perl code safely. Perl's C API only: no libvirt here. */
#ifndef SVR_GLUE_H
#define SVR_GLUE_H

#define PERL_NO_GET_CONTEXT
#include "EXTERN.h"
#include "perl.h"
#include "XSUB.h"

#include "sys_virt.h"

/* Every XSUB keeps all its arguments alive until the statement that called
 * it ends. Perl's argument stack does not own what it holds: reading one
 * argument (a tied FETCH, an overloaded '0+') can run code that frees
 * another (the invocant, a buffer to fill) while the XSUB still uses it.
 * xsubpp starts every XSUB with dXSARGS, so redefining it here gives the
 * keep-alive to all of them, written by hand or generated from the API
 * table, with nothing to remember per method. It also keeps the object
 * each argument refers to (the referenced scalar) alive, in case code run
 * by an argument reassigns the variable that referred to it. */
I32 svr_keep_args_slow(pTHX_ I32 ax, I32 items);

/* The per-call checks below are inlined into every XSUB (the compiler
 * would otherwise call them out of line in the big generated file). */
#if defined(__GNUC__) || defined(__clang__)
#  define SVR_HOT_INLINE static inline __attribute__((always_inline))
#else
#  define SVR_HOT_INLINE PERL_STATIC_INLINE
#endif

/* The per-call check, inline: one flag test per argument. Only an argument
 * with get-magic or an object of a class that may overload sends the call
 * to svr_keep_args_slow, which looks closer and holds them all if needed. */
SVR_HOT_INLINE I32
svr_keep_args(pTHX_ I32 ax, I32 items)
{
    SV **args = PL_stack_base + ax;
    I32 i;
    for (i = 0; i < items; i++) {
        SV *sv = args[i];
        if (sv && (SvGMAGICAL(sv) || SvAMAGIC(sv)))
            return svr_keep_args_slow(aTHX_ ax, items);
    }
    return 0;
}
#undef dXSARGS
#define dXSARGS \
    dSP; dAXMARK; dITEMS; \
    I32 svr_kept_args PERL_UNUSED_DECL = svr_keep_args(aTHX_ ax, items)

/* Wraps a Rust handle in a new object of `klass` (a blessed scalar ref
 * holding the pointer). Returns a new mortal RV. */
SV *svr_wrap(pTHX_ void *handle, const char *klass);

/* A class's stash, remembered for the interpreter that looked it up (a
 * thread's interpreter has stashes of its own: it never uses another's). */
typedef struct {
    HV *stash;
    void *interp;
} SvrStashCache;

#ifdef MULTIPLICITY
#  define SVR_INTERP_ID ((void *)aTHX)
#else
#  define SVR_INTERP_ID ((void *)&PL_sv_undef)
#endif

/* svr_wrap for a class whose stash is kept in `cache`: no lookup of the
 * class by name per object (lists of objects, table-driven results). */
SV *svr_wrap_cached(pTHX_ void *handle, const char *klass, SvrStashCache *cache);

/* The same object as a new (not mortal) reference. */
SV *svr_new_object_cached(pTHX_ void *handle, const char *klass, SvrStashCache *cache);

/* svr_wrap for a class named by a string literal: each call site keeps
 * the stash in a cache of its own. */
#define svr_wrap_class(thx_handle, klass) \
    ({ static SvrStashCache svr_wrap_cache_; svr_wrap_cached(thx_handle, klass, &svr_wrap_cache_); })

/* The handle inside `arg`, which must be an object of `klass` (or a
 * subclass). Croaks, naming `func` and `argname`, if it is not, or if the
 * object was already destroyed. */
void *svr_unwrap_slow(pTHX_ SV *arg, const char *klass, const char *func, const char *argname,
                      SvrStashCache *cache);

/* The per-call part, inline: an object blessed into exactly the class
 * (its stash the one `cache` remembers) is read at once; anything else
 * (a subclass, a wrong or destroyed object, the first call) goes through
 * svr_unwrap_slow, which checks by name and fills the cache. */
SVR_HOT_INLINE void *
svr_unwrap_fast(pTHX_ SV *arg, const char *klass, const char *func, const char *argname,
                SvrStashCache *cache)
{
    if (SvROK(arg)) {
        SV *inner = SvRV(arg);
        if (SvOBJECT(inner) && SvSTASH(inner) == cache->stash && cache->interp == SVR_INTERP_ID
            && SvIOK(inner) && SvIVX(inner) != 0)
            return INT2PTR(void *, SvIVX(inner));
    }
    return svr_unwrap_slow(aTHX_ arg, klass, func, argname, cache);
}

/* `klass` is a string literal at every call site (typemaps, generated
 * glue): each site keeps the class's stash in a cache of its own. */
#define svr_unwrap(thx_arg, klass, func, argname) \
    ({ static SvrStashCache svr_unwrap_cache_; svr_unwrap_fast(thx_arg, klass, func, argname, &svr_unwrap_cache_); })

/* svr_unwrap that also hands out the object itself (the scalar the
 * reference points to, kept alive until the statement ends): code that
 * needs the object after reading other arguments uses it, never `arg`,
 * which those reads may have changed. */
void *svr_unwrap_obj(pTHX_ SV *arg, const char *klass, const char *func, const char *argname, SV **obj);

/* For DESTROY: takes the handle out of the object (leaving NULL behind), so
 * it is released exactly once. Returns NULL if already taken. */
void *svr_take_handle(pTHX_ SV *obj);

/* Takes the failure the Rust core recorded on this thread: a new
 * Sys::Virt::Error object for a libvirt error (NULL otherwise); *kind_out
 * is its SVR_FAILURE_* kind and *message_out its message (valid until the
 * next call into the core). */
SV *svr_failure_error_sv(pTHX_ int *kind_out, const char **message_out);

/* Raises the failure the Rust core recorded on this thread: a
 * Sys::Virt::Error object for libvirt errors, a plain message otherwise. */
void svr_croak_failure(pTHX) __attribute__((noreturn));

/* Croaks with `exception` if it is set (an exception a Perl callback
 * raised, kept unchanged), otherwise with the recorded failure. Takes
 * ownership of `exception`. */
void svr_croak_exception_or_failure(pTHX_ SV *exception) __attribute__((noreturn));

/* Croaks unless `sv` is a CODE reference. */
void svr_check_code(pTHX_ SV *sv, const char *func, const char *argname);


/* Calls `cb` with `args` in `context` (G_SCALAR or G_LIST) under G_EVAL:
 * a die never unwinds through the caller (DESIGN.md rule 1). Returns the
 * number of values, copied into `results` (at most `max_results`, each a
 * new reference), or -1 if the callback died: the exception is then stored
 * in `*exception` (unless one is already kept there). */
int svr_call(pTHX_ SV *cb, SV **args, int nargs, I32 context,
             SV **results, int max_results, SV **exception);



/* Exceptions raised by Perl callbacks that libvirt's event loop ran: the
 * first is kept (ownership taken) until the XSUB that ran the loop raises
 * it with svr_croak_deferred; later ones are dropped. */
/* Whether an exception is kept for svr_croak_deferred. */
int svr_has_deferred_exception(void);
void svr_defer_exception(pTHX_ SV *exception);

/* Croaks with the kept exception, if any. */
void svr_croak_deferred(pTHX);

/* XS argument type for unsigned ints (typemap T_SVR_UINT): read with
 * svr_arg_uint, or svr_arg_flags when the argument is named `flags`. */
typedef unsigned int svr_uint;
unsigned int svr_arg_typemap_uint(pTHX_ SV *sv, const char *func, const char *argname);

/* Objects made by the Rust core (domains, pools, volumes, ...): wraps a new
 * handle in an object of `klass` with one reference, or raises the recorded
 * failure if `handle` is NULL. For XSUBs returning SV *. */
SV *svr_new_object(pTHX_ void *handle, const char *klass);

/* An unsigned 64-bit argument, exact up to 2**64-1 (an integer, a whole
 * float, or a string of decimal digits); croaks, naming `func` and
 * `argname`, on undef, negative, fractional, out of range or non-numeric
 * values. */
unsigned long long svr_arg_u64(pTHX_ SV *sv, const char *func, const char *argname);

/* Signed 64-bit, unsigned 32-bit and signed 32-bit variants of the same
 * routine: every integer argument of every method is read by one of them,
 * so all accept and refuse the same values. */
long long svr_arg_i64(pTHX_ SV *sv, const char *func, const char *argname);
unsigned int svr_arg_uint(pTHX_ SV *sv, const char *func, const char *argname);
int svr_arg_int(pTHX_ SV *sv, const char *func, const char *argname);

/* Optional flags: undef (or absent, passed as undef) is 0. */
unsigned int svr_arg_flags(pTHX_ SV *sv, const char *func);

/* A required string argument (croaks on undef, naming func and argname). */
const char *svr_arg_string(pTHX_ SV *sv, const char *func, const char *argname);

/* Arguments of the table-driven methods (xs/api_glue.c). */
double svr_arg_double(pTHX_ SV *sv, const char *func, const char *argname);
const char *svr_arg_opt_string(pTHX_ SV *sv);
const char *svr_arg_bytes(pTHX_ SV *sv, const char *func, const char *argname, STRLEN *len);
const char **svr_arg_str_list(pTHX_ SV *sv, const char *func, const char *argname, size_t *len);
SvrPair *svr_arg_pairs(pTHX_ SV *sv, const char *func, const char *argname, size_t *len);
SvrPair *svr_arg_opt_pairs(pTHX_ SV *sv, const char *func, const char *argname, size_t *len);
/* ARRAY references of integers (each read as svr_arg_i64/svr_arg_u64 does,
 * within [min, max]) and of objects of `klass` (each unwrapped as
 * svr_unwrap does); elements are named 'argname[i]' in messages. */
long long *svr_arg_i64_list(pTHX_ SV *sv, const char *func, const char *argname,
                            long long min, long long max, size_t *len);
unsigned long long *svr_arg_u64_list(pTHX_ SV *sv, const char *func, const char *argname,
                                     unsigned long long max, size_t *len);
void **svr_arg_obj_list(pTHX_ SV *sv, const char *klass, const char *func, const char *argname, size_t *len);

/* Pushes a result tree of the Rust core on the Perl stack (a list as its
 * elements, NOTHING as nothing, anything else as one value) and frees it;
 * NULL raises the recorded failure. Call between PUTBACK and SPAGAIN. */
void svr_value_push(pTHX_ SvrValue *v);

/* A new SV holding an unsigned 64-bit value exactly. */
SV *svr_newSVu64(pTHX_ unsigned long long v);

/* The same value stored in `sv` (an XSUB's pad target). */
SVR_HOT_INLINE void
svr_sv_set_u64(pTHX_ SV *sv, unsigned long long v)
{
#if UVSIZE >= 8
    sv_setuv(sv, (UV)v);
#else
    if (v <= (unsigned long long)UV_MAX)
        sv_setuv(sv, (UV)v);
    else
        sv_setpvf(sv, "%llu", v);
#endif
}
/* The non-blocking forms (generated NAME_f / NAME_p XSUBs): a new
 * Future (kind 0) or Mojo::Promise (1), mortal, in *fut; returns the
 * context the core's start function takes (a reference of its own). */
void *svr_async_new(pTHX_ int kind, SV **fut);
void svr_async_hold(pTHX_ void *ctx, SV *obj);
/* After the start function: settles at once a call that did not start. */
void svr_async_started(pTHX_ void *ctx, int rc);

#endif
