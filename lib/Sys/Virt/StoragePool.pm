package Sys::Virt::StoragePool;

use strict;
use warnings;

require Sys::Virt;

our $VERSION = '12.7.0.0';

sub CLONE_SKIP { 1 }

# The classic binding's private constructor; scripts use the connection's
# methods (get_storage_pool_by_name, ...).
sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $self;
    if (exists $params{volume}) {
        $self = Sys::Virt::StoragePool->_lookup_by_volume($params{volume});
    } else {
        my $con = exists $params{connection} ? $params{connection}
            : die "Sys::Virt::StoragePool::_new: connection parameter is required\n";
        if (exists $params{name}) {
            $self = Sys::Virt::get_storage_pool_by_name($con, $params{name});
        } elsif (exists $params{uuid}) {
            $self = Sys::Virt::get_storage_pool_by_uuid($con, $params{uuid});
        } elsif (exists $params{target_path}) {
            $self = Sys::Virt::get_storage_pool_by_target_path($con, $params{target_path});
        } elsif (exists $params{xml}) {
            if ($params{nocreate}) {
                $self = Sys::Virt::define_storage_pool($con, $params{xml}, $params{flags});
            } else {
                $self = Sys::Virt::create_storage_pool($con, $params{xml}, $params{flags});
            }
        } else {
            die "Sys::Virt::StoragePool::_new: name, uuid, volume, target_path or xml parameters are required\n";
        }
    }
    return bless $self, $class;
}

# list_volumes (the classic binding's O(n) list) and its non-blocking
# forms are made with the connection's lists, in Sys/Virt.pm.

1;
__END__

=head1 NAME

Sys::Virt::StoragePool - a libvirt storage pool

=head1 SYNOPSIS

  use Sys::Virt;

  my $conn = Sys::Virt->new(uri => "test:///default");
  my $pool = $conn->get_storage_pool_by_name("default-pool");
  my $vol = $pool->create_volume(<<'XML');
  <volume><name>disk1.img</name><capacity>1048576</capacity></volume>
  XML
  print $_->get_name, "\n" for $pool->list_all_volumes;

=head1 DESCRIPTION

A C<Sys::Virt::StoragePool> object is a storage pool (a directory, a
volume group, an iSCSI target, ...) from which libvirt allocates storage
volumes (L<Sys::Virt::StorageVol>). Objects come from the connection's
methods: C<get_storage_pool_by_name>, C<get_storage_pool_by_uuid>,
C<list_all_storage_pools>, C<create_storage_pool> and
C<define_storage_pool> (see L<Sys::Virt>).

A pool object keeps its connection open. Every method that fails in libvirt
dies with a L<Sys::Virt::Error>; a wrong argument dies with a plain message
naming the method and the argument.

=head1 METHODS

=over 4

=item my $name = $pool->get_name()

The pool's name.

=item my $uuid = $pool->get_uuid()

The pool's UUID as 16 raw bytes.

=item my $uuid = $pool->get_uuid_string()

The pool's UUID in printable form, C<XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX>.

=item my $info = $pool->get_info()

A hash reference describing the pool:

=over 4

=item state

One of the C<Sys::Virt::StoragePool::STATE_*> constants.

=item capacity

Its total size, in bytes.

=item allocation

The bytes allocated to volumes.

=item available

The bytes still free for new volumes.

=back

Sizes are 64-bit and exact.

=item my $xml = $pool->get_xml_description($flags=0)

The pool's XML description; C<$flags> may be
C<Sys::Virt::StoragePool::XML_INACTIVE>.

=item my $bool = $pool->is_active()

True if the pool is started.

=item my $bool = $pool->is_persistent()

True if the pool has a persistent configuration.

=item $pool->create($flags=0)

Starts a defined pool. C<$flags> are C<CREATE_*> constants.

=item $pool->destroy()

Stops the pool (its data stays). A transient pool is gone.

