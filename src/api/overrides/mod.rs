//! Hand-written bodies of the table-driven methods whose shape is
//! irregular (`rust:NAME` in data/api.tsv, e.g. `rust:domain::get_state`).
//! Each takes the object's handle and the converted arguments and returns
//! the method's value; the glue around it is generated like any other
//! row's. One module a class, as in the `virt` crate.

pub mod connect;
pub mod domain;
pub mod interface;
pub mod network;
pub mod node_device;
pub mod nwfilter;
pub mod secret;
pub mod snapshot;
pub mod storage;
