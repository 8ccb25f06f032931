#!/usr/bin/perl
# Sys::Virt::StoragePool and Sys::Virt::StorageVol: on libvirt's test driver
# (lookups, info, volumes, lists, errors), then on a private daemon with a
# real `dir` pool (resize, 64-bit sizes, starting upload/download).
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use lib 't/lib';
use Test::LibvirtDaemon;

use Sys::Virt::StoragePool;    # alone: loads Sys::Virt itself
use Sys::Virt::StorageVol;

sub error_code_is {
    my ($e, $code, $name) = @_;
    subtest $name => sub {
        isa_ok($e, 'Sys::Virt::Error');
        is(eval { $e->code }, $code, 'code');
    };
}

my $conn = Sys::Virt->new(uri => 'test:///default');

# ---- pools -------------------------------------------------------------
my $pool = $conn->get_storage_pool_by_name('default-pool');
isa_ok($pool, 'Sys::Virt::StoragePool');
is($pool->get_name, 'default-pool', 'get_name');
my $uuid = $pool->get_uuid_string;
like($uuid, qr/^[0-9a-f-]{36}$/, 'get_uuid_string');
is(unpack('H*', $pool->get_uuid), join('', split /-/, $uuid), 'get_uuid: the same 16 bytes');
is($conn->get_storage_pool_by_uuid($uuid)->get_name, 'default-pool', 'get_storage_pool_by_uuid (string)');
is($conn->get_storage_pool_by_uuid($pool->get_uuid)->get_name, 'default-pool', 'get_storage_pool_by_uuid (raw)');
is(Sys::Virt::StoragePool->_new(connection => $conn, name => 'default-pool')->get_uuid_string, $uuid,
   'private constructor _new');

my $info = $pool->get_info;
is_deeply([sort keys %$info], [qw(allocation available capacity state)], 'get_info keys');
is($info->{state}, Sys::Virt::StoragePool::STATE_RUNNING(), 'state: running');
like($info->{capacity}, qr/^\d+$/, "capacity is an exact integer ($info->{capacity})");
cmp_ok($info->{capacity}, '>', 2**32, 'capacity beyond 32 bits');
like($pool->get_xml_description, qr{<name>default-pool</name>}, 'get_xml_description');
isa_ok(exception { $pool->get_xml_description(Sys::Virt::StoragePool::XML_INACTIVE()) }, 'Sys::Virt::Error',
       'get_xml_description(XML_INACTIVE): the test driver takes no flags');
ok($pool->is_active, 'is_active');
ok($pool->is_persistent, 'is_persistent');
$pool->refresh;
pass('refresh');
$pool->refresh(0);
pass('refresh(0)');

my @pools = $conn->list_all_storage_pools;
ok((grep { $_->get_name eq 'default-pool' } @pools), 'list_all_storage_pools');
ok(!(grep { !$_->isa('Sys::Virt::StoragePool') } @pools), 'as Sys::Virt::StoragePool objects');
is(scalar(() = $conn->list_all_storage_pools(Sys::Virt::StoragePool::LIST_INACTIVE())), 0,
   'list_all_storage_pools(LIST_INACTIVE): none');

$pool->destroy;
ok(!$pool->is_active, 'destroy');
is($pool->get_info->{state}, Sys::Virt::StoragePool::STATE_INACTIVE(), 'state: inactive');
$pool->create;
ok($pool->is_active, 'create');

my $pool_xml = <<"XML";
<pool type='dir'>
  <name>perl-pool-$$</name>
  <target><path>/perl-pool-$$</path></target>
</pool>
XML
my $defined = $conn->define_storage_pool($pool_xml);
ok($defined->is_persistent && !$defined->is_active, 'define_storage_pool: persistent, inactive');
$defined->create(0);
ok($defined->is_active, 'create a defined pool');
$defined->destroy;
$defined->undefine;
error_code_is(exception { $conn->get_storage_pool_by_name("perl-pool-$$") },
              Sys::Virt::Error::ERR_NO_STORAGE_POOL(), 'undefined pool is gone');
my $transient = $conn->create_storage_pool($pool_xml);
ok($transient->is_active && !$transient->is_persistent, 'create_storage_pool: active, transient');
$transient->destroy;
error_code_is(exception { $transient->get_info }, Sys::Virt::Error::ERR_NO_STORAGE_POOL(),
              'a destroyed transient pool object dies cleanly');

# ---- volumes -----------------------------------------------------------
my $vname = "perl-vol-$$.img";
my $vol = $pool->create_volume(<<"XML");
<volume><name>$vname</name><capacity>1048576</capacity></volume>
XML
isa_ok($vol, 'Sys::Virt::StorageVol', 'create_volume');
is($vol->get_name, $vname, 'get_name');
my $path = $vol->get_path;
like($path, qr/\Q$vname\E$/, "get_path ($path)");
my $key = $vol->get_key;
ok(length $key, "get_key ($key)");
my $vinfo = $vol->get_info;
is_deeply([sort keys %$vinfo], [qw(allocation capacity type)], 'get_info keys');
is($vinfo->{capacity}, 1048576, 'capacity');
is($vinfo->{type}, Sys::Virt::StorageVol::TYPE_FILE(), 'type: file');
like($vol->get_xml_description, qr{<name>\Q$vname\E</name>}, 'get_xml_description');

