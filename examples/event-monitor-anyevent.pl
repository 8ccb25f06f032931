#!/usr/bin/perl
# Prints the domain and storage pool lifecycle events of a libvirt URI on
# AnyEvent (any backend: EV, the pure-Perl loop, ...).
#
#   perl examples/event-monitor-anyevent.pl [--uri URI] [--timeout SECONDS] [--demo]
#
# Default URI test:///default, where nothing happens unless the script acts:
# --demo destroys and starts the test domain and pool every second.
use strict;
use warnings;
use AnyEvent;
use Getopt::Long qw(GetOptions);
use Sys::Virt;
use Sys::Virt::EventImpl::AnyEvent;

my %opt = (uri => 'test:///default', timeout => 0);
GetOptions(\%opt, 'uri=s', 'timeout=f', 'demo!')
    or die "usage: $0 [--uri URI] [--timeout SECONDS] [--demo]\n";

my $impl = Sys::Virt::EventImpl::AnyEvent->register;    # before connecting
my $conn = Sys::Virt->new(uri => $opt{uri});
print "Watching ", $conn->get_uri, " on AnyEvent\n";

my $done = AnyEvent->condvar;
my @ids = (
    [domain => $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(), sub {
        my ($conn, $dom, $event, $detail) = @_;
        printf "domain %s: event %d detail %d\n", $dom->get_name, $event, $detail;
    })],
    [pool => $conn->storage_pool_event_register_any(undef, Sys::Virt::StoragePool::EVENT_ID_LIFECYCLE(), sub {
        my ($conn, $pool, $event, $detail) = @_;
        printf "pool %s: event %d detail %d\n", $pool->get_name, $event, $detail;
    })],
);
$conn->register_close_callback(sub { print "connection closed (reason $_[1])\n"; $done->send });

my $demo = $opt{demo} && AnyEvent->timer(after => 0.5, interval => 1, cb => sub {
    my $dom = $conn->get_domain_by_name('test');
    $dom->is_active ? $dom->destroy : $dom->create;
    my $pool = $conn->get_storage_pool_by_name('default-pool');
    $pool->is_active ? $pool->destroy : $pool->create;
});
my $stop = $opt{timeout} > 0 && AnyEvent->timer(after => $opt{timeout}, cb => sub { $done->send });
my $int = AnyEvent->signal(signal => 'INT', cb => sub { $done->send });

$done->recv;

undef $demo;
$conn->domain_event_deregister_any($ids[0][1]);
$conn->storage_pool_event_deregister_any($ids[1][1]);
eval { $conn->unregister_close_callback };
undef $conn;
$impl->drain->recv;    # libvirt removed everything it added to the loop
print "done, nothing left in the loop\n";
