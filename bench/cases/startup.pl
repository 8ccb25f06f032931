#!/usr/bin/perl
# Case 0: start-up: load Sys::Virt, connect, look a volume up, exit. The base
# line that the other cases' whole-process numbers include.
#   usage: startup.pl URI POOL VOL
use strict;
use warnings;
BEGIN { unshift @INC, (__FILE__ =~ m{^(.*/)} ? $1 : "./") . "../lib" }
use BenchUtil qw(result hwm_kib);
use Sys::Virt;

my ($uri, $pool, $vol) = @ARGV;
die "usage: $0 URI POOL VOL\n" unless defined $vol;

my $conn = Sys::Virt->new(uri => $uri);
my $v = $conn->get_storage_pool_by_name($pool)->get_volume_by_name($vol);
my $path = $v->get_path;

# No timing from inside: this is the base line of the whole-process
# numbers, so it loads what the transfer scripts load and nothing more.
result(hwm_kib => hwm_kib());