is($pool->get_volume_by_name($vname)->get_key, $key, 'get_volume_by_name');
is($conn->get_storage_volume_by_path($path)->get_name, $vname, 'get_storage_volume_by_path');
is($conn->get_storage_volume_by_key($key)->get_name, $vname, 'get_storage_volume_by_key');
is(Sys::Virt::StorageVol->_new(pool => $pool, name => $vname)->get_path, $path, '_new(pool, name)');
is(Sys::Virt::StorageVol->_new(connection => $conn, path => $path)->get_name, $vname, '_new(connection, path)');
is(Sys::Virt::StoragePool->_new(volume => $vol)->get_name, 'default-pool', 'StoragePool->_new(volume => ...)');
my @vols = $pool->list_all_volumes;
ok((grep { $_->get_name eq $vname } @vols), 'list_all_volumes');
ok(!(grep { !$_->isa('Sys::Virt::StorageVol') } @vols), 'as Sys::Virt::StorageVol objects');

# The test driver has no resize or transfers: libvirt errors, not crashes.
error_code_is(exception { $vol->resize(2 * 1048576) }, Sys::Virt::Error::ERR_NO_SUPPORT(), 'resize on the test driver');
error_code_is(exception { $vol->download($conn->new_stream, 0, 0) }, Sys::Virt::Error::ERR_NO_SUPPORT(),
              'download on the test driver');

$vol->delete;
error_code_is(exception { $pool->get_volume_by_name($vname) }, Sys::Virt::Error::ERR_NO_STORAGE_VOL(), 'delete');
error_code_is(exception { $conn->get_storage_volume_by_path($path) }, Sys::Virt::Error::ERR_NO_STORAGE_VOL(),
              'deleted volume not found by path');

# ---- argument errors ------------------------------------------------------
like(exception { $conn->get_storage_pool_by_name(undef) },
     qr/^Sys::Virt::get_storage_pool_by_name: 'name' must be a string, not undef/, 'pool name undef');
like(exception { $conn->get_storage_pool_by_uuid('1234') }, qr/UUID must be either 16 unsigned bytes/, 'bad UUID');
like(exception { $pool->get_volume_by_name(undef) },
     qr/^Sys::Virt::StoragePool::get_volume_by_name: 'name' must be a string, not undef/, 'volume name undef');
like(exception { $pool->create_volume(undef) },
     qr/^Sys::Virt::StoragePool::create_volume: 'xml' must be a string, not undef/, 'volume XML undef');
like(exception { $pool->list_all_volumes('x') },
     qr/^Sys::Virt::StoragePool::list_all_volumes: 'flags' must be a number/, 'flags not a number');
like(exception { Sys::Virt::StoragePool::get_info($conn) },
     qr/^Sys::Virt::StoragePool::get_info: 'pool' is not a Sys::Virt::StoragePool object/, 'wrong class');
like(exception { Sys::Virt::StorageVol::get_path(undef) },
     qr/^Sys::Virt::StorageVol::get_path: 'vol' is undef, not a Sys::Virt::StorageVol object/, 'undef volume');
like(exception { Sys::Virt::StorageVol::get_path($pool) },
     qr/'vol' is not a Sys::Virt::StorageVol object/, 'a pool as the volume');
error_code_is(exception { $pool->create_volume('<volume>') }, Sys::Virt::Error::ERR_XML_DETAIL(), 'broken volume XML');

{
    my $v2 = $pool->create_volume("<volume><name>args-$$</name><capacity>1024</capacity></volume>");
    my $st = $conn->new_stream;
    like(exception { $v2->download($st, -1, 0) },
         qr/^Sys::Virt::StorageVol::download: 'offset' must not be negative/, 'negative offset');
    like(exception { $v2->upload($st, 0, 'all') },
         qr/^Sys::Virt::StorageVol::upload: 'length' must be a number, not 'all'/, 'length not a number');
    like(exception { $v2->upload($st, 0, undef) },
         qr/^Sys::Virt::StorageVol::upload: 'length' must be a number, not undef/, 'length undef');
    like(exception { $v2->download($st, 1.5, 0) },
         qr/^Sys::Virt::StorageVol::download: 'offset' must be a whole number/, 'fractional offset');
    like(exception { $v2->download($st, 2**64, 0) },
         qr/^Sys::Virt::StorageVol::download: 'offset' is out of range/, 'offset 2**64');
    like(exception { $v2->download($st, '18446744073709551616', 0) },
         qr/'offset' is out of range/, 'offset "18446744073709551616"');
    like(exception { $v2->resize('big') },
         qr/^Sys::Virt::StorageVol::resize: 'capacity' must be a number, not 'big'/, 'capacity not a number');
    like(exception { $v2->download($pool, 0, 0) },
         qr/^Sys::Virt::StorageVol::download: 'st' is not a Sys::Virt::Stream object/, 'a pool as the stream');
    like(exception { $v2->upload(undef, 0, 0) },
         qr/^Sys::Virt::StorageVol::upload: 'st' is undef/, 'undef stream');
    $v2->delete(0);
}

