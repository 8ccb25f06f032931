#!/usr/bin/perl
# Prints the domain and storage pool lifecycle events of a libvirt URI,
# using libvirt's default event loop.
#
#   perl examples/event-monitor.pl [--uri URI] [--timeout SECONDS]
#
# Default URI test:///default (where nothing happens unless the script
# itself acts: --demo destroys and starts the test domain and pool).
use strict;
use warnings;
use Getopt::Long qw(GetOptions);
use Time::HiRes ();
use Sys::Virt;
use Sys::Virt::Event;

my %opt = (uri => 'test:///default', timeout => 0);
GetOptions(\%opt, 'uri=s', 'timeout=f', 'demo!')
    or die "usage: $0 [--uri URI] [--timeout SECONDS] [--demo]\n";

my %dom_event = map { my $n = $_; $n =~ s/^EVENT_//; (Sys::Virt::Domain->$_() => $n) }
    grep { /^EVENT_[A-Z]+$/ && !/^EVENT_ID_/ && Sys::Virt::Domain->can($_) } keys %Sys::Virt::Domain::;
my %pool_event = map { my $n = $_; $n =~ s/^EVENT_//; (Sys::Virt::StoragePool->$_() => $n) }
    grep { /^EVENT_[A-Z]+$/ && Sys::Virt::StoragePool->can($_) } keys %Sys::Virt::StoragePool::;

Sys::Virt::Event::register_default();    # before opening the connection
my $conn = Sys::Virt->new(uri => $opt{uri});
print "Watching ", $conn->get_uri, "\n";

my $dom_id = $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(), sub {
    my ($conn, $dom, $event, $detail) = @_;
    printf "domain %s: %s (detail %d)\n", $dom->get_name, $dom_event{$event} // $event, $detail;
});
my $pool_id = $conn->storage_pool_event_register_any(undef, Sys::Virt::StoragePool::EVENT_ID_LIFECYCLE(), sub {
    my ($conn, $pool, $event, $detail) = @_;
    printf "pool %s: %s (detail %d)\n", $pool->get_name, $pool_event{$event} // $event, $detail;
});
my $closed = 0;
$conn->register_close_callback(sub { print "connection closed (reason $_[1])\n"; $closed = 1 });

my $end = $opt{timeout} > 0 ? Time::HiRes::time() + $opt{timeout} : undef;
# A timer keeps run_default from blocking for ever, so the timeout is seen.
my $tick = Sys::Virt::Event::add_timeout(200, sub {});

if ($opt{demo}) {
    my $dom = $conn->get_domain_by_name('test');
    $dom->destroy; $dom->create;
    my $pool = $conn->get_storage_pool_by_name('default-pool');
    $pool->destroy; $pool->create;
}

local $SIG{INT} = sub { $end = 0 };
until ($closed || (defined $end && Time::HiRes::time() >= $end)) {
    Sys::Virt::Event::run_default();
}

Sys::Virt::Event::remove_timeout($tick);
unless ($closed) {
    $conn->domain_event_deregister_any($dom_id);
    $conn->storage_pool_event_deregister_any($pool_id);
    $conn->unregister_close_callback;
}
