package Sys::Virt::Secret;

use strict;
use warnings;

require Sys::Virt;

our $VERSION = '9.0.0.1';

sub CLONE_SKIP { 1 }

1;
__END__

=head1 NAME

Sys::Virt::Secret - a secret (passphrase, key)

=head1 DESCRIPTION

A C<Sys::Virt::Secret> object is a secret (passphrase, key), as libvirt manages it. Objects come
from the methods of other objects (for example get_secret_by_uuid); each keeps its
connection open. Every method that fails in libvirt dies with a
L<Sys::Virt::Error>; a wrong argument dies with a plain message naming the
method and the argument.

=head1 METHODS

=over 4

=back

=head1 CONSTANTS

=for generated-constants begin

=over 4

=item Sys::Virt::Secret::USAGE_TYPE_NONE

The libvirt constant C<VIR_SECRET_USAGE_TYPE_NONE>.

=item Sys::Virt::Secret::USAGE_TYPE_VOLUME

The libvirt constant C<VIR_SECRET_USAGE_TYPE_VOLUME>.

=item Sys::Virt::Secret::USAGE_TYPE_CEPH

The libvirt constant C<VIR_SECRET_USAGE_TYPE_CEPH>.

=item Sys::Virt::Secret::USAGE_TYPE_ISCSI

The libvirt constant C<VIR_SECRET_USAGE_TYPE_ISCSI>.

=item Sys::Virt::Secret::USAGE_TYPE_TLS

The libvirt constant C<VIR_SECRET_USAGE_TYPE_TLS>.

=item Sys::Virt::Secret::USAGE_TYPE_VTPM

The libvirt constant C<VIR_SECRET_USAGE_TYPE_VTPM>.

=item Sys::Virt::Secret::DEFINE_VALIDATE

Validate the XML document against schema

=item Sys::Virt::Secret::LIST_EPHEMERAL

kept in memory, never
stored persistently

=item Sys::Virt::Secret::LIST_NO_EPHEMERAL

The libvirt constant C<VIR_CONNECT_LIST_SECRETS_NO_EPHEMERAL>.

=item Sys::Virt::Secret::LIST_PRIVATE

not revealed to any caller
of libvirt, nor to any other
node

=item Sys::Virt::Secret::LIST_NO_PRIVATE

The libvirt constant C<VIR_CONNECT_LIST_SECRETS_NO_PRIVATE>.

=item Sys::Virt::Secret::EVENT_ID_LIFECYCLE

virConnectSecretEventLifecycleCallback

=item Sys::Virt::Secret::EVENT_ID_VALUE_CHANGED

virConnectSecretEventGenericCallback

=item Sys::Virt::Secret::EVENT_DEFINED

The libvirt constant C<VIR_SECRET_EVENT_DEFINED>.

=item Sys::Virt::Secret::EVENT_UNDEFINED

The libvirt constant C<VIR_SECRET_EVENT_UNDEFINED>.

=back

=for generated-constants end

=head1 SEE ALSO

L<Sys::Virt>

=cut
