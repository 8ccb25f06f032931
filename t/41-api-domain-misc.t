# Jobs, block jobs, migration, snapshots by name, save, files and keys of
# Sys::Virt::Domain (data/api.tsv, hand-written shapes) on test:///default.
# Calls the test driver lacks still reach libvirt and die with its error
# as a Sys::Virt::Error.
use strict;
use warnings;
use lib 't/lib';
use File::Temp qw(tempdir);
use Test::More;
use Sys::Virt;
use Test::ClassicOracle qw(classic_available run_classic run_ours);

my $conn = Sys::Virt->new(uri => "test:///default");
my $dom = $conn->get_domain_by_name("test");

sub dies_like(&$$) {
    my ($code, $re, $name) = @_;
    local $@;
    eval { $code->() };
    like($@, $re, $name);
}

sub dies_libvirt(&$) {
    my ($code, $name) = @_;
    local $@;
    eval { $code->() };
    isa_ok($@, "Sys::Virt::Error", $name);
}

# Jobs and block jobs: unsupported by the test driver.
dies_libvirt { $dom->get_job_info } "get_job_info";
dies_libvirt { $dom->get_job_stats } "get_job_stats";
dies_libvirt { $dom->get_job_stats(Sys::Virt::Domain::JOB_STATS_COMPLETED) } "get_job_stats with flags";
dies_libvirt { $dom->get_block_job_info("vda") } "get_block_job_info";
dies_libvirt { $dom->block_copy("vda", "<disk type='file'><source file='/tmp/x'/></disk>", {}) } "block_copy";
dies_libvirt { $dom->block_copy("vda", "<disk/>", { Sys::Virt::Domain::BLOCK_COPY_BANDWIDTH() => 1000,
                                                     Sys::Virt::Domain::BLOCK_COPY_GRANULARITY() => 512 }) }
    "block_copy with parameters";
dies_like { $dom->block_copy("vda", "<disk/>", { speed => 1 }) } qr/^Sys::Virt::Domain::block_copy: unknown parameter 'speed'/,
    "block_copy: unknown parameter";
dies_like { $dom->block_copy("vda", "<disk/>", { bandwidth => "fast" }) } qr/block_copy: parameter 'bandwidth' must be an integer/,
    "block_copy: typed parameter";
dies_like { $dom->block_copy("vda", "<disk/>", { granularity => 2**32 }) } qr/parameter 'granularity' must be an integer in range/,
    "block_copy: unsigned int parameter range";
dies_like { $dom->block_copy("vda", "<disk/>") } qr/^Usage: Sys::Virt::Domain::block_copy\(dom, path, destxml, params, flags=0\)/,
    "block_copy: params required";

# Migration: both calling conventions reach libvirt.
my $dest = Sys::Virt->new(uri => "test:///default");
dies_libvirt { $dom->migrate($dest, {}) } "migrate (hash)";
dies_libvirt { $dom->migrate($dest, { Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME() => "moved",
                                      Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH() => 2**40,
                                      Sys::Virt::Domain::MIGRATE_PARAM_MIGRATE_DISKS() => ["vda", "vdb"] },
                              Sys::Virt::Domain::MIGRATE_LIVE) } "migrate (hash, a repeated parameter)";
dies_libvirt { $dom->migrate($dest, 0, "moved", "tcp://host", 100) } "migrate (positional)";
dies_libvirt { $dom->migrate($dest) } "migrate (nothing but the connection)";
dies_libvirt { $dom->migrate2($dest, undef, 0, "moved", undef, 0) } "migrate2";
dies_libvirt { $dom->migrate_to_uri("test:///default", {}) } "migrate_to_uri (hash)";
dies_libvirt { $dom->migrate_to_uri("test:///default", 0, "moved", undef, 0) } "migrate_to_uri (positional)";
dies_libvirt { $dom->migrate_to_uri2("test:///default", "tcp://host", undef, 0, "moved", 0) }
    "migrate_to_uri2 (the classic binding's dies calling a missing method)";
dies_like { $dom->migrate($dest, { bogus => 1 }) } qr/^Sys::Virt::Domain::migrate: unknown parameter 'bogus'/,
    "migrate: unknown parameter";
dies_like { $dom->migrate($dest, { Sys::Virt::Domain::MIGRATE_PARAM_URI() => ["a", "b"] }) }
    qr/migrate: parameter 'migrate_uri' takes one value, not a list/, "migrate: a list for a single parameter";
dies_like { $dom->migrate($dest, { Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH() => "fast" }) }
    qr/migrate: parameter 'bandwidth' must be an integer/, "migrate: typed parameter";
