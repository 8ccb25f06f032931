MODULE = Sys::Virt  PACKAGE = Sys::Virt

PROTOTYPES: DISABLE

SV *
get_domain_by_name(con, name)
    ConnHandle *con
    SV *name
  CODE:
    RETVAL = svr_new_object(aTHX_ svr_domain_lookup_by_name(con,
                 svr_arg_string(aTHX_ name, "Sys::Virt::get_domain_by_name", "name")),
                 "Sys::Virt::Domain");
  OUTPUT:
    RETVAL

SV *
get_domain_by_id(con, id)
    ConnHandle *con
    SV *id
  CODE:
    RETVAL = svr_new_object(aTHX_ svr_domain_lookup_by_id(con, svr_arg_int(aTHX_ id, "Sys::Virt::get_domain_by_id", "id")),
                            "Sys::Virt::Domain");
  OUTPUT:
    RETVAL

SV *
get_domain_by_uuid(con, uuid)
    ConnHandle *con
    SV *uuid
  PREINIT:
    STRLEN len;
    const char *s;
  CODE:
    /* 16 raw bytes, or the printable form (32 or 36 characters). */
    (void)svr_arg_string(aTHX_ uuid, "Sys::Virt::get_domain_by_uuid", "uuid");
    s = SvPVbyte(uuid, len);
    if (len == 16)
        RETVAL = svr_new_object(aTHX_ svr_domain_lookup_by_uuid(con, (const unsigned char *)s),
                                "Sys::Virt::Domain");
    else if (len == 32 || len == 36)
        RETVAL = svr_new_object(aTHX_ svr_domain_lookup_by_uuid_string(con, s), "Sys::Virt::Domain");
    else
        croak("Sys::Virt::get_domain_by_uuid: UUID must be either 16 unsigned bytes, or 32/36 hex characters long");
  OUTPUT:
    RETVAL

SV *
create_domain(con, xml, flags = &PL_sv_undef)
    ConnHandle *con
    SV *xml
    SV *flags
  CODE:
    {
        unsigned int f = svr_arg_flags(aTHX_ flags, "Sys::Virt::create_domain");
        const char *x = svr_arg_string(aTHX_ xml, "Sys::Virt::create_domain", "xml");
        RETVAL = svr_new_object(aTHX_ svr_domain_create_xml(con, x, f), "Sys::Virt::Domain");
    }
  OUTPUT:
    RETVAL

SV *
define_domain(con, xml, flags = &PL_sv_undef)
    ConnHandle *con
    SV *xml
    SV *flags
  CODE:
    {
        unsigned int f = svr_arg_flags(aTHX_ flags, "Sys::Virt::define_domain");
        const char *x = svr_arg_string(aTHX_ xml, "Sys::Virt::define_domain", "xml");
        RETVAL = svr_new_object(aTHX_ svr_domain_define_xml(con, x, f), "Sys::Virt::Domain");
    }
  OUTPUT:
    RETVAL

void
list_all_domains(con, flags = 0)
    ConnHandle *con
    svr_uint flags
  PREINIT:
    DomainHandle **list;
    int n, i;
  PPCODE:
    n = svr_domain_list_all(con, flags, &list);
    if (n < 0)
        svr_croak_failure(aTHX);
    EXTEND(SP, n);
    for (i = 0; i < n; i++)
        PUSHs(svr_wrap_class(aTHX_ list[i], "Sys::Virt::Domain"));
    svr_domain_list_free(list);


MODULE = Sys::Virt  PACKAGE = Sys::Virt::Domain

PROTOTYPES: DISABLE

const char *
get_name(dom)
    DomainHandle *dom
  CODE:
    /* A const char * result goes into the XSUB's pad target: no new
     * scalar per call. */
    RETVAL = svr_domain_name(dom);
    if (!RETVAL)
        svr_croak_failure(aTHX);
  OUTPUT:
    RETVAL

int
get_id(dom)
    DomainHandle *dom
  CODE:
    svr_check_rc(aTHX_ svr_domain_get_id(dom, &RETVAL));
  OUTPUT:
    RETVAL

