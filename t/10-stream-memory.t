#!/usr/bin/perl
# Thousands of streams created, used and finished (or aborted, or dropped
# with a callback registered) leave the process size flat.
use strict;
use warnings;
use Test::More;

use Sys::Virt;

plan skip_all => 'needs /proc/self/statm' unless -r '/proc/self/statm';

$SIG{ALRM} = sub { die "timed out\n" };
alarm 300;

Sys::Virt::Event::register_default();
my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = $conn->get_domain_by_name('test');
my $page = 4096;

sub rss_kib {
    open my $fh, '<', '/proc/self/statm' or die $!;
    my (undef, $rss) = split ' ', scalar <$fh>;
    return $rss * $page / 1024;
}

my %loops = (
    'recv_all + finish' => sub {
        my $st = $conn->new_stream;
        $dom->screenshot($st, 0);
        my $n = 0;
        $st->recv_all(sub { $n += $_[2]; $_[2] });
        die "short: $n" unless $n == 33_443;
        $st->finish;
    },
    'recv + abort' => sub {
        my $st = Sys::Virt::Stream->new($conn);
        $dom->screenshot($st, 0);
        $st->recv(my $buf, 1000);
        $st->abort;
    },
    'failing handler' => sub {
        my $st = $conn->new_stream;
        $dom->screenshot($st, 0);
        eval { $st->recv_all(sub { die { big => 'x' x 1000 } }) };
        die "no exception" unless ref $@;
    },
    'dropped with a callback' => sub {
        my $st = $conn->new_stream(Sys::Virt::Stream::NONBLOCK());
        $dom->screenshot($st, 0);
        my $payload = 'y' x 10_000;
        $st->add_callback(Sys::Virt::Stream::EVENT_READABLE(), sub { length $payload });
        undef $st;
        # libvirt's loop releases removed watches on its next iteration
        # (which the dropped registration makes due at once).
        Sys::Virt::Event::run_default();
    },
    'send_all refused' => sub {
        my $st = $conn->new_stream;
        eval { $st->send_all(sub { $_[1] = 'z' x $_[2]; $_[2] }) };
    },
);

for my $name (sort keys %loops) {
    my $body = $loops{$name};
    $body->() for 1 .. 300;            # warm up: allocator, libvirt caches
    my $before = rss_kib();
    $body->() for 1 .. 3000;
    my $grew = rss_kib() - $before;
    # A leak of even 1 KiB per iteration would show as 3 MiB.
    cmp_ok($grew, '<', 3 * 1024, "$name: 3000 iterations, RSS grew by $grew KiB");
}

done_testing;
