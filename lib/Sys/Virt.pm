package Sys::Virt;

use strict;
use warnings;

our $VERSION = '9.0.0.1';

require XSLoader;
XSLoader::load('Sys::Virt', $VERSION);

use Sys::Virt::Error;
use Sys::Virt::Domain;
use Sys::Virt::StoragePool;
use Sys::Virt::StorageVol;
use Sys::Virt::Stream;
use Sys::Virt::Network;
use Sys::Virt::NetworkPort;
use Sys::Virt::Interface;
use Sys::Virt::NodeDevice;
use Sys::Virt::Secret;
use Sys::Virt::NWFilter;
use Sys::Virt::NWFilterBinding;
use Sys::Virt::DomainSnapshot;
use Sys::Virt::DomainCheckpoint;

sub CLONE_SKIP { 1 }

sub new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    die "Sys::Virt::new: odd number of arguments (expected key => value pairs)\n" if @_ % 2;
    my %params = @_;

    my $uri = exists $params{address} ? $params{address} : $params{uri};
    my $flags = $params{flags} // 0;
    die "Sys::Virt::new: 'flags' must be a number\n"
        unless $flags =~ /^\d+$/;
    $flags |= Sys::Virt::CONNECT_RO() if $params{readonly};

    my $self;
    if ($params{auth}) {
        my $credlist = $params{credlist} // [
            Sys::Virt::CRED_AUTHNAME(), Sys::Virt::CRED_PASSPHRASE(),
        ];
        $self = Sys::Virt::_open_auth($uri, $credlist, $params{callback}, $flags);
    } else {
        $self = Sys::Virt::_open($uri, $flags);
    }
    return bless $self, $class;
}

