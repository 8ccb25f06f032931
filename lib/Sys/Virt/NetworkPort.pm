package Sys::Virt::NetworkPort;

use strict;
use warnings;

require Sys::Virt;

our $VERSION = '12.7.0.0';

sub CLONE_SKIP { 1 }

# The classic binding's private constructor; scripts use the network's
# methods (get_port_by_uuid, create_port).
sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $net = exists $params{network} ? $params{network}
        : die "Sys::Virt::NetworkPort::_new: network parameter is required\n";
    my $self;
    if (exists $params{uuid}) {
        $self = Sys::Virt::Network::get_port_by_uuid($net, $params{uuid});
    } elsif (exists $params{xml}) {
        $self = Sys::Virt::Network::create_port($net, $params{xml}, $params{flags} // 0);
    } else {
        die "Sys::Virt::NetworkPort::_new: uuid or xml parameters are required\n";
    }
    return bless $self, $class;
}

1;
__END__

=head1 NAME

Sys::Virt::NetworkPort - a port of a virtual network

=head1 DESCRIPTION

A C<Sys::Virt::NetworkPort> object is a port of a virtual network, as libvirt manages it. Objects come
from the methods of other objects (for example a network's create_port); each keeps its
connection open. Every method that fails in libvirt dies with a
L<Sys::Virt::Error>; a wrong argument dies with a plain message naming the
method and the argument.

=head1 METHODS

=over 4

=item my $uuid = $port->get_uuid()

Returns a 16 byte long string containing the raw globally unique
identifier (UUID) of the network port. Calls C<virNetworkPortGetUUID>.

=item my $uuid = $port->get_uuid_string()

Returns the printable form of the UUID,
C<XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX>. Calls C<virNetworkPortGetUUIDString>.

=item my $xml = $port->get_xml_description($flags=0)

Returns the XML description of the port. C<$flags> is unused and defaults
to zero. Calls C<virNetworkPortGetXMLDesc>.

=item $port->delete($flags=0)

Deletes the port from its network. C<$flags> is unused and defaults to
zero. Calls C<virNetworkPortDelete>.

=item my $params = $port->get_parameters($flags=0)

Returns the tunable parameters of the port as a hash reference, keyed by
the C<BANDWIDTH_*> constants of this class (C<inbound.average>,
C<inbound.peak>, C<inbound.burst>, C<inbound.floor>, C<outbound.average>,
C<outbound.peak>, C<outbound.burst>). C<$flags> is unused and defaults to
zero. Calls C<virNetworkPortGetParameters>.

=item $port->set_parameters($params, $flags=0)

Changes the tunable parameters named by the keys of the hash reference
C<$params> (the keys listed for C<get_parameters>; any other key dies,
naming it). C<$flags> is unused and defaults to zero. Calls
C<virNetworkPortSetParameters>.

=back

=head1 CONSTANTS

=for generated-constants begin

=over 4

=item Sys::Virt::NetworkPort::CREATE_RECLAIM

reclaim existing used resources

=item Sys::Virt::NetworkPort::CREATE_VALIDATE

Validate the XML document against schema

Defined where Sys::Virt is built against libvirt 7.8.0 or newer.

=item Sys::Virt::NetworkPort::BANDWIDTH_IN_AVERAGE

Macro represents the inbound average of NIC bandwidth, as a uint.

=item Sys::Virt::NetworkPort::BANDWIDTH_IN_BURST

Macro represents the inbound burst of NIC bandwidth, as a uint.

=item Sys::Virt::NetworkPort::BANDWIDTH_IN_FLOOR

Macro represents the inbound floor of NIC bandwidth, as a uint.

=item Sys::Virt::NetworkPort::BANDWIDTH_IN_PEAK

Macro represents the inbound peak of NIC bandwidth, as a uint.

=item Sys::Virt::NetworkPort::BANDWIDTH_OUT_AVERAGE

Macro represents the outbound average of NIC bandwidth, as a uint.

=item Sys::Virt::NetworkPort::BANDWIDTH_OUT_BURST

Macro represents the outbound burst of NIC bandwidth, as a uint.

=item Sys::Virt::NetworkPort::BANDWIDTH_OUT_PEAK

Macro represents the outbound peak of NIC bandwidth, as a uint.

=back

=for generated-constants end

=head1 SEE ALSO

L<Sys::Virt>

=cut
