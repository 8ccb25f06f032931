package Sys::Virt::EventImpl::Adapter;

use strict;
use warnings;

use IO::Poll ();
use Scalar::Util ();

use parent 'Sys::Virt::EventImpl';

our $VERSION = '0.1.0';

use constant {
    READABLE => 1,    # Sys::Virt::Event::HANDLE_READABLE
    WRITABLE => 2,
    ERROR    => 4,
    HANGUP   => 8,
};
use constant ALWAYS => ERROR | HANGUP;

# How often a watch that asked for no event looks for a hang-up while its
# descriptor holds data nobody reads (watching it for reading would spin).
our $IDLE_PROBE_SECONDS = 0.05;

sub new {
    my $class = shift;
    my $self = $class->SUPER::new();
    @$self{qw(handles timers fds zero next pending_frees idle_waiters)} = ({}, {}, {}, {}, 0, 0, []);
    return $self;
}

sub register {
    my $class = shift;
    my $self = $class->new(@_);
    Sys::Virt::Event::register($self);
    return $self;
}

sub is_idle {
    my ($self) = @_;
    return 0 if $self->{pending_frees} || %{ $self->{timers} };
    return !grep { !$_->{wakeup} } values %{ $self->{handles} };
}

# Calls $cb from the loop once nothing is left (at once if nothing is).
sub _when_idle {
    my ($self, $cb) = @_;
    if ($self->is_idle) { $cb->(); return }
    push @{ $self->{idle_waiters} }, $cb;
}

sub _check_idle {
    my ($self) = @_;
    return unless @{ $self->{idle_waiters} } && $self->is_idle;
    my @w = splice @{ $self->{idle_waiters} };
    $_->() for @w;
}

# Runs libvirt's free function later, from the loop (never inside the
# remove call: libvirt may hold its locks there).
sub _schedule_free {
    my ($self, $ff, $opaque) = @_;
    $self->{pending_frees}++;
    my $weak = $self;
    Scalar::Util::weaken($weak);
    $self->_later(sub {
        return unless $weak;
        $weak->{pending_frees}--;
        $weak->_free_callback_opaque($ff, $opaque);
        $weak->_check_idle;
    });
}

# ------------------------------------------------------------ handles ----

sub add_handle {
    my ($self, $fd, $events, $cb, $opaque, $ff) = @_;
    my $watch = ++$self->{next};
    my $h = $self->{handles}{$watch} = {
        fd => $fd, events => $events, cb => $cb, opaque => $opaque, ff => $ff,
        wakeup => Sys::Virt::Event::_is_wakeup_handle($cb),
    };
    my $rec = $self->{fds}{$fd} ||= { fd => $fd, watches => {} };
    $rec->{watches}{$watch} = 1;
    $self->_refresh_fd($rec);
    return $watch;
}

sub update_handle {
    my ($self, $watch, $events) = @_;
    my $h = $self->{handles}{$watch} or return;
    $h->{events} = $events;
    $self->_refresh_fd($self->{fds}{ $h->{fd} });
}

sub remove_handle {
    my ($self, $watch) = @_;
    my $h = delete $self->{handles}{$watch} or return -1;
    my $rec = $self->{fds}{ $h->{fd} };
    if ($rec) {
        delete $rec->{watches}{$watch};
        if (%{ $rec->{watches} }) {
            $self->_refresh_fd($rec);
        } else {
            # libvirt closes the descriptor right after this call: the
            # loop's watchers go now, not later.
            delete $self->{fds}{ $h->{fd} };
            $self->_stop_probe($rec);
            $self->_io_drop($rec);
        }
    }
    $self->_schedule_free($h->{ff}, $h->{opaque});
    return 0;
}

# Sets what the loop watches on a descriptor: the union of its watches'
# events. A descriptor whose watches want nothing is still watched for
# reading, to see hang-ups and errors, which libvirt always wants.
sub _refresh_fd {
    my ($self, $rec) = @_;
    return unless $rec;
    my $want = 0;
    $want |= $self->{handles}{$_}{events} for keys %{ $rec->{watches} };
    $rec->{want} = $want & (READABLE | WRITABLE);
    $self->_stop_probe($rec);
    my $read = ($want & READABLE) || !($want & WRITABLE) ? 1 : 0;
    my $write = $want & WRITABLE ? 1 : 0;
    $rec->{read} = $read;
    $self->_io_set($rec, $read, $write);
}

sub _stop_probe {
    my ($self, $rec) = @_;
    my $p = delete $rec->{probe} or return;
    $self->_periodic_stop($p);
}