sub new_stream {
    my ($self, $flags) = @_;
    return Sys::Virt::Stream->new($self, $flags // 0);
}

1;
__END__

=head1 NAME

Sys::Virt - libvirt for Perl, with a Rust core

=head1 SYNOPSIS

  use Sys::Virt;

  my $conn = Sys::Virt->new(uri => "test:///default");
  print $conn->get_type, " ", $conn->get_library_version, "\n";

=head1 DESCRIPTION

C<Sys::Virt> is a drop-in replacement for the classic XS binding of the same
name. Scripts written for it run unchanged. The work (libvirt calls, stream
loops, the event bridge) is done by a Rust library; a thin XS layer joins it
to Perl.

Every method that fails in libvirt dies with a L<Sys::Virt::Error> object.
A wrong argument dies with a plain message naming the method and argument.

=head1 METHODS

=over 4

=item my $conn = Sys::Virt->new(uri => $uri, readonly => $ro, flags => $flags, auth => $auth, credlist => \@types, callback => $coderef);

Opens a connection to the hypervisor named by C<$uri> (C<address> is a
synonym; libvirt picks a default when neither is given). C<readonly> opens
it read-only. C<flags> are C<Sys::Virt::CONNECT_*> values.

With C<auth> true, libvirt may ask for credentials: C<credlist> lists the
C<Sys::Virt::CRED_*> types the script can answer, and C<$callback> is
called with an array reference of hashes, one per credential, with keys
C<type>, C<prompt>, C<challenge> and C<result> (preset to libvirt's
default). The callback fills in C<result> and returns 0, or a negative
number to refuse. Without a callback, libvirt's own console prompts are
used. An exception raised by the callback comes out of C<new> unchanged.

The connection is closed when its last reference goes (objects obtained
from it, such as streams and domains, keep it open while they live).

=item my $uri = $conn->get_uri()

The canonical URI of the connection.

=item my $type = $conn->get_type()

The name of the hypervisor driver (C<QEMU>, C<TEST>, ...).

=item my $name = $conn->get_hostname()

The host name of the machine the hypervisor runs on.

=item my $ver = $conn->get_version()

The hypervisor's version, as C<major * 1_000_000 + minor * 1000 + release>.
Called as C<< Sys::Virt->get_version() >>, the version of the libvirt
library in use.

=item my $ver = $conn->get_library_version()

The version of libvirt the far end of the connection runs.

=item my $bool = $conn->is_alive()

True if the connection is alive.

=item my $bool = $conn->is_secure()

True if the connection is secure against eavesdropping.

=item my $bool = $conn->is_encrypted()

True if the connection is encrypted.

=item $conn->set_keep_alive($interval, $count)

Sends keepalive messages every C<$interval> seconds and closes the
connection when C<$count> of them go unanswered. Needs a registered event
loop (see L<Sys::Virt::Event>).

=item $conn->register_close_callback($coderef)

Calls C<< $coderef->($conn, $reason) >> when the connection closes for a
reason other than the script closing it (C<$reason> is one of the
C<CLOSE_REASON_*> constants). Needs a registered event loop. One close
callback per connection.

=item $conn->unregister_close_callback()

Removes the close callback.

=item $conn->domain_event_register($coderef)

The old event API: calls C<< $coderef->($conn, $dom, $event, $detail) >>
for each domain lifecycle event (C<$dom> is a L<Sys::Virt::Domain>,
C<$event> and C<$detail> are C<Sys::Virt::Domain::EVENT_*> values). Needs
a registered event loop.

=item $conn->domain_event_deregister()

Removes the callback of C<domain_event_register>.

=item my $id = $conn->domain_event_register_any($dom, $eventID, $coderef)

Calls C<$coderef> for each event C<$eventID> (a
C<Sys::Virt::Domain::EVENT_ID_*> value) of domain C<$dom>, or of every
domain if C<$dom> is C<undef>. The callback receives the connection, the
domain, then the other arguments of libvirt's callback for that event, in
order: lifecycle C<$event, $detail>; reboot and control error nothing; RTC
change C<$utcoffset>; watchdog C<$action>; I/O error C<$srcPath, $devAlias,
$action> (with reason: plus C<$reason>); graphics C<$phase, \%local,
\%remote, $authScheme, \@subject> (addresses are hashes with C<family>,
C<node>, C<service>; the subject a list of hashes with C<type> and
C<name>); block job (and block job 2) C<$path, $type, $status>; disk change
C<$oldSrcPath, $newSrcPath, $devAlias, $reason>; tray change C<$devAlias,
$reason>; PM wakeup, PM suspend, PM suspend disk C<$reason>; balloon change
C<$actual>; device added, removed, removal failed C<$devAlias>; tunable
and job completed C<\%params> (typed parameters as one hash); agent
lifecycle C<$state, $reason>; migration iteration C<$iteration>; metadata
change C<$type, $nsuri>; block threshold C<$dev, $path, $threshold,
$excess>; memory failure C<$recipient, $action, $flags>; memory device
size change C<$alias, $size>. 64-bit numbers are exact. Returns the
callback id.

=item $conn->domain_event_deregister_any($id)

Removes a callback of C<domain_event_register_any>.

=item my $id = $conn->storage_pool_event_register_any($pool, $eventID, $coderef)

As C<domain_event_register_any>, for storage pool events
(C<Sys::Virt::StoragePool::EVENT_ID_*>): lifecycle calls
C<< $coderef->($conn, $pool, $event, $detail) >>, refresh
C<< $coderef->($conn, $pool) >>.

=item $conn->storage_pool_event_deregister_any($id)

Removes a callback of C<storage_pool_event_register_any>.

A registration keeps the connection object and the callback alive until
libvirt releases it (after the deregistration). An exception raised by a
callback comes out of the call that ran the event loop.

=item my $st = $conn->new_stream($flags=0)

A new L<Sys::Virt::Stream> on the connection, the same as
C<< Sys::Virt::Stream->new($conn, $flags) >>. C<$flags> may be
C<Sys::Virt::Stream::NONBLOCK>.

=back

=head2 Domains

These return L<Sys::Virt::Domain> objects, or die with a
L<Sys::Virt::Error> (code C<Sys::Virt::Error::ERR_NO_DOMAIN> when there is
no such domain).

=over 4

=item my $dom = $conn->get_domain_by_name($name)

The domain called C<$name>.

=item my $dom = $conn->get_domain_by_id($id)

The running domain with the numeric id C<$id>.

=item my $dom = $conn->get_domain_by_uuid($uuid)

The domain with the UUID C<$uuid>, given as 16 raw bytes or in printable
form (32 hex digits, or 36 characters with dashes).

=item my @doms = $conn->list_all_domains($flags=0)

All domains of the connection, running or not. C<$flags> are
C<Sys::Virt::Domain::LIST_*> constants and filter the list (e.g.
C<LIST_ACTIVE>).

=item my $dom = $conn->create_domain($xml, $flags=0)

Creates and starts a transient domain from its XML description. C<$flags>
are C<Sys::Virt::Domain::START_*> constants.

=item my $dom = $conn->define_domain($xml, $flags=0)

Defines (without starting) a persistent domain from its XML description,
or replaces the definition of an existing one. C<$flags> are
C<Sys::Virt::Domain::DEFINE_*> constants.

=back

=head2 Storage

These return L<Sys::Virt::StoragePool> and L<Sys::Virt::StorageVol>
objects, or die with a L<Sys::Virt::Error> (C<ERR_NO_STORAGE_POOL>,
C<ERR_NO_STORAGE_VOL>, ...).

=over 4

=item my $pool = $conn->get_storage_pool_by_name($name)

The storage pool called C<$name>.

=item my $pool = $conn->get_storage_pool_by_uuid($uuid)

The storage pool with the UUID C<$uuid> (16 raw bytes or printable form).

=item my @pools = $conn->list_all_storage_pools($flags=0)

All storage pools of the connection. C<$flags> are
C<Sys::Virt::StoragePool::LIST_*> constants and filter the list.

=item my $pool = $conn->create_storage_pool($xml)

Creates and starts a transient storage pool from its XML description.

=item my $pool = $conn->define_storage_pool($xml, $flags=0)

Defines (without starting) a persistent storage pool from its XML
description. C<$flags> are C<Sys::Virt::StoragePool::DEFINE_*> constants.

=item my $vol = $conn->get_storage_volume_by_path($path)

The storage volume at C<$path> on the host, in whichever pool holds it.

=item my $vol = $conn->get_storage_volume_by_key($key)

The storage volume whose key is C<$key>.

=back

=head1 CONSTANTS

=for generated-constants begin

=over 4

=item Sys::Virt::CONNECT_RO

A readonly connection

=item Sys::Virt::CONNECT_NO_ALIASES

Don't try to resolve URI aliases

=item Sys::Virt::CRED_USERNAME

Identity to act as

=item Sys::Virt::CRED_AUTHNAME

Identify to authorize as

=item Sys::Virt::CRED_LANGUAGE

RFC 1766 languages, comma separated

=item Sys::Virt::CRED_CNONCE

client supplies a nonce

=item Sys::Virt::CRED_PASSPHRASE

Passphrase secret

=item Sys::Virt::CRED_ECHOPROMPT

Challenge response

=item Sys::Virt::CRED_NOECHOPROMPT

Challenge response

=item Sys::Virt::CRED_REALM

Authentication realm

=item Sys::Virt::CRED_EXTERNAL

Externally managed credential

=item Sys::Virt::IDENTITY_USER_NAME

The operating system user name as VIR_TYPED_PARAM_STRING.

=item Sys::Virt::IDENTITY_UNIX_USER_ID

The UNIX user ID as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::IDENTITY_GROUP_NAME

The operating system group name as VIR_TYPED_PARAM_STRING.

=item Sys::Virt::IDENTITY_UNIX_GROUP_ID

The UNIX group ID as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::IDENTITY_PROCESS_ID

The operating system process ID as VIR_TYPED_PARAM_LLONG.

=item Sys::Virt::IDENTITY_PROCESS_TIME

The operating system process start time as VIR_TYPED_PARAM_ULLONG.  The units the time is measured in vary according to the host operating system. On Linux this is usually clock ticks (as reported in /proc/$PID/stat field 22).

=item Sys::Virt::IDENTITY_SASL_USER_NAME

The SASL authenticated username as VIR_TYPED_PARAM_STRING

=item Sys::Virt::IDENTITY_X509_DISTINGUISHED_NAME

The TLS x509 certificate distinguished named as VIR_TYPED_PARAM_STRING

=item Sys::Virt::IDENTITY_SELINUX_CONTEXT

The application's SELinux context as VIR_TYPED_PARAM_STRING.

=item Sys::Virt::CPU_COMPARE_INCOMPATIBLE

The libvirt constant C<VIR_CPU_COMPARE_INCOMPATIBLE>.

=item Sys::Virt::CPU_COMPARE_IDENTICAL

The libvirt constant C<VIR_CPU_COMPARE_IDENTICAL>.

=item Sys::Virt::CPU_COMPARE_SUPERSET

The libvirt constant C<VIR_CPU_COMPARE_SUPERSET>.

=item Sys::Virt::NODE_SUSPEND_TARGET_MEM

The libvirt constant C<VIR_NODE_SUSPEND_TARGET_MEM>.

=item Sys::Virt::NODE_SUSPEND_TARGET_DISK

The libvirt constant C<VIR_NODE_SUSPEND_TARGET_DISK>.

=item Sys::Virt::NODE_SUSPEND_TARGET_HYBRID

The libvirt constant C<VIR_NODE_SUSPEND_TARGET_HYBRID>.

=item Sys::Virt::NODE_CPU_STATS_ALL_CPUS

The libvirt constant C<VIR_NODE_CPU_STATS_ALL_CPUS>.

=item Sys::Virt::NODE_CPU_STATS_IDLE

The cumulative idle CPU time, since the node booting up (in nanoseconds).

=item Sys::Virt::NODE_CPU_STATS_IOWAIT

The cumulative I/O wait CPU time, since the node booting up (in nanoseconds).

=item Sys::Virt::NODE_CPU_STATS_KERNEL

Macro for the cumulative CPU time which was spent by the kernel, since the node booting up (in nanoseconds).

=item Sys::Virt::NODE_CPU_STATS_USER

The cumulative CPU time which was spent by user processes, since the node booting up (in nanoseconds).

=item Sys::Virt::NODE_CPU_STATS_INTR

The cumulative interrupt CPU time, since the node booting up (in nanoseconds).

=item Sys::Virt::NODE_CPU_STATS_UTILIZATION

The CPU utilization of a node. The usage value is in percent and 100% represents all CPUs of the node.

=item Sys::Virt::NODE_MEMORY_STATS_ALL_CELLS

The libvirt constant C<VIR_NODE_MEMORY_STATS_ALL_CELLS>.

=item Sys::Virt::NODE_MEMORY_STATS_BUFFERS

Macro for the buffer memory: On Linux, it is only returned in case of VIR_NODE_MEMORY_STATS_ALL_CELLS.

=item Sys::Virt::NODE_MEMORY_STATS_CACHED

Macro for the cached memory: On Linux, it is only returned in case of VIR_NODE_MEMORY_STATS_ALL_CELLS.

=item Sys::Virt::NODE_MEMORY_STATS_FREE

Macro for the free memory of specified cell: On Linux, it includes buffer and cached memory, in case of VIR_NODE_MEMORY_STATS_ALL_CELLS.

=item Sys::Virt::NODE_MEMORY_STATS_TOTAL

Macro for the total memory of specified cell: it represents the maximum memory.

=item Sys::Virt::CLOSE_REASON_CLIENT

Client requested it

=item Sys::Virt::CLOSE_REASON_EOF

End-of-file from server

=item Sys::Virt::CLOSE_REASON_ERROR

Misc I/O error

=item Sys::Virt::CLOSE_REASON_KEEPALIVE

Keepalive timer triggered

=item Sys::Virt::NODE_MEMORY_SHARED_PAGES_TO_SCAN

Macro for typed parameter that represents how many present pages to scan before the shared memory service goes to sleep.

=item Sys::Virt::NODE_MEMORY_SHARED_SLEEP_MILLISECS

Macro for typed parameter that represents how many milliseconds the shared memory service should sleep before next scan.

=item Sys::Virt::NODE_MEMORY_SHARED_PAGES_SHARED

Macro for typed parameter that represents how many the shared memory pages are being used.

=item Sys::Virt::NODE_MEMORY_SHARED_PAGES_SHARING

Macro for typed parameter that represents how many sites are sharing the pages i.e. how much saved.

=item Sys::Virt::NODE_MEMORY_SHARED_PAGES_UNSHARED

Macro for typed parameter that represents how many pages unique but repeatedly checked for merging.

=item Sys::Virt::NODE_MEMORY_SHARED_PAGES_VOLATILE

Macro for typed parameter that represents how many pages changing too fast to be placed in a tree.

=item Sys::Virt::NODE_MEMORY_SHARED_FULL_SCANS

Macro for typed parameter that represents how many times all mergeable areas have been scanned.

=item Sys::Virt::NODE_MEMORY_SHARED_MERGE_ACROSS_NODES

Macro for typed parameter that represents whether pages from different NUMA nodes can be merged. The parameter has type int, when its value is 0, only pages which physically reside in the memory area of same NUMA node are merged; When its value is 1, pages from all nodes can be merged. Other values are reserved for future use.

=item Sys::Virt::BASELINE_CPU_EXPAND_FEATURES

show all features

=item Sys::Virt::BASELINE_CPU_MIGRATABLE

filter out non-migratable features

=item Sys::Virt::COMPARE_CPU_FAIL_INCOMPATIBLE

treat incompatible
CPUs as failure

=item Sys::Virt::COMPARE_CPU_VALIDATE_XML

validate the xml
document

=item Sys::Virt::IP_ADDR_TYPE_IPV4

The libvirt constant C<VIR_IP_ADDR_TYPE_IPV4>.

=item Sys::Virt::IP_ADDR_TYPE_IPV6

The libvirt constant C<VIR_IP_ADDR_TYPE_IPV6>.

=item Sys::Virt::NODE_ALLOC_PAGES_ADD

Add @pageCounts to the pages pool. This
can be used only to size up the pool.

=item Sys::Virt::NODE_ALLOC_PAGES_SET

Don't add @pageCounts, instead set
passed number of pages. This can be
used to free allocated pages.

=item Sys::Virt::SEV_CBITPOS

Macro represents the CBit Position used by hypervisor when SEV is enabled.

=item Sys::Virt::SEV_CERT_CHAIN

Macro represents the platform certificate chain that includes the platform endorsement key (PEK), owner certificate authority (OCD) and chip endorsement key (CEK), as VIR_TYPED_PARAMS_STRING.

=item Sys::Virt::SEV_PDH

Macro represents the Platform Diffie-Hellman key, as VIR_TYPED_PARAMS_STRING.

=item Sys::Virt::SEV_REDUCED_PHYS_BITS

Macro represents the number of bits we lose in physical address space when SEV is enabled in the guest.

=item Sys::Virt::SEV_MAX_GUESTS

Macro represents the number of SEV guests that can be run on the host, as a VIR_TYPED_PARAM_UINT.

=item Sys::Virt::SEV_MAX_ES_GUESTS

Macro represents the number of SEV-ES guests that can be run on the host, as a VIR_TYPED_PARAM_UINT.

=item Sys::Virt::SEV_CPU0_ID

Macro represents the unique ID of CPU0 (socket 0) needed to retrieve the signed CEK of the CPU from AMD's Key Distribution Service (KDS), as VIR_TYPED_PARAMS_STRING.

=back

=for generated-constants end

=head1 SEE ALSO

L<Sys::Virt::Error>, L<https://libvirt.org/>

=head1 LICENSE

This program is free software; you can redistribute it and/or modify it
under the terms of either the GNU General Public License as published by
the Free Software Foundation (either version 2 of the License, or at your
option any later version), or the Artistic License, as specified in the
Perl README file.

=cut