dies_like { $dom->migrate($dest, 0, undef, undef, "fast") }
    qr/migrate: parameter 'bandwidth' must be an integer/, "migrate (positional): typed bandwidth";
dies_like { $dom->migrate("test:///default", {}) } qr/'destcon' is not a Sys::Virt object/, "migrate: a connection is due";
dies_like { Sys::Virt::Domain::migrate(undef, $dest, {}) } qr/'dom' is undef, not a Sys::Virt::Domain object/,
    "migrate: undef as the domain";
dies_like { Sys::Virt::Domain::migrate_to_uri2($conn, "test:///default") } qr/'dom' is not a Sys::Virt::Domain object/,
    "migrate_to_uri2: a connection as the domain";
dies_like { $dom->migrate_to_uri(undef, {}) } qr/migrate_to_uri: 'desturi' must be a string, not undef/,
    "migrate_to_uri: a URI is due";

# What the positional forms hand on.
{
    my @calls;
    no warnings 'redefine';
    local *Sys::Virt::Domain::_migrate = sub { shift; push @calls, [@_]; "migrated" };
    local *Sys::Virt::Domain::_migrate_to_uri = sub { shift; push @calls, [@_]; undef };
    is($dom->migrate($dest, { a => 1 }, 3), "migrated", "migrate returns the new domain");
    $dom->migrate($dest, 3, "moved", "tcp://host", 100);
    $dom->migrate($dest);
    $dom->migrate2($dest, "<domain/>", 1, undef, "tcp://h", undef);
    $dom->migrate_to_uri("qemu+ssh://h/system", 2, "moved", "tcp://host", 5);
    $dom->migrate_to_uri2("qemu+ssh://h/system", "tcp://mig", "<domain/>", 4, "n", 7);
    is_deeply(\@calls, [
        [$dest, { a => 1 }, 3],
        [$dest, { destination_name => "moved", migrate_uri => "tcp://host", bandwidth => 100 }, 3],
        [$dest, {}, undef],
        [$dest, { destination_xml => "<domain/>", migrate_uri => "tcp://h" }, 1],
        ["qemu+ssh://h/system", { destination_name => "moved", migrate_uri => "tcp://host", bandwidth => 5 }, 2],
        # The documented order (the classic code reads dxml where miguri is).
        ["qemu+ssh://h/system", { migrate_uri => "tcp://mig", destination_xml => "<domain/>",
                                  destination_name => "n", bandwidth => 7 }, 4],
    ], "positional forms become parameters");
}

# Graphics, keys, vCPUs, files
dies_libvirt { $dom->open_graphics(0, 0) } "open_graphics";
dies_libvirt { $dom->open_graphics_fd(0) } "open_graphics_fd";
dies_like { $dom->open_graphics(0, "stdin") } qr/open_graphics: 'fd' must be a number/, "open_graphics: fd is an integer";
$dom->send_key(Sys::Virt::Domain::KEYCODE_SET_LINUX, 10, [30, 48, 46]);
pass("send_key");
dies_like { $dom->send_key(0, 10, 30) } qr/send_key: 'keycodes' must be an ARRAY reference/, "send_key: a list is due";
dies_like { $dom->send_key(0, 10, [-1]) } qr/send_key: 'keycodes' element 0 is out of range/, "send_key: key code range";
dies_like { $dom->send_key(0, 10, ["a"]) } qr/send_key: 'keycodes\[0\]' must be a number, not 'a'/, "send_key: key codes are numbers";
dies_libvirt { $dom->set_vcpu("0", 1) } "set_vcpu";
dies_libvirt { $dom->set_guest_vcpus("0-1", 0) } "set_guest_vcpus";
dies_libvirt { $dom->fd_associate("fds", [0]) } "fd_associate";
dies_like { $dom->fd_associate("fds", 0) } qr/fd_associate: 'fds' must be an ARRAY reference/, "fd_associate: a list is due";
dies_libvirt { $dom->create_with_files([]) } "create_with_files on a running domain";
dies_like { $dom->create_with_files([2**40]) } qr/create_with_files: 'fds' element 0 is out of range/, "create_with_files: fd range";
{
    my $new = $conn->define_domain("<domain type='test'><name>t41misc</name><memory>8192</memory>"
                                   . "<os><type>hvm</type></os></domain>");
    ok(!$new->is_active, "defined, inactive");
    $new->create_with_files([]);
    ok($new->is_active, "create_with_files starts it");
    $new->destroy;
    $new->undefine;
}

