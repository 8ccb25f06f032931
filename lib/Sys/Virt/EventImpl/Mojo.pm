package Sys::Virt::EventImpl::Mojo;

use strict;
use warnings;

use Mojo::IOLoop ();
use POSIX ();
use Scalar::Util ();

use parent 'Sys::Virt::EventImpl::Adapter';

our $VERSION = '0.1.0';

sub new {
    my ($class, $reactor) = @_;
    my $self = $class->SUPER::new();
    $reactor //= Mojo::IOLoop->singleton->reactor;
    $reactor = $reactor->reactor if Scalar::Util::blessed($reactor) && $reactor->isa('Mojo::IOLoop');
    die "Sys::Virt::EventImpl::Mojo: 'reactor' must be a Mojo::Reactor or a Mojo::IOLoop\n"
        unless Scalar::Util::blessed($reactor) && $reactor->isa('Mojo::Reactor');
    $self->{reactor} = $reactor;
    return $self;
}

sub reactor { $_[0]{reactor} }

# The reactor watches handles, one per descriptor: it gets a duplicate of
# libvirt's descriptor, closed by _io_drop.
sub _io_set {
    my ($self, $rec, $read, $write) = @_;
    my $reactor = $self->{reactor};
    if (!$rec->{fh}) {
        return unless $read || $write;
        my $dup = POSIX::dup($rec->{fd});
        defined $dup or die "Sys::Virt::EventImpl::Mojo: dup($rec->{fd}): $!\n";
        open(my $fh, '<&=', $dup)
            or do { POSIX::close($dup); die "Sys::Virt::EventImpl::Mojo: fdopen($dup): $!\n" };
        $rec->{fh} = $fh;
        my $weak = $self;
        Scalar::Util::weaken($weak);
        $reactor->io($fh, sub { $weak->_io_ready($rec, $_[1] ? 'w' : 'r') if $weak });
    }
    $reactor->watch($rec->{fh}, $read, $write);
}

sub _io_drop {
    my ($self, $rec) = @_;
    my $fh = delete $rec->{fh} or return;
    $self->{reactor}->remove($fh);
    close $fh;    # the duplicate only
}

sub _periodic_start {
    my ($self, $secs, $cb) = @_;
    return $self->{reactor}->recurring($secs => $cb);
}

sub _periodic_stop {
    my ($self, $id) = @_;
    $self->{reactor}->remove($id);
}

# 0 ms timers: a zero-delay timer queued again from its own callback fires
# once per tick, after the I/O (the reactors run only the timers that were
# due when the tick began; next_tick would run a queue refilled from itself
# in a burst, and EV turns a recurring 0 into a one-shot).
sub _tick_start {
    my ($self) = @_;
    my $weak = $self;
    Scalar::Util::weaken($weak);
    my $tick;
    $tick = sub {
        return unless $weak && $weak->{tick};
        $weak->{tick_id} = $weak->{reactor}->timer(0 => $tick);
        $weak->_on_tick;
    };
    $self->{tick} = \$tick;
    $self->{tick_id} = $self->{reactor}->timer(0 => $tick);
}

sub _tick_stop {
    my ($self) = @_;
    my $t = delete $self->{tick} or return;
    $self->{reactor}->remove(delete $self->{tick_id}) if defined $self->{tick_id};
    $$t = undef;
}

sub _later {
    my ($self, $cb) = @_;
    $self->{reactor}->next_tick($cb);
}

sub drain {
    my ($self) = @_;
    require Mojo::Promise;
    my $p = Mojo::Promise->new;
    $p->ioloop($self->_ioloop);
    $self->_when_idle(sub { $p->resolve(1) });
    return $p;
}

# The Mojo::IOLoop whose reactor this is (promises need one).
sub _ioloop {
    my ($self) = @_;
    my $singleton = Mojo::IOLoop->singleton;
    return $singleton if $singleton->reactor == $self->{reactor};
    # Promises hold their loop weakly: keep it.
    return $self->{ioloop} //= Mojo::IOLoop->new(reactor => $self->{reactor});
}


# Sys::Virt::Future's await: one tick of the reactor at a time.
sub _run_until {
    my ($self, $f) = @_;
    $self->{reactor}->one_tick until $f->is_ready;
}

1;
__END__

=head1 NAME

Sys::Virt::EventImpl::Mojo - libvirt events on Mojo::IOLoop

=head1 SYNOPSIS

  use Mojo::IOLoop;
  use Sys::Virt;
  use Sys::Virt::EventImpl::Mojo;

  my $impl = Sys::Virt::EventImpl::Mojo->register;   # before connecting
  my $conn = Sys::Virt->new(uri => 'qemu:///system');
  $conn->domain_event_register_any(undef,
      Sys::Virt::Domain::EVENT_ID_LIFECYCLE(),
      sub { my ($conn, $dom, $event, $detail) = @_; print $dom->get_name, " $event\n" });
  Mojo::IOLoop->start;

=head1 DESCRIPTION

Runs libvirt's events (domain and pool events, close callbacks, keepalive,
non-blocking streams with C<add_callback>) on the reactor of
L<Mojo::IOLoop> (L<Mojo::Reactor::EV> or L<Mojo::Reactor::Poll>), so a
Mojolicious application can stream them to its clients. Once registered
the program only runs its loop.

The reactor allows one watcher per handle: the adapter watches a duplicate
of libvirt's descriptor, one per descriptor whatever the number of libvirt
watches on it, and closes it within C<remove_handle>. The contract kept
(combined watches, hang-ups always delivered, timers, deferred frees) is
described in L<Sys::Virt::EventImpl::Adapter>.

A libvirt callback that dies is reported by the reactor: it emits its
C<error> event (which warns when nobody subscribed). The next event is
delivered as usual.

=head1 METHODS

=over 4

=item my $impl = Sys::Virt::EventImpl::Mojo->register

=item my $impl = Sys::Virt::EventImpl::Mojo->register($reactor)

Creates the adapter on C<$reactor> (a L<Mojo::Reactor>, or a
L<Mojo::IOLoop> whose reactor is used; default: the singleton loop's) and
registers it (once per process, before opening connections). Returns it.

=item my $impl = Sys::Virt::EventImpl::Mojo->new($reactor)

The adapter, not registered.

=item $impl->reactor

The reactor.

=item $impl->is_idle

True when libvirt left no handle or timer in the loop and every free
function ran.

=item my $promise = $impl->drain

A L<Mojo::Promise> resolved once the adapter is idle: after closing every
connection, C<< $impl->drain->wait >> runs the loop until libvirt removed
everything.

=back

=head1 SEE ALSO

L<Sys::Virt::EventImpl::Adapter>, L<Sys::Virt::Event>, L<Mojo::IOLoop>

=cut
