#!/usr/bin/perl
# Case 6: COUNT stream create/download/finish cycles on a small volume,
# watching the resident set size: it must stay flat.
#   usage: stream_cycles.pl URI POOL VOL COUNT
use strict;
use warnings;
BEGIN { unshift @INC, (__FILE__ =~ m{^(.*/)} ? $1 : "./") . "../lib" }
use BenchUtil qw(now cpu result rss_kib hwm_kib);
use Sys::Virt;

my ($uri, $pool, $vol, $count) = @ARGV;
die "usage: $0 URI POOL VOL COUNT\n" unless $count;

my $conn = Sys::Virt->new(uri => $uri);
my $v = $conn->get_storage_pool_by_name($pool)->get_volume_by_name($vol);
my $size = $v->get_info->{capacity};

my $warm = int($count / 10) || 1;
my ($rss_warm, $bytes, $data) = (0, 0, '');
my ($t0, $c0) = (now(), cpu());
for my $i (1 .. $count) {
    my $st = $conn->new_stream(0);
    $v->download($st, 0, 0);
    while ((my $n = $st->recv($data, 65536)) != 0) {
        die "recv returned $n\n" if $n < 0;
        $bytes += $n;
    }
    $st->finish;
    $rss_warm = rss_kib() if $i == $warm;
}
my ($t1, $c1) = (now(), cpu());
my $rss_end = rss_kib();
die "read $bytes bytes, expected ", $size * $count, "\n"
    unless $bytes == $size * $count;

result(op_wall => $t1 - $t0, op_cpu => $c1 - $c0, cycles => $count,
       rss_warm_kib => $rss_warm, rss_end_kib => $rss_end,
       rss_growth_kib => $rss_end - $rss_warm, hwm_kib => hwm_kib(),
       us_per_cycle => 1e6 * ($t1 - $t0) / $count);
