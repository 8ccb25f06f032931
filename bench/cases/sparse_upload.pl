#!/usr/bin/perl
# Case 4b: sparse upload through sparse_send_all: the file's holes (found
# with SEEK_DATA/SEEK_HOLE) are sent as holes.
#   usage: sparse_upload.pl URI POOL VOL INFILE
use strict;
use warnings;
BEGIN { unshift @INC, (__FILE__ =~ m{^(.*/)} ? $1 : "./") . "../lib" }
use BenchUtil qw(result hwm_kib in_data);
use Sys::Virt;

my ($uri, $pool, $vol, $in) = @ARGV;
die "usage: $0 URI POOL VOL INFILE\n" unless defined $in;

my $conn = Sys::Virt->new(uri => $uri);
my $v = $conn->get_storage_pool_by_name($pool)->get_volume_by_name($vol);
open my $fh, '<', $in or die "$in: $!\n";
my $size = -s $fh;

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

result(bytes => $bytes,
       calls => $calls, holes => $holes, hole_bytes => $hole_bytes,
       hwm_kib => hwm_kib());
