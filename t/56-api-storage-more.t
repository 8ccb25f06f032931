#!/usr/bin/perl
# The rest of the storage API (data/api.tsv): pool build/delete/autostart,
# volume names, wipes, the connection's pool lists and lookups, source
# discovery and capabilities. Against the storage driver of a private daemon
# (dir pools in its temporary directory) and test:///default.
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use lib 't/lib';
use Test::LibvirtDaemon;

use Sys::Virt;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 120;

my $d = Test::LibvirtDaemon->start_or_skip;
my $conn = Sys::Virt->new(uri => $d->uri);

sub libvirt_error {
    my ($e, $code, $name) = @_;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    ok ref $e && $e->isa('Sys::Virt::Error'), "$name: a Sys::Virt::Error"
        or diag explain $e;
    is $e->code, $code, "$name: code" if ref $e && defined $code;
}

sub slurp {
    my ($path) = @_;
    open my $fh, '<:raw', $path or die "$path: $!";
    local $/;
    return scalar <$fh>;
}

sub scribble {
    my ($path, $data) = @_;
    open my $fh, '+<:raw', $path or die "$path: $!";
    print {$fh} $data;
    close $fh or die "$path: $!";
}

# ---- the connection's pool lists: one active transient pool to start with
is $conn->num_of_storage_pools, 1, 'num_of_storage_pools';
is_deeply [$conn->list_storage_pool_names(10)], [$d->pool_name], 'list_storage_pool_names';
is_deeply [$conn->list_storage_pool_names(0)], [], 'list_storage_pool_names(0)';
is_deeply [map { $_->get_name } $conn->list_storage_pools], [$d->pool_name], 'list_storage_pools';
isa_ok(($conn->list_storage_pools)[0], 'Sys::Virt::StoragePool');
is $conn->num_of_defined_storage_pools, 0, 'num_of_defined_storage_pools';
is_deeply [$conn->list_defined_storage_pool_names(10)], [], 'list_defined_storage_pool_names: none';
is_deeply [$conn->list_defined_storage_pools], [], 'list_defined_storage_pools: none';

my $pool = $conn->get_storage_pool_by_name($d->pool_name);
is $conn->get_storage_pool_by_target_path($d->pool_path)->get_name, $d->pool_name, 'get_storage_pool_by_target_path';
libvirt_error(exception { $conn->get_storage_pool_by_target_path('/no/such/dir') }, Sys::Virt::Error::ERR_NO_STORAGE_POOL(),
    'unknown target path');
is $pool->get_autostart, 0, 'get_autostart of a transient pool';
libvirt_error(exception { $pool->set_autostart(1) }, undef, 'set_autostart of a transient pool');

# ---- a persistent dir pool: define, build, autostart, start
my $path = $d->dir . '/pool2';
my $p2 = $conn->define_storage_pool("<pool type='dir'><name>pool2</name><target><path>$path</path></target></pool>");
is $conn->num_of_defined_storage_pools, 1, 'one defined pool';
is_deeply [$conn->list_defined_storage_pool_names(10)], ['pool2'], 'list_defined_storage_pool_names';
is_deeply [map { $_->get_name } $conn->list_defined_storage_pools], ['pool2'], 'list_defined_storage_pools';
ok !-d $path, 'no directory before build';
$p2->build;
ok -d $path, 'build made the directory';
$p2->build(0);
ok -d $path, 'build(0) again: the directory exists';
libvirt_error(exception { $p2->build(Sys::Virt::StoragePool::BUILD_NO_OVERWRITE()) }, Sys::Virt::Error::ERR_OPERATION_INVALID(),
    'build(BUILD_NO_OVERWRITE): a dir pool has no source device to check');
