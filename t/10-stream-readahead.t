#!/usr/bin/perl
# Small recv calls are served from a read-ahead buffer: whatever mix of
# small reads, large reads, recv_all and sparse reads a script uses, it gets
# every byte once, in order, and holes still show.
use strict;
use warnings;
use Test::More;
use File::Temp qw(tempdir);
use lib 't/lib';
use Test::LibvirtDaemon;
use Test::StreamFiles qw(pattern write_file make_sparse);

use Sys::Virt;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 300;

my $d = Test::LibvirtDaemon->start_or_skip;
my $conn = Sys::Virt->new(uri => $d->uri);
my $pool = $conn->get_storage_pool_by_name($d->pool_name);
my $dir = tempdir(CLEANUP => 1);

my $size = 3 * 256 * 1024 + 4321;
my $want = pattern($size, 3);
my $path = $d->create_volume('ra', $size, allocation => 0);
write_file("$dir/src", $want);
$d->virsh('vol-upload', '--pool', $d->pool_name, 'ra', "$dir/src");
my $vol = $pool->get_volume_by_name('ra');

sub download { my $st = $conn->new_stream; $vol->download($st, 0, 0); $st }

subtest 'small reads of odd sizes' => sub {
    my $st = download();
    my ($got, $buf) = ('', '');
    my @sizes = (1, 7, 1000, 4096, 65535, 3);
    my $i = 0;
    while (1) {
        my $n = $st->recv($buf, $sizes[$i++ % @sizes]);
        last if $n == 0;
        $got .= $buf;
    }
    $st->finish;
    is(length $got, $size, 'every byte');
    ok($got eq $want, 'in order');
};

subtest 'small reads, then large ones, then recv_all' => sub {
    my $st = download();
    my ($got, $buf) = ('', '');
    for (1 .. 3) { $st->recv($buf, 1000) == 1000 or die; $got .= $buf }
    is($st->recv($buf, 200_000), 200_000, 'a large read after small ones is served in full');
    $got .= $buf;
    my $calls = 0;
    $st->recv_all(sub { $calls++; $got .= $_[1]; $_[2] });
    $st->finish;
    is(length $got, $size, 'every byte');
    ok($got eq $want, 'in order');
    ok($calls >= 2, 'recv_all got the buffered bytes first, then the rest');
};

subtest 'finish discards what was read ahead; the stream is then unusable' => sub {
    my $st = download();
    my $buf;
    is($st->recv($buf, 10), 10, 'read 10 bytes');
    $st->abort;
    ok(!eval { $st->recv($buf, 10); 1 }, 'recv after abort dies');
    isa_ok($@, 'Sys::Virt::Error');
};

subtest 'sparse stream: small reads then RECV_STOP_AT_HOLE' => sub {
    my $K = 1024;
    my $total = 4 * 1024 * $K;
    my $content = make_sparse("$dir/sparse", $total, [0, 64 * $K], [2048 * $K, 64 * $K]);
    $d->create_volume('sp', $total, allocation => 0);
    $d->virsh('vol-upload', '--pool', $d->pool_name, '--sparse', 'sp', "$dir/sparse");
    my $sp = $pool->get_volume_by_name('sp');
    my $st = $conn->new_stream;
    $sp->download($st, 0, 0, Sys::Virt::StorageVol::VOL_DOWNLOAD_SPARSE_STREAM());
    my ($got, $buf, $holes) = ('', '', 0);
    for (1 .. 10) { $st->recv($buf, 1024) == 1024 or die; $got .= $buf }
    is($st->recv_hole, 0, 'no hole while buffered data remains');
    while (1) {
        my $n = $st->recv($buf, 256 * $K, Sys::Virt::Stream::RECV_STOP_AT_HOLE());
        if ($n == -3) {
            my $len = $st->recv_hole;
            $holes++;
            $got .= "\0" x $len;
            next;
        }
        last if $n == 0;
        $got .= $buf;
    }
    $st->finish;
    is(length $got, $total, 'every byte');
    ok($got eq $content, 'content and holes in place');
    cmp_ok($holes, '>=', 2, "holes still reported after buffered reads ($holes)");
};

done_testing;
