package Sys::Virt::Stream::Transfer;

use strict;
use warnings;
# Carp and Scalar::Util are loaded only on the paths that need them:
# this file is loaded with Sys::Virt, and its start-up time counts.

# The transfer engine is src/transfer.rs, reached through the XSUBs of
# xs/Transfer.xs (loaded with Sys::Virt). This file holds the option
# checks shared by Sys::Virt::Stream and Sys::Virt::StorageVol, and the
# Future / Mojo::Promise wrappers.
require Sys::Virt;

our $VERSION = '0.1.0';

sub CLONE_SKIP { 1 }

sub _RECV () { 0 }
sub _SEND () { 1 }

my %COMMON = map { $_ => 1 } qw(sparse overwrite keep_partial progress
                                 progress_interval on_done total);
my %VOLUME = (%COMMON, map { $_ => 1 } qw(offset length flags));

sub _croak { require Carp; goto &Carp::croak }

# Checks the option list of $method; returns the options as a hash ref.
sub _options {
    my ($method, $volume, @opts) = @_;
    _croak("$method: options must be name => value pairs") if @opts % 2;
    my %o = @opts;
    my $known = $volume ? \%VOLUME : \%COMMON;
    for (sort keys %o) {
        _croak("$method: unknown option '$_'") unless $known->{$_};
    }
    # send_file reads up to 'length' bytes of the source.
    return \%o;
}

# Runs a prepared transfer: blocking (returns the bytes moved) or, with
# on_done, started on the event loop (returns the transfer object).
sub _go {
    my ($t, $o) = @_;
    if ($o->{on_done}) {
        $t->_start;
        return $t;
    }
    $t->_run;
    return ($t->_state)[1];
}

# Runs $code; a plain message that names a line of this distribution's
# modules (an XSUB croaked there) is made to name the script's line,
# where the public method was called ($level frames up). Anything else,
# such as what a progress callback died with, comes out unchanged.
sub _from_caller {
    my ($level, $code) = @_;
    my @r;
    my $ok = eval { @r = $code->(); 1 };
    return wantarray ? @r : $r[0] if $ok;
    my $e = $@;
    if (!ref $e && $e =~ s/ at \S*\bSys\/Virt\/[\w\/]+\.pm line \d+\.?\n\z//) {
        my (undef, $file, $line) = caller($level);
        $e .= defined $file ? " at $file line $line.\n" : "\n";
    }
    die $e;
}

# $st->recv_file / send_file.
sub _stream_file { my @a = @_; _from_caller(2, sub { _stream_file_(@a) }) }

sub _stream_file_ {
    my ($st, $dir, $method, $file, @opts) = @_;
    my $m = "Sys::Virt::Stream::$method";
    my $o = _options($m, 0, @opts);
    my $t = __PACKAGE__->_new($st, $dir, $file, $o, $m);
    return _go($t, $o);
}

# $vol->download_file / upload_file: a stream of its own, the file opened
# first (an existing file is refused before the volume is touched).
sub _volume_file { my @a = @_; _from_caller(2, sub { _volume_file_(@a) }) }

sub _volume_file_ {
    my ($vol, $dir, $method, $file, @opts) = @_;
    my $m = "Sys::Virt::StorageVol::$method";
    my $o = _options($m, 1, @opts);
    my $offset = delete $o->{offset} // 0;
    my $length = delete $o->{length} // 0;
    my $flags  = delete $o->{flags} // 0;
    if ($o->{sparse}) {
        $flags |= $dir == _RECV
            ? Sys::Virt::StorageVol::VOL_DOWNLOAD_SPARSE_STREAM()
            : Sys::Virt::StorageVol::VOL_UPLOAD_SPARSE_STREAM();
    }
    if ($dir == _RECV && !defined $o->{total}) {
        my $cap = $vol->get_info->{capacity};
        my $left = $cap > $offset ? $cap - $offset : 0;
        $o->{total} = $length && $length < $left ? $length : $left;
    }
    $o->{length} = $length if $dir == _SEND;
    my $st = _vol_stream($vol, $o->{on_done} ? Sys::Virt::Stream::NONBLOCK() : 0);
    my $t = __PACKAGE__->_new($st, $dir, $file, $o, $m);
    if ($dir == _RECV) {
        $vol->download($st, $offset, $length, $flags);
    } else {
        $vol->upload($st, $offset, $length, $flags);
    }
    return _go($t, $o);
}

# The _f variants: a Future (cancel = ->cancel).
sub _future {
    my ($start) = @_;
    require Future;
    require Scalar::Util;
    my $f = Future->new;
    my $weak = $f;
    Scalar::Util::weaken($weak);
    my $t = eval {
        $start->(sub {
            my ($err) = @_;
            return if !$weak || $weak->is_ready;
            defined $err ? $weak->fail($err) : $weak->done;
        });
    };
    return Future->fail($@) unless $t;
    $f->on_cancel(sub { $t->cancel });
    return $f;
}

# The _p variants: a Mojo::Promise.
sub _promise {
    my ($start) = @_;
    require Mojo::Promise;
    my $p = Mojo::Promise->new;
    my $t = eval {
        $start->(sub {
            my ($err) = @_;
            defined $err ? $p->reject($err) : $p->resolve;
        });
    };
    return Mojo::Promise->reject($@) unless $t;
    return $p;
}

sub done {
    my ($self) = @_;
    my ($state) = $self->_state;
    return $state >= 2 ? 1 : 0;
}

sub progress {
    my ($self) = @_;
    my (undef, $done, $total, $holes) = $self->_state;
    return ($done, $total, $holes);
}

1;
__END__

=head1 NAME

Sys::Virt::Stream::Transfer - a whole-file transfer running on the event loop

=head1 SYNOPSIS

  my $t = $vol->download_file('disk.img', sparse => 1,
      on_done => sub { my ($err) = @_; ... });
  ...
  $t->cancel unless $t->done;

=head1 DESCRIPTION

The object returned by C<recv_file>, C<send_file> (L<Sys::Virt::Stream>),
C<download_file> and C<upload_file> (L<Sys::Virt::StorageVol>) when they
are given C<on_done>: the transfer runs on the registered event loop, and
C<on_done> is called once when it is over. Dropping the object does not
stop the transfer (the event callback holds it until its end).

=head1 METHODS

=over 4

=item $t->done

True once the transfer is over (finished, failed or cancelled), when
C<on_done> was called.

=item $t->error

The error C<on_done> received (a L<Sys::Virt::Error>, a message, or what
the progress callback died with), or C<undef>.

=item my ($done, $total, $hole_bytes) = $t->progress

Bytes moved so far (data and holes), bytes expected (C<undef> when not
known), and the hole bytes among them.

=item $t->cancel

Stops a running transfer: aborts the stream, removes the file the
transfer created (unless C<keep_partial>), and calls C<on_done> at once
with an error saying it was cancelled. Returns 1, or 0 if the transfer was
already over (nothing is done then).

=back

=head1 SEE ALSO

L<Sys::Virt::Stream>, L<Sys::Virt::StorageVol>

=cut
