MODULE = Sys::Virt  PACKAGE = Sys::Virt

PROTOTYPES: DISABLE

int
set_worker_threads(n)
    int n
  CODE:
    RETVAL = svr_async_set_workers(n);
    if (RETVAL < 0)
        svr_croak_failure(aTHX);
  OUTPUT:
    RETVAL

int
get_worker_threads()
  CODE:
    RETVAL = svr_async_get_workers();
  OUTPUT:
    RETVAL

int
_async_loop_kind()
  CODE:
    RETVAL = svr_async_loop_kind();
  OUTPUT:
    RETVAL

size_t
_async_in_flight()
  CODE:
    RETVAL = svr_async_in_flight();
  OUTPUT:
    RETVAL

