package Sys::Virt::NWFilter;

use strict;
use warnings;

require Sys::Virt;

our $VERSION = '12.7.0.0';

sub CLONE_SKIP { 1 }

# The classic binding's private constructor; scripts use the connection's
# methods (get_nwfilter_by_name, define_nwfilter, ...).
sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $con = exists $params{connection} ? $params{connection}
        : die "Sys::Virt::NWFilter::_new: connection parameter is required\n";
    my $self;
    if (exists $params{name}) {
        $self = Sys::Virt::get_nwfilter_by_name($con, $params{name});
    } elsif (exists $params{uuid}) {
        $self = Sys::Virt::get_nwfilter_by_uuid($con, $params{uuid});
    } elsif (exists $params{xml}) {
        $self = Sys::Virt::define_nwfilter($con, $params{xml}, $params{flags} // 0);
    } else {
        die "Sys::Virt::NWFilter::_new: name, uuid or xml parameters are required\n";
    }
    return bless $self, $class;
}

1;
__END__

=head1 NAME

Sys::Virt::NWFilter - a network filter

=head1 DESCRIPTION

A C<Sys::Virt::NWFilter> object is a network filter, as libvirt manages it. Objects come
from the methods of other objects (for example get_nwfilter_by_name); each keeps its
connection open. Every method that fails in libvirt dies with a
L<Sys::Virt::Error>; a wrong argument dies with a plain message naming the
method and the argument.

=head1 METHODS

=over 4

=item my $name = $filter->get_name()

Returns the name of the network filter. Calls C<virNWFilterGetName>.

=item my $uuid = $filter->get_uuid()

Returns a 16 byte long string containing the raw globally unique
identifier (UUID) of the network filter. Calls C<virNWFilterGetUUID>.

=item my $uuid = $filter->get_uuid_string()

Returns the printable form of the UUID,
C<XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX>. Calls C<virNWFilterGetUUIDString>.

=item my $xml = $filter->get_xml_description($flags=0)

Returns the XML description of the network filter. C<$flags> is unused
and defaults to zero. Calls C<virNWFilterGetXMLDesc>.

=item $filter->undefine()

Removes the network filter defined with C<define_nwfilter> in
L<Sys::Virt>. Calls C<virNWFilterUndefine>.

=back

=head1 CONSTANTS

=for generated-constants begin

=over 4

=item Sys::Virt::NWFilter::DEFINE_VALIDATE

Validate the XML document against schema

Defined where Sys::Virt is built against libvirt 7.7.0 or newer.

=back

=for generated-constants end

=head1 SEE ALSO

L<Sys::Virt>

=cut