# ---- the objects keep the connection alive --------------------------------
{
    my ($p2, $v3);
    {
        my $c2 = Sys::Virt->new(uri => 'test:///default');
        $p2 = $c2->get_storage_pool_by_name('default-pool');
        $v3 = $p2->create_volume("<volume><name>orphan-$$</name><capacity>1024</capacity></volume>");
    }
    is($p2->get_info->{state}, Sys::Virt::StoragePool::STATE_RUNNING(), 'pool works after its connection object was dropped');
    is($v3->get_info->{capacity}, 1024, 'so does the volume');
    $v3->delete;
}

# ---- a real dir pool on a private daemon ----------------------------------
SKIP: {
    my $d = Test::LibvirtDaemon->start;
    skip "no private libvirtd: $Test::LibvirtDaemon::SKIP_REASON", 1 unless $d;
    my $dc = Sys::Virt->new(uri => $d->uri);
    my $dp = $dc->get_storage_pool_by_name($d->pool_name);
    is($dp->get_info->{state}, Sys::Virt::StoragePool::STATE_RUNNING(), 'daemon: dir pool running');

    my $big = 5 * 2**30 + 4096;    # beyond 32 bits; a sparse file
    my $dv = $dp->create_volume(<<"XML");
<volume><name>big.img</name><capacity>$big</capacity>
<allocation>0</allocation><target><format type='raw'/></target></volume>
XML
    is($dv->get_info->{capacity}, $big, "daemon: 64-bit capacity exact ($big)");
    is($dv->get_info->{type}, Sys::Virt::StorageVol::TYPE_FILE(), 'daemon: file volume');
    ok(-e $dv->get_path, 'daemon: the file exists');
    is($dc->get_storage_volume_by_path($dv->get_path)->get_name, 'big.img', 'daemon: get_storage_volume_by_path');
    is($dc->get_storage_volume_by_key($dv->get_key)->get_name, 'big.img', 'daemon: get_storage_volume_by_key');

    $dv->resize($big + 2**32);
    is($dv->get_info->{capacity}, $big + 2**32, 'daemon: resize to an exact 64-bit size');
    $dv->resize(4096, Sys::Virt::StorageVol::RESIZE_DELTA());
    is($dv->get_info->{capacity}, $big + 2**32 + 4096, 'daemon: resize with RESIZE_DELTA');
    is(-s $dv->get_path, $big + 2**32 + 4096, 'daemon: the file has that size');

    my $finish = sub {
        my ($st) = @_;
        # Ending the transfer is the stream tests' business; abort it if the
        # stream can, else dropping the stream frees it.
        $st->abort if $st->can('abort');
    };
    {
        my $st = $dc->new_stream;
        is(exception { $dv->download($st, 0, 65536) }, undef, 'daemon: download starts');
        $finish->($st);
    }
    {
        my $st = $dc->new_stream;
        is(exception { $dv->download($st, 0, 0, Sys::Virt::StorageVol::VOL_DOWNLOAD_SPARSE_STREAM()) }, undef,
           'daemon: sparse download starts');
        $finish->($st);
    }
    {
        my $st = $dc->new_stream;
        is(exception { $dv->upload($st, 4096, 4096) }, undef, 'daemon: upload starts');
        $finish->($st);
    }
    {
        my $st = $dc->new_stream;
        is(exception { $dv->upload($st, 0, 0, Sys::Virt::StorageVol::VOL_UPLOAD_SPARSE_STREAM()) }, undef,
           'daemon: sparse upload starts');
        $finish->($st);
    }
    {
        # Offsets are passed exactly: 2**64-1 as a string of digits reaches
        # libvirt, which refuses it as beyond the end of the volume.
        my $st = $dc->new_stream;
        my $e = exception { $dv->download($st, '18446744073709551615', 1) };
        isa_ok($e, 'Sys::Virt::Error', 'daemon: download at offset 2**64-1');
        like("$e", qr/18446744073709551615|offset|capacity|range|exceeds/i, "the offset reached libvirt: $e");
    }

    my @dvols = $dp->list_all_volumes;
    is_deeply([map { $_->get_name } @dvols], ['big.img'], 'daemon: list_all_volumes');
    my $dpath = $dv->get_path;
    $dv->delete;
    ok(!-e $dpath, 'daemon: delete removes the file');
    error_code_is(exception { $dv->get_path }, Sys::Virt::Error::ERR_NO_STORAGE_VOL(),
                  'daemon: the deleted volume object dies cleanly');
    is_deeply([$dp->list_all_volumes], [], 'daemon: no volumes left');
    # Close the connection before the daemon goes: writing to a dead
    # daemon's socket raises SIGPIPE.
    undef $_ for $dv, @dvols, $dp, $dc;
    $d->stop;
}

done_testing;
