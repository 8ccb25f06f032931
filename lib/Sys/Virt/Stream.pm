package Sys::Virt::Stream;

# Minimal placeholder from the objects branch; the streams branch owns the
# full module (methods and documentation).

use strict;
use warnings;

require Sys::Virt;

sub CLONE_SKIP { 1 }

sub new {
    my ($class, $con, $flags) = @_;
    return bless Sys::Virt::Stream::_new($con, $flags // 0), $class;
}

1;
__END__

=head1 NAME

Sys::Virt::Stream - a libvirt data stream

=head1 METHODS

=over 4

=item my $st = Sys::Virt::Stream->new($conn, $flags=0)

A new stream on the connection C<$conn>; C<$flags> may be
C<Sys::Virt::Stream::NONBLOCK>.

=back

=head1 CONSTANTS

=for generated-constants begin

=over 4

=item Sys::Virt::Stream::NONBLOCK

The libvirt constant C<VIR_STREAM_NONBLOCK>.

=item Sys::Virt::Stream::EVENT_READABLE

The libvirt constant C<VIR_STREAM_EVENT_READABLE>.

=item Sys::Virt::Stream::EVENT_WRITABLE

The libvirt constant C<VIR_STREAM_EVENT_WRITABLE>.

=item Sys::Virt::Stream::EVENT_ERROR

The libvirt constant C<VIR_STREAM_EVENT_ERROR>.

=item Sys::Virt::Stream::EVENT_HANGUP

The libvirt constant C<VIR_STREAM_EVENT_HANGUP>.

=item Sys::Virt::Stream::RECV_STOP_AT_HOLE

The libvirt constant C<VIR_STREAM_RECV_STOP_AT_HOLE>.

=back

=for generated-constants end

=cut
