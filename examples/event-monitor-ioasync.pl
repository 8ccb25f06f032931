#!/usr/bin/perl
# Prints the domain and storage pool lifecycle events of a libvirt URI on
# IO::Async.
#
#   perl examples/event-monitor-ioasync.pl [--uri URI] [--timeout SECONDS] [--demo]
#
# Default URI test:///default, where nothing happens unless the script acts:
# --demo destroys and starts the test domain and pool every second.
use strict;
use warnings;
use Getopt::Long qw(GetOptions);
use IO::Async::Loop;
use IO::Async::Timer::Periodic;
use Sys::Virt;
use Sys::Virt::EventImpl::IOAsync;

my %opt = (uri => 'test:///default', timeout => 0);
GetOptions(\%opt, 'uri=s', 'timeout=f', 'demo!')
    or die "usage: $0 [--uri URI] [--timeout SECONDS] [--demo]\n";

my $loop = IO::Async::Loop->new;
my $impl = Sys::Virt::EventImpl::IOAsync->register($loop);    # before connecting
my $conn = Sys::Virt->new(uri => $opt{uri});
print "Watching ", $conn->get_uri, " on ", ref $loop, "\n";

my $dom_id = $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(), sub {
    my ($conn, $dom, $event, $detail) = @_;
    printf "domain %s: event %d detail %d\n", $dom->get_name, $event, $detail;
});
my $pool_id = $conn->storage_pool_event_register_any(undef, Sys::Virt::StoragePool::EVENT_ID_LIFECYCLE(), sub {
    my ($conn, $pool, $event, $detail) = @_;
    printf "pool %s: event %d detail %d\n", $pool->get_name, $event, $detail;
});
$conn->register_close_callback(sub { print "connection closed (reason $_[1])\n"; $loop->stop });

if ($opt{demo}) {
    $loop->add(IO::Async::Timer::Periodic->new(interval => 1, first_interval => 0.5, on_tick => sub {
        my $dom = $conn->get_domain_by_name('test');
        $dom->is_active ? $dom->destroy : $dom->create;
        my $pool = $conn->get_storage_pool_by_name('default-pool');
        $pool->is_active ? $pool->destroy : $pool->create;
    })->start);
}
$loop->watch_time(after => $opt{timeout}, code => sub { $loop->stop }) if $opt{timeout} > 0;
$loop->attach_signal(INT => sub { $loop->stop });

$loop->run;

$conn->domain_event_deregister_any($dom_id);
$conn->storage_pool_event_deregister_any($pool_id);
eval { $conn->unregister_close_callback };
undef $conn;
$impl->drain->get;    # libvirt removed everything it added to the loop
print "done, nothing left in the loop\n";
exit 0;
