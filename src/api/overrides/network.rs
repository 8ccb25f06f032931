//! Hand-written method bodies of Sys::Virt::Network and Sys::Virt::NetworkPort,
//! and of the connection's network methods whose shape is irregular.

use std::ffi::CString;
use std::os::raw::{c_int, c_uint};
use std::ptr;

use virt_sys as sys;

use crate::error::Result;

#[allow(unused_imports)]
use crate::api::{handles::*, params, *};

/// `$conn->list_network_names($maxnames)`
pub fn list_names(this: &ConnHandle, max: Option<c_int>) -> Result<Value> {
    conn_name_list(this, max, sys::virConnectNumOfNetworks, sys::virConnectListNetworks)
}

/// `$conn->list_defined_network_names($maxnames)`
pub fn list_defined_names(this: &ConnHandle, max: Option<c_int>) -> Result<Value> {
    conn_name_list(this, max, sys::virConnectNumOfDefinedNetworks, sys::virConnectListDefinedNetworks)
}

/// The leases libvirt allocated (each, and the array).
struct Leases {
    ptr: *mut sys::virNetworkDHCPLeasePtr,
    n: usize,
}

impl Drop for Leases {
    fn drop(&mut self) {
        if self.ptr.is_null() {
            return;
        }
        // SAFETY: `n` leases and their array, allocated by libvirt, freed once.
        unsafe {
            for i in 0..self.n {
                sys::virNetworkDHCPLeaseFree(*self.ptr.add(i));
            }
            libc::free(self.ptr as *mut libc::c_void);
        }
    }
}

/// `$net->get_dhcp_leases($mac=undef, $flags=0)`: a list of hashes.
pub fn get_dhcp_leases(this: &NetworkHandle, mac: Option<CString>, flags: c_uint) -> Result<Value> {
    let mut arr: *mut sys::virNetworkDHCPLeasePtr = ptr::null_mut();
    // SAFETY: `mac` is NULL or a string valid for the call; libvirt fills `arr`.
    let n = check(unsafe { sys::virNetworkGetDHCPLeases(this.raw(), opt_ptr(&mac), &mut arr, flags) })?;
    let leases = Leases { ptr: arr, n: n as usize };
    let mut out = Vec::with_capacity(leases.n);
    for i in 0..leases.n {
        // SAFETY: libvirt returned `n` valid leases.
        let l = unsafe { &**leases.ptr.add(i) };
        out.push(Value::hash([
            ("iface", l.iface.into_value()),
            ("expirytime", l.expirytime.into_value()),
            ("type", l.type_.into_value()),
            ("mac", l.mac.into_value()),
            ("iaid", l.iaid.into_value()),
            ("ipaddr", l.ipaddr.into_value()),
            ("prefix", l.prefix.into_value()),
            ("hostname", l.hostname.into_value()),
            ("clientid", l.clientid.into_value()),
        ]));
    }
    Ok(Value::List(out))
}

/// `$port->get_parameters($flags=0)`: a hash.
pub fn port_get_parameters(this: &NetworkPortHandle, flags: c_uint) -> Result<Value> {
    let mut p = params::OwnedParams::new();
    // SAFETY: libvirt allocates the array; OwnedParams frees it.
    check(unsafe { sys::virNetworkPortGetParameters(this.raw(), &mut p.ptr, &mut p.n, flags) })?;
    Ok(p.hash())
}

/// The bandwidth parameters of a port (all unsigned ints).
fn port_params() -> Vec<(&'static str, params::ParamType)> {
    [
        sys::VIR_NETWORK_PORT_BANDWIDTH_IN_AVERAGE,
        sys::VIR_NETWORK_PORT_BANDWIDTH_IN_PEAK,
        sys::VIR_NETWORK_PORT_BANDWIDTH_IN_BURST,
        sys::VIR_NETWORK_PORT_BANDWIDTH_IN_FLOOR,
        sys::VIR_NETWORK_PORT_BANDWIDTH_OUT_AVERAGE,
        sys::VIR_NETWORK_PORT_BANDWIDTH_OUT_PEAK,
        sys::VIR_NETWORK_PORT_BANDWIDTH_OUT_BURST,
    ]
    .iter()
    .map(|c| (c.to_str().unwrap_or(""), params::ParamType::UInt))
    .collect()
}

/// `$port->set_parameters(\%params, $flags=0)`
pub fn port_set_parameters(
    this: &NetworkPortHandle,
    pairs: Vec<(String, Option<Vec<u8>>)>,
    flags: c_uint,
) -> Result<Value> {
    let p = params::from_known("Sys::Virt::NetworkPort::set_parameters", &pairs, &port_params())?;
    // SAFETY: `p` holds `len` parameters built by libvirt's helpers.
    check(unsafe { sys::virNetworkPortSetParameters(this.raw(), p.ptr(), p.len(), flags) })?;
    Ok(Value::Nothing)
}
