MODULE = Sys::Virt  PACKAGE = Sys::Virt::Event

PROTOTYPES: DISABLE

void
register_default()
  CODE:
    svr_check_rc(aTHX_ svr_event_register_default());

void
run_default()
  PREINIT:
    int rc;
  CODE:
    rc = svr_xs_run_default(aTHX);
    svr_check_rc(aTHX_ rc);

void
_register_impl(impl)
    SV *impl
  PREINIT:
    int rc;
    SV *old;
  CODE:
    /* The hooks need the object while registering (the wake-up pipe). */
    old = svr_xs_set_impl(aTHX_ impl);
    rc = svr_event_register_impl(&svr_xs_impl_hooks);
    if (rc < 0)
        svr_xs_restore_impl(aTHX_ old);
    else
        SvREFCNT_dec(old);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);

int
add_handle(fd, events, coderef)
    SV *fd
    SV *events
    SV *coderef
  PREINIT:
    int i_events;
    int i_fd;
    SV *cb;
  CODE:
    if (SvROK(fd) && sv_isobject(fd))
        croak("Sys::Virt::Event::add_handle is a function, not a method: an event implementation must provide an impl of 'add_handle'");
    i_fd = svr_arg_int(aTHX_ fd, "Sys::Virt::Event::add_handle", "fd");
    i_events = svr_arg_int(aTHX_ events, "Sys::Virt::Event::add_handle", "events");
    svr_check_code(aTHX_ coderef, "Sys::Virt::Event::add_handle", "coderef");
    cb = newSVsv(coderef);
    RETVAL = svr_event_add_handle(i_fd, i_events, svr_xs_handle_cb, cb, svr_xs_release_sv);
    if (RETVAL < 0)
        SvREFCNT_dec(cb);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ RETVAL);
  OUTPUT:
    RETVAL

void
update_handle(watch, events)
    SV *watch
    SV *events
  PREINIT:
    int i_events;
    int i_watch;
    int rc;
  CODE:
    if (SvROK(watch) && sv_isobject(watch))
        croak("Sys::Virt::Event::update_handle is a function, not a method: an event implementation must provide an impl of 'update_handle'");
    i_watch = svr_arg_int(aTHX_ watch, "Sys::Virt::Event::update_handle", "watch");
    i_events = svr_arg_int(aTHX_ events, "Sys::Virt::Event::update_handle", "events");
    svr_xs_fired_forget(aTHX_ 1, i_watch);
    rc = svr_event_update_handle(i_watch, i_events);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);

void
remove_handle(watch)
    SV *watch
  PREINIT:
    int i_watch;
    int rc;
  CODE:
    if (SvROK(watch) && sv_isobject(watch))
        croak("Sys::Virt::Event::remove_handle is a function, not a method: an event implementation must provide an impl of 'remove_handle'");
    i_watch = svr_arg_int(aTHX_ watch, "Sys::Virt::Event::remove_handle", "watch");
    svr_xs_fired_forget(aTHX_ 1, i_watch);
    rc = svr_event_remove_handle(i_watch);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);

int
add_timeout(ms, coderef)
    SV *ms
    SV *coderef
  PREINIT:
    int i_ms;
    SV *cb;
  CODE:
    if (SvROK(ms) && sv_isobject(ms))
        croak("Sys::Virt::Event::add_timeout is a function, not a method: an event implementation must provide an impl of 'add_timeout'");
    i_ms = svr_arg_int(aTHX_ ms, "Sys::Virt::Event::add_timeout", "ms");
    svr_check_code(aTHX_ coderef, "Sys::Virt::Event::add_timeout", "coderef");
    cb = newSVsv(coderef);
    RETVAL = svr_event_add_timeout(i_ms, svr_xs_timeout_cb, cb, svr_xs_release_sv);
    if (RETVAL < 0)
        SvREFCNT_dec(cb);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ RETVAL);
  OUTPUT:
    RETVAL

