package Sys::Virt::StorageVol;

use strict;
use warnings;

require Sys::Virt;

our $VERSION = '12.7.0.0';

sub CLONE_SKIP { 1 }

# The classic binding's private constructor; scripts use the pool's and the
# connection's methods (get_volume_by_name, create_volume,
# get_storage_volume_by_path, ...).
sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $self;
    if (exists $params{name} || exists $params{xml}) {
        my $pool = exists $params{pool} ? $params{pool}
            : die "Sys::Virt::StorageVol::_new: pool parameter is required\n";
        if (exists $params{name}) {
            $self = Sys::Virt::StoragePool::get_volume_by_name($pool, $params{name});
        } elsif ($params{clone}) {
            $self = Sys::Virt::StoragePool::clone_volume($pool, $params{xml}, $params{clone}, 0);
        } else {
            $self = Sys::Virt::StoragePool::create_volume($pool, $params{xml}, 0);
        }
    } elsif (exists $params{key} || exists $params{path}) {
        my $con = exists $params{connection} ? $params{connection}
            : die "Sys::Virt::StorageVol::_new: connection parameter is required\n";
        $self = exists $params{key}
            ? Sys::Virt::get_storage_volume_by_key($con, $params{key})
            : Sys::Virt::get_storage_volume_by_path($con, $params{path});
    } else {
        die "Sys::Virt::StorageVol::_new: name, key, path or xml parameters are required\n";
    }
    return bless $self, $class;
}

# Whole-file transfers (see Sys::Virt::Stream::Transfer).
# Loaded by the first transfer: a script that makes none does not pay for it.

