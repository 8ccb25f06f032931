package Sys::Virt::EventImpl::IOAsync;

use strict;
use warnings;

use IO::Async::Loop ();
use IO::Handle ();
use POSIX ();
use Scalar::Util ();

use parent 'Sys::Virt::EventImpl::Adapter';

our $VERSION = '0.1.0';

sub new {
    my ($class, $loop) = @_;
    my $self = $class->SUPER::new();
    $loop //= IO::Async::Loop->new;
    die "Sys::Virt::EventImpl::IOAsync: 'loop' must be an IO::Async::Loop\n"
        unless Scalar::Util::blessed($loop) && $loop->isa('IO::Async::Loop');
    $self->{loop} = $loop;
    return $self;
}

sub loop { $_[0]{loop} }

# IO::Async watches handles, one per descriptor, and closes them when they
# go: it gets a duplicate of libvirt's descriptor, closed by _io_drop.
sub _io_set {
    my ($self, $rec, $read, $write) = @_;
    my $loop = $self->{loop};
    if (!$rec->{fh}) {
        return unless $read || $write;
        my $dup = POSIX::dup($rec->{fd});
        defined $dup or die "Sys::Virt::EventImpl::IOAsync: dup($rec->{fd}): $!\n";
        my $fh = Sys::Virt::EventImpl::IOAsync::Descriptor->new_from_fd($dup, 'r')
            or do { POSIX::close($dup); die "Sys::Virt::EventImpl::IOAsync: fdopen($dup): $!\n" };
        $rec->{fh} = $fh;
        @$rec{qw(on_r on_w)} = (0, 0);
    }
    my $weak = $self;
    Scalar::Util::weaken($weak);
    if ($read && !$rec->{on_r}) {
        $loop->watch_io(handle => $rec->{fh}, on_read_ready => sub { $weak->_io_ready($rec, 'r') if $weak });
    } elsif (!$read && $rec->{on_r}) {
        $loop->unwatch_io(handle => $rec->{fh}, on_read_ready => 1);
    }
    if ($write && !$rec->{on_w}) {
        $loop->watch_io(handle => $rec->{fh}, on_write_ready => sub { $weak->_io_ready($rec, 'w') if $weak });
    } elsif (!$write && $rec->{on_w}) {
        $loop->unwatch_io(handle => $rec->{fh}, on_write_ready => 1);
    }
    @$rec{qw(on_r on_w)} = ($read ? 1 : 0, $write ? 1 : 0);
}

sub _io_drop {
    my ($self, $rec) = @_;
    my $fh = delete $rec->{fh} or return;
    my %w;
    $w{on_read_ready} = 1 if $rec->{on_r};
    $w{on_write_ready} = 1 if $rec->{on_w};
    $self->{loop}->unwatch_io(handle => $fh, %w) if %w;
    close $fh;    # the duplicate only
}

# IO::Async has one-shot timers only: re-armed from their own callback.
sub _periodic_start {
    my ($self, $secs, $cb) = @_;
    my $state = { loop => $self->{loop} };
    my $fire;
    $fire = sub {
        $state->{id} = $state->{loop}->watch_time(after => $secs, code => $fire);
        $cb->();
    };
    $state->{id} = $self->{loop}->watch_time(after => $secs, code => $fire);
    $state->{fire} = \$fire;    # broken by _periodic_stop
    return $state;
}

sub _periodic_stop {
    my ($self, $state) = @_;
    $state->{loop}->unwatch_time(delete $state->{id}) if defined $state->{id};
    ${ delete $state->{fire} } = undef if $state->{fire};
}

# 0 ms timers: a deferral of the loop ("later"), queued again from itself,
# runs once per iteration after the I/O, and makes the loop poll without
# waiting meanwhile.
sub _tick_start {
    my ($self) = @_;
    my $weak = $self;
    Scalar::Util::weaken($weak);
    my $tick;
    $tick = sub {
        return unless $weak && $weak->{tick};
        $weak->{tick_id} = $weak->{loop}->watch_idle(when => 'later', code => $tick);
        $weak->_on_tick;
    };
    $self->{tick} = \$tick;
    $self->{tick_id} = $self->{loop}->watch_idle(when => 'later', code => $tick);
}

sub _tick_stop {
    my ($self) = @_;
    my $t = delete $self->{tick} or return;
    $self->{loop}->unwatch_idle(delete $self->{tick_id}) if defined $self->{tick_id};
    $$t = undef;
}

sub _later {
    my ($self, $cb) = @_;
    $self->{loop}->later($cb);
}

sub drain {
    my ($self) = @_;
    my $f = $self->{loop}->new_future;
    $self->_when_idle(sub { $f->done(1) unless $f->is_ready });
    return $f;
}

# Sys::Virt::Future's await: one loop_once at a time.
sub _run_until {
    my ($self, $f) = @_;
    $self->{loop}->loop_once until $f->is_ready;
}

# A duplicate of libvirt's descriptor, as IO::Async wants a handle. It
# reports itself non-blocking so that IO::Async leaves the flags of the
# descriptor libvirt shares with it alone.
package Sys::Virt::EventImpl::IOAsync::Descriptor;
our @ISA = ('IO::Handle');
sub blocking { 0 }


1;
__END__

=head1 NAME

Sys::Virt::EventImpl::IOAsync - libvirt events on IO::Async

=head1 SYNOPSIS

  use IO::Async::Loop;
  use Sys::Virt;
  use Sys::Virt::EventImpl::IOAsync;

  my $loop = IO::Async::Loop->new;
  my $impl = Sys::Virt::EventImpl::IOAsync->register($loop);  # before connecting
  my $conn = Sys::Virt->new(uri => 'qemu:///system');
  $conn->domain_event_register_any(undef,
      Sys::Virt::Domain::EVENT_ID_LIFECYCLE(),
      sub { my ($conn, $dom, $event, $detail) = @_; print $dom->get_name, " $event\n" });
  $loop->run;

=head1 DESCRIPTION

Runs libvirt's events (domain and pool events, close callbacks, keepalive,
non-blocking streams with C<add_callback>) on an L<IO::Async::Loop>. Once
registered the program only runs its loop.

IO::Async allows one watcher per descriptor and closes the handles it
watches: the adapter watches a duplicate of libvirt's descriptor, one per
descriptor whatever the number of libvirt watches on it, and closes it
within C<remove_handle>. The contract kept (combined watches, hang-ups
always delivered, timers, deferred frees) is described in
L<Sys::Virt::EventImpl::Adapter>.

A libvirt callback that dies makes the loop's own callback die, which is
how IO::Async reports it: the exception comes out of C<< $loop->run >> or
C<< $loop->loop_once >>. The next event is delivered as usual.

=head1 METHODS

=over 4

=item my $impl = Sys::Virt::EventImpl::IOAsync->register($loop)

Creates the adapter on C<$loop> (default: C<< IO::Async::Loop->new >>) and
registers it (once per process, before opening connections). Returns it.

=item my $impl = Sys::Virt::EventImpl::IOAsync->new($loop)

The adapter, not registered.

=item $impl->loop

The loop.

=item $impl->is_idle

True when libvirt left no handle or timer in the loop and every free
function ran.

=item my $future = $impl->drain

A L<Future> done once the adapter is idle: after closing every connection,
C<< $impl->drain->get >> runs the loop until libvirt removed everything.

=back

=head1 SEE ALSO

L<Sys::Virt::EventImpl::Adapter>, L<Sys::Virt::Event>, L<IO::Async::Loop>

=cut
