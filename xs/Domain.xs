MODULE = Sys::Virt  PACKAGE = Sys::Virt::Domain

PROTOTYPES: DISABLE

