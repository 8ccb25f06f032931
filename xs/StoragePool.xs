MODULE = Sys::Virt  PACKAGE = Sys::Virt::StoragePool

PROTOTYPES: DISABLE

