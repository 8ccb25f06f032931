MODULE = Sys::Virt  PACKAGE = Sys::Virt

PROTOTYPES: DISABLE

SV *
get_storage_pool_by_name(con, name)
    ConnHandle *con
    SV *name
  CODE:
    RETVAL = svr_new_object(aTHX_ svr_pool_lookup_by_name(con,
                 svr_arg_string(aTHX_ name, "Sys::Virt::get_storage_pool_by_name", "name")),
                 "Sys::Virt::StoragePool");
  OUTPUT:
    RETVAL

SV *
get_storage_pool_by_uuid(con, uuid)
    ConnHandle *con
    SV *uuid
  PREINIT:
    STRLEN len;
    const char *s;
  CODE:
    /* 16 raw bytes, or the printable form (32 or 36 characters). */
    (void)svr_arg_string(aTHX_ uuid, "Sys::Virt::get_storage_pool_by_uuid", "uuid");
    s = SvPVbyte(uuid, len);
    if (len == 16)
        RETVAL = svr_new_object(aTHX_ svr_pool_lookup_by_uuid(con, (const unsigned char *)s),
                                "Sys::Virt::StoragePool");
    else if (len == 32 || len == 36)
        RETVAL = svr_new_object(aTHX_ svr_pool_lookup_by_uuid_string(con, s), "Sys::Virt::StoragePool");
    else
        croak("Sys::Virt::get_storage_pool_by_uuid: UUID must be either 16 unsigned bytes, or 32/36 hex characters long");
  OUTPUT:
    RETVAL

SV *
create_storage_pool(con, xml, flags = &PL_sv_undef)
    ConnHandle *con
    SV *xml
    SV *flags
  CODE:
    {
        unsigned int f = svr_arg_flags(aTHX_ flags, "Sys::Virt::create_storage_pool");
        const char *x = svr_arg_string(aTHX_ xml, "Sys::Virt::create_storage_pool", "xml");
        RETVAL = svr_new_object(aTHX_ svr_pool_create_xml(con, x, f), "Sys::Virt::StoragePool");
    }
  OUTPUT:
    RETVAL

SV *
define_storage_pool(con, xml, flags = &PL_sv_undef)
    ConnHandle *con
    SV *xml
    SV *flags
  CODE:
    {
        unsigned int f = svr_arg_flags(aTHX_ flags, "Sys::Virt::define_storage_pool");
        const char *x = svr_arg_string(aTHX_ xml, "Sys::Virt::define_storage_pool", "xml");
        RETVAL = svr_new_object(aTHX_ svr_pool_define_xml(con, x, f), "Sys::Virt::StoragePool");
    }
  OUTPUT:
    RETVAL

void
list_all_storage_pools(con, flags = 0)
    ConnHandle *con
    svr_uint flags
  PREINIT:
    PoolHandle **list;
    int n, i;
  PPCODE:
    n = svr_pool_list_all(con, flags, &list);
    if (n < 0)
        svr_croak_failure(aTHX);
    EXTEND(SP, n);
    for (i = 0; i < n; i++)
        PUSHs(svr_wrap_class(aTHX_ list[i], "Sys::Virt::StoragePool"));
    svr_list_free((void **)list, n);

SV *
get_storage_volume_by_path(con, path)
    ConnHandle *con
    SV *path
  CODE:
    RETVAL = svr_new_object(aTHX_ svr_vol_lookup_by_path(con,
                 svr_arg_string(aTHX_ path, "Sys::Virt::get_storage_volume_by_path", "path")),
                 "Sys::Virt::StorageVol");
  OUTPUT:
    RETVAL

SV *
get_storage_volume_by_key(con, key)
    ConnHandle *con
    SV *key
  CODE:
    RETVAL = svr_new_object(aTHX_ svr_vol_lookup_by_key(con,
                 svr_arg_string(aTHX_ key, "Sys::Virt::get_storage_volume_by_key", "key")),
                 "Sys::Virt::StorageVol");
  OUTPUT:
    RETVAL


MODULE = Sys::Virt  PACKAGE = Sys::Virt::StoragePool

PROTOTYPES: DISABLE

