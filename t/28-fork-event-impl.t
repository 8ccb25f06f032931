#!/usr/bin/perl
# The same with an event loop written in Perl (Sys::Virt::EventImpl): a
# child running the loop on its own connection gets its events, while the
# parent's connection (its socket watched by the same loop, inherited) is
# left alone: the parent gets its events and keepalive goes on.
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use Test::LibvirtDaemon;
use Test::ForkChild;
use Test::SelectLoop;

use Sys::Virt;
use Sys::Virt::Event;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 120;

my $d = Test::LibvirtDaemon->start_or_skip;
my $loop = Test::SelectLoop->new;
Sys::Virt::Event::register($loop);

my $uri = 'test+unix:///default?socket=' . $d->socket;
my $c = Sys::Virt->new(uri => $uri);
$c->set_keep_alive(1, 3);
my @events;
my $cbid = $c->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(),
    sub { push @events, $_[2] });
my @closed;
$c->register_close_callback(sub { push @closed, $_[1] });
my @expect = (Sys::Virt::Domain::EVENT_SUSPENDED(), Sys::Virt::Domain::EVENT_RESUMED());

my $got = in_child(sub {
    my $mine = Sys::Virt->new(uri => $uri);
    my @mine;
    $mine->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(), sub { push @mine, $_[2] });
    my $dom = $mine->get_domain_by_name('test');
    $dom->suspend;
    $dom->resume;
    $loop->run_until(sub { @mine >= 2 }, 10);
    # Keepalive rounds of the inherited connection's timers, in the child.
    my $n = 0;
    my $t = Sys::Virt::Event::add_timeout(100, sub { $n++ });
    $loop->run_until(sub { $n >= 15 }, 10);
    Sys::Virt::Event::remove_timeout($t);
    my $inherited = eval { $c->list_all_domains; 'no error' } // $@->message;
    join(',', @mine) . "|$inherited";
});
my ($events, $refused) = split /\|/, $got, 2;
is $events, join(',', @expect), "a child running the Perl loop gets its own connection's events";
like $refused, qr/belongs to process $$/, "... and is refused its parent's connection";

ok $loop->run_until(sub { @events >= 2 }, 10), 'the parent gets the same events on its connection';
is_deeply [ @events[0, 1] ], \@expect, '... suspended, then resumed';
my $n = 0;
my $t = Sys::Virt::Event::add_timeout(200, sub { $n++ });
$loop->run_until(sub { $n >= 20 }, 15);
Sys::Virt::Event::remove_timeout($t);
ok $c->is_alive, "the parent's connection is alive after keepalive rounds";
is join(',', map { $_->get_name } $c->list_all_domains), 'test', '... and works';
is_deeply \@closed, [], '... its close callback never ran';

$c->domain_event_deregister_any($cbid);
$c->unregister_close_callback;
done_testing;
