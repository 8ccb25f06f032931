package Sys::Virt::Stream;

use strict;
use warnings;

# The methods are XSUBs of the Sys::Virt extension (xs/Stream.xs, backed by
# src/stream.rs); loading Sys::Virt loads them, so this module works alone.
require Sys::Virt;

our $VERSION = '12.7.0.0';

sub CLONE_SKIP { 1 }

# Whole-file transfers: the loop is src/transfer.rs (see
# Sys::Virt::Stream::Transfer for the option checks).
# Loaded by the first transfer: a script that makes none does not pay for it.

sub recv_file { require Sys::Virt::Stream::Transfer; Sys::Virt::Stream::Transfer::_stream_file($_[0], 0, 'recv_file', @_[1 .. $#_]) }
sub send_file { require Sys::Virt::Stream::Transfer; Sys::Virt::Stream::Transfer::_stream_file($_[0], 1, 'send_file', @_[1 .. $#_]) }

sub recv_file_f {
    my ($st, $file, @opts) = @_;
    require Sys::Virt::Stream::Transfer;
    Sys::Virt::Stream::Transfer::_future(sub { $st->recv_file($file, @opts, on_done => $_[0]) });
}

sub send_file_f {
    my ($st, $file, @opts) = @_;
    require Sys::Virt::Stream::Transfer;
    Sys::Virt::Stream::Transfer::_future(sub { $st->send_file($file, @opts, on_done => $_[0]) });
}

sub recv_file_p {
    my ($st, $file, @opts) = @_;
    require Sys::Virt::Stream::Transfer;
    Sys::Virt::Stream::Transfer::_promise(sub { $st->recv_file($file, @opts, on_done => $_[0]) });
}

sub send_file_p {
    my ($st, $file, @opts) = @_;
    require Sys::Virt::Stream::Transfer;
    Sys::Virt::Stream::Transfer::_promise(sub { $st->send_file($file, @opts, on_done => $_[0]) });
}

1;
__END__

=head1 NAME

Sys::Virt::Stream - Represent & manage a libvirt stream

=head1 SYNOPSIS

  use Sys::Virt;

  my $conn = Sys::Virt->new(uri => 'test:///default');
  my $dom  = $conn->get_domain_by_name('test');
  my $st   = Sys::Virt::Stream->new($conn);      # or $conn->new_stream
  my $mime = $dom->screenshot($st, 0);

  open my $fh, '>:raw', 'shot.png' or die $!;
  $st->recv_all(sub {
      my ($st, $data, $nbytes) = @_;
      return syswrite $fh, $data, $nbytes;      # bytes consumed
  });
  $st->finish;

=head1 DESCRIPTION

The Sys::Virt::Stream module represents a stream managed by the virtual
machine monitor: the data of a volume upload or download, a screenshot, a
console. A stream is created unattached, handed to the API that uses it,
then read or written until the end, and closed with C<finish> (or C<abort>).

The transfer loops (C<recv_all>, C<send_all> and their sparse variants)
run in the Rust core of this distribution, 256 KiB at a time; the Perl
handlers they call are checked strictly (see L</HANDLERS>).

Every method that fails in libvirt dies with a L<Sys::Virt::Error> object;
a wrong argument (not a number, not a CODE reference, not a stream) dies
with a plain message naming the method and the argument.

A stream knows its direction from the call that started it (C<download>
and C<screenshot>: the script receives; C<upload>: it sends;
C<open_console> and C<open_channel>: both) and whether it is still active.
A call in the wrong direction (C<send>, C<send_hole> or C<send_all> on a
download, C<recv> on an upload), any call after C<finish> or C<abort>, a
second C<finish>, a second start, or a handler that ends its own stream
under a C<*_all> loop dies with a L<Sys::Virt::Error>
(C<ERR_OPERATION_INVALID>, naming the method) without reaching libvirt,
whose behaviour there ranges from an error to a crash or a hang. After a
C<finish> that failed, only C<abort> is accepted. A stream nothing started
leaves every call to libvirt, which refuses it.

A stream dropped while still active is aborted. For a stream served by a
daemon the abort is sent from a thread of its own, so that dropping it
(or global destruction) never waits for the daemon's answer. The
process's C<exit> then waits for those answers, 5 seconds at most: a
recent daemon (libvirt 11.3; 9.0 is not affected) that receives an abort and sees its client
go before it could answer can hang for good. (C<POSIX::_exit> skips that
wait, as it skips everything else.)

C<use Sys::Virt::Stream;> alone loads everything it needs.

=head1 METHODS

=over 4

=item my $st = Sys::Virt::Stream->new($conn, $flags)

Creates a new data stream, ready for use with a stream based API. The
optional C<$flags> parameter can be used to configure the stream as
non-blocking (C<Sys::Virt::Stream::NONBLOCK>). C<< $conn->new_stream($flags) >>
does the same.

=item $st->abort()

Abort I/O on the stream. Either this function or C<finish> must be called on
any stream which has been activated. An event callback still registered is
removed first (libvirt cannot release it once the stream is closed).

=item $st->finish()

Complete I/O on the stream. Either this function or C<abort> must be called
on any stream which has been activated. As for C<abort>, a registered event
callback is removed first; a later C<remove_callback> is then a no-op.

=item $rv = $st->recv($data, $nbytes, $flags=0)

Receive up to C<$nbytes> worth of data, copying into C<$data>. Returns the
number of bytes read (C<0> at the end of the stream), or C<-3> if a hole is
reached and C<$flags> contains C<RECV_STOP_AT_HOLE>, or C<-2> if I/O would
block (non-blocking stream). Dies on error. The C<$flags> parameter accepts
the following flags:

=over 4

=item Sys::Virt::Stream::RECV_STOP_AT_HOLE

If this flag is set, the recv function will stop reading from stream if it
has reached a hole. In that case, C<-3> is returned and C<recv_hole> should
be called to get the hole size.

=back

The bytes go straight into C<$data>'s own buffer (no intermediate copy), and
C<$data> is left untouched unless bytes were read. A read-only C<$data>
dies, as does a negative C<$nbytes>. One call reads at most 262,144 bytes
(256 KiB, what one libvirt stream message carries,
C<VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX>), whatever C<$nbytes> asks for, so an
absurd C<$nbytes> never allocates that much memory.

Small reads are buffered: on a blocking stream with no event callback, a
C<recv> of less than 64 KiB without flags fetches up to 256 KiB from
libvirt at once and serves the following calls from that buffer, as PerlIO
does for files, so a loop of small reads costs little more than a loop of
large ones. C<recv_all>, C<sparse_recv_all> and C<recv> with flags start
with what is buffered (a script that switches to C<RECV_STOP_AT_HOLE> half
way gets the buffered bytes first), C<recv_hole> reports no hole while
buffered bytes remain, and C<finish>/C<abort> discard them. Non-blocking
streams and streams with a callback are never buffered, so every readable
byte raises its event.

=item $rv = $st->send($data, $nbytes)

Send up to C<$nbytes> worth of data, copying from C<$data>. Returns the
number of bytes sent, or C<-2> if I/O would block. Dies on error.
C<$nbytes> larger than C<length $data> is cut to it; C<undef> data sends
nothing. A string with characters above 255 dies ("Wide character"), as
C<syswrite> does: encode text first.

=item $rv = $st->recv_hole($flags=0)

Determine the amount of the empty space (in bytes) to be created in a
stream's target file when uploading or downloading sparsely populated files.
This is the counterpart to C<send_hole>. The optional C<$flags> parameter is
currently unused and defaults to zero if omitted.

=item $st->send_hole($length, $flags=0)

Rather than transmitting empty file space, this method directs the stream
target to create C<$length> bytes of empty space. This method would be used
when uploading or downloading sparsely populated files to avoid the needless
copy of empty file space. 64-bit lengths work; a C<$length> of 0 sends
nothing (as C<send> of no bytes). The optional C<$flags>
parameter is currently unused and defaults to zero if omitted.

=item $st->recv_all($handler)

Receive all data available from the stream, invoking C<$handler> to process
the data. The C<$handler> parameter must be a function which expects three
arguments, the C<$st> stream object, a scalar containing the data received
and a data byte count. The function should return the number of bytes
processed, or C<-1> upon error. A short count calls it again with the rest.

=item $st->send_all($handler)

Send all data produced by C<$handler> to the stream. The C<$handler>
parameter must be a function which expects three arguments, the C<$st>
stream object, a scalar which must be filled with data and a maximum data
byte count desired. The function should return the number of bytes filled,
C<0> on end of file, or C<-1> upon error. Typically:

  $st->send_all(sub { sysread $fh, $_[1], $_[2] });

Only the bytes it returned are sent.

=item $st->sparse_recv_all($handler, $hole_handler)

Receive all data available from the sparse stream, invoking C<$handler> to
process the data. The C<$handler> parameter must be a function which expects
three arguments, the C<$st> stream object, a scalar containing the data
received and a data byte count. The function should return the number of
bytes processed, or C<-1> upon error. The second argument C<$hole_handler> is
a function which expects two arguments: the C<$st> stream and a scalar,
number describing the size of the hole in the stream (in bytes). The
C<$hole_handler> is expected to return a non-negative number on success
(usually 0) and a negative number (usually -1) otherwise.

=item $st->sparse_send_all($handler, $hole_handler, $skip_handler)

Send all data produced by C<$handler> to the stream. The C<$handler>
parameter must be a function which expects three arguments, the C<$st>
stream object, a scalar which must be filled with data and a maximum data
byte count desired. The function should return the number of bytes filled,
C<0> on end of file, or C<-1> upon error. The second argument
C<$hole_handler> is a function expecting just one argument C<$st> and
returning an array of two elements C<($in_data, $section_len)> where
C<$in_data> has zero or non-zero value if underlying file is in a hole or
data section respectively. The C<$section_len> then is the number of
remaining bytes in the current section in the underlying file (C<0> at the
end of the file). Finally, the third C<$skip_handler> is a function
expecting two arguments C<$st> and C<$length> which moves cursor in the
underlying file for C<$length> bytes. The C<$skip_handler> is expected to
return a non-negative number on success (usually 0) and a negative number
(usually -1) otherwise. See F<examples/vol-upload-sparse.pl> for handlers
built on C<SEEK_DATA>/C<SEEK_HOLE>.

=item $st->add_callback($events, $coderef)

Register a callback to be invoked whenever the stream has one or more events
from C<$events> mask set. The C<$coderef> must be a subroutine that expects 2
parameters, the original C<$st> object and the new C<$events> mask. An event
loop must be registered (L<Sys::Virt::Event>) and run. An exception the
callback raises is re-raised by the event loop call (C<run_default>, or
the C<_run_handle_callback>/C<_run_timeout_callback> helper a
L<Sys::Virt::EventImpl> loop dispatches with; remote streams are dispatched
from a timer) once its iteration is over.

The registration holds the code reference, but not the stream object:
dropping the last reference to the stream removes the callback and frees
everything. (A callback closing over C<$st> keeps it alive, as any closure
does, until C<remove_callback>, C<finish> or C<abort>.)

=item $st->update_callback($events)

Change the event mask for a previously registered callback to C<$events>.

=item $st->remove_callback()

Remove a previously registered callback. Its code reference (and what it
closes over) is released at once (when the callback returns, if it is
the caller), whichever the driver: libvirt's remote driver never releases
it itself.

=back

=head1 WHOLE-FILE TRANSFERS

Moving a stream to or from a file is one call: the loop runs in the Rust
core on the file descriptor, with no Perl call per chunk. Holes are kept
with C<sparse =E<gt> 1>, progress is reported and the transfer can be
cancelled; it runs blocking, or on the registered event loop.

=over 4

=item my $bytes = $st->recv_file($dest, %opts)

Receives the stream to its end into C<$dest>, then finishes the stream.
Returns the bytes received (data and holes). C<$dest> is a path, or an open
Perl file handle: its descriptor is written from where it is, after Perl's
buffer is flushed (the descriptor is not closed). A path that exists is
refused unless C<overwrite =E<gt> 1> (a regular file is then truncated); a
refused or unopenable path leaves the stream untouched.

=item my $bytes = $st->send_file($src, %opts)

Sends C<$src> (a path, or a file handle read from where it is) into the
stream, then finishes the stream. Returns the bytes sent (data and holes).
A regular source is sent up to the size it had when the call started; one
that shrinks meanwhile is an error.

=item my $f = $st->recv_file_f($dest, %opts), my $f = $st->send_file_f($src, %opts)

The same on the event loop, returning a L<Future> (the C<Future> module
must be installed): it is done when the transfer succeeded, failed with the
error otherwise; C<< $f->cancel >> cancels the transfer. A transfer that
cannot start gives a failed Future.

=item my $p = $st->recv_file_p($dest, %opts), my $p = $st->send_file_p($src, %opts)

The same, returning a L<Mojo::Promise> (resolved, or rejected with the
error), for scripts running Mojolicious.

=back

Options (all optional):

=over 4

=item sparse =E<gt> 1

Keep holes. Sending, the holes of a regular source are found with
C<SEEK_DATA>/C<SEEK_HOLE> and sent as holes (the stream must be sparse:
C<VOL_UPLOAD_SPARSE_STREAM>). Receiving, holes become holes in a regular
file (a seek, a punched range where the file already had data, and a final
C<ftruncate>) and zeros in anything else (a block device, a pipe). The
result is byte-identical, with the allocation C<virsh vol-download --sparse>
gives. On a stream that cannot carry holes, plain data is moved.

=item progress =E<gt> sub { my ($done, $total, $hole_bytes) = @_; ... }

Called at most every C<progress_interval> seconds, and once at the end
(before the stream is finished), with the bytes moved so far (data and
holes), the bytes expected (C<undef> if unknown: give C<total> for a bare
stream) and the hole bytes among them. Returning false cancels the
transfer; so does dying, and the exception then comes out of the method
(or reaches C<on_done>) unchanged.

=item progress_interval =E<gt> $seconds

Default 0.2; 0 calls C<progress> after every chunk or hole.

=item total =E<gt> $bytes

The size reported to C<progress> when the stream's is not known
(C<download_file> sets it from the volume).

=item overwrite =E<gt> 1

Replace an existing destination file.

=item keep_partial =E<gt> 1

On failure or cancellation, keep the file the transfer created (it is
removed by default). Either way the error says what became of it.

=item on_done =E<gt> sub { my ($err) = @_; ... }

Run on the event loop instead of blocking (the stream must be made with
C<NONBLOCK>; C<download_file>/C<upload_file> do it). The method returns at
once a L<Sys::Virt::Stream::Transfer> object (C<cancel>, C<done>, C<error>,
C<progress>); C<on_done> is called once at the end, with C<undef> on
success or the error. Many transfers can run at once on one loop. An
C<on_done> that dies does not disturb the loop: the event loop's run call
dies with it afterwards, as for other callbacks. Besides the stream's
events, the transfer registers a timer (every 0.25 s) while it runs:
libvirt sends a stream no event when its connection dies, and the
transfer then fails instead of waiting for ever. File writes of a
receive run in a helper thread (it never runs Perl code), blocking or not.

=back

Failures (a daemon that dies, a full or read-only destination, a source
that shrinks) abort the stream and die with the error (a
L<Sys::Virt::Error> for libvirt's, a message naming the method and the file
otherwise), which says whether the partial file was removed or kept.

=head1 HANDLERS

Better than the classic binding: a handler that dies, returns C<undef>, or
returns a negative number stops the transfer, the stream is aborted, and the
method dies: with the handler's own exception, unchanged (string or object),
when it died, else with a message naming the method and the handler. A
handler returning more than the byte count it was given is cut to it; a
receive handler consuming nothing of data it was given (returning C<0>) is
an error rather than an endless loop. The scalar passed as C<$_[1]> may be
kept or modified by the handler without affecting the transfer. The
C<*_all> methods refuse non-blocking streams (use C<recv>/C<send> with
C<add_callback> there).

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

=head1 AUTHORS

Daniel P. Berrange <berrange@redhat.com> (the original binding and this
documentation); the Sys::Virt-in-Rust developers.

=head1 COPYRIGHT

Copyright (C) 2006-2009 Red Hat
Copyright (C) 2006-2007 Daniel P. Berrange

=head1 LICENSE

This program is free software; you can redistribute it and/or modify it
under the terms of either the GNU General Public License as published by
the Free Software Foundation (either version 2 of the License, or at your
option any later version), or, the Artistic License, as specified in the
Perl README file.

=head1 SEE ALSO

L<Sys::Virt>, L<Sys::Virt::Error>, L<http://libvirt.org>

=cut
