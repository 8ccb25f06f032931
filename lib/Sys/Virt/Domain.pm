package Sys::Virt::Domain;

use strict;
use warnings;

require Sys::Virt;

our $VERSION = '12.7.0.0';

sub CLONE_SKIP { 1 }

# The classic binding's private constructor; scripts use the connection's
# methods (get_domain_by_name, create_domain, ...), which return objects of
# this class directly.
sub _new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my %params = @_;

    my $con = exists $params{connection} ? $params{connection}
        : die "Sys::Virt::Domain::_new: connection parameter is required\n";
    my $self;
    if (exists $params{name}) {
        $self = Sys::Virt::get_domain_by_name($con, $params{name});
    } elsif (exists $params{id}) {
        $self = Sys::Virt::get_domain_by_id($con, $params{id});
    } elsif (exists $params{uuid}) {
        $self = Sys::Virt::get_domain_by_uuid($con, $params{uuid});
    } elsif (exists $params{xml}) {
        if ($params{nocreate}) {
            $self = Sys::Virt::define_domain($con, $params{xml}, $params{flags});
        } else {
            $self = Sys::Virt::create_domain($con, $params{xml}, $params{flags});
        }
    } else {
        die "Sys::Virt::Domain::_new: name, id, uuid or xml parameters are required\n";
    }
    return bless $self, $class;
}

# The migration methods take a hash of typed parameters (the table-driven
# _migrate and _migrate_to_uri); their older positional forms are turned
# into that hash here, as the classic binding does.
sub _migrate_params {
    my (%given) = @_;
    my %params;
    $params{ Sys::Virt::Domain::MIGRATE_PARAM_DEST_XML() } = $given{dxml} if defined $given{dxml};
    $params{ Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME() } = $given{dname} if defined $given{dname};
    $params{ Sys::Virt::Domain::MIGRATE_PARAM_URI() } = $given{uri} if defined $given{uri};
    $params{ Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH() } = $given{bandwidth} if defined $given{bandwidth};
    return \%params;
}

# Each with its non-blocking forms (migrate_f, migrate_p, ...): the same
# arguments, then _migrate_f / _migrate_p.
#
# (destination, \%params, flags), or the older positional form (as the
# classic code, whose documentation of migrate_to_uri omits $uri):
# (destination, flags, dname, uri, bandwidth).
sub _params_or_positional {
    my ($call, $dest, @rest) = @_;
    return ($call, $dest, @rest) if ref $rest[0] && ref $rest[0] eq 'HASH';
    my ($flags, $dname, $uri, $bandwidth) = @rest;
    return ($call, $dest, _migrate_params(dname => $dname, uri => $uri, bandwidth => $bandwidth), $flags);
}

my %MIGRATE = (
    migrate => sub { _params_or_positional('_migrate', @_) },
    migrate_to_uri => sub { _params_or_positional('_migrate_to_uri', @_) },
    migrate2 => sub {
        my ($destcon, $dxml, $flags, $dname, $uri, $bandwidth) = @_;
        return ('_migrate', $destcon,
            _migrate_params(dxml => $dxml, dname => $dname, uri => $uri, bandwidth => $bandwidth), $flags);
    },
    # The order of the documentation and of virDomainMigrateToURI2. The classic
    # code reads (dconnuri, dxml, flags, dname, uri, bandwidth) instead, then
    # calls a method that does not exist, so it always dies.
    migrate_to_uri2 => sub {
        my ($dconnuri, $miguri, $dxml, $flags, $dname, $bandwidth) = @_;
        return ('_migrate_to_uri', $dconnuri,
            _migrate_params(dxml => $dxml, dname => $dname, uri => $miguri, bandwidth => $bandwidth), $flags);
    },
);
for my $name (keys %MIGRATE) {
    my $args = $MIGRATE{$name};
    Sys::Virt::_forms(__PACKAGE__, $name, sub {
        my ($kind, $dom, @given) = @_;
        my ($call, @args) = $args->(@given);
        $call .= !defined $kind ? '' : $kind ? '_p' : '_f';
        # (a function call, as before: a wrong invocant gets the XSUB's message)
        return __PACKAGE__->can($call)->($dom, @args);
    });
}

1;
__END__

=head1 NAME

Sys::Virt::Domain - a libvirt guest domain

=head1 SYNOPSIS

  use Sys::Virt;

  my $conn = Sys::Virt->new(uri => "test:///default");
  my $dom = $conn->get_domain_by_name("test");
  my $info = $dom->get_info;
  printf "%s: state %d, %d KiB\n", $dom->get_name, $info->{state}, $info->{memory};

  my $st = $conn->new_stream;
  my $mime = $dom->screenshot($st, 0);     # then read the image from $st

=head1 DESCRIPTION

A C<Sys::Virt::Domain> object is a guest domain (a virtual machine) known
to a hypervisor connection. Objects come from the connection's methods:
C<get_domain_by_name>, C<get_domain_by_id>, C<get_domain_by_uuid>,
C<list_all_domains>, C<create_domain> and C<define_domain> (see
L<Sys::Virt>).

A domain object keeps its connection open: it stays usable after the
script drops the C<Sys::Virt> object it came from. Every method that fails
in libvirt dies with a L<Sys::Virt::Error>; a wrong argument dies with a
plain message naming the method and the argument.

=head1 METHODS

=over 4

=item my $result = $dom->get_os_type()

Get the type of domain operation system. Returns a string. Calls C<virDomainGetOSType>.

=item my $result = $dom->get_hostname($flags=0)

Get the hostname for that domain. Returns a string. Calls C<virDomainGetHostname>.

=item my $result = $dom->get_metadata($type, $uri=undef, $flags=0)

Retrieves the appropriate domain element given by C<$type>. Returns a string. Calls C<virDomainGetMetadata>.

=item $dom->set_metadata($type, $val=undef, $key=undef, $uri=undef, $flags=0)

Sets the appropriate domain element given by C<$type> to the value of C<$metadata>. Calls C<virDomainSetMetadata>.

=item my $result = $dom->is_updated()

Determine if the domain has been updated. Returns true or false. Calls C<virDomainIsUpdated>.

=item my $result = $dom->get_autostart()

Provides a boolean value indicating whether the domain configured to be automatically started when the host machine boots. Returns a number. Calls C<virDomainGetAutostart>.

=item $dom->set_autostart($autostart)

Configure the domain to be automatically started when the host machine boots. Calls C<virDomainSetAutostart>.

=item my $flag = $dom->get_autostart_once()

Returns true when the domain is set to start automatically the next time
the host boots, and only then. Calls C<virDomainGetAutostartOnce>
(libvirt 11.2.0 or newer).

=item $dom->set_autostart_once($flag)

Sets (true) or clears (false) starting the domain automatically the next
time the host boots, and only then. Calls C<virDomainSetAutostartOnce>
(libvirt 11.2.0 or newer).

=item my $result = $dom->get_max_memory()

Retrieve the maximum amount of physical memory allocated to a domain. Returns a number. Calls C<virDomainGetMaxMemory>.

=item $dom->set_max_memory($mem)

Dynamically change the maximum amount of physical memory allocated to a domain. Calls C<virDomainSetMaxMemory>.

=item $dom->set_memory($mem, $flags=0)

Dynamically change the target amount of physical memory allocated to a domain. Calls C<virDomainSetMemoryFlags>.

=item $dom->set_memory_stats_period($period, $flags=0)

Dynamically change the domain memory balloon driver statistics collection period. Calls C<virDomainSetMemoryStatsPeriod>.

=item my $result = $dom->get_max_vcpus()

Provides the maximum number of virtual CPUs supported for the guest VM. Returns an integer. Calls C<virDomainGetMaxVcpus>.

=item $dom->set_vcpus($nvcpus, $flags=0)

Dynamically change the number of virtual CPUs used by the domain. Calls C<virDomainSetVcpusFlags>.

=item my $result = $dom->get_vcpus($flags=0)

Query the number of virtual CPUs used by the domain. Returns an integer. Calls C<virDomainGetVcpusFlags>.

=item $dom->shutdown($flags=0)

Shutdown a domain, the domain object is still usable thereafter but the domain OS is being stopped. Calls C<virDomainShutdownFlags>.

=item $dom->reboot($flags=0)

Reboot a domain, the domain object is still usable thereafter, but the domain OS is being stopped for a restart. Calls C<virDomainReboot>.

=item $dom->reset($flags=0)

Reset a domain immediately without any guest OS shutdown. Calls C<virDomainReset>.

=item $dom->pm_wakeup($flags=0)

Inject a wakeup into the guest that previously used virDomainPMSuspendForDuration, rather than waiting for the previously requested duration (if any) to elapse. Calls C<virDomainPMWakeup>.

=item $dom->pm_suspend_for_duration($target, $duration, $flags=0)

Attempt to have the guest enter the given C<$target> power management suspension level. Calls C<virDomainPMSuspendForDuration>.

=item $dom->managed_save($flags=0)

This method will suspend a domain and save its memory contents to a file on disk. Calls C<virDomainManagedSave>.

=item my $result = $dom->has_managed_save_image($flags=0)

Check if a domain has a managed save image as created by virDomainManagedSave(). Returns true or false. Calls C<virDomainHasManagedSaveImage>.

=item $dom->managed_save_remove($flags=0)

Remove any managed save image for this domain. Calls C<virDomainManagedSaveRemove>.

=item $dom->managed_save_define_xml($xml, $flags=0)

This updates the definition of a domain stored in a saved state file. Calls C<virDomainManagedSaveDefineXML>.

=item my $result = $dom->managed_save_get_xml_description($flags=0)

This method will extract the XML description of the managed save state file of a domain. Returns a string. Calls C<virDomainManagedSaveGetXMLDesc>.

=item $dom->core_dump($to, $flags=0)

This method will dump the core of a domain on a given file for analysis. Calls C<virDomainCoreDump>.

=item $dom->core_dump_format($to, $format, $flags=0)

This method will dump the core of a domain on a given file for analysis. Calls C<virDomainCoreDumpWithFormat>.

=item $dom->attach_device($xml, $flags=0)

Attach a virtual device to a domain, using the flags parameter to control how the device is attached. Calls C<virDomainAttachDeviceFlags>.

=item $dom->detach_device($xml, $flags=0)

Detach a virtual device from a domain, using the flags parameter to control how the device is detached. Calls C<virDomainDetachDeviceFlags>.

=item $dom->detach_device_alias($alias, $flags=0)

Detach a virtual device from a domain, using the alias to specify the device. Calls C<virDomainDetachDeviceAlias>.

=item $dom->update_device($xml, $flags=0)

Change a virtual device on a domain, using the flags parameter to control how the device is changed. Calls C<virDomainUpdateDeviceFlags>.

=item my $result = $dom->get_block_info($dev, $flags=0)

Extract information about a domain's block device. Returns a hash reference with the keys C<capacity>, C<allocation>, C<physical>. Calls C<virDomainGetBlockInfo>.

=item my $result = $dom->get_control_info($flags=0)

Extract details about current state of control interface to a domain. Returns a hash reference with the keys C<state>, C<details>, C<stateTime>. Calls C<virDomainGetControlInfo>.

=item $dom->block_resize($disk, $size, $flags=0)

Resize a block device of domain while the domain is running. Calls C<virDomainBlockResize>.

=item $dom->inject_nmi($flags=0)

Send NMI to the guest. Calls C<virDomainInjectNMI>.

=item $dom->rename($newname, $flags=0)

Rename a domain. Calls C<virDomainRename>.

=item $dom->set_user_password($username, $password, $flags=0)

Sets the C<$user> password to the value specified by C<$password>. Calls C<virDomainSetUserPassword>.

=item $dom->abort_job()

Requests that the current background job be aborted at the soonest opportunity. Calls C<virDomainAbortJob>.

=item $dom->migrate_set_max_downtime($downtime, $flags=0)

Sets maximum tolerable time for which the domain is allowed to be paused at the end of live migration. Calls C<virDomainMigrateSetMaxDowntime>.

=item my $result = $dom->migrate_get_max_downtime($flags=0)

Gets current maximum tolerable time for which the domain may be paused at the end of live migration. Returns a number. Calls C<virDomainMigrateGetMaxDowntime>.

=item $dom->migrate_set_max_speed($bandwidth, $flags=0)

The maximum bandwidth (in MiB/s) that will be used to do migration can be specified with the bandwidth parameter. Calls C<virDomainMigrateSetMaxSpeed>.

=item my $result = $dom->migrate_get_max_speed($flags=0)

Get the current maximum bandwidth (in MiB/s) that will be used if the domain is migrated. Returns a number. Calls C<virDomainMigrateGetMaxSpeed>.

=item $dom->migrate_set_compression_cache($cacheSize, $flags=0)

Sets size of the cache (in bytes) used for compressing repeatedly transferred memory pages during live migration. Calls C<virDomainMigrateSetCompressionCache>.

=item my $result = $dom->migrate_get_compression_cache($flags=0)

Gets current size of the cache (in bytes) used for compressing repeatedly transferred memory pages during live migration. Returns a number. Calls C<virDomainMigrateGetCompressionCache>.

=item $dom->migrate_start_post_copy($flags=0)

Starts post-copy migration. Calls C<virDomainMigrateStartPostCopy>.

=item $dom->set_block_job_speed($path, $bandwidth, $flags=0)

Set the maximum allowable bandwidth that a block job may consume. Calls C<virDomainBlockJobSetSpeed>.

=item $dom->abort_block_job($path, $flags=0)

Cancel the active block job on the given disk. Calls C<virDomainBlockJobAbort>.

=item $dom->block_pull($path, $bandwidth, $flags=0)

Populate a disk image with data from its backing image. Calls C<virDomainBlockPull>.

=item $dom->block_rebase($path, $base=undef, $bandwidth, $flags=0)

Populate a disk image with data from its backing image chain, and setting the backing image to C<$base>, or alternatively copy an entire backing chain to a new file C<$base>. Calls C<virDomainBlockRebase>.

=item $dom->block_commit($path, $base=undef, $top=undef, $bandwidth, $flags=0)

Commit changes that were made to temporary top-level files within a disk image backing file chain into a lower-level base file. Calls C<virDomainBlockCommit>.

=item my $result = $dom->num_of_snapshots($flags=0)

Provides the number of domain snapshots for this domain. Returns an integer. Calls C<virDomainSnapshotNum>.

=item my @list = $dom->list_all_snapshots($flags=0)

Collect the list of domain snapshots for the given domain and allocate an array to store those objects. Returns a list of L<Sys::Virt::DomainSnapshot> objects. Calls C<virDomainListAllSnapshots>.

=item my $result = $dom->get_snapshot_by_name($name, $flags=0)

Try to lookup a domain snapshot based on its name. Returns a L<Sys::Virt::DomainSnapshot> object. Calls C<virDomainSnapshotLookupByName>.

=item my $result = $dom->has_current_snapshot($flags=0)

Determine if the domain has a current snapshot. Returns true or false. Calls C<virDomainHasCurrentSnapshot>.

=item my $result = $dom->current_snapshot($flags=0)

Get the current snapshot for a domain, if any. Returns a L<Sys::Virt::DomainSnapshot> object. Calls C<virDomainSnapshotCurrent>.

=item my $result = $dom->create_snapshot($xml, $flags=0)

Creates a new snapshot of a domain based on the snapshot xml contained in xmlDesc, with a top-level element <domainsnapshot>. Returns a L<Sys::Virt::DomainSnapshot> object. Calls C<virDomainSnapshotCreateXML>.

=item my @list = $dom->list_all_checkpoints($flags=0)

Collect the list of domain checkpoints for the given domain and allocate an array to store those objects. Returns a list of L<Sys::Virt::DomainCheckpoint> objects. Calls C<virDomainListAllCheckpoints>.

=item my $result = $dom->get_checkpoint_by_name($name, $flags=0)

Try to lookup a domain checkpoint based on its name. Returns a L<Sys::Virt::DomainCheckpoint> object. Calls C<virDomainCheckpointLookupByName>.

=item my $result = $dom->create_checkpoint($xml, $flags=0)

Create a new checkpoint using C<$xmlDesc>, with a top-level <domaincheckpoint> element, on a running C<$domain>. Returns a L<Sys::Virt::DomainCheckpoint> object. Calls C<virDomainCheckpointCreateXML>.

=item $dom->backup_begin($backupxml, $checkpointxml=undef, $flags=0)

Start a point-in-time backup job for the specified disks of a running domain. Calls C<virDomainBackupBegin>.

=item my $result = $dom->backup_get_xml_description($flags=0)

Queries the configuration of the active backup job. Returns a string. Calls C<virDomainBackupGetXMLDesc>.

=item $dom->fs_trim($mountPoint=undef, $minimum, $flags=0)

Calls FITRIM within the guest (hence guest agent may be required depending on hypervisor used). Calls C<virDomainFSTrim>.

=item $dom->send_process_signal($pid, $signum, $flags=0)

Send a signal to the designated process in the guest The signal numbers must be taken from the virDomainProcessSignal enum. Calls C<virDomainSendProcessSignal>.

=item $dom->set_block_threshold($dev, $threshold, $flags=0)

Set the threshold level for delivering the VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD if the device or backing chain element described by C<$dev> is written beyond the set threshold level. Calls C<virDomainSetBlockThreshold>.

=item $dom->set_lifecycle_action($type, $action, $flags=0)

Changes the actions of lifecycle events for domain represented as <on_$type>$action</on_$type> in the domain XML. Calls C<virDomainSetLifecycleAction>.

=item $dom->set_agent_response_timeout($timeout, $flags=0)

Set how long to wait for a response from guest agent commands. Calls C<virDomainAgentSetResponseTimeout>.

=item $dom->start_dirty_rate_calc($secs, $flags=0)

Calculate the current domain's memory dirty rate in next C<$seconds>. Calls C<virDomainStartDirtyRateCalc>.

=item $dom->add_iothread($iothread, $flags=0)

Dynamically add an IOThread to the domain. Calls C<virDomainAddIOThread>.

=item $dom->del_iothread($iothread, $flags=0)

Dynamically delete an IOThread from the domain. Calls C<virDomainDelIOThread>.

=item my ($state, $reason) = $dom->get_state($flags=0)

Returns the list of the domain's state (one of the C<STATE_*> constants)
and the reason for it (one of the C<STATE_*_*> reason constants of that
state). Calls C<virDomainGetState>.

=item my $time = $dom->get_time($flags=0)

Returns the guest's time as an array reference of two elements: the
seconds since the epoch and the nanoseconds. Calls C<virDomainGetTime>.

=item $dom->set_time($secs, $nsecs, $flags=0)

Sets the guest's time to C<$secs> seconds and C<$nsecs> nanoseconds;
C<$flags> may be C<TIME_SYNC>. Calls C<virDomainSetTime>.

=item my @errs = $dom->get_disk_errors($flags=0)

Returns a list of hash references, one per disk with an error, with the
keys C<path> (the disk) and C<error> (one of the C<DISK_ERROR_*>
constants). Calls C<virDomainGetDiskErrors>.

=item $dom->send_key($keycodeset, $holdtime, \@keycodes, $flags=0)

Sends the key codes of C<@keycodes> (of the C<KEYCODE_SET_*> set
C<$keycodeset>) to the guest, each held C<$holdtime> milliseconds. Calls
C<virDomainSendKey>.

=item my $data = $dom->block_peek($path, $offset, $size, $flags=0)

Returns C<$size> bytes of the disk C<$path> at byte C<$offset>, as a
byte string (it may hold NUL bytes). Calls C<virDomainBlockPeek>.

=item my $data = $dom->memory_peek($offset, $size, $flags=0)

Returns C<$size> bytes of the guest's memory at C<$offset>; C<$flags> must
be C<MEMORY_VIRTUAL> or C<MEMORY_PHYSICAL>. Calls C<virDomainMemoryPeek>.

=item $dom->set_vcpu($cpumap, $state, $flags=0)

Enables (C<$state> 1) or disables (0) the vCPUs of the list C<$cpumap>
(such as C<"0-3,^1">). Calls C<virDomainSetVcpu>.

=item $dom->set_guest_vcpus($cpumap, $state, $flags=0)

Sets the guest OS's CPUs of the list C<$cpumap> online (C<$state> 1) or
offline (0), through the guest agent. Calls C<virDomainSetGuestVcpus>.

=item my $info = $dom->get_guest_vcpus($flags=0)

Returns a hash reference with the keys C<vcpus>, C<online> and
C<offlinable>, each a CPU list string, as the guest agent reports them.
Calls C<virDomainGetGuestVcpus>.

=item my $type = $dom->get_scheduler_type()

Returns the name of the domain's scheduler (such as C<posix> or C<fair>).
Calls C<virDomainGetSchedulerType>.

=item my $params = $dom->get_scheduler_parameters($flags=0)

Returns the scheduler's tunables as a hash reference keyed by parameter
name (the C<SCHEDULER_*> constants). Calls
C<virDomainGetSchedulerParametersFlags> (without flags,
C<virDomainGetSchedulerParameters>).

=item $dom->set_scheduler_parameters($params, $flags=0)

Changes the scheduler tunables named by the keys of the hash reference
C<$params>; the others keep their values. A name the domain does not
report dies with a message naming it. Calls
C<virDomainSetSchedulerParametersFlags> (without flags,
C<virDomainSetSchedulerParameters>).

=item my $params = $dom->get_memory_parameters($flags=0)

Returns the memory tunables as a hash reference keyed by the
C<MEMORY_*> parameter names (C<hard_limit>, C<soft_limit>, ...), in KiB.
Calls C<virDomainGetMemoryParameters>.

=item $dom->set_memory_parameters($params, $flags=0)

Changes the memory tunables named by the keys of C<$params> (a hash
reference); an unknown name dies. Calls C<virDomainSetMemoryParameters>.

=item my $params = $dom->get_blkio_parameters($flags=0)

Returns the block I/O tunables as a hash reference keyed by the
C<BLKIO_*> parameter names. Calls C<virDomainGetBlkioParameters>.

=item $dom->set_blkio_parameters($params, $flags=0)

Changes the block I/O tunables named by the keys of C<$params>; an
unknown name dies. Calls C<virDomainSetBlkioParameters>.

=item my $params = $dom->get_numa_parameters($flags=0)

Returns the NUMA tunables as a hash reference with the keys
C<numa_mode> and C<numa_nodeset>. Calls C<virDomainGetNumaParameters>.

=item $dom->set_numa_parameters($params, $flags=0)

Changes the NUMA tunables named by the keys of C<$params>; an unknown
name dies. Calls C<virDomainSetNumaParameters>.

=item my $params = $dom->get_block_iotune($disk, $flags=0)

Returns the I/O limits of the disk C<$disk> as a hash reference keyed by
the C<BLOCK_IOTUNE_*> parameter names. Calls C<virDomainGetBlockIoTune>.

=item $dom->set_block_iotune($disk, $params, $flags=0)

Changes the I/O limits of the disk C<$disk> named by the keys of
C<$params>; an unknown name dies. Calls C<virDomainSetBlockIoTune>.

=item $dom->set_throttle_group($group, $params, $flags=0)

Adds the throttle group C<$group> to the domain, or changes all of its
limits. C<$params> is a hash reference keyed by the C<BLOCK_IOTUNE_*>
parameter names (C<total_bytes_sec>, C<read_iops_sec>, ...; all numbers,
and C<group_name>, a string); a name outside them dies with a message
naming it. C<$flags> selects the live or persistent configuration
(C<AFFECT_*>). Calls C<virDomainSetThrottleGroup> (libvirt 11.2.0 or
newer).

=item $dom->del_throttle_group($group, $flags=0)

Removes the throttle group C<$group> from the domain; no throttle filter
may still use it. Calls C<virDomainDelThrottleGroup> (libvirt 11.2.0 or
newer).

=item my $params = $dom->get_interface_parameters($intf, $flags=0)

