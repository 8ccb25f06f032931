#!/usr/bin/perl
# Case 4b: sparse upload through sparse_send_all: the file's holes (found
# with SEEK_DATA/SEEK_HOLE) are sent as holes.
#   usage: sparse_upload.pl URI POOL VOL INFILE
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use BenchUtil qw(now cpu result hwm_kib in_data);
use Sys::Virt;

my ($uri, $pool, $vol, $in) = @ARGV;
die "usage: $0 URI POOL VOL INFILE\n" unless defined $in;

my $conn = Sys::Virt->new(uri => $uri);
my $v = $conn->get_storage_pool_by_name($pool)->get_volume_by_name($vol);
open my $fh, '<', $in or die "$in: $!\n";
my $size = -s $fh;

my ($t0, $c0) = (now(), cpu());
my $st = $conn->new_stream(0);
$v->upload($st, 0, $size, Sys::Virt::StorageVol::VOL_UPLOAD_SPARSE_STREAM);
my ($bytes, $calls, $holes, $hole_bytes) = (0, 0, 0, 0);
$st->sparse_send_all(
    sub {
        my ($s, undef, $max) = @_;
        $calls++;
        my $r = sysread $fh, $_[1], $max;
        return -1 unless defined $r;
        $bytes += $r;
        return $r;
    },
    sub {
        my ($s) = @_;
        return in_data($fh);
    },
    sub {
        my ($s, $len) = @_;
        $holes++;
        $hole_bytes += $len;
        return defined sysseek($fh, $len, 1) ? 0 : -1;
    });
$st->finish;
my ($t1, $c1) = (now(), cpu());

result(op_wall => $t1 - $t0, op_cpu => $c1 - $c0, bytes => $bytes,
       calls => $calls, holes => $holes, hole_bytes => $hole_bytes,
       hwm_kib => hwm_kib());
