#!/usr/bin/perl
# Case 8: libvirt's events on Perl's event loops through this project's
# adapters (Sys::Virt::EventImpl::AnyEvent, ::IOAsync, ::Mojo), beside the
# loop's own timers and beside libvirt's default loop (run_default).
#   usage: event_adapters.pl dispatch LOOP WHAT SECONDS
#          event_adapters.pl download LOOP URI POOL VOLUME OUTPUT
#   LOOP: default (register_default + run_default), anyevent-perl,
#         anyevent-ev, ioasync, mojo-ev, mojo-poll
#   WHAT: libvirt  a 0 ms libvirt timer (Sys::Virt::Event::add_timeout)
#                  dispatched by the loop
#         native   the loop's own zero-delay timer, re-armed as it fires
#   download: a non-blocking stream (NONBLOCK, add_callback) read with recv
#             into OUTPUT, the loop driving it
use strict;
use warnings;
BEGIN { unshift @INC, (__FILE__ =~ m{^(.*/)} ? $1 : "./") . "../lib" }
use BenchUtil qw(now cpu result hwm_kib);

my ($mode, $loop) = splice @ARGV, 0, 2;
die "usage: $0 dispatch|download LOOP ...\n"
    unless defined $loop && $mode =~ /^(dispatch|download)$/
        && $loop =~ /^(default|anyevent-perl|anyevent-ev|ioasync|mojo-ev|mojo-poll)$/;

$ENV{PERL_ANYEVENT_MODEL} = $loop eq 'anyevent-ev' ? 'EV' : 'Perl';
$ENV{MOJO_REACTOR} = $loop eq 'mojo-ev' ? 'Mojo::Reactor::EV' : 'Mojo::Reactor::Poll';

require Sys::Virt;
require Sys::Virt::Event;

# Registers the loop; returns (run, stop): run() runs it until stop().
my ($run, $stop, $native);
if ($loop eq 'default') {
    Sys::Virt::Event::register_default();
    my $going;
    $run = sub { $going = 1; Sys::Virt::Event::run_default() while $going };
    $stop = sub { $going = 0 };
} elsif ($loop =~ /^anyevent/) {
    require AnyEvent;
    require Sys::Virt::EventImpl::AnyEvent;
    Sys::Virt::EventImpl::AnyEvent->register;
    my $cv;
    $run = sub { $cv = AnyEvent->condvar; $cv->recv };
    $stop = sub { $cv->send };
    # AnyEvent's watcher that runs on every iteration: an idle watcher
    # (its pure-Perl loop would run a zero-delay timer re-armed from itself
    # in a burst without polling, and a tiny period sleeps in EV).
    $native = sub { my ($cb) = @_; my $w = AnyEvent->idle(cb => $cb); sub { undef $w } };
} elsif ($loop eq 'ioasync') {
    require IO::Async::Loop;
    require Sys::Virt::EventImpl::IOAsync;
    my $l = IO::Async::Loop->new;
    Sys::Virt::EventImpl::IOAsync->register($l);
    $run = sub { $l->run };
    $stop = sub { $l->stop };
    $native = sub {
        my ($cb) = @_;
        my ($on, $fire) = (1);
        $fire = sub { return unless $on; $l->watch_time(after => 0, code => $fire); $cb->() };
        $l->watch_time(after => 0, code => $fire);
        sub { $on = 0 };
    };
} else {
    require Mojo::IOLoop;
    require Sys::Virt::EventImpl::Mojo;
    my $impl = Sys::Virt::EventImpl::Mojo->register;
    my $r = $impl->reactor;
    die "not the reactor asked for: " . ref($r) . "\n" unless ref($r) eq $ENV{MOJO_REACTOR};
    $run = sub { $r->start };
    $stop = sub { $r->stop };
    $native = sub {
        my ($cb) = @_;
        my ($on, $fire) = (1);
        $fire = sub { return unless $on; $r->timer(0 => $fire); $cb->() };
        $r->timer(0 => $fire);
        sub { $on = 0 };
    };
}

if ($mode eq 'dispatch') {
    my ($what, $secs) = @ARGV;
    die "WHAT must be libvirt or native\n" unless $what && $what =~ /^(libvirt|native)$/;
    die "the default loop has no native timers: use WHAT=libvirt\n" if $what eq 'native' && !$native;
    my $count = 0;
    my ($t0, $c0, $t1, $c1);
    my $end;
    my $tick = sub {
        $count++;
        return if $count & 255;
        if (($t1 = now()) >= $end) { $c1 = cpu(); $stop->() }
    };
    my $cancel;
    if ($what eq 'libvirt') {
        my $t;
        $t = Sys::Virt::Event::add_timeout(0, $tick);
        $cancel = sub { Sys::Virt::Event::remove_timeout($t) };
    } else {
        $cancel = $native->($tick);
    }
    ($t0, $c0) = (now(), cpu());
    $end = $t0 + $secs;
    $run->();
    $cancel->();
    result(op_wall => $t1 - $t0, op_cpu => $c1 - $c0, callbacks => $count,
           rate => $count / ($t1 - $t0), cpu_per_cb_us => 1e6 * ($c1 - $c0) / ($count || 1),
           hwm_kib => hwm_kib());
} else {
    my ($uri, $pool, $volname, $out) = @ARGV;
    die "usage: $0 download LOOP URI POOL VOLUME OUTPUT\n" unless defined $out;
    my $conn = Sys::Virt->new(uri => $uri);
    my $vol = $conn->get_storage_pool_by_name($pool)->get_volume_by_name($volname);
    open my $fh, '>', $out or die "$out: $!\n";
    my $st = $conn->new_stream(Sys::Virt::Stream::NONBLOCK());
    my ($bytes, $calls, $err) = (0, 0);
    my ($t0, $c0) = (now(), cpu());
    $vol->download($st, 0, 0);
    $st->add_callback(Sys::Virt::Stream::EVENT_READABLE() | Sys::Virt::Stream::EVENT_ERROR()
                      | Sys::Virt::Stream::EVENT_HANGUP(), sub {
        my ($s) = @_;
        $calls++;
        while (1) {
            my $n = $s->recv(my $buf, 256 * 1024);
            return if $n == -2;
            if ($n == 0) { $s->remove_callback; $s->finish; $stop->(); return }
            syswrite($fh, $buf) == $n or die "$out: $!\n";
            $bytes += $n;
        }
    });
    $run->();
    my ($t1, $c1) = (now(), cpu());
    close $fh or die "$out: $!\n";
    result(op_wall => $t1 - $t0, op_cpu => $c1 - $c0, bytes => $bytes, callbacks => $calls,
           hwm_kib => hwm_kib());
}