SV *
_lookup_by_volume(vol)
    VolHandle *vol
  CODE:
    RETVAL = svr_new_object(aTHX_ svr_pool_lookup_by_volume(vol), "Sys::Virt::StoragePool");
  OUTPUT:
    RETVAL

SV *
get_name(pool)
    PoolHandle *pool
  CODE:
    RETVAL = svr_string_result(aTHX_ svr_pool_get_name(pool));
  OUTPUT:
    RETVAL

SV *
get_uuid(pool)
    PoolHandle *pool
  PREINIT:
    unsigned char raw[16];
  CODE:
    svr_check_rc(aTHX_ svr_pool_get_uuid(pool, raw));
    RETVAL = newSVpvn((const char *)raw, sizeof(raw));
  OUTPUT:
    RETVAL

SV *
get_uuid_string(pool)
    PoolHandle *pool
  CODE:
    RETVAL = svr_string_result(aTHX_ svr_pool_get_uuid_string(pool));
  OUTPUT:
    RETVAL

HV *
get_info(pool)
    PoolHandle *pool
  PREINIT:
    SvrPoolInfo info;
  CODE:
    svr_check_rc(aTHX_ svr_pool_get_info(pool, &info));
    RETVAL = (HV *)sv_2mortal((SV *)newHV());
    (void)hv_stores(RETVAL, "state", newSViv(info.state));
    (void)hv_stores(RETVAL, "capacity", svr_newSVu64(aTHX_ info.capacity));
    (void)hv_stores(RETVAL, "allocation", svr_newSVu64(aTHX_ info.allocation));
    (void)hv_stores(RETVAL, "available", svr_newSVu64(aTHX_ info.available));
  OUTPUT:
    RETVAL

SV *
get_xml_description(pool, flags = 0)
    PoolHandle *pool
    svr_uint flags
  CODE:
    RETVAL = svr_string_result(aTHX_ svr_pool_get_xml_description(pool, flags));
  OUTPUT:
    RETVAL

int
is_active(pool)
    PoolHandle *pool
  CODE:
    RETVAL = svr_check_rc(aTHX_ svr_pool_is_active(pool));
  OUTPUT:
    RETVAL

int
is_persistent(pool)
    PoolHandle *pool
  CODE:
    RETVAL = svr_check_rc(aTHX_ svr_pool_is_persistent(pool));
  OUTPUT:
    RETVAL

void
create(pool, flags = 0)
    PoolHandle *pool
    svr_uint flags
  CODE:
    svr_check_rc(aTHX_ svr_pool_create(pool, flags));

void
destroy(pool)
    PoolHandle *pool
  CODE:
    svr_check_rc(aTHX_ svr_pool_destroy(pool));

void
undefine(pool)
    PoolHandle *pool
  CODE:
    svr_check_rc(aTHX_ svr_pool_undefine(pool));

void
refresh(pool, flags = 0)
    PoolHandle *pool
    svr_uint flags
  CODE:
    svr_check_rc(aTHX_ svr_pool_refresh(pool, flags));

SV *
get_volume_by_name(pool, name)
    PoolHandle *pool
    SV *name
  CODE:
    RETVAL = svr_new_object(aTHX_ svr_vol_lookup_by_name(pool,
                 svr_arg_string(aTHX_ name, "Sys::Virt::StoragePool::get_volume_by_name", "name")),
                 "Sys::Virt::StorageVol");
  OUTPUT:
    RETVAL

SV *
create_volume(pool, xml, flags = 0)
    PoolHandle *pool
    SV *xml
    svr_uint flags
  CODE:
    RETVAL = svr_new_object(aTHX_ svr_vol_create_xml(pool,
                 svr_arg_string(aTHX_ xml, "Sys::Virt::StoragePool::create_volume", "xml"), flags),
                 "Sys::Virt::StorageVol");
  OUTPUT:
    RETVAL

SV *
clone_volume(pool, xml, clone, flags = 0)
    PoolHandle *pool
    SV *xml
    VolHandle *clone
    svr_uint flags
  CODE:
    RETVAL = svr_new_object(aTHX_ svr_vol_create_xml_from(pool,
                 svr_arg_string(aTHX_ xml, "Sys::Virt::StoragePool::clone_volume", "xml"), clone, flags),
                 "Sys::Virt::StorageVol");
  OUTPUT:
    RETVAL

