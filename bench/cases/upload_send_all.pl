#!/usr/bin/perl
# Case 2: upload a file into a volume through send_all, the handler reading
# from the file.   usage: upload_send_all.pl URI POOL VOL INFILE
use strict;
use warnings;
BEGIN { unshift @INC, (__FILE__ =~ m{^(.*/)} ? $1 : "./") . "../lib" }
use BenchUtil qw(result hwm_kib);
use Sys::Virt;

my ($uri, $pool, $vol, $in) = @ARGV;
die "usage: $0 URI POOL VOL INFILE\n" unless defined $in;

my $conn = Sys::Virt->new(uri => $uri);
my $v = $conn->get_storage_pool_by_name($pool)->get_volume_by_name($vol);
open my $fh, '<', $in or die "$in: $!\n";
my $size = -s $fh;

my $st = $conn->new_stream(0);
$v->upload($st, 0, $size);
my ($bytes, $calls) = (0, 0);
$st->send_all(sub {
    my ($s, undef, $max) = @_;
    $calls++;
    my $r = sysread $fh, $_[1], $max;
    return -1 unless defined $r;
    $bytes += $r;
    return $r;
});
$st->finish;

result(bytes => $bytes,
       calls => $calls, hwm_kib => hwm_kib());