# Snapshots by name
my $s1 = $dom->create_snapshot("<domainsnapshot><name>s1</name></domainsnapshot>");
my $s2 = $dom->create_snapshot("<domainsnapshot><name>s2</name></domainsnapshot>");
my $s3 = $dom->create_snapshot("<domainsnapshot><name>s3</name></domainsnapshot>");
is_deeply([sort $dom->list_snapshot_names(10)], [qw(s1 s2 s3)], "list_snapshot_names");
is(scalar(my @one = $dom->list_snapshot_names(1)), 1, "list_snapshot_names: at most maxnames (the classic binding pads with undef)");
is_deeply([$dom->list_snapshot_names(0)], [], "list_snapshot_names(0)");
dies_libvirt { $dom->list_snapshot_names(-1) } "list_snapshot_names: negative maxnames";
dies_like { $dom->list_snapshot_names } qr/^Usage: Sys::Virt::Domain::list_snapshot_names\(dom, maxnames, flags=0\)/,
    "list_snapshot_names: maxnames required, as in the classic binding";
my @snaps = $dom->list_snapshots;
is_deeply([sort map { $_->get_name } @snaps], [qw(s1 s2 s3)], "list_snapshots");
isa_ok($snaps[0], "Sys::Virt::DomainSnapshot", "list_snapshots element");
is_deeply([$s1->list_child_snapshot_names(10)], ["s2"], "list_child_snapshot_names");
is_deeply([sort $s1->list_child_snapshot_names(10, Sys::Virt::DomainSnapshot::LIST_DESCENDANTS)], [qw(s2 s3)],
          "list_child_snapshot_names with flags");
# The classic binding's list_child_snapshots always returns nothing (it
# looks the names up on the snapshot as if it were a domain).
my @children = $s2->list_child_snapshots;
is_deeply([map { $_->get_name } @children], ["s3"], "list_child_snapshots");
isa_ok($children[0], "Sys::Virt::DomainSnapshot", "list_child_snapshots element");
is_deeply([$s3->list_child_snapshots], [], "list_child_snapshots of a leaf");
$_->delete for $s3, $s2, $s1;
is_deeply([$dom->list_snapshots], [], "list_snapshots: none");

SKIP: {
    skip "the classic binding is not unpacked here", 3 unless classic_available();
    my $setup = 'my $s = $dom->create_snapshot("<domainsnapshot><name>a</name></domainsnapshot>");'
              . '$dom->create_snapshot("<domainsnapshot><name>b</name></domainsnapshot>");';
    for my $code ("$setup sort \$dom->list_snapshot_names(5)",
                  "$setup \$s->list_child_snapshot_names(5)",
                  "$setup sort map { \$_->get_name } \$dom->list_snapshots") {
        is_deeply(run_ours($code), run_classic($code), "as the classic binding: $code");
    }
}

# Unsupported calls die with the same libvirt error code as in the classic binding.
SKIP: {
    skip "the classic binding is not unpacked here", 14 unless classic_available();
    for my $code ('$dom->get_job_info', '$dom->get_block_job_info("vda")', '$dom->block_peek("vda", 0, 8)',
                  '$dom->get_guest_info', '$dom->open_graphics_fd(0)', '$dom->migrate($conn, {}, 0)',
                  '$dom->set_iothread(1, { poll_max_ns => 5 })') {
        my $ours = run_ours($code);
        ok($ours->{died}, "dies: $code");
        is_deeply($ours, run_classic($code), "same error code as the classic binding: $code");
    }
}

# Save: stops the domain (last, since the domain is then off).
my $dir = tempdir(CLEANUP => 1);
dies_like { $dom->save() } qr/save: 'filename' is required without 'params'/, "save: a file is due";
dies_like { $dom->save("$dir/a", undef, { file => "$dir/b" }) } qr/save: 'file' is given both as an argument and in 'params'/,
    "save: the file given twice";
dies_like { $dom->save("$dir/a", undef, "file") } qr/save: 'params' must be a HASH reference/, "save: params is a hash";
dies_libvirt { $dom->save("$dir/a", undef, {}) } "save: an empty hash still means virDomainSaveParams";
dies_like { $dom->save(undef, undef, { files => "x" }) } qr/save: unknown parameter 'files'/, "save: unknown parameter";
# (The classic binding frees a scalar it does not own here: "Attempt to
# free unreferenced scalar".)
dies_libvirt { $dom->save(undef, undef, { file => "$dir/p" }) }
    "save with parameters (virDomainSaveParams, not in the test driver)";
dies_libvirt { $dom->save("$dir/x", "<domain/>") } "save with XML (the test driver refuses it)";
ok($dom->is_active, "still running");
$dom->save("$dir/saved");
ok(-s "$dir/saved", "save wrote the file");
ok(!$dom->is_active, "save stopped the domain");
$dom->create;

done_testing;
