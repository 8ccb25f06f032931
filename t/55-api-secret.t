#!/usr/bin/perl
# Sys::Virt::Secret and the connection's secret methods, against the secret
# driver of a private daemon (secret:///system).
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use lib 't/lib';
use Test::LibvirtAPI;
use Test::LibvirtDaemon;

use Sys::Virt;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 120;

my $d = Test::LibvirtDaemon->start_or_skip(drivers => [qw(storage secret)], pool => 0);
my $conn = Sys::Virt->new(uri => $d->uri_for('secret'));

sub libvirt_error {
    my ($e, $code, $name) = @_;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    ok ref $e && $e->isa('Sys::Virt::Error'), "$name: a Sys::Virt::Error"
        or diag explain $e;
    is $e->code, $code, "$name: code" if ref $e;
}

is $conn->num_of_secrets, 0, 'no secret yet';
is_deeply [$conn->list_all_secrets], [], 'list_all_secrets: empty';
is_deeply [$conn->list_secret_uuids(10)], [], 'list_secret_uuids: empty';
is_deeply [$conn->list_secrets], [], 'list_secrets: empty';

my $uuid = 'c0ffee00-1234-4321-abcd-0123456789ab';
my $path = '/var/lib/images/disk1.img';
my $xml = "<secret ephemeral='no' private='no'><uuid>$uuid</uuid>"
        . "<description>test secret</description>"
        . "<usage type='volume'><volume>$path</volume></usage></secret>";
my $s = $conn->define_secret($xml);
isa_ok $s, 'Sys::Virt::Secret';
is $s->get_uuid_string, $uuid, 'get_uuid_string';
(my $hex = $uuid) =~ s/-//g;
is unpack('H*', $s->get_uuid), $hex, 'get_uuid: 16 raw bytes';
is length($s->get_uuid), 16, 'get_uuid length';
is $s->get_usage_type, Sys::Virt::Secret::USAGE_TYPE_VOLUME(), 'get_usage_type';
is $s->get_usage_id, $path, 'get_usage_id';
like $s->get_xml_description, qr{<description>test secret</description>}, 'get_xml_description';
like $s->get_xml_description(0), qr{<volume>\Q$path\E</volume>}, 'get_xml_description(0)';

# No value yet: libvirt's error.
libvirt_error(exception { $s->get_value }, Sys::Virt::Error::ERR_NO_SECRET(), 'get_value without a value');

# Values are bytes: every byte value, NUL included, round-trips.
my $bytes = join '', map { chr } 0 .. 255;
$s->set_value($bytes);
my $got = $s->get_value;
is length($got), 256, 'get_value: 256 bytes';
ok $got eq $bytes, 'every byte round-trips (NUL, 0xff, ...)';
ok !utf8::is_utf8($got), 'a byte string';
$s->set_value("\0", 0);
is $s->get_value(0), "\0", 'a single NUL byte';
# A character string whose characters are all below 256 is stored as bytes.
my $latin = "caf\x{e9}";
utf8::upgrade($latin);
$s->set_value($latin);
is $s->get_value, "caf\xe9", 'an upgraded string is stored as its Latin-1 bytes';
like exception { $s->set_value("smile \x{263a}") }, qr/set_value: 'value' has wide characters/, 'wide characters die';
is $s->get_value, "caf\xe9", 'the value is unchanged after a refused set_value';
like exception { $s->set_value(undef) }, qr/set_value: 'value' must be a string, not undef/, 'undef value dies';
like exception { $s->set_value() }, qr/^Usage: Sys::Virt::Secret::set_value\(secret, value, flags=0\)/, 'set_value usage';
like exception { $s->get_value('x') }, qr/get_value: 'flags' must be a number, not 'x'/, 'non-numeric flags';
libvirt_error(exception { $s->get_value(1 << 20) }, Sys::Virt::Error::ERR_INVALID_ARG(), 'unknown flags');

# Lookups
is $conn->get_secret_by_uuid($uuid)->get_usage_id, $path, 'get_secret_by_uuid: printable form';
is $conn->get_secret_by_uuid($hex)->get_uuid_string, $uuid, 'get_secret_by_uuid: 32 hex digits';
is $conn->get_secret_by_uuid($s->get_uuid)->get_uuid_string, $uuid, 'get_secret_by_uuid: 16 raw bytes';
like exception { $conn->get_secret_by_uuid('abc') },
    qr/get_secret_by_uuid: UUID must be either 16 unsigned bytes, or 32\/36 hex characters long/, 'bad UUID length';
