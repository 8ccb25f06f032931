#!/usr/bin/perl
# Case 5: event dispatch rate, callbacks per second.
#   usage: event_dispatch.pl LOOP KIND SECONDS
#   LOOP: default  libvirt's own loop, Sys::Virt::Event::run_default
#         perl     a select(2) loop written in Perl (BenchLoop below),
#                  registered with Sys::Virt::Event::register
#   KIND: timer    one 0 ms timer (fires on every iteration)
#         handle   one pipe read end that is always readable (a byte is
#                  written and never read), level-triggered
use strict;
use warnings;
BEGIN { unshift @INC, (__FILE__ =~ m{^(.*/)} ? $1 : "./") . "../lib" }
use BenchUtil qw(now cpu result hwm_kib);
use Sys::Virt;
use Sys::Virt::Event;    # the classic binding keeps register() there

my ($loop, $kind, $secs) = @ARGV;
die "usage: $0 default|perl timer|handle SECONDS\n"
    unless defined $secs && $loop =~ /^(default|perl)$/ && $kind =~ /^(timer|handle)$/;

# ---------------------------------------------------------------------------
# A minimal event loop implementation in Perl, as a user would write one.
package BenchLoop {
    # This project's base class; the classic binding (9.0.0) only has
    # Sys::Virt::Event as the base of event implementations.
    our @ISA;
    eval { require Sys::Virt::EventImpl };
    @ISA = Sys::Virt::EventImpl->can('_run_handle_callback')
        ? ('Sys::Virt::EventImpl') : ('Sys::Virt::Event');

    sub new { bless { h => {}, t => {}, id => 1, free => [] }, shift }

    sub add_handle {
        my ($self, $fd, $events, $cb, $opaque, $ff) = @_;
        my $id = $self->{id}++;
        $self->{h}{$id} = [$fd, $events, $cb, $opaque, $ff];
        return $id;
    }
    sub update_handle {
        my ($self, $id, $events) = @_;
        $self->{h}{$id}[1] = $events if $self->{h}{$id};
    }
    sub remove_handle {
        my ($self, $id) = @_;
        my $h = delete $self->{h}{$id} or return -1;
        push @{ $self->{free} }, [ $h->[4], $h->[3] ];
        return 0;
    }
    sub add_timeout {
        my ($self, $ms, $cb, $opaque, $ff) = @_;
        my $id = $self->{id}++;
        $self->{t}{$id} = [$ms, $cb, $opaque, $ff,
                           $ms >= 0 ? BenchUtil::now() + $ms / 1000 : undef];
        return $id;
    }
    sub update_timeout {
        my ($self, $id, $ms) = @_;
        my $t = $self->{t}{$id} or return;
        $t->[0] = $ms;
        $t->[4] = $ms >= 0 ? BenchUtil::now() + $ms / 1000 : undef;
    }
    sub remove_timeout {
        my ($self, $id) = @_;
        my $t = delete $self->{t}{$id} or return -1;
        push @{ $self->{free} }, [ $t->[3], $t->[2] ];
        return 0;
    }

    sub run_once {
        my ($self) = @_;
        my $now = BenchUtil::now();
        my $wait;
        for my $t (values %{ $self->{t} }) {
            next unless defined $t->[4];
            my $d = $t->[4] - $now;
            $d = 0 if $d < 0;
            $wait = $d if !defined $wait || $d < $wait;
        }
        my ($rin, $win, $ein) = ('', '', '');
        my $h = $self->{h};
        for my $w (values %$h) {
            vec($rin, $w->[0], 1) = 1 if $w->[1] & Sys::Virt::Event::HANDLE_READABLE();
            vec($win, $w->[0], 1) = 1 if $w->[1] & Sys::Virt::Event::HANDLE_WRITABLE();
            vec($ein, $w->[0], 1) = 1;
        }
        my ($rout, $wout, $eout) = ($rin, $win, $ein);
        my $n = select($rout, $wout, $eout, $wait);
        die "select: $!" if $n < 0 && !$!{EINTR};
        if ($n > 0) {
            for my $id (keys %$h) {
                my $w = $h->{$id} or next;
                my $ev = 0;
                $ev |= Sys::Virt::Event::HANDLE_READABLE() if vec($rout, $w->[0], 1);
                $ev |= Sys::Virt::Event::HANDLE_WRITABLE() if vec($wout, $w->[0], 1);
                $ev |= Sys::Virt::Event::HANDLE_ERROR()    if vec($eout, $w->[0], 1);
                $ev &= $w->[1] | Sys::Virt::Event::HANDLE_ERROR();
                $self->_run_handle_callback($id, $w->[0], $ev, $w->[2], $w->[3]) if $ev;
            }
        }
        $now = BenchUtil::now();
        for my $id (keys %{ $self->{t} }) {
            my $t = $self->{t}{$id} or next;
            next unless defined $t->[4] && $t->[4] <= $now;
            $t->[4] = $now + $t->[0] / 1000;
            $self->_run_timeout_callback($id, $t->[1], $t->[2]);
        }
        while (my $f = shift @{ $self->{free} }) {
            $self->_free_callback_opaque(@$f);
        }
    }
}

# ---------------------------------------------------------------------------
package main;

my $impl;
if ($loop eq 'default') {
    Sys::Virt::Event::register_default();
} else {
    $impl = BenchLoop->new;
    Sys::Virt::Event::register($impl);
}

my $count = 0;
my ($r, $w);
if ($kind eq 'timer') {
    Sys::Virt::Event::add_timeout(0, sub { $count++ });
} else {
    pipe $r, $w or die "pipe: $!\n";
    syswrite $w, "x" or die "write: $!\n";
    Sys::Virt::Event::add_handle(fileno($r), Sys::Virt::Event::HANDLE_READABLE(),
        sub { $count++ });
}

my $iter = 0;
my ($t0, $c0) = (now(), cpu());
my $deadline = $t0 + $secs;
my $t1;
while (1) {
    if ($impl) { $impl->run_once } else { Sys::Virt::Event::run_default() }
    next if ++$iter & 255;
    last if ($t1 = now()) >= $deadline;
}
my $c1 = cpu();

result(op_wall => $t1 - $t0, op_cpu => $c1 - $c0, callbacks => $count,
       iterations => $iter, rate => $count / ($t1 - $t0),
       cpu_per_cb_us => 1e6 * ($c1 - $c0) / ($count || 1),
       hwm_kib => hwm_kib());
