/* Glue of the event loop and of event registrations: the C callbacks the
 * Rust core calls to reach Perl code. Perl's C API only. */
#ifndef SVR_EVENTS_H
#define SVR_EVENTS_H

#include "glue.h"

/* Sys::Virt::Event::add_handle / add_timeout: the context is a copy of the
 * CODE reference. */
void svr_xs_handle_cb(void *ctx, int watch, int fd, int events);
void svr_xs_timeout_cb(void *ctx, int timer);
void svr_xs_release_sv(void *ctx);

/* Sys::Virt::Event::run_default: one iteration of libvirt's default loop,
 * then the Perl callbacks it dispatched (see events.c). Returns libvirt's
 * status; raises a callback's exception. */
int svr_xs_run_default(pTHX);
/* A watch (is_handle) or timer was updated or removed: its queued call,
 * if any, is dropped. */
void svr_xs_fired_forget(pTHX_ int is_handle, int id);

/* The hooks into a Perl-written loop (Sys::Virt::Event::register). */
extern const SvrImplHooks svr_xs_impl_hooks;
/* Keeps the loop object (a new reference is taken); returns the one kept
 * before (for svr_xs_restore_impl, or to release). */
SV *svr_xs_set_impl(pTHX_ SV *impl);
void svr_xs_restore_impl(pTHX_ SV *old);

/* Converts a callback token argument (an integer the loop was given). */
int64_t svr_xs_token(pTHX_ SV *sv, const char *func, const char *argname);

#endif

/* Context of an event registration on a connection: the connection object
 * and callback passed back, and the class events' objects are blessed in
 * (NULL: the close callback, which has no object). */
typedef struct {
    SV *conn;
    SV *cb;
    const char *klass;
} svr_xs_event_ctx;

/* The event families of `*_event_register_any` (index: SVR_EVENT_*, the
 * XSUBs' ALIAS index): the methods' names, the class of the object
 * argument and its name in messages, the usage of the registration. */
typedef struct {
    const char *register_any;
    const char *deregister_any;
    const char *klass;
    const char *argname;
    const char *usage;
} svr_xs_event_family;
extern const svr_xs_event_family svr_xs_event_families[];

/* `conn_obj` is the connection object itself (from svr_unwrap_obj). */
svr_xs_event_ctx *svr_xs_event_ctx_new(pTHX_ SV *conn_obj, SV *cb, const char *klass);
void svr_xs_object_event(void *ctx, void *object, const SvrEventArg *args, size_t nargs);
void svr_xs_release_event_ctx(void *ctx);
