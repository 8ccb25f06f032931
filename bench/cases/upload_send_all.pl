#!/usr/bin/perl
# Case 2: upload a file into a volume through send_all, the handler reading
# from the file.   usage: upload_send_all.pl URI POOL VOL INFILE
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use BenchUtil qw(now cpu result hwm_kib);
use Sys::Virt;

my ($uri, $pool, $vol, $in) = @ARGV;
die "usage: $0 URI POOL VOL INFILE\n" unless defined $in;

my $conn = Sys::Virt->new(uri => $uri);
my $v = $conn->get_storage_pool_by_name($pool)->get_volume_by_name($vol);
open my $fh, '<', $in or die "$in: $!\n";
my $size = -s $fh;

my ($t0, $c0) = (now(), cpu());
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
my ($t1, $c1) = (now(), cpu());

result(op_wall => $t1 - $t0, op_cpu => $c1 - $c0, bytes => $bytes,
       calls => $calls, hwm_kib => hwm_kib());
