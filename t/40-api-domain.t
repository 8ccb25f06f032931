# Table-driven Domain, DomainSnapshot and DomainCheckpoint methods on
# test:///default (data/api.tsv; the rest of the Domain API is tested by
# area in t/4x-*.t).
use strict;
use warnings;
use lib 't/lib';
use Test::More;
use Test::LibvirtAPI;
use Sys::Virt;

my $conn = Sys::Virt->new(uri => "test:///default");
my $dom = $conn->get_domain_by_name("test");

is($dom->get_os_type, "linux", "get_os_type");
is($dom->get_autostart, 0, "get_autostart");
$dom->set_autostart(1);
is($dom->get_autostart, 1, "set_autostart");
$dom->set_autostart(0);
cmp_ok($dom->get_max_memory, '>', 0, "get_max_memory");
driver_call(virDomainGetControlInfo => sub { $dom->get_control_info }, sub {
    is_deeply([sort keys %{ $_[0] }], [qw(details state stateTime)], "get_control_info keys");
}, classic => '$dom->get_control_info');
my $bi = $dom->get_block_info("vda");
is_deeply([sort keys %$bi], [qw(allocation capacity physical)], "get_block_info keys");

# Snapshots
is($dom->num_of_snapshots, 0, "no snapshot yet");
my $snap = $dom->create_snapshot("<domainsnapshot><name>s1</name></domainsnapshot>");
isa_ok($snap, "Sys::Virt::DomainSnapshot");
is($snap->get_name, "s1", "snapshot name");
like($snap->get_xml_description, qr{<name>s1</name>}, "snapshot XML");
ok($snap->is_current, "is current");
ok($dom->has_current_snapshot, "has_current_snapshot");
is($dom->current_snapshot->get_name, "s1", "current_snapshot");
my $child = $dom->create_snapshot("<domainsnapshot><name>s2</name></domainsnapshot>");
is($child->get_parent->get_name, "s1", "get_parent");
is($snap->num_of_child_snapshots, 1, "num_of_child_snapshots");
is_deeply([map { $_->get_name } $snap->list_all_children], ["s2"], "list_all_children");
is_deeply([sort map { $_->get_name } $dom->list_all_snapshots], [qw(s1 s2)], "list_all_snapshots");
is($dom->get_snapshot_by_name("s2")->get_name, "s2", "get_snapshot_by_name");
$snap->revert_to;
$child->delete;
$snap->delete;
is($dom->num_of_snapshots, 0, "deleted");
my $e = do { local $@; eval { $dom->get_snapshot_by_name("s1") }; $@ };
isa_ok($e, "Sys::Virt::Error", "lookup of a deleted snapshot");

# Checkpoints
my $cp = $dom->create_checkpoint("<domaincheckpoint><name>c1</name></domaincheckpoint>");
isa_ok($cp, "Sys::Virt::DomainCheckpoint");
is($cp->get_name, "c1", "checkpoint name");
like($cp->get_xml_description, qr{<name>c1</name>}, "checkpoint XML");
is_deeply([map { $_->get_name } $dom->list_all_checkpoints], ["c1"], "list_all_checkpoints");
is($dom->get_checkpoint_by_name("c1")->get_name, "c1", "get_checkpoint_by_name");
$cp->delete;
is_deeply([$dom->list_all_checkpoints], [], "checkpoint deleted");

# Arguments: counted, typed, named in messages.
like(do { eval { $dom->set_memory() }; $@ }, qr/^Usage: Sys::Virt::Domain::set_memory\(dom, mem, flags=0\)/, "usage");
like(do { eval { $dom->set_memory("lots") }; $@ }, qr/set_memory: 'mem' must be a number, not 'lots'/, "non-numeric");
like(do { eval { $dom->get_os_type(1) }; $@ }, qr/^Usage:/, "too many arguments");
like(do { eval { Sys::Virt::Domain::get_os_type($conn) }; $@ }, qr/'dom' is not a Sys::Virt::Domain object/, "wrong class");
like(do { eval { $dom->get_block_info(undef) }; $@ }, qr/'dev' must be a string, not undef/, "undef string");
like(do { eval { $dom->set_autostart(-1, 2) }; $@ }, qr/^Usage:/, "extra argument");
like(do { eval { $dom->shutdown(-1) }; $@ }, qr/'flags' must not be negative/, "negative flags");

# An argument whose FETCH drops the last reference to the invocant: the
# object stays alive until the call returns.
{
    package DropOnFetch;
    sub TIESCALAR { my ($c, $r) = @_; bless { r => $r }, $c }
    sub FETCH { @{ $_[0]{r} } = (); 0 }
}
{
    my @keep = ($conn->get_domain_by_name("test"));
    tie my $flags, 'DropOnFetch', \@keep;
    is($keep[0]->get_hostname($flags) // 'x', $dom->get_hostname, "object kept alive across FETCH");
}

done_testing;
