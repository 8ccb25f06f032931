#!/usr/bin/perl
# Sparse streams through a private libvirtd: send_hole + recv with
# RECV_STOP_AT_HOLE / recv_hole, and sparse_send_all / sparse_recv_all with
# SEEK_DATA / SEEK_HOLE handlers. Content survives, and holes stay holes.
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use File::Temp qw(tempdir);
use Fcntl qw(SEEK_SET SEEK_CUR);
use lib 't/lib';
use Test::LibvirtDaemon;
use Test::StreamFiles qw(pattern read_file make_sparse blocks sparse_source sparse_sink);

use Sys::Virt;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 300;

my $d = Test::LibvirtDaemon->start_or_skip;
my $conn = Sys::Virt->new(uri => $d->uri);
my $pool = $conn->get_storage_pool_by_name($d->pool_name);
my $dir = tempdir(CLEANUP => 1);

my $MiB = 1024 * 1024;
my $SIZE = 64 * $MiB;
# Data islands: at the start, unaligned in the middle, bigger than a chunk,
# and a hole at the end.
my @islands = ([0, 70_000], [5 * $MiB + 3, 300_001], [20 * $MiB, 1 * $MiB + 17], [40 * $MiB, 4096]);

my $src = "$dir/src.img";
my $content = make_sparse($src, $SIZE, @islands);
my $src_blocks = blocks($src);
ok($src_blocks * 512 < 4 * $MiB, "source is sparse ($src_blocks blocks)")
    or BAIL_OUT('the temporary file system does not keep holes');

# Data as the file system keeps it (whole blocks around each island).
my $data_bytes = 0;
$data_bytes += $_->[1] for grep { $_->[0] } sections();
my $hole_sections = grep { !$_->[0] } sections();
cmp_ok($hole_sections, '>=', 4, "source has $hole_sections holes");

my $UP = Sys::Virt::StorageVol::VOL_UPLOAD_SPARSE_STREAM();
my $DOWN = Sys::Virt::StorageVol::VOL_DOWNLOAD_SPARSE_STREAM();
my $STOP = Sys::Virt::Stream::RECV_STOP_AT_HOLE();

sub sparse_ok {
    my ($path, $what) = @_;
    is(-s $path, $SIZE, "$what: size");
    ok(read_file($path) eq $content, "$what: content");
    my $b = blocks($path);
    ok($b * 512 < 4 * $MiB, "$what: holes stayed holes ($b blocks, source $src_blocks)");
}

# The sections of the source, as SEEK_DATA/SEEK_HOLE see them.
sub sections {
    open my $fh, '<:raw', $src or die $!;
    my (undef, $hole) = sparse_source($fh);
    my @s;
    while (1) {
        my ($in, $len) = $hole->();
        last unless $len;
        push @s, [$in, $len];
        sysseek $fh, $len, SEEK_CUR;
    }
    return @s;
}

subtest 'upload with send + send_hole, download with recv(RECV_STOP_AT_HOLE) + recv_hole' => sub {
    my $name = 'manual';
    my $path = $d->create_volume($name, $SIZE, allocation => 0);
    my $vol = $pool->get_volume_by_name($name);

    my $st = $conn->new_stream;
    $vol->upload($st, 0, $SIZE, $UP);
    open my $in, '<:raw', $src or die $!;
    my ($holes_sent, $sent) = (0, 0);
    for my $s (sections()) {
        my ($in_data, $len) = @$s;
        if (!$in_data) {
            $st->send_hole($len);
            sysseek $in, $len, SEEK_CUR;
            $holes_sent++;
            next;
        }
        while ($len > 0) {
            my $want = $len < 200_000 ? $len : 200_000;
            sysread($in, my $buf, $want) == $want or die "short read";
            my $off = 0;
            while ($off < $want) {
                my $n = $st->send(substr($buf, $off), $want - $off);
                $off += $n;
            }
            $len -= $want;
            $sent += $want;
        }
    }
    $st->finish;
    ok($holes_sent >= 4, "sent $holes_sent holes");
    is($sent, $data_bytes, 'sent only the data');
    sparse_ok($path, 'uploaded volume');

    $st = $conn->new_stream;
    $vol->download($st, 0, 0, $DOWN);
    open my $out, '+>:raw', "$dir/manual.out" or die $!;
    my ($holes, $got, $minus3) = (0, 0, 0);
    while (1) {
        my $r = $st->recv(my $buf, 128 * 1024, $STOP);
        last if $r == 0;
        if ($r == -3) {
            $minus3++;
            my $len = $st->recv_hole();
            ok($len > 0, "hole of $len bytes") if $holes++ < 2;
            sysseek $out, $len, SEEK_CUR;
            next;
        }
        syswrite($out, $buf) == $r or die $!;
        $got += $r;
    }
    truncate $out, sysseek($out, 0, SEEK_CUR) + 0;
    close $out;
    $st->finish;
    ok($minus3 >= 3, "recv returned -3 at the holes ($minus3)");
    is($got, $data_bytes, 'received only the data');
    sparse_ok("$dir/manual.out", 'downloaded file');

    # Without RECV_STOP_AT_HOLE, holes arrive as zeros.
    $st = $conn->new_stream;
    $vol->download($st, 0, 0, $DOWN);
    my $all = '';
    while ((my $r = $st->recv(my $buf, 256 * 1024)) != 0) {
        die "hole reported without the flag" if $r == -3;
        $all .= $buf;
    }
    $st->finish;
    ok($all eq $content, 'plain recv of a sparse stream reads holes as zeros');
    $vol->delete;
};

