package Sys::Virt::Interface;

use strict;
use warnings;

require Sys::Virt;

our $VERSION = '12.7.0.0';

sub CLONE_SKIP { 1 }

# The classic binding's private constructor; scripts use the connection's
# methods (get_interface_by_name, define_interface, ...).
sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $con = exists $params{connection} ? $params{connection}
        : die "Sys::Virt::Interface::_new: connection parameter is required\n";
    my $self;
    if (exists $params{name}) {
        $self = Sys::Virt::get_interface_by_name($con, $params{name});
    } elsif (exists $params{mac}) {
        $self = Sys::Virt::get_interface_by_mac($con, $params{mac});
    } elsif (exists $params{xml}) {
        $self = Sys::Virt::define_interface($con, $params{xml}, $params{flags} // 0);
    } else {
        die "Sys::Virt::Interface::_new: name, mac or xml parameters are required\n";
    }
    return bless $self, $class;
}

1;
__END__

=head1 NAME

Sys::Virt::Interface - a host network interface

=head1 DESCRIPTION

A C<Sys::Virt::Interface> object is a host network interface, as libvirt manages it. Objects come
from the methods of other objects (for example get_interface_by_name); each keeps its
connection open. Every method that fails in libvirt dies with a
L<Sys::Virt::Error>; a wrong argument dies with a plain message naming the
method and the argument.

=head1 METHODS

=over 4

=item my $name = $iface->get_name()

Returns the name of the interface. Calls C<virInterfaceGetName>.

=item my $mac = $iface->get_mac()

Returns the MAC address of the interface. Calls
C<virInterfaceGetMACString>.

=item my $xml = $iface->get_xml_description($flags=0)

Returns the XML description of the interface. C<$flags> may be
C<Sys::Virt::Interface::XML_INACTIVE>. Calls C<virInterfaceGetXMLDesc>.

=item my $bool = $iface->is_active()

Returns true if the interface is up. Calls C<virInterfaceIsActive>.

=item $iface->create($flags=0)

Brings up an interface defined with C<define_interface> in L<Sys::Virt>.
C<$flags> is unused and defaults to zero. Calls C<virInterfaceCreate>.

=item $iface->destroy($flags=0)

Brings the interface down. C<$flags> is unused and defaults to zero.
Calls C<virInterfaceDestroy>.

=item $iface->undefine()

Removes the configuration of the interface. Calls
C<virInterfaceUndefine>.

=back

=head1 CONSTANTS

=for generated-constants begin

=over 4

=item Sys::Virt::Interface::XML_INACTIVE

dump inactive interface information

=item Sys::Virt::Interface::DEFINE_VALIDATE

Validate the XML document against schema

Defined where Sys::Virt is built against libvirt 7.7.0 or newer.

=item Sys::Virt::Interface::LIST_ACTIVE

The libvirt constant C<VIR_CONNECT_LIST_INTERFACES_ACTIVE>.

=item Sys::Virt::Interface::LIST_INACTIVE

The libvirt constant C<VIR_CONNECT_LIST_INTERFACES_INACTIVE>.

=back

=for generated-constants end

=head1 SEE ALSO

L<Sys::Virt>

=cut
