#!/usr/bin/perl
# Downloads a storage volume into a file (recv_all writing the file).
#
# usage: perl -Mblib examples/vol-download.pl URI POOL VOL FILE
use strict;
use warnings;
use Sys::Virt;

die "usage: $0 URI POOL VOL FILE\n" unless @ARGV == 4;
my ($uri, $pool_name, $vol_name, $file) = @ARGV;

my $conn = Sys::Virt->new(uri => $uri);
my $vol = $conn->get_storage_pool_by_name($pool_name)->get_volume_by_name($vol_name);
open my $fh, '>:raw', $file or die "$file: $!\n";

my $st = $conn->new_stream;
$vol->download($st, 0, 0);            # offset 0, length 0: the whole volume
my $got = 0;
eval {
    $st->recv_all(sub {
        my ($st, $data, $nbytes) = @_;
        my $n = syswrite $fh, $data, $nbytes;
        die "$file: $!\n" unless defined $n;
        $got += $n;
        return $n;                     # a short write is offered again
    });
    $st->finish;
    1;
} or die "download failed: $@";
close $fh or die "$file: $!\n";
print "downloaded $got bytes of $pool_name/$vol_name to $file\n";