SV *
get_uuid(dom)
    DomainHandle *dom
  PREINIT:
    unsigned char raw[16];
  CODE:
    svr_check_rc(aTHX_ svr_domain_get_uuid(dom, raw));
    RETVAL = newSVpvn((const char *)raw, sizeof(raw));
  OUTPUT:
    RETVAL

SV *
get_uuid_string(dom)
    DomainHandle *dom
  CODE:
    RETVAL = svr_string_result(aTHX_ svr_domain_get_uuid_string(dom));
  OUTPUT:
    RETVAL

HV *
get_info(dom)
    DomainHandle *dom
  PREINIT:
    SvrDomainInfo info;
  CODE:
    svr_check_rc(aTHX_ svr_domain_get_info(dom, &info));
    RETVAL = (HV *)sv_2mortal((SV *)newHV());
    (void)hv_stores(RETVAL, "state", newSViv(info.state));
    (void)hv_stores(RETVAL, "maxMem", svr_newSVu64(aTHX_ info.max_mem));
    (void)hv_stores(RETVAL, "memory", svr_newSVu64(aTHX_ info.memory));
    (void)hv_stores(RETVAL, "nrVirtCpu", newSVuv(info.nr_virt_cpu));
    (void)hv_stores(RETVAL, "cpuTime", svr_newSVu64(aTHX_ info.cpu_time));
  OUTPUT:
    RETVAL

SV *
get_xml_description(dom, flags = 0)
    DomainHandle *dom
    svr_uint flags
  CODE:
    RETVAL = svr_string_result(aTHX_ svr_domain_get_xml_description(dom, flags));
  OUTPUT:
    RETVAL

int
is_active(dom)
    DomainHandle *dom
  CODE:
    RETVAL = svr_check_rc(aTHX_ svr_domain_is_active(dom));
  OUTPUT:
    RETVAL

int
is_persistent(dom)
    DomainHandle *dom
  CODE:
    RETVAL = svr_check_rc(aTHX_ svr_domain_is_persistent(dom));
  OUTPUT:
    RETVAL

void
create(dom, flags = 0)
    DomainHandle *dom
    svr_uint flags
  CODE:
    svr_check_rc(aTHX_ svr_domain_create(dom, flags));

void
destroy(dom, flags = 0)
    DomainHandle *dom
    svr_uint flags
  CODE:
    svr_check_rc(aTHX_ svr_domain_destroy(dom, flags));

void
undefine(dom, flags = 0)
    DomainHandle *dom
    svr_uint flags
  CODE:
    svr_check_rc(aTHX_ svr_domain_undefine(dom, flags));

void
suspend(dom)
    DomainHandle *dom
  CODE:
    svr_check_rc(aTHX_ svr_domain_suspend(dom));

void
resume(dom)
    DomainHandle *dom
  CODE:
    svr_check_rc(aTHX_ svr_domain_resume(dom));

SV *
screenshot(dom, st, screen, flags = 0)
    DomainHandle *dom
    StreamHandle *st
    SV *screen
    svr_uint flags
  CODE:
    RETVAL = svr_string_result(aTHX_ svr_domain_screenshot(dom, st,
                 svr_arg_uint(aTHX_ screen, "Sys::Virt::Domain::screenshot", "screen"), flags));
  OUTPUT:
    RETVAL

void
open_console(dom, st, devname, flags = 0)
    DomainHandle *dom
    StreamHandle *st
    SV *devname
    svr_uint flags
  CODE:
    svr_check_rc(aTHX_ svr_domain_open_console(dom, SvOK(devname) ? SvPV_nolen(devname) : NULL, st, flags));

void
open_channel(dom, st, devname, flags = 0)
    DomainHandle *dom
    StreamHandle *st
    SV *devname
    svr_uint flags
  CODE:
    svr_check_rc(aTHX_ svr_domain_open_channel(dom, SvOK(devname) ? SvPV_nolen(devname) : NULL, st, flags));

void
DESTROY(obj)
    SV *obj
  CODE:
    svr_domain_free(svr_take_handle(aTHX_ obj));