Returns the bandwidth tunables of the interface C<$intf> as a hash
reference keyed by the C<BANDWIDTH_*> parameter names
(C<inbound.average>, ...). Calls C<virDomainGetInterfaceParameters>.

=item $dom->set_interface_parameters($intf, $params, $flags=0)

Changes the bandwidth tunables of the interface C<$intf> named by the
keys of C<$params>; an unknown name dies. Calls
C<virDomainSetInterfaceParameters>.

=item my $params = $dom->get_perf_events($flags=0)

Returns a hash reference keyed by the C<PERF_PARAM_*> event names whose
values say whether each event is enabled. Calls C<virDomainGetPerfEvents>.

=item $dom->set_perf_events($params, $flags=0)

Enables or disables the events named by the keys of C<$params>; an
unknown name dies. Calls C<virDomainSetPerfEvents>.

=item my $stats = $dom->block_stats($path, $flags=0)

Returns the I/O statistics of the disk C<$path> as a hash reference: the
C<BLOCK_STATS_*> parameters the driver reports, plus C<rd_req> and
C<wr_req>, the old names of the request counts. A driver without typed
block statistics gives C<rd_req>, C<rd_bytes>, C<wr_req>, C<wr_bytes>
and C<errs>. Calls C<virDomainBlockStatsFlags>, or
C<virDomainBlockStats> when the driver lacks it and C<$flags> is 0.

=item my $stats = $dom->interface_stats($path)

Returns the traffic statistics of the interface C<$path> as a hash
reference with the keys C<rx_bytes>, C<rx_packets>, C<rx_errs>,
C<rx_drop>, C<tx_bytes>, C<tx_packets>, C<tx_errs>, C<tx_drop>. Calls
C<virDomainInterfaceStats>.

=item my $stats = $dom->memory_stats($flags=0)

Returns the memory statistics as a hash reference; its keys are those
the driver reports among C<swap_in>, C<swap_out>, C<major_fault>,
C<minor_fault>, C<unused>, C<available>, C<actual_balloon>, C<rss>,
C<usable>, C<last_update>, C<disk_caches>, C<hugetlb_pgalloc>,
C<hugetlb_pgfail>. Calls C<virDomainMemoryStats>.

=item my @stats = $dom->get_cpu_stats($startCpu, $numCpus, $flags=0)

Returns a list of hash references, one per host CPU from C<$startCpu>
(C<$numCpus> of them), keyed by statistic name (C<cpu_time>,
C<vcpu_time>, ...). With C<$startCpu> -1 and C<$numCpus> 1, one hash of
the totals (C<cpu_time>, C<user_time>, C<system_time>). Calls
C<virDomainGetCPUStats>.

=item my $info = $dom->get_security_label()

Returns the domain's first security label as a hash reference with the
keys C<label> and C<enforcing>. Calls C<virDomainGetSecurityLabel>.

=item my @info = $dom->get_security_label_list()

Returns all the security labels of the domain, each a hash reference as
C<get_security_label> returns. Calls C<virDomainGetSecurityLabelList>.

=item my $info = $dom->get_job_info()

Returns the state of the domain's background job as a hash reference
with the keys C<type> (a C<JOB_*> constant), C<timeElapsed>,
C<timeRemaining>, C<dataTotal>, C<dataProcessed>, C<dataRemaining>,
C<memTotal>, C<memProcessed>, C<memRemaining>, C<fileTotal>,
C<fileProcessed>, C<fileRemaining>. Calls C<virDomainGetJobInfo>.

=item my ($type, $stats) = $dom->get_job_stats($flags=0)

Returns the list of the job's type (a C<JOB_*> constant) and a hash
reference of its statistics keyed by the C<JOB_*> parameter names.
C<$flags> may be C<JOB_STATS_COMPLETED>, C<JOB_STATS_KEEP_COMPLETED>.
Calls C<virDomainGetJobStats>.

=item my $info = $dom->get_block_job_info($path, $flags=0)

Returns the block job of the disk C<$path> as a hash reference with the
keys C<type>, C<bandwidth>, C<cur>, C<end> (all 0 when there is none).
Calls C<virDomainGetBlockJobInfo>.

=item $dom->block_copy($path, $destxml, $params, $flags=0)

Copies the disk C<$path> to the destination the C<< <disk> >> XML
C<$destxml> describes. C<$params> is a hash reference with any of the
keys C<BLOCK_COPY_BANDWIDTH>, C<BLOCK_COPY_GRANULARITY>,
C<BLOCK_COPY_BUF_SIZE>; another key dies. Calls C<virDomainBlockCopy>.

=item my $ddom = $dom->migrate($destcon, \%params, $flags=0)

Migrates the domain to the connection C<$destcon> and returns the domain
there (a L<Sys::Virt::Domain> object). C<%params> is keyed by the
C<MIGRATE_PARAM_*> constants; the value of C<MIGRATE_PARAM_MIGRATE_DISKS>
and of C<MIGRATE_PARAM_COMPRESSION> may be an array reference (one
parameter per element). An unknown key dies. C<$flags> takes the
C<MIGRATE_*> constants. Calls C<virDomainMigrate3>.

=item my $ddom = $dom->migrate($destcon, $flags=0, $dname=undef, $uri=undef, $bandwidth=0)

The older positional form of C<migrate>: the defined ones of C<$dname>,
C<$uri> and C<$bandwidth> become C<MIGRATE_PARAM_DEST_NAME>,
C<MIGRATE_PARAM_URI> and C<MIGRATE_PARAM_BANDWIDTH>.

=item my $ddom = $dom->migrate2($destcon, $dxml, $flags, $dname, $uri, $bandwidth)

As the positional C<migrate>, with C<$dxml> as C<MIGRATE_PARAM_DEST_XML>.

=item $dom->migrate_to_uri($desturi, \%params, $flags=0)

Migrates the domain to the host of the libvirt URI C<$desturi> (with
C<MIGRATE_PEER2PEER>; otherwise the migration URI is
C<MIGRATE_PARAM_URI>). C<%params> is as for C<migrate>. Calls
C<virDomainMigrateToURI3>.

=item $dom->migrate_to_uri($desturi, $flags, $dname, $uri, $bandwidth)

The older positional form of C<migrate_to_uri>, as the positional
C<migrate>.

=item $dom->migrate_to_uri2($dconnuri, $miguri, $dxml, $flags, $dname, $bandwidth)

As C<migrate_to_uri>, with C<$miguri> as C<MIGRATE_PARAM_URI> and
C<$dxml> as C<MIGRATE_PARAM_DEST_XML>.

=item $dom->open_graphics($idx, $fd, $flags=0)

Connects the graphics console C<$idx> (counting from 0) to the file
descriptor C<$fd> (an integer, one end of a socket pair). Calls
C<virDomainOpenGraphics>.

=item my $fd = $dom->open_graphics_fd($idx, $flags=0)

Returns a new file descriptor (an integer, to be closed by the caller)
connected to the graphics console C<$idx>. Calls
C<virDomainOpenGraphicsFD>.

=item my @vcpuinfo = $dom->get_vcpu_info($flags=0)

Returns a list of hash references, one per vCPU, with the keys
C<number>, C<state>, C<cpuTime>, C<cpu> and C<affinity> (a bit string of
the host CPUs, 8 a byte; C<unpack("b*", ...)> reads it). C<state>,
C<cpuTime> and C<cpu> are 0 unless C<$flags> is 0 and the domain runs.
Calls C<virDomainGetVcpus>, or C<virDomainGetVcpuPinInfo>.

=item $dom->pin_vcpu($vcpu, $mask, $flags=0)

Pins the vCPU C<$vcpu> to the host CPUs of the bit string C<$mask> (8 CPUs
a byte). Calls C<virDomainPinVcpuFlags> (without flags,
C<virDomainPinVcpu>).

=item my $mask = $dom->get_emulator_pin_info($flags=0)

Returns the host CPUs the emulator threads may run on, as a bit string.
Calls C<virDomainGetEmulatorPinInfo>.

=item $dom->pin_emulator($mask, $flags=0)

Pins the emulator threads to the host CPUs of the bit string C<$mask>.
Calls C<virDomainPinEmulator>.

=item my @iothreadinfo = $dom->get_iothread_info($flags=0)

Returns a list of hash references, one per IOThread, with the keys
C<number> (its id) and C<affinity> (a bit string of host CPUs). Calls
C<virDomainGetIOThreadInfo>.

=item $dom->pin_iothread($iothread, $mask, $flags=0)

Pins the IOThread C<$iothread> to the host CPUs of the bit string
C<$mask>. Calls C<virDomainPinIOThread>.

=item $dom->set_iothread($iothread, $params, $flags=0)

Changes the tunables of the IOThread C<$iothread>: C<$params> is a hash
reference keyed by the C<IOTHREAD_PARAM_*> names (C<poll_max_ns>,
C<poll_grow>, C<poll_shrink>, C<thread_pool_min>, C<thread_pool_max>);
another key dies. Calls C<virDomainSetIOThreadParams>.

=item my @names = $dom->list_snapshot_names($maxnames, $flags=0)

Returns the names of up to C<$maxnames> snapshots. Calls
C<virDomainSnapshotListNames>.

=item my @snapshots = $dom->list_snapshots()

Returns all the snapshots as L<Sys::Virt::DomainSnapshot> objects, looked
up by name (one call each; C<list_all_snapshots> is cheaper).

=item $dom->fs_freeze(\@mountPoints, $flags=0)

Freezes the guest file systems mounted at C<@mountPoints> (all of them
for an empty list), through the guest agent. Calls C<virDomainFSFreeze>.

=item $dom->fs_thaw(\@mountPoints, $flags=0)

Thaws them. Calls C<virDomainFSThaw>.

=item my @fslist = $dom->get_fs_info($flags=0)

Returns a list of hash references, one per guest file system, with the
keys C<name>, C<fstype>, C<mountpoint> and C<devalias> (an array
reference of disk target names). Calls C<virDomainGetFSInfo>.

=item my @nics = $dom->get_interface_addresses($src, $flags=0)

Returns a list of hash references, one per guest interface, with the keys
C<name>, C<hwaddr> and C<addrs>, an array reference of hashes with the
keys C<addr>, C<prefix> and C<type> (C<Sys::Virt::IP_ADDR_TYPE_*>). C<$src> is one
of the C<INTERFACE_ADDRESSES_SRC_*> constants. Calls
C<virDomainInterfaceAddresses>.

=item my $info = $dom->get_launch_security_info($flags=0)

Returns the launch security parameters as a hash reference keyed by the
C<LAUNCH_SECURITY_*> names. Calls C<virDomainGetLaunchSecurityInfo>.

=item $dom->set_launch_security_state(\%params, $flags=0)

Sets the launch security state: C<%params> has any of the keys
C<LAUNCH_SECURITY_SEV_SECRET>, C<LAUNCH_SECURITY_SEV_SECRET_HEADER>,
C<LAUNCH_SECURITY_SEV_SECRET_SET_ADDRESS>; another key dies. Calls
C<virDomainSetLaunchSecurityState>.

=item my $info = $dom->get_guest_info($types=0, $flags=0)

Returns what the guest agent reports, as a hash reference of typed
parameters (C<hostname>, C<os.id>, C<user.count>, ...); C<$types> is the
bitwise or of C<GUEST_INFO_*> constants (0: all). Calls
C<virDomainGetGuestInfo>.

=item my @keys = $dom->authorized_ssh_keys_get($user, $flags=0)

Returns the list of the authorized SSH keys of the guest user C<$user>.
Calls C<virDomainAuthorizedSSHKeysGet>.

=item $dom->authorized_ssh_keys_set($user, \@keys, $flags=0)

Sets the authorized SSH keys of C<$user> to C<@keys>, or, with
C<AUTHORIZED_SSH_KEYS_SET_APPEND> / C<AUTHORIZED_SSH_KEYS_SET_REMOVE>,
adds or removes them. Calls C<virDomainAuthorizedSSHKeysSet>.

=item my @msgs = $dom->get_messages($flags=0)

Returns the list of the domain's messages (C<MESSAGE_DEPRECATION>,
C<MESSAGE_TAINTING> select which). Calls C<virDomainGetMessages>.

=item $dom->graphics_reload($type, $flags=0)

Asks the hypervisor to reload the state of the domain's graphics backend
(for example the TLS certificates of VNC). C<$type> is one of the
C<GRAPHICS_RELOAD_TYPE_*> constants (C<GRAPHICS_RELOAD_TYPE_ANY> for every
backend). Calls C<virDomainGraphicsReload> (libvirt 10.2.0 or newer).

=item $dom->announce_interface($device, $params, $flags=0)

Makes the guest announce its network interface C<$device> (its alias;
C<undef> for all of them) by sending gratuitous ARP packets, so that
switches learn where its MAC address now is. C<$params> is a hash
reference keyed by the C<ANNOUNCE_INTERFACE_*> parameter names
(C<initial>, C<max>, C<step> in milliseconds, C<rounds>; unsigned
integers; an empty hash takes the hypervisor's defaults). Calls
C<virDomainAnnounceInterface> (libvirt 12.5.0 or newer).

=item $dom->save($filename=undef, $dxml=undef, $params=undef, $flags=0)

Saves the domain's state to the file C<$filename> and stops it. With
C<$params>, a hash reference keyed by C<SAVE_PARAM_FILE> and
C<SAVE_PARAM_DXML>, calls C<virDomainSaveParams> (the defined ones of
C<$filename> and C<$dxml> join it; giving one both ways dies); otherwise
C<virDomainSaveFlags> with C<$dxml> or C<$flags>, else C<virDomainSave>.

=item $dom->create_with_files(\@fds, $flags=0)

Starts the defined domain, passing it the file descriptors of C<@fds>
(integers). Calls C<virDomainCreateWithFiles>.

=item $dom->fd_associate($name, \@fds, $flags=0)

Associates the file descriptors of C<@fds> (integers) with the domain
under the name C<$name>; C<$flags> takes C<FD_ASSOCIATE_*>. Calls
C<virDomainFDAssociate>.

=item my $name = $dom->get_name()

The domain's name, unique on its host.

=item my $id = $dom->get_id()

The domain's numeric id while it runs; C<-1> when it is not running.

=item my $uuid = $dom->get_uuid()

The domain's UUID as 16 raw bytes.

=item my $uuid = $dom->get_uuid_string()

The domain's UUID in printable form,
C<XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX>.

=item my $info = $dom->get_info()

A hash reference describing the domain:

=over 4

=item state

The run state, one of the C<Sys::Virt::Domain::STATE_*> constants.

=item maxMem

The most memory the domain may have, in KiB.

=item memory

The memory it has now, in KiB.

=item nrVirtCpu

The number of virtual CPUs.

=item cpuTime

The CPU time it has used, in nanoseconds (64-bit, exact).

=back

=item my $xml = $dom->get_xml_description($flags=0)

The domain's XML description. C<$flags> are C<XML_*> constants, e.g.
C<Sys::Virt::Domain::XML_INACTIVE> for the persistent configuration.

=item my $bool = $dom->is_active()

True if the domain is running.

=item my $bool = $dom->is_persistent()

True if the domain has a persistent configuration (it was defined rather
than just created).

=item $dom->create($flags=0)

Starts a defined domain. C<$flags> are C<START_*> constants.

=item $dom->destroy($flags=0)

Stops the domain at once (as pulling the power cord). C<$flags> are
C<DESTROY_*> constants. A persistent domain stays defined; a transient
one is gone.

=item $dom->undefine($flags=0)

Removes the persistent configuration of the domain. A running domain keeps
running, as a transient one. C<$flags> are C<UNDEFINE_*> constants.

=item $dom->suspend()

Pauses the domain's CPUs; it keeps its memory.

=item $dom->resume()

Resumes a suspended domain.

=item my $mimetype = $dom->screenshot($st, $screen, $flags=0)

Starts taking a screenshot of the display C<$screen> (0 for the first)
into the stream C<$st> (a L<Sys::Virt::Stream>), and returns the MIME type
of the image (for example C<image/png>). The image is then read from the
stream, for example with C<< $st->recv_all(...) >>, and the stream
finished.

=item $dom->open_console($st, $devname, $flags=0)

Connects the stream C<$st> to the domain's console C<$devname> (its alias,
as in the XML), or to the first console if C<$devname> is C<undef>.
C<$flags> are C<CONSOLE_*> constants.

=item $dom->open_channel($st, $devname, $flags=0)

Connects the stream C<$st> to the domain's channel C<$devname>, or to the
first channel if C<$devname> is C<undef>. C<$flags> are C<CHANNEL_*>
constants.

=back

=head1 CONSTANTS

Constants are Perl constant subs in the C<Sys::Virt::Domain> package, with
the value of the libvirt this module was built against. Names the installed
libvirt lacks are absent.

=for generated-constants begin

=over 4

=item Sys::Virt::Domain::STATE_NOSTATE

no state

=item Sys::Virt::Domain::STATE_RUNNING

the domain is running

=item Sys::Virt::Domain::STATE_BLOCKED

the domain is blocked on resource

=item Sys::Virt::Domain::STATE_PAUSED

the domain is paused by user

=item Sys::Virt::Domain::STATE_SHUTDOWN

the domain is being shut down

=item Sys::Virt::Domain::STATE_SHUTOFF

the domain is shut off

=item Sys::Virt::Domain::STATE_CRASHED

the domain is crashed

=item Sys::Virt::Domain::STATE_PMSUSPENDED

the domain is suspended by guest
power management

=item Sys::Virt::Domain::DUMP_CRASH

crash after dump

=item Sys::Virt::Domain::DUMP_LIVE

live dump

=item Sys::Virt::Domain::DUMP_BYPASS_CACHE

avoid file system cache pollution

=item Sys::Virt::Domain::DUMP_RESET

reset domain after dump finishes

=item Sys::Virt::Domain::DUMP_MEMORY_ONLY

use dump-guest-memory

=item Sys::Virt::Domain::SAVE_BYPASS_CACHE

Avoid file system cache pollution

=item Sys::Virt::Domain::SAVE_RUNNING

Favor running over paused

=item Sys::Virt::Domain::SAVE_PAUSED

Favor paused over running

=item Sys::Virt::Domain::SAVE_RESET_NVRAM

Re-initialize NVRAM/varstore from template

Defined where Sys::Virt is built against libvirt 8.1.0 or newer.

=item Sys::Virt::Domain::UNDEFINE_MANAGED_SAVE

Also remove any
managed save

=item Sys::Virt::Domain::UNDEFINE_SNAPSHOTS_METADATA

If last use of domain,
then also remove any
snapshot metadata

=item Sys::Virt::Domain::UNDEFINE_NVRAM

Also remove any
nvram file

=item Sys::Virt::Domain::UNDEFINE_KEEP_NVRAM

Keep nvram file

=item Sys::Virt::Domain::UNDEFINE_CHECKPOINTS_METADATA

If last use of domain,
then also remove any
checkpoint metadata

=item Sys::Virt::Domain::UNDEFINE_TPM

Also remove any
TPM state

Defined where Sys::Virt is built against libvirt 8.9.0 or newer.

=item Sys::Virt::Domain::UNDEFINE_KEEP_TPM

Keep TPM state  Future undefine control flags should come here.

Defined where Sys::Virt is built against libvirt 8.9.0 or newer.

=item Sys::Virt::Domain::START_PAUSED

Launch guest in paused state

=item Sys::Virt::Domain::START_AUTODESTROY

Automatically kill guest when virConnectPtr is closed

=item Sys::Virt::Domain::START_BYPASS_CACHE

Avoid file system cache pollution

=item Sys::Virt::Domain::START_FORCE_BOOT

Boot, discarding any managed save

=item Sys::Virt::Domain::START_VALIDATE

Validate the XML document against schema

=item Sys::Virt::Domain::START_RESET_NVRAM

Re-initialize NVRAM/varstore from template

Defined where Sys::Virt is built against libvirt 8.1.0 or newer.

=item Sys::Virt::Domain::DEFINE_VALIDATE

Validate the XML document against schema

=item Sys::Virt::Domain::STATE_NOSTATE_UNKNOWN

The libvirt constant C<VIR_DOMAIN_NOSTATE_UNKNOWN>.

=item Sys::Virt::Domain::STATE_RUNNING_UNKNOWN

The libvirt constant C<VIR_DOMAIN_RUNNING_UNKNOWN>.

=item Sys::Virt::Domain::STATE_RUNNING_BOOTED

normal startup from boot

=item Sys::Virt::Domain::STATE_RUNNING_MIGRATED

migrated from another host

=item Sys::Virt::Domain::STATE_RUNNING_RESTORED

restored from a state file

=item Sys::Virt::Domain::STATE_RUNNING_FROM_SNAPSHOT

restored from snapshot

=item Sys::Virt::Domain::STATE_RUNNING_UNPAUSED

returned from paused state

=item Sys::Virt::Domain::STATE_RUNNING_MIGRATION_CANCELED

returned from migration

=item Sys::Virt::Domain::STATE_RUNNING_SAVE_CANCELED

returned from failed save process

=item Sys::Virt::Domain::STATE_RUNNING_WAKEUP

returned from pmsuspended due to
wakeup event

=item Sys::Virt::Domain::STATE_RUNNING_CRASHED

resumed from crashed

=item Sys::Virt::Domain::STATE_RUNNING_POSTCOPY

running in post-copy migration mode

=item Sys::Virt::Domain::STATE_RUNNING_POSTCOPY_FAILED

running in failed post-copy migration

Defined where Sys::Virt is built against libvirt 8.5.0 or newer.

=item Sys::Virt::Domain::STATE_BLOCKED_UNKNOWN

the reason is unknown

=item Sys::Virt::Domain::STATE_PAUSED_UNKNOWN

the reason is unknown

=item Sys::Virt::Domain::STATE_PAUSED_USER

paused on user request

=item Sys::Virt::Domain::STATE_PAUSED_MIGRATION

paused for offline migration

=item Sys::Virt::Domain::STATE_PAUSED_SAVE

paused for save

=item Sys::Virt::Domain::STATE_PAUSED_DUMP

paused for offline core dump

=item Sys::Virt::Domain::STATE_PAUSED_IOERROR

paused due to a disk I/O error

=item Sys::Virt::Domain::STATE_PAUSED_WATCHDOG

paused due to a watchdog event

=item Sys::Virt::Domain::STATE_PAUSED_FROM_SNAPSHOT

paused after restoring from snapshot

=item Sys::Virt::Domain::STATE_PAUSED_SHUTTING_DOWN

paused during shutdown process

=item Sys::Virt::Domain::STATE_PAUSED_SNAPSHOT

paused while creating a snapshot

=item Sys::Virt::Domain::STATE_PAUSED_CRASHED

paused due to a guest crash

=item Sys::Virt::Domain::STATE_PAUSED_STARTING_UP

the domain is being started

=item Sys::Virt::Domain::STATE_PAUSED_POSTCOPY

paused for post-copy migration

=item Sys::Virt::Domain::STATE_PAUSED_POSTCOPY_FAILED

paused after failed post-copy

=item Sys::Virt::Domain::STATE_PAUSED_API_ERROR

Some APIs (e.g., migration, snapshot) internally need to suspend a domain. This paused state reason is used when resume operation at the end of such API fails.

Defined where Sys::Virt is built against libvirt 9.2.0 or newer.

=item Sys::Virt::Domain::STATE_SHUTDOWN_UNKNOWN

the reason is unknown

=item Sys::Virt::Domain::STATE_SHUTDOWN_USER

shutting down on user request

=item Sys::Virt::Domain::STATE_SHUTOFF_UNKNOWN

the reason is unknown

=item Sys::Virt::Domain::STATE_SHUTOFF_SHUTDOWN

normal shutdown

=item Sys::Virt::Domain::STATE_SHUTOFF_DESTROYED

forced poweroff

=item Sys::Virt::Domain::STATE_SHUTOFF_CRASHED

domain crashed

=item Sys::Virt::Domain::STATE_SHUTOFF_MIGRATED

migrated to another host

