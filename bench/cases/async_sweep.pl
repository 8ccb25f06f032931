#!/usr/bin/perl
# Case 10: a sweep of N hosts across a WAN, blocking vs the non-blocking
# forms (NAME_f). Each "host" is a socket of the test suite's delay proxy
# (Test::DelayProxy) in front of the private daemon's socket, holding every
# chunk DELAY ms in each direction.
#   usage: async_sweep.pl MODE HOSTS URI [DELAY_MS]
#   MODE: blocking  one host after the other, each call waited for (runs
#                   with the classic binding too)
#         fork      one process per host, each sweeping its host blocking
#                   (the usual workaround; runs with the classic binding too)
#         async     every host at once with the NAME_f forms on libvirt's
#                   default loop, which also runs a 10 ms timer
# The sweep: open a connection to each host, list its pools, then each
# pool's info and XML and its volumes, then each volume's info. Prints
# sweep_s (wall time until every answer is in; the proxies' start-up
# excluded), close_s (then dropping the connections, which libvirt does
# blocking, a round trip each), calls (libvirt calls made), and in async
# mode timer_max_ms / timer_ticks (the longest wait of the 10 ms timer past
# its due time, and its firings, during the sweep).
use strict;
use warnings;
BEGIN { my $here = __FILE__ =~ m{^(.*/)} ? $1 : "./"; unshift @INC, "$here../lib", "$here../../t/lib" }
use BenchUtil qw(now result);
use POSIX ();
use Test::DelayProxy;
use Sys::Virt;

my ($mode, $hosts, $uri, $delay_ms) = @ARGV;
die "usage: $0 blocking|fork|async HOSTS URI [DELAY_MS]\n"
    unless defined $uri && $mode =~ /^(blocking|fork|async)$/ && $hosts > 0;
$delay_ms //= 20;
my ($socket) = $uri =~ /[?&]socket=([^&]+)/ or die "$0: the URI names no socket: $uri\n";
my ($scheme) = $uri =~ m{^(\w+):};

# ---- the proxies (the test suite's, t/lib/Test/DelayProxy.pm)
my $proxy = Test::DelayProxy->start(target => $socket, hosts => $hosts, delay_ms => $delay_ms);

my @uris = map { $proxy->uri($_, $scheme) } 1 .. $hosts;

# One host, blocking: (connection, calls made).
sub sweep_host {
    my ($u) = @_;
    my $c = Sys::Virt->new(uri => $u);
    my $calls = 2;
    for my $p ($c->list_all_storage_pools) {
        my $info = $p->get_info;
        my $xml = $p->get_xml_description;
        my @vols = $p->list_all_volumes;
        my @infos = map { $_->get_info } @vols;
        $calls += 3 + @vols;
    }
    return ($c, $calls);
}

my ($calls, @keep, %timer) = (0);
my ($t0, $t1, $t2);
if ($mode eq 'blocking') {
    $t0 = now();
    for my $u (@uris) {
        my ($c, $n) = sweep_host($u);
        push @keep, $c;
        $calls += $n;
    }
    $t1 = now();
    @keep = ();
    $t2 = now();
} elsif ($mode eq 'fork') {
    # Each child says on a pipe how many calls it made.
    $t0 = now();
    my @kids;
    for my $u (@uris) {
        pipe my $r, my $w or die "pipe: $!\n";
        my $pid = fork // die "fork: $!\n";
        if (!$pid) {
            close $r;
            my ($c, $n) = sweep_host($u);
            print {$w} "$n\n";
            close $w;
            undef $c;
            POSIX::_exit(0);
        }
        close $w;
        push @kids, [$pid, $r];
    }
    for my $k (@kids) {
        my $line = readline $k->[1];
        $calls += $line // 0;
    }
    $t1 = now();
    waitpid $_->[0], 0 for @kids;    # (each child closes its connection)
    $t2 = now();
} else {
    require Future;
    Sys::Virt::Event::register_default();
    # A 10 ms timer on the same loop: how late does it fire?
    my $due;
    my $tick = sub {
        my $now = now();
        if (defined $due) {
            my $late = ($now - $due) * 1000;
            $timer{max} = $late if !defined $timer{max} || $late > $timer{max};
            $timer{ticks}++;
        }
        $due = $now + 0.010;
    };
    my $timer = Sys::Virt::Event::add_timeout(10, $tick);
    $tick->();
    $t0 = now();
    my @f = map {
        Sys::Virt->new_f(uri => $_)->then(sub {
            my ($c) = @_;
            $c->list_all_storage_pools_f->then(sub {
                Future->needs_all(map {
                    my $p = $_;
                    ($p->get_info_f, $p->get_xml_description_f,
                     $p->list_all_volumes_f->then(sub {
                         my @vols = @_;
                         Future->needs_all(map { $_->get_info_f } @vols);
                     }));
                } @_)->then(sub { Future->done($c) });
            });
        });
    } @uris;
    my @done = Future->needs_all(map { $_->transform(done => sub { [@_] }) } @f)->get;
    $t1 = now();
    Sys::Virt::Event::remove_timeout($timer);
    @keep = map { $_->[0] } @done;
    @f = @done = ();
    # (counted as in the blocking sweep: each future is one call)
    my $c = Sys::Virt->new(uri => $uri);
    for my $p ($c->list_all_storage_pools) {
        my @vols = $p->list_all_volumes;
        $calls += 3 + @vols;
    }
    $calls = $hosts * (2 + $calls);
    undef $c;
    my $c0 = now();
    @keep = ();
    $t2 = $t1 + (now() - $c0);    # (the counting above is not the close)
}
$proxy->stop;
result(sweep_s => $t1 - $t0, close_s => $t2 - $t1, calls => $calls, hosts => $hosts, delay_ms => $delay_ms,
       ($mode eq 'async' ? (timer_max_ms => $timer{max} // -1, timer_ticks => $timer{ticks} // 0) : ()));
