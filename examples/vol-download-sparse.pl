#!/usr/bin/perl
# Downloads a storage volume into a sparse file: holes arrive as hole
# lengths and become holes again (sparse_recv_all).
#
# usage: perl -Mblib examples/vol-download-sparse.pl URI POOL VOL FILE
use strict;
use warnings;
use Fcntl qw(SEEK_CUR);
use Sys::Virt;

die "usage: $0 URI POOL VOL FILE\n" unless @ARGV == 4;
my ($uri, $pool_name, $vol_name, $file) = @ARGV;

my $conn = Sys::Virt->new(uri => $uri);
my $vol = $conn->get_storage_pool_by_name($pool_name)->get_volume_by_name($vol_name);
open my $fh, '>:raw', $file or die "$file: $!\n";

my ($data, $holes) = (0, 0);
my $st = $conn->new_stream;
$vol->download($st, 0, 0, Sys::Virt::StorageVol::VOL_DOWNLOAD_SPARSE_STREAM());
$st->sparse_recv_all(
    sub {
        my ($st, $buf, $nbytes) = @_;
        my $n = syswrite $fh, $buf, $nbytes;
        die "$file: $!\n" unless defined $n;
        $data += $n;
        return $n;
    },
    sub {
        my ($st, $length) = @_;
        $holes += $length;
        return defined(sysseek $fh, $length, SEEK_CUR) ? 0 : -1;
    },
);
$st->finish;
# A trailing hole wrote nothing: set the size.
truncate $fh, $data + $holes or die "$file: $!\n";
close $fh or die "$file: $!\n";
printf "downloaded %s: %d bytes, %d of data received, %d of holes, %d KiB allocated\n",
    $file, $data + $holes, $data, $holes, (stat $file)[12] / 2;
