#!/usr/bin/perl
# Sys::Virt::NodeDevice and the connection's node device methods: against
# the node device driver of a private daemon (nodedev:///system, which
# lists this machine's devices, read only here), and test:///default
# (which can create and destroy a virtual SCSI host).
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use lib 't/lib';
use Test::LibvirtAPI;
use Test::LibvirtDaemon;

use Sys::Virt;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 120;

my $d = Test::LibvirtDaemon->start_or_skip(drivers => [qw(storage nodedev)], pool => 0);
my $conn = Sys::Virt->new(uri => $d->uri_for('nodedev'));

sub libvirt_error {
    my ($e, $code, $name) = @_;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    ok ref $e && $e->isa('Sys::Virt::Error'), "$name: a Sys::Virt::Error"
        or diag explain $e;
    is $e->code, $code, "$name: code" if ref $e && defined $code;
}

# ---- this machine's devices
my @all = $conn->list_all_node_devices;
cmp_ok scalar(@all), '>', 1, 'list_all_node_devices: the host has devices';
isa_ok $all[0], 'Sys::Virt::NodeDevice';
my @names = sort map { $_->get_name } @all;
my $n = $conn->num_of_node_devices(undef);
is $n, scalar(@all), 'num_of_node_devices(undef)';
is $conn->num_of_node_devices(undef, 0), $n, 'num_of_node_devices(undef, 0)';
is_deeply [sort $conn->list_node_device_names(undef, $n)], \@names, 'list_node_device_names(undef, $n)';
is scalar(my @two = $conn->list_node_device_names(undef, 2)), 2, 'list_node_device_names honours maxnames';
is_deeply [$conn->list_node_device_names(undef, 0)], [], 'list_node_device_names(undef, 0)';
is_deeply [sort map { $_->get_name } $conn->list_node_devices], \@names, 'list_node_devices';
is_deeply [sort map { $_->get_name } $conn->list_node_devices(undef)], \@names, 'list_node_devices(undef)';

# The root device.
my $root = $conn->get_node_device_by_name('computer');
isa_ok $root, 'Sys::Virt::NodeDevice';
is $root->get_name, 'computer', 'get_name';
is $root->get_parent, undef, 'the root device has no parent';
is_deeply [$root->list_capabilities], ['system'], 'list_capabilities of the root';
like $root->get_xml_description, qr{<name>computer</name>.*<capability type='system'>}s, 'get_xml_description';
like $root->get_xml_description(0), qr{<name>computer</name>}, 'get_xml_description(0)';
SKIP: {
    skip_unless_libvirt('virNodeDeviceIsActive', 3);    # libvirt 7.8
    is $root->is_active, 1, 'is_active';
    is $root->is_persistent, 1, 'is_persistent';
    like $root->get_autostart, qr/^[01]$/, 'get_autostart';
}
is_deeply [map { $_->get_name } $conn->list_all_node_devices(Sys::Virt::NodeDevice::LIST_CAP_SYSTEM())], ['computer'],
    'list_all_node_devices(LIST_CAP_SYSTEM)';

# Network devices (the loopback at least) by capability.
my @net = sort map { $_->get_name } $conn->list_all_node_devices(Sys::Virt::NodeDevice::LIST_CAP_NET());
ok((grep { /^net_lo_/ } @net), 'the loopback interface is a net device') or diag "@net";
is $conn->num_of_node_devices('net'), scalar(@net), "num_of_node_devices('net')";
is_deeply [sort $conn->list_node_device_names('net', 100)], \@net, "list_node_device_names('net', 100)";
is_deeply [sort map { $_->get_name } $conn->list_node_devices('net')], \@net, "list_node_devices('net')";
my $lo = $conn->get_node_device_by_name((grep { /^net_lo_/ } @net)[0]);
ok((grep { $_ eq 'net' } $lo->list_capabilities), 'the loopback has the net capability');
my $parent = $lo->get_parent;
ok defined $parent, 'a net device has a parent';
is $conn->get_node_device_by_name($parent)->get_name, $parent, 'its parent is a device';
like $lo->get_xml_description, qr{<interface>lo</interface>}, 'its XML names the interface';
is_deeply [$conn->list_node_device_names('no-such-capability', 10)], [], 'an unknown capability lists nothing';

# Lookups and operations that fail: libvirt's errors.
libvirt_error(exception { $conn->get_node_device_by_name('no-such-device') }, Sys::Virt::Error::ERR_NO_NODE_DEVICE(),
    'unknown device');
libvirt_error(exception { $conn->get_node_device_scsihost_by_wwn('2000000012341234', '1000000012341234') }, undef,
    'get_node_device_scsihost_by_wwn: no such SCSI host here');
libvirt_error(exception { $conn->get_node_device_scsihost_by_wwn('2000000012341234', '1000000012341234', 0) }, undef,
    'get_node_device_scsihost_by_wwn with flags');
