#!/usr/bin/perl
# A select()-based event loop written in Perl (Sys::Virt::EventImpl
# subclass) registered with Sys::Virt::Event::register, driving handles,
# timers and test:///default domain and pool events.
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use lib 't/lib';

use Sys::Virt;
use Sys::Virt::Event;
use Sys::Virt::EventImpl;
use Test::SelectLoop;
use Time::HiRes ();

$SIG{ALRM} = sub { die "timed out\n" };
alarm 120;

subtest 'the base class and register() checks' => sub {
    my $base = Sys::Virt::EventImpl->new;
    for my $m (qw(add_handle update_handle remove_handle add_timeout update_timeout remove_timeout)) {
        like exception { $base->$m(1, 2, 3, 4, 5) }, qr/must provide an impl of '$m'/, "base $m dies";
    }
    like exception { Sys::Virt::Event::register(undef) }, qr/must be an object of a subclass of Sys::Virt::EventImpl/, 'undef';
    like exception { Sys::Virt::Event::register(bless {}, 'Other') }, qr/subclass of Sys::Virt::EventImpl/, 'other class';
    like exception { Sys::Virt::Event::register('Test::SelectLoop') }, qr/subclass of Sys::Virt::EventImpl/, 'a class name';
    like exception { Sys::Virt::EventImpl->_run_handle_callback(1, 0, 1, 1, 1) },
        qr/no event implementation is registered/, 'helpers before register';
};

my $loop = Test::SelectLoop->new;
is exception { Sys::Virt::Event::register($loop) }, undef, 'register';
like exception { Sys::Virt::Event::register(Test::SelectLoop->new) }, qr/already registered/, 'only once';
is scalar(keys %{$loop->{handles}}), 0,
    'nothing watched yet: the wake-up pipe is added only once another thread needs it';

subtest 'handles and timers of the script through the Perl loop' => sub {
    pipe(my $r, my $w) or die;
    my (@rd, @tm);
    my $watch = Sys::Virt::Event::add_handle(fileno($r), Sys::Virt::Event::HANDLE_READABLE(),
                                             sub { push @rd, [@_]; sysread $r, my $b, 10 });
    my $timer = Sys::Virt::Event::add_timeout(10, sub { push @tm, [@_] });
    ok $watch > 0 && $timer > 0, "ids $watch $timer";
    ok $loop->run_until(sub { @tm >= 2 }), 'timer fires';
    is_deeply $tm[0], [$timer], '($timer)';
    syswrite $w, "x";
    ok $loop->run_until(sub { @rd >= 1 }), 'handle fires';
    is_deeply $rd[0], [$watch, fileno($r), Sys::Virt::Event::HANDLE_READABLE()], '($watch, $fd, $events)';
    Sys::Virt::Event::update_timeout($timer, -1);
    $loop->run_once(0.05);
    my $n = @tm;
    $loop->run_once(0.05) for 1 .. 3;
    is scalar(@tm), $n, 'disabled timer quiet';
    my $before = keys %{$loop->{handles}};
    Sys::Virt::Event::remove_handle($watch);
    Sys::Virt::Event::remove_timeout($timer);
    is keys %{$loop->{handles}}, $before - 1, 'removed from the Perl loop';
    like exception { Sys::Virt::Event::remove_handle($watch) }, qr/no handle with watch/, 'twice dies';
    $loop->run_once(0.01);
};

