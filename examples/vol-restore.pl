#!/usr/bin/perl
# Restores the files of a directory (as written by vol-backup.pl) into the
# volumes of the same names in a storage pool, creating the missing ones
# (raw, with the file's size as capacity). Sparse: the files' holes are
# sent as holes (upload_file).
#
# usage: perl -Mblib examples/vol-restore.pl URI POOL DIR
use strict;
use warnings;
use Sys::Virt;

die "usage: $0 URI POOL DIR\n" unless @ARGV == 3;
my ($uri, $pool_name, $dir) = @ARGV;

my $conn = Sys::Virt->new(uri => $uri);
my $pool = $conn->get_storage_pool_by_name($pool_name);
my %have = map { $_->get_name => $_ } $pool->list_all_volumes;

opendir my $dh, $dir or die "$dir: $!\n";
my @files = sort grep { -f "$dir/$_" } readdir $dh;
my ($count, $bytes, $failed) = (0, 0, 0);
for my $name (@files) {
    my $file = "$dir/$name";
    my $size = -s $file;
    my $ok = eval {
        my $vol = $have{$name} // $pool->create_volume(
            "<volume><name>$name</name><capacity>$size</capacity>"
            . "<target><format type='raw'/></target></volume>");
        die "the volume is smaller than the file ($size bytes)\n"
            if $vol->get_info->{capacity} < $size;
        $bytes += $vol->upload_file($file, sparse => 1, progress => sub {
            my ($done, $total) = @_;
            printf STDERR "\r%-20s %5.1f%%", $name, $total ? 100 * $done / $total : 100;
            1;
        });
        print STDERR "\n";
        1;
    };
    if (!$ok) {
        warn "\n$name: $@";
        $failed++;
        next;
    }
    $count++;
}
printf "restored %d volume(s) of pool %s from %s: %d bytes%s\n",
    $count, $pool_name, $dir, $bytes, $failed ? ", $failed failed" : '';
exit($failed ? 1 : 0);