sub download_file { require Sys::Virt::Stream::Transfer; Sys::Virt::Stream::Transfer::_volume_file($_[0], 0, 'download_file', @_[1 .. $#_]) }
sub upload_file   { require Sys::Virt::Stream::Transfer; Sys::Virt::Stream::Transfer::_volume_file($_[0], 1, 'upload_file', @_[1 .. $#_]) }

sub download_file_f {
    my ($vol, $file, @opts) = @_;
    require Sys::Virt::Stream::Transfer;
    Sys::Virt::Stream::Transfer::_future(sub { $vol->download_file($file, @opts, on_done => $_[0]) });
}

sub upload_file_f {
    my ($vol, $file, @opts) = @_;
    require Sys::Virt::Stream::Transfer;
    Sys::Virt::Stream::Transfer::_future(sub { $vol->upload_file($file, @opts, on_done => $_[0]) });
}

sub download_file_p {
    my ($vol, $file, @opts) = @_;
    require Sys::Virt::Stream::Transfer;
    Sys::Virt::Stream::Transfer::_promise(sub { $vol->download_file($file, @opts, on_done => $_[0]) });
}

sub upload_file_p {
    my ($vol, $file, @opts) = @_;
    require Sys::Virt::Stream::Transfer;
    Sys::Virt::Stream::Transfer::_promise(sub { $vol->upload_file($file, @opts, on_done => $_[0]) });
}

1;
__END__

=head1 NAME

Sys::Virt::StorageVol - a libvirt storage volume

=head1 SYNOPSIS

  use Sys::Virt;

  my $conn = Sys::Virt->new(uri => $uri);
  my $pool = $conn->get_storage_pool_by_name("default");
  my $vol = $pool->get_volume_by_name("disk1.img");
  printf "%s: %d bytes\n", $vol->get_path, $vol->get_info->{capacity};

  # Copy the volume's content into a stream
  my $st = $conn->new_stream;
  $vol->download($st, 0, 0);          # 0 length: to the end
  $st->recv_all(sub { my ($st, $data, $n) = @_; print OUT $data; $n });
  $st->finish;

=head1 DESCRIPTION

A C<Sys::Virt::StorageVol> object is a storage volume (a disk image, a
logical volume, ...) in a L<Sys::Virt::StoragePool>. Objects come from the
pool's C<get_volume_by_name>, C<create_volume>, C<clone_volume> and
C<list_all_volumes>, and from the connection's
C<get_storage_volume_by_path> and C<get_storage_volume_by_key> (see
L<Sys::Virt>).

A volume object keeps its connection open. Every method that fails in
libvirt dies with a L<Sys::Virt::Error>; a wrong argument dies with a plain
message naming the method and the argument.

=head1 METHODS

=over 4

=item my $name = $vol->get_name()

The volume's name, unique in its pool.

=item my $key = $vol->get_key()

The volume's key, unique on the host (for file volumes, usually the path).

=item my $path = $vol->get_path()

The volume's path on the host.

=item my $info = $vol->get_info($flags=0)

A hash reference describing the volume:

=over 4

=item type

One of the C<Sys::Virt::StorageVol::TYPE_*> constants.

=item capacity

Its logical size, in bytes.

=item allocation

The bytes actually allocated on the host (smaller than the capacity for a
sparse file).

=back

Sizes are 64-bit and exact. With C<$flags> set to
C<Sys::Virt::StorageVol::GET_PHYSICAL>, C<allocation> is the physical size
of the host file.

=item my $xml = $vol->get_xml_description($flags=0)

The volume's XML description.

=item $vol->delete($flags=0)

Deletes the volume. C<$flags> are C<DELETE_*> constants.

=item $vol->resize($capacity, $flags=0)

Changes the volume's capacity to C<$capacity> bytes (or by it, with
C<RESIZE_DELTA>). C<$flags> are C<RESIZE_*> constants.

=item $vol->wipe($flags=0)

Overwrites the volume's data with zeros, so that what it held cannot leak
to its next user. C<$flags> is unused and should be 0.

=item $vol->wipe_pattern($algorithm, $flags=0)

Overwrites the volume's data with the pattern C<$algorithm>, one of the
C<WIPE_ALG_*> constants (C<WIPE_ALG_ZERO>, C<WIPE_ALG_NNSA>, ...; the
drivers support few of them). C<$flags> is unused and should be 0.

=item $vol->download($st, $offset, $length, $flags=0)

Starts copying C<$length> bytes of the volume's content, from byte
C<$offset>, into the stream C<$st> (a L<Sys::Virt::Stream>); a C<$length>
of 0 means to the end. The data is then read from the stream
(C<recv_all>, or C<sparse_recv_all> with
C<Sys::Virt::StorageVol::VOL_DOWNLOAD_SPARSE_STREAM> in C<$flags>, which
sends holes as holes), and the stream finished.

C<$offset> and C<$length> are unsigned 64-bit numbers and exact up to
C<2**64-1>: give large values as integers or as strings of digits (a
floating-point value like C<2**64-1> is rounded by Perl and out of range).
A negative, fractional or non-numeric value dies.

=item $vol->upload($st, $offset, $length, $flags=0)

Starts replacing C<$length> bytes of the volume's content, from byte
C<$offset>, with data sent into the stream C<$st>; a C<$length> of 0 means
to the end. The data is then sent (C<send_all>, or C<sparse_send_all> with
C<Sys::Virt::StorageVol::VOL_UPLOAD_SPARSE_STREAM> in C<$flags>) and the
stream finished. C<$offset> and C<$length> are as for C<download>.

=back

=head1 WHOLE-FILE TRANSFERS

=over 4

=item my $bytes = $vol->download_file($path, %opts)

Downloads the volume into C<$path> (or an open file handle) in one call:
makes the stream, opens the file (an existing one is refused, before the
volume is touched, unless C<overwrite =E<gt> 1>), starts the download, and
runs L<Sys::Virt::Stream/recv_file>. Besides the options of C<recv_file>
(C<sparse>, C<progress>, C<progress_interval>, C<keep_partial>,
C<overwrite>, C<on_done>), it takes C<offset>, C<length> and C<flags> as
C<download> does; C<sparse =E<gt> 1> adds C<VOL_DOWNLOAD_SPARSE_STREAM>.
The C<$total> given to C<progress> is the volume's capacity (less the
offset, or the length). Returns the bytes moved, or with C<on_done> a
L<Sys::Virt::Stream::Transfer> object at once.

  $vol->download_file("$dir/disk.img", sparse => 1,
      progress => sub { printf "%d of %d\n", @_; 1 });

=item my $bytes = $vol->upload_file($path, %opts)

Uploads C<$path> (or an open file handle) into the volume, through
L<Sys::Virt::Stream/send_file>; C<sparse =E<gt> 1> adds
C<VOL_UPLOAD_SPARSE_STREAM> and sends the file's holes as holes.
C<offset>, C<length> and C<flags> are as for C<upload> (with a C<length>,
at most that many bytes of the file are sent).

=item my $f = $vol->download_file_f($path, %opts), my $f = $vol->upload_file_f($path, %opts)

The same on the event loop, returning a L<Future> (C<< ->cancel >>
cancels).

=item my $p = $vol->download_file_p($path, %opts), my $p = $vol->upload_file_p($path, %opts)

The same, returning a L<Mojo::Promise>.

=back

=head1 CONSTANTS

Constants are Perl constant subs in the C<Sys::Virt::StorageVol> package,
with the value of the libvirt this module was built against. Names the
installed libvirt lacks are absent.

=for generated-constants begin

=over 4

=item Sys::Virt::StorageVol::TYPE_FILE

Regular file based volumes

=item Sys::Virt::StorageVol::TYPE_BLOCK

Block based volumes

=item Sys::Virt::StorageVol::TYPE_DIR

Directory-passthrough based volume

=item Sys::Virt::StorageVol::TYPE_NETWORK

Network volumes like RBD (RADOS Block Device)

=item Sys::Virt::StorageVol::TYPE_NETDIR

Network accessible directory that can
contain other network volumes

=item Sys::Virt::StorageVol::TYPE_PLOOP

Ploop based volumes

=item Sys::Virt::StorageVol::DELETE_NORMAL

Delete metadata only    (fast)

=item Sys::Virt::StorageVol::DELETE_ZEROED

Clear all data to zeros (slow)

=item Sys::Virt::StorageVol::DELETE_WITH_SNAPSHOTS

Force removal of volume, even if in use

=item Sys::Virt::StorageVol::WIPE_ALG_ZERO

1-pass, all zeroes

=item Sys::Virt::StorageVol::WIPE_ALG_NNSA

4-pass  NNSA Policy Letter
NAP-14.1-C (XVI-8)

=item Sys::Virt::StorageVol::WIPE_ALG_DOD

4-pass DoD 5220.22-M section
8-306 procedure

=item Sys::Virt::StorageVol::WIPE_ALG_BSI

9-pass method recommended by the
German Center of Security in
Information Technologies

=item Sys::Virt::StorageVol::WIPE_ALG_GUTMANN

The canonical 35-pass sequence

=item Sys::Virt::StorageVol::WIPE_ALG_SCHNEIER

7-pass method described by
Bruce Schneier in "Applied
Cryptography" (1996)

=item Sys::Virt::StorageVol::WIPE_ALG_PFITZNER7

7-pass random data

=item Sys::Virt::StorageVol::WIPE_ALG_PFITZNER33

33-pass random data

=item Sys::Virt::StorageVol::WIPE_ALG_RANDOM

1-pass random data

=item Sys::Virt::StorageVol::WIPE_ALG_TRIM

1-pass, trim all data on the
volume by using TRIM or DISCARD

=item Sys::Virt::StorageVol::RESIZE_ALLOCATE

force allocation of new size

=item Sys::Virt::StorageVol::RESIZE_DELTA

size is relative to current

=item Sys::Virt::StorageVol::RESIZE_SHRINK

allow decrease in capacity

=item Sys::Virt::StorageVol::CREATE_PREALLOC_METADATA

The libvirt constant C<VIR_STORAGE_VOL_CREATE_PREALLOC_METADATA>.

=item Sys::Virt::StorageVol::CREATE_REFLINK

perform a btrfs lightweight copy

=item Sys::Virt::StorageVol::CREATE_VALIDATE

Validate the XML document against schema

Defined where Sys::Virt is built against libvirt 8.10.0 or newer.

=item Sys::Virt::StorageVol::USE_ALLOCATION

The libvirt constant C<VIR_STORAGE_VOL_USE_ALLOCATION>.

=item Sys::Virt::StorageVol::GET_PHYSICAL

Return the physical size in allocation

=item Sys::Virt::StorageVol::VOL_DOWNLOAD_SPARSE_STREAM

Use sparse stream

=item Sys::Virt::StorageVol::VOL_UPLOAD_SPARSE_STREAM

Use sparse stream

=back

=for generated-constants end

=head1 SEE ALSO

L<Sys::Virt>, L<Sys::Virt::StoragePool>, L<Sys::Virt::Stream>,
L<Sys::Virt::Error>

=cut
