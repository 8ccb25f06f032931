package Sys::Virt::EventImpl::AnyEvent;

use strict;
use warnings;

use AnyEvent ();
use Scalar::Util ();

use parent 'Sys::Virt::EventImpl::Adapter';

our $VERSION = '0.1.0';

# AnyEvent takes a bare descriptor and keeps it open: no handle, no dup.
sub _io_set {
    my ($self, $rec, $read, $write) = @_;
    my $weak = $self;
    Scalar::Util::weaken($weak);
    if ($read) {
        $rec->{rw} ||= AnyEvent->io(fh => $rec->{fd}, poll => 'r',
                                    cb => sub { $weak->_io_ready($rec, 'r') if $weak });
    } else {
        delete $rec->{rw};
    }
    if ($write) {
        $rec->{ww} ||= AnyEvent->io(fh => $rec->{fd}, poll => 'w',
                                    cb => sub { $weak->_io_ready($rec, 'w') if $weak });
    } else {
        delete $rec->{ww};
    }
}

sub _io_drop {
    my ($self, $rec) = @_;
    delete @$rec{qw(rw ww)};
}

sub _periodic_start {
    my ($self, $secs, $cb) = @_;
    return AnyEvent->timer(after => $secs, interval => $secs, cb => $cb);
}

sub _periodic_stop { }    # dropping the guard stops the timer

# 0 ms timers: a watcher on a pipe that always holds a byte fires once per
# iteration, after the loop polled its descriptors, on every AnyEvent
# backend (a zero-delay timer re-armed from its callback would run in a
# burst without polling on AnyEvent's pure-Perl loop).
sub _tick_start {
    my ($self) = @_;
    if (!$self->{ready_r}) {
        pipe(my $r, my $w) or die "Sys::Virt::EventImpl::AnyEvent: pipe: $!\n";
        syswrite($w, "x") == 1 or die "Sys::Virt::EventImpl::AnyEvent: write: $!\n";
        @$self{qw(ready_r ready_w)} = ($r, $w);
    }
    my $weak = $self;
    Scalar::Util::weaken($weak);
    $self->{tick} = AnyEvent->io(fh => $self->{ready_r}, poll => 'r',
                                 cb => sub { $weak->_on_tick if $weak });
}

sub _tick_stop { delete $_[0]{tick} }

sub _later {
    my ($self, $cb) = @_;
    AnyEvent::postpone(\&$cb);
}

sub drain {
    my ($self) = @_;
    my $cv = AnyEvent->condvar;
    $self->_when_idle(sub { $cv->send(1) });
    return $cv;
}


# Sys::Virt::Future's await: a condition variable the future sends.
sub _run_until {
    my ($self, $f) = @_;
    my $cv = AnyEvent->condvar;
    $f->on_ready(sub { $cv->send });
    $cv->recv;
}

1;
__END__

=head1 NAME

Sys::Virt::EventImpl::AnyEvent - libvirt events on AnyEvent (EV, the pure-Perl loop, ...)

=head1 SYNOPSIS

  use AnyEvent;
  use Sys::Virt;
  use Sys::Virt::EventImpl::AnyEvent;

  my $impl = Sys::Virt::EventImpl::AnyEvent->register;   # before connecting
  my $conn = Sys::Virt->new(uri => 'qemu:///system');
  $conn->domain_event_register_any(undef,
      Sys::Virt::Domain::EVENT_ID_LIFECYCLE(),
      sub { my ($conn, $dom, $event, $detail) = @_; print $dom->get_name, " $event\n" });
  AnyEvent->condvar->recv;

=head1 DESCRIPTION

Runs libvirt's events (domain and pool events, close callbacks, keepalive,
non-blocking streams with C<add_callback>) on L<AnyEvent>, whatever backend
AnyEvent chose. Once registered the program only runs its loop.

Watchers are created with the bare descriptor (AnyEvent never closes it).
The contract kept (combined watches, hang-ups always delivered, timers,
deferred frees) is described in L<Sys::Virt::EventImpl::Adapter>.

A libvirt callback that dies raises the exception from the AnyEvent
watcher's callback, as any watcher would: with the pure-Perl backend it
comes out of C<< $cv->recv >>; EV hands it to C<$EV::DIED>. The next event
is delivered as usual.

=head1 METHODS

=over 4

=item my $impl = Sys::Virt::EventImpl::AnyEvent->register

Creates the adapter and registers it (once per process, before opening
connections). Returns it.

=item my $impl = Sys::Virt::EventImpl::AnyEvent->new

The adapter, not registered.

=item $impl->is_idle

True when libvirt left no handle or timer in the loop and every free
function ran.

=item my $cv = $impl->drain

A condition variable sent (with 1) once the adapter is idle: after closing
every connection, C<< $impl->drain->recv >> waits until libvirt removed
everything.

=back

=head1 SEE ALSO

L<Sys::Virt::EventImpl::Adapter>, L<Sys::Virt::Event>, L<AnyEvent>

=cut