# The loop says $rec's descriptor is ready ($dir: 'r' or 'w'). poll(2)
# tells which events exactly, hang-ups and errors included; each watch
# gets the events it asked for plus those.
sub _io_ready {
    my ($self, $rec, $dir) = @_;
    return unless $self->{fds}{ $rec->{fd} } && $self->{fds}{ $rec->{fd} } == $rec;
    my $pmask = 0;
    $pmask |= IO::Poll::POLLIN() if $rec->{want} & READABLE;
    $pmask |= IO::Poll::POLLOUT() if $rec->{want} & WRITABLE;
    my @p = ($rec->{fd}, $pmask);
    IO::Poll::_poll(0, @p) > 0 or return;
    my $r = $p[1];
    my $ev = 0;
    $ev |= READABLE if $r & IO::Poll::POLLIN();
    $ev |= WRITABLE if $r & IO::Poll::POLLOUT();
    $ev |= ERROR if $r & (IO::Poll::POLLERR() | IO::Poll::POLLNVAL());
    $ev |= HANGUP if $r & IO::Poll::POLLHUP();
    # Hang-ups and errors come through the reading side when there is one.
    if ($dir eq 'w') { $ev &= $rec->{read} ? WRITABLE : WRITABLE | ALWAYS }
    else             { $ev &= READABLE | ALWAYS }
    if (!$rec->{want} && !($ev & ALWAYS)) {
        # Only unread data on a descriptor nobody reads: look for hang-ups
        # now and then instead of spinning on readability.
        if ($dir eq 'r' && !$rec->{probe}) {
            $self->_io_set($rec, 0, 0);
            $rec->{read} = 0;
            my $weak = $self;
            Scalar::Util::weaken($weak);
            $rec->{probe} = $self->_periodic_start($IDLE_PROBE_SECONDS, sub { $weak->_io_ready($rec, 'p') if $weak });
        }
        return;
    }
    return unless $ev;
    my @watches = keys %{ $rec->{watches} };
    if (@watches == 1) {
        my $h = $self->{handles}{ $watches[0] } or return;
        my $mine = $ev & ($h->{events} | ALWAYS) or return;
        return Sys::Virt::Event::_run_handle_callback_helper($watches[0], $rec->{fd}, $mine, $h->{cb}, $h->{opaque});
    }
    my $died;
    for my $watch (sort { $a <=> $b } @watches) {
        my $h = $self->{handles}{$watch} or next;
        my $mine = $ev & ($h->{events} | ALWAYS);
        next unless $mine;
        # One watch's callback dying must not cost the others their event.
        eval { Sys::Virt::Event::_run_handle_callback_helper($watch, $rec->{fd}, $mine, $h->{cb}, $h->{opaque}); 1 }
            or $died //= [$@];
    }
    die $died->[0] if $died;
}

# ------------------------------------------------------------- timers ----

sub add_timeout {
    my ($self, $ms, $cb, $opaque, $ff) = @_;
    my $timer = ++$self->{next};
    $self->{timers}{$timer} = { ms => $ms, cb => $cb, opaque => $opaque, ff => $ff };
    $self->_arm_timer($timer);
    return $timer;
}

sub update_timeout {
    my ($self, $timer, $ms) = @_;
    my $t = $self->{timers}{$timer} or return;
    $t->{ms} = $ms;
    $self->_arm_timer($timer);
}

sub remove_timeout {
    my ($self, $timer) = @_;
    my $t = delete $self->{timers}{$timer} or return -1;
    $self->_disarm_timer($timer, $t);
    $self->_schedule_free($t->{ff}, $t->{opaque});
    return 0;
}

sub _disarm_timer {
    my ($self, $timer, $t) = @_;
    if (my $w = delete $t->{w}) { $self->_periodic_stop($w) }
    if (delete $self->{zero}{$timer}) {
        $self->_tick_stop unless %{ $self->{zero} };
    }
}

# An update takes effect at once: the period starts again from now.
sub _arm_timer {
    my ($self, $timer) = @_;
    my $t = $self->{timers}{$timer};
    $self->_disarm_timer($timer, $t);
    my $ms = $t->{ms};
    if ($ms == 0) {
        # On every iteration of the loop, after its I/O: the adapter's
        # tick, never a zero-delay timer that the loop could run in a burst.
        my $first = !%{ $self->{zero} };
        $self->{zero}{$timer} = 1;
        $self->_tick_start if $first;
    } elsif ($ms > 0) {
        my $weak = $self;
        Scalar::Util::weaken($weak);
        $t->{w} = $self->_periodic_start($ms / 1000, sub {
            return unless $weak;
            my $t = $weak->{timers}{$timer} or return;
            Sys::Virt::Event::_run_timeout_callback_helper($timer, $t->{cb}, $t->{opaque});
        });
    }
}

