package Sys::Virt::DomainSnapshot;

use strict;
use warnings;

require Sys::Virt;

our $VERSION = '12.7.0.0';

sub CLONE_SKIP { 1 }

1;
__END__

=head1 NAME

Sys::Virt::DomainSnapshot - a snapshot of a domain

=head1 DESCRIPTION

A C<Sys::Virt::DomainSnapshot> object is a snapshot of a domain, as libvirt manages it. Objects come
from the methods of other objects (for example a domain's create_snapshot); each keeps its
connection open. Every method that fails in libvirt dies with a
L<Sys::Virt::Error>; a wrong argument dies with a plain message naming the
method and the argument.

=head1 METHODS

=over 4

=item my $result = $snapshot->get_name()

Get the public name for that snapshot. Returns a string. Calls C<virDomainSnapshotGetName>.

=item my $result = $snapshot->get_xml_description($flags=0)

Provide an XML description of the domain snapshot, with a top-level element of <domainsnapshot>. Returns a string. Calls C<virDomainSnapshotGetXMLDesc>.

=item $snapshot->delete($flags=0)

Delete the snapshot. Calls C<virDomainSnapshotDelete>.

=item $snapshot->revert_to($flags=0)

Revert the domain to a given snapshot. Calls C<virDomainRevertToSnapshot>.

=item my $result = $snapshot->get_parent($flags=0)

Get the parent snapshot for C<$snapshot>, if any. Returns a L<Sys::Virt::DomainSnapshot> object. Calls C<virDomainSnapshotGetParent>.

=item my $result = $snapshot->is_current($flags=0)

Determine if the given snapshot is the domain's current snapshot. Returns true or false. Calls C<virDomainSnapshotIsCurrent>.

=item my $result = $snapshot->has_metadata($flags=0)

Determine if the given snapshot is associated with libvirt metadata that would prevent the deletion of the domain. Returns true or false. Calls C<virDomainSnapshotHasMetadata>.

=item my $result = $snapshot->num_of_child_snapshots($flags=0)

Provides the number of child snapshots for this domain snapshot. Returns an integer. Calls C<virDomainSnapshotNumChildren>.

=item my @list = $snapshot->list_all_children($flags=0)

Collect the list of domain snapshots that are children of the given snapshot, and allocate an array to store those objects. Returns a list of L<Sys::Virt::DomainSnapshot> objects. Calls C<virDomainSnapshotListAllChildren>.

=item my @names = $snapshot->list_child_snapshot_names($maxnames, $flags=0)

Returns the names of up to C<$maxnames> children of this snapshot. Calls
C<virDomainSnapshotListChildrenNames>.

=item my @snapshots = $snapshot->list_child_snapshots()

Returns the children of this snapshot as L<Sys::Virt::DomainSnapshot>
objects, looked up by name (C<list_all_children> is cheaper).

=back

=head1 CONSTANTS

=for generated-constants begin

=over 4

=item Sys::Virt::DomainSnapshot::DELETE_CHILDREN

Also delete children

=item Sys::Virt::DomainSnapshot::DELETE_METADATA_ONLY

Delete just metadata

=item Sys::Virt::DomainSnapshot::DELETE_CHILDREN_ONLY

Delete just children

=item Sys::Virt::DomainSnapshot::CREATE_REDEFINE

Restore or alter
metadata

=item Sys::Virt::DomainSnapshot::CREATE_CURRENT

With redefine, make
snapshot current

=item Sys::Virt::DomainSnapshot::CREATE_NO_METADATA

Make snapshot without
remembering it

=item Sys::Virt::DomainSnapshot::CREATE_HALT

Stop running guest
after snapshot

=item Sys::Virt::DomainSnapshot::CREATE_DISK_ONLY

disk snapshot, not
full system

=item Sys::Virt::DomainSnapshot::CREATE_REUSE_EXT

reuse any existing
external files

=item Sys::Virt::DomainSnapshot::CREATE_QUIESCE

use guest agent to
quiesce all mounted
file systems within
the domain

=item Sys::Virt::DomainSnapshot::CREATE_ATOMIC

atomically avoid
partial changes

=item Sys::Virt::DomainSnapshot::CREATE_LIVE

create the snapshot
while the guest is
running

=item Sys::Virt::DomainSnapshot::CREATE_VALIDATE

validate the XML
against the schema

=item Sys::Virt::DomainSnapshot::LIST_ROOTS

Filter by snapshots
with no parents, when
listing a domain

=item Sys::Virt::DomainSnapshot::LIST_DESCENDANTS

List all descendants,
not just children, when
listing a snapshot

=item Sys::Virt::DomainSnapshot::LIST_METADATA

Filter by snapshots
which have metadata

=item Sys::Virt::DomainSnapshot::LIST_LEAVES

Filter by snapshots
with no children

=item Sys::Virt::DomainSnapshot::LIST_NO_LEAVES

Filter by snapshots
that have children

=item Sys::Virt::DomainSnapshot::LIST_NO_METADATA

Filter by snapshots
with no metadata

=item Sys::Virt::DomainSnapshot::LIST_ACTIVE

Filter by snapshots
taken while guest was
active, and with
memory state

=item Sys::Virt::DomainSnapshot::LIST_INACTIVE

Filter by snapshots
taken while guest was
shut off

=item Sys::Virt::DomainSnapshot::LIST_EXTERNAL

Filter by snapshots
that use files external
to disk images

=item Sys::Virt::DomainSnapshot::LIST_INTERNAL

Filter by snapshots
stored internal to
disk images

=item Sys::Virt::DomainSnapshot::LIST_DISK_ONLY

Filter by snapshots
taken while guest was
active, but without
memory state

=item Sys::Virt::DomainSnapshot::LIST_TOPOLOGICAL

Ensure parents occur
before children in
the resulting list

=item Sys::Virt::DomainSnapshot::REVERT_RUNNING

Run after revert

=item Sys::Virt::DomainSnapshot::REVERT_PAUSED

Pause after revert

=item Sys::Virt::DomainSnapshot::REVERT_FORCE

Allow risky reverts

=item Sys::Virt::DomainSnapshot::REVERT_RESET_NVRAM

Re-initialize NVRAM/varstore from template

Defined where Sys::Virt is built against libvirt 8.1.0 or newer.

=item Sys::Virt::DomainSnapshot::XML_SECURE

dump security sensitive information too

=back

=for generated-constants end

=head1 SEE ALSO

L<Sys::Virt>

=cut
