#!/usr/bin/perl
# Domain and storage pool events on test:///default with libvirt's default loop.
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);

use lib 't/lib';
use Test::DefaultLoop;
use Sys::Virt;
use Sys::Virt::Event;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 120;

Sys::Virt::Event::register_default();
my $guard = Sys::Virt::Event::add_timeout(20, sub {});

# An enum's value in the installed libvirt's API description.
sub api_enum {
    my ($name) = @_;
    my $api = $ENV{LIBVIRT_API_XML} // '/usr/share/libvirt/api/libvirt-api.xml';
    open my $fh, '<', $api or die "$api: $!";
    local $/;
    my $xml = <$fh>;
    $xml =~ /<enum name='$name'[^>]*\bvalue='(\d+)'/ or die "$name is not in $api";
    return $1;
}

my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = $conn->get_domain_by_name('test');
my $pool = $conn->get_storage_pool_by_name('default-pool');

subtest 'bad arguments' => sub {
    like exception { $conn->domain_event_register('x') }, qr/domain_event_register: 'cb' must be a CODE reference/, 'old API cb';
    like exception { $conn->domain_event_register_any(undef, 0, undef) }, qr/'cb' must be a CODE reference/, 'cb undef';
    like exception { $conn->domain_event_register_any($conn, 0, sub {}) }, qr/'dom' is not a Sys::Virt::Domain object/, 'dom of the wrong class';
    like exception { $conn->domain_event_register_any(undef, 'life', sub {}) }, qr/'eventID' must be a number/, 'eventID';
    like exception { $conn->domain_event_register_any(undef, 9999, sub {}) }, qr/unknown domain event ID 9999/, 'unknown eventID';
    like exception { $conn->storage_pool_event_register_any($dom, 0, sub {}) }, qr/'pool' is not a Sys::Virt::StoragePool object/, 'pool class';
    like exception { $conn->storage_pool_event_register_any(undef, 77, sub {}) }, qr/unknown storage pool event ID 77/, 'unknown pool eventID';
    isa_ok exception { $conn->domain_event_deregister_any(4242) }, 'Sys::Virt::Error', 'unknown callback id';
    isa_ok exception { $conn->storage_pool_event_deregister_any(4242) }, 'Sys::Virt::Error', 'unknown pool callback id';
    like exception { $conn->register_close_callback([]) }, qr/register_close_callback: 'cb' must be a CODE reference/, 'close cb';
    like exception { Sys::Virt::domain_event_register(undef, sub {}) }, qr/'con' is undef/, 'undef connection';
};

subtest 'every domain event ID registers and deregisters' => sub {
    my @ids = sort { $a <=> $b } map { Sys::Virt::Domain->$_() }
        grep { /^EVENT_ID_/ && Sys::Virt::Domain->can($_) } keys %Sys::Virt::Domain::;
    # As many as the installed libvirt defines (26 in 7.0, 30 in 12.4).
    is scalar(@ids), api_enum('VIR_DOMAIN_EVENT_ID_LAST'), scalar(@ids) . " domain event IDs, as libvirt's API says";
    is_deeply \@ids, [0 .. $#ids], 'numbered 0 to N-1';
    for my $id (@ids) {
        my $cid = $conn->domain_event_register_any(undef, $id, sub {});
        ok $cid >= 0, "event ID $id";
        $conn->domain_event_deregister_any($cid);
    }
};

subtest 'an event ID this libvirt or this release does not know fails alone' => sub {
    # Newer than the installed libvirt (libvirt refuses it), and newer than
    # any libvirt (Sys::Virt refuses it): each registration fails on its
    # own, and the connection's other registrations go on working.
    my $known = api_enum('VIR_DOMAIN_EVENT_ID_LAST');
    my $cid = $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(), sub {});
    for my $id ($known, $known + 1, 9999) {
        my $err = exception { $conn->domain_event_register_any(undef, $id, sub {}) };
        ok $err, "event ID $id is refused";
        like "$err", qr/unknown domain event ID $id|eventID must be less than/, 'with a message that says why';
    }
    my $again = $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_REBOOT(), sub {});
    ok $again >= 0, 'the next registration works';
    $conn->domain_event_deregister_any($_) for $cid, $again;
};

