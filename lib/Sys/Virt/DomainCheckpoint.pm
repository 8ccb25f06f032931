package Sys::Virt::DomainCheckpoint;

use strict;
use warnings;

require Sys::Virt;

our $VERSION = '12.7.0.0';

sub CLONE_SKIP { 1 }

1;
__END__

=head1 NAME

Sys::Virt::DomainCheckpoint - a checkpoint of a domain

=head1 DESCRIPTION

A C<Sys::Virt::DomainCheckpoint> object is a checkpoint of a domain, as libvirt manages it. Objects come
from the methods of other objects (for example a domain's create_checkpoint); each keeps its
connection open. Every method that fails in libvirt dies with a
L<Sys::Virt::Error>; a wrong argument dies with a plain message naming the
method and the argument.

=head1 METHODS

=over 4

=item my $result = $checkpoint->get_name()

Get the public name for that checkpoint. Returns a string. Calls C<virDomainCheckpointGetName>.

=item my $result = $checkpoint->get_xml_description($flags=0)

Provide an XML description of the domain checkpoint. Returns a string. Calls C<virDomainCheckpointGetXMLDesc>.

=item $checkpoint->delete($flags=0)

Removes a checkpoint from the domain. Calls C<virDomainCheckpointDelete>.

=item my $result = $checkpoint->get_parent($flags=0)

Get the parent checkpoint for C<$checkpoint>, if any. Returns a L<Sys::Virt::DomainCheckpoint> object. Calls C<virDomainCheckpointGetParent>.

=item my @list = $checkpoint->list_all_children($flags=0)

Collect the list of domain checkpoints that are children of the given checkpoint, and allocate an array to store those objects. Returns a list of L<Sys::Virt::DomainCheckpoint> objects. Calls C<virDomainCheckpointListAllChildren>.

=back

=head1 CONSTANTS

=for generated-constants begin

=over 4

=item Sys::Virt::DomainCheckpoint::DELETE_CHILDREN

Also delete children

=item Sys::Virt::DomainCheckpoint::DELETE_METADATA_ONLY

Delete just metadata

=item Sys::Virt::DomainCheckpoint::DELETE_CHILDREN_ONLY

Delete just children

=item Sys::Virt::DomainCheckpoint::CREATE_REDEFINE

Restore or alter
metadata

=item Sys::Virt::DomainCheckpoint::CREATE_QUIESCE

use guest agent to
quiesce all mounted
file systems within
the domain

=item Sys::Virt::DomainCheckpoint::CREATE_REDEFINE_VALIDATE

validate disk data state
when redefining a checkpoint

=item Sys::Virt::DomainCheckpoint::LIST_ROOTS

Filter by checkpoints
with no parents, when
listing a domain

=item Sys::Virt::DomainCheckpoint::LIST_DESCENDANTS

List all descendants,
not just children, when
listing a checkpoint

=item Sys::Virt::DomainCheckpoint::LIST_LEAVES

Filter by checkpoints
with no children

=item Sys::Virt::DomainCheckpoint::LIST_NO_LEAVES

Filter by checkpoints
that have children

=item Sys::Virt::DomainCheckpoint::LIST_TOPOLOGICAL

Ensure parents occur
before children in
the resulting list

=item Sys::Virt::DomainCheckpoint::XML_SECURE

Include sensitive data

=item Sys::Virt::DomainCheckpoint::XML_SIZE

Include dynamic
per-E<lt>diskE<gt> size

=item Sys::Virt::DomainCheckpoint::XML_NO_DOMAIN

Suppress E<lt>domainE<gt>
subelement

=back

=for generated-constants end

=head1 SEE ALSO

L<Sys::Virt>

=cut
