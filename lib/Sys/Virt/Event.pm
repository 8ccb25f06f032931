package Sys::Virt::Event;

use strict;
use warnings;

use Scalar::Util ();

our $VERSION = '12.7.0.0';

# Loads the XS part, which defines this package's functions and constants.
require Sys::Virt;

# The loop object given to register() (kept for the life of the process,
# as libvirt keeps its hooks).
our $eventimpl = undef;

sub register {
    my $impl = shift;
    if (ref($impl) && Scalar::Util::blessed($impl) && $impl->isa('Sys::Virt::EventImpl')) {
        # the current contract
    } elsif (ref($impl) && Scalar::Util::blessed($impl) && $impl->isa('Sys::Virt::Event')) {
        warnings::warnif('deprecated',
            'Sys::Virt::Event::register: an event implementation subclassing Sys::Virt::Event '
            . 'is deprecated, subclass Sys::Virt::EventImpl instead');
    } else {
        die "Sys::Virt::Event::register: 'impl' must be an object of a subclass of Sys::Virt::EventImpl\n";
    }
    Sys::Virt::Event::_register_impl($impl);
    $eventimpl = $impl;
    return;
}

# The dispatch helpers, for old-style loops that subclass this package.
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

Sys::Virt::Event - libvirt's event loop, or yours

=head1 SYNOPSIS

  use Sys::Virt::Event;

  Sys::Virt::Event::register_default();   # before opening connections

  my $timer = Sys::Virt::Event::add_timeout(1000, sub { print "tick\n" });
  Sys::Virt::Event::run_default() while 1;

=head1 DESCRIPTION

libvirt delivers events (domain lifecycle, keepalive, stream data, a
connection closing) through an event loop the application runs. Either
register libvirt's own loop with C<register_default> and run it with
C<run_default>, or plug in a loop written in Perl with C<register> (see
L<Sys::Virt::EventImpl>). Either way, register it B<before> opening
connections, once per process.

C<use Sys::Virt::Event;> alone is enough; it loads L<Sys::Virt>.

A callback that dies never unwinds through libvirt's loop: the iteration
finishes, then C<run_default> (or the dispatch helper of a Perl loop) dies
with the first exception a callback raised, unchanged. The loop stays
usable.

=head1 FUNCTIONS

=over 4

=item Sys::Virt::Event::register_default()

Registers libvirt's own poll-based event loop. A process uses one loop:
after C<register($impl)> this dies (libvirt would switch its hooks while
what it registered stays in the Perl loop, and C<run_default> would wait
on a loop nobody feeds). Calling it again is harmless.

=item Sys::Virt::Event::run_default()

Runs one iteration of libvirt's default loop: waits for the next handle or
timer event and dispatches it. With nothing registered it blocks for ever;
add a timer. Dies unless C<register_default> was called (with a loop
written in Perl registered, run that loop instead).

The callbacks of C<add_handle> and C<add_timeout> are called once
libvirt's iteration has returned, in the order libvirt dispatched them, so
that no Perl code of the script runs inside libvirt's loop. A watch or
timer that an earlier callback of the same iteration updated or removed is
not called, as in libvirt's own dispatch.

=item Sys::Virt::Event::register($impl)

Registers an event loop written in Perl. C<$impl> must be an object of a
subclass of L<Sys::Virt::EventImpl>; an object of a subclass of
C<Sys::Virt::Event> (the old style) still works, with a C<deprecated>
warning. Anything else dies. libvirt allows one registration per process,
and after C<register_default> this dies too.

=item my $watch = Sys::Virt::Event::add_handle($fd, $events, $coderef)

Watches file descriptor C<$fd> for C<$events> (a mask of the C<HANDLE_*>
constants). C<< $coderef->($watch, $fd, $events) >> is called when some of
them happen. Returns the watch id.

=item Sys::Virt::Event::update_handle($watch, $events)

Changes the events watched (0 disables the watch without removing it).

=item Sys::Virt::Event::remove_handle($watch)

Removes the watch; dies if there is no such watch. The callback is released
once the loop is done with it.

=item my $timer = Sys::Virt::Event::add_timeout($ms, $coderef)

Calls C<< $coderef->($timer) >> every C<$ms> milliseconds; 0 fires on
every iteration of the loop, -1 disables the timer. Returns the timer id.

=item Sys::Virt::Event::update_timeout($timer, $ms)

Changes the period of the timer (same values as C<add_timeout>).

=item Sys::Virt::Event::remove_timeout($timer)

Removes the timer; dies if there is no such timer.

=back

=head1 CONSTANTS

=for generated-constants begin

=over 4

=item Sys::Virt::Event::HANDLE_READABLE

The libvirt constant C<VIR_EVENT_HANDLE_READABLE>.

=item Sys::Virt::Event::HANDLE_WRITABLE

The libvirt constant C<VIR_EVENT_HANDLE_WRITABLE>.

=item Sys::Virt::Event::HANDLE_ERROR

The libvirt constant C<VIR_EVENT_HANDLE_ERROR>.

=item Sys::Virt::Event::HANDLE_HANGUP

The libvirt constant C<VIR_EVENT_HANDLE_HANGUP>.

=back

=for generated-constants end

=head1 SEE ALSO

L<Sys::Virt::EventImpl>, L<Sys::Virt>, libvirt's C<virEventRegisterImpl>.

=cut
