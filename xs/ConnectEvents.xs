MODULE = Sys::Virt  PACKAGE = Sys::Virt

PROTOTYPES: DISABLE

void
domain_event_register(con, cb)
    SV *con
    SV *cb
  PREINIT:
    ConnHandle *h;
    SV *cobj;
    svr_xs_event_ctx *ctx;
    int rc;
  CODE:
    h = svr_unwrap_obj(aTHX_ con, "Sys::Virt", "Sys::Virt::domain_event_register", "con", &cobj);
    svr_check_code(aTHX_ cb, "Sys::Virt::domain_event_register", "cb");
    ctx = svr_xs_event_ctx_new(aTHX_ cobj, cb, "Sys::Virt::Domain");
    rc = svr_conn_domain_event_register(h, svr_xs_object_event, ctx, svr_xs_release_event_ctx);
    if (rc < 0)
        svr_xs_release_event_ctx(ctx);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);

void
domain_event_deregister(con)
    ConnHandle *con
  PREINIT:
    int rc;
  CODE:
    rc = svr_conn_domain_event_deregister(con);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);

int
domain_event_register_any(con, dom, eventID, cb)
    SV *con
    SV *dom
    SV *eventID
    SV *cb
  PREINIT:
    int id;
    ConnHandle *h;
    SV *cobj;
    DomainHandle *d = NULL;
    svr_xs_event_ctx *ctx;
  CODE:
    h = svr_unwrap_obj(aTHX_ con, "Sys::Virt", "Sys::Virt::domain_event_register_any", "con", &cobj);
    if (SvOK(dom))
        d = svr_unwrap(aTHX_ dom, "Sys::Virt::Domain", "Sys::Virt::domain_event_register_any", "dom");
    id = svr_arg_int(aTHX_ eventID, "Sys::Virt::domain_event_register_any", "eventID");
    svr_check_code(aTHX_ cb, "Sys::Virt::domain_event_register_any", "cb");
    ctx = svr_xs_event_ctx_new(aTHX_ cobj, cb, "Sys::Virt::Domain");
    RETVAL = svr_conn_domain_event_register_any(h, d, id, svr_xs_object_event, ctx,
                                                svr_xs_release_event_ctx);
    if (RETVAL < 0)
        svr_xs_release_event_ctx(ctx);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ RETVAL);
  OUTPUT:
    RETVAL

void
domain_event_deregister_any(con, callbackID)
    ConnHandle *con
    SV *callbackID
  PREINIT:
    int rc;
  CODE:
    rc = svr_conn_domain_event_deregister_any(con, svr_arg_int(aTHX_ callbackID, "Sys::Virt::domain_event_deregister_any", "callbackID"));
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);

int
storage_pool_event_register_any(con, pool, eventID, cb)
    SV *con
    SV *pool
    SV *eventID
    SV *cb
  PREINIT:
    int id;
    ConnHandle *h;
    SV *cobj;
    PoolHandle *p = NULL;
    svr_xs_event_ctx *ctx;
  CODE:
    h = svr_unwrap_obj(aTHX_ con, "Sys::Virt", "Sys::Virt::storage_pool_event_register_any", "con", &cobj);
    if (SvOK(pool))
        p = svr_unwrap(aTHX_ pool, "Sys::Virt::StoragePool", "Sys::Virt::storage_pool_event_register_any", "pool");
    id = svr_arg_int(aTHX_ eventID, "Sys::Virt::storage_pool_event_register_any", "eventID");
    svr_check_code(aTHX_ cb, "Sys::Virt::storage_pool_event_register_any", "cb");
    ctx = svr_xs_event_ctx_new(aTHX_ cobj, cb, "Sys::Virt::StoragePool");
    RETVAL = svr_conn_storage_pool_event_register_any(h, p, id, svr_xs_object_event, ctx,
                                                      svr_xs_release_event_ctx);
    if (RETVAL < 0)
        svr_xs_release_event_ctx(ctx);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ RETVAL);
  OUTPUT:
    RETVAL

void
storage_pool_event_deregister_any(con, callbackID)
    ConnHandle *con
    SV *callbackID
  PREINIT:
    int rc;
  CODE:
    rc = svr_conn_storage_pool_event_deregister_any(con, svr_arg_int(aTHX_ callbackID, "Sys::Virt::storage_pool_event_deregister_any", "callbackID"));
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);

void
register_close_callback(con, cb)
    SV *con
    SV *cb
  PREINIT:
    ConnHandle *h;
    SV *cobj;
    svr_xs_event_ctx *ctx;
    int rc;
  CODE:
    h = svr_unwrap_obj(aTHX_ con, "Sys::Virt", "Sys::Virt::register_close_callback", "con", &cobj);
    svr_check_code(aTHX_ cb, "Sys::Virt::register_close_callback", "cb");
    ctx = svr_xs_event_ctx_new(aTHX_ cobj, cb, NULL);
    rc = svr_conn_register_close_callback(h, svr_xs_object_event, ctx, svr_xs_release_event_ctx);
    if (rc < 0)
        svr_xs_release_event_ctx(ctx);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);