is $p2->get_autostart, 0, 'autostart off';
$p2->set_autostart(1);
is $p2->get_autostart, 1, 'set_autostart(1)';
$p2->set_autostart(0);
is $p2->get_autostart, 0, 'set_autostart(0)';
$p2->create;
is $conn->num_of_storage_pools, 2, 'two active pools';
is_deeply [sort $conn->list_storage_pool_names(10)], [sort $d->pool_name, 'pool2'], 'both listed';
is_deeply [sort map { $_->get_name } $conn->list_storage_pools], [sort $d->pool_name, 'pool2'], 'list_storage_pools';
is $conn->num_of_defined_storage_pools, 0, 'none inactive';
is $conn->get_storage_pool_by_target_path($path)->get_name, 'pool2', 'by target path';

# ---- volumes: names, lookups, wipes
is $p2->num_of_storage_volumes, 0, 'num_of_storage_volumes: empty';
is_deeply [$p2->list_storage_vol_names(10)], [], 'list_storage_vol_names: empty';
is_deeply [$p2->list_volumes], [], 'list_volumes: empty';
my $size = 65536;
my $v1 = $p2->create_volume("<volume><name>a.img</name><capacity>$size</capacity><target><format type='raw'/></target></volume>");
my $v2 = $p2->create_volume("<volume><name>b.img</name><capacity>$size</capacity><target><format type='raw'/></target></volume>");
is $p2->num_of_storage_volumes, 2, 'num_of_storage_volumes';
is_deeply [sort $p2->list_storage_vol_names(10)], ['a.img', 'b.img'], 'list_storage_vol_names';
is scalar(my @one = $p2->list_storage_vol_names(1)), 1, 'list_storage_vol_names honours maxnames';
is_deeply [sort map { $_->get_name } $p2->list_volumes], ['a.img', 'b.img'], 'list_volumes';
isa_ok(($p2->list_volumes)[0], 'Sys::Virt::StorageVol');
is $conn->get_storage_pool_by_volume($v1)->get_name, 'pool2', 'get_storage_pool_by_volume';
is $conn->get_storage_pool_by_volume($conn->get_storage_volume_by_path($v2->get_path))->get_uuid_string,
    $p2->get_uuid_string, 'get_storage_pool_by_volume of a volume found by path';

scribble($v1->get_path, "secret data");
$v1->wipe;
is slurp($v1->get_path), "\0" x $size, 'wipe: zeros';
scribble($v1->get_path, "more data");
$v1->wipe(0);
is slurp($v1->get_path), "\0" x $size, 'wipe(0)';
scribble($v2->get_path, "data");
$v2->wipe_pattern(Sys::Virt::StorageVol::WIPE_ALG_ZERO());
is slurp($v2->get_path), "\0" x $size, 'wipe_pattern(WIPE_ALG_ZERO)';
libvirt_error(exception { $v2->wipe_pattern(999) }, Sys::Virt::Error::ERR_INVALID_ARG(), 'wipe_pattern: unknown algorithm');

# ---- stop, delete, undefine
$v1->delete;
$v2->delete;
$p2->destroy;
libvirt_error(exception { $p2->build(Sys::Virt::StoragePool::BUILD_OVERWRITE() | Sys::Virt::StoragePool::BUILD_NO_OVERWRITE()) },
    undef, 'build with contradicting flags');
$p2->delete;
ok !-d $path, 'delete removed the directory';
libvirt_error(exception { $p2->delete(0) }, undef, 'delete twice');
$p2->undefine;
is $conn->num_of_defined_storage_pools, 0, 'undefined';
libvirt_error(exception { $p2->get_autostart }, Sys::Virt::Error::ERR_NO_STORAGE_POOL(), 'get_autostart of an undefined pool');

# ---- source discovery and capabilities
like $conn->get_storage_pool_capabilities, qr{^<storagepoolCapabilities>.*<pool type='dir' supported='yes'>}s,
    'get_storage_pool_capabilities';
like $conn->get_storage_pool_capabilities(0), qr{<storagepoolCapabilities>}, 'get_storage_pool_capabilities(0)';
libvirt_error(exception { $conn->find_storage_pool_sources('dir', undef) }, Sys::Virt::Error::ERR_NO_SUPPORT(),
    'find_storage_pool_sources: a dir pool has no source discovery');
libvirt_error(exception { $conn->find_storage_pool_sources('no-such-type', undef, 0) }, undef,
    'find_storage_pool_sources: unknown pool type');

