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
    rc = svr_event_run_default();
    /* A callback's exception first: it is why the script stops. */
    svr_croak_deferred(aTHX);
    svr_check_rc(aTHX_ rc);
