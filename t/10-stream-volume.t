#!/usr/bin/perl
# Volume upload and download through a private libvirtd: send/recv and
# send_all/recv_all round trips of sizes around the 256 KiB chunk, checked
# against the source and against virsh vol-download.
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use File::Temp qw(tempdir);
use lib 't/lib';
use Test::LibvirtDaemon;
use Test::StreamFiles qw(pattern write_file read_file);

use Sys::Virt;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 300;

my $d = Test::LibvirtDaemon->start_or_skip;
my $conn = Sys::Virt->new(uri => $d->uri);
my $pool = $conn->get_storage_pool_by_name($d->pool_name);
my $dir = tempdir(CLEANUP => 1);

my $CHUNK = 256 * 1024;
my @sizes = (0, 1, $CHUNK - 1, $CHUNK + 1, 24 * 1024 * 1024 + 12345);
my $n = 0;

sub virsh_download {
    my ($name) = @_;
    my $file = "$dir/virsh-" . ++$n;
    $d->virsh('vol-download', '--pool', $d->pool_name, $name, $file);
    return read_file($file);
}

sub same {
    my ($got, $want, $what) = @_;
    is(length $got, length $want, "$what: length");
    ok($got eq $want, "$what: content");
}

for my $size (@sizes) {
    subtest "size $size, send/recv" => sub {
        my $name = "plain$size";
        my $path = $d->create_volume($name, $size);
        my $vol = $pool->get_volume_by_name($name);
        my $data = pattern($size, $size);

        my $st = $conn->new_stream;
        $vol->upload($st, 0, $size);
        my ($off, $calls) = (0, 0);
        while ($off < $size) {
            my $want = $size - $off < 100_000 ? $size - $off : 100_000;
            my $sent = $st->send(substr($data, $off, $want), $want);
            ok($sent > 0, 'send sends') unless $calls++;
            $off += $sent;
        }
        $st->finish;
        same(read_file($path), $data, 'uploaded file');

        $st = $conn->new_stream;
        $vol->download($st, 0, $size);
        my $got = '';
        while (1) {
            my $r = $st->recv(my $buf, 65536);
            last if $r == 0;
            $got .= $buf;
        }
        $st->finish;
        same($got, $data, 'downloaded with recv');
        same(virsh_download($name), $data, 'virsh vol-download agrees');
        $vol->delete;
    };

    subtest "size $size, send_all/recv_all" => sub {
        my $name = "all$size";
        my $path = $d->create_volume($name, $size);
        my $vol = $pool->get_volume_by_name($name);
        my $data = pattern($size, $size + 1);
        write_file("$dir/src", $data);

        open my $in, '<:raw', "$dir/src" or die $!;
        my $st = $conn->new_stream;
        $vol->upload($st, 0, $size);
        my ($calls, $max) = (0, 0);
        $st->send_all(sub {
            $calls++;
            $max = $_[2] if $_[2] > $max;
            return sysread $in, $_[1], $_[2];
        });
        $st->finish;
        close $in;
        is($max, $CHUNK, 'asked for 256 KiB at a time');
        same(read_file($path), $data, 'uploaded file');

        $st = $conn->new_stream;
        $vol->download($st, 0, 0);
        my $got = '';
        $st->recv_all(sub { $got .= $_[1]; $_[2] });
        $st->finish;
        same($got, $data, 'downloaded with recv_all');
        same(virsh_download($name), $data, 'virsh vol-download agrees');

        # A short-counting receiver gets everything in order.
        $st = $conn->new_stream;
        $vol->download($st, 0, 0);
        $got = '';
        $st->recv_all(sub { my $k = $_[2] > 10_000 ? 10_000 : $_[2]; $got .= substr($_[1], 0, $k); $k });
        $st->finish;
        same($got, $data, 'downloaded 10,000 bytes per handler call');
        $vol->delete;
    };
}

subtest 'send_all sends only what the handler returned' => sub {
    my $name = 'short';
    my $path = $d->create_volume($name, 1000);
    my $vol = $pool->get_volume_by_name($name);
    my $st = $conn->new_stream;
    $vol->upload($st, 0, 1000);
    my @parts = ('A' x 300, 'B' x 700);
    # Leaves more in $_[1] than it claims: only the claimed bytes go.
    $st->send_all(sub { my $p = shift @parts or return 0; $_[1] = $p . ('Z' x 50); length $p });
    $st->finish;
    is(read_file($path), ('A' x 300) . ('B' x 700), 'no stray bytes');
};

subtest 'a failing upload aborts: the daemon keeps working' => sub {
    my $name = 'fail';
    $d->create_volume($name, $CHUNK * 4);
    my $vol = $pool->get_volume_by_name($name);
    my $st = $conn->new_stream;
    $vol->upload($st, 0, $CHUNK * 4);
    my $calls = 0;
    my $e = exception { $st->send_all(sub { die { at => $calls } if ++$calls == 3; $_[1] = 'x' x $_[2]; $_[2] }) };
    is_deeply($e, { at => 3 }, 'the handler\'s own exception, unchanged');
    ok($conn->is_alive, 'connection alive');
    my $st2 = $conn->new_stream;
    $vol->download($st2, 0, 0);
    my $len = 0;
    $st2->recv_all(sub { $len += $_[2]; $_[2] });
    $st2->finish;
    is($len, $CHUNK * 4, 'the volume can be read afterwards');
};

done_testing;
