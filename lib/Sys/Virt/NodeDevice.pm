package Sys::Virt::NodeDevice;

use strict;
use warnings;

require Sys::Virt;

our $VERSION = '9.0.0.1';

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

=back

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

=item Sys::Virt::NodeDevice::LIST_ACTIVE

Active devices

=item Sys::Virt::NodeDevice::LIST_INACTIVE

Inactive devices

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

=item Sys::Virt::NodeDevice::EVENT_UNDEFINED

The libvirt constant C<VIR_NODE_DEVICE_EVENT_UNDEFINED>.

=item Sys::Virt::NodeDevice::CREATE_XML_VALIDATE

Validate the XML document against schema

=item Sys::Virt::NodeDevice::DEFINE_XML_VALIDATE

Validate the XML document against schema

=back

=for generated-constants end

=head1 SEE ALSO

L<Sys::Virt>

=cut
