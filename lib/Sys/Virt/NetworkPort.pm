package Sys::Virt::NetworkPort;

use strict;
use warnings;

require Sys::Virt;

our $VERSION = '9.0.0.1';

sub CLONE_SKIP { 1 }

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

=back

=head1 CONSTANTS

=for generated-constants begin

=over 4

=item Sys::Virt::NetworkPort::CREATE_RECLAIM

reclaim existing used resources

=item Sys::Virt::NetworkPort::CREATE_VALIDATE

Validate the XML document against schema

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
