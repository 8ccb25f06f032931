#!/usr/bin/perl
# Case 3: download a whole volume through a loop of $st->recv($buf, CHUNK).
# Received chunks are gathered and written out 1 MiB at a time, so the
# per-call cost measured is that of recv itself, not of a write(2) per call.
#   usage: download_recv_loop.pl URI POOL VOL OUTFILE CHUNK
use strict;
use warnings;
BEGIN { unshift @INC, (__FILE__ =~ m{^(.*/)} ? $1 : "./") . "../lib" }
use BenchUtil qw(now cpu result hwm_kib);
use Sys::Virt;

my ($uri, $pool, $vol, $out, $chunk) = @ARGV;
die "usage: $0 URI POOL VOL OUTFILE CHUNK\n" unless $chunk;

my $conn = Sys::Virt->new(uri => $uri);
my $v = $conn->get_storage_pool_by_name($pool)->get_volume_by_name($vol);
open my $fh, '>', $out or die "$out: $!\n";

my ($t0, $c0, $u0) = (now(), cpu(), (times)[0]);
my $st = $conn->new_stream(0);
$v->download($st, 0, 0);
my ($bytes, $calls, $pending, $data) = (0, 0, '', '');
while (1) {
    my $n = $st->recv($data, $chunk);
    $calls++;
    die "recv returned $n\n" if $n < 0;
    last if $n == 0;
    $bytes += $n;
    $pending .= $n == length $data ? $data : substr($data, 0, $n);
    if (length $pending >= 1 << 20) {
        defined syswrite $fh, $pending or die "$out: $!\n";
        $pending = '';
    }
}
defined syswrite $fh, $pending or die "$out: $!\n" if length $pending;
$st->finish;
my ($t1, $c1, $u1) = (now(), cpu(), (times)[0]);
close $fh or die "$out: $!\n";

result(op_wall => $t1 - $t0, op_cpu => $c1 - $c0, bytes => $bytes,
       calls => $calls, hwm_kib => hwm_kib(),
       cpu_per_call_us => 1e6 * ($c1 - $c0) / $calls,
       user_per_call_us => 1e6 * ($u1 - $u0) / $calls);