# Once per loop iteration while some timer is at 0 ms.
sub _on_tick {
    my ($self) = @_;
    my @zero = keys %{ $self->{zero} };
    if (@zero == 1) {
        # The common case (a stream's timer), on every iteration: no sort,
        # no eval, a die goes straight to the loop.
        my $t = $self->{timers}{ $zero[0] } or return;
        return Sys::Virt::Event::_run_timeout_callback_helper($zero[0], $t->{cb}, $t->{opaque});
    }
    my $died;
    for my $timer (sort { $a <=> $b } @zero) {
        my $t = $self->{timers}{$timer} or next;
        next unless $self->{zero}{$timer};
        eval { Sys::Virt::Event::_run_timeout_callback_helper($timer, $t->{cb}, $t->{opaque}); 1 }
            or $died //= [$@];
    }
    die $died->[0] if $died;
}

# ------------------------------------------- what a subclass provides ----

sub _io_set         { die ref($_[0]) . " must provide _io_set\n" }
sub _io_drop        { die ref($_[0]) . " must provide _io_drop\n" }
sub _periodic_start { die ref($_[0]) . " must provide _periodic_start\n" }
sub _periodic_stop  { die ref($_[0]) . " must provide _periodic_stop\n" }
sub _tick_start     { die ref($_[0]) . " must provide _tick_start\n" }
sub _tick_stop      { die ref($_[0]) . " must provide _tick_stop\n" }
sub _later          { die ref($_[0]) . " must provide _later\n" }

1;
__END__

=head1 NAME

Sys::Virt::EventImpl::Adapter - what the adapters to AnyEvent, IO::Async and Mojo share

=head1 SYNOPSIS

  # Not used directly: see Sys::Virt::EventImpl::AnyEvent,
  # Sys::Virt::EventImpl::IOAsync and Sys::Virt::EventImpl::Mojo.
  my $impl = Sys::Virt::EventImpl::AnyEvent->register;
  ...
  print "nothing left behind\n" if $impl->is_idle;

=head1 DESCRIPTION

The base class of the adapters that run libvirt's events on an event loop
a program already uses. It keeps libvirt's watches and timers and maps
them onto a few primitives of the loop, which each subclass provides. The
contract it keeps, on every loop:

=over 4

=item *

Watches of the same descriptor are combined into one watcher of the loop
(most loops allow one per descriptor); each watch gets only the events it
asked for, plus C<HANDLE_ERROR> and C<HANDLE_HANGUP>, which are always
delivered. The events are read with C<poll(2)> when the loop says the
descriptor is ready. A descriptor whose watches ask for nothing is still
watched for hang-ups.

=item *

libvirt's descriptor is never owned: loops that need a handle get a
duplicate, and the loop's watchers are dropped within C<remove_handle>
(libvirt closes the descriptor right after).

=item *

Timers: C<-1> is disabled; C<0> fires once on every iteration of the loop
for as long as it stays C<0>, after the loop's I/O (it never starves other
watchers); a positive period is periodic. Updates restart the period at
once.

=item *

libvirt's free functions run later, from the loop, never inside the remove
call.

=item *

A callback that dies (a domain event handler, a stream callback) dies out
of the loop's own callback, after the other watches of the same event got
theirs; each loop reports it its own way, and libvirt's state stays
consistent.

=back

=head1 METHODS

=over 4

=item my $impl = CLASS->register(...)

Creates the adapter and registers it with
L<Sys::Virt::Event/register>, before connections are opened, once per
process. Returns it. The arguments are those of the subclass's C<new>.

=item $impl->is_idle

True when libvirt has no handle or timer left in the loop and every free
function has run: a program that closed its connections left nothing
behind. (The bridge's own wake-up descriptor, once added, is not counted.)

=back

The six methods libvirt calls (C<add_handle>, C<update_handle>,
C<remove_handle>, C<add_timeout>, C<update_timeout>, C<remove_timeout>)
are those of L<Sys::Virt::EventImpl>.

=over 4

=item add_handle

=item update_handle

=item remove_handle

=item add_timeout

=item update_timeout

=item remove_timeout

See L<Sys::Virt::EventImpl>.

=item new

The adapter, not registered yet (subclasses take their loop here).

=back

=head1 SEE ALSO

L<Sys::Virt::EventImpl::AnyEvent>, L<Sys::Virt::EventImpl::IOAsync>,
L<Sys::Virt::EventImpl::Mojo>, L<Sys::Virt::EventImpl>

=cut