subtest 'lifecycle, old and new API' => sub {
    my (@old, @any, @mine);
    $conn->domain_event_register(sub { push @old, [@_] });
    my $id = $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(), sub { push @any, [@_] });
    my $id2 = $conn->domain_event_register_any($dom, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(), sub { push @mine, [@_[2, 3]] });
    $dom->destroy;
    $dom->create;
    ok spin(sub { @old >= 2 && @any >= 2 && @mine >= 2 }), 'events arrive';
    is $old[0][0], $conn, 'the same connection object';
    isa_ok $old[0][1], 'Sys::Virt::Domain';
    is $old[0][1]->get_name, 'test', 'the domain';
    is_deeply [@{$old[0]}[2, 3]], [Sys::Virt::Domain::EVENT_STOPPED(), Sys::Virt::Domain::EVENT_STOPPED_DESTROYED()], 'stopped';
    is_deeply [@{$any[1]}[2, 3]], [Sys::Virt::Domain::EVENT_STARTED(), Sys::Virt::Domain::EVENT_STARTED_BOOTED()], 'started';
    is_deeply \@mine, [map { [@$_[2, 3]] } @any], 'the per-domain registration';
    $dom->suspend;
    $dom->resume;
    ok spin(sub { @any >= 4 }), 'suspend/resume';
    is $any[2][2], Sys::Virt::Domain::EVENT_SUSPENDED(), 'suspended';
    is $any[3][2], Sys::Virt::Domain::EVENT_RESUMED(), 'resumed';
    $conn->domain_event_deregister;
    $conn->domain_event_deregister_any($id);
    $conn->domain_event_deregister_any($id2);
    my $n = @old + @any + @mine;
    $dom->destroy;
    $dom->create;
    Sys::Virt::Event::run_default() for 1 .. 5;
    is @old + @any + @mine, $n, 'deregistered: quiet';
};

subtest 'storage pool events' => sub {
    my (@life, @refresh);
    my $id = $conn->storage_pool_event_register_any(undef, Sys::Virt::StoragePool::EVENT_ID_LIFECYCLE(), sub { push @life, [@_] });
    my $rid = $conn->storage_pool_event_register_any($pool, Sys::Virt::StoragePool::EVENT_ID_REFRESH(), sub { push @refresh, [@_] });
    $pool->destroy;
    $pool->create;
    $pool->refresh;
    ok spin(sub { @life >= 2 && @refresh >= 1 }), 'events arrive';
    is $life[0][0], $conn, 'connection';
    isa_ok $life[0][1], 'Sys::Virt::StoragePool';
    is $life[0][1]->get_name, 'default-pool', 'pool';
    is_deeply [@{$life[0]}[2, 3]], [Sys::Virt::StoragePool::EVENT_STOPPED(), 0], 'stopped';
    is_deeply [@{$life[1]}[2, 3]], [Sys::Virt::StoragePool::EVENT_STARTED(), 0], 'started';
    is scalar(@{$refresh[0]}), 2, 'refresh: ($conn, $pool) only';
    $conn->storage_pool_event_deregister_any($id);
    $conn->storage_pool_event_deregister_any($rid);
};

subtest 'event callbacks that die' => sub {
    my $id = $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(), sub { die "lifecycle died\n" });
    $dom->destroy;
    my $e;
    spin(sub { $e = exception { Sys::Virt::Event::run_default() }; $e });
    is $e, "lifecycle died\n", 'run_default dies with it';
    $conn->domain_event_deregister_any($id);
    $dom->create;
    is exception { Sys::Virt::Event::run_default() for 1 .. 3 }, undef, 'loop usable';
};

done_testing;
