#!/usr/bin/perl
# Sys::Virt::Domain on libvirt's in-process test driver: lookups, info,
# lifecycle, define/undefine, lists, and the error paths.
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);

use Sys::Virt::Domain;    # alone: loads Sys::Virt itself

my $conn = Sys::Virt->new(uri => 'test:///default');

sub error_code_is {
    my ($e, $code, $name) = @_;
    subtest $name => sub {
        isa_ok($e, 'Sys::Virt::Error');
        is(eval { $e->code }, $code, 'code');
        is(eval { $e->level }, Sys::Virt::Error::LEVEL_ERROR(), 'level');
    };
}

# ---- lookups ------------------------------------------------------------
my $dom = $conn->get_domain_by_name('test');
isa_ok($dom, 'Sys::Virt::Domain');
is($dom->get_name, 'test', 'get_name');
my $id = $dom->get_id;
ok($id > 0, "running domain has an id ($id)");

my $uuid = $dom->get_uuid;
is(length($uuid), 16, 'get_uuid: 16 raw bytes');
my $uuid_string = $dom->get_uuid_string;
like($uuid_string, qr/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'get_uuid_string');
(my $hex = $uuid_string) =~ s/-//g;
is(unpack('H*', $uuid), $hex, 'raw and printable UUID agree');

is($conn->get_domain_by_id($id)->get_name, 'test', 'get_domain_by_id');
is($conn->get_domain_by_uuid($uuid)->get_name, 'test', 'get_domain_by_uuid (raw)');
is($conn->get_domain_by_uuid($uuid_string)->get_name, 'test', 'get_domain_by_uuid (36 chars)');
is($conn->get_domain_by_uuid($hex)->get_name, 'test', 'get_domain_by_uuid (32 hex)');
is(Sys::Virt::Domain->_new(connection => $conn, name => 'test')->get_uuid_string, $uuid_string,
   'private constructor _new(connection => ..., name => ...)');
is(Sys::Virt::Domain->_new(connection => $conn, uuid => $uuid)->get_name, 'test', '_new(uuid => raw)');

{
    package My::Domain;
    our @ISA = ('Sys::Virt::Domain');
}
my $sub = My::Domain->_new(connection => $conn, id => $id);
isa_ok($sub, 'My::Domain', '_new blesses into the calling subclass');
is($sub->get_name, 'test', 'methods work on a subclass object');

# ---- info and XML ------------------------------------------------------
my $info = $dom->get_info;
is(ref $info, 'HASH', 'get_info returns a hash reference');
is_deeply([sort keys %$info], [sort qw(state maxMem memory nrVirtCpu cpuTime)], 'get_info keys');
is($info->{state}, Sys::Virt::Domain::STATE_RUNNING(), 'state: running');
ok($info->{maxMem} >= $info->{memory} && $info->{memory} > 0, 'memory sizes');
ok($info->{nrVirtCpu} >= 1, 'nrVirtCpu');
like($info->{cpuTime}, qr/^\d+$/, "cpuTime is an exact integer ($info->{cpuTime})");
cmp_ok($info->{cpuTime}, '>', 2**32, 'cpuTime beyond 32 bits stays exact');

my $xml = $dom->get_xml_description;
like($xml, qr{<name>test</name>}, 'get_xml_description');
like($dom->get_xml_description(Sys::Virt::Domain::XML_INACTIVE()), qr{<uuid>\Q$uuid_string\E</uuid>},
     'get_xml_description(XML_INACTIVE)');
ok($dom->is_active, 'is_active');
ok($dom->is_persistent, 'is_persistent');

# ---- lifecycle ---------------------------------------------------------
$dom->suspend;
is($dom->get_info->{state}, Sys::Virt::Domain::STATE_PAUSED(), 'suspend');
$dom->resume;
is($dom->get_info->{state}, Sys::Virt::Domain::STATE_RUNNING(), 'resume');
$dom->destroy;
ok(!$dom->is_active, 'destroy: not active');
is($dom->get_id, -1, 'get_id of a stopped domain is -1');
is($dom->get_info->{state}, Sys::Virt::Domain::STATE_SHUTOFF(), 'state: shut off');
error_code_is(exception { $conn->get_domain_by_id($id) }, Sys::Virt::Error::ERR_NO_DOMAIN(),
              'get_domain_by_id of a stopped domain');
