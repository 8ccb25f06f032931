#!/usr/bin/perl
# Uploads a file into a storage volume (send_all reading the file).
#
# usage: perl -Mblib examples/vol-upload.pl URI POOL VOL FILE
use strict;
use warnings;
use Sys::Virt;

die "usage: $0 URI POOL VOL FILE\n" unless @ARGV == 4;
my ($uri, $pool_name, $vol_name, $file) = @ARGV;

my $conn = Sys::Virt->new(uri => $uri);
my $vol = $conn->get_storage_pool_by_name($pool_name)->get_volume_by_name($vol_name);
open my $fh, '<:raw', $file or die "$file: $!\n";
my $size = -s $fh;

my $st = $conn->new_stream;
$vol->upload($st, 0, $size);
my $sent = 0;
eval {
    $st->send_all(sub {
        my ($st, undef, $nbytes) = @_;
        my $n = sysread $fh, $_[1], $nbytes;
        die "$file: $!\n" unless defined $n;
        $sent += $n;
        return $n;                     # 0 at the end of the file
    });
    $st->finish;
    1;
} or die "upload failed: $@";
print "uploaded $sent bytes from $file to $pool_name/$vol_name\n";