void
unregister_close_callback(con)
    ConnHandle *con
  PREINIT:
    int rc;
  CODE:
    rc = svr_conn_unregister_close_callback(con);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);

int
node_device_event_register_any(con, dev, eventID, cb)
    SV *con
    SV *dev
    SV *eventID
    SV *cb
  PREINIT:
    int id;
    SV *cobj;
    ConnHandle *h;
    NodeDeviceHandle *d = NULL;
    svr_xs_event_ctx *ctx;
  CODE:
    h = svr_unwrap_obj(aTHX_ con, "Sys::Virt", "Sys::Virt::node_device_event_register_any", "con", &cobj);
    if (SvOK(dev))
        d = svr_unwrap(aTHX_ dev, "Sys::Virt::NodeDevice", "Sys::Virt::node_device_event_register_any", "dev");
    id = svr_arg_int(aTHX_ eventID, "Sys::Virt::node_device_event_register_any", "eventID");
    svr_check_code(aTHX_ cb, "Sys::Virt::node_device_event_register_any", "cb");
    ctx = svr_xs_event_ctx_new(aTHX_ cobj, cb, "Sys::Virt::NodeDevice");
    RETVAL = svr_conn_node_device_event_register_any(h, d, id, svr_xs_object_event, ctx,
                                                     svr_xs_release_event_ctx);
    if (RETVAL < 0)
        svr_xs_release_event_ctx(ctx);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ RETVAL);
  OUTPUT:
    RETVAL

void
node_device_event_deregister_any(con, callbackID)
    ConnHandle *con
    SV *callbackID
  PREINIT:
    int rc;
  CODE:
    rc = svr_conn_node_device_event_deregister_any(con, svr_arg_int(aTHX_ callbackID, "Sys::Virt::node_device_event_deregister_any", "callbackID"));
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);

int
secret_event_register_any(con, secret, eventID, cb)
    SV *con
    SV *secret
    SV *eventID
    SV *cb
  PREINIT:
    int id;
    SV *cobj;
    ConnHandle *h;
    SecretHandle *s = NULL;
    svr_xs_event_ctx *ctx;
  CODE:
    h = svr_unwrap_obj(aTHX_ con, "Sys::Virt", "Sys::Virt::secret_event_register_any", "con", &cobj);
    if (SvOK(secret))
        s = svr_unwrap(aTHX_ secret, "Sys::Virt::Secret", "Sys::Virt::secret_event_register_any", "secret");
    id = svr_arg_int(aTHX_ eventID, "Sys::Virt::secret_event_register_any", "eventID");
    svr_check_code(aTHX_ cb, "Sys::Virt::secret_event_register_any", "cb");
    ctx = svr_xs_event_ctx_new(aTHX_ cobj, cb, "Sys::Virt::Secret");
    RETVAL = svr_conn_secret_event_register_any(h, s, id, svr_xs_object_event, ctx,
                                                svr_xs_release_event_ctx);
    if (RETVAL < 0)
        svr_xs_release_event_ctx(ctx);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ RETVAL);
  OUTPUT:
    RETVAL

void
secret_event_deregister_any(con, callbackID)
    ConnHandle *con
    SV *callbackID
  PREINIT:
    int rc;
  CODE:
    rc = svr_conn_secret_event_deregister_any(con, svr_arg_int(aTHX_ callbackID, "Sys::Virt::secret_event_deregister_any", "callbackID"));
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);

int
network_event_register_any(con, net, eventID, cb)
    SV *con
    SV *net
    SV *eventID
    SV *cb
  PREINIT:
    int id;
    SV *cobj;
    ConnHandle *h;
    NetworkHandle *n = NULL;
    svr_xs_event_ctx *ctx;
  CODE:
    h = svr_unwrap_obj(aTHX_ con, "Sys::Virt", "Sys::Virt::network_event_register_any", "con", &cobj);
    if (SvOK(net))
        n = svr_unwrap(aTHX_ net, "Sys::Virt::Network", "Sys::Virt::network_event_register_any", "net");
    id = svr_arg_int(aTHX_ eventID, "Sys::Virt::network_event_register_any", "eventID");
    svr_check_code(aTHX_ cb, "Sys::Virt::network_event_register_any", "cb");
    ctx = svr_xs_event_ctx_new(aTHX_ cobj, cb, "Sys::Virt::Network");
    RETVAL = svr_conn_network_event_register_any(h, n, id, svr_xs_object_event, ctx,
                                                 svr_xs_release_event_ctx);
    if (RETVAL < 0)
        svr_xs_release_event_ctx(ctx);
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ RETVAL);
  OUTPUT:
    RETVAL

void
network_event_deregister_any(con, callbackID)
    ConnHandle *con
    SV *callbackID
  PREINIT:
    int rc;
  CODE:
    rc = svr_conn_network_event_deregister_any(con, svr_arg_int(aTHX_ callbackID, "Sys::Virt::network_event_deregister_any", "callbackID"));
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);