=item Sys::Virt::Domain::STATE_SHUTOFF_SAVED

saved to a file

=item Sys::Virt::Domain::STATE_SHUTOFF_FAILED

domain failed to start

=item Sys::Virt::Domain::STATE_SHUTOFF_FROM_SNAPSHOT

restored from a snapshot which was
taken while domain was shutoff

=item Sys::Virt::Domain::STATE_SHUTOFF_DAEMON

daemon decides to kill domain
during reconnection processing

=item Sys::Virt::Domain::STATE_CRASHED_UNKNOWN

crashed for unknown reason

=item Sys::Virt::Domain::STATE_CRASHED_PANICKED

domain panicked

=item Sys::Virt::Domain::STATE_PMSUSPENDED_UNKNOWN

The libvirt constant C<VIR_DOMAIN_PMSUSPENDED_UNKNOWN>.

=item Sys::Virt::Domain::STATE_PMSUSPENDED_DISK_UNKNOWN

The libvirt constant C<VIR_DOMAIN_PMSUSPENDED_DISK_UNKNOWN>.

=item Sys::Virt::Domain::OPEN_GRAPHICS_SKIPAUTH

The libvirt constant C<VIR_DOMAIN_OPEN_GRAPHICS_SKIPAUTH>.

=item Sys::Virt::Domain::OPEN_CONSOLE_FORCE

abort a (possibly) active console
connection to force a new
connection

=item Sys::Virt::Domain::OPEN_CONSOLE_SAFE

check if the console driver supports
safe console operations

=item Sys::Virt::Domain::OPEN_CHANNEL_FORCE

abort a (possibly) active channel
connection to force a new
connection

=item Sys::Virt::Domain::SCHEDULER_EMULATOR_PERIOD

Macro represents the enforcement period for a quota in microseconds, when using the posix scheduler, for all emulator activity not tied to vcpus, as a ullong.

=item Sys::Virt::Domain::SCHEDULER_EMULATOR_QUOTA

Macro represents the maximum bandwidth to be used within a period for all emulator activity not tied to vcpus, when using the posix scheduler, as an llong.

=item Sys::Virt::Domain::SCHEDULER_IOTHREAD_PERIOD

Macro represents the enforcement period for a quota, in microseconds, for IOThreads only, when using the posix scheduler, as a ullong.

=item Sys::Virt::Domain::SCHEDULER_IOTHREAD_QUOTA

Macro represents the maximum bandwidth to be used within a period for IOThreads only, when using the posix scheduler, as an llong.

=item Sys::Virt::Domain::CPU_STATS_CPUTIME

cpu usage (sum of both vcpu and hypervisor usage) in nanoseconds, as a ullong

=item Sys::Virt::Domain::CPU_STATS_SYSTEMTIME

cpu time charged to system instructions in nanoseconds, as a ullong

=item Sys::Virt::Domain::CPU_STATS_USERTIME

cpu time charged to user instructions in nanoseconds, as a ullong

=item Sys::Virt::Domain::CPU_STATS_VCPUTIME

vcpu usage in nanoseconds (cpu_time excluding hypervisor time), as a ullong

=item Sys::Virt::Domain::BLOCK_STATS_ERRS

In Xen this returns the mysterious 'oo_req', as an llong.

=item Sys::Virt::Domain::BLOCK_STATS_FLUSH_REQ

Macro represents the total flush requests of the block device, as an llong.

=item Sys::Virt::Domain::BLOCK_STATS_FLUSH_TOTAL_TIMES

Macro represents the total time spend on cache flushing in nano-seconds of the block device, as an llong.

=item Sys::Virt::Domain::BLOCK_STATS_READ_BYTES

Macro represents the total number of read bytes of the block device, as an llong.

=item Sys::Virt::Domain::BLOCK_STATS_READ_REQ

Macro represents the total read requests of the block device, as an llong.

=item Sys::Virt::Domain::BLOCK_STATS_READ_TOTAL_TIMES

Macro represents the total time spend on cache reads in nano-seconds of the block device, as an llong.

=item Sys::Virt::Domain::BLOCK_STATS_WRITE_BYTES

Macro represents the total number of write bytes of the block device, as an llong.

=item Sys::Virt::Domain::BLOCK_STATS_WRITE_REQ

Macro represents the total write requests of the block device, as an llong.

=item Sys::Virt::Domain::BLOCK_STATS_WRITE_TOTAL_TIMES

Macro represents the total time spend on cache writes in nano-seconds of the block device, as an llong.

=item Sys::Virt::Domain::MIGRATE_LIVE

Do not pause the domain during migration. The domain's memory will
be transferred to the destination host while the domain is running.
The migration may never converge if the domain is changing its memory
faster then it can be transferred. The domain can be manually paused
anytime during migration using virDomainSuspend.

=item Sys::Virt::Domain::MIGRATE_PEER2PEER

Tell the source libvirtd to connect directly to the destination host.
Without this flag the client (e.g., virsh) connects to both hosts and
controls the migration process. In peer-to-peer mode, the source
libvirtd controls the migration by calling the destination daemon
directly.

=item Sys::Virt::Domain::MIGRATE_TUNNELLED

Tunnel migration data over libvirtd connection. Without this flag the
source hypervisor sends migration data directly to the destination
hypervisor. This flag can only be used when VIR_MIGRATE_PEER2PEER is
set as well.

Note the less-common spelling that we're stuck with:
VIR_MIGRATE_TUNNELLED should be VIR_MIGRATE_TUNNELED.

=item Sys::Virt::Domain::MIGRATE_PERSIST_DEST

Define the domain as persistent on the destination host after successful
migration. If the domain was persistent on the source host and
VIR_MIGRATE_UNDEFINE_SOURCE is not used, it will end up persistent on
both hosts.

Note: If VIR_MIGRATE_PERSIST_DEST flag is used together with the
VIR_MIGRATE_PARAM_DEST_XML migration parameter which supplies an
updated definition for the destination host it's required to
supply also VIR_MIGRATE_PARAM_PERSIST_XML updated the same way.
Otherwise the persistent definition on the destination will not
contain the updates.

The VIR_MIGRATE_PERSIST_DEST flag should not be used with the
"xmlin" parameter of older APIs as that way an updated persistent
XML can't be supplied and thus the persistent definition will
likely be incorrect as it will be based on the persistent definition
on the source of the migration.

=item Sys::Virt::Domain::MIGRATE_UNDEFINE_SOURCE

Undefine the domain on the source host once migration successfully
finishes.

=item Sys::Virt::Domain::MIGRATE_PAUSED

Leave the domain suspended on the destination host. virDomainResume (on
the virDomainPtr returned by the migration API) has to be called
explicitly to resume domain's virtual CPUs.

=item Sys::Virt::Domain::MIGRATE_NON_SHARED_DISK

Migrate full disk images in addition to domain's memory. By default
only non-shared non-readonly disk images are transferred. The
VIR_MIGRATE_PARAM_MIGRATE_DISKS parameter can be used to specify which
disks should be migrated.

This flag and VIR_MIGRATE_NON_SHARED_INC are mutually exclusive.

=item Sys::Virt::Domain::MIGRATE_NON_SHARED_INC

Migrate disk images in addition to domain's memory. This is similar to
VIR_MIGRATE_NON_SHARED_DISK, but only the top level of each disk's
backing chain is copied. That is, the rest of the backing chain is
expected to be present on the destination and to be exactly the same as
on the source host.

This flag and VIR_MIGRATE_NON_SHARED_DISK are mutually exclusive.

=item Sys::Virt::Domain::MIGRATE_CHANGE_PROTECTION

Protect against domain configuration changes during the migration
process. This flag is used automatically when both sides support it.
Explicitly setting this flag will cause migration to fail if either the
source or the destination does not support it.

=item Sys::Virt::Domain::MIGRATE_UNSAFE

Force migration even if it is considered unsafe. In some cases libvirt
may refuse to migrate the domain because doing so may lead to potential
problems such as data corruption, and thus the migration is considered
unsafe. For a QEMU domain this may happen if the domain uses disks
without explicitly setting cache mode to "none". Migrating such domains
is unsafe unless the disk images are stored on coherent clustered
filesystem, such as GFS2 or GPFS.

=item Sys::Virt::Domain::MIGRATE_OFFLINE

Migrate a domain definition without starting the domain on the
destination and without stopping it on the source host. Offline
migration requires VIR_MIGRATE_PERSIST_DEST to be set.

Offline migration may not copy disk storage or any other file based
storage (such as UEFI variables).

=item Sys::Virt::Domain::MIGRATE_COMPRESSED

Compress migration data. The compression methods can be specified using
VIR_MIGRATE_PARAM_COMPRESSION. A hypervisor default method will be used
if this parameter is omitted. Individual compression methods can be
tuned via their specific VIR_MIGRATE_PARAM_COMPRESSION_* parameters.

=item Sys::Virt::Domain::MIGRATE_ABORT_ON_ERROR

Cancel migration if a soft error (such as I/O error) happens during
migration.

=item Sys::Virt::Domain::MIGRATE_AUTO_CONVERGE

Enable algorithms that ensure a live migration will eventually converge.
This usually means the domain will be slowed down to make sure it does
not change its memory faster than a hypervisor can transfer the changed
memory to the destination host. VIR_MIGRATE_PARAM_AUTO_CONVERGE_*
parameters can be used to tune the algorithm.

=item Sys::Virt::Domain::MIGRATE_RDMA_PIN_ALL

This flag can be used with RDMA migration (i.e., when
VIR_MIGRATE_PARAM_URI starts with "rdma://") to tell the hypervisor
to pin all domain's memory at once before migration starts rather then
letting it pin memory pages as needed. This means that all memory pages
belonging to the domain will be locked in host's memory and the host
will not be allowed to swap them out.

