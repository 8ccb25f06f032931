package Sys::Virt::Secret;

use strict;
use warnings;

require Sys::Virt;

our $VERSION = '12.7.0.0';

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

=item my $uuid = $secret->get_uuid()

The secret's UUID as 16 raw bytes.

=item my $uuid = $secret->get_uuid_string()

The secret's UUID in printable form,
C<XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX>.

=item my $type = $secret->get_usage_type()

What the secret is used for: one of the C<USAGE_TYPE_*> constants. It
determines the form of the usage id.

=item my $id = $secret->get_usage_id()

The identifier of the object the secret is used with: for a volume
secret, the volume's path; for a Ceph or iSCSI secret, the name its
definition gives.

=item my $xml = $secret->get_xml_description($flags=0)

The secret's XML description (never its value). C<$flags> is unused and
should be 0.

=item my $bytes = $secret->get_value($flags=0)

The secret's value, as the bytes stored (binary-safe: any byte, NUL
included). A secret without a value dies with a L<Sys::Virt::Error>
(C<ERR_NO_SECRET>). A private secret's value cannot be read. C<$flags> is
unused and should be 0.

=item $secret->set_value($bytes, $flags=0)

Sets the secret's value to the bytes of C<$bytes> (binary-safe). A string
with characters above 255 dies ("wide characters"): encode it first (for
example with C<Encode::encode_utf8>). C<$flags> is unused and should be 0.

=item $secret->undefine()

Deletes the secret (its definition and value).

=back

Secret events (C<EVENT_ID_LIFECYCLE>, C<EVENT_ID_VALUE_CHANGED>) are
received with C<secret_event_register_any> of L<Sys::Virt>.

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

Defined where Sys::Virt is built against libvirt 7.7.0 or newer.

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
