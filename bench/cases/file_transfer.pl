#!/usr/bin/perl
# Case 7 (ours): a whole-file sparse transfer in one call, download_file or
# upload_file, with a progress callback (called every 0.2 s, as a script
# showing a progress bar would).
#   usage: file_transfer.pl URI POOL VOL FILE download|upload
use strict;
use warnings;
BEGIN { unshift @INC, (__FILE__ =~ m{^(.*/)} ? $1 : "./") . "../lib" }
use BenchUtil qw(result hwm_kib);
use Sys::Virt;

my ($uri, $pool, $vol, $file, $dir) = @ARGV;
die "usage: $0 URI POOL VOL FILE download|upload\n"
    unless defined $dir && $dir =~ /^(download|upload)$/;

my $conn = Sys::Virt->new(uri => $uri);
my $v = $conn->get_storage_pool_by_name($pool)->get_volume_by_name($vol);

my ($calls, @last) = (0);
my %opt = (sparse => 1, progress => sub { $calls++; @last = @_; 1 });
my $bytes = $dir eq 'download' ? $v->download_file($file, %opt) : $v->upload_file($file, %opt);

result(bytes => $bytes,
       progress_calls => $calls, hole_bytes => $last[2] // 0,
       hwm_kib => hwm_kib());
