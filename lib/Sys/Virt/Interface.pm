package Sys::Virt::Interface;

use strict;
use warnings;

require Sys::Virt;

our $VERSION = '9.0.0.1';

sub CLONE_SKIP { 1 }

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

=back

=head1 CONSTANTS

=for generated-constants begin

=over 4

=item Sys::Virt::Interface::XML_INACTIVE

dump inactive interface information

=item Sys::Virt::Interface::DEFINE_VALIDATE

Validate the XML document against schema

=item Sys::Virt::Interface::LIST_ACTIVE

The libvirt constant C<VIR_CONNECT_LIST_INTERFACES_ACTIVE>.

=item Sys::Virt::Interface::LIST_INACTIVE

The libvirt constant C<VIR_CONNECT_LIST_INTERFACES_INACTIVE>.

=back

=for generated-constants end

=head1 SEE ALSO

L<Sys::Virt>

=cut
