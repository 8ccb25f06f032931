MODULE = Sys::Virt  PACKAGE = Sys::Virt

PROTOTYPES: DISABLE

# Event registrations on a connection: one XSUB a shape, its aliases
# differing by the table below (src/connect_events.rs has one entry point
# for the *_any families too). Each reads its arguments in the order the
# classic binding does and names itself in its messages.

void
domain_event_register(...)
  ALIAS:
    register_close_callback = 1
  PREINIT:
    /* ix 0: the old domain API (lifecycle events, a domain object);
     * ix 1: the close callback (no object). */
    static const char *const name[] = { "Sys::Virt::domain_event_register", "Sys::Virt::register_close_callback" };
    ConnHandle *h;
    SV *cobj, *cb;
    svr_xs_event_ctx *ctx;
    int rc;
  CODE:
    if (items != 2)
        croak_xs_usage(cv, "con, cb");
    cb = ST(1);
    h = svr_unwrap_obj(aTHX_ ST(0), "Sys::Virt", name[ix], "con", &cobj);
    svr_check_code(aTHX_ cb, name[ix], "cb");
    ctx = svr_xs_event_ctx_new(aTHX_ cobj, cb, ix ? NULL : "Sys::Virt::Domain");
    rc = ix ? svr_conn_register_close_callback(h, svr_xs_object_event, ctx, svr_xs_release_event_ctx)
            : svr_conn_domain_event_register(h, svr_xs_object_event, ctx, svr_xs_release_event_ctx);
    if (rc < 0)
        svr_xs_release_event_ctx(ctx);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);

void
domain_event_deregister(...)
  ALIAS:
    unregister_close_callback = 1
  PREINIT:
    static const char *const name[] = { "Sys::Virt::domain_event_deregister", "Sys::Virt::unregister_close_callback" };
    ConnHandle *h;
    int rc;
  CODE:
    if (items != 1)
        croak_xs_usage(cv, "con");
    h = svr_unwrap_obj(aTHX_ ST(0), "Sys::Virt", name[ix], "con", NULL);
    rc = ix ? svr_conn_unregister_close_callback(h) : svr_conn_domain_event_deregister(h);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);

int
domain_event_register_any(...)
  ALIAS:
    storage_pool_event_register_any = SVR_EVENT_STORAGE_POOL
    network_event_register_any = SVR_EVENT_NETWORK
    node_device_event_register_any = SVR_EVENT_NODE_DEVICE
    secret_event_register_any = SVR_EVENT_SECRET
  PREINIT:
    int id;
    ConnHandle *h;
    SV *cobj, *cb;
    void *o = NULL;
    svr_xs_event_ctx *ctx;
  CODE:
    {
        const svr_xs_event_family *f = &svr_xs_event_families[ix];
        if (items != 4)
            croak_xs_usage(cv, f->usage);
        cb = ST(3);
        h = svr_unwrap_obj(aTHX_ ST(0), "Sys::Virt", f->register_any, "con", &cobj);
        if (SvOK(ST(1)))
            o = svr_unwrap_obj(aTHX_ ST(1), f->klass, f->register_any, f->argname, NULL);
        id = svr_arg_int(aTHX_ ST(2), f->register_any, "eventID");
        svr_check_code(aTHX_ cb, f->register_any, "cb");
        ctx = svr_xs_event_ctx_new(aTHX_ cobj, cb, f->klass);
        RETVAL = svr_conn_event_register_any(ix, h, o, id, svr_xs_object_event, ctx, svr_xs_release_event_ctx);
        if (RETVAL < 0)
            svr_xs_release_event_ctx(ctx);
        svr_croak_deferred(aTHX);
        svr_check_rc(aTHX_ RETVAL);
    }
  OUTPUT:
    RETVAL

void
domain_event_deregister_any(...)
  ALIAS:
    storage_pool_event_deregister_any = SVR_EVENT_STORAGE_POOL
    network_event_deregister_any = SVR_EVENT_NETWORK
    node_device_event_deregister_any = SVR_EVENT_NODE_DEVICE
    secret_event_deregister_any = SVR_EVENT_SECRET
  PREINIT:
    ConnHandle *h;
    int rc;
  CODE:
    {
        const svr_xs_event_family *f = &svr_xs_event_families[ix];
        if (items != 2)
            croak_xs_usage(cv, "con, callbackID");
        h = svr_unwrap_obj(aTHX_ ST(0), "Sys::Virt", f->deregister_any, "con", NULL);
        rc = svr_conn_event_deregister_any(ix, h, svr_arg_int(aTHX_ ST(1), f->deregister_any, "callbackID"));
        svr_croak_deferred(aTHX);
        svr_check_rc(aTHX_ rc);
    }