For QEMU/KVM this requires hard_limit memory tuning element (in the
domain XML) to be used and set to the maximum memory configured for the
domain plus any memory consumed by the QEMU process itself. Beware of
setting the memory limit too high (and thus allowing the domain to lock
most of the host's memory). Doing so may be dangerous to both the
domain and the host itself since the host's kernel may run out of
memory.

=item Sys::Virt::Domain::MIGRATE_POSTCOPY

Setting the VIR_MIGRATE_POSTCOPY flag tells libvirt to enable post-copy
migration. However, the migration will start normally and
virDomainMigrateStartPostCopy needs to be called to switch it into the
post-copy mode. See virDomainMigrateStartPostCopy for more details.

=item Sys::Virt::Domain::MIGRATE_TLS

Setting the VIR_MIGRATE_TLS flag will cause the migration to attempt
to use the TLS environment configured by the hypervisor in order to
perform the migration. If incorrectly configured on either source or
destination, the migration will fail.

=item Sys::Virt::Domain::MIGRATE_PARALLEL

Send memory pages to the destination host through several network
connections. See VIR_MIGRATE_PARAM_PARALLEL_* parameters for
configuring the parallel migration.

=item Sys::Virt::Domain::MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES

Force the guest writes which happen when copying disk images for
non-shared storage migration to be synchronously written to the
destination. This ensures the storage migration converges for VMs
doing heavy I/O on fast local storage and slow mirror.

Requires one of VIR_MIGRATE_NON_SHARED_DISK, VIR_MIGRATE_NON_SHARED_INC
to be present as well.

Defined where Sys::Virt is built against libvirt 8.0.0 or newer.

=item Sys::Virt::Domain::MIGRATE_POSTCOPY_RESUME

Resume migration which failed in post-copy phase.

Defined where Sys::Virt is built against libvirt 8.5.0 or newer.

=item Sys::Virt::Domain::MIGRATE_ZEROCOPY

Use zero-copy mechanism for migrating memory pages. For QEMU/KVM this
means QEMU will be temporarily allowed to lock all guest pages in host's
memory, although only those that are queued for transfer will be locked
at the same time.

Defined where Sys::Virt is built against libvirt 8.5.0 or newer.

=item Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH

virDomainMigrate* params field: the maximum bandwidth (in MiB/s) that will be used for migration as VIR_TYPED_PARAM_ULLONG. If set to 0 or omitted, libvirt will choose a suitable default. Some hypervisors do not support this feature and will return an error if this field is used and is not 0.

=item Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME

virDomainMigrate* params field: the name to be used for the domain on the destination host as VIR_TYPED_PARAM_STRING. Omitting this parameter keeps the domain name the same. This field is only allowed to be used with hypervisors that support domain renaming during migration.

=item Sys::Virt::Domain::MIGRATE_PARAM_DEST_XML

virDomainMigrate* params field: the new configuration to be used for the domain on the destination host as VIR_TYPED_PARAM_STRING. The configuration must include an identical set of virtual devices, to ensure a stable guest ABI across migration. Only parameters related to host side configuration can be changed in the XML. Hypervisors which support this field will forbid migration if the provided XML would cause a change in the guest ABI. This field cannot be used to rename the domain during migration (use VIR_MIGRATE_PARAM_DEST_NAME field for that purpose). Domain name in the destination XML must match the original domain name.  Omitting this parameter keeps the original domain configuration. Using this field with hypervisors that do not support changing domain configuration during migration will result in a failure.

=item Sys::Virt::Domain::MIGRATE_PARAM_GRAPHICS_URI

virDomainMigrate* params field: URI to use for migrating client's connection to domain's graphical console as VIR_TYPED_PARAM_STRING. If specified, the client will be asked to automatically reconnect using these parameters instead of the automatically computed ones. This can be useful if, e.g., the client does not have a direct access to the network virtualization hosts are connected to and needs to connect through a proxy. The URI is formed as follows:  protocol://hostname[:port]/[?parameters]  where protocol is either "spice" or "vnc" and parameters is a list of protocol specific parameters separated by '&'. Currently recognized parameters are "tlsPort" and "tlsSubject". For example,  spice://target.host.com:1234/?tlsPort=4567

=item Sys::Virt::Domain::MIGRATE_PARAM_URI

virDomainMigrate* params field: URI to use for initiating domain migration as VIR_TYPED_PARAM_STRING. It takes a hypervisor specific format. The uri_transports element of the hypervisor capabilities XML includes details of the supported URI schemes. When omitted libvirt will auto-generate suitable default URI. It is typically only necessary to specify this URI if the destination host has multiple interfaces and a specific interface is required to transmit migration data.  This field may not be used when VIR_MIGRATE_TUNNELLED flag is set.

=item Sys::Virt::Domain::MIGRATE_PARAM_LISTEN_ADDRESS

virDomainMigrate* params field: The listen address that hypervisor on the destination side should bind to for incoming migration. Both IPv4 and IPv6 addresses are accepted as well as hostnames (the resolving is done on destination). Some hypervisors do not support this feature and will return an error if this field is used.

=item Sys::Virt::Domain::MIGRATE_PARAM_MIGRATE_DISKS

virDomainMigrate* params multiple field: The multiple values that list the block devices to be migrated. At the moment this is only supported by the QEMU driver but not for the tunnelled migration.

=item Sys::Virt::Domain::MIGRATE_PARAM_DISK_PORT

virDomainMigrate* params field: port that destination server should use for incoming disks migration. Type is VIR_TYPED_PARAM_INT. If set to 0 or omitted, libvirt will choose a suitable default. At the moment this is only supported by the QEMU driver.

=item Sys::Virt::Domain::MIGRATE_PARAM_COMPRESSION

virDomainMigrate* params multiple field: name of the method used to compress migration traffic. Supported compression methods: xbzrle, mt, zlib, zstd. The parameter may be specified multiple times if more than one method should be used. Not all combinations of compression methods and migration options may be allowed. Parallel migration of QEMU domains is only compatible with either zlib or zstd method.

=item Sys::Virt::Domain::MIGRATE_PARAM_COMPRESSION_MT_THREADS

virDomainMigrate* params field: the number of compression threads for multithread compression as VIR_TYPED_PARAM_INT.

=item Sys::Virt::Domain::MIGRATE_PARAM_COMPRESSION_MT_DTHREADS

virDomainMigrate* params field: the number of decompression threads for multithread compression as VIR_TYPED_PARAM_INT.

=item Sys::Virt::Domain::MIGRATE_PARAM_COMPRESSION_MT_LEVEL

virDomainMigrate* params field: the level of compression for multithread compression as VIR_TYPED_PARAM_INT. Accepted values are in range 0-9. 0 is no compression, 1 is maximum speed and 9 is maximum compression.

=item Sys::Virt::Domain::MIGRATE_PARAM_COMPRESSION_XBZRLE_CACHE

virDomainMigrate* params field: the size of page cache for xbzrle compression as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::MIGRATE_PARAM_PERSIST_XML

virDomainMigrate* params field: the new persistent configuration to be used for the domain on the destination host as VIR_TYPED_PARAM_STRING. This field cannot be used to rename the domain during migration (use VIR_MIGRATE_PARAM_DEST_NAME field for that purpose). Domain name in the destination XML must match the original domain name.  Omitting this parameter keeps the original domain persistent configuration. Using this field with hypervisors that do not support changing domain configuration during migration will result in a failure.

=item Sys::Virt::Domain::MIGRATE_PARAM_AUTO_CONVERGE_INITIAL

virDomainMigrate* params field: the initial percentage guest CPUs are throttled to when auto-convergence decides migration is not converging. As VIR_TYPED_PARAM_INT.

=item Sys::Virt::Domain::MIGRATE_PARAM_AUTO_CONVERGE_INCREMENT

virDomainMigrate* params field: the increment added to VIR_MIGRATE_PARAM_AUTO_CONVERGE_INITIAL whenever the hypervisor decides the current rate is not enough to ensure convergence of the migration. As VIR_TYPED_PARAM_INT.

=item Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH_POSTCOPY

virDomainMigrate* params field: the maximum bandwidth (in MiB/s) that will be used for post-copy phase of a migration as VIR_TYPED_PARAM_ULLONG. If set to 0 or omitted, post-copy migration speed will not be limited.

=item Sys::Virt::Domain::MIGRATE_PARAM_PARALLEL_CONNECTIONS

virDomainMigrate* params field: number of connections used during parallel migration. As VIR_TYPED_PARAM_INT.

=item Sys::Virt::Domain::MIGRATE_PARAM_TLS_DESTINATION

virDomainMigrate* params field: override the destination host name used for TLS verification. As VIR_TYPED_PARAM_STRING.  Normally the TLS certificate from the destination host must match the host's name for TLS verification to succeed. When the certificate does not match the destination hostname and the expected certificate's hostname is known, this parameter can be used to pass this expected hostname when starting the migration.

=item Sys::Virt::Domain::MIGRATE_PARAM_DISKS_URI

virDomainMigrate* params field: URI used for incoming disks migration. Type is VIR_TYPED_PARAM_STRING. Only schemes "tcp" and "unix" are accepted. TCP URI can currently only provide a server and port to listen on (and connect to), UNIX URI may only provide a path component for a UNIX socket. This is currently only supported by the QEMU driver.  UNIX URI is only usable if the management application makes sure that socket created with this name on the destination will be reachable from the source under the same exact path.

=item Sys::Virt::Domain::MIGRATE_PARAM_ZLIB_LEVEL

virDomainMigrate* params field: the level of compression for zlib as VIR_TYPED_PARAM_INT. Accepted values are in range 0-9. 0 is no compression, 1 is maximum speed and 9 is maximum compression.

Defined where Sys::Virt is built against libvirt 9.4.0 or newer.

=item Sys::Virt::Domain::MIGRATE_PARAM_ZSTD_LEVEL

virDomainMigrate* params field: the level of compression for zstd as VIR_TYPED_PARAM_INT. Accepted values are in range 0-20. 0 is no compression, 1 is maximum speed and 20 is maximum compression.

Defined where Sys::Virt is built against libvirt 9.4.0 or newer.

=item Sys::Virt::Domain::MIGRATE_PARAM_DISKS_DETECT_ZEROES

virDomainMigrate* params multiple field: The multiple values that list the block devices for which zero detection (to avoid transferring zero blocks, for storage where it can't be probed) is to be enabled. This may increase CPU overhead of the migration. Destination image will be sparse only when the disk 'discard' option is set to 'unmap'. At the moment this is only supported by the QEMU driver but not for the tunnelled migration.

Defined where Sys::Virt is built against libvirt 10.9.0 or newer.

=item Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH_AVAIL_SWITCHOVER

virDomainMigrate* params field: the bandwidth (in MiB/s) available for the final phase of (pre-copy) migration during which CPUs are stopped and all the remaining memory and device state is transferred. Knowing this bandwidth is important for accurate estimation of the domain downtime and deciding the right moment for switching over. Normally this would be estimated based on the bandwidth used by migration, but this could be lower than the actual available bandwidth. Using this parameter to override the computed value may help with migration convergence when the migration would keep iterating over and over thinking there's not enough bandwidth to comply with the configured maximum downtime.

Defined where Sys::Virt is built against libvirt 11.1.0 or newer.

=item Sys::Virt::Domain::MIGRATE_PARAM_MIGRATE_DISKS_TARGET_ZERO

virDomainMigrate* params multiple field: The multiple values that list the block devices for which the hypervisor is allowed to assume that the destination image was zeroed out and thus may skip zeroing it beforehand. At the moment this is only supported by the QEMU driver.

Defined where Sys::Virt is built against libvirt 12.2.0 or newer.

=item Sys::Virt::Domain::MIGRATE_MAX_SPEED_POSTCOPY

Set or get maximum speed of post-copy migration.

=item Sys::Virt::Domain::XML_SECURE

dump security sensitive information too

=item Sys::Virt::Domain::XML_INACTIVE

dump inactive domain information

=item Sys::Virt::Domain::XML_UPDATE_CPU

update guest CPU requirements according to host CPU

=item Sys::Virt::Domain::XML_MIGRATABLE

dump XML suitable for migration

=item Sys::Virt::Domain::MEMORY_VIRTUAL

addresses are virtual addresses

=item Sys::Virt::Domain::MEMORY_PHYSICAL

addresses are physical addresses

=item Sys::Virt::Domain::VCPU_OFFLINE

the virtual CPU is offline

=item Sys::Virt::Domain::VCPU_RUNNING

the virtual CPU is running

=item Sys::Virt::Domain::VCPU_BLOCKED

the virtual CPU is blocked on resource

=item Sys::Virt::Domain::VCPU_INFO_CPU_OFFLINE

the vCPU is offline

=item Sys::Virt::Domain::VCPU_INFO_CPU_UNAVAILABLE

the hypervisor does not expose real CPU information

=item Sys::Virt::Domain::KEYCODE_SET_LINUX

The libvirt constant C<VIR_KEYCODE_SET_LINUX>.

=item Sys::Virt::Domain::KEYCODE_SET_XT

The libvirt constant C<VIR_KEYCODE_SET_XT>.

=item Sys::Virt::Domain::KEYCODE_SET_ATSET1

The libvirt constant C<VIR_KEYCODE_SET_ATSET1>.

=item Sys::Virt::Domain::KEYCODE_SET_ATSET2

The libvirt constant C<VIR_KEYCODE_SET_ATSET2>.

=item Sys::Virt::Domain::KEYCODE_SET_ATSET3

The libvirt constant C<VIR_KEYCODE_SET_ATSET3>.

=item Sys::Virt::Domain::KEYCODE_SET_OSX

The libvirt constant C<VIR_KEYCODE_SET_OSX>.

=item Sys::Virt::Domain::KEYCODE_SET_XT_KBD

The libvirt constant C<VIR_KEYCODE_SET_XT_KBD>.

=item Sys::Virt::Domain::KEYCODE_SET_USB

The libvirt constant C<VIR_KEYCODE_SET_USB>.

=item Sys::Virt::Domain::KEYCODE_SET_WIN32

The libvirt constant C<VIR_KEYCODE_SET_WIN32>.

=item Sys::Virt::Domain::KEYCODE_SET_RFB

Compatibility alias for VIR_KEYCODE_SET_QNUM, which replaced it since 4.2.0.

=item Sys::Virt::Domain::KEYCODE_SET_QNUM

The libvirt constant C<VIR_KEYCODE_SET_QNUM>.

=item Sys::Virt::Domain::STATS_BALLOON

return domain balloon info

=item Sys::Virt::Domain::STATS_BLOCK

return domain block info

=item Sys::Virt::Domain::STATS_CPU_TOTAL

return domain CPU info

=item Sys::Virt::Domain::STATS_INTERFACE

return domain interfaces info

=item Sys::Virt::Domain::STATS_STATE

return domain state

=item Sys::Virt::Domain::STATS_VCPU

return domain virtual CPU info

=item Sys::Virt::Domain::STATS_PERF

return domain perf event info

=item Sys::Virt::Domain::STATS_IOTHREAD

return iothread poll info

=item Sys::Virt::Domain::STATS_MEMORY

return domain memory info

=item Sys::Virt::Domain::STATS_DIRTYRATE

return domain dirty rate info

Defined where Sys::Virt is built against libvirt 7.2.0 or newer.

=item Sys::Virt::Domain::STATS_VM

return vm info

Defined where Sys::Virt is built against libvirt 8.9.0 or newer.

=item Sys::Virt::Domain::GET_ALL_STATS_ACTIVE

The libvirt constant C<VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE>.

=item Sys::Virt::Domain::GET_ALL_STATS_INACTIVE

The libvirt constant C<VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE>.

=item Sys::Virt::Domain::GET_ALL_STATS_OTHER

The libvirt constant C<VIR_CONNECT_GET_ALL_DOMAINS_STATS_OTHER>.

=item Sys::Virt::Domain::GET_ALL_STATS_PAUSED

The libvirt constant C<VIR_CONNECT_GET_ALL_DOMAINS_STATS_PAUSED>.

=item Sys::Virt::Domain::GET_ALL_STATS_PERSISTENT

The libvirt constant C<VIR_CONNECT_GET_ALL_DOMAINS_STATS_PERSISTENT>.

=item Sys::Virt::Domain::GET_ALL_STATS_RUNNING

The libvirt constant C<VIR_CONNECT_GET_ALL_DOMAINS_STATS_RUNNING>.

=item Sys::Virt::Domain::GET_ALL_STATS_SHUTOFF

The libvirt constant C<VIR_CONNECT_GET_ALL_DOMAINS_STATS_SHUTOFF>.

=item Sys::Virt::Domain::GET_ALL_STATS_TRANSIENT

The libvirt constant C<VIR_CONNECT_GET_ALL_DOMAINS_STATS_TRANSIENT>.

=item Sys::Virt::Domain::GET_ALL_STATS_NOWAIT

report statistics that can be obtained
immediately without any blocking

=item Sys::Virt::Domain::GET_ALL_STATS_ENFORCE_STATS

enforce requested stats

=item Sys::Virt::Domain::GET_ALL_STATS_BACKING

include backing chain for block stats

=item Sys::Virt::Domain::EVENT_DEFINED

The libvirt constant C<VIR_DOMAIN_EVENT_DEFINED>.

=item Sys::Virt::Domain::EVENT_UNDEFINED

The libvirt constant C<VIR_DOMAIN_EVENT_UNDEFINED>.

=item Sys::Virt::Domain::EVENT_STARTED

The libvirt constant C<VIR_DOMAIN_EVENT_STARTED>.

=item Sys::Virt::Domain::EVENT_SUSPENDED

The libvirt constant C<VIR_DOMAIN_EVENT_SUSPENDED>.

=item Sys::Virt::Domain::EVENT_RESUMED

The libvirt constant C<VIR_DOMAIN_EVENT_RESUMED>.

=item Sys::Virt::Domain::EVENT_STOPPED

The libvirt constant C<VIR_DOMAIN_EVENT_STOPPED>.

=item Sys::Virt::Domain::EVENT_SHUTDOWN

The libvirt constant C<VIR_DOMAIN_EVENT_SHUTDOWN>.

=item Sys::Virt::Domain::EVENT_PMSUSPENDED

The libvirt constant C<VIR_DOMAIN_EVENT_PMSUSPENDED>.

=item Sys::Virt::Domain::EVENT_PMSUSPENDED_DISK

Guest was PM suspended to disk

=item Sys::Virt::Domain::EVENT_CRASHED

The libvirt constant C<VIR_DOMAIN_EVENT_CRASHED>.

=item Sys::Virt::Domain::EVENT_DEFINED_ADDED

Newly created config file

=item Sys::Virt::Domain::EVENT_DEFINED_UPDATED

Changed config file

=item Sys::Virt::Domain::EVENT_DEFINED_RENAMED

Domain was renamed

=item Sys::Virt::Domain::EVENT_DEFINED_FROM_SNAPSHOT

Config was restored from a snapshot

=item Sys::Virt::Domain::EVENT_UNDEFINED_REMOVED

Deleted the config file

=item Sys::Virt::Domain::EVENT_UNDEFINED_RENAMED

Domain was renamed

=item Sys::Virt::Domain::EVENT_STARTED_BOOTED

Normal startup from boot

=item Sys::Virt::Domain::EVENT_STARTED_MIGRATED

Incoming migration from another host

=item Sys::Virt::Domain::EVENT_STARTED_RESTORED

Restored from a state file

=item Sys::Virt::Domain::EVENT_STARTED_FROM_SNAPSHOT

Restored from snapshot

=item Sys::Virt::Domain::EVENT_STARTED_WAKEUP

Started due to wakeup event

=item Sys::Virt::Domain::EVENT_STARTED_RECREATED

Secure guest recreation

Defined where Sys::Virt is built against libvirt 11.6.0 or newer.

=item Sys::Virt::Domain::EVENT_CRASHED_PANICKED

Guest was panicked

=item Sys::Virt::Domain::EVENT_CRASHED_CRASHLOADED

Guest was crashloaded

=item Sys::Virt::Domain::EVENT_SUSPENDED_PAUSED

Normal suspend due to admin pause

=item Sys::Virt::Domain::EVENT_SUSPENDED_MIGRATED

Suspended for offline migration

=item Sys::Virt::Domain::EVENT_SUSPENDED_IOERROR

Suspended due to a disk I/O error

=item Sys::Virt::Domain::EVENT_SUSPENDED_WATCHDOG

Suspended due to a watchdog firing

=item Sys::Virt::Domain::EVENT_SUSPENDED_RESTORED

Restored from paused state file

=item Sys::Virt::Domain::EVENT_SUSPENDED_FROM_SNAPSHOT

Restored from paused snapshot

=item Sys::Virt::Domain::EVENT_SUSPENDED_API_ERROR

Some APIs (e.g., migration, snapshot) internally need to suspend a domain. This event detail is used when resume operation at the end of such API fails.

=item Sys::Virt::Domain::EVENT_SUSPENDED_POSTCOPY

suspended for post-copy migration

=item Sys::Virt::Domain::EVENT_SUSPENDED_POSTCOPY_FAILED

suspended after failed post-copy

=item Sys::Virt::Domain::EVENT_SUSPENDED_GUEST_SHUTDOWN

suspended after guest os shut-down (a long running job is preserving the VM until completion)

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::EVENT_RESUMED_UNPAUSED

Normal resume due to admin unpause

=item Sys::Virt::Domain::EVENT_RESUMED_MIGRATED

Resumed for completion of migration

=item Sys::Virt::Domain::EVENT_RESUMED_FROM_SNAPSHOT

Resumed from snapshot

=item Sys::Virt::Domain::EVENT_RESUMED_POSTCOPY

Resumed, but migration is still
running in post-copy mode

=item Sys::Virt::Domain::EVENT_RESUMED_POSTCOPY_FAILED

Running, but migration failed in post-copy

Defined where Sys::Virt is built against libvirt 8.5.0 or newer.

=item Sys::Virt::Domain::EVENT_STOPPED_SHUTDOWN

Normal shutdown

=item Sys::Virt::Domain::EVENT_STOPPED_DESTROYED

Forced poweroff from host

=item Sys::Virt::Domain::EVENT_STOPPED_CRASHED

Guest crashed

=item Sys::Virt::Domain::EVENT_STOPPED_MIGRATED

Migrated off to another host

=item Sys::Virt::Domain::EVENT_STOPPED_SAVED

Saved to a state file

=item Sys::Virt::Domain::EVENT_STOPPED_FAILED

Host emulator/mgmt failed

=item Sys::Virt::Domain::EVENT_STOPPED_FROM_SNAPSHOT

offline snapshot loaded

=item Sys::Virt::Domain::EVENT_STOPPED_RECREATED

Secure guest recreation

Defined where Sys::Virt is built against libvirt 11.6.0 or newer.

=item Sys::Virt::Domain::EVENT_SHUTDOWN_FINISHED

Guest finished shutdown sequence

=item Sys::Virt::Domain::EVENT_SHUTDOWN_HOST

Domain finished shutting down after request from the host (e.g. killed by
a signal)

=item Sys::Virt::Domain::EVENT_SHUTDOWN_GUEST

Domain finished shutting down after request from the guest itself
(e.g. hardware-specific action)

=item Sys::Virt::Domain::EVENT_PMSUSPENDED_MEMORY

Guest was PM suspended to memory

=item Sys::Virt::Domain::CONTROL_OK

operational, ready to accept commands

=item Sys::Virt::Domain::CONTROL_JOB

background job is running (can be
monitored by virDomainGetJobInfo); only
limited set of commands may be allowed

=item Sys::Virt::Domain::CONTROL_OCCUPIED

occupied by a running command

=item Sys::Virt::Domain::CONTROL_ERROR

unusable, domain cannot be fully
operated, possible reason is provided
in the details field

=item Sys::Virt::Domain::CONTROL_ERROR_REASON_NONE

server didn't provide a
reason

=item Sys::Virt::Domain::CONTROL_ERROR_REASON_UNKNOWN

unknown reason for the
error

=item Sys::Virt::Domain::CONTROL_ERROR_REASON_INTERNAL

error caused due to
internal failure in libvirt

=item Sys::Virt::Domain::CONTROL_ERROR_REASON_MONITOR

monitor connection is
broken

=item Sys::Virt::Domain::DEVICE_MODIFY_CURRENT

See virDomainModificationImpact

=item Sys::Virt::Domain::DEVICE_MODIFY_LIVE

See virDomainModificationImpact

=item Sys::Virt::Domain::DEVICE_MODIFY_CONFIG

See virDomainModificationImpact

=item Sys::Virt::Domain::DEVICE_MODIFY_FORCE

Forcibly modify device (ex. force eject a cdrom)

=item Sys::Virt::Domain::MEM_CURRENT

See virDomainModificationImpact

=item Sys::Virt::Domain::MEM_LIVE

See virDomainModificationImpact

=item Sys::Virt::Domain::MEM_CONFIG

See virDomainModificationImpact

=item Sys::Virt::Domain::MEM_MAXIMUM

affect Max rather than current

=item Sys::Virt::Domain::AFFECT_CURRENT

Affect current domain state.

=item Sys::Virt::Domain::AFFECT_LIVE

Affect running domain state.

=item Sys::Virt::Domain::AFFECT_CONFIG

Affect persistent domain state.  1 E<lt>E<lt> 2 is reserved for virTypedParameterFlags

=item Sys::Virt::Domain::SETVCPU_AFFECT_CURRENT

Alias of VIR_DOMAIN_AFFECT_CURRENT.

Defined where Sys::Virt is built against libvirt 12.4.0 or newer.

=item Sys::Virt::Domain::SETVCPU_AFFECT_LIVE

Alias of VIR_DOMAIN_AFFECT_LIVE.

Defined where Sys::Virt is built against libvirt 12.4.0 or newer.

=item Sys::Virt::Domain::SETVCPU_AFFECT_CONFIG

Alias of VIR_DOMAIN_AFFECT_CONFIG.

Defined where Sys::Virt is built against libvirt 12.4.0 or newer.

=item Sys::Virt::Domain::SETVCPU_ASYNC_UNPLUG

Do not wait for the guest to comply with the request

Defined where Sys::Virt is built against libvirt 12.4.0 or newer.

=item Sys::Virt::Domain::JOB_NONE

No job is active

=item Sys::Virt::Domain::JOB_BOUNDED

Job with a finite completion time

=item Sys::Virt::Domain::JOB_UNBOUNDED

Job without a finite completion time

=item Sys::Virt::Domain::JOB_COMPLETED

Job has finished, but isn't cleaned up

=item Sys::Virt::Domain::JOB_FAILED

Job hit error, but isn't cleaned up

=item Sys::Virt::Domain::JOB_CANCELLED

Job was aborted, but isn't cleaned up

=item Sys::Virt::Domain::JOB_STATS_COMPLETED

return stats of a recently
completed job

=item Sys::Virt::Domain::JOB_STATS_KEEP_COMPLETED

don't remove completed
stats when reading them

=item Sys::Virt::Domain::JOB_AUTO_CONVERGE_THROTTLE

virDomainGetJobStats field: current percentage guest CPUs are throttled to when auto-convergence decided migration was not converging, as VIR_TYPED_PARAM_INT.

=item Sys::Virt::Domain::JOB_COMPRESSION_BYTES

virDomainGetJobStats field: number of compressed bytes transferred since the beginning of migration, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::JOB_COMPRESSION_CACHE

virDomainGetJobStats field: size of the cache (in bytes) used for compressing repeatedly transferred memory pages during live migration, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::JOB_COMPRESSION_CACHE_MISSES

virDomainGetJobStats field: number of repeatedly changing pages that were not found in compression cache and thus could not be compressed, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::JOB_COMPRESSION_OVERFLOW

virDomainGetJobStats field: number of repeatedly changing pages that were found in compression cache but were sent uncompressed because the result of compression was larger than the original page as a whole, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::JOB_COMPRESSION_PAGES

virDomainGetJobStats field: number of compressed pages transferred since the beginning of migration, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::JOB_DATA_PROCESSED

virDomainGetJobStats field: number of bytes transferred from the beginning of the job, as VIR_TYPED_PARAM_ULLONG.  This field corresponds to dataProcessed field in virDomainJobInfo.

=item Sys::Virt::Domain::JOB_DATA_REMAINING

virDomainGetJobStats field: number of bytes that still need to be transferred, as VIR_TYPED_PARAM_ULLONG.  This field corresponds to dataRemaining field in virDomainJobInfo.

=item Sys::Virt::Domain::JOB_DATA_TOTAL

virDomainGetJobStats field: total number of bytes supposed to be transferred, as VIR_TYPED_PARAM_ULLONG. For VIR_DOMAIN_JOB_UNBOUNDED jobs, this may be less than the sum of VIR_DOMAIN_JOB_DATA_PROCESSED and VIR_DOMAIN_JOB_DATA_REMAINING in the event that the hypervisor has to repeat some data, e.g., due to dirtied pages during migration. For VIR_DOMAIN_JOB_BOUNDED jobs, VIR_DOMAIN_JOB_DATA_TOTAL shall always equal VIR_DOMAIN_JOB_DATA_PROCESSED + VIR_DOMAIN_JOB_DATA_REMAINING.  This field corresponds to dataTotal field in virDomainJobInfo.

=item Sys::Virt::Domain::JOB_DISK_PROCESSED

virDomainGetJobStats field: as VIR_DOMAIN_JOB_DATA_PROCESSED but only tracking guest disk progress, as VIR_TYPED_PARAM_ULLONG.  This field corresponds to fileProcessed field in virDomainJobInfo.

=item Sys::Virt::Domain::JOB_DISK_REMAINING

virDomainGetJobStats field: as VIR_DOMAIN_JOB_DATA_REMAINING but only tracking guest disk progress, as VIR_TYPED_PARAM_ULLONG.  This field corresponds to fileRemaining field in virDomainJobInfo.

=item Sys::Virt::Domain::JOB_DISK_TOTAL

virDomainGetJobStats field: as VIR_DOMAIN_JOB_DATA_TOTAL but only tracking guest disk progress, as VIR_TYPED_PARAM_ULLONG.  This field corresponds to fileTotal field in virDomainJobInfo.

=item Sys::Virt::Domain::JOB_DISK_BPS

virDomainGetJobStats field: network throughput used while migrating disks in Bytes per second, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::JOB_DOWNTIME

virDomainGetJobStats field: downtime (ms) that is expected to happen during migration, as VIR_TYPED_PARAM_ULLONG. The real computed downtime between the time guest CPUs were paused and the time they were resumed is reported for completed migration.

=item Sys::Virt::Domain::JOB_DOWNTIME_NET

virDomainGetJobStats field: real measured downtime (ms) NOT including the time required to transfer control flow from the source host to the destination host, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::JOB_MEMORY_CONSTANT

virDomainGetJobStats field: number of pages filled with a constant byte (all bytes in a single page are identical) transferred since the beginning of the migration job, as VIR_TYPED_PARAM_ULLONG.  The most common example of such pages are zero pages, i.e., pages filled with zero bytes.

=item Sys::Virt::Domain::JOB_MEMORY_NORMAL

virDomainGetJobStats field: number of pages that were transferred without any kind of compression (i.e., pages which were not filled with a constant byte and which could not be compressed) transferred since the beginning of the migration job, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::JOB_MEMORY_NORMAL_BYTES

virDomainGetJobStats field: number of bytes transferred as normal pages, as VIR_TYPED_PARAM_ULLONG.  See VIR_DOMAIN_JOB_MEMORY_NORMAL for more details.

=item Sys::Virt::Domain::JOB_MEMORY_PROCESSED

virDomainGetJobStats field: as VIR_DOMAIN_JOB_DATA_PROCESSED but only tracking guest memory progress, as VIR_TYPED_PARAM_ULLONG.  This field corresponds to memProcessed field in virDomainJobInfo.

=item Sys::Virt::Domain::JOB_MEMORY_REMAINING

virDomainGetJobStats field: as VIR_DOMAIN_JOB_DATA_REMAINING but only tracking guest memory progress, as VIR_TYPED_PARAM_ULLONG.  This field corresponds to memRemaining field in virDomainJobInfo.

=item Sys::Virt::Domain::JOB_MEMORY_TOTAL

virDomainGetJobStats field: as VIR_DOMAIN_JOB_DATA_TOTAL but only tracking guest memory progress, as VIR_TYPED_PARAM_ULLONG.  This field corresponds to memTotal field in virDomainJobInfo.

=item Sys::Virt::Domain::JOB_MEMORY_BPS

virDomainGetJobStats field: network throughput used while migrating memory in Bytes per second, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::JOB_MEMORY_DIRTY_RATE

virDomainGetJobStats field: number of memory pages dirtied by the guest per second, as VIR_TYPED_PARAM_ULLONG. This statistics makes sense only when live migration is running.

=item Sys::Virt::Domain::JOB_MEMORY_PAGE_SIZE

virDomainGetJobStats field: memory page size in bytes, as VIR_TYPED_PARAM_ULLONG. If present, this parameter can be used to convert other page based statistics, such as VIR_DOMAIN_JOB_MEMORY_DIRTY_RATE or VIR_DOMAIN_JOB_COMPRESSION_PAGES to bytes.

=item Sys::Virt::Domain::JOB_MEMORY_ITERATION

virDomainGetJobStats field: current iteration over domain's memory during live migration, as VIR_TYPED_PARAM_ULLONG. This is set to zero when memory starts to be transferred and the value is increased by one every time a new iteration is started to transfer memory pages dirtied since the last iteration.

=item Sys::Virt::Domain::JOB_MEMORY_POSTCOPY_REQS

virDomainGetJobStats field: number page requests received from the destination host during post-copy migration, as VIR_TYPED_PARAM_ULLONG. This counter is incremented whenever the migrated domain tries to access a memory page which has not been transferred from the source host yet.

=item Sys::Virt::Domain::JOB_SETUP_TIME

virDomainGetJobStats field: total time in milliseconds spent preparing the migration in the 'setup' phase before the iterations begin, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::JOB_TIME_ELAPSED

virDomainGetJobStats field: time (ms) since the beginning of the job, as VIR_TYPED_PARAM_ULLONG.  This field corresponds to timeElapsed field in virDomainJobInfo.

=item Sys::Virt::Domain::JOB_TIME_ELAPSED_NET

virDomainGetJobStats field: time (ms) since the beginning of the migration job NOT including the time required to transfer control flow from the source host to the destination host, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::JOB_TIME_REMAINING

virDomainGetJobStats field: remaining time (ms) for VIR_DOMAIN_JOB_BOUNDED jobs, as VIR_TYPED_PARAM_ULLONG.  This field corresponds to timeRemaining field in virDomainJobInfo.

=item Sys::Virt::Domain::JOB_OPERATION

virDomainGetJobStats field: the operation which started the job as VIR_TYPED_PARAM_INT. The values correspond to the items in virDomainJobOperation enum.

=item Sys::Virt::Domain::JOB_SUCCESS

virDomainGetJobStats field: Present only in statistics for a completed job. Successful completion of the job as VIR_TYPED_PARAM_BOOLEAN.

=item Sys::Virt::Domain::JOB_DISK_TEMP_TOTAL

virDomainGetJobStats field: possible total temporary disk space for the job in bytes as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::JOB_DISK_TEMP_USED

virDomainGetJobStats field: current usage of temporary disk space for the job in bytes as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::JOB_ERRMSG

virDomainGetJobStats field: Present only in statistics for a completed job. Optional error message for a failed job.

=item Sys::Virt::Domain::JOB_VFIO_DATA_TRANSFERRED

virDomainGetJobStats field: number of bytes transferred by VFIO devices in that iteration, as VIR_TYPED_PARAM_ULLONG.

Defined where Sys::Virt is built against libvirt 10.6.0 or newer.

=item Sys::Virt::Domain::BLOCK_JOB_TYPE_UNKNOWN

Placeholder

=item Sys::Virt::Domain::BLOCK_JOB_TYPE_PULL

Block Pull (virDomainBlockPull, or virDomainBlockRebase without
flags), job ends on completion

=item Sys::Virt::Domain::BLOCK_JOB_TYPE_COPY

Block Copy (virDomainBlockCopy, or virDomainBlockRebase with
flags), job exists as long as mirroring is active

=item Sys::Virt::Domain::BLOCK_JOB_TYPE_COMMIT

Block Commit (virDomainBlockCommit without flags), job ends on
completion

=item Sys::Virt::Domain::BLOCK_JOB_TYPE_ACTIVE_COMMIT

Active Block Commit (virDomainBlockCommit with flags), job
exists as long as sync is active

=item Sys::Virt::Domain::BLOCK_JOB_TYPE_BACKUP

Backup (virDomainBackupBegin)

=item Sys::Virt::Domain::BLOCK_JOB_COMPLETED

The libvirt constant C<VIR_DOMAIN_BLOCK_JOB_COMPLETED>.

=item Sys::Virt::Domain::BLOCK_JOB_FAILED

The libvirt constant C<VIR_DOMAIN_BLOCK_JOB_FAILED>.

=item Sys::Virt::Domain::BLOCK_JOB_CANCELED

The libvirt constant C<VIR_DOMAIN_BLOCK_JOB_CANCELED>.

=item Sys::Virt::Domain::BLOCK_JOB_READY

The libvirt constant C<VIR_DOMAIN_BLOCK_JOB_READY>.

=item Sys::Virt::Domain::BLOCK_COMMIT_DELETE

Delete any files that are now
invalid after their contents
have been committed

=item Sys::Virt::Domain::BLOCK_COMMIT_SHALLOW

NULL base means next backing
file, not whole chain

=item Sys::Virt::Domain::BLOCK_COMMIT_ACTIVE

Allow a two-phase commit when
top is the active layer

=item Sys::Virt::Domain::BLOCK_COMMIT_RELATIVE

keep the backing chain
referenced using relative
names

=item Sys::Virt::Domain::BLOCK_COMMIT_BANDWIDTH_BYTES

bandwidth in bytes/s
instead of MiB/s

=item Sys::Virt::Domain::EVENT_ID_LIFECYCLE

virConnectDomainEventCallback

=item Sys::Virt::Domain::EVENT_ID_REBOOT

virConnectDomainEventGenericCallback

=item Sys::Virt::Domain::EVENT_ID_RTC_CHANGE

virConnectDomainEventRTCChangeCallback

=item Sys::Virt::Domain::EVENT_ID_WATCHDOG

virConnectDomainEventWatchdogCallback

=item Sys::Virt::Domain::EVENT_ID_IO_ERROR

virConnectDomainEventIOErrorCallback

=item Sys::Virt::Domain::EVENT_ID_GRAPHICS

virConnectDomainEventGraphicsCallback

=item Sys::Virt::Domain::EVENT_ID_IO_ERROR_REASON

virConnectDomainEventIOErrorReasonCallback

=item Sys::Virt::Domain::EVENT_ID_CONTROL_ERROR

virConnectDomainEventGenericCallback

=item Sys::Virt::Domain::EVENT_ID_BLOCK_JOB

virConnectDomainEventBlockJobCallback

=item Sys::Virt::Domain::EVENT_ID_BLOCK_JOB_2

virConnectDomainEventBlockJobCallback

=item Sys::Virt::Domain::EVENT_ID_DISK_CHANGE

virConnectDomainEventDiskChangeCallback

=item Sys::Virt::Domain::EVENT_ID_PMSUSPEND

virConnectDomainEventPMSuspendCallback

=item Sys::Virt::Domain::EVENT_ID_PMSUSPEND_DISK

virConnectDomainEventPMSuspendDiskCallback

=item Sys::Virt::Domain::EVENT_ID_PMWAKEUP

virConnectDomainEventPMWakeupCallback

=item Sys::Virt::Domain::EVENT_ID_TRAY_CHANGE

virConnectDomainEventTrayChangeCallback

=item Sys::Virt::Domain::EVENT_ID_BALLOON_CHANGE

virConnectDomainEventBalloonChangeCallback

=item Sys::Virt::Domain::EVENT_ID_DEVICE_ADDED

virConnectDomainEventDeviceAddedCallback

=item Sys::Virt::Domain::EVENT_ID_DEVICE_REMOVED

virConnectDomainEventDeviceRemovedCallback

=item Sys::Virt::Domain::EVENT_ID_TUNABLE

virConnectDomainEventTunableCallback

=item Sys::Virt::Domain::EVENT_ID_AGENT_LIFECYCLE

virConnectDomainEventAgentLifecycleCallback

=item Sys::Virt::Domain::EVENT_ID_MIGRATION_ITERATION

virConnectDomainEventMigrationIterationCallback

=item Sys::Virt::Domain::EVENT_ID_JOB_COMPLETED

virConnectDomainEventJobCompletedCallback

=item Sys::Virt::Domain::EVENT_ID_DEVICE_REMOVAL_FAILED

virConnectDomainEventDeviceRemovalFailedCallback

=item Sys::Virt::Domain::EVENT_ID_METADATA_CHANGE

virConnectDomainEventMetadataChangeCallback

=item Sys::Virt::Domain::EVENT_ID_BLOCK_THRESHOLD

virConnectDomainEventBlockThresholdCallback

=item Sys::Virt::Domain::EVENT_ID_MEMORY_FAILURE

virConnectDomainEventMemoryFailureCallback

=item Sys::Virt::Domain::EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE

virConnectDomainEventMemoryDeviceSizeChangeCallback

Defined where Sys::Virt is built against libvirt 7.9.0 or newer.

=item Sys::Virt::Domain::EVENT_ID_NIC_MAC_CHANGE

virConnectDomainEventNICMACChangeCallback

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::EVENT_ID_VCPU_REMOVED

virConnectDomainEventVcpuRemovedCallback

Defined where Sys::Virt is built against libvirt 12.4.0 or newer.

=item Sys::Virt::Domain::EVENT_ID_CHANNEL_LIFECYCLE

virConnectDomainEventChannelLifecycleCallback

Defined where Sys::Virt is built against libvirt 12.4.0 or newer.

=item Sys::Virt::Domain::EVENT_WATCHDOG_NONE

No action, watchdog ignored

=item Sys::Virt::Domain::EVENT_WATCHDOG_PAUSE

Guest CPUs are paused

=item Sys::Virt::Domain::EVENT_WATCHDOG_RESET

Guest CPUs are reset

=item Sys::Virt::Domain::EVENT_WATCHDOG_POWEROFF

Guest is forcibly powered off

=item Sys::Virt::Domain::EVENT_WATCHDOG_SHUTDOWN

Guest is requested to gracefully shutdown

=item Sys::Virt::Domain::EVENT_WATCHDOG_DEBUG

No action, a debug message logged

=item Sys::Virt::Domain::EVENT_WATCHDOG_INJECTNMI

Inject a non-maskable interrupt into guest

=item Sys::Virt::Domain::EVENT_IO_ERROR_NONE

No action, IO error ignored

=item Sys::Virt::Domain::EVENT_IO_ERROR_PAUSE

Guest CPUs are paused

=item Sys::Virt::Domain::EVENT_IO_ERROR_REPORT

IO error reported to guest OS

=item Sys::Virt::Domain::EVENT_GRAPHICS_CONNECT

Initial socket connection established

=item Sys::Virt::Domain::EVENT_GRAPHICS_INITIALIZE

Authentication & setup completed

=item Sys::Virt::Domain::EVENT_GRAPHICS_DISCONNECT

Final socket disconnection

=item Sys::Virt::Domain::EVENT_GRAPHICS_ADDRESS_IPV4

IPv4 address

=item Sys::Virt::Domain::EVENT_GRAPHICS_ADDRESS_IPV6

IPv6 address

=item Sys::Virt::Domain::EVENT_GRAPHICS_ADDRESS_UNIX

UNIX socket path

=item Sys::Virt::Domain::EVENT_DISK_CHANGE_MISSING_ON_START

Removable media changed to empty according to startup policy as source
was missing. oldSrcPath is set, newSrcPath is NULL

=item Sys::Virt::Domain::EVENT_DISK_DROP_MISSING_ON_START

Disk was dropped from domain as source file was missing.
oldSrcPath is set, newSrcPath is NULL

=item Sys::Virt::Domain::EVENT_TRAY_CHANGE_OPEN

The libvirt constant C<VIR_DOMAIN_EVENT_TRAY_CHANGE_OPEN>.

=item Sys::Virt::Domain::EVENT_TRAY_CHANGE_CLOSE

The libvirt constant C<VIR_DOMAIN_EVENT_TRAY_CHANGE_CLOSE>.

=item Sys::Virt::Domain::EVENT_AGENT_LIFECYCLE_STATE_CONNECTED

agent connected

=item Sys::Virt::Domain::EVENT_AGENT_LIFECYCLE_STATE_DISCONNECTED

agent disconnected

=item Sys::Virt::Domain::EVENT_AGENT_LIFECYCLE_REASON_CHANNEL

channel state changed

=item Sys::Virt::Domain::EVENT_AGENT_LIFECYCLE_REASON_DOMAIN_STARTED

state changed due to domain start

=item Sys::Virt::Domain::EVENT_AGENT_LIFECYCLE_REASON_UNKNOWN

unknown state change reason

=item Sys::Virt::Domain::EVENT_CHANNEL_LIFECYCLE_STATE_CONNECTED

channel connected

Defined where Sys::Virt is built against libvirt 12.4.0 or newer.

=item Sys::Virt::Domain::EVENT_CHANNEL_LIFECYCLE_STATE_DISCONNECTED

channel disconnected

Defined where Sys::Virt is built against libvirt 12.4.0 or newer.

=item Sys::Virt::Domain::EVENT_CHANNEL_LIFECYCLE_REASON_UNKNOWN

unknown state change reason

Defined where Sys::Virt is built against libvirt 12.4.0 or newer.

=item Sys::Virt::Domain::EVENT_CHANNEL_LIFECYCLE_REASON_DOMAIN_STARTED

state changed due to domain start

Defined where Sys::Virt is built against libvirt 12.4.0 or newer.

=item Sys::Virt::Domain::EVENT_CHANNEL_LIFECYCLE_REASON_CHANNEL

channel state changed

Defined where Sys::Virt is built against libvirt 12.4.0 or newer.

=item Sys::Virt::Domain::MEMORY_HARD_LIMIT

Macro for the memory tunable hard_limit: it represents the maximum memory the guest can use, as a ullong.

=item Sys::Virt::Domain::MEMORY_SOFT_LIMIT

Macro for the memory tunable soft_limit: it represents the memory upper limit enforced during memory contention, as a ullong.

=item Sys::Virt::Domain::MEMORY_MIN_GUARANTEE

Macro for the memory tunable min_guarantee: it represents the minimum memory guaranteed to be reserved for the guest, as a ullong.

=item Sys::Virt::Domain::MEMORY_SWAP_HARD_LIMIT

Macro for the swap tunable swap_hard_limit: it represents the maximum swap plus memory the guest can use, as a ullong. This limit has to be more than VIR_DOMAIN_MEMORY_HARD_LIMIT.

=item Sys::Virt::Domain::MEMORY_PARAM_UNLIMITED

Macro providing the virMemoryParameter value that indicates "unlimited"

=item Sys::Virt::Domain::BLKIO_WEIGHT

Macro for the Blkio tunable weight: it represents the io weight the guest can use, as a uint.

=item Sys::Virt::Domain::BLKIO_DEVICE_WEIGHT

Macro for the blkio tunable weight_device: it represents the per-device weight, as a string.  The string is parsed as a series of /path/to/device,weight elements, separated by ','.

=item Sys::Virt::Domain::BLKIO_DEVICE_READ_BPS

Macro for the blkio tunable throttle.read_iops_device: it represents the bytes of reading the block device per second, as a string. The string is parsed as a series of /path/to/device, read_bps elements, separated by ','.

=item Sys::Virt::Domain::BLKIO_DEVICE_READ_IOPS

Macro for the blkio tunable throttle.read_iops_device: it represents the number of reading the block device per second, as a string. The string is parsed as a series of /path/to/device, read_iops elements, separated by ','.

=item Sys::Virt::Domain::BLKIO_DEVICE_WRITE_BPS

Macro for the blkio tunable throttle.read_iops_device: it represents the number of reading the block device per second, as a string. The string is parsed as a series of /path/to/device, write_bps elements, separated by ','.

=item Sys::Virt::Domain::BLKIO_DEVICE_WRITE_IOPS

Macro for the blkio tunable throttle.write_iops_device: it represents the number of writing the block device per second, as a string. The string is parsed as a series of /path/to/device, write_iops elements, separated by ','.

=item Sys::Virt::Domain::SCHEDULER_CPU_SHARES

Macro represents proportional weight of the scheduler used on the host cpu, when using the posix scheduler, as a ullong.

=item Sys::Virt::Domain::SCHEDULER_VCPU_PERIOD

Macro represents the enforcement period for a quota, in microseconds, for vcpus only, when using the posix scheduler, as a ullong.

=item Sys::Virt::Domain::SCHEDULER_VCPU_QUOTA

Macro represents the maximum bandwidth to be used within a period for vcpus only, when using the posix scheduler, as an llong.

=item Sys::Virt::Domain::SCHEDULER_GLOBAL_PERIOD

Macro represents the enforcement period for a quota, in microseconds, for whole domain, when using the posix scheduler, as a ullong.

=item Sys::Virt::Domain::SCHEDULER_GLOBAL_QUOTA

Macro represents the maximum bandwidth to be used within a period for whole domain, when using the posix scheduler, as an llong.

=item Sys::Virt::Domain::SCHEDULER_WEIGHT

Macro represents the relative weight,  when using the credit scheduler, as a uint.

=item Sys::Virt::Domain::SCHEDULER_CAP

Macro represents the maximum scheduler cap, when using the credit scheduler, as a uint.

=item Sys::Virt::Domain::SCHEDULER_LIMIT

Macro represents the scheduler limit value, when using the allocation scheduler, as an llong.

=item Sys::Virt::Domain::SCHEDULER_RESERVATION

Macro represents the scheduler reservation value, when using the allocation scheduler, as an llong.

=item Sys::Virt::Domain::SCHEDULER_SHARES

Macro represents the scheduler shares value, when using the allocation scheduler, as an int.

=item Sys::Virt::Domain::MEMORY_STAT_SWAP_IN

The total amount of data read from swap space (in kiB).

=item Sys::Virt::Domain::MEMORY_STAT_SWAP_OUT

The total amount of memory written out to swap space (in kiB).

=item Sys::Virt::Domain::MEMORY_STAT_MAJOR_FAULT

Page faults occur when a process makes a valid access to virtual memory
that is not available.  When servicing the page fault, if disk IO is
required, it is considered a major fault.  If not, it is a minor fault.
These are expressed as the number of faults that have occurred.

=item Sys::Virt::Domain::MEMORY_STAT_MINOR_FAULT

The libvirt constant C<VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT>.

=item Sys::Virt::Domain::MEMORY_STAT_UNUSED

The amount of memory left completely unused by the system.  Memory that
is available but used for reclaimable caches should NOT be reported as
free.  This value is expressed in kiB.

=item Sys::Virt::Domain::MEMORY_STAT_AVAILABLE

The total amount of usable memory as seen by the domain.  This value
may be less than the amount of memory assigned to the domain if a
balloon driver is in use or if the guest OS does not initialize all
assigned pages.  This value is expressed in kiB.

=item Sys::Virt::Domain::MEMORY_STAT_ACTUAL_BALLOON

Current balloon value (in KB).

=item Sys::Virt::Domain::MEMORY_STAT_RSS

Resident Set Size of the process running the domain. This value
is in kiB

=item Sys::Virt::Domain::MEMORY_STAT_LAST_UPDATE

Timestamp of the last update of statistics, in seconds.

=item Sys::Virt::Domain::MEMORY_STAT_USABLE

How much the balloon can be inflated without pushing the guest system
to swap, corresponds to 'Available' in /proc/meminfo

=item Sys::Virt::Domain::MEMORY_STAT_DISK_CACHES

The amount of memory, that can be quickly reclaimed without
additional I/O (in kiB). Typically these pages are used for caching files
from disk.

=item Sys::Virt::Domain::MEMORY_STAT_HUGETLB_PGALLOC

The number of successful huge page allocations from inside the domain via
virtio balloon.

=item Sys::Virt::Domain::MEMORY_STAT_HUGETLB_PGFAIL

The number of failed huge page allocations from inside the domain via
virtio balloon.

=item Sys::Virt::Domain::BLOCK_IOTUNE_TOTAL_BYTES_SEC

Macro for the BlockIoTune tunable weight: it represents the total bytes per second permitted through a block device, as a ullong.

=item Sys::Virt::Domain::BLOCK_IOTUNE_READ_BYTES_SEC

Macro for the BlockIoTune tunable weight: it represents the read bytes per second permitted through a block device, as a ullong.

=item Sys::Virt::Domain::BLOCK_IOTUNE_WRITE_BYTES_SEC

Macro for the BlockIoTune tunable weight: it represents the write bytes per second permitted through a block device, as a ullong.

=item Sys::Virt::Domain::BLOCK_IOTUNE_TOTAL_IOPS_SEC

Macro for the BlockIoTune tunable weight: it represents the total I/O operations per second permitted through a block device, as a ullong.

=item Sys::Virt::Domain::BLOCK_IOTUNE_READ_IOPS_SEC

Macro for the BlockIoTune tunable weight: it represents the read I/O operations per second permitted through a block device, as a ullong.

=item Sys::Virt::Domain::BLOCK_IOTUNE_WRITE_IOPS_SEC

Macro for the BlockIoTune tunable weight: it represents the write I/O operations per second permitted through a block device, as a ullong.

=item Sys::Virt::Domain::BLOCK_IOTUNE_TOTAL_BYTES_SEC_MAX

Macro for the BlockIoTune tunable weight: it represents the maximum total bytes per second permitted through a block device, as a ullong.

=item Sys::Virt::Domain::BLOCK_IOTUNE_READ_BYTES_SEC_MAX

Macro for the BlockIoTune tunable weight: it represents the maximum read bytes per second permitted through a block device, as a ullong.

=item Sys::Virt::Domain::BLOCK_IOTUNE_WRITE_BYTES_SEC_MAX

Macro for the BlockIoTune tunable weight: it represents the maximum write bytes per second permitted through a block device, as a ullong.

=item Sys::Virt::Domain::BLOCK_IOTUNE_TOTAL_IOPS_SEC_MAX

Macro for the BlockIoTune tunable weight: it represents the maximum I/O operations per second permitted through a block device, as a ullong.

=item Sys::Virt::Domain::BLOCK_IOTUNE_READ_IOPS_SEC_MAX

Macro for the BlockIoTune tunable weight: it represents the maximum read I/O operations per second permitted through a block device, as a ullong.

=item Sys::Virt::Domain::BLOCK_IOTUNE_WRITE_IOPS_SEC_MAX

Macro for the BlockIoTune tunable weight: it represents the maximum write I/O operations per second permitted through a block device, as a ullong.

=item Sys::Virt::Domain::BLOCK_IOTUNE_SIZE_IOPS_SEC

Macro for the BlockIoTune tunable weight: it represents the size I/O operations per second permitted through a block device, as a ullong.

=item Sys::Virt::Domain::BLOCK_IOTUNE_GROUP_NAME

Macro for the BlockIoTune tunable weight: it represents a group name to allow sharing of I/O throttling quota between multiple drives, as a string.

=item Sys::Virt::Domain::BLOCK_IOTUNE_TOTAL_BYTES_SEC_MAX_LENGTH

Macro for the BlockIoTune tunable weight: it represents the duration in seconds for the burst allowed by total_bytes_sec_max, as a ullong.

=item Sys::Virt::Domain::BLOCK_IOTUNE_READ_BYTES_SEC_MAX_LENGTH

Macro for the BlockIoTune tunable weight: it represents the duration in seconds for the burst allowed by read_bytes_sec_max, as a ullong.

=item Sys::Virt::Domain::BLOCK_IOTUNE_WRITE_BYTES_SEC_MAX_LENGTH

Macro for the BlockIoTune tunable weight: it represents the duration in seconds for the burst allowed by write_bytes_sec_max, as a ullong.

=item Sys::Virt::Domain::BLOCK_IOTUNE_TOTAL_IOPS_SEC_MAX_LENGTH

Macro for the BlockIoTune tunable weight: it represents the duration in seconds for the burst allowed by total_iops_sec_max, as a ullong.

=item Sys::Virt::Domain::BLOCK_IOTUNE_READ_IOPS_SEC_MAX_LENGTH

Macro for the BlockIoTune tunable weight: it represents the duration in seconds for the burst allowed by read_iops_sec_max, as a ullong.

=item Sys::Virt::Domain::BLOCK_IOTUNE_WRITE_IOPS_SEC_MAX_LENGTH

Macro for the BlockIoTune tunable weight: it represents the duration in seconds for the burst allowed by write_iops_sec_max, as a ullong.

=item Sys::Virt::Domain::BLOCK_RESIZE_BYTES

size in bytes instead of KiB

=item Sys::Virt::Domain::BLOCK_RESIZE_CAPACITY

resize to full the capacity of the source

Defined where Sys::Virt is built against libvirt 10.0.0 or newer.

=item Sys::Virt::Domain::BLOCK_RESIZE_EXTEND

Disallow shrinking

Defined where Sys::Virt is built against libvirt 12.3.0 or newer.

=item Sys::Virt::Domain::NUMA_NODESET

Macro for typed parameter name that lists the numa nodeset of a domain, as a string.

=item Sys::Virt::Domain::NUMA_MODE

Macro for typed parameter name that lists the numa mode of a domain, as an int containing a virDomainNumatuneMemMode value.

=item Sys::Virt::Domain::NUMATUNE_MEM_STRICT

The libvirt constant C<VIR_DOMAIN_NUMATUNE_MEM_STRICT>.

=item Sys::Virt::Domain::NUMATUNE_MEM_PREFERRED

The libvirt constant C<VIR_DOMAIN_NUMATUNE_MEM_PREFERRED>.

=item Sys::Virt::Domain::NUMATUNE_MEM_INTERLEAVE

The libvirt constant C<VIR_DOMAIN_NUMATUNE_MEM_INTERLEAVE>.

=item Sys::Virt::Domain::NUMATUNE_MEM_RESTRICTIVE

The libvirt constant C<VIR_DOMAIN_NUMATUNE_MEM_RESTRICTIVE>.

Defined where Sys::Virt is built against libvirt 7.3.0 or newer.

=item Sys::Virt::Domain::PERF_PARAM_CMT

Macro for typed parameter name that represents CMT perf event which can be used to measure the usage of cache (bytes) by applications running on the platform. It corresponds to the "perf.cmt" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_MBML

Macro for typed parameter name that represents MBML perf event which can be used to monitor the amount of data (bytes/s) sent through the memory controller on the socket. It corresponds to the "perf.mbml" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_MBMT

Macro for typed parameter name that represents MBMT perf event which can be used to monitor total system bandwidth (bytes/s) from one level of cache to another. It corresponds to the "perf.mbmt" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_CACHE_MISSES

Macro for typed parameter name that represents cache_misses perf event which can be used to measure the count of cache misses by applications running on the platform. It corresponds to the "perf.cache_misses" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_CACHE_REFERENCES

Macro for typed parameter name that represents cache_references perf event which can be used to measure the count of cache hits by applications running on the platform. It corresponds to the "perf.cache_references" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_CPU_CYCLES

Macro for typed parameter name that represents cpu_cycles perf event describing the total/elapsed cpu cycles. This can be used to measure how many cpu cycles one instruction needs. It corresponds to the "perf.cpu_cycles" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_INSTRUCTIONS

Macro for typed parameter name that represents instructions perf event which can be used to measure the count of instructions by applications running on the platform. It corresponds to the "perf.instructions" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_BRANCH_INSTRUCTIONS

Macro for typed parameter name that represents branch_instructions perf event which can be used to measure the count of branch instructions by applications running on the platform. It corresponds to the "perf.branch_instructions" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_BRANCH_MISSES

Macro for typed parameter name that represents branch_misses perf event which can be used to measure the count of branch misses by applications running on the platform. It corresponds to the "perf.branch_misses" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_BUS_CYCLES

Macro for typed parameter name that represents bus_cycles perf event which can be used to measure the count of bus cycles by applications running on the platform. It corresponds to the "perf.bus_cycles" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_STALLED_CYCLES_FRONTEND

Macro for typed parameter name that represents stalled_cycles_frontend perf event which can be used to measure the count of stalled cpu cycles in the frontend of the instruction processor pipeline by applications running on the platform. It corresponds to the "perf.stalled_cycles_frontend" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_STALLED_CYCLES_BACKEND

Macro for typed parameter name that represents stalled_cycles_backend perf event which can be used to measure the count of stalled cpu cycles in the backend of the instruction processor pipeline by application running on the platform. It corresponds to the "perf.stalled_cycles_backend" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_REF_CPU_CYCLES

Macro for typed parameter name that represents ref_cpu_cycles perf event which can be used to measure the count of total cpu cycles not affected by CPU frequency scaling by applications running on the platform. It corresponds to the "perf.ref_cpu_cycles" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_CPU_CLOCK

Macro for typed parameter name that represents cpu_clock perf event which can be used to measure the count of cpu clock time by applications running on the platform. It corresponds to the "perf.cpu_clock" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_TASK_CLOCK

Macro for typed parameter name that represents task_clock perf event which can be used to measure the count of task clock time by applications running on the platform. It corresponds to the "perf.task_clock" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_PAGE_FAULTS

Macro for typed parameter name that represents page_faults perf event which can be used to measure the count of page faults by applications running on the platform. It corresponds to the "perf.page_faults" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_CONTEXT_SWITCHES

Macro for typed parameter name that represents context_switches perf event which can be used to measure the count of context switches by applications running on the platform. It corresponds to the "perf.context_switches" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_CPU_MIGRATIONS

Macro for typed parameter name that represents cpu_migrations perf event which can be used to measure the count of cpu migrations by applications running on the platform. It corresponds to the "perf.cpu_migrations" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_PAGE_FAULTS_MIN

Macro for typed parameter name that represents page_faults_min perf event which can be used to measure the count of minor page faults by applications running on the platform. It corresponds to the "perf.page_faults_min" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_PAGE_FAULTS_MAJ

Macro for typed parameter name that represents page_faults_maj perf event which can be used to measure the count of major page faults by applications running on the platform. It corresponds to the "perf.page_faults_maj" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_ALIGNMENT_FAULTS

Macro for typed parameter name that represents alignment_faults perf event which can be used to measure the count of alignment faults by applications running on the platform. It corresponds to the "perf.alignment_faults" field in the *Stats APIs.

=item Sys::Virt::Domain::PERF_PARAM_EMULATION_FAULTS

Macro for typed parameter name that represents emulation_faults perf event which can be used to measure the count of emulation faults by applications running on the platform. It corresponds to the "perf.emulation_faults" field in the *Stats APIs.

=item Sys::Virt::Domain::IOTHREAD_PARAM_POLL_MAX_NS

The maximum polling time that can be used by polling algorithm in ns. The polling time starts at 0 (zero) and is the time spent by the guest to process IOThread data before returning the CPU to the host. The polling time will be dynamically modified over time based on the poll_grow and poll_shrink parameters provided. A value set too large will cause more CPU time to be allocated the guest. A value set too small will not provide enough cycles for the guest to process data. Accepted type is VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::IOTHREAD_PARAM_POLL_GROW

This provides a value for the dynamic polling adjustment algorithm to use to grow its polling interval up to the poll_max_ns value. A value of 0 (zero) allows the hypervisor to choose its own value. The algorithm to use for adjustment is hypervisor specific. Accepted type is VIR_TYPED_PARAM_UINT or since 9.3.0 VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::IOTHREAD_PARAM_POLL_SHRINK

This provides a value for the dynamic polling adjustment algorithm to use to shrink its polling interval when the polling interval exceeds the poll_max_ns value. A value of 0 (zero) allows the hypervisor to choose its own value. The algorithm to use for adjustment is hypervisor specific. Accepted type is VIR_TYPED_PARAM_UINT or since 9.3.0 VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::IOTHREAD_PARAM_POLL_WEIGHT

This provides a shift value for the adaptive polling algorithm to control how much the most recent event interval affects the next polling duration calculation. Larger values decrease the weight of the current interval, enabling more gradual adjustments. Valid range is [0, 63]. A value of 0 lets the hypervisor select a default weight.  Accepted type is VIR_TYPED_PARAM_UINT.

Defined where Sys::Virt is built against libvirt 12.7.0 or newer.

=item Sys::Virt::Domain::IOTHREAD_PARAM_THREAD_POOL_MIN

Sets the lower bound for thread pool size. A value of -1 disables this bound leaving hypervisor use its default value, though this value is not accepted for running domains. Accepted type is VIR_TYPED_PARAM_INT.

Defined where Sys::Virt is built against libvirt 8.5.0 or newer.

=item Sys::Virt::Domain::IOTHREAD_PARAM_THREAD_POOL_MAX

Sets the upper bound for thread pool size. A value of -1 disables this bound leaving hypervisor use its default value, though this value is not accepted for running domains. Since the upper band has to be equal to or greater than lower bound value of 0 is not accepted. Accepted type is VIR_TYPED_PARAM_INT.

Defined where Sys::Virt is built against libvirt 8.5.0 or newer.

=item Sys::Virt::Domain::BANDWIDTH_IN_AVERAGE

Macro represents the inbound average of NIC bandwidth, as a uint.

=item Sys::Virt::Domain::BANDWIDTH_IN_PEAK

Macro represents the inbound peak of NIC bandwidth, as a uint.

=item Sys::Virt::Domain::BANDWIDTH_IN_BURST

Macro represents the inbound burst of NIC bandwidth, as a uint.

=item Sys::Virt::Domain::BANDWIDTH_IN_FLOOR

Macro represents the inbound floor of NIC bandwidth, as a uint.

=item Sys::Virt::Domain::BANDWIDTH_OUT_AVERAGE

Macro represents the outbound average of NIC bandwidth, as a uint.

=item Sys::Virt::Domain::BANDWIDTH_OUT_PEAK

Macro represents the outbound peak of NIC bandwidth, as a uint.

=item Sys::Virt::Domain::BANDWIDTH_OUT_BURST

Macro represents the outbound burst of NIC bandwidth, as a uint.

=item Sys::Virt::Domain::VCPU_CURRENT

See virDomainModificationImpact

=item Sys::Virt::Domain::VCPU_LIVE

See virDomainModificationImpact

=item Sys::Virt::Domain::VCPU_CONFIG

See virDomainModificationImpact

=item Sys::Virt::Domain::VCPU_MAXIMUM

Max rather than current count

=item Sys::Virt::Domain::VCPU_GUEST

Modify state of the cpu in the guest

=item Sys::Virt::Domain::VCPU_HOTPLUGGABLE

Make vcpus added hot(un)pluggable

=item Sys::Virt::Domain::VCPU_ASYNC_UNPLUG

Don't wait for the guest to comply with unplug request(s)

Defined where Sys::Virt is built against libvirt 12.4.0 or newer.

=item Sys::Virt::Domain::SHUTDOWN_DEFAULT

hypervisor choice

=item Sys::Virt::Domain::SHUTDOWN_ACPI_POWER_BTN

Send ACPI event

=item Sys::Virt::Domain::SHUTDOWN_GUEST_AGENT

Use guest agent

=item Sys::Virt::Domain::SHUTDOWN_INITCTL

Use initctl

=item Sys::Virt::Domain::SHUTDOWN_SIGNAL

Send a signal

=item Sys::Virt::Domain::SHUTDOWN_PARAVIRT

Use paravirt guest control

=item Sys::Virt::Domain::REBOOT_DEFAULT

hypervisor choice

=item Sys::Virt::Domain::REBOOT_ACPI_POWER_BTN

Send ACPI event

=item Sys::Virt::Domain::REBOOT_GUEST_AGENT

Use guest agent

=item Sys::Virt::Domain::REBOOT_INITCTL

Use initctl

=item Sys::Virt::Domain::REBOOT_SIGNAL

Send a signal

=item Sys::Virt::Domain::REBOOT_PARAVIRT

Use paravirt guest control

=item Sys::Virt::Domain::PROCESS_SIGNAL_NOP

No constant in POSIX/Linux

=item Sys::Virt::Domain::PROCESS_SIGNAL_HUP

SIGHUP

=item Sys::Virt::Domain::PROCESS_SIGNAL_INT

SIGINT

=item Sys::Virt::Domain::PROCESS_SIGNAL_QUIT

SIGQUIT

=item Sys::Virt::Domain::PROCESS_SIGNAL_ILL

SIGILL

=item Sys::Virt::Domain::PROCESS_SIGNAL_TRAP

SIGTRAP

=item Sys::Virt::Domain::PROCESS_SIGNAL_ABRT

SIGABRT

=item Sys::Virt::Domain::PROCESS_SIGNAL_BUS

SIGBUS

=item Sys::Virt::Domain::PROCESS_SIGNAL_FPE

SIGFPE

=item Sys::Virt::Domain::PROCESS_SIGNAL_KILL

SIGKILL

=item Sys::Virt::Domain::PROCESS_SIGNAL_USR1

SIGUSR1

=item Sys::Virt::Domain::PROCESS_SIGNAL_SEGV

SIGSEGV

=item Sys::Virt::Domain::PROCESS_SIGNAL_USR2

SIGUSR2

=item Sys::Virt::Domain::PROCESS_SIGNAL_PIPE

SIGPIPE

=item Sys::Virt::Domain::PROCESS_SIGNAL_ALRM

SIGALRM

=item Sys::Virt::Domain::PROCESS_SIGNAL_TERM

SIGTERM

=item Sys::Virt::Domain::PROCESS_SIGNAL_STKFLT

Not in POSIX (SIGSTKFLT on Linux

=item Sys::Virt::Domain::PROCESS_SIGNAL_CHLD

SIGCHLD

=item Sys::Virt::Domain::PROCESS_SIGNAL_CONT

SIGCONT

=item Sys::Virt::Domain::PROCESS_SIGNAL_STOP

SIGSTOP

=item Sys::Virt::Domain::PROCESS_SIGNAL_TSTP

SIGTSTP

=item Sys::Virt::Domain::PROCESS_SIGNAL_TTIN

SIGTTIN

=item Sys::Virt::Domain::PROCESS_SIGNAL_TTOU

SIGTTOU

=item Sys::Virt::Domain::PROCESS_SIGNAL_URG

SIGURG

=item Sys::Virt::Domain::PROCESS_SIGNAL_XCPU

SIGXCPU

=item Sys::Virt::Domain::PROCESS_SIGNAL_XFSZ

SIGXFSZ

=item Sys::Virt::Domain::PROCESS_SIGNAL_VTALRM

SIGVTALRM

=item Sys::Virt::Domain::PROCESS_SIGNAL_PROF

SIGPROF

=item Sys::Virt::Domain::PROCESS_SIGNAL_WINCH

Not in POSIX (SIGWINCH on Linux)

=item Sys::Virt::Domain::PROCESS_SIGNAL_POLL

SIGPOLL (also known as SIGIO on Linux)

=item Sys::Virt::Domain::PROCESS_SIGNAL_PWR

Not in POSIX (SIGPWR on Linux)

=item Sys::Virt::Domain::PROCESS_SIGNAL_SYS

SIGSYS (also known as SIGUNUSED on Linux)

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT0

SIGRTMIN

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT1

SIGRTMIN + 1

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT2

SIGRTMIN + 2

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT3

SIGRTMIN + 3

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT4

SIGRTMIN + 4

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT5

SIGRTMIN + 5

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT6

SIGRTMIN + 6

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT7

SIGRTMIN + 7

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT8

SIGRTMIN + 8

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT9

SIGRTMIN + 9

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT10

SIGRTMIN + 10

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT11

SIGRTMIN + 11

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT12

SIGRTMIN + 12

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT13

SIGRTMIN + 13

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT14

SIGRTMIN + 14

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT15

SIGRTMIN + 15

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT16

SIGRTMIN + 16

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT17

SIGRTMIN + 17

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT18

SIGRTMIN + 18

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT19

SIGRTMIN + 19

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT20

SIGRTMIN + 20

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT21

SIGRTMIN + 21

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT22

SIGRTMIN + 22

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT23

SIGRTMIN + 23

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT24

SIGRTMIN + 24

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT25

SIGRTMIN + 25

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT26

SIGRTMIN + 26

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT27

SIGRTMIN + 27

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT28

SIGRTMIN + 28

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT29

SIGRTMIN + 29

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT30

SIGRTMIN + 30

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT31

SIGRTMIN + 31

=item Sys::Virt::Domain::PROCESS_SIGNAL_RT32

SIGRTMIN + 32 / SIGRTMAX

=item Sys::Virt::Domain::DESTROY_DEFAULT

Default behavior - could lead to data loss!!

=item Sys::Virt::Domain::DESTROY_GRACEFUL

only SIGTERM, no SIGKILL

=item Sys::Virt::Domain::DESTROY_REMOVE_LOGS

remove VM logs on destroy

Defined where Sys::Virt is built against libvirt 8.3.0 or newer.

=item Sys::Virt::Domain::METADATA_DESCRIPTION

Operate on E<lt>descriptionE<gt>

=item Sys::Virt::Domain::METADATA_TITLE

Operate on E<lt>titleE<gt>

=item Sys::Virt::Domain::METADATA_ELEMENT

Operate on E<lt>metadataE<gt>

=item Sys::Virt::Domain::DISK_ERROR_NONE

no error

=item Sys::Virt::Domain::DISK_ERROR_NO_SPACE

no space left on the device

=item Sys::Virt::Domain::DISK_ERROR_UNSPEC

unspecified I/O error

=item Sys::Virt::Domain::BLOCK_JOB_ABORT_ASYNC

The libvirt constant C<VIR_DOMAIN_BLOCK_JOB_ABORT_ASYNC>.

=item Sys::Virt::Domain::BLOCK_JOB_ABORT_PIVOT

The libvirt constant C<VIR_DOMAIN_BLOCK_JOB_ABORT_PIVOT>.

=item Sys::Virt::Domain::BLOCK_REBASE_SHALLOW

Limit copy to top of source
backing chain

=item Sys::Virt::Domain::BLOCK_REBASE_REUSE_EXT

Reuse existing external
file for a copy

=item Sys::Virt::Domain::BLOCK_REBASE_COPY_RAW

Make destination file raw

=item Sys::Virt::Domain::BLOCK_REBASE_COPY

Start a copy job

=item Sys::Virt::Domain::BLOCK_REBASE_COPY_DEV

Treat destination as block
device instead of file

=item Sys::Virt::Domain::BLOCK_REBASE_RELATIVE

Keep backing chain
referenced using relative
names

=item Sys::Virt::Domain::BLOCK_REBASE_BANDWIDTH_BYTES

bandwidth in bytes/s
instead of MiB/s

=item Sys::Virt::Domain::BLOCK_COPY_BANDWIDTH

Macro for the virDomainBlockCopy bandwidth tunable: it represents the maximum bandwidth in bytes/s, and is used while getting the copy operation into the mirrored phase, with a type of ullong.  For compatibility with virDomainBlockJobSetSpeed(), values larger than 2^52 bytes/sec (a 32-bit MiB/s value) may be rejected on input due to overflow considerations (but do you really have an interface with that much bandwidth?), and values larger than 2^31 bytes/sec may cause overflow problems if queried in bytes/sec.  Hypervisors may further restrict the set of valid values. Specifying 0 is the same as omitting this parameter, to request no bandwidth limiting. Some hypervisors may lack support for this parameter, while still allowing a subsequent change of bandwidth via virDomainBlockJobSetSpeed().  The actual speed can be determined with virDomainGetBlockJobInfo().

=item Sys::Virt::Domain::BLOCK_COPY_GRANULARITY

Macro for the virDomainBlockCopy granularity tunable: it represents the granularity in bytes at which the copy operation recognizes dirty blocks that need copying, as an unsigned int.  Hypervisors may restrict this to be a power of two or fall within a certain range. Specifying 0 is the same as omitting this parameter, to request the hypervisor default.

=item Sys::Virt::Domain::BLOCK_COPY_BUF_SIZE

Macro for the virDomainBlockCopy buffer size tunable: it represents how much data in bytes can be in flight between source and destination, as an unsigned long long. Specifying 0 is the same as omitting this parameter, to request the hypervisor default.

=item Sys::Virt::Domain::BLOCK_COPY_REUSE_EXT

Reuse existing external file for a copy

=item Sys::Virt::Domain::BLOCK_COPY_SHALLOW

Limit copy to top of source backing chain

=item Sys::Virt::Domain::BLOCK_COPY_TRANSIENT_JOB

Don't force usage of recoverable job for the copy operation

=item Sys::Virt::Domain::BLOCK_COPY_SYNCHRONOUS_WRITES

Force the copy job to synchronously propagate guest writes into
the destination image, so that the copy is guaranteed to converge

Defined where Sys::Virt is built against libvirt 8.0.0 or newer.

=item Sys::Virt::Domain::BLOCK_COPY_TARGET_ZEROED

Destination of the copy is zeroed (any read returns only 0x00 bytes) so
the hypervisor may optimize out clearing of the target image.

Defined where Sys::Virt is built against libvirt 12.2.0 or newer.

=item Sys::Virt::Domain::BLOCK_JOB_SPEED_BANDWIDTH_BYTES

bandwidth in bytes/s
instead of MiB/s

=item Sys::Virt::Domain::BLOCK_PULL_BANDWIDTH_BYTES

bandwidth in bytes/s
instead of MiB/s

=item Sys::Virt::Domain::BLOCK_JOB_INFO_BANDWIDTH_BYTES

bandwidth in bytes/s
instead of MiB/s

=item Sys::Virt::Domain::LIST_ACTIVE

The libvirt constant C<VIR_CONNECT_LIST_DOMAINS_ACTIVE>.

=item Sys::Virt::Domain::LIST_AUTOSTART

The libvirt constant C<VIR_CONNECT_LIST_DOMAINS_AUTOSTART>.

=item Sys::Virt::Domain::LIST_HAS_SNAPSHOT

The libvirt constant C<VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT>.

=item Sys::Virt::Domain::LIST_INACTIVE

The libvirt constant C<VIR_CONNECT_LIST_DOMAINS_INACTIVE>.

=item Sys::Virt::Domain::LIST_MANAGEDSAVE

The libvirt constant C<VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE>.

=item Sys::Virt::Domain::LIST_NO_AUTOSTART

The libvirt constant C<VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART>.

=item Sys::Virt::Domain::LIST_NO_MANAGEDSAVE

The libvirt constant C<VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE>.

=item Sys::Virt::Domain::LIST_NO_SNAPSHOT

The libvirt constant C<VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT>.

=item Sys::Virt::Domain::LIST_OTHER

The libvirt constant C<VIR_CONNECT_LIST_DOMAINS_OTHER>.

=item Sys::Virt::Domain::LIST_PAUSED

The libvirt constant C<VIR_CONNECT_LIST_DOMAINS_PAUSED>.

=item Sys::Virt::Domain::LIST_PERSISTENT

The libvirt constant C<VIR_CONNECT_LIST_DOMAINS_PERSISTENT>.

=item Sys::Virt::Domain::LIST_RUNNING

The libvirt constant C<VIR_CONNECT_LIST_DOMAINS_RUNNING>.

=item Sys::Virt::Domain::LIST_SHUTOFF

The libvirt constant C<VIR_CONNECT_LIST_DOMAINS_SHUTOFF>.

=item Sys::Virt::Domain::LIST_TRANSIENT

The libvirt constant C<VIR_CONNECT_LIST_DOMAINS_TRANSIENT>.

=item Sys::Virt::Domain::LIST_HAS_CHECKPOINT

The libvirt constant C<VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT>.

=item Sys::Virt::Domain::LIST_NO_CHECKPOINT

The libvirt constant C<VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT>.

=item Sys::Virt::Domain::SEND_KEY_MAX_KEYS

Maximum number of keycodes that can be sent in one virDomainSendKey() call.

=item Sys::Virt::Domain::CORE_DUMP_FORMAT_RAW

dump guest memory in raw format

=item Sys::Virt::Domain::CORE_DUMP_FORMAT_KDUMP_LZO

kdump-compressed format, with
lzo compression

=item Sys::Virt::Domain::CORE_DUMP_FORMAT_KDUMP_SNAPPY

kdump-compressed format, with
snappy compression

=item Sys::Virt::Domain::CORE_DUMP_FORMAT_KDUMP_ZLIB

kdump-compressed format, with
zlib compression

=item Sys::Virt::Domain::CORE_DUMP_FORMAT_WIN_DMP

Windows full crashdump format

Defined where Sys::Virt is built against libvirt 7.4.0 or newer.

=item Sys::Virt::Domain::TIME_SYNC

Re-sync domain time from domain's RTC

=item Sys::Virt::Domain::TUNABLE_CPU_CPU_SHARES

Macro represents proportional weight of the scheduler used on the host cpu, when using the posix scheduler, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_CPU_EMULATORPIN

Macro represents formatted pinning for emulator process, as VIR_TYPED_PARAM_STRING.

=item Sys::Virt::Domain::TUNABLE_CPU_EMULATOR_PERIOD

Macro represents the enforcement period for a quota in microseconds, when using the posix scheduler, for all emulator activity not tied to vcpus, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_CPU_EMULATOR_QUOTA

Macro represents the maximum bandwidth to be used within a period for all emulator activity not tied to vcpus, when using the posix scheduler, as an VIR_TYPED_PARAM_LLONG.

=item Sys::Virt::Domain::TUNABLE_CPU_IOTHREAD_PERIOD

Macro represents the enforcement period for a quota, in microseconds, for iothreads only, when using the posix scheduler, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_CPU_IOTHREAD_QUOTA

Macro represents the maximum bandwidth to be used within a period for iothreads only, when using the posix scheduler, as VIR_TYPED_PARAM_LLONG.

=item Sys::Virt::Domain::TUNABLE_CPU_VCPUPIN

Macro represents formatted pinning for one vcpu specified by id which is appended to the parameter name, for example "cputune.vcpupin1", as VIR_TYPED_PARAM_STRING.

=item Sys::Virt::Domain::TUNABLE_CPU_VCPU_PERIOD

Macro represents the enforcement period for a quota, in microseconds, for vcpus only, when using the posix scheduler, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_CPU_VCPU_QUOTA

Macro represents the maximum bandwidth to be used within a period for vcpus only, when using the posix scheduler, as VIR_TYPED_PARAM_LLONG.

=item Sys::Virt::Domain::TUNABLE_CPU_GLOBAL_PERIOD

Macro represents the enforcement period for a quota, in microseconds, for whole domain, when using the posix scheduler, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_CPU_GLOBAL_QUOTA

Macro represents the maximum bandwidth to be used within a period for whole domain, when using the posix scheduler, as VIR_TYPED_PARAM_LLONG.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_DISK

Macro represents the name of guest disk for which the values are updated, as VIR_TYPED_PARAM_STRING.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_READ_BYTES_SEC

Macro represents the read throughput limit in bytes per second, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_READ_IOPS_SEC

Macro represents the read I/O operations per second, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_TOTAL_BYTES_SEC

Macro represents the total throughput limit in bytes per second, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_TOTAL_IOPS_SEC

Macro represents the total I/O operations per second, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_WRITE_BYTES_SEC

Macro represents the write throughput limit in bytes per second, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_WRITE_IOPS_SEC

Macro represents the write I/O operations per second, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_READ_BYTES_SEC_MAX

Macro represents the read throughput limit during bursts in maximum bytes per second, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_READ_IOPS_SEC_MAX

Macro represents the read maximum I/O operations per second during bursts, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_WRITE_BYTES_SEC_MAX

Macro represents the write throughput limit during bursts in maximum bytes per second, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_WRITE_IOPS_SEC_MAX

Macro represents the write maximum I/O operations per second during bursts, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_TOTAL_BYTES_SEC_MAX

Macro represents the total throughput limit during bursts in maximum bytes per second, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_TOTAL_IOPS_SEC_MAX

Macro represents the total maximum I/O operations per second during bursts, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_SIZE_IOPS_SEC

Macro represents the size maximum I/O operations per second, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_GROUP_NAME

Macro represents the group name to be used, as VIR_TYPED_PARAM_STRING.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_READ_BYTES_SEC_MAX_LENGTH

Macro represents the length in seconds allowed for a burst period for the blkdeviotune.read_bytes_sec_max as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_READ_IOPS_SEC_MAX_LENGTH

Macro represents the length in seconds allowed for a burst period for the blkdeviotune.read_iops_sec_max as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_WRITE_BYTES_SEC_MAX_LENGTH

Macro represents the length in seconds allowed for a burst period for the blkdeviotune.write_bytes_sec_max as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_WRITE_IOPS_SEC_MAX_LENGTH

Macro represents the length in seconds allowed for a burst period for the blkdeviotune.write_iops_sec_max as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_TOTAL_BYTES_SEC_MAX_LENGTH

Macro represents the length in seconds allowed for a burst period for the blkdeviotune.total_bytes_sec_max, as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_BLKDEV_TOTAL_IOPS_SEC_MAX_LENGTH

Macro represents the length in seconds allowed for a burst period for the blkdeviotune.total_iops_sec_max as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::Domain::TUNABLE_IOTHREADSPIN

Macro represents formatted pinning for one IOThread specified by id which is appended to the parameter name, for example "cputune.iothreadpin1", as VIR_TYPED_PARAM_STRING.

=item Sys::Virt::Domain::INTERFACE_ADDRESSES_SRC_AGENT

Query qemu guest agent

=item Sys::Virt::Domain::INTERFACE_ADDRESSES_SRC_LEASE

Parse DHCP lease file

=item Sys::Virt::Domain::INTERFACE_ADDRESSES_SRC_ARP

Query ARP tables

=item Sys::Virt::Domain::PASSWORD_ENCRYPTED

the password is already encrypted

=item Sys::Virt::Domain::JOB_OPERATION_UNKNOWN

The libvirt constant C<VIR_DOMAIN_JOB_OPERATION_UNKNOWN>.

=item Sys::Virt::Domain::JOB_OPERATION_START

The libvirt constant C<VIR_DOMAIN_JOB_OPERATION_START>.

=item Sys::Virt::Domain::JOB_OPERATION_SAVE

The libvirt constant C<VIR_DOMAIN_JOB_OPERATION_SAVE>.

=item Sys::Virt::Domain::JOB_OPERATION_RESTORE

The libvirt constant C<VIR_DOMAIN_JOB_OPERATION_RESTORE>.

=item Sys::Virt::Domain::JOB_OPERATION_MIGRATION_IN

The libvirt constant C<VIR_DOMAIN_JOB_OPERATION_MIGRATION_IN>.

=item Sys::Virt::Domain::JOB_OPERATION_MIGRATION_OUT

The libvirt constant C<VIR_DOMAIN_JOB_OPERATION_MIGRATION_OUT>.

=item Sys::Virt::Domain::JOB_OPERATION_SNAPSHOT

The libvirt constant C<VIR_DOMAIN_JOB_OPERATION_SNAPSHOT>.

=item Sys::Virt::Domain::JOB_OPERATION_SNAPSHOT_REVERT

The libvirt constant C<VIR_DOMAIN_JOB_OPERATION_SNAPSHOT_REVERT>.

=item Sys::Virt::Domain::JOB_OPERATION_DUMP

The libvirt constant C<VIR_DOMAIN_JOB_OPERATION_DUMP>.

=item Sys::Virt::Domain::JOB_OPERATION_BACKUP

The libvirt constant C<VIR_DOMAIN_JOB_OPERATION_BACKUP>.

=item Sys::Virt::Domain::JOB_OPERATION_SNAPSHOT_DELETE

The libvirt constant C<VIR_DOMAIN_JOB_OPERATION_SNAPSHOT_DELETE>.

Defined where Sys::Virt is built against libvirt 9.0.0 or newer.

=item Sys::Virt::Domain::DOMAIN_ABORT_JOB_POSTCOPY

Interrupt post-copy migration. Since migration in a post-copy phase
cannot be aborted without losing the domain (none of the hosts involved
in migration has a complete state of the domain), the migration will be
suspended and it can later be resumed using virDomainMigrate* APIs with
VIR_MIGRATE_POSTCOPY_RESUME flag.

Defined where Sys::Virt is built against libvirt 8.5.0 or newer.

=item Sys::Virt::Domain::LIFECYCLE_POWEROFF

The libvirt constant C<VIR_DOMAIN_LIFECYCLE_POWEROFF>.

=item Sys::Virt::Domain::LIFECYCLE_REBOOT

The libvirt constant C<VIR_DOMAIN_LIFECYCLE_REBOOT>.

=item Sys::Virt::Domain::LIFECYCLE_CRASH

The libvirt constant C<VIR_DOMAIN_LIFECYCLE_CRASH>.

=item Sys::Virt::Domain::LIFECYCLE_ACTION_DESTROY

The libvirt constant C<VIR_DOMAIN_LIFECYCLE_ACTION_DESTROY>.

=item Sys::Virt::Domain::LIFECYCLE_ACTION_RESTART

The libvirt constant C<VIR_DOMAIN_LIFECYCLE_ACTION_RESTART>.

=item Sys::Virt::Domain::LIFECYCLE_ACTION_RESTART_RENAME

The libvirt constant C<VIR_DOMAIN_LIFECYCLE_ACTION_RESTART_RENAME>.

=item Sys::Virt::Domain::LIFECYCLE_ACTION_PRESERVE

The libvirt constant C<VIR_DOMAIN_LIFECYCLE_ACTION_PRESERVE>.

=item Sys::Virt::Domain::LIFECYCLE_ACTION_COREDUMP_DESTROY

The libvirt constant C<VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_DESTROY>.

=item Sys::Virt::Domain::LIFECYCLE_ACTION_COREDUMP_RESTART

The libvirt constant C<VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_RESTART>.

=item Sys::Virt::Domain::LIFECYCLE_ACTION_PRESERVE_RUNNING

The libvirt constant C<VIR_DOMAIN_LIFECYCLE_ACTION_PRESERVE_RUNNING>.

Defined where Sys::Virt is built against libvirt 12.6.0 or newer.

=item Sys::Virt::Domain::SAVE_IMAGE_XML_SECURE

dump security sensitive information too

=item Sys::Virt::Domain::LAUNCH_SECURITY_SEV_MEASUREMENT

Macro represents the launch measurement of the SEV guest, as VIR_TYPED_PARAM_STRING.

=item Sys::Virt::Domain::LAUNCH_SECURITY_SEV_API_MAJOR

Macro represents the API major version of the SEV host, as VIR_TYPED_PARAM_UINT.

Defined where Sys::Virt is built against libvirt 8.0.0 or newer.

=item Sys::Virt::Domain::LAUNCH_SECURITY_SEV_API_MINOR

Macro represents the API minor version of the SEV guest, as VIR_TYPED_PARAM_UINT.

Defined where Sys::Virt is built against libvirt 8.0.0 or newer.

=item Sys::Virt::Domain::LAUNCH_SECURITY_SEV_BUILD_ID

Macro represents the build ID of the SEV host, as VIR_TYPED_PARAM_UINT.

Defined where Sys::Virt is built against libvirt 8.0.0 or newer.

=item Sys::Virt::Domain::LAUNCH_SECURITY_SEV_POLICY

Macro represents the policy of the SEV guest, as VIR_TYPED_PARAM_UINT.

Defined where Sys::Virt is built against libvirt 8.0.0 or newer.

=item Sys::Virt::Domain::LAUNCH_SECURITY_SEV_SNP_POLICY

Macro represents the policy of the SEV-SNP guest, as VIR_TYPED_PARAM_ULLONG.

Defined where Sys::Virt is built against libvirt 10.5.0 or newer.

=item Sys::Virt::Domain::LAUNCH_SECURITY_SEV_SECRET

A macro used to represent the SEV launch secret. The secret is a base64-encoded VIR_TYPED_PARAM_STRING containing an encrypted launch secret. The secret is created by the domain owner after the SEV launch measurement is retrieved and verified.

Defined where Sys::Virt is built against libvirt 8.0.0 or newer.

=item Sys::Virt::Domain::LAUNCH_SECURITY_SEV_SECRET_HEADER

A macro used to represent the SEV launch secret header. The secret header is a base64-encoded VIR_TYPED_PARAM_STRING containing artifacts needed by the SEV firmware to recover the plain text of the launch secret. See section "6.6 LAUNCH_SECRET" in the SEV API specification for a detailed description of the secret header.

Defined where Sys::Virt is built against libvirt 8.0.0 or newer.

=item Sys::Virt::Domain::LAUNCH_SECURITY_SEV_SECRET_SET_ADDRESS

A macro used to represent the physical address within the guest's memory where the secret will be set, as VIR_TYPED_PARAM_ULLONG. If not specified, the address will be determined by the hypervisor.

Defined where Sys::Virt is built against libvirt 8.0.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_USERS

return active users

=item Sys::Virt::Domain::GUEST_INFO_OS

return OS information

=item Sys::Virt::Domain::GUEST_INFO_TIMEZONE

return timezone information

=item Sys::Virt::Domain::GUEST_INFO_HOSTNAME

return hostname information

=item Sys::Virt::Domain::GUEST_INFO_FILESYSTEM

return filesystem information

=item Sys::Virt::Domain::GUEST_INFO_DISKS

return disks information

=item Sys::Virt::Domain::GUEST_INFO_DEVICES

return devices information

Defined where Sys::Virt is built against libvirt 12.7.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_INTERFACES

return interfaces information

Defined where Sys::Virt is built against libvirt 7.10.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_LOAD

return load averages

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::AGENT_RESPONSE_TIMEOUT_BLOCK

The libvirt constant C<VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_BLOCK>.

=item Sys::Virt::Domain::AGENT_RESPONSE_TIMEOUT_NOWAIT

The libvirt constant C<VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_NOWAIT>.

=item Sys::Virt::Domain::AGENT_RESPONSE_TIMEOUT_DEFAULT

The libvirt constant C<VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_DEFAULT>.

=item Sys::Virt::Domain::BACKUP_BEGIN_REUSE_EXTERNAL

reuse separately provided images

=item Sys::Virt::Domain::BACKUP_BEGIN_PRESERVE_SHUTDOWN_DOMAIN

preserve the domain if the guest OS shuts down while the backup is running

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::GET_HOSTNAME_AGENT

Query qemu guest agent

=item Sys::Virt::Domain::GET_HOSTNAME_LEASE

Parse DHCP lease file

=item Sys::Virt::Domain::EVENT_MEMORY_FAILURE_ACTION_IGNORE

the memory failure could be ignored. This will only be the case for
action-optional failures.

=item Sys::Virt::Domain::EVENT_MEMORY_FAILURE_ACTION_INJECT

memory failure occurred in guest memory, the guest enabled MCE handling
mechanism, and hypervisor could inject the MCE into the guest
successfully.

=item Sys::Virt::Domain::EVENT_MEMORY_FAILURE_ACTION_FATAL

the failure is unrecoverable.  This occurs for action-required failures
if the recipient is the hypervisor; hypervisor will exit.

=item Sys::Virt::Domain::EVENT_MEMORY_FAILURE_ACTION_RESET

the failure is unrecoverable but confined to the guest. This occurs if
the recipient is a guest which is not ready to handle memory failures.

=item Sys::Virt::Domain::EVENT_MEMORY_FAILURE_RECIPIENT_HYPERVISOR

memory failure at hypersivor memory address space

=item Sys::Virt::Domain::EVENT_MEMORY_FAILURE_RECIPIENT_GUEST

memory failure at guest memory address space

=item Sys::Virt::Domain::MEMORY_FAILURE_ACTION_REQUIRED

whether a memory failure event is action-required or action-optional
(e.g. a failure during memory scrub).

=item Sys::Virt::Domain::MEMORY_FAILURE_RECURSIVE

whether the failure occurred while the previous failure was still in
progress.

=item Sys::Virt::Domain::AUTHORIZED_SSH_KEYS_SET_APPEND

don't truncate file, just append

=item Sys::Virt::Domain::AUTHORIZED_SSH_KEYS_SET_REMOVE

remove keys, instead of adding them

=item Sys::Virt::Domain::MESSAGE_DEPRECATION

The libvirt constant C<VIR_DOMAIN_MESSAGE_DEPRECATION>.

Defined where Sys::Virt is built against libvirt 7.1.0 or newer.

=item Sys::Virt::Domain::MESSAGE_TAINTING

The libvirt constant C<VIR_DOMAIN_MESSAGE_TAINTING>.

Defined where Sys::Virt is built against libvirt 7.1.0 or newer.

=item Sys::Virt::Domain::MESSAGE_IOERRORS

Report available stored I/O
errors messages for disk images

Defined where Sys::Virt is built against libvirt 11.1.0 or newer.

=item Sys::Virt::Domain::DIRTYRATE_UNSTARTED

the dirtyrate calculation has
not been started

Defined where Sys::Virt is built against libvirt 7.2.0 or newer.

=item Sys::Virt::Domain::DIRTYRATE_MEASURING

the dirtyrate calculation is
measuring

Defined where Sys::Virt is built against libvirt 7.2.0 or newer.

=item Sys::Virt::Domain::DIRTYRATE_MEASURED

the dirtyrate calculation is
completed

Defined where Sys::Virt is built against libvirt 7.2.0 or newer.

=item Sys::Virt::Domain::DIRTYRATE_MODE_PAGE_SAMPLING

default mode - page-sampling

Defined where Sys::Virt is built against libvirt 8.1.0 or newer.

=item Sys::Virt::Domain::DIRTYRATE_MODE_DIRTY_BITMAP

dirty-bitmap mode

Defined where Sys::Virt is built against libvirt 8.1.0 or newer.

=item Sys::Virt::Domain::DIRTYRATE_MODE_DIRTY_RING

dirty-ring mode

Defined where Sys::Virt is built against libvirt 8.1.0 or newer.

=item Sys::Virt::Domain::SAVE_PARAM_FILE

the parameter used to specify the savestate file to save to or restore from.

Defined where Sys::Virt is built against libvirt 8.4.0 or newer.

=item Sys::Virt::Domain::SAVE_PARAM_DXML

an optional parameter used to adjust guest xml on restore. If the hypervisor supports it, it can be used to alter host-specific portions of the domain XML that will be used when restoring an image.  For example, it is possible to alter the device while the domain is stopped.

Defined where Sys::Virt is built against libvirt 8.4.0 or newer.

=item Sys::Virt::Domain::SAVE_PARAM_IMAGE_FORMAT

an optional parameter used to specify the format of the save image. Valid format strings are represented by constants: - VIR_DOMAIN_SAVE_PARAM_IMAGE_FORMAT_RAW - VIR_DOMAIN_SAVE_PARAM_IMAGE_FORMAT_GZIP - VIR_DOMAIN_SAVE_PARAM_IMAGE_FORMAT_BZIP2 - VIR_DOMAIN_SAVE_PARAM_IMAGE_FORMAT_XZ - VIR_DOMAIN_SAVE_PARAM_IMAGE_FORMAT_LZOP - VIR_DOMAIN_SAVE_PARAM_IMAGE_FORMAT_ZSTD - VIR_DOMAIN_SAVE_PARAM_IMAGE_FORMAT_SPARSE  In the qemu driver, if not specified, the save_image_format setting in qemu.conf is used, which defaults to VIR_DOMAIN_SAVE_PARAM_IMAGE_FORMAT_RAW.  As VIR_TYPED_PARAM_STRING.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::SAVE_PARAM_PARALLEL_CHANNELS

an optional parameter used to specify the number of IO channels to use during parallel save. As VIR_TYPED_PARAM_INT.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::FD_ASSOCIATE_SECLABEL_RESTORE

Attempt a best-effort restore of security labels after use

Defined where Sys::Virt is built against libvirt 9.0.0 or newer.

=item Sys::Virt::Domain::FD_ASSOCIATE_SECLABEL_WRITABLE

Use a seclabel allowing writes for the FD even if usage implies read-only mode

Defined where Sys::Virt is built against libvirt 9.0.0 or newer.

=item Sys::Virt::Domain::GRAPHICS_RELOAD_TYPE_ANY

reload any graphics known to libvirt

Defined where Sys::Virt is built against libvirt 10.2.0 or newer.

=item Sys::Virt::Domain::GRAPHICS_RELOAD_TYPE_VNC

reload vnc graphics

Defined where Sys::Virt is built against libvirt 10.2.0 or newer.

=item Sys::Virt::Domain::ANNOUNCE_INTERFACE_INITIAL

Initial delay in milliseconds before the first announce packet is sent. If unspecified or 0, a default value of 50 will be used.

Defined where Sys::Virt is built against libvirt 12.5.0 or newer.

=item Sys::Virt::Domain::ANNOUNCE_INTERFACE_MAX

Maximum delay in milliseconds between packets.  If unspecified or 0, a default value of 550 will be used.

Defined where Sys::Virt is built against libvirt 12.5.0 or newer.

=item Sys::Virt::Domain::ANNOUNCE_INTERFACE_ROUNDS

The number of packets to send. If unspecified or 0, a default value of 5 will be used.

Defined where Sys::Virt is built against libvirt 12.5.0 or newer.

=item Sys::Virt::Domain::ANNOUNCE_INTERFACE_STEP

Increment added to the delay (in milliseconds) after each packet is sent. If unspecified or 0, a default value of 50 will be used.

Defined where Sys::Virt is built against libvirt 12.5.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_DISK_COUNT

The number of disks defined on this domain as an unsigned int.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_DISK_PREFIX

The parameter name prefix to access each disk entry. Concatenate the prefix, the entry number formatted as an unsigned integer and one of the disk suffix parameters to form a complete parameter name.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_DISK_SUFFIX_ALIAS

The device alias of the disk (e.g. sda) as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_DISK_SUFFIX_DEPENDENCY_COUNT

The number of device dependencies as an unsigned int.  e.g. for LVs of the LVM this will hold the list of PVs, for LUKS encrypted volume this will contain the disk where the volume is placed. (Linux).

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_DISK_SUFFIX_DEPENDENCY_PREFIX

The parameter name prefix to access each dependency entry. Concatenate the disk prefix, the disk entry number formatted as an unsigned integer, the dependency prefix, the dependency entry number formatted as an unsigned integer and one of the dependency suffix parameters to form a complete parameter name.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_DISK_SUFFIX_DEPENDENCY_SUFFIX_NAME

A dependency name as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_DISK_SUFFIX_GUEST_ALIAS

Optional alias assigned to the disk, on Linux this is a name assigned by device mapper, as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_DISK_SUFFIX_GUEST_BUS

Disk bus as reported by the guest OS.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_DEVICE_COUNT

The number of guest devices that detailed information is fetched for as unsigned int.

Defined where Sys::Virt is built against libvirt 12.7.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_DEVICE_PREFIX

The parameter name prefix to access each device entry. Concatenate the prefix, the entry number formatted as an unsigned integer and one of the device suffix parameters to form a complete parameter name.

Defined where Sys::Virt is built against libvirt 12.7.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_DEVICE_SUFFIX_DRIVER_NAME

Name of the device driver (e.g. ``VirtIO Balloon Driver``) as a string.

Defined where Sys::Virt is built against libvirt 12.7.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_DEVICE_SUFFIX_DRIVER_DATE

Driver release date in seconds since the epoch (e.g. 1736726400) as long long.

Defined where Sys::Virt is built against libvirt 12.7.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_DEVICE_SUFFIX_DRIVER_VERSION

Driver version (e.g. ``100.100.104.27100``) as a string.

Defined where Sys::Virt is built against libvirt 12.7.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_DEVICE_SUFFIX_ID_TYPE

Device identification (e.g. ``pci``) as a string.

Defined where Sys::Virt is built against libvirt 12.7.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_DEVICE_SUFFIX_PCI_VENDOR

PCI device (a device with VIR_DOMAIN_GUEST_INFO_DEVICE_SUFFIX_ID_TYPE equal to ``pci``) vendor id (e.g. 6900) as a unsigned int.

Defined where Sys::Virt is built against libvirt 12.7.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_DEVICE_SUFFIX_PCI_DEVICE

PCI device (a device with VIR_DOMAIN_GUEST_INFO_DEVICE_SUFFIX_ID_TYPE equal to ``pci``) device id (e.g. 4165) as a unsigned int.

Defined where Sys::Virt is built against libvirt 12.7.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_DISK_SUFFIX_NAME

Device node (Linux) or device UNC (Windows) as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_DISK_SUFFIX_PARTITION

Whether this is a partition (true) or disk (false) as a boolean.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_DISK_SUFFIX_SERIAL

Optional disk serial number as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_FS_COUNT

The number of filesystems defined on this domain as an unsigned int.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_FS_PREFIX

The parameter name prefix to access each filesystem entry. Concatenate the prefix, the entry number formatted as an unsigned integer and one of the filesystem suffix parameters to form a complete parameter name.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_DISK_COUNT

The number of disks targeted by this filesystem as an int.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_DISK_PREFIX

The parameter name prefix to access each disk entry. Concatenate the filesystem prefix, the filesystem entry number formatted as an unsigned integer, the disk prefix, the disk entry number formatted as an unsigned integer and one of the disk suffix parameters to form a complete parameter name.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_DISK_SUFFIX_ALIAS

The device alias of the disk (e.g. sda) as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_DISK_SUFFIX_DEVICE

The device node of the disk as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_DISK_SUFFIX_SERIAL

The serial number of the disk as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_FSTYPE

The type of filesystem as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_MOUNTPOINT

The path to the mount point for the filesystem as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_NAME

Device name in the guest (e.g. "sda1") as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_TOTAL_BYTES

The total size of the filesystem as an unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_FS_SUFFIX_USED_BYTES

The number of bytes used in the filesystem as an unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_HOSTNAME_HOSTNAME

The hostname of the domain as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_IF_COUNT

The number of interfaces defined on this domain as an unsigned int.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_IF_PREFIX

The parameter name prefix to access each interface entry. Concatenate the prefix, the entry number formatted as an unsigned integer and one of the interface suffix parameters to form a complete parameter name.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_IF_SUFFIX_ADDR_COUNT

The number of IP addresses of interface as an unsigned int.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_IF_SUFFIX_ADDR_PREFIX

The parameter name prefix to access each address entry. Concatenate the interface prefix, the interface entry number formatted as an unsigned integer, the address prefix, the address entry number formatted as an unsigned integer and one of the address suffix parameters to form a complete parameter name.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_IF_SUFFIX_ADDR_SUFFIX_ADDR

The IP address as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_IF_SUFFIX_ADDR_SUFFIX_PREFIX

The prefix of IP address as an unsigned int.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_IF_SUFFIX_ADDR_SUFFIX_TYPE

The IP address type (e.g. ipv4) as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_IF_SUFFIX_HWADDR

Hardware address in the guest of the interface as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_IF_SUFFIX_NAME

Name in the guest (e.g. ``eth0``) for the interface as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_LOAD_15M

The guest load averaged over 15 minutes as a double

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_LOAD_1M

The guest load averaged over 1 minute as a double

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_LOAD_5M

The guest load averaged over 5 minutes as a double

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_OS_ID

A string identifying the operating system.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_OS_KERNEL_RELEASE

The release of the operating system kernel, as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_OS_KERNEL_VERSION

The version of the operating system kernel, as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_OS_MACHINE

The machine hardware name as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_OS_NAME

The name of the operating system, suitable for presentation to a user, as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_OS_PRETTY_NAME

A pretty name for the operating system, suitable for presentation to a user, as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_OS_VARIANT

A specific variant or edition of the operating system suitable for presentation to a user, as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_OS_VARIANT_ID

The id for a specific variant or edition of the operating system, as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_OS_VERSION

The version of the operating system suitable for presentation to a user, as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_OS_VERSION_ID

The version id of the operating system suitable for processing by scripts, as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_TIMEZONE_NAME

The name of the timezone as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_TIMEZONE_OFFSET

The offset to UTC in seconds as an int.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_USER_COUNT

The number of active users on this domain as an unsigned int.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_USER_PREFIX

The parameter name prefix to access each user entry. Concatenate the prefix, the entry number formatted as an unsigned integer and one of the user suffix parameters to form a complete parameter name.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_USER_SUFFIX_DOMAIN

Domain of the user as a string (may only be present on certain guest types).

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_USER_SUFFIX_LOGIN_TIME

The login time of a user in milliseconds since the epoch as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::GUEST_INFO_USER_SUFFIX_NAME

Username of the user as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BALLOON_AVAILABLE

The amount of usable memory as seen by the domain (in KiB) as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BALLOON_CURRENT

The memory in kiB currently used as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BALLOON_DISK_CACHES

The amount of memory that can be reclaimed without additional I/O, typically disk (in KiB) as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BALLOON_HUGETLB_PGALLOC

The number of successful huge page allocations from inside the domain via virtio balloon as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BALLOON_HUGETLB_PGFAIL

The number of failed huge page allocations from inside the domain via virtio balloon as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BALLOON_LAST_UPDATE

Timestamp of the last update of statistics (in seconds) as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BALLOON_MAJOR_FAULT

The number of page faults when disk IO was required as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BALLOON_MAXIMUM

The maximum memory in kiB allowed as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BALLOON_MINOR_FAULT

The number of other page faults as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BALLOON_RSS

Resident Set Size of running domain's process (in KiB) as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BALLOON_SWAP_IN

The amount of data read from swap space (in KiB) as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BALLOON_SWAP_OUT

The amount of memory written out to swap space (in KiB) as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BALLOON_UNUSED

The amount of memory left unused by the system (in KiB) as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BALLOON_USABLE

The amount of memory which can be reclaimed by balloon without causing host swapping (in KiB) as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_COUNT

Number of block devices in the subsequent list, as unsigned int.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_PREFIX

The parameter name prefix to access each disk entry. Concatenate the prefix, the entry number formatted as an unsigned integer and one of the block suffix parameters to form a complete parameter name.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_ALLOCATION

Offset of the highest written sector as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_BACKINGINDEX

The E<lt>backingStoreE<gt> index as unsigned int, only used when backing images are listed.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_CAPACITY

Logical size in bytes of the block device backing image as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_ERRORS

Xen only: the 'oo_req' value as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_FL_REQS

Total flush requests as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_FL_TIMES

Total time (ns) spent on cache flushing as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_NAME

Name of the block device as string. Matches the target name (vda/sda/hda) of the block device.  If the backing chain is listed, this name is the same for all host resources tied to the same guest device.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_PATH

Source of the block device as a string, if it is a file or block device (omitted for network sources and drives with no media inserted).

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_PHYSICAL

Physical size in bytes of the container of the backing image as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_RD_BYTES

Number of read bytes as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_RD_REQS

Number of read requests as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_RD_TIMES

Total time (ns) spent on reads as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_THRESHOLD

Current threshold for delivering the VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD event in bytes as unsigned long long. See virDomainSetBlockThreshold.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_WR_BYTES

Number of written bytes as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_WR_REQS

Number of write requests as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_WR_TIMES

Total time (ns) spent on writes as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_DISCARD_ALIGNMENT

limits represent constraints on individual operations as imposed by the backing file storage technology.  Optimal alignment for discard requests in bytes, as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_DISCARD_MAX

limits represent constraints on individual operations as imposed by the backing file storage technology.  Maximum number of bytes that can be discarded at once, as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_IOV_HW_MAX

limits represent constraints on individual operations as imposed by the backing file storage technology.  Maximal number of scatter/gather elements of requests bypassing kernel IO scheduler, as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_IOV_MAX

limits represent constraints on individual operations as imposed by the backing file storage technology.  Maximum number of scatter/gather elements, as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_MEMORY_ALIGNMENT_MINIMAL

limits represent constraints on individual operations as imposed by the backing file storage technology.  memory alignment in bytes so that no bounce buffer is needed, as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_MEMORY_ALIGNMENT_OPTIMAL

limits represent constraints on individual operations as imposed by the backing file storage technology.  memory alignment in bytes that is used for bounce buffers, as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_REQUEST_ALIGNMENT

limits represent constraints on individual operations as imposed by the backing file storage technology.  Alignment requirement, in bytes, for offset/length of I/O requests, as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_TRANSFER_HW_MAX

limits represent constraints on individual operations as imposed by the backing file storage technology.  Maximal hardware transfer length of requests bypassing kernel IO scheduler in bytes, as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_TRANSFER_MAX

limits represent constraints on individual operations as imposed by the backing file storage technology.  Maximal transfer length in bytes, as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_TRANSFER_OPTIMAL

limits represent constraints on individual operations as imposed by the backing file storage technology.  Optimal transfer length in bytes, as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_WRITE_ZEROES_ALIGNMENT

limits represent constraints on individual operations as imposed by the backing file storage technology.  Optimal alignment for write_zeroes requests in bytes, as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LIMITS_WRITE_ZEROES_MAX

limits represent constraints on individual operations as imposed by the backing file storage technology.  Maximum number of bytes that can be zeroed out at once, as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_COUNT

Number of groups of statistics accounted in a configured time intervals as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_PREFIX

The parameter name prefix to access each group of timed stats. Concatenate the prefix, the entry number formatted as an unsigned integer and one of the timed group suffix parameters to form a complete paramter name.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_FLUSH_LATENCY_AVG

Average latency of flush operations in the defined interval, in nanoseconds as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_FLUSH_LATENCY_MAX

Maximum latency of flush operations in the defined interval, in nanoseconds as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_FLUSH_LATENCY_MIN

Minimum latency of flush operations in the defined interval, in nanoseconds as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_INTERVAL

The time interval in seconds as unsigned long long for which the statistics in this group were collected.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_RD_LATENCY_AVG

Average latency of read operations in the defined interval, in nanoseconds as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_RD_LATENCY_MAX

Maximum latency of read operations in the defined interval, in nanoseconds as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_RD_LATENCY_MIN

Minimum latency of read operations in the defined interval, in nanoseconds as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_RD_QUEUE_DEPTH_AVG

Average number of pending read operations in the defined interval as double.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_WR_LATENCY_AVG

Average latency of write operations in the defined interval, in nanoseconds as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_WR_LATENCY_MAX

Maximum latency of write operations in the defined interval, in nanoseconds as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_WR_LATENCY_MIN

Minimum latency of write operations in the defined interval, in nanoseconds as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_WR_QUEUE_DEPTH_AVG

Average number of pending write operations in the defined interval as double.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_ZONE_APPEND_LATENCY_AVG

Average latency of zone append operations in the defined interval, in nanoseconds as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_ZONE_APPEND_LATENCY_MAX

Maximum latency of zone append operations in the defined interval, in nanoseconds as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_ZONE_APPEND_LATENCY_MIN

Minimum latency of zone append operations in the defined interval, in nanoseconds as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_TIMED_GROUP_SUFFIX_ZONE_APPEND_QUEUE_DEPTH_AVG

Average number of pending zone append operations in the defined interval as double.

Defined where Sys::Virt is built against libvirt 11.10.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_FLUSH_PREFIX

The parameter name prefix to access 'flush' latency histograms. Concatenate the prefix with either: - VIR_DOMAIN_STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_SUFFIX_BIN_COUNT to get the number of bins in given histogram - VIR_DOMAIN_STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_SUFFIX_BIN_PREFIX and entry number formatted as an unsigned integer and one of the latency histogram suffix parameters to compelte a full bin parameter name

Defined where Sys::Virt is built against libvirt 12.1.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_READ_PREFIX

The parameter name prefix to access 'read' latency histograms. Concatenate the prefix with either: - VIR_DOMAIN_STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_SUFFIX_BIN_COUNT to get the number of bins in given histogram - VIR_DOMAIN_STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_SUFFIX_BIN_PREFIX and entry number formatted as an unsigned integer and one of the latency histogram suffix parameters to compelte a full bin parameter name

Defined where Sys::Virt is built against libvirt 12.1.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_SUFFIX_BIN_COUNT

The parameter name suffix to access number of bins in one of the following latency histogram types: - VIR_DOMAIN_STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_READ_PREFIX - VIR_DOMAIN_STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_WRITE_PREFIX - VIR_DOMAIN_STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_ZONE_APPEND_PREFIX - VIR_DOMAIN_STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_FLUSH_PREFIX  Number of bins in latency histogram as unsigned long long.

Defined where Sys::Virt is built against libvirt 12.1.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_SUFFIX_BIN_PREFIX

The parameter name suffix to access a latency histogram bin in one of the following latency histogram types: - VIR_DOMAIN_STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_READ_PREFIX - VIR_DOMAIN_STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_WRITE_PREFIX - VIR_DOMAIN_STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_ZONE_APPEND_PREFIX - VIR_DOMAIN_STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_FLUSH_PREFIX  Concatenate with a bin number as unsigned int and one of the other field suffixes to access bin parameters.

Defined where Sys::Virt is built against libvirt 12.1.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_SUFFIX_BIN_SUFFIX_START

Start of the current latency histogram bin in nanoseconds as unsigned long long.

Defined where Sys::Virt is built against libvirt 12.1.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_SUFFIX_BIN_SUFFIX_VALUE

Current value of the number of occurences of the latency within this bin as unsigned long long.

Defined where Sys::Virt is built against libvirt 12.1.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_WRITE_PREFIX

The parameter name prefix to access 'write' latency histograms. Concatenate the prefix with either: - VIR_DOMAIN_STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_SUFFIX_BIN_COUNT to get the number of bins in given histogram - VIR_DOMAIN_STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_SUFFIX_BIN_PREFIX and entry number formatted as an unsigned integer and one of the latency histogram suffix parameters to compelte a full bin parameter name

Defined where Sys::Virt is built against libvirt 12.1.0 or newer.

=item Sys::Virt::Domain::STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_ZONE_APPEND_PREFIX

The parameter name prefix to access 'zone_append' latency histograms. Concatenate the prefix with either: - VIR_DOMAIN_STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_SUFFIX_BIN_COUNT to get the number of bins in given histogram - VIR_DOMAIN_STATS_BLOCK_SUFFIX_LATENCY_HISTOGRAM_SUFFIX_BIN_PREFIX and entry number formatted as an unsigned integer and one of the latency histogram suffix parameters to compelte a full bin parameter name

Defined where Sys::Virt is built against libvirt 12.1.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_CACHE_MONITOR_COUNT

The number of cache monitors for this domain as an unsigned int.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_CACHE_MONITOR_PREFIX

The parameter name prefix to access each cache monitor entry. Concatenate the prefix, the entry number formatted as an unsigned integer and one of the cache monitor suffix parameters to form a complete parameter name.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_CACHE_MONITOR_SUFFIX_BANK_COUNT

The number of cache banks in cache monitor as an unsigned int.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_CACHE_MONITOR_SUFFIX_BANK_PREFIX

The parameter name prefix to access each cache monitor bank entry. Concatenate the cache monitor prefix, the cache monitor entry number formatted as an unsigned integer, the bank prefix, the bank entry number formatted as an unsigned integer and one of the cache monitor bank suffix parameters to form a complete parameter name.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_CACHE_MONITOR_SUFFIX_BANK_SUFFIX_BYTES

The number of bytes of last level cache that the domain is using as an unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_CACHE_MONITOR_SUFFIX_BANK_SUFFIX_ID

Host allocated cache id for the bank as an unsigned int.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_CACHE_MONITOR_SUFFIX_NAME

The name of cache monitor as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_CACHE_MONITOR_SUFFIX_VCPUS

Vcpu list of cache monitor as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_ENERGY_MONITOR_COUNT

The number of energy monitors for this domain, as an unsigned int.

Defined where Sys::Virt is built against libvirt 12.4.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_ENERGY_MONITOR_PREFIX

Prefix for an individual energy monitor group.  Concatenate with the monitor index and one of the "cpu.energy.monitor.E<lt>iE<gt>." suffix macros below to form a full parameter name.

Defined where Sys::Virt is built against libvirt 12.4.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_ENERGY_MONITOR_SUFFIX_NAME

Name of the monitor group as a string.

Defined where Sys::Virt is built against libvirt 12.4.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_ENERGY_MONITOR_SUFFIX_VCPUS

vCPU set covered by the monitor group as a string.

Defined where Sys::Virt is built against libvirt 12.4.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_ENERGY_MONITOR_SUFFIX_PKG_COUNT

Number of PERF_PKG nodes the monitor group exposes, as an unsigned int.

Defined where Sys::Virt is built against libvirt 12.4.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_ENERGY_MONITOR_SUFFIX_PKG_PREFIX

Prefix for a single mon_PERF_PKG node inside a monitor group.

Defined where Sys::Virt is built against libvirt 12.4.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_ENERGY_MONITOR_SUFFIX_PKG_SUFFIX_ID

Kernel-assigned mon_PERF_PKG node id, as an unsigned int.

Defined where Sys::Virt is built against libvirt 12.4.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_HALTPOLL_FAIL_TIME

Halt-polling cpu usage about the VCPU had to schedule out (either because the maximum poll time was reached or it needed to yield the CPU) in nanoseconds as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_HALTPOLL_SUCCESS_TIME

Halt-polling cpu usage about the VCPU polled until a virtual interrupt was delivered in nanoseconds as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_SYSTEM

System cpu time spent in nanoseconds as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_TIME

Total cpu time spent for this domain in nanoseconds as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_CPU_USER

User cpu time spent in nanoseconds as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_CUSTOM_SUFFIX_TYPE_CUR

Hypervisor specific custom data type for current instant value  The complete parameter name is formed by concatenating the field prefix, the array index formatted as an unsigned integer, a hypervisor specific parameter name, and this data type suffix.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_CUSTOM_SUFFIX_TYPE_MAX

Hypervisor specific custom data type for peak value.  The complete parameter name is formed by concatenating the field prefix, the array index formatted as an unsigned integer, a hypervisor specific parameter name, and this data type suffix.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_CUSTOM_SUFFIX_TYPE_SUM

Hypervisor specific custom data type for aggregate value  The complete parameter name is formed by concatenating the field prefix, the array index formatted as an unsigned integer, a hypervisor specific parameter name, and this data type suffix.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_DIRTYRATE_CALC_MODE

The calculation mode used last measurement as string, either of these 'page-sampling', 'dirty-bitmap' or 'dirty-ring' values returned.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_DIRTYRATE_CALC_PERIOD

The period in seconds of last memory dirty rate calculation as int.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_DIRTYRATE_CALC_START_TIME

The start time in seconds of the last memory dirty rate calculation as long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_DIRTYRATE_CALC_STATUS

The status of last memory dirty rate calculation as an int from the virDomainDirtyRateStatus enum.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_DIRTYRATE_MEGABYTES_PER_SECOND

The calculated memory dirty rate in MiB/s as long long. It is produced only if the calc_status is measured.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_DIRTYRATE_VCPU_PREFIX

The parameter name prefix to access each VCPU entry. Concatenate the prefix, the entry number formatted as an unsigned integer and one of the VCPU suffix parameters to form a complete parameter name.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_DIRTYRATE_VCPU_SUFFIX_MEGABYTES_PER_SECOND

The calculated memory dirty rate for a virtual cpu as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_IOTHREAD_COUNT

Maximum number of IOThreads in the subsequent list as unsigned int. Each IOThread in the list will will use it's iothread_id value as the array index. There may be fewer array entries than the iothread.count value if the polling values are not supported.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_IOTHREAD_PREFIX

The parameter name prefix to access each iothread entry. Concatenate the prefix, the entry number formatted as an unsigned integer and one of the iothread suffix parameters to form a complete parameter name.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_IOTHREAD_SUFFIX_POLL_GROW

Polling time factor as an unsigned int or unsigned long long if exceeding range of unsigned int. A 0 (zero) indicates to allow the underlying hypervisor to choose how to grow the polling time.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_IOTHREAD_SUFFIX_POLL_MAX_NS

Maximum polling time in ns as an unsigned long long. A 0 (zero) means polling is disabled.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_IOTHREAD_SUFFIX_POLL_SHRINK

Polling time divisor as an unsigned int or unsigned long long if exceeding range of unsigned int. A 0 (zero) indicates to allow the underlying hypervisor to choose how to shrink the polling time.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_IOTHREAD_SUFFIX_POLL_WEIGHT

Polling weight factor as an unsigned int. This shift value controls how much the most recent event interval affects adaptive polling calculations. A 0 (zero) indicates the hypervisor's default weight is used.

Defined where Sys::Virt is built against libvirt 12.7.0 or newer.

=item Sys::Virt::Domain::STATS_MEMORY_BANDWIDTH_MONITOR_COUNT

The number of memory bandwidth monitors for this domain as an unsigned int.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_MEMORY_BANDWIDTH_MONITOR_PREFIX

The parameter name prefix to access each bandwith monitor entry. Concatenate the prefix, the entry number formatted as an unsigned integer and one of the memory bandwith suffix parameters to form a complete parameter name.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_MEMORY_BANDWIDTH_MONITOR_SUFFIX_NAME

The name of the bandwidth monitor as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_MEMORY_BANDWIDTH_MONITOR_SUFFIX_NODE_COUNT

The number of memory controllers in the bandwidth monitor.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_MEMORY_BANDWIDTH_MONITOR_SUFFIX_NODE_PREFIX

The parameter name prefix to access each controller entry. Concatenate the bandwidth monitor prefix, the monitor entry number formatted as an unsigned integer, the controller prefix, the controller entry number formatted as an unsigned integer and one of the controller suffix parameters to form a complete parameter name.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_MEMORY_BANDWIDTH_MONITOR_SUFFIX_NODE_SUFFIX_BYTES_LOCAL

The accumulative bytes consumed by vcpus passing through the memory controller in the same processor that the scheduled host CPU belongs to as an unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_MEMORY_BANDWIDTH_MONITOR_SUFFIX_NODE_SUFFIX_BYTES_TOTAL

The accumulative bytes consumed by vcpus passing through all memory controllers, either local or remote, as an unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_MEMORY_BANDWIDTH_MONITOR_SUFFIX_NODE_SUFFIX_ID

Host allocated memory controller id for the controller as an unsigned int.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_MEMORY_BANDWIDTH_MONITOR_SUFFIX_VCPUS

The vcpu list of the bandwidth monitor as a string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_NET_COUNT

Number of network interfaces on this domain as unsigned int.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_NET_PREFIX

The parameter name prefix to access each interface entry. Concatenate the prefix, the entry number formatted as an unsigned integer and one of the network suffix parameters to form a complete parameter name.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_NET_SUFFIX_NAME

Name of the interface as string.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_NET_SUFFIX_RX_BYTES

Bytes received as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_NET_SUFFIX_RX_DROP

Receive packets dropped as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_NET_SUFFIX_RX_ERRS

Receive errors as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_NET_SUFFIX_RX_PKTS

Packets received as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_NET_SUFFIX_TX_BYTES

Bytes transmitted as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_NET_SUFFIX_TX_DROP

Transmit packets dropped as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_NET_SUFFIX_TX_ERRS

Transmission errors as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_NET_SUFFIX_TX_PKTS

Packets transmitted as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_ALIGNMENT_FAULTS

The count of alignment faults as unsigned long long. It is produced by the alignment_faults perf event

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_BRANCH_INSTRUCTIONS

The count of branch instructions as unsigned long long. It is produced by the branch_instructions perf event.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_BRANCH_MISSES

The count of branch misses as unsigned long long. It is produced by the branch_misses perf event.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_BUS_CYCLES

The count of bus cycles as unsigned long long. It is produced by the bus_cycles perf event.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_CACHE_MISSES

The count of cache misses as unsigned long long. It is produced by the cache_misses perf event.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_CACHE_REFERENCES

The count of cache hits as unsigned long long. It is produced by the cache_references perf event.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_CMT

The usage of l3 cache (bytes) by applications running on the platform as unsigned long long. It is produced by the cmt perf event.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_CONTEXT_SWITCHES

The count of context switches as unsigned long long. It is produced by the context_switches perf event.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_CPU_CLOCK

The count of cpu clock time as unsigned long long. It is produced by the cpu_clock perf event.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_CPU_CYCLES

The count of cpu cycles (total/elapsed) as an unsigned long long. It is produced by the cpu_cycles perf event.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_CPU_MIGRATIONS

The count of cpu migrations, from one logical processor to another, as unsigned long long. It is produced by the cpu_migrations perf event.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_EMULATION_FAULTS

The count of emulation faults as unsigned long long. It is produced by the emulation_faults perf event

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_INSTRUCTIONS

The count of instructions as unsigned long long. It is produced by the instructions perf event.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_MBML

The amount of data (bytes/s) sent through the memory controller on the socket as unsigned long long. It is produced by the mbml perf event.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_MBMT

The total system bandwidth (bytes/s) from one level of cache to another as unsigned long long. It is produced by the mbmt perf event.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_PAGE_FAULTS

The count of page faults as unsigned long long. It is produced by the page_faults perf event

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_PAGE_FAULTS_MAJ

The count of major page faults as unsigned long long. It is produced by the page_faults_maj perf event.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_PAGE_FAULTS_MIN

The count of minor page faults as unsigned long long. It is produced by the page_faults_min perf event.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_REF_CPU_CYCLES

The count of total cpu cycles not affected by CPU frequency scaling by applications running as unsigned long long. It is produced by the ref_cpu_cycles perf event.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_STALLED_CYCLES_BACKEND

The count of stalled cpu cycles in the backend of the instruction processor pipeline as unsigned long long. It is produced by the stalled_cycles_backend perf event.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_STALLED_CYCLES_FRONTEND

The count of stalled cpu cycles in the frontend of the instruction processor pipeline as unsigned long long. It is produced by the stalled_cycles_frontend perf event.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_PERF_TASK_CLOCK

The count of task clock time as unsigned long long. It is produced by the task_clock perf event.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_STATE_REASON

Reason for entering given state, returned as int from virDomain*Reason enum corresponding to given state.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_STATE_STATE

State of the VM, returned as int from virDomainState enum.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_VCPU_CURRENT

Current number of online virtual CPUs as unsigned int.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_VCPU_MAXIMUM

Maximum number of online virtual CPUs as unsigned int.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_VCPU_PREFIX

The parameter name prefix to access each vCPU entry. Concatenate the prefix, the entry number formatted as an unsigned integer and one of the vCPU suffix parameters to form a complete parameter name.  Due to VCPU hotplug, the array could be sparse. The actual number of entries present corresponds to VIR_DOMAIN_STATS_VCPU_CURRENT, while the array size will never exceed VIR_DOMAIN_STATS_VCPU_MAXIMUM.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_VCPU_SUFFIX_DELAY

Time the vCPU thread was enqueued by the host scheduler, but was waiting in the queue instead of running. Exposed to the VM as a steal time. In nanoseconds as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_VCPU_SUFFIX_HALTED

Virtual CPU is halted as a boolean, may indicate the processor is idle or even disabled, depending on the architecture.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_VCPU_SUFFIX_STATE

State of the virtual CPU E<lt>numE<gt>, as int from virVcpuState enum.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_VCPU_SUFFIX_TIME

Virtual cpu time spent by virtual CPU as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_VCPU_SUFFIX_WAIT

Time the vCPU wants to run, but the host scheduler has something else running ahead of it as unsigned long long.

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::STATS_VM_PREFIX

Concatenate the prefix, a hypervisor specific custom stats name and one of the VIR_DOMAIN_STATS_CUSTOM_TYPE_* constants to form a complete parameter name

Defined where Sys::Virt is built against libvirt 11.2.0 or newer.

=item Sys::Virt::Domain::SAVE_PARAM_IMAGE_FORMAT_RAW

raw uncompressed format for the save image

Defined where Sys::Virt is built against libvirt 12.0.0 or newer.

=item Sys::Virt::Domain::SAVE_PARAM_IMAGE_FORMAT_GZIP

gzip compressed format for the save image

Defined where Sys::Virt is built against libvirt 12.0.0 or newer.

=item Sys::Virt::Domain::SAVE_PARAM_IMAGE_FORMAT_BZIP2

bzip2 compressed format for the save image

Defined where Sys::Virt is built against libvirt 12.0.0 or newer.

=item Sys::Virt::Domain::SAVE_PARAM_IMAGE_FORMAT_XZ

xz compressed format for the save image

Defined where Sys::Virt is built against libvirt 12.0.0 or newer.

=item Sys::Virt::Domain::SAVE_PARAM_IMAGE_FORMAT_LZOP

lzop compressed format for the save image

Defined where Sys::Virt is built against libvirt 12.0.0 or newer.

=item Sys::Virt::Domain::SAVE_PARAM_IMAGE_FORMAT_ZSTD

zstd compressed format for the save image

Defined where Sys::Virt is built against libvirt 12.0.0 or newer.

=item Sys::Virt::Domain::SAVE_PARAM_IMAGE_FORMAT_SPARSE

uncompressed sparse file format for the save image

Defined where Sys::Virt is built against libvirt 12.0.0 or newer.

=back

=for generated-constants end

=head1 SEE ALSO

L<Sys::Virt>, L<Sys::Virt::Stream>, L<Sys::Virt::Error>

=cut
