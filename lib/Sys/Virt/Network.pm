package Sys::Virt::Network;

use strict;
use warnings;

require Sys::Virt;

our $VERSION = '12.7.0.0';

sub CLONE_SKIP { 1 }

# The classic binding's private constructor; scripts use the connection's
# methods (get_network_by_name, define_network, ...).
sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $con = exists $params{connection} ? $params{connection}
        : die "Sys::Virt::Network::_new: connection parameter is required\n";
    my $self;
    if (exists $params{name}) {
        $self = Sys::Virt::get_network_by_name($con, $params{name});
    } elsif (exists $params{uuid}) {
        $self = Sys::Virt::get_network_by_uuid($con, $params{uuid});
    } elsif (exists $params{xml}) {
        if ($params{nocreate}) {
            $self = Sys::Virt::define_network($con, $params{xml}, $params{flags} // 0);
        } else {
            $self = Sys::Virt::create_network($con, $params{xml}, $params{flags} // 0);
        }
    } else {
        die "Sys::Virt::Network::_new: name, uuid or xml parameters are required\n";
    }
    return bless $self, $class;
}

1;
__END__

=head1 NAME

Sys::Virt::Network - a virtual network

=head1 DESCRIPTION

A C<Sys::Virt::Network> object is a virtual network, as libvirt manages it. Objects come
from the methods of other objects (for example get_network_by_name); each keeps its
connection open. Every method that fails in libvirt dies with a
L<Sys::Virt::Error>; a wrong argument dies with a plain message naming the
method and the argument.

=head1 METHODS

=over 4

=item my $name = $net->get_name()

Returns the name of the network. Calls C<virNetworkGetName>.

=item my $uuid = $net->get_uuid()

Returns a 16 byte long string containing the raw globally unique
identifier (UUID) of the network. Calls C<virNetworkGetUUID>.

=item my $uuid = $net->get_uuid_string()

Returns the printable form of the UUID,
C<XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX>. Calls C<virNetworkGetUUIDString>.

=item my $bool = $net->is_active()

Returns true if the network is running. Calls C<virNetworkIsActive>.

=item my $bool = $net->is_persistent()

Returns true if the network has a persistent configuration (it was
defined, not only created). Calls C<virNetworkIsPersistent>.

=item my $xml = $net->get_xml_description($flags=0)

Returns the XML description of the network. C<$flags> may be
C<Sys::Virt::Network::XML_INACTIVE>, for the configuration used at the next
start. Calls C<virNetworkGetXMLDesc>.

=item $net->create()

Starts a network that was defined with C<define_network> in L<Sys::Virt>.
Calls C<virNetworkCreate>.

=item $net->destroy()

Stops a running network. A transient network goes away. Calls
C<virNetworkDestroy>.

=item $net->undefine()

Removes the persistent configuration of the network; a running network
keeps running, as a transient one. Calls C<virNetworkUndefine>.

=item $net->update($command, $section, $parentIndex, $xml, $flags=0)

Changes one part of the network's configuration: C<$command> is one of
the C<UPDATE_COMMAND_*> constants, C<$section> one of the C<SECTION_*>
constants (the kind of element C<$xml> is), C<$parentIndex> the index of
the parent element (C<-1>: any), C<$xml> the element, and C<$flags> the
C<UPDATE_AFFECT_*> constants (which configurations change). Calls
C<virNetworkUpdate>.

=item my $name = $net->get_bridge_name()

Returns the name of the host bridge device of the network. Calls
C<virNetworkGetBridgeName>.

=item my $flag = $net->get_autostart()

Returns 1 if the network starts when the host (or libvirt) starts, 0
otherwise. Calls C<virNetworkGetAutostart>.

=item $net->set_autostart($flag)

Sets whether the network starts automatically. Calls
C<virNetworkSetAutostart>.

=item my $str = $net->get_metadata($type, $uri, $flags=0)

Returns the network's metadata of type C<$type> (one of the
C<METADATA_*> constants). For C<METADATA_ELEMENT>, C<$uri> names the XML
namespace of the element; otherwise it is C<undef>. C<$flags> selects the
live or persistent configuration. Calls C<virNetworkGetMetadata> (libvirt
9.7.0 or newer).

=item $net->set_metadata($type, $val, $key, $uri, $flags=0)

Sets the network's metadata of type C<$type> to C<$val> (C<undef>
removes it). For C<METADATA_ELEMENT>, C<$key> is the namespace prefix and
C<$uri> the namespace of the element; otherwise both are C<undef>. Calls
C<virNetworkSetMetadata> (libvirt 9.7.0 or newer).

=item my @leases = $net->get_dhcp_leases($mac=undef, $flags=0)

Returns the active DHCP leases of the network, all of them or only those
of the MAC address C<$mac>. Each is a hash reference with the keys
C<iface> (the network interface name), C<expirytime> (seconds since the
epoch when the lease expires), C<type> (one of the C<Sys::Virt::IP_ADDR_TYPE_*>
constants), C<mac>, C<iaid> (the IAID of an IPv6 client, else undef),
C<ipaddr>, C<prefix>, C<hostname> and C<clientid> (undef when unknown).
C<$flags> is unused and defaults to zero. Calls C<virNetworkGetDHCPLeases>.

=item my @ports = $net->list_all_ports($flags=0)

Returns the ports of the network, as L<Sys::Virt::NetworkPort> objects.
C<$flags> is unused and defaults to zero. Calls C<virNetworkListAllPorts>.

=item my $port = $net->create_port($xml, $flags=0)

Creates a port of the network from its XML description and returns it as
a L<Sys::Virt::NetworkPort> object. C<$flags> takes the
C<Sys::Virt::NetworkPort::CREATE_*> constants. Calls
C<virNetworkPortCreateXML>.

