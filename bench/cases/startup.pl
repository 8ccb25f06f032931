#!/usr/bin/perl
# Case 0: start-up: load Sys::Virt, connect, look a volume up, exit. The base
# line that the other cases' whole-process numbers include.
#   usage: startup.pl URI POOL VOL
use strict;
use warnings;
BEGIN { unshift @INC, (__FILE__ =~ m{^(.*/)} ? $1 : "./") . "../lib" }
use BenchUtil qw(now cpu result hwm_kib);
use Sys::Virt;

my ($uri, $pool, $vol) = @ARGV;
die "usage: $0 URI POOL VOL\n" unless defined $vol;

my ($t0, $c0) = (now(), cpu());
my $conn = Sys::Virt->new(uri => $uri);
my $v = $conn->get_storage_pool_by_name($pool)->get_volume_by_name($vol);
my $path = $v->get_path;
my ($t1, $c1) = (now(), cpu());

result(op_wall => $t1 - $t0, op_cpu => $c1 - $c0, hwm_kib => hwm_kib());
