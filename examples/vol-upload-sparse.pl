#!/usr/bin/perl
# Uploads a sparse file into a storage volume: only the data travels, the
# holes are recreated on the far end (sparse_send_all with SEEK_DATA and
# SEEK_HOLE, as virsh vol-upload --sparse does).
#
# usage: perl -Mblib examples/vol-upload-sparse.pl URI POOL VOL FILE
use strict;
use warnings;
use Fcntl qw(SEEK_SET SEEK_CUR);
use Sys::Virt;

use constant { SEEK_DATA => 3, SEEK_HOLE => 4 };   # Linux values

die "usage: $0 URI POOL VOL FILE\n" unless @ARGV == 4;
my ($uri, $pool_name, $vol_name, $file) = @ARGV;

my $conn = Sys::Virt->new(uri => $uri);
my $vol = $conn->get_storage_pool_by_name($pool_name)->get_volume_by_name($vol_name);
open my $fh, '<:raw', $file or die "$file: $!\n";
my $size = -s $fh;

my ($data, $holes) = (0, 0);
my $st = $conn->new_stream;
$vol->upload($st, 0, $size, Sys::Virt::StorageVol::VOL_UPLOAD_SPARSE_STREAM());
$st->sparse_send_all(
    # data: fill $_[1] with up to $_[2] bytes
    sub {
        my $n = sysread $fh, $_[1], $_[2];
        die "$file: $!\n" unless defined $n;
        $data += $n;
        return $n;
    },
    # where are we: ($in_data, $bytes_left_in_this_section), (0, 0) at the end
    sub {
        my $cur = sysseek($fh, 0, SEEK_CUR) + 0;
        return (0, 0) if $cur >= $size;
        my $next = sysseek $fh, $cur, SEEK_DATA;
        sysseek $fh, $cur, SEEK_SET;
        return (0, $size - $cur) unless defined $next;      # a hole to the end
        return (0, $next - $cur) if $next > $cur;           # in a hole
        my $end = sysseek $fh, $cur, SEEK_HOLE;
        sysseek $fh, $cur, SEEK_SET;
        return (1, $end - $cur);                            # in data
    },
    # skip a hole
    sub {
        $holes += $_[1];
        return defined(sysseek $fh, $_[1], SEEK_CUR) ? 0 : -1;
    },
);
$st->finish;
printf "uploaded %s: %d bytes, %d of data sent, %d of holes skipped\n",
    $file, $size, $data, $holes;