=item my $port = $net->get_port_by_uuid($uuid)

Returns the port of the network with the UUID C<$uuid> (16 raw bytes, or
the printable form of 32 or 36 characters), as a
L<Sys::Virt::NetworkPort> object. Any other length dies. Calls
C<virNetworkPortLookupByUUID> or C<virNetworkPortLookupByUUIDString>.

=back

=head1 CONSTANTS

=for generated-constants begin

=over 4

=item Sys::Virt::Network::XML_INACTIVE

dump inactive network information

=item Sys::Virt::Network::DEFINE_VALIDATE

Validate the XML document against schema

Defined where Sys::Virt is built against libvirt 7.7.0 or newer.

=item Sys::Virt::Network::CREATE_VALIDATE

Validate the XML document against schema

Defined where Sys::Virt is built against libvirt 7.8.0 or newer.

=item Sys::Virt::Network::UPDATE_COMMAND_NONE

invalid

=item Sys::Virt::Network::UPDATE_COMMAND_MODIFY

modify an existing element

=item Sys::Virt::Network::UPDATE_COMMAND_DELETE

delete an existing element

=item Sys::Virt::Network::UPDATE_COMMAND_ADD_LAST

add an element at end of list

=item Sys::Virt::Network::UPDATE_COMMAND_ADD_FIRST

add an element at start of list

=item Sys::Virt::Network::SECTION_NONE

invalid

=item Sys::Virt::Network::SECTION_BRIDGE

E<lt>bridgeE<gt>

=item Sys::Virt::Network::SECTION_DOMAIN

E<lt>domainE<gt>

=item Sys::Virt::Network::SECTION_IP

E<lt>ipE<gt>

=item Sys::Virt::Network::SECTION_IP_DHCP_HOST

E<lt>ipE<gt>/E<lt>dhcpE<gt>/E<lt>hostE<gt>

=item Sys::Virt::Network::SECTION_IP_DHCP_RANGE

E<lt>ipE<gt>/E<lt>dhcpE<gt>/E<lt>rangeE<gt>

=item Sys::Virt::Network::SECTION_FORWARD

E<lt>forwardE<gt>

=item Sys::Virt::Network::SECTION_FORWARD_INTERFACE

E<lt>forwardE<gt>/E<lt>interfaceE<gt>

=item Sys::Virt::Network::SECTION_FORWARD_PF

E<lt>forwardE<gt>/E<lt>pfE<gt>

=item Sys::Virt::Network::SECTION_PORTGROUP

E<lt>portgroupE<gt>

=item Sys::Virt::Network::SECTION_DNS_HOST

E<lt>dnsE<gt>/E<lt>hostE<gt>

=item Sys::Virt::Network::SECTION_DNS_TXT

E<lt>dnsE<gt>/E<lt>txtE<gt>

=item Sys::Virt::Network::SECTION_DNS_SRV

E<lt>dnsE<gt>/E<lt>srvE<gt>

=item Sys::Virt::Network::UPDATE_AFFECT_CURRENT

affect live if network is active,
config if it's not active

=item Sys::Virt::Network::UPDATE_AFFECT_LIVE

affect live state of network only

=item Sys::Virt::Network::UPDATE_AFFECT_CONFIG

affect persistent config only

=item Sys::Virt::Network::LIST_ACTIVE

The libvirt constant C<VIR_CONNECT_LIST_NETWORKS_ACTIVE>.

=item Sys::Virt::Network::LIST_INACTIVE

The libvirt constant C<VIR_CONNECT_LIST_NETWORKS_INACTIVE>.

=item Sys::Virt::Network::LIST_AUTOSTART

The libvirt constant C<VIR_CONNECT_LIST_NETWORKS_AUTOSTART>.

=item Sys::Virt::Network::LIST_NO_AUTOSTART

The libvirt constant C<VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART>.

=item Sys::Virt::Network::LIST_PERSISTENT

The libvirt constant C<VIR_CONNECT_LIST_NETWORKS_PERSISTENT>.

=item Sys::Virt::Network::LIST_TRANSIENT

The libvirt constant C<VIR_CONNECT_LIST_NETWORKS_TRANSIENT>.

=item Sys::Virt::Network::EVENT_ID_LIFECYCLE

virConnectNetworkEventLifecycleCallback

=item Sys::Virt::Network::EVENT_ID_METADATA_CHANGE

virConnectNetworkEventMetadataChangeCallback

Defined where Sys::Virt is built against libvirt 9.8.0 or newer.

=item Sys::Virt::Network::EVENT_DEFINED

The libvirt constant C<VIR_NETWORK_EVENT_DEFINED>.

=item Sys::Virt::Network::EVENT_UNDEFINED

The libvirt constant C<VIR_NETWORK_EVENT_UNDEFINED>.

=item Sys::Virt::Network::EVENT_STARTED

The libvirt constant C<VIR_NETWORK_EVENT_STARTED>.

=item Sys::Virt::Network::EVENT_STOPPED

The libvirt constant C<VIR_NETWORK_EVENT_STOPPED>.

=item Sys::Virt::Network::METADATA_DESCRIPTION

Operate on E<lt>descriptionE<gt>

Defined where Sys::Virt is built against libvirt 9.7.0 or newer.

=item Sys::Virt::Network::METADATA_TITLE

Operate on E<lt>titleE<gt>

Defined where Sys::Virt is built against libvirt 9.7.0 or newer.

=item Sys::Virt::Network::METADATA_ELEMENT

Operate on E<lt>metadataE<gt>

Defined where Sys::Virt is built against libvirt 9.7.0 or newer.

=back

=for generated-constants end

=head1 SEE ALSO

L<Sys::Virt>

=cut
