package Sys::Virt::Future;

use strict;
use warnings;

use Future 0.44;

our @ISA = ('Future');
our $VERSION = '0.1.0';

require Sys::Virt;

sub CLONE_SKIP { 1 }

# Runs the registered event loop until this future is ready: libvirt's
# default loop one iteration at a time, or the loop written in Perl through
# its adapter (Sys::Virt::EventImpl::_run_until).
sub await {
    my ($self) = @_;
    return $self if $self->is_ready;
    my $kind = Sys::Virt::_async_loop_kind();
    if ($kind == 1) {
        Sys::Virt::Event::run_default() until $self->is_ready;
    } elsif ($kind == 2) {
        my $impl = $Sys::Virt::Event::eventimpl;
        $impl->_run_until($self);
    } else {
        die "Sys::Virt::Future::await: no event loop is registered (call Sys::Virt::Event::register_default first)\n";
    }
    return $self;
}

1;
__END__

=head1 NAME

Sys::Virt::Future - the Future of a non-blocking Sys::Virt call

=head1 SYNOPSIS

  Sys::Virt::Event::register_default();
  my $conn = Sys::Virt->new_f(uri => 'test:///default')->get;
  my $f = $conn->list_all_domains_f;
  my @doms = $f->get;            # runs the event loop until the result is in

=head1 DESCRIPTION

The class of the futures that the C<NAME_f> forms of L<Sys::Virt>'s
methods return (see L<Sys::Virt/"NON-BLOCKING CALLS">): a L<Future> whose
C<await> (and so C<get>) runs the registered event loop until the future
is ready, so a plain script can wait for one. With libvirt's default loop
that is C<Sys::Virt::Event::run_default()> one iteration at a time; with a
loop written in Perl (L<Sys::Virt::EventImpl>), the loop itself (one
C<loop_once> of L<IO::Async>, one C<one_tick> of L<Mojo::IOLoop>, a
condition variable of L<AnyEvent>). Do not call C<get> from inside a
callback of that loop when the loop is not reentrant (L<AnyEvent>).

=over 4

=item $f->await

Runs the registered loop until C<$f> is ready; returns C<$f>. Dies when no
event loop is registered.

=back

=head1 SEE ALSO

L<Sys::Virt>, L<Future>

=cut