subtest 'forged and stale values given to the helpers' => sub {
    like exception { $loop->_run_handle_callback(1, 0, 1, 999999, 999999) }, qr/not a callback value/, 'forged number';
    like exception { $loop->_run_handle_callback(1, 0, 1, 'abc', 'abc') }, qr/'cb' is not a value the event loop was given/, 'string';
    like exception { $loop->_run_timeout_callback(1, [], []) }, qr/not a value the event loop was given/, 'reference';
    like exception { $loop->_free_callback_opaque(-5, -5) }, qr/not a callback value/, 'negative';
    my $t = Sys::Virt::Event::add_timeout(-1, sub { fail 'stale timer must not fire' });
    # the Perl loop's own ids are not libvirt's: take its newest timer
    my ($pt) = sort { $b <=> $a } keys %{$loop->{timers}};
    my $entry = $loop->{timers}{$pt};
    my $saved = { %$entry };
    like exception { $loop->_run_timeout_callback($t, $saved->{cb}, $saved->{opaque} + 1) }, qr/do not belong together|not a callback value/, 'mismatched pair';
    like exception { $loop->_free_callback_opaque($saved->{ff}, $saved->{opaque}) }, qr/has not removed/, 'free before removal refused';
    pipe(my $r, my $w) or die;
    my $h = Sys::Virt::Event::add_handle(fileno($r), Sys::Virt::Event::HANDLE_READABLE(), sub { });
    my ($ph) = sort { $b <=> $a } keys %{$loop->{handles}};
    my $handle = $loop->{handles}{$ph};
    like exception { $loop->_run_timeout_callback(1, $handle->{cb}, $handle->{opaque}) }, qr/does not belong to this kind/, 'handle value as a timer';
    Sys::Virt::Event::remove_handle($h);
    Sys::Virt::Event::remove_timeout($t);
    $loop->run_once(0.01);    # frees it
    is exception { $loop->_run_timeout_callback($t, $saved->{cb}, $saved->{opaque}) }, undef, 'stale value ignored';
    is exception { $loop->_free_callback_opaque($saved->{ff}, $saved->{opaque}) }, undef, 'freeing twice is harmless';
};

subtest 'impl methods that die or return garbage' => sub {
    $loop->{fail}{add_timeout} = 'die';
    like exception { Sys::Virt::Event::add_timeout(10, sub {}) }, qr/SelectLoop: add_timeout refused/, 'dying add_timeout';
    $loop->{fail}{add_timeout} = 'garbage';
    like exception { Sys::Virt::Event::add_timeout(10, sub {}) }, qr/add_timeout returned 'not a number', not a timer number/, 'garbage id';
    $loop->{fail}{add_timeout} = [];
    like exception { Sys::Virt::Event::add_timeout(10, sub {}) }, qr/not a timer number/, 'a reference as id';
    delete $loop->{fail}{add_timeout};
    my $t = Sys::Virt::Event::add_timeout(-1, sub {});
    $loop->{fail}{update_timeout} = 'die';
    like exception { Sys::Virt::Event::update_timeout($t, 5) }, qr/update_timeout refused/, 'dying update';
    delete $loop->{fail}{update_timeout};
    $loop->{fail}{remove_timeout} = 'die';
    like exception { Sys::Virt::Event::remove_timeout($t) }, qr/remove_timeout refused/, 'dying remove';
    delete $loop->{fail}{remove_timeout};
    pipe(my $r, my $w) or die;
    $loop->{fail}{add_handle} = 'garbage';
    like exception { Sys::Virt::Event::add_handle(fileno($r), 1, sub {}) }, qr/not a watch number/, 'garbage watch';
    delete $loop->{fail}{add_handle};
    is exception { $loop->run_once(0.01) }, undef, 'the loop still runs';
};

subtest 'callback exceptions come out of the dispatch helper' => sub {
    my $t = Sys::Virt::Event::add_timeout(0, sub { die "from the callback\n" });
    my $e = exception { $loop->run_once(0.01) for 1 .. 5 };
    is $e, "from the callback\n", 'the helper finished, then died with it';
    Sys::Virt::Event::remove_timeout($t);
    is exception { $loop->run_once(0.01) }, undef, 'loop usable';
};