like exception { $conn->get_secret_by_uuid(undef) }, qr/get_secret_by_uuid: 'uuid' must be a string, not undef/, 'undef UUID';
libvirt_error(exception { $conn->get_secret_by_uuid('00000000-0000-0000-0000-000000000000') },
    Sys::Virt::Error::ERR_NO_SECRET(), 'unknown UUID');
is $conn->get_secret_by_usage(Sys::Virt::Secret::USAGE_TYPE_VOLUME(), $path)->get_uuid_string, $uuid,
    'get_secret_by_usage';
libvirt_error(exception { $conn->get_secret_by_usage(Sys::Virt::Secret::USAGE_TYPE_VOLUME(), '/nowhere') },
    Sys::Virt::Error::ERR_NO_SECRET(), 'get_secret_by_usage: unknown id');
like exception { $conn->get_secret_by_usage('volume', $path) },
    qr/get_secret_by_usage: 'usageType' must be a number, not 'volume'/, 'usage type must be a number';
like exception { $conn->get_secret_by_usage(1) }, qr/^Usage: Sys::Virt::get_secret_by_usage\(con, usageType, usageID\)/,
    'get_secret_by_usage usage';

# A second secret: a private, ephemeral Ceph one.
my $s2 = $conn->define_secret("<secret ephemeral='yes' private='yes'><usage type='ceph'><name>client.admin</name></usage></secret>",
    libvirt_has('VIR_SECRET_DEFINE_VALIDATE') ? Sys::Virt::Secret::DEFINE_VALIDATE() : 0);
is $s2->get_usage_type, Sys::Virt::Secret::USAGE_TYPE_CEPH(), 'ceph usage type';
is $s2->get_usage_id, 'client.admin', 'ceph usage id';
$s2->set_value('key');
libvirt_error(exception { $s2->get_value }, Sys::Virt::Error::ERR_INVALID_SECRET(), 'a private value cannot be read');

is $conn->num_of_secrets, 2, 'num_of_secrets';
is_deeply [sort $conn->list_secret_uuids(10)], [sort $uuid, $s2->get_uuid_string], 'list_secret_uuids';
is scalar(my @one = $conn->list_secret_uuids(1)), 1, 'list_secret_uuids honours maxuuids';
is_deeply [$conn->list_secret_uuids(0)], [], 'list_secret_uuids(0)';
like exception { $conn->list_secret_uuids }, qr/^Usage: Sys::Virt::list_secret_uuids\(con, maxuuids\)/, 'maxuuids is required';
is_deeply [sort map { $_->get_uuid_string } $conn->list_secrets], [sort $uuid, $s2->get_uuid_string], 'list_secrets';
isa_ok(($conn->list_secrets)[0], 'Sys::Virt::Secret');
is_deeply [sort map { $_->get_uuid_string } $conn->list_all_secrets], [sort $uuid, $s2->get_uuid_string], 'list_all_secrets';
is_deeply [map { $_->get_uuid_string } $conn->list_all_secrets(Sys::Virt::Secret::LIST_EPHEMERAL())],
    [$s2->get_uuid_string], 'list_all_secrets(LIST_EPHEMERAL)';
is_deeply [map { $_->get_uuid_string } $conn->list_all_secrets(Sys::Virt::Secret::LIST_NO_PRIVATE())],
    [$uuid], 'list_all_secrets(LIST_NO_PRIVATE)';

# Redefining with the same UUID replaces the definition, keeps the value.
$conn->define_secret("<secret ephemeral='no' private='no'><uuid>$uuid</uuid><description>changed</description>"
    . "<usage type='volume'><volume>$path</volume></usage></secret>");
like $s->get_xml_description, qr{<description>changed</description>}, 'define_secret replaces the definition';
is $s->get_value, "caf\xe9", 'the value stays';

libvirt_error(exception { $conn->define_secret('<secret') }, Sys::Virt::Error::ERR_XML_DETAIL(), 'bad XML');
like exception { $conn->define_secret(undef) }, qr/define_secret: 'xml' must be a string, not undef/, 'undef XML';
like exception { Sys::Virt::Secret::get_uuid($conn) }, qr/'secret' is not a Sys::Virt::Secret object/, 'wrong class';
like exception { Sys::Virt::Secret::undefine(undef) }, qr/'secret' is undef, not a Sys::Virt::Secret object/, 'undef object';

# Undefine: the objects still exist, libvirt says the secret does not.
$s2->undefine;
$s->undefine;
is $conn->num_of_secrets, 0, 'both undefined';
libvirt_error(exception { $s->get_value }, Sys::Virt::Error::ERR_NO_SECRET(), 'get_value after undefine');
libvirt_error(exception { $s->undefine }, Sys::Virt::Error::ERR_NO_SECRET(), 'undefine twice');
is $s->get_uuid_string, $uuid, 'the object still knows its UUID';

done_testing;
