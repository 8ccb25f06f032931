package Sys::Virt::NWFilterBinding;

use strict;
use warnings;

require Sys::Virt;

our $VERSION = '12.7.0.0';

sub CLONE_SKIP { 1 }

# The classic binding's private constructor; scripts use the connection's
# methods (get_nwfilter_binding_by_port_dev, create_nwfilter_binding).
sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $con = exists $params{connection} ? $params{connection}
        : die "Sys::Virt::NWFilterBinding::_new: connection parameter is required\n";
    my $self;
    if (exists $params{portdev}) {
        $self = Sys::Virt::get_nwfilter_binding_by_port_dev($con, $params{portdev});
    } elsif (exists $params{xml}) {
        $self = Sys::Virt::create_nwfilter_binding($con, $params{xml}, $params{flags} // 0);
    } else {
        die "Sys::Virt::NWFilterBinding::_new: portdev or xml parameters are required\n";
    }
    return bless $self, $class;
}

1;
__END__

=head1 NAME

Sys::Virt::NWFilterBinding - a binding of a network filter to a port

=head1 DESCRIPTION

A C<Sys::Virt::NWFilterBinding> object is a binding of a network filter to a port, as libvirt manages it. Objects come
from the methods of other objects (for example get_nwfilter_binding_by_port_dev); each keeps its
connection open. Every method that fails in libvirt dies with a
L<Sys::Virt::Error>; a wrong argument dies with a plain message naming the
method and the argument.

=head1 METHODS

=over 4

=item my $name = $binding->get_port_dev()

Returns the name of the port device the filter is bound to. Calls
C<virNWFilterBindingGetPortDev>.

=item my $name = $binding->get_filter_name()

Returns the name of the network filter bound to the port. Calls
C<virNWFilterBindingGetFilterName>.

=item my $xml = $binding->get_xml_description($flags=0)

Returns the XML description of the binding. C<$flags> is unused and
defaults to zero. Calls C<virNWFilterBindingGetXMLDesc>.

=item $binding->delete()

Removes the binding: the filter no longer applies to the port. Calls
C<virNWFilterBindingDelete>.

=back

=head1 CONSTANTS

=for generated-constants begin

=over 4

=item Sys::Virt::NWFilterBinding::CREATE_VALIDATE

Validate the XML document against schema

Defined where Sys::Virt is built against libvirt 7.8.0 or newer.

=back

=for generated-constants end

=head1 SEE ALSO

L<Sys::Virt>

=cut