isa_ok(exception { $dom->resume }, 'Sys::Virt::Error', 'resume a stopped domain');
$dom->create;
ok($dom->is_active, 'create starts it again');
ok($dom->get_id > 0, 'and it has an id again');

# ---- define / undefine, create_domain ------------------------------------
my $name = "perl-defined-$$";
my $new_xml = <<"XML";
<domain type='test'>
  <name>$name</name>
  <memory>65536</memory>
  <vcpu>1</vcpu>
  <os><type>hvm</type></os>
</domain>
XML
my $def = $conn->define_domain($new_xml);
isa_ok($def, 'Sys::Virt::Domain', 'define_domain');
ok($def->is_persistent, 'defined domain is persistent');
ok(!$def->is_active, 'and not running');
is($def->get_id, -1, 'and has no id');
is($conn->get_domain_by_name($name)->get_uuid_string, $def->get_uuid_string, 'found by name');
ok((grep { $_->get_name eq $name } $conn->list_all_domains), 'list_all_domains has it');
ok(!(grep { $_->get_name eq $name } $conn->list_all_domains(Sys::Virt::Domain::LIST_ACTIVE())),
   'list_all_domains(LIST_ACTIVE) does not');
$def->create;
ok($def->is_active, 'create a defined domain');
ok((grep { $_->get_name eq $name } $conn->list_all_domains(Sys::Virt::Domain::LIST_ACTIVE())),
   'now LIST_ACTIVE has it');
$def->destroy;
$def->undefine;
error_code_is(exception { $conn->get_domain_by_name($name) }, Sys::Virt::Error::ERR_NO_DOMAIN(),
              'undefined domain is gone');
error_code_is(exception { $def->get_info }, Sys::Virt::Error::ERR_NO_DOMAIN(),
              'using an undefined domain object dies cleanly');

my $transient = $conn->create_domain($new_xml);
ok($transient->is_active, 'create_domain: running');
ok(!$transient->is_persistent, 'create_domain: transient');
$transient->destroy;
error_code_is(exception { $conn->get_domain_by_name($name) }, Sys::Virt::Error::ERR_NO_DOMAIN(),
              'a destroyed transient domain is gone');

my $flagged = $conn->define_domain($new_xml, Sys::Virt::Domain::DEFINE_VALIDATE());
ok($flagged->is_persistent, 'define_domain with flags');
$flagged->undefine(Sys::Virt::Domain::UNDEFINE_MANAGED_SAVE());
ok(!(grep { $_->get_name eq $name } $conn->list_all_domains), 'undefine with flags');

error_code_is(exception { $conn->define_domain('<domain>') }, Sys::Virt::Error::ERR_XML_DETAIL(),
              'define_domain with broken XML');

{
    # Names are passed and returned as bytes, as the classic binding does:
    # what get_name returns looks the domain up again.
    my $uname = "caf\x{e9}-$$";
    utf8::upgrade($uname);
    (my $uxml = $new_xml) =~ s/\Q$name\E/$uname/;
    my $u = $conn->define_domain($uxml);
    my $got = $u->get_name;
    is($got, do { my $b = $uname; utf8::encode($b); $b }, 'a non-ASCII name comes back as its UTF-8 bytes');
    is($conn->get_domain_by_name($got)->get_uuid_string, $u->get_uuid_string, 'and finds the domain again');
    is($conn->get_domain_by_name($uname)->get_uuid_string, $u->get_uuid_string, 'so does the character string');
    $u->undefine;
}

my @all = $conn->list_all_domains;
ok(@all >= 1, 'list_all_domains');
ok(!(grep { !$_->isa('Sys::Virt::Domain') } @all), 'all are Sys::Virt::Domain objects');

# ---- errors ------------------------------------------------------------
error_code_is(exception { $conn->get_domain_by_name('no-such-domain') }, Sys::Virt::Error::ERR_NO_DOMAIN(),
              'unknown name');
like("" . exception { $conn->get_domain_by_name('no-such-domain') },
     qr/^libvirt error code: \d+, message: .*Domain not found/, 'error stringifies');
