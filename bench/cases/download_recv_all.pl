#!/usr/bin/perl
# Case 1: download a whole volume through recv_all, the handler writing each
# chunk to a file.   usage: download_recv_all.pl URI POOL VOL OUTFILE
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
$v->download($st, 0, 0);
my ($bytes, $calls) = (0, 0);
$st->recv_all(sub {
    my ($s, $data, $n) = @_;
    $calls++;
    my $w = syswrite $fh, $data, $n;
    return -1 unless defined $w;
    $bytes += $w;
    return $w;
});
$st->finish;
close $fh or die "$out: $!\n";

result(bytes => $bytes,
       calls => $calls, hwm_kib => hwm_kib());
