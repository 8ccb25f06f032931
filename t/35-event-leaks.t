#!/usr/bin/perl
# Registrations release what they hold: a connection whose callbacks are all
# deregistered is freed; register/deregister loops keep memory flat;
# dropping a connection with callbacks registered does not crash.
use strict;
use warnings;
use Test::More;
use Scalar::Util qw(weaken);

use Sys::Virt;
use Sys::Virt::Event;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 300;

{
    package Watched::Conn;
    our @ISA = ('Sys::Virt');
    our $destroyed = 0;
    sub DESTROY { $destroyed++; $_[0]->SUPER::DESTROY() }
}

Sys::Virt::Event::register_default();
my $guard = Sys::Virt::Event::add_timeout(10, sub {});
sub iterate { Sys::Virt::Event::run_default() for 1 .. ($_[0] // 3) }

sub rss_kb {
    open my $fh, '<', '/proc/self/statm' or return 0;
    my (undef, $rss) = split ' ', scalar <$fh>;
    return $rss * 4;
}

subtest 'a connection is freed once its callbacks are deregistered' => sub {
    my $conn = Watched::Conn->new(uri => 'test:///default');
    my $closed_over;
    my $cb = sub { $closed_over };    # a closure: a CV of its own
    my $weak_cb = $cb;
    weaken($weak_cb);
    $conn->domain_event_register($cb);
    my $id = $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(), $cb);
    my $id2 = $conn->domain_event_register_any($conn->get_domain_by_name('test'), Sys::Virt::Domain::EVENT_ID_REBOOT(), $cb);
    my $pid = $conn->storage_pool_event_register_any(undef, Sys::Virt::StoragePool::EVENT_ID_LIFECYCLE(), $cb);
    $conn->register_close_callback($cb);
    undef $cb;
    ok defined $weak_cb, 'the callback is held while registered';
    my $weak = $conn;
    weaken($weak);
    $conn->domain_event_deregister;
    $conn->domain_event_deregister_any($id);
    $conn->domain_event_deregister_any($id2);
    $conn->storage_pool_event_deregister_any($pid);
    $conn->unregister_close_callback;
    iterate();
    ok !defined $weak_cb, 'the callback is released';
    undef $conn;
    iterate();
    ok !defined $weak, 'the connection object is gone';
    is $Watched::Conn::destroyed, 1, 'DESTROY ran once';
};

subtest 'registered callbacks hold the connection; dropping it does not crash' => sub {
    $Watched::Conn::destroyed = 0;
    my $conn = Watched::Conn->new(uri => 'test:///default');
    my @got;
    $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(), sub { push @got, $_[0] });
    my $dom = $conn->get_domain_by_name('test');
    undef $conn;
    is $Watched::Conn::destroyed, 0, 'still held by its registration';
    $dom->destroy;
    $dom->create;
    iterate(10);
    ok scalar(@got) >= 2, 'events still delivered';
    isa_ok $got[0], 'Watched::Conn', 'with the connection object';
    @got = ();
    undef $dom;
    iterate();
};

subtest 'close callbacks on a driver that ignores them are released too' => sub {
    my $conn = Sys::Virt->new(uri => 'test:///default');
    my $x;
    my $cb = sub { $x };
    my $weak = $cb;
    weaken($weak);
    $conn->register_close_callback($cb);
    undef $cb;
    like exception_of(sub { $conn->register_close_callback(sub {}) }), qr/already registered/, 'one per connection';
    $conn->unregister_close_callback;
    ok !defined $weak, 'released at unregister';
    is exception_of(sub { $conn->register_close_callback(sub {}); $conn->unregister_close_callback }), '', 'again';
};

sub exception_of { my $c = shift; eval { $c->(); 1 } ? '' : $@ }

subtest 'register/deregister loops keep memory flat' => sub {
    my $conn = Sys::Virt->new(uri => 'test:///default');
    my $round = sub {
        for (1 .. 500) {
            my $id = $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(), sub { 1 });
            $conn->domain_event_deregister_any($id);
            my $pid = $conn->storage_pool_event_register_any(undef, 0, sub { 1 });
            $conn->storage_pool_event_deregister_any($pid);
            $conn->register_close_callback(sub { 1 });
            $conn->unregister_close_callback;
            my $t = Sys::Virt::Event::add_timeout(-1, sub { 1 });
            Sys::Virt::Event::remove_timeout($t);
            my $h = Sys::Virt::Event::add_handle(0, 0, sub { 1 });
            Sys::Virt::Event::remove_handle($h);
        }
        iterate(2);
    };
    $round->() for 1 .. 2;    # warm up
    my $before = rss_kb();
    $round->() for 1 .. 8;
    my $after = rss_kb();
    diag "RSS before $before kB, after 4000 more register/deregister rounds $after kB";
    cmp_ok $after - $before, '<', 2048, 'RSS grows by less than 2 MB';
};

done_testing;
