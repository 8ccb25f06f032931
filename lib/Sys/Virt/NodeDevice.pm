package Sys::Virt::NodeDevice;

use strict;
use warnings;

require Sys::Virt;

our $VERSION = '12.7.0.0';

sub CLONE_SKIP { 1 }

1;
__END__

=head1 NAME

Sys::Virt::NodeDevice - a host device

=head1 DESCRIPTION

A C<Sys::Virt::NodeDevice> object is a host device, as libvirt manages it. Objects come
from the methods of other objects (for example get_node_device_by_name); each keeps its
connection open. Every method that fails in libvirt dies with a
L<Sys::Virt::Error>; a wrong argument dies with a plain message naming the
method and the argument.

=head1 METHODS

=over 4

=item my $name = $dev->get_name()

The device's name, unique on the host (e.g. C<pci_0000_00_1f_2>).

=item my $name = $dev->get_parent()

The name of the device's parent, or C<undef> for a device without one
(the root device C<computer>).

=item my $xml = $dev->get_xml_description($flags=0)

The device's XML description. C<$flags> is unused and should be 0.

=item my @caps = $dev->list_capabilities()

The names of the device's capabilities (C<pci>, C<net>, C<usb_device>,
C<system>, ...).

=item $dev->dettach($driver=undef, $flags=0)

