package Sys::Virt::EventImpl;

use strict;
use warnings;

our $VERSION = '12.7.0.0';

require Sys::Virt::Event;

sub new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    return bless {}, $class;
}

sub add_handle     { die "must provide an impl of 'add_handle'\n" }
sub update_handle  { die "must provide an impl of 'update_handle'\n" }
sub remove_handle  { die "must provide an impl of 'remove_handle'\n" }
sub add_timeout    { die "must provide an impl of 'add_timeout'\n" }
sub update_timeout { die "must provide an impl of 'update_timeout'\n" }
sub remove_timeout { die "must provide an impl of 'remove_timeout'\n" }

# Runs this loop until the future $f is ready (Sys::Virt::Future's await);
# a loop of the script's own says how by providing it.
sub _run_until {
    my ($self, $f) = @_;
    die ref($self) . " cannot wait for a Sys::Virt::Future: run the loop until the future is ready "
      . "(or provide _run_until)\n";
}

sub _run_handle_callback {
    my ($self, $watch, $fd, $events, $cb, $opaque) = @_;
    Sys::Virt::Event::_run_handle_callback_helper($watch, $fd, $events, $cb, $opaque);
}

sub _run_timeout_callback {
    my ($self, $timer, $cb, $opaque) = @_;
    Sys::Virt::Event::_run_timeout_callback_helper($timer, $cb, $opaque);
}

sub _free_callback_opaque {
    my ($self, $ff, $opaque) = @_;
    Sys::Virt::Event::_free_callback_opaque_helper($ff, $opaque);
}

1;
__END__

=head1 NAME

Sys::Virt::EventImpl - base class of event loops written in Perl

=head1 SYNOPSIS

  package My::Loop;
  use parent 'Sys::Virt::EventImpl';

  sub add_handle {
      my ($self, $fd, $events, $cb, $opaque, $ff) = @_;
      my $watch = ++$self->{next};
      $self->{handles}{$watch} = [$fd, $events, $cb, $opaque, $ff];
      return $watch;
  }
  sub remove_handle {
      my ($self, $watch) = @_;
      my $h = delete $self->{handles}{$watch} or return -1;
      $self->_free_callback_opaque($h->[4], $h->[3]);
      return 0;
  }
  # ... update_handle, add_timeout, update_timeout, remove_timeout

  # when $fd is ready:
  $self->_run_handle_callback($watch, $fd, $ready_events, $cb, $opaque);

  package main;
  Sys::Virt::Event::register(My::Loop->new);

=head1 DESCRIPTION

Subclass it to drive libvirt's events from any loop (select, AnyEvent,
IO::Async, ...), then register an object with
L<Sys::Virt::Event/register>, before opening connections.

libvirt calls the six methods below. C<$cb>, C<$opaque> and C<$ff> are
opaque values: keep them and give them back to the helpers. They are
checked: a value the loop was never given dies cleanly; one for a handle or
timer libvirt has already removed is ignored.

libvirt may add, change and remove handles and timers from threads of its
own. Those calls never run Perl code on those threads: they are queued and
applied on the thread that called C<register> at the loop's next dispatch.
The first time that happens, the bridge also adds a handle of its own (the
read end of a pipe) to the loop, through which later such calls wake the
loop at once. libvirt's client calls them from the script's own thread, so
most loops never see that handle and pay nothing for it.

=head1 CONSTRUCTOR

=over 4

=item my $impl = Sys::Virt::EventImpl->new()

A new loop object (a blessed empty hash), for subclasses to fill in.

=back

=head1 METHODS TO PROVIDE

The base class's versions die with "must provide an impl of 'NAME'".

=over 4

=item my $watch = $self->add_handle($fd, $events, $cb, $opaque, $ff)

Watch C<$fd> for C<$events> (C<Sys::Virt::Event::HANDLE_*>); return a
watch id (an integer E<gt>= 0). A method that dies or returns something
else makes libvirt's call fail cleanly (the exception comes out of the
call that caused it).

=item $self->update_handle($watch, $events)

Watch other events (0: none for now).

=item $self->remove_handle($watch)

Stop watching; return 0, or -1 for an unknown watch. Then, or later, call
C<_free_callback_opaque($ff, $opaque)>.

=item my $timer = $self->add_timeout($ms, $cb, $opaque, $ff)

A timer firing every C<$ms> milliseconds (0: every iteration; -1:
disabled); return its id.

=item $self->update_timeout($timer, $ms)

=item $self->remove_timeout($timer)

As for handles.

=back

=head1 HELPERS

=over 4

=item $self->_run_handle_callback($watch, $fd, $events, $cb, $opaque)

Dispatches C<$events> that happened on a watched handle.

=item $self->_run_timeout_callback($timer, $cb, $opaque)

Dispatches an expired timer.

=item $self->_free_callback_opaque($ff, $opaque)

Tells libvirt the loop is done with a removed handle or timer. libvirt's
free function runs from a clean stack: at once if called from the loop's
own code, otherwise when the current dispatch returns.

=back

If a Perl callback run by a dispatch dies, the dispatch finishes and then
the helper dies with that exception.

Ready-made subclasses run libvirt's events on the loops Perl programs
already use: L<Sys::Virt::EventImpl::AnyEvent>,
L<Sys::Virt::EventImpl::IOAsync> and L<Sys::Virt::EventImpl::Mojo>.

=head1 WAITING FOR A FUTURE

The non-blocking forms of the methods (C<NAME_f>, see
L<Sys::Virt/"NON-BLOCKING CALLS">) deliver their results on the
registered loop, and C<< $future->get >> (L<Sys::Virt::Future>) runs that
loop until the future is ready by calling C<< $self->_run_until($future) >>.
The ready-made subclasses provide it (one iteration of their loop at a
time); a loop of your own may too, else C<get> dies saying so and the
script runs its loop itself until the future is ready.

=head1 SEE ALSO

L<Sys::Virt::Event>, L<Sys::Virt::EventImpl::Adapter>

=cut
