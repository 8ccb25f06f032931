#!/usr/bin/perl
# Case 4a: sparse download through sparse_recv_all: data is written, holes
# become holes (seek) in the output file.
#   usage: sparse_download.pl URI POOL VOL OUTFILE
use strict;
use warnings;
BEGIN { unshift @INC, (__FILE__ =~ m{^(.*/)} ? $1 : "./") . "../lib" }
use BenchUtil qw(result hwm_kib);
use Sys::Virt;

my ($uri, $pool, $vol, $out) = @ARGV;
die "usage: $0 URI POOL VOL OUTFILE\n" unless defined $out;

my $conn = Sys::Virt->new(uri => $uri);
my $v = $conn->get_storage_pool_by_name($pool)->get_volume_by_name($vol);
open my $fh, '>', $out or die "$out: $!\n";

my $st = $conn->new_stream(0);
$v->download($st, 0, 0, Sys::Virt::StorageVol::VOL_DOWNLOAD_SPARSE_STREAM);
my ($bytes, $calls, $holes, $hole_bytes) = (0, 0, 0, 0);
$st->sparse_recv_all(
    sub {
        my ($s, $data, $n) = @_;
        $calls++;
        my $w = syswrite $fh, $data, $n;
        return -1 unless defined $w;
        $bytes += $w;
        return $w;
    },
    sub {
        my ($s, $len) = @_;
        $holes++;
        $hole_bytes += $len;
        return defined sysseek($fh, $len, 1) ? 0 : -1;
    });
$st->finish;
# A trailing hole moved the offset past the last write: set the size.
my $end = sysseek($fh, 0, 1);
truncate $fh, $end or die "truncate: $!\n";
close $fh or die "$out: $!\n";

result(bytes => $bytes,
       calls => $calls, holes => $holes, hole_bytes => $hole_bytes,
       hwm_kib => hwm_kib());