subtest 'sparse_send_all and sparse_recv_all' => sub {
    my $name = 'all';
    my $path = $d->create_volume($name, $SIZE, allocation => 0);
    my $vol = $pool->get_volume_by_name($name);

    my $st = $conn->new_stream;
    $vol->upload($st, 0, $SIZE, $UP);
    open my $in, '<:raw', $src or die $!;
    my ($data, $hole, $skip) = sparse_source($in);
    my ($sent, $skipped) = (0, 0);
    $st->sparse_send_all(sub { my $r = $data->(@_); $sent += $r if $r > 0; $r },
                         $hole,
                         sub { $skipped += $_[1]; $skip->(@_) });
    $st->finish;
    is($sent, $data_bytes, 'handler read only the data');
    is($skipped, $SIZE - $data_bytes, 'skipped the holes');
    sparse_ok($path, 'uploaded volume');

    $st = $conn->new_stream;
    $vol->download($st, 0, 0, $DOWN);
    open my $out, '+>:raw', "$dir/all.out" or die $!;
    my ($w, $h, $finish) = sparse_sink($out);
    my ($got, @holes) = (0);
    $st->sparse_recv_all(sub { my $r = $w->(@_); $got += $r; $r }, sub { push @holes, $_[1]; $h->(@_) });
    $finish->();
    close $out;
    $st->finish;
    is($got, $data_bytes, 'handler got only the data');
    ok(@holes >= 3, scalar(@holes) . ' holes reported');
    is($got + eval { my $t = 0; $t += $_ for @holes; $t }, $SIZE, 'data + holes = size');
    sparse_ok("$dir/all.out", 'downloaded file');

    # virsh agrees.
    $d->virsh('vol-download', '--sparse', '--pool', $d->pool_name, $name, "$dir/virsh.out");
    ok(read_file("$dir/virsh.out") eq $content, 'virsh vol-download --sparse agrees');

    # A failing hole handler stops the download.
    $st = $conn->new_stream;
    $vol->download($st, 0, 0, $DOWN);
    my $e = exception { $st->sparse_recv_all(sub { $_[2] }, sub { -1 }) };
    like($e, qr/^Sys::Virt::Stream::sparse_recv_all: the hole handler returned -1/, 'hole handler failing');
    $e = exception { $st->recv(my $b, 10) };
    isa_ok($e, 'Sys::Virt::Error', 'stream aborted');

    # A failing skip handler stops the upload.
    $st = $conn->new_stream;
    $vol->upload($st, 0, $SIZE, $UP);
    open $in, '<:raw', $src or die $!;
    ($data, $hole) = sparse_source($in);
    $e = exception { $st->sparse_send_all($data, $hole, sub { die "cannot skip\n" }) };
    is($e, "cannot skip\n", 'skip handler dying: its exception');
    $vol->delete;
};

subtest 'a 64-bit hole' => sub {
    my $big = 5 * 1024 * $MiB * 1024;   # 5 TiB
    my $name = 'huge';
    my $path = eval { $d->create_volume($name, $big + 4096, allocation => 0) };
    plan skip_all => "cannot create a 5 TiB sparse volume: $@" unless $path;
    my $vol = $pool->get_volume_by_name($name);
    my $st = $conn->new_stream;
    $vol->upload($st, 0, $big + 4096, $UP);
    $st->send_hole($big);
    is($st->send('T' x 4096, 4096), 4096, 'data after the hole');
    $st->finish;
    is(-s $path, $big + 4096, 'volume size');
    open my $fh, '<:raw', $path or die $!;
    sysseek $fh, $big, SEEK_SET;
    sysread $fh, my $tail, 4096;
    is($tail, 'T' x 4096, 'data landed after 5 TiB of hole');
    ok(blocks($path) < 1024, 'nothing allocated for the hole');

    $st = $conn->new_stream;
    $vol->download($st, 0, 0, $DOWN);
    is($st->recv(my $buf, 10, $STOP), -3, 'download starts with a hole');
    is($st->recv_hole, $big, 'recv_hole returns the 64-bit length exactly');
    $st->abort;
    $vol->delete;
};

done_testing;
