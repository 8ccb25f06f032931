package Sys::Virt::Error;

use strict;
use warnings;

our $VERSION = '12.7.0.0';

# Loads the XS part, which defines this package's constants.
require Sys::Virt;

# Stringification is set up by the first error object, not at load:
# overload.pm is about a millisecond of every script's start-up, most of
# which never see an error. The binding calls this before blessing one.
my $overloaded;
sub _overload {
    return if $overloaded;
    $overloaded = 1;
    local $@;
    require overload;
    overload->import('""' => \&stringify, fallback => 1);
}

sub new {
    _overload();
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;
    my $self = { map { $_ => $params{$_} } qw(level code domain message) };
    return bless $self, $class;
}

sub stringify {
    my $self = shift;
    return "libvirt error code: " . ($self->{code} // 0)
        . ", message: " . ($self->{message} // '') . "\n";
}

sub level { $_[0]->{level} }

sub code { $_[0]->{code} }

sub domain { $_[0]->{domain} }

sub message { $_[0]->{message} }

1;
__END__

=head1 NAME

Sys::Virt::Error - an error reported by libvirt

=head1 SYNOPSIS

  use Sys::Virt;

  eval { Sys::Virt->new(uri => "nosuch:///") };
  if (ref $@ && $@->isa("Sys::Virt::Error")) {
      printf "%d %d %s\n", $@->code, $@->domain, $@->message;
  }

=head1 DESCRIPTION

Every method of the binding that fails in libvirt dies with an object of
this class. It is a hash with the keys C<level>, C<code>, C<domain> and
C<message>, copied from libvirt's error right after the failing call.

=head1 METHODS

=over 4

=item my $err = Sys::Virt::Error->new(level => $l, code => $c, domain => $d, message => $m)

Makes an error object (the binding makes them for you; this is for scripts
and tests that need one).

=item my $str = $err->stringify()

C<"libvirt error code: CODE, message: MESSAGE\n">, also what the object
gives when used as a string.

=item my $level = $err->level()

The severity, one of the C<LEVEL_*> constants. (The classic binding returns
the code here; this one returns the level.)

=item my $code = $err->code()

What went wrong, one of the C<ERR_*> constants.

=item my $domain = $err->domain()

Which part of libvirt raised it, one of the C<FROM_*> constants.

=item my $msg = $err->message()

libvirt's message.

=back

=head1 CONSTANTS

=for generated-constants begin

=over 4

=item Sys::Virt::Error::LEVEL_NONE

The libvirt constant C<VIR_ERR_NONE>.

=item Sys::Virt::Error::LEVEL_WARNING

A simple warning

=item Sys::Virt::Error::LEVEL_ERROR

An error

=item Sys::Virt::Error::FROM_NONE

The libvirt constant C<VIR_FROM_NONE>.

=item Sys::Virt::Error::FROM_XEN

Error at Xen hypervisor layer

=item Sys::Virt::Error::FROM_XEND

Error at connection with xend daemon

=item Sys::Virt::Error::FROM_XENSTORE

Error at connection with xen store

=item Sys::Virt::Error::FROM_SEXPR

Error in the S-Expression code

=item Sys::Virt::Error::FROM_XML

Error in the XML code

=item Sys::Virt::Error::FROM_DOM

Error when operating on a domain

=item Sys::Virt::Error::FROM_RPC

Error in the XML-RPC code

=item Sys::Virt::Error::FROM_PROXY

Error in the proxy code; unused since
0.8.6

=item Sys::Virt::Error::FROM_CONF

Error in the configuration file handling

=item Sys::Virt::Error::FROM_QEMU

Error at the QEMU daemon

=item Sys::Virt::Error::FROM_NET

Error when operating on a network

=item Sys::Virt::Error::FROM_TEST

Error from test driver

=item Sys::Virt::Error::FROM_REMOTE

Error from remote driver

=item Sys::Virt::Error::FROM_OPENVZ

Error from OpenVZ driver

=item Sys::Virt::Error::FROM_XENXM

Error at Xen XM layer

=item Sys::Virt::Error::FROM_STATS_LINUX

Error in the Linux Stats code

=item Sys::Virt::Error::FROM_LXC

Error from Linux Container driver

=item Sys::Virt::Error::FROM_STORAGE

Error from storage driver

=item Sys::Virt::Error::FROM_NETWORK

Error from network config

=item Sys::Virt::Error::FROM_DOMAIN

Error from domain config

=item Sys::Virt::Error::FROM_UML

Error at the UML driver; unused since 5.0.0

=item Sys::Virt::Error::FROM_NODEDEV

Error from node device monitor

=item Sys::Virt::Error::FROM_XEN_INOTIFY

Error from xen inotify layer

=item Sys::Virt::Error::FROM_SECURITY

Error from security framework

=item Sys::Virt::Error::FROM_VBOX

Error from VirtualBox driver

=item Sys::Virt::Error::FROM_INTERFACE

Error when operating on an interface

=item Sys::Virt::Error::FROM_ONE

The OpenNebula driver no longer exists.
Retained for ABI/API compat only

=item Sys::Virt::Error::FROM_ESX

Error from ESX driver

=item Sys::Virt::Error::FROM_PHYP

Error from the phyp driver, unused since 6.0.0

=item Sys::Virt::Error::FROM_SECRET

Error from secret storage

=item Sys::Virt::Error::FROM_CPU

Error from CPU driver

=item Sys::Virt::Error::FROM_XENAPI

Error from XenAPI

=item Sys::Virt::Error::FROM_NWFILTER

Error from network filter driver

=item Sys::Virt::Error::FROM_HOOK

Error from Synchronous hooks

=item Sys::Virt::Error::FROM_DOMAIN_SNAPSHOT

Error from domain snapshot

=item Sys::Virt::Error::FROM_AUDIT

Error from auditing subsystem

=item Sys::Virt::Error::FROM_SYSINFO

Error from sysinfo/SMBIOS

=item Sys::Virt::Error::FROM_STREAMS

Error from I/O streams

=item Sys::Virt::Error::FROM_VMWARE

Error from VMware driver

=item Sys::Virt::Error::FROM_EVENT

Error from event loop impl

=item Sys::Virt::Error::FROM_LIBXL

Error from libxenlight driver

=item Sys::Virt::Error::FROM_LOCKING

Error from lock manager

=item Sys::Virt::Error::FROM_HYPERV

Error from Hyper-V driver

=item Sys::Virt::Error::FROM_CAPABILITIES

Error from capabilities

=item Sys::Virt::Error::FROM_AUTH

Error from auth handling

=item Sys::Virt::Error::FROM_URI

Error from URI handling

=item Sys::Virt::Error::FROM_DBUS

Error from DBus

=item Sys::Virt::Error::FROM_DEVICE

Error from Device

=item Sys::Virt::Error::FROM_PARALLELS

Error from Parallels

=item Sys::Virt::Error::FROM_SSH

Error from libssh2 connection transport

=item Sys::Virt::Error::FROM_LOCKSPACE

Error from lockspace

=item Sys::Virt::Error::FROM_INITCTL

Error from initctl device communication

=item Sys::Virt::Error::FROM_CGROUP

Error from cgroups

=item Sys::Virt::Error::FROM_IDENTITY

Error from identity code

=item Sys::Virt::Error::FROM_ACCESS

Error from access control manager

=item Sys::Virt::Error::FROM_SYSTEMD

Error from systemd code

=item Sys::Virt::Error::FROM_BHYVE

Error from bhyve driver

=item Sys::Virt::Error::FROM_CRYPTO

Error from crypto code

=item Sys::Virt::Error::FROM_FIREWALL

Error from firewall

=item Sys::Virt::Error::FROM_POLKIT

Error from polkit code

=item Sys::Virt::Error::FROM_THREAD

Error from thread utils

=item Sys::Virt::Error::FROM_ADMIN

Error from admin backend

=item Sys::Virt::Error::FROM_LOGGING

Error from log manager

=item Sys::Virt::Error::FROM_XENXL

Error from Xen xl config code

=item Sys::Virt::Error::FROM_PERF

Error from perf

=item Sys::Virt::Error::FROM_LIBSSH

Error from libssh connection transport

=item Sys::Virt::Error::FROM_RESCTRL

Error from resource control

=item Sys::Virt::Error::FROM_FIREWALLD

Error from firewalld

=item Sys::Virt::Error::FROM_DOMAIN_CHECKPOINT

Error from domain checkpoint

=item Sys::Virt::Error::FROM_TPM

Error from TPM

=item Sys::Virt::Error::FROM_BPF

Error from BPF code

=item Sys::Virt::Error::FROM_CH

Error from Cloud-Hypervisor driver

Defined where Sys::Virt is built against libvirt 7.5.0 or newer.

=item Sys::Virt::Error::ERR_OK

The libvirt constant C<VIR_ERR_OK>.

=item Sys::Virt::Error::ERR_INTERNAL_ERROR

internal error

=item Sys::Virt::Error::ERR_NO_MEMORY

memory allocation failure

=item Sys::Virt::Error::ERR_NO_SUPPORT

no support for this function

=item Sys::Virt::Error::ERR_UNKNOWN_HOST

could not resolve hostname

=item Sys::Virt::Error::ERR_NO_CONNECT

can't connect to hypervisor

=item Sys::Virt::Error::ERR_INVALID_CONN

invalid connection object

=item Sys::Virt::Error::ERR_INVALID_DOMAIN

invalid domain object

=item Sys::Virt::Error::ERR_INVALID_ARG

invalid function argument

=item Sys::Virt::Error::ERR_OPERATION_FAILED

a command to hypervisor failed

=item Sys::Virt::Error::ERR_GET_FAILED

a HTTP GET command to failed

=item Sys::Virt::Error::ERR_POST_FAILED

a HTTP POST command to failed

=item Sys::Virt::Error::ERR_HTTP_ERROR

unexpected HTTP error code

=item Sys::Virt::Error::ERR_SEXPR_SERIAL

failure to serialize an S-Expr

=item Sys::Virt::Error::ERR_NO_XEN

could not open Xen hypervisor
control

=item Sys::Virt::Error::ERR_XEN_CALL

failure doing an hypervisor call

=item Sys::Virt::Error::ERR_OS_TYPE

unknown OS type

=item Sys::Virt::Error::ERR_NO_KERNEL

missing kernel information

=item Sys::Virt::Error::ERR_NO_ROOT

missing root device information

=item Sys::Virt::Error::ERR_NO_SOURCE

missing source device information

=item Sys::Virt::Error::ERR_NO_TARGET

missing target device information

=item Sys::Virt::Error::ERR_NO_NAME

missing domain name information

=item Sys::Virt::Error::ERR_NO_OS

missing domain OS information

=item Sys::Virt::Error::ERR_NO_DEVICE

missing domain devices information

=item Sys::Virt::Error::ERR_NO_XENSTORE

could not open Xen Store control

=item Sys::Virt::Error::ERR_DRIVER_FULL

too many drivers registered

=item Sys::Virt::Error::ERR_CALL_FAILED

not supported by the drivers
(DEPRECATED)

=item Sys::Virt::Error::ERR_XML_ERROR

an XML description is not well
formed or broken

=item Sys::Virt::Error::ERR_DOM_EXIST

the domain already exist

=item Sys::Virt::Error::ERR_OPERATIONED_DENIED

operation forbidden on read-only
connections

=item Sys::Virt::Error::ERR_OPEN_FAILED

failed to open a conf file

=item Sys::Virt::Error::ERR_READ_FAILED

failed to read a conf file

=item Sys::Virt::Error::ERR_PARSE_FAILED

failed to parse a conf file

=item Sys::Virt::Error::ERR_CONF_SYNTAX

failed to parse the syntax of a
conf file

=item Sys::Virt::Error::ERR_WRITE_FAILED

failed to write a conf file

=item Sys::Virt::Error::ERR_XML_DETAIL

detail of an XML error

=item Sys::Virt::Error::ERR_INVALID_NETWORK

invalid network object

=item Sys::Virt::Error::ERR_NETWORK_EXIST

the network already exist

=item Sys::Virt::Error::ERR_SYSTEM_ERROR

general system call failure

=item Sys::Virt::Error::ERR_RPC

some sort of RPC error

=item Sys::Virt::Error::ERR_GNUTLS_ERROR

error from a GNUTLS call

=item Sys::Virt::Error::WAR_NO_NETWORK

failed to start network

=item Sys::Virt::Error::ERR_NO_DOMAIN

domain not found or unexpectedly
disappeared

=item Sys::Virt::Error::ERR_NO_NETWORK

network not found

=item Sys::Virt::Error::ERR_INVALID_MAC

invalid MAC address

=item Sys::Virt::Error::ERR_AUTH_FAILED

authentication failed

=item Sys::Virt::Error::ERR_INVALID_STORAGE_POOL

invalid storage pool object

=item Sys::Virt::Error::ERR_INVALID_STORAGE_VOL

invalid storage vol object

=item Sys::Virt::Error::WAR_NO_STORAGE

failed to start storage

=item Sys::Virt::Error::ERR_NO_STORAGE_POOL

storage pool not found

=item Sys::Virt::Error::ERR_NO_STORAGE_VOL

storage volume not found

=item Sys::Virt::Error::WAR_NO_NODE

failed to start node driver

=item Sys::Virt::Error::ERR_INVALID_NODE_DEVICE

invalid node device object

=item Sys::Virt::Error::ERR_NO_NODE_DEVICE

node device not found

=item Sys::Virt::Error::ERR_NO_SECURITY_MODEL

security model not found

=item Sys::Virt::Error::ERR_OPERATION_INVALID

operation is not applicable at this
time

=item Sys::Virt::Error::WAR_NO_INTERFACE

failed to start interface driver

=item Sys::Virt::Error::ERR_NO_INTERFACE

interface driver not running

=item Sys::Virt::Error::ERR_INVALID_INTERFACE

invalid interface object

=item Sys::Virt::Error::ERR_MULTIPLE_INTERFACES

more than one matching interface
found

=item Sys::Virt::Error::WAR_NO_NWFILTER

failed to start nwfilter driver

=item Sys::Virt::Error::ERR_INVALID_NWFILTER

invalid nwfilter object

=item Sys::Virt::Error::ERR_NO_NWFILTER

nw filter pool not found

=item Sys::Virt::Error::ERR_BUILD_FIREWALL

nw filter pool not found

=item Sys::Virt::Error::WAR_NO_SECRET

failed to start secret storage

=item Sys::Virt::Error::ERR_INVALID_SECRET

invalid secret

=item Sys::Virt::Error::ERR_NO_SECRET

secret not found

=item Sys::Virt::Error::ERR_CONFIG_UNSUPPORTED

unsupported configuration
construct

=item Sys::Virt::Error::ERR_OPERATION_TIMEOUT

timeout occurred during operation

=item Sys::Virt::Error::ERR_MIGRATE_PERSIST_FAILED

a migration worked, but making the
VM persist on the dest host failed

=item Sys::Virt::Error::ERR_HOOK_SCRIPT_FAILED

a synchronous hook script failed

=item Sys::Virt::Error::ERR_INVALID_DOMAIN_SNAPSHOT

invalid domain snapshot

=item Sys::Virt::Error::ERR_NO_DOMAIN_SNAPSHOT

domain snapshot not found

=item Sys::Virt::Error::ERR_INVALID_STREAM

stream pointer not valid

=item Sys::Virt::Error::ERR_ARGUMENT_UNSUPPORTED

valid API use but unsupported by
the given driver

=item Sys::Virt::Error::ERR_STORAGE_PROBE_FAILED

storage pool probe failed

=item Sys::Virt::Error::ERR_STORAGE_POOL_BUILT

storage pool already built

=item Sys::Virt::Error::ERR_SNAPSHOT_REVERT_RISKY

force was not requested for a
risky domain snapshot revert

=item Sys::Virt::Error::ERR_OPERATION_ABORTED

operation on a domain was
canceled/aborted by user

=item Sys::Virt::Error::ERR_AUTH_CANCELLED

authentication cancelled

=item Sys::Virt::Error::ERR_NO_DOMAIN_METADATA

The metadata is not present

=item Sys::Virt::Error::ERR_MIGRATE_UNSAFE

Migration is not safe

=item Sys::Virt::Error::ERR_OVERFLOW

integer overflow

=item Sys::Virt::Error::ERR_BLOCK_COPY_ACTIVE

action prevented by block copy job

=item Sys::Virt::Error::ERR_AGENT_UNRESPONSIVE

guest agent is unresponsive,
not running or not usable

=item Sys::Virt::Error::ERR_OPERATION_UNSUPPORTED

The requested operation is not
supported

=item Sys::Virt::Error::ERR_SSH

error in ssh transport driver

=item Sys::Virt::Error::ERR_RESOURCE_BUSY

resource is already in use

=item Sys::Virt::Error::ERR_ACCESS_DENIED

operation on the object/resource
was denied

=item Sys::Virt::Error::ERR_DBUS_SERVICE

error from a dbus service

=item Sys::Virt::Error::ERR_STORAGE_VOL_EXIST

the storage vol already exists

=item Sys::Virt::Error::ERR_CPU_INCOMPATIBLE

given CPU is incompatible with host CPU

=item Sys::Virt::Error::ERR_INVALID_SCHEMA

XML document doesn't validate against schema

=item Sys::Virt::Error::ERR_MIGRATE_FINISH_OK

Finish API succeeded but it is expected to return NULL

=item Sys::Virt::Error::ERR_AUTH_UNAVAILABLE

authentication unavailable

=item Sys::Virt::Error::ERR_NO_SERVER

Server was not found

=item Sys::Virt::Error::ERR_NO_CLIENT

Client was not found

=item Sys::Virt::Error::ERR_AGENT_UNSYNCED

guest agent replies with wrong id
to guest-sync command (DEPRECATED)

=item Sys::Virt::Error::ERR_LIBSSH

error in libssh transport driver

=item Sys::Virt::Error::ERR_DEVICE_MISSING

fail to find the desired device

=item Sys::Virt::Error::ERR_INVALID_NWFILTER_BINDING

invalid nwfilter binding

=item Sys::Virt::Error::ERR_NO_NWFILTER_BINDING

no nwfilter binding

=item Sys::Virt::Error::ERR_INVALID_DOMAIN_CHECKPOINT

invalid domain checkpoint

=item Sys::Virt::Error::ERR_NO_DOMAIN_BACKUP

domain backup job id not found

=item Sys::Virt::Error::ERR_NO_DOMAIN_CHECKPOINT

domain checkpoint not found

=item Sys::Virt::Error::ERR_NO_NETWORK_PORT

network port not found

=item Sys::Virt::Error::ERR_INVALID_NETWORK_PORT

invalid network port object

=item Sys::Virt::Error::ERR_NETWORK_PORT_EXIST

the network port already exist

=item Sys::Virt::Error::ERR_NO_HOSTNAME

no domain's hostname found

=item Sys::Virt::Error::ERR_CHECKPOINT_INCONSISTENT

checkpoint can't be used

=item Sys::Virt::Error::ERR_MULTIPLE_DOMAINS

more than one matching domain found

Defined where Sys::Virt is built against libvirt 7.1.0 or newer.

=item Sys::Virt::Error::ERR_NO_NETWORK_METADATA

Network metadata is not present

Defined where Sys::Virt is built against libvirt 9.7.0 or newer.

=item Sys::Virt::Error::ERR_AGENT_COMMAND_TIMEOUT

guest agent didn't respond to a non-sync
command within timeout

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Error::ERR_AGENT_COMMAND_FAILED

guest agent responded with failure
to a command

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Error::ERR_INVALID_ENCR_KEY_SECRET

encryption key is invalid

Defined where Sys::Virt is built against libvirt 12.1.0 or newer.

=back

=for generated-constants end

=head1 SEE ALSO

L<Sys::Virt>

=cut
