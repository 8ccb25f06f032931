#!/usr/bin/perl
# Downloads a storage volume with a non-blocking stream driven by libvirt's
# default event loop: the callback reads what is there until recv says it
# would block (-2), and the loop calls it again when more arrives.
#
# usage: perl -Mblib examples/vol-download-nonblock.pl URI POOL VOL FILE
use strict;
use warnings;
use Sys::Virt;
use Sys::Virt::Stream;

die "usage: $0 URI POOL VOL FILE\n" unless @ARGV == 4;
my ($uri, $pool_name, $vol_name, $file) = @ARGV;

Sys::Virt::Event::register_default();     # before opening the connection
my $conn = Sys::Virt->new(uri => $uri);
my $vol = $conn->get_storage_pool_by_name($pool_name)->get_volume_by_name($vol_name);
open my $fh, '>:raw', $file or die "$file: $!\n";

my $st = $conn->new_stream(Sys::Virt::Stream::NONBLOCK());
$vol->download($st, 0, 0);
my ($got, $wakeups, $blocked, $done) = (0, 0, 0, 0);
$st->add_callback(
    Sys::Virt::Stream::EVENT_READABLE() | Sys::Virt::Stream::EVENT_ERROR()
        | Sys::Virt::Stream::EVENT_HANGUP(),
    sub {
        my ($st, $events) = @_;
        $wakeups++;
        while (1) {
            my $n = $st->recv(my $buf, 256 * 1024);
            if ($n == -2) { $blocked++; return }          # nothing more for now
            if ($n == 0) {                                # the end
                $st->remove_callback;
                $st->finish;
                $done = 1;
                return;
            }
            syswrite($fh, $buf) == $n or die "$file: $!\n";
            $got += $n;
        }
    });
Sys::Virt::Event::run_default() until $done;
close $fh or die "$file: $!\n";
print "downloaded $got bytes to $file in $wakeups wake-ups ($blocked times recv would have blocked)\n";