subtest 'domain and pool events on test:///default' => sub {
    my $conn = Sys::Virt->new(uri => 'test:///default');
    my (@old, @any, @pool);
    $conn->domain_event_register(sub { push @old, [ref $_[0], ref $_[1], $_[1]->get_name, @_[2, 3]] });
    my $id = $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(),
                                              sub { push @any, [@_[2, 3]] });
    my $pid = $conn->storage_pool_event_register_any(undef, Sys::Virt::StoragePool::EVENT_ID_LIFECYCLE(),
                                                     sub { push @pool, [ref $_[1], $_[1]->get_name, @_[2, 3]] });
    my $dom = $conn->get_domain_by_name('test');
    $dom->destroy;
    $dom->create;
    ok $loop->run_until(sub { @old >= 2 && @any >= 2 }), 'events arrive';
    is_deeply $old[0], ['Sys::Virt', 'Sys::Virt::Domain', 'test', Sys::Virt::Domain::EVENT_STOPPED(), Sys::Virt::Domain::EVENT_STOPPED_DESTROYED()], 'old API: stopped/destroyed';
    is_deeply $old[1], ['Sys::Virt', 'Sys::Virt::Domain', 'test', Sys::Virt::Domain::EVENT_STARTED(), Sys::Virt::Domain::EVENT_STARTED_BOOTED()], 'started/booted';
    is_deeply \@any, [map { [@$_[3, 4]] } @old], 'register_any sees the same';
    my $pool = $conn->get_storage_pool_by_name('default-pool');
    $pool->destroy;
    $pool->create;
    ok $loop->run_until(sub { @pool >= 2 }), 'pool events arrive';
    is_deeply $pool[0], ['Sys::Virt::StoragePool', 'default-pool', Sys::Virt::StoragePool::EVENT_STOPPED(), 0], 'pool stopped';
    is_deeply $pool[1], ['Sys::Virt::StoragePool', 'default-pool', Sys::Virt::StoragePool::EVENT_STARTED(), 0], 'pool started';
    $conn->domain_event_deregister;
    $conn->domain_event_deregister_any($id);
    $conn->storage_pool_event_deregister_any($pid);
    ($#old, $#any, $#pool) = (-1, -1, -1);
    $dom->destroy;
    $dom->create;
    $pool->destroy;
    $pool->create;
    $loop->run_once(0.05) for 1 .. 5;
    is scalar(@old) + scalar(@any) + scalar(@pool), 0, 'deregistered: no more events';
    # a callback that dies
    $id = $conn->domain_event_register_any($dom, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(), sub { die "event cb died\n" });
    $dom->destroy;
    my $e;
    for (1 .. 20) { $e = exception { $loop->run_once(0.05) }; last if $e }
    is $e, "event cb died\n", 'an event callback exception comes out of the dispatch';
    $conn->domain_event_deregister_any($id);
    $dom->create;
};

subtest 'private daemon: keepalive and close callback through the Perl loop' => sub {
    require Test::LibvirtDaemon;
    my $d = Test::LibvirtDaemon->start
        or plan skip_all => do { no warnings "once"; $Test::LibvirtDaemon::SKIP_REASON };
    my $before = keys %{$loop->{handles}};
    my $conn = Sys::Virt->new(uri => $d->uri);
    ok scalar(keys %{$loop->{handles}}) > $before, 'the remote driver watches its socket through the Perl loop';
    is exception { $conn->set_keep_alive(1, 5) }, undef, 'set_keep_alive';
    my $end = Time::HiRes::time() + 2.5;
    $loop->run_once(0.2) while Time::HiRes::time() < $end;
    ok $conn->is_alive, 'alive after keepalive rounds';
    my @closed;
    $conn->register_close_callback(sub { push @closed, [@_] });
    $d->kill_daemon('KILL');
    ok $loop->run_until(sub { @closed >= 1 }, 20), 'close callback fired';
    is $closed[0][0], $conn, 'with the connection';
    # select() cannot report HANGUP: libvirt then reads the end of file
    # itself and reports it as an error (with poll() it says EOF).
    ok $closed[0][1] == Sys::Virt::CLOSE_REASON_EOF() || $closed[0][1] == Sys::Virt::CLOSE_REASON_ERROR(),
        "reason $closed[0][1]: EOF or ERROR";
    eval { $conn->unregister_close_callback };
    undef $conn;
    is exception { $loop->run_once(0.05) for 1 .. 5 }, undef, 'the loop runs on';
};

done_testing;