void
list_all_volumes(pool, flags = 0)
    PoolHandle *pool
    svr_uint flags
  PREINIT:
    VolHandle **list;
    int n, i;
  PPCODE:
    n = svr_pool_list_all_volumes(pool, flags, &list);
    if (n < 0)
        svr_croak_failure(aTHX);
    EXTEND(SP, n);
    for (i = 0; i < n; i++)
        PUSHs(svr_wrap_class(aTHX_ list[i], "Sys::Virt::StorageVol"));
    svr_list_free((void **)list, n);

void
DESTROY(obj)
    SV *obj
  CODE:
    svr_pool_free(svr_take_handle(aTHX_ obj));


MODULE = Sys::Virt  PACKAGE = Sys::Virt::StorageVol

PROTOTYPES: DISABLE

SV *
get_name(vol)
    VolHandle *vol
  CODE:
    RETVAL = svr_string_result(aTHX_ svr_vol_get_name(vol));
  OUTPUT:
    RETVAL

SV *
get_key(vol)
    VolHandle *vol
  CODE:
    RETVAL = svr_string_result(aTHX_ svr_vol_get_key(vol));
  OUTPUT:
    RETVAL

SV *
get_path(vol)
    VolHandle *vol
  CODE:
    RETVAL = svr_string_result(aTHX_ svr_vol_get_path(vol));
  OUTPUT:
    RETVAL

HV *
get_info(vol, flags = 0)
    VolHandle *vol
    svr_uint flags
  PREINIT:
    SvrVolInfo info;
  CODE:
    svr_check_rc(aTHX_ svr_vol_get_info(vol, flags, &info));
    RETVAL = (HV *)sv_2mortal((SV *)newHV());
    (void)hv_stores(RETVAL, "type", newSViv(info.vol_type));
    (void)hv_stores(RETVAL, "capacity", svr_newSVu64(aTHX_ info.capacity));
    (void)hv_stores(RETVAL, "allocation", svr_newSVu64(aTHX_ info.allocation));
  OUTPUT:
    RETVAL

SV *
get_xml_description(vol, flags = 0)
    VolHandle *vol
    svr_uint flags
  CODE:
    RETVAL = svr_string_result(aTHX_ svr_vol_get_xml_description(vol, flags));
  OUTPUT:
    RETVAL

void
delete(vol, flags = 0)
    VolHandle *vol
    svr_uint flags
  CODE:
    svr_check_rc(aTHX_ svr_vol_delete(vol, flags));

void
resize(vol, capacity, flags = 0)
    VolHandle *vol
    SV *capacity
    svr_uint flags
  CODE:
    svr_check_rc(aTHX_ svr_vol_resize(vol,
        svr_arg_u64(aTHX_ capacity, "Sys::Virt::StorageVol::resize", "capacity"), flags));

void
download(vol, st, offset, length, flags = 0)
    VolHandle *vol
    StreamHandle *st
    SV *offset
    SV *length
    svr_uint flags
  PREINIT:
    unsigned long long off, len;
  CODE:
    off = svr_arg_u64(aTHX_ offset, "Sys::Virt::StorageVol::download", "offset");
    len = svr_arg_u64(aTHX_ length, "Sys::Virt::StorageVol::download", "length");
    svr_check_rc(aTHX_ svr_vol_download(vol, st, off, len, flags));

void
upload(vol, st, offset, length, flags = 0)
    VolHandle *vol
    StreamHandle *st
    SV *offset
    SV *length
    svr_uint flags
  PREINIT:
    unsigned long long off, len;
  CODE:
    off = svr_arg_u64(aTHX_ offset, "Sys::Virt::StorageVol::upload", "offset");
    len = svr_arg_u64(aTHX_ length, "Sys::Virt::StorageVol::upload", "length");
    svr_check_rc(aTHX_ svr_vol_upload(vol, st, off, len, flags));

void
DESTROY(obj)
    SV *obj
  CODE:
    svr_vol_free(svr_take_handle(aTHX_ obj));