libvirt_error(exception { $conn->create_node_device('<device/>') }, undef, 'create_node_device: no capability');
SKIP: {
    skip_unless_libvirt('virNodeDeviceCreate', 4);    # libvirt 7.3
    libvirt_error(exception { $conn->define_node_device('<device') }, Sys::Virt::Error::ERR_XML_DETAIL(), 'define_node_device: bad XML');
    libvirt_error(exception { $root->create }, Sys::Virt::Error::ERR_OPERATION_INVALID(), 'create of an active device');
}
libvirt_error(exception { $root->destroy }, undef, 'destroy of a host device');
libvirt_error(exception { $root->undefine(0) }, undef, 'undefine of a host device');
libvirt_error(exception { $root->set_autostart(1) }, undef, 'set_autostart of a host device');
# Detach, reattach and reset belong to hypervisor drivers: the node device
# driver says so, naming the libvirt function the binding chose.
my $e = exception { $lo->dettach };
libvirt_error($e, Sys::Virt::Error::ERR_NO_SUPPORT(), 'dettach()');
like "$e", qr/virNodeDeviceDettach/, 'dettach() without driver or flags calls virNodeDeviceDettach';
$e = exception { $lo->dettach('vfio') };
libvirt_error($e, Sys::Virt::Error::ERR_NO_SUPPORT(), "dettach('vfio')");
like "$e", qr/virNodeDeviceDetachFlags/, 'dettach with a driver calls virNodeDeviceDetachFlags';
$e = exception { $lo->dettach(undef, 0) };
like "$e", qr/virNodeDeviceDettach\b/, 'dettach(undef, 0) calls virNodeDeviceDettach';
libvirt_error(exception { $lo->reattach }, Sys::Virt::Error::ERR_NO_SUPPORT(), 'reattach');
libvirt_error(exception { $lo->reset }, Sys::Virt::Error::ERR_NO_SUPPORT(), 'reset');

# Wrong arguments: plain messages naming the method and the argument.
like exception { $conn->get_node_device_by_name(undef) }, qr/get_node_device_by_name: 'name' must be a string, not undef/,
    'undef name';
like exception { $conn->list_node_device_names(5) },
    qr/^Usage: Sys::Virt::list_node_device_names\(con, cap, maxnames, flags=0\)/, 'list_node_device_names needs cap and maxnames';
like exception { $conn->list_node_device_names(undef, 'all') }, qr/list_node_device_names: 'maxnames' must be a number, not 'all'/,
    'maxnames must be a number';
like exception { $conn->num_of_node_devices(undef, 'x') }, qr/num_of_node_devices: 'flags' must be a number, not 'x'/,
    'flags must be a number';
like exception { $conn->get_node_device_scsihost_by_wwn('a') }, qr/^Usage: Sys::Virt::get_node_device_scsihost_by_wwn\(con, wwnn, wwpn, flags=0\)/,
    'get_node_device_scsihost_by_wwn usage';
like exception { $root->set_autostart }, qr/^Usage: Sys::Virt::NodeDevice::set_autostart\(dev, autostart\)/, 'set_autostart usage';
like exception { $root->get_name(1) }, qr/^Usage:/, 'too many arguments';
like exception { Sys::Virt::NodeDevice::get_name($conn) }, qr/'dev' is not a Sys::Virt::NodeDevice object/, 'wrong class';
like exception { Sys::Virt::NodeDevice::list_capabilities(undef) }, qr/'dev' is undef, not a Sys::Virt::NodeDevice object/,
    'undef object';
like exception { $lo->dettach('vfio', -1) }, qr/dettach: 'flags' must not be negative/, 'negative flags';

# ---- test:///default: a virtual SCSI host (vHBA) created and destroyed
{
    my $t = Sys::Virt->new(uri => 'test:///default');
    my $host = $t->get_node_device_by_name('scsi_host1');
    is $host->get_parent, 'computer', 'test driver: the parent of scsi_host1';
    is_deeply [$host->list_capabilities], ['scsi_host'], 'test driver: capabilities';
    libvirt_error(exception { $t->get_node_device_by_name('computer')->get_parent }, undef,
        'test driver: get_parent of the root is an error there');
    my $before = $t->num_of_node_devices(undef);
    my $hosts = $t->num_of_node_devices('scsi_host');
    my $vhba = $t->create_node_device(<<'XML');
<device>
  <parent>scsi_host1</parent>
  <capability type='scsi_host'>
    <capability type='fc_host'>
      <wwnn>2001001b32a9da4e</wwnn>
      <wwpn>2101001b32a9da4e</wwpn>
    </capability>
  </capability>
</device>
XML
    isa_ok $vhba, 'Sys::Virt::NodeDevice';
    is $vhba->get_parent, 'scsi_host1', 'the new vHBA hangs under scsi_host1';
    like $vhba->get_xml_description, qr{<wwpn>2101001b32a9da4e</wwpn>}, 'its XML';
    is $t->num_of_node_devices(undef), $before + 1, 'one more device';
    is $t->num_of_node_devices('scsi_host'), $hosts + 1, 'counted among the scsi_host devices';
    my $name = $vhba->get_name;
    ok((grep { $_ eq $name } $t->list_node_device_names('scsi_host', 100)), 'listed by capability');
    $vhba->destroy;
    is $t->num_of_node_devices(undef), $before, 'destroyed';
    libvirt_error(exception { $t->get_node_device_by_name($name) }, Sys::Virt::Error::ERR_NO_NODE_DEVICE(), 'gone');
    libvirt_error(exception { $t->define_node_device('<device/>') }, Sys::Virt::Error::ERR_NO_SUPPORT(),
        'test driver: define_node_device is not supported there');
}

done_testing;
