#!/usr/bin/perl
# A private daemon: the close callback fires with CLOSE_REASON_EOF when the
# daemon dies, keepalive works with the default loop, nothing hangs.
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use Time::HiRes ();
use lib 't/lib';
use Test::DefaultLoop ();
use Test::LibvirtDaemon;

use Sys::Virt;
use Sys::Virt::Event;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 120;

my $d = Test::LibvirtDaemon->start_or_skip;

Sys::Virt::Event::register_default();
my $guard = Sys::Virt::Event::add_timeout(50, sub {});
sub spin { Test::DefaultLoop::spin($_[0], $_[1] // 20) }

my $conn = Sys::Virt->new(uri => $d->uri);
is exception { $conn->set_keep_alive(1, 5) }, undef, 'set_keep_alive with a registered loop';
my $spins = 0;
my $t = Sys::Virt::Event::add_timeout(100, sub { $spins++ });
spin(sub { $spins >= 25 });    # ~2.5 s: several keepalive rounds
ok $conn->is_alive, 'still alive after keepalive rounds';
Sys::Virt::Event::remove_timeout($t);

my @closed;
$conn->register_close_callback(sub { push @closed, [@_] });
like exception { $conn->register_close_callback(sub {}) }, qr/already registered/, 'a second close callback';
# the pool events of a remote connection too
my @pool;
my $pid = $conn->storage_pool_event_register_any(undef, Sys::Virt::StoragePool::EVENT_ID_REFRESH(), sub { push @pool, [@_] });
$conn->get_storage_pool_by_name($d->pool_name)->refresh;
ok spin(sub { @pool >= 1 }), 'a pool refresh event from the daemon';
isa_ok $pool[0][1], 'Sys::Virt::StoragePool';
$conn->storage_pool_event_deregister_any($pid);

$d->kill_daemon('KILL');
ok spin(sub { @closed >= 1 }), 'close callback fired';
is $closed[0][0], $conn, 'with the connection';
is $closed[0][1], Sys::Virt::CLOSE_REASON_EOF(), 'reason EOF';
ok !$conn->is_alive, 'no longer alive';
my $e = exception { $conn->unregister_close_callback };
ok !defined($e) || (ref $e && $e->isa('Sys::Virt::Error')), 'unregister after close: done or a clean libvirt error';
undef $conn;
is exception { Sys::Virt::Event::run_default() for 1 .. 3 }, undef, 'loop fine afterwards';

done_testing;
