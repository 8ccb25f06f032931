#!/usr/bin/perl
# Case 10: a sweep of N hosts across a WAN, blocking vs the non-blocking
# forms (NAME_f). Each "host" is a small proxy in front of the private
# daemon's socket that holds every chunk DELAY ms in each direction, order
# kept (this kernel has no netem; see DESIGN.md): one listening socket per
# host, all forwarding to the one daemon.
#   usage: async_sweep.pl MODE HOSTS URI [DELAY_MS]
#   MODE: blocking (one host after the other, each call waited for) or
#         async (every host at once with new_f, list_all_storage_pools_f,
#         get_info_f and list_all_volumes_f of every pool, on the default
#         loop)
# The sweep: open a connection to each host, list its pools, then each
# pool's info and volumes. Prints sweep_s (wall time of the sweep, the
# proxies' start-up excluded) and calls (libvirt calls made).
use strict;
use warnings;
BEGIN { unshift @INC, (__FILE__ =~ m{^(.*/)} ? $1 : "./") . "../lib" }
use BenchUtil qw(now result);
use IO::Select;
use IO::Socket::UNIX;
use POSIX ();
use Socket qw(SOCK_STREAM);
use Sys::Virt;

my ($mode, $hosts, $uri, $delay_ms) = @ARGV;
die "usage: $0 blocking|async HOSTS URI [DELAY_MS]\n"
    unless defined $uri && $mode =~ /^(blocking|async)$/ && $hosts > 0;
$delay_ms //= 20;
my ($socket) = $uri =~ /[?&]socket=([^&]+)/ or die "$0: the URI names no socket: $uri\n";
my ($scheme) = $uri =~ m{^(\w+):};

# ---- the proxies, in a child process
my $dir = "/tmp/async-sweep.$$";
mkdir $dir or die "$dir: $!\n";
my @listen = map {
    IO::Socket::UNIX->new(Type => SOCK_STREAM, Local => "$dir/h$_.sock", Listen => 64)
        or die "listen $dir/h$_.sock: $!\n";
} 1 .. $hosts;
my $proxy = fork // die "fork: $!\n";
if (!$proxy) {
    proxy($delay_ms / 1000, $socket, @listen);
    POSIX::_exit(0);
}
close $_ for @listen;

# Forwards every chunk after $delay, order kept per direction.
sub proxy {
    my ($delay, $target, @listeners) = @_;
    my $sel = IO::Select->new(@listeners);
    my %peer;     # fileno => the other end
    my %queue;    # fileno of the destination => [ [due, bytes], ... ]
    my %sock;     # fileno => handle
    while (1) {
        my $now = now();
        my $wait = 1;
        for my $fd (keys %queue) {
            my $q = $queue{$fd};
            while (@$q && $q->[0][0] <= $now) {
                my $data = (shift @$q)->[1];
                my $h = $sock{$fd} or last;
                while (length $data) {
                    my $n = syswrite($h, $data);
                    last unless defined $n && $n > 0;
                    substr($data, 0, $n, '');
                }
            }
            $wait = $q->[0][0] - $now if @$q && $q->[0][0] - $now < $wait;
        }
        for my $h ($sel->can_read($wait < 0 ? 0 : $wait)) {
            if (grep { $_ == $h } @listeners) {
                my $c = $h->accept or next;
                my $u = IO::Socket::UNIX->new(Type => SOCK_STREAM, Peer => $target) or do { close $c; next };
                ($peer{ fileno $c }, $peer{ fileno $u }) = ($u, $c);
                @sock{ fileno $c, fileno $u } = ($c, $u);
                $queue{$_} = [] for fileno $c, fileno $u;
                $sel->add($c, $u);
                next;
            }
            my $n = sysread($h, my $buf, 65536);
            my $other = $peer{ fileno $h };
            if (!$n) {
                # One end closed: close both once (queued data dropped).
                for my $x ($h, $other) {
                    next unless $x;
                    $sel->remove($x);
                    delete $queue{ fileno $x };
                    delete $sock{ fileno $x };
                    delete $peer{ fileno $x };
                    close $x;
                }
                next;
            }
            push @{ $queue{ fileno $other } }, [ now() + $delay, $buf ] if $other;
        }
    }
}

my @uris = map { "$scheme:///system?socket=$dir/h$_.sock" } 1 .. $hosts;
my $calls = 0;
my $t0;
if ($mode eq 'blocking') {
    $t0 = now();
    for my $u (@uris) {
        my $c = Sys::Virt->new(uri => $u);
        $calls++;
        my @pools = $c->list_all_storage_pools;
        $calls++;
        for my $p (@pools) {
            my $info = $p->get_info;
            my @vols = $p->list_all_volumes;
            $calls += 2;
        }
    }
} else {
    require Future;
    Sys::Virt::Event::register_default();
    $t0 = now();
    my @f = map {
        Sys::Virt->new_f(uri => $_)->then(sub {
            my ($c) = @_;
            $c->list_all_storage_pools_f->then(sub {
                Future->needs_all(map { ($_->get_info_f, $_->list_all_volumes_f) } @_);
            })->then(sub { Future->done($c) });    # (the connection lives until the end)
        });
    } @uris;
    my $all = Future->needs_all(@f);
    $all->get;
    # (counted as in the blocking sweep: each future is one call)
    my $c = Sys::Virt->new(uri => $uri);
    my $npools = () = $c->list_all_storage_pools;
    $calls = $hosts * (2 + 2 * $npools);
}
my $t1 = now();
kill 'KILL', $proxy;
waitpid $proxy, 0;
unlink glob "$dir/*";
rmdir $dir;
result(sweep_s => $t1 - $t0, calls => $calls, hosts => $hosts, delay_ms => $delay_ms);