error_code_is(exception { $conn->get_domain_by_uuid('00000000-0000-0000-0000-000000000000') },
              Sys::Virt::Error::ERR_NO_DOMAIN(), 'unknown UUID');
like(exception { $conn->get_domain_by_uuid('abc') }, qr/UUID must be either 16 unsigned bytes/, 'UUID of bad length');
like(exception { $conn->get_domain_by_id('one') },
     qr/^Sys::Virt::get_domain_by_id: 'id' must be a number, not 'one'/, 'id not a number');
like(exception { $conn->get_domain_by_name(undef) },
     qr/^Sys::Virt::get_domain_by_name: 'name' must be a string, not undef/, 'name undef');
like(exception { $conn->define_domain(undef) },
     qr/^Sys::Virt::define_domain: 'xml' must be a string, not undef/, 'xml undef');
like(exception { $conn->create_domain($new_xml, 'fast') },
     qr/^Sys::Virt::create_domain: 'flags' must be a number/, 'create_domain flags not a number');
like(exception { $dom->create('now') },
     qr/^Sys::Virt::Domain::create: 'flags' must be a number, not 'now'/, 'create flags not a number');
like(exception { $dom->get_xml_description([]) },
     qr/^Sys::Virt::Domain::get_xml_description: 'flags' must be a number/, 'flags a reference');
like(exception { $conn->list_all_domains('all') },
     qr/^Sys::Virt::list_all_domains: 'flags' must be a number/, 'list flags not a number');
like(exception { Sys::Virt::Domain::get_name(undef) },
     qr/^Sys::Virt::Domain::get_name: 'dom' is undef, not a Sys::Virt::Domain object/, 'undef object');
like(exception { Sys::Virt::Domain::get_info($conn) },
     qr/^Sys::Virt::Domain::get_info: 'dom' is not a Sys::Virt::Domain object/, 'object of the wrong class');
like(exception { Sys::Virt::Domain::get_info('test') },
     qr/'dom' is not a Sys::Virt::Domain object/, 'a plain string as the object');
like(exception { Sys::Virt::get_domain_by_name($dom, 'test') },
     qr/^Sys::Virt::get_domain_by_name: 'con' is not a Sys::Virt object/, 'a domain as the connection');
like(exception { $dom->screenshot(undef, 0) },
     qr/^Sys::Virt::Domain::screenshot: 'st' is undef, not a Sys::Virt::Stream object/, 'screenshot without a stream');
like(exception { $dom->open_console($conn, undef) },
     qr/^Sys::Virt::Domain::open_console: 'st' is not a Sys::Virt::Stream object/, 'open_console with a connection');
like(exception { Sys::Virt::Domain->_new(connection => $conn) },
     qr/name, id, uuid or xml parameters are required/, '_new without a key');
{
    my $copy = bless \(my $x = 0), 'Sys::Virt::Domain';
    like(exception { $copy->get_name }, qr/'dom' is a Sys::Virt::Domain object that is no longer valid/,
         'an object with no handle');
}

# ---- consoles and channels: the test driver has none ----------------------
{
    my $st = $conn->new_stream;
    my $e = exception { $dom->open_console($st, undef) };
    isa_ok($e, 'Sys::Virt::Error', 'open_console on the test driver');
    $e = exception { $dom->open_channel($st, 'org.qemu.guest_agent.0', 0) };
    isa_ok($e, 'Sys::Virt::Error', 'open_channel on the test driver');
}

# ---- the domain keeps its connection alive -------------------------------
{
    my ($orphan, $st);
    {
        my $c2 = Sys::Virt->new(uri => 'test:///default');
        $orphan = $c2->get_domain_by_name('test');
        $st = $c2->new_stream;
    }
    is($orphan->get_name, 'test', 'domain still works after its connection object was dropped');
    ok($orphan->get_info->{maxMem} > 0, 'get_info too');
    is($orphan->screenshot($st, 0), 'image/png', 'and it can still start a screenshot');
    my $e = exception { $dom->screenshot($st, 0) };
    isa_ok($e, 'Sys::Virt::Error', 'a stream of another connection');
}

done_testing;