=item $pool->undefine()

Removes the persistent configuration of a stopped pool.

=item $pool->refresh($flags=0)

Rescans the pool for volumes created or removed behind libvirt's back.
C<$flags> is unused and should be 0.

=item my $vol = $pool->create_volume($xml, $flags=0)

Creates a volume in the pool from its XML description and returns it, a
L<Sys::Virt::StorageVol>. C<$flags> are C<Sys::Virt::StorageVol::CREATE_*>
constants.

=item my $vol = $pool->clone_volume($xml, $clone, $flags=0)

Creates a volume from its XML description with the content of the volume
C<$clone>, and returns it.

=item my $vol = $pool->get_volume_by_name($name)

The volume of this pool called C<$name>.

=item my @vols = $pool->list_all_volumes($flags=0)

All volumes of the pool, as L<Sys::Virt::StorageVol> objects. C<$flags> is
unused and should be 0.

=item my $n = $pool->num_of_storage_volumes()

The number of volumes in the pool; a suitable C<$maxnames> for
C<list_storage_vol_names>.

=item my @names = $pool->list_storage_vol_names($maxnames)

The names of at most C<$maxnames> volumes of the pool (usable with
C<get_volume_by_name>).

=item my @vols = $pool->list_volumes()

All volumes of the pool, as L<Sys::Virt::StorageVol> objects, found by
name one at a time (O(n) calls; C<list_all_volumes> does it in one). A
volume that goes away meanwhile is left out.

=item $pool->build($flags=0)

Builds the pool's underlying storage (for a C<dir> pool, creates its
directory; for a disk pool, writes a partition table). C<$flags> are the
C<BUILD_*> constants.

=item $pool->delete($flags=0)

Deletes the pool's underlying storage (for a C<dir> pool, removes its
directory) of a stopped pool; its definition stays. C<$flags> are the
C<DELETE_*> constants.

=item my $flag = $pool->get_autostart()