# ---- wrong arguments
like exception { $conn->get_storage_pool_by_volume(undef) }, qr/get_storage_pool_by_volume: 'vol' is undef, not a Sys::Virt::StorageVol object/,
    'get_storage_pool_by_volume(undef)';
like exception { $conn->get_storage_pool_by_volume($pool) }, qr/get_storage_pool_by_volume: 'vol' is not a Sys::Virt::StorageVol object/,
    'get_storage_pool_by_volume(a pool)';
like exception { $conn->get_storage_pool_by_target_path(undef) }, qr/'path' must be a string, not undef/, 'undef path';
like exception { $conn->list_storage_pool_names }, qr/^Usage: Sys::Virt::list_storage_pool_names\(con, maxnames\)/,
    'list_storage_pool_names needs maxnames';
like exception { $conn->list_defined_storage_pool_names('ten') }, qr/'maxnames' must be a number, not 'ten'/, 'maxnames must be a number';
like exception { $pool->list_storage_vol_names }, qr/^Usage: Sys::Virt::StoragePool::list_storage_vol_names\(pool, maxnames\)/,
    'list_storage_vol_names needs maxnames';
like exception { $pool->build('x') }, qr/build: 'flags' must be a number, not 'x'/, 'build flags';
like exception { $pool->set_autostart }, qr/^Usage: Sys::Virt::StoragePool::set_autostart\(pool, autostart\)/, 'set_autostart usage';
like exception { $conn->find_storage_pool_sources }, qr/^Usage: Sys::Virt::find_storage_pool_sources\(con, type, srcspec=undef, flags=0\)/,
    'find_storage_pool_sources usage';
like exception { Sys::Virt::StorageVol::wipe($pool) }, qr/'vol' is not a Sys::Virt::StorageVol object/, 'wipe of a pool';
like exception { $pool->get_autostart(1) }, qr/^Usage:/, 'too many arguments';
{
    my $v = $pool->create_volume("<volume><name>c.img</name><capacity>4096</capacity></volume>");
    like exception { $v->wipe_pattern }, qr/^Usage: Sys::Virt::StorageVol::wipe_pattern\(vol, algorithm, flags=0\)/, 'wipe_pattern usage';
    like exception { $v->wipe_pattern(-1) }, qr/wipe_pattern: 'algorithm' must not be negative/, 'negative algorithm';
    $v->delete;
}

# ---- test:///default
{
    my $t = Sys::Virt->new(uri => 'test:///default');
    my $tp = $t->get_storage_pool_by_name('default-pool');
    is_deeply [$t->list_storage_pool_names(10)], ['default-pool'], 'test driver: list_storage_pool_names';
    is $tp->get_autostart, 0, 'test driver: get_autostart';
    my $n = $tp->num_of_storage_volumes;
    my $v = $tp->create_volume("<volume><name>more-storage.img</name><capacity>1024</capacity></volume>");
    is $tp->num_of_storage_volumes, $n + 1, 'test driver: num_of_storage_volumes';
    ok((grep { $_ eq 'more-storage.img' } $tp->list_storage_vol_names(100)), 'test driver: list_storage_vol_names');
    is $t->get_storage_pool_by_volume($v)->get_name, 'default-pool', 'test driver: get_storage_pool_by_volume';
    libvirt_error(exception { $v->wipe }, Sys::Virt::Error::ERR_NO_SUPPORT(), 'test driver: no wipe');
    $v->delete;
    like $t->find_storage_pool_sources('logical', undef), qr{<sources>.*<name>testvg1</name>}s,
        'test driver: find_storage_pool_sources(logical)';
    like $t->find_storage_pool_sources('netfs', "<source><host name='nfs.example.org'/></source>"),
        qr{<host name='nfs.example.org'/>}, 'test driver: find_storage_pool_sources(netfs, srcspec)';
    libvirt_error(exception { $tp->build }, Sys::Virt::Error::ERR_OPERATION_INVALID(), 'test driver: build of an active pool');
}

done_testing;
