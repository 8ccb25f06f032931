#!/usr/bin/perl
# The state of every domain of every host given on the command line, all
# hosts at once: the non-blocking forms (NAME_f) of Sys::Virt run each call
# on a worker thread and deliver the results on libvirt's event loop, so a
# slow or dead host does not hold up the others.
#
#   perl examples/fleet-status.pl qemu+ssh://host1/system qemu+ssh://host2/system
#   perl examples/fleet-status.pl test:///default test:///default
#
# Options: --threads N (the worker pool, 16 by default), --timeout S (a host
# that has not answered within S seconds is reported as such; 30).
use strict;
use warnings;
use Getopt::Long;
use Future;
use Sys::Virt;
use Sys::Virt::Event;

my ($threads, $timeout) = (16, 30);
GetOptions('threads=i' => \$threads, 'timeout=i' => \$timeout)
    or die "usage: $0 [--threads N] [--timeout S] URI...\n";
die "usage: $0 [--threads N] [--timeout S] URI...\n" unless @ARGV;

Sys::Virt::Event::register_default();
Sys::Virt::set_worker_threads($threads);

my %state_name = (
    Sys::Virt::Domain::STATE_NOSTATE()     => 'no state',
    Sys::Virt::Domain::STATE_RUNNING()     => 'running',
    Sys::Virt::Domain::STATE_BLOCKED()     => 'blocked',
    Sys::Virt::Domain::STATE_PAUSED()      => 'paused',
    Sys::Virt::Domain::STATE_SHUTDOWN()    => 'shutting down',
    Sys::Virt::Domain::STATE_SHUTOFF()     => 'shut off',
    Sys::Virt::Domain::STATE_CRASHED()     => 'crashed',
    Sys::Virt::Domain::STATE_PMSUSPENDED() => 'suspended (PM)',
);

sub message { my ($e) = @_; ref $e && $e->can('message') ? $e->message : "$e" =~ s/\s+\z//r }

# One host: open, list every domain, then each domain's name and info,
# all domains of the host at once. Done with a report, never failed.
sub host_status {
    my ($n, $uri) = @_;
    my $conn;
    return Sys::Virt->new_f(uri => $uri, readonly => 1)->then(sub {
        ($conn) = @_;
        # keepalive: a host that stops answering fails its calls
        eval { $conn->set_keep_alive(5, 3) };
        Future->needs_all($conn->get_hostname_f, $conn->list_all_domains_f->then(sub {
            my @doms = @_;
            Future->needs_all(map {
                my $dom = $_;
                $dom->get_info_f->then(sub { Future->done([ $dom->get_name, $_[0] ]) });
            } @doms)->then(sub { Future->done([@_]) });
        }));
    })->then(sub {
        my ($hostname, $doms) = @_;
        my @lines = sprintf "[%d] %s (%s): %d domain(s)", $n, $uri, $hostname, scalar @$doms;
        for my $d (sort { $a->[0] cmp $b->[0] } @$doms) {
            my ($name, $info) = @$d;
            push @lines, sprintf "    %-24s %-14s %2d vCPU %8d MiB", $name,
                $state_name{ $info->{state} } // "state $info->{state}", $info->{nrVirtCpu}, $info->{memory} / 1024;
        }
        Future->done(join("\n", @lines) . "\n");
    })->else(sub {
        Future->done(sprintf "[%d] %s: failed: %s\n", $n, $uri, message($_[0]));
    });
}

my @hosts = map { host_status($_ + 1, $ARGV[$_]) } 0 .. $#ARGV;
my $all = Future->wait_all(@hosts);
# A timer bounds the wait: hosts still pending then are reported as such.
my $expired = 0;
my $timer = Sys::Virt::Event::add_timeout($timeout * 1000, sub { $expired = 1 });
Sys::Virt::Event::run_default() until $all->is_ready || $expired;
Sys::Virt::Event::remove_timeout($timer);
for my $i (0 .. $#hosts) {
    print $hosts[$i]->is_ready ? $hosts[$i]->get : sprintf("[%d] %s: no answer within %d s\n", $i + 1, $ARGV[$i], $timeout);
    $hosts[$i]->cancel unless $hosts[$i]->is_ready;
}
