#!/usr/bin/perl
# Network events: lifecycle on test:///default (destroy, create, define,
# undefine) and from a private daemon's network driver; bad arguments;
# callbacks that die; registrations release what they hold.
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use Scalar::Util qw(weaken);
use lib 't/lib';
use Test::DefaultLoop;
use Test::LibvirtDaemon;

use Sys::Virt;
use Sys::Virt::Event;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 120;

my $d = Test::LibvirtDaemon->start_or_skip(drivers => [qw(storage network)], pool => 0);

Sys::Virt::Event::register_default();
my $guard = Sys::Virt::Event::add_timeout(20, sub {});

{
    package Watched::Conn;
    our @ISA = ('Sys::Virt');
    our $destroyed = 0;
    sub DESTROY { $destroyed++; $_[0]->SUPER::DESTROY() }
}

my $NET_XML = "<network><name>svt-ev</name><forward mode='bridge'/><bridge name='svtbr1'/></network>";
my ($LIFE, $DEFINED, $UNDEFINED, $STARTED, $STOPPED) = map { Sys::Virt::Network->$_() }
    qw(EVENT_ID_LIFECYCLE EVENT_DEFINED EVENT_UNDEFINED EVENT_STARTED EVENT_STOPPED);

{
    my $conn = Sys::Virt->new(uri => 'test:///default');
    my $net = $conn->get_network_by_name('default');

    subtest 'bad arguments' => sub {
        like exception { $conn->network_event_register_any(undef, $LIFE, 'x') },
            qr/network_event_register_any: 'cb' must be a CODE reference/, 'cb';
        like exception { $conn->network_event_register_any($conn, $LIFE, sub {}) },
            qr/'net' is not a Sys::Virt::Network object/, 'net of the wrong class';
        like exception { $conn->network_event_register_any(undef, 'life', sub {}) }, qr/'eventID' must be a number/,
            'eventID';
        like exception { $conn->network_event_register_any(undef, 99, sub {}) }, qr/unknown network event ID 99/,
            'unknown eventID';
        like exception { $conn->network_event_register_any(undef, -1, sub {}) }, qr/unknown network event ID -1/,
            'negative eventID';
        isa_ok exception { $conn->network_event_deregister_any(4242) }, 'Sys::Virt::Error', 'unknown callback id';
        like exception { $conn->network_event_deregister_any('x') }, qr/'callbackID' must be a number/, 'callbackID';
        like exception { Sys::Virt::network_event_register_any(undef, undef, $LIFE, sub {}) }, qr/'con' is undef/,
            'undef connection';
        like exception { $conn->network_event_register_any(undef, $LIFE) }, qr/^Usage: /, 'usage';
    };

    subtest 'every network event ID registers and deregisters' => sub {
        my @ids = sort { $a <=> $b } map { Sys::Virt::Network->$_() }
            grep { /^EVENT_ID_/ && Sys::Virt::Network->can($_) } keys %Sys::Virt::Network::;
        ok scalar(@ids) >= 1, scalar(@ids) . ' network event IDs';
        is_deeply \@ids, [0 .. $#ids], 'numbered 0 to N-1';
        for my $id (@ids) {
            my $cid = $conn->network_event_register_any(undef, $id, sub {});
            ok $cid >= 0, "event ID $id";
            is exception { $conn->network_event_deregister_any($cid) }, undef, "deregistered";
        }
    };

    subtest 'lifecycle on test:///default' => sub {
        my (@any, @mine);
        my $id = $conn->network_event_register_any(undef, $LIFE, sub { push @any, [@_] });
        my $id2 = $conn->network_event_register_any($net, $LIFE, sub { push @mine, [@_[2, 3]] });
        $net->destroy;
        $net->create;
        ok spin(sub { @any >= 2 && @mine >= 2 }), 'events arrive';
        is $any[0][0], $conn, 'the same connection object';
        isa_ok $any[0][1], 'Sys::Virt::Network';
        is $any[0][1]->get_name, 'default', 'the network';
        is scalar(@{ $any[0] }), 4, '($conn, $net, $event, $detail)';
        is_deeply [@{ $any[0] }[2, 3]], [$STOPPED, 0], 'stopped';
        is_deeply [@{ $any[1] }[2, 3]], [$STARTED, 0], 'started';
        is_deeply \@mine, [map { [@$_[2, 3]] } @any], 'the per-network registration';

        my $new = $conn->define_network($NET_XML);
        $new->undefine;
        ok spin(sub { @any >= 4 }), 'define/undefine events';
        is_deeply [map { [$_->[1]->get_name, $_->[2]] } @any[2, 3]], [['svt-ev', $DEFINED], ['svt-ev', $UNDEFINED]],
            'defined, undefined';
        is scalar(@mine), 2, 'not for the per-network registration';

        $conn->network_event_deregister_any($id);
        $conn->network_event_deregister_any($id2);
        my $n = @any + @mine;
        $net->destroy;
        $net->create;
        Sys::Virt::Event::run_default() for 1 .. 5;
        is @any + @mine, $n, 'deregistered: quiet';
    };

    subtest 'callbacks that die' => sub {
        my $id = $conn->network_event_register_any(undef, $LIFE, sub { die "network callback died\n" });
        $net->destroy;
        my $e;
        spin(sub { $e = exception { Sys::Virt::Event::run_default() }; $e });
        is $e, "network callback died\n", 'run_default dies with it';
        $conn->network_event_deregister_any($id);
        my $obj = bless {}, 'Some::Error';
        $id = $conn->network_event_register_any(undef, $LIFE, sub { die $obj });
        $net->create;
        undef $e;
        spin(sub { $e = exception { Sys::Virt::Event::run_default() }; $e });
        is $e, $obj, 'an exception object comes out unchanged';
        $conn->network_event_deregister_any($id);
        is exception { Sys::Virt::Event::run_default() for 1 .. 3 }, undef, 'loop usable';
        ok $net->is_active, 'network running again';
    };
}

subtest 'registrations release the callback and the connection' => sub {
    my $conn = Watched::Conn->new(uri => 'test:///default');
    my $x;
    my $cb = sub { $x };
    my $weak_cb = $cb;
    weaken($weak_cb);
    my $id = $conn->network_event_register_any(undef, $LIFE, $cb);
    my $id2 = $conn->network_event_register_any($conn->get_network_by_name('default'), $LIFE, $cb);
    undef $cb;
    ok defined $weak_cb, 'the callback is held while registered';
    $conn->network_event_deregister_any($id);
    $conn->network_event_deregister_any($id2);
    Sys::Virt::Event::run_default() for 1 .. 3;
    ok !defined $weak_cb, 'released once deregistered';
    my $weak = $conn;
    weaken($weak);
    undef $conn;
    Sys::Virt::Event::run_default() for 1 .. 3;
    ok !defined $weak, 'the connection object is gone';
    is $Watched::Conn::destroyed, 1, 'DESTROY ran once';

    # A connection dropped with a registration still in place: held by it,
    # events still arrive with it; nothing crashes.
    $Watched::Conn::destroyed = 0;
    $conn = Watched::Conn->new(uri => 'test:///default');
    my @got;
    $conn->network_event_register_any(undef, $LIFE, sub { push @got, $_[0] });
    my $net = $conn->get_network_by_name('default');
    undef $conn;
    is $Watched::Conn::destroyed, 0, 'still held by its registration';
    $net->destroy;
    $net->create;
    ok spin(sub { @got >= 2 }), 'events still delivered';
    isa_ok $got[0], 'Watched::Conn', 'with the connection object';
    @got = ();
    undef $net;
    Sys::Virt::Event::run_default() for 1 .. 3;
};

subtest 'lifecycle events from the network driver of a daemon' => sub {
    my $conn = Sys::Virt->new(uri => $d->uri_for('network'));
    my @ev;
    my $id = $conn->network_event_register_any(undef, $LIFE, sub {
        push @ev, [ref $_[0], $_[1]->get_name, @_[2, 3]];
    });
    my $net = $conn->define_network($NET_XML);
    $net->create;
    $net->destroy;
    $net->undefine;
    ok spin(sub { @ev >= 4 }), 'four events arrive';
    is_deeply \@ev, [map { ['Sys::Virt', 'svt-ev', $_, 0] } $DEFINED, $STARTED, $STOPPED, $UNDEFINED],
        'defined, started, stopped, undefined';
    $conn->network_event_deregister_any($id);
    my $other = $conn->define_network($NET_XML);
    $other->undefine;
    Sys::Virt::Event::run_default() for 1 .. 5;
    is scalar(@ev), 4, 'deregistered: quiet';
    undef $net;
    undef $other;
    undef $conn;    # before the daemon stops (END)
};

done_testing;
