package Sys::Virt::Network;

use strict;
use warnings;

require Sys::Virt;

our $VERSION = '9.0.0.1';

sub CLONE_SKIP { 1 }

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

=back

=head1 CONSTANTS

=for generated-constants begin

=over 4

=item Sys::Virt::Network::XML_INACTIVE

dump inactive network information

=item Sys::Virt::Network::DEFINE_VALIDATE

Validate the XML document against schema

=item Sys::Virt::Network::CREATE_VALIDATE

Validate the XML document against schema

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

=item Sys::Virt::Network::EVENT_DEFINED

The libvirt constant C<VIR_NETWORK_EVENT_DEFINED>.

=item Sys::Virt::Network::EVENT_UNDEFINED

The libvirt constant C<VIR_NETWORK_EVENT_UNDEFINED>.

=item Sys::Virt::Network::EVENT_STARTED

The libvirt constant C<VIR_NETWORK_EVENT_STARTED>.

=item Sys::Virt::Network::EVENT_STOPPED

The libvirt constant C<VIR_NETWORK_EVENT_STOPPED>.

=back

=for generated-constants end

=head1 SEE ALSO

L<Sys::Virt>

=cut