True (1) if the pool starts when the host (libvirt's storage driver)
starts, else 0.

=item $pool->set_autostart($flag)

Sets or clears the autostart flag of a persistent pool (a transient pool
dies with a L<Sys::Virt::Error>).

=back

=head1 CONSTANTS

Constants are Perl constant subs in the C<Sys::Virt::StoragePool> package,
with the value of the libvirt this module was built against. Names the
installed libvirt lacks are absent.

=for generated-constants begin

=over 4

=item Sys::Virt::StoragePool::STATE_INACTIVE

Not running

=item Sys::Virt::StoragePool::STATE_BUILDING

Initializing pool, not available

=item Sys::Virt::StoragePool::STATE_RUNNING

Running normally

=item Sys::Virt::StoragePool::STATE_DEGRADED

Running degraded

=item Sys::Virt::StoragePool::STATE_INACCESSIBLE

Running, but not accessible

=item Sys::Virt::StoragePool::DEFINE_VALIDATE

Validate the XML document against schema

Defined where Sys::Virt is built against libvirt 7.7.0 or newer.

=item Sys::Virt::StoragePool::BUILD_NEW

Regular build from scratch

=item Sys::Virt::StoragePool::BUILD_REPAIR

Repair / reinitialize

=item Sys::Virt::StoragePool::BUILD_RESIZE

Extend existing pool

=item Sys::Virt::StoragePool::BUILD_NO_OVERWRITE

Do not overwrite existing pool

=item Sys::Virt::StoragePool::BUILD_OVERWRITE

Overwrite data

=item Sys::Virt::StoragePool::CREATE_NORMAL

Create the pool but do not perform pool build

=item Sys::Virt::StoragePool::CREATE_WITH_BUILD

Create the pool and perform pool build without any flags

=item Sys::Virt::StoragePool::CREATE_WITH_BUILD_OVERWRITE

Create the pool and perform pool build using the
VIR_STORAGE_POOL_BUILD_OVERWRITE flag. This is mutually
exclusive to VIR_STORAGE_POOL_CREATE_WITH_BUILD_NO_OVERWRITE

=item Sys::Virt::StoragePool::CREATE_WITH_BUILD_NO_OVERWRITE

Create the pool and perform pool build using the
VIR_STORAGE_POOL_BUILD_NO_OVERWRITE flag. This is mutually
exclusive to VIR_STORAGE_POOL_CREATE_WITH_BUILD_OVERWRITE

=item Sys::Virt::StoragePool::DELETE_NORMAL

Delete metadata only    (fast)

=item Sys::Virt::StoragePool::DELETE_ZEROED

Clear all data to zeros (slow)

=item Sys::Virt::StoragePool::XML_INACTIVE

dump inactive pool/volume information

=item Sys::Virt::StoragePool::LIST_INACTIVE

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE>.

=item Sys::Virt::StoragePool::LIST_ACTIVE

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE>.

=item Sys::Virt::StoragePool::LIST_PERSISTENT

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT>.

=item Sys::Virt::StoragePool::LIST_TRANSIENT

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT>.

=item Sys::Virt::StoragePool::LIST_AUTOSTART

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART>.

=item Sys::Virt::StoragePool::LIST_NO_AUTOSTART

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART>.

=item Sys::Virt::StoragePool::LIST_DIR

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_DIR>.

=item Sys::Virt::StoragePool::LIST_FS

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_FS>.

=item Sys::Virt::StoragePool::LIST_NETFS

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_NETFS>.

=item Sys::Virt::StoragePool::LIST_LOGICAL

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL>.

=item Sys::Virt::StoragePool::LIST_DISK

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_DISK>.

=item Sys::Virt::StoragePool::LIST_ISCSI

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI>.

=item Sys::Virt::StoragePool::LIST_SCSI

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_SCSI>.

=item Sys::Virt::StoragePool::LIST_MPATH

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_MPATH>.

=item Sys::Virt::StoragePool::LIST_RBD

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_RBD>.

=item Sys::Virt::StoragePool::LIST_SHEEPDOG

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_SHEEPDOG>.

=item Sys::Virt::StoragePool::LIST_GLUSTER

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_GLUSTER>.

=item Sys::Virt::StoragePool::LIST_ZFS

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_ZFS>.

=item Sys::Virt::StoragePool::LIST_VSTORAGE

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_VSTORAGE>.

=item Sys::Virt::StoragePool::LIST_ISCSI_DIRECT

The libvirt constant C<VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI_DIRECT>.

=item Sys::Virt::StoragePool::EVENT_ID_LIFECYCLE

virConnectStoragePoolEventLifecycleCallback

=item Sys::Virt::StoragePool::EVENT_ID_REFRESH

virConnectStoragePoolEventGenericCallback

=item Sys::Virt::StoragePool::EVENT_DEFINED

The libvirt constant C<VIR_STORAGE_POOL_EVENT_DEFINED>.

=item Sys::Virt::StoragePool::EVENT_UNDEFINED

The libvirt constant C<VIR_STORAGE_POOL_EVENT_UNDEFINED>.

=item Sys::Virt::StoragePool::EVENT_STARTED

The libvirt constant C<VIR_STORAGE_POOL_EVENT_STARTED>.

=item Sys::Virt::StoragePool::EVENT_STOPPED

The libvirt constant C<VIR_STORAGE_POOL_EVENT_STOPPED>.

=item Sys::Virt::StoragePool::EVENT_CREATED

The libvirt constant C<VIR_STORAGE_POOL_EVENT_CREATED>.

=item Sys::Virt::StoragePool::EVENT_DELETED

The libvirt constant C<VIR_STORAGE_POOL_EVENT_DELETED>.

=back

=for generated-constants end

=head1 SEE ALSO

L<Sys::Virt>, L<Sys::Virt::StorageVol>, L<Sys::Virt::Error>

=cut