void
update_timeout(timer, ms)
    SV *timer
    SV *ms
  PREINIT:
    int i_ms;
    int i_timer;
    int rc;
  CODE:
    if (SvROK(timer) && sv_isobject(timer))
        croak("Sys::Virt::Event::update_timeout is a function, not a method: an event implementation must provide an impl of 'update_timeout'");
    i_timer = svr_arg_int(aTHX_ timer, "Sys::Virt::Event::update_timeout", "timer");
    i_ms = svr_arg_int(aTHX_ ms, "Sys::Virt::Event::update_timeout", "ms");
    svr_xs_fired_forget(aTHX_ 0, i_timer);
    rc = svr_event_update_timeout(i_timer, i_ms);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);

void
remove_timeout(timer)
    SV *timer
  PREINIT:
    int i_timer;
    int rc;
  CODE:
    if (SvROK(timer) && sv_isobject(timer))
        croak("Sys::Virt::Event::remove_timeout is a function, not a method: an event implementation must provide an impl of 'remove_timeout'");
    i_timer = svr_arg_int(aTHX_ timer, "Sys::Virt::Event::remove_timeout", "timer");
    svr_xs_fired_forget(aTHX_ 0, i_timer);
    rc = svr_event_remove_timeout(i_timer);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);

void
_run_handle_callback_helper(watch, fd, events, cb, opaque)
    SV *watch
    SV *fd
    SV *events
    SV *cb
    SV *opaque
  PREINIT:
    int i_events;
    int rc;
    long long c, o;
  CODE:
    (void)svr_arg_int(aTHX_ watch, "Sys::Virt::EventImpl::_run_handle_callback", "watch");
    (void)svr_arg_int(aTHX_ fd, "Sys::Virt::EventImpl::_run_handle_callback", "fd");
    i_events = svr_arg_int(aTHX_ events, "Sys::Virt::EventImpl::_run_handle_callback", "events");
    c = svr_xs_token(aTHX_ cb, "Sys::Virt::EventImpl::_run_handle_callback", "cb");
    o = svr_xs_token(aTHX_ opaque, "Sys::Virt::EventImpl::_run_handle_callback", "opaque");
    rc = svr_event_impl_run_handle(i_events, c, o);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);

void
_run_timeout_callback_helper(timer, cb, opaque)
    SV *timer
    SV *cb
    SV *opaque
  PREINIT:
    int rc;
    long long c, o;
  CODE:
    (void)svr_arg_int(aTHX_ timer, "Sys::Virt::EventImpl::_run_timeout_callback", "timer");
    c = svr_xs_token(aTHX_ cb, "Sys::Virt::EventImpl::_run_timeout_callback", "cb");
    o = svr_xs_token(aTHX_ opaque, "Sys::Virt::EventImpl::_run_timeout_callback", "opaque");
    rc = svr_event_impl_run_timeout(c, o);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);

void
_free_callback_opaque_helper(ff, opaque)
    SV *ff
    SV *opaque
  PREINIT:
    int rc;
    long long f, o;
  CODE:
    f = svr_xs_token(aTHX_ ff, "Sys::Virt::EventImpl::_free_callback_opaque", "ff");
    o = svr_xs_token(aTHX_ opaque, "Sys::Virt::EventImpl::_free_callback_opaque", "opaque");
    rc = svr_event_impl_free(f, o);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);

int
_is_wakeup_handle(cb)
    SV *cb
  CODE:
    RETVAL = svr_event_impl_is_wakeup(svr_xs_token(aTHX_ cb, "Sys::Virt::Event::_is_wakeup_handle", "cb"));
  OUTPUT:
    RETVAL

IV
_test_foreign_thread(op)
    int op
  PREINIT:
    IV r;
  CODE:
    r = (IV)svr_test_foreign_thread(op);
    if (r < 0 && op != 2)
        svr_croak_failure(aTHX);
    RETVAL = r;
  OUTPUT:
    RETVAL