Detaches the device (a PCI device) from its host driver so that a guest
can use it. C<$driver> names the driver to bind it to instead (undef: the
hypervisor's default); with neither a driver nor flags,
C<virNodeDeviceDettach> is called, as the classic binding does.

=item $dev->reattach()

Binds the device back to its host driver.

=item $dev->reset()

Resets the device (it must be detached from its host driver first).

=item $dev->create($flags=0)

Starts a device defined with C<define_node_device> (see L<Sys::Virt>).
C<$flags> is unused and should be 0.

=item $dev->undefine($flags=0)

Removes the definition of a device defined with C<define_node_device>.
C<$flags> is unused and should be 0.

=item $dev->destroy()

Destroys a virtual device (a mediated device, a vHBA), releasing what the
host gave it.

=item my $flag = $dev->get_autostart()

True (1) if the device starts when the host (libvirt's node device driver)
starts, else 0.

=item $dev->set_autostart($flag)

Sets or clears the autostart flag of a defined device.

=item $dev->update($xml, $flags=0)

Replaces the definition of the node device by C<$xml>. C<$flags> selects
the live or persistent definition (C<UPDATE_AFFECT_*>) and defaults to the
current one. Calls C<virNodeDeviceUpdate> (libvirt 10.1.0 or newer).

=item my $bool = $dev->is_active()

True if the device is active (present on the host).

=item my $bool = $dev->is_persistent()

True if the device has a persistent definition (every device the host
reports, and defined mediated devices).

=back

Device events (C<EVENT_ID_LIFECYCLE>, C<EVENT_ID_UPDATE>) are received with
C<node_device_event_register_any> of L<Sys::Virt>.

=head1 CONSTANTS

=for generated-constants begin

=over 4

=item Sys::Virt::NodeDevice::LIST_CAP_SYSTEM

System capability

=item Sys::Virt::NodeDevice::LIST_CAP_PCI_DEV

PCI device

=item Sys::Virt::NodeDevice::LIST_CAP_USB_DEV

USB device

=item Sys::Virt::NodeDevice::LIST_CAP_USB_INTERFACE

USB interface

=item Sys::Virt::NodeDevice::LIST_CAP_NET

Network device

=item Sys::Virt::NodeDevice::LIST_CAP_SCSI_HOST

SCSI Host Bus Adapter

=item Sys::Virt::NodeDevice::LIST_CAP_SCSI_TARGET

SCSI Target

=item Sys::Virt::NodeDevice::LIST_CAP_SCSI

SCSI device

=item Sys::Virt::NodeDevice::LIST_CAP_STORAGE

Storage device

=item Sys::Virt::NodeDevice::LIST_CAP_FC_HOST

FC Host Bus Adapter

=item Sys::Virt::NodeDevice::LIST_CAP_VPORTS

Capable of vport

=item Sys::Virt::NodeDevice::LIST_CAP_SCSI_GENERIC

Capable of scsi_generic

=item Sys::Virt::NodeDevice::LIST_CAP_DRM

DRM device

=item Sys::Virt::NodeDevice::LIST_CAP_MDEV

Mediated device

=item Sys::Virt::NodeDevice::LIST_CAP_MDEV_TYPES

Capable of mediated devices

=item Sys::Virt::NodeDevice::LIST_CAP_CCW_DEV

CCW device

=item Sys::Virt::NodeDevice::LIST_CAP_CSS_DEV

CSS device

=item Sys::Virt::NodeDevice::LIST_CAP_VDPA

vDPA device

=item Sys::Virt::NodeDevice::LIST_CAP_AP_CARD

s390 AP Card device

=item Sys::Virt::NodeDevice::LIST_CAP_AP_MATRIX

s390 AP Matrix

=item Sys::Virt::NodeDevice::LIST_CAP_AP_QUEUE

s390 AP Queue

=item Sys::Virt::NodeDevice::LIST_CAP_VPD

Device with VPD

Defined where Sys::Virt is built against libvirt 7.9.0 or newer.

=item Sys::Virt::NodeDevice::LIST_CAP_CCWGROUP_DEV

s390 CCWGROUP device

Defined where Sys::Virt is built against libvirt 11.1.0 or newer.

=item Sys::Virt::NodeDevice::LIST_CAP_CCWGROUP_MEMBER

s390 CCW device member of CCWGROUP device

Defined where Sys::Virt is built against libvirt 11.1.0 or newer.

=item Sys::Virt::NodeDevice::LIST_ACTIVE

Active devices

Defined where Sys::Virt is built against libvirt 7.3.0 or newer.

=item Sys::Virt::NodeDevice::LIST_INACTIVE

Inactive devices

Defined where Sys::Virt is built against libvirt 7.3.0 or newer.

=item Sys::Virt::NodeDevice::LIST_PERSISTENT

Persisted devices

Defined where Sys::Virt is built against libvirt 10.1.0 or newer.

=item Sys::Virt::NodeDevice::LIST_TRANSIENT

Transient devices

Defined where Sys::Virt is built against libvirt 10.1.0 or newer.

=item Sys::Virt::NodeDevice::EVENT_ID_LIFECYCLE

virConnectNodeDeviceEventLifecycleCallback

=item Sys::Virt::NodeDevice::EVENT_ID_UPDATE

virConnectNodeDeviceEventGenericCallback

=item Sys::Virt::NodeDevice::EVENT_CREATED

The libvirt constant C<VIR_NODE_DEVICE_EVENT_CREATED>.

=item Sys::Virt::NodeDevice::EVENT_DELETED

The libvirt constant C<VIR_NODE_DEVICE_EVENT_DELETED>.

=item Sys::Virt::NodeDevice::EVENT_DEFINED

The libvirt constant C<VIR_NODE_DEVICE_EVENT_DEFINED>.

Defined where Sys::Virt is built against libvirt 7.3.0 or newer.

=item Sys::Virt::NodeDevice::EVENT_UNDEFINED

The libvirt constant C<VIR_NODE_DEVICE_EVENT_UNDEFINED>.

Defined where Sys::Virt is built against libvirt 7.3.0 or newer.

=item Sys::Virt::NodeDevice::CREATE_XML_VALIDATE

Validate the XML document against schema

Defined where Sys::Virt is built against libvirt 8.10.0 or newer.

=item Sys::Virt::NodeDevice::DEFINE_XML_VALIDATE

Validate the XML document against schema

Defined where Sys::Virt is built against libvirt 8.10.0 or newer.

=item Sys::Virt::NodeDevice::UPDATE_AFFECT_CURRENT

affect live if node device is active,
config if it's not active

Defined where Sys::Virt is built against libvirt 10.1.0 or newer.

=item Sys::Virt::NodeDevice::UPDATE_AFFECT_LIVE

affect live state of node device only

Defined where Sys::Virt is built against libvirt 10.1.0 or newer.

=item Sys::Virt::NodeDevice::UPDATE_AFFECT_CONFIG

affect persistent config only

Defined where Sys::Virt is built against libvirt 10.1.0 or newer.

=item Sys::Virt::NodeDevice::XML_INACTIVE

dump inactive device configuration

Defined where Sys::Virt is built against libvirt 10.1.0 or newer.

=back

=for generated-constants end

=head1 SEE ALSO

L<Sys::Virt>

=cut
