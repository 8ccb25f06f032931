#!/usr/bin/perl
# Sys::Virt::Network and Sys::Virt::NetworkPort, and the connection's network
# methods: on a private daemon with the network driver (define, undefine,
# autostart, XML, lists, starting a network of forward mode 'bridge', which
# touches nothing of the host, its ports and DHCP leases), then on
# test:///default (its running network 'default': destroy, create, update).
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use lib 't/lib';
use Test::LibvirtAPI;
use Test::LibvirtDaemon;

use Sys::Virt::Network;    # alone: loads Sys::Virt itself
use Sys::Virt::NetworkPort;

sub error_code_is {
    my ($e, $code, $name) = @_;
    subtest $name => sub {
        isa_ok($e, 'Sys::Virt::Error');
        is(eval { $e->code }, $code, 'code') or diag($e);
    };
}

my $d = Test::LibvirtDaemon->start_or_skip(drivers => [qw(storage network)], pool => 0);

my $BRIDGE_XML = <<'XML';
<network>
  <name>svt-net</name>
  <uuid>0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0</uuid>
  <forward mode='bridge'/>
  <bridge name='svtbr0'/>
</network>
XML
my $UUID = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';

{
    my $conn = Sys::Virt->new(uri => $d->uri_for('network'));

    # ---- define, look up, lists --------------------------------------------
    is($conn->num_of_defined_networks, 0, 'num_of_defined_networks: none yet');
    is_deeply([$conn->list_all_networks], [], 'list_all_networks: none yet');
    my $net = $conn->define_network($BRIDGE_XML);
    isa_ok($net, 'Sys::Virt::Network', 'define_network');
    is($net->get_name, 'svt-net', 'get_name');
    is($net->get_uuid_string, $UUID, 'get_uuid_string');
    is(unpack('H*', $net->get_uuid), join('', split /-/, $UUID), 'get_uuid: the same 16 raw bytes');
    ok(!$net->is_active, 'is_active: not yet');
    ok($net->is_persistent, 'is_persistent');
    like($net->get_xml_description, qr{<name>svt-net</name>.*<bridge name='svtbr0'}s, 'get_xml_description');
    like($net->get_xml_description(Sys::Virt::Network::XML_INACTIVE()), qr{<forward mode='bridge'/>},
         'get_xml_description(XML_INACTIVE)');

    is($conn->get_network_by_name('svt-net')->get_uuid_string, $UUID, 'get_network_by_name');
    is($conn->get_network_by_uuid($UUID)->get_name, 'svt-net', 'get_network_by_uuid (printable)');
    (my $bare = $UUID) =~ tr/-//d;
    is($conn->get_network_by_uuid($bare)->get_name, 'svt-net', 'get_network_by_uuid (32 hex digits)');
    is($conn->get_network_by_uuid($net->get_uuid)->get_name, 'svt-net', 'get_network_by_uuid (raw)');
    is(Sys::Virt::Network->_new(connection => $conn, name => 'svt-net')->get_uuid_string, $UUID,
       'private constructor _new');

    is($conn->num_of_networks, 0, 'num_of_networks');
    is($conn->num_of_defined_networks, 1, 'num_of_defined_networks');
    is_deeply([$conn->list_defined_network_names], ['svt-net'], 'list_defined_network_names()');
    is_deeply([$conn->list_defined_network_names(1)], ['svt-net'], 'list_defined_network_names(1)');
    is_deeply([$conn->list_defined_network_names(0)], [], 'list_defined_network_names(0)');
    is_deeply([$conn->list_network_names(10)], [], 'list_network_names(10)');
    is_deeply([map { $_->get_name } $conn->list_defined_networks], ['svt-net'], 'list_defined_networks');
    is_deeply([$conn->list_networks], [], 'list_networks');
    is_deeply([map { $_->get_name } $conn->list_all_networks], ['svt-net'], 'list_all_networks');
    is_deeply([map { $_->get_name } $conn->list_all_networks(Sys::Virt::Network::LIST_INACTIVE())], ['svt-net'],
              'list_all_networks(LIST_INACTIVE)');
    is_deeply([$conn->list_all_networks(Sys::Virt::Network::LIST_ACTIVE())], [], 'list_all_networks(LIST_ACTIVE)');

    # ---- autostart -----------------------------------------------------------
    is($net->get_autostart, 0, 'get_autostart: off');
    $net->set_autostart(1);
    is($net->get_autostart, 1, 'set_autostart(1)');
    $net->set_autostart(0);
    is($net->get_autostart, 0, 'set_autostart(0)');

    # ---- start: a bridge-mode network only names an existing host bridge ----
    $net->create;
    ok($net->is_active, 'create: active');
    is($net->get_bridge_name, 'svtbr0', 'get_bridge_name');
    is($conn->num_of_networks, 1, 'num_of_networks: 1');
    is_deeply([$conn->list_network_names], ['svt-net'], 'list_network_names()');
    is_deeply([map { $_->get_name } $conn->list_networks], ['svt-net'], 'list_networks');

    # DHCP leases: the network driver reads them from a status file in its
    # (private) state directory; write one there.
    is_deeply([$net->get_dhcp_leases], [], 'get_dhcp_leases: none');
    my $dnsmasq = '/proc/' . $d->pid . '/root/var/lib/libvirt/dnsmasq';
    mkdir $dnsmasq;
    if (open my $fh, '>', "$dnsmasq/svtbr0.status") {
        print {$fh} '[{"ip-address":"192.168.5.10","mac-address":"52:54:00:11:22:33","hostname":"vm1",'
            . '"client-id":"01:52:54:00:11:22:33","expiry-time":4102444800},'
            . '{"ip-address":"192.168.5.11","mac-address":"52:54:00:11:22:44","expiry-time":4102444800}]';
        close $fh;
    }
    my @leases = $net->get_dhcp_leases;
    is(scalar @leases, 2, 'get_dhcp_leases: two leases');
    is_deeply($leases[0], {
        iface => 'svtbr0', expirytime => 4102444800, type => Sys::Virt::IP_ADDR_TYPE_IPV4(),
        mac => '52:54:00:11:22:33', iaid => undef, ipaddr => '192.168.5.10', prefix => 0,
        hostname => 'vm1', clientid => '01:52:54:00:11:22:33',
    }, 'a lease: every key');
    is_deeply([map { $_->{ipaddr} } $net->get_dhcp_leases('52:54:00:11:22:44')], ['192.168.5.11'],
              'get_dhcp_leases($mac)');
    is_deeply([$net->get_dhcp_leases('52:54:00:99:99:99', 0)], [], 'get_dhcp_leases: an unknown MAC');
    is_deeply([map { $_->{mac} } $net->get_dhcp_leases(undef, 0)], ['52:54:00:11:22:33', '52:54:00:11:22:44'],
              'get_dhcp_leases(undef, 0)');

    # ---- ports ----------------------------------------------------------------
    is_deeply([$net->list_all_ports], [], 'list_all_ports: none');
    my $PORT = 'aaaaaaaa-2222-3333-4444-555555555555';
    my $port = $net->create_port(<<"XML");
<networkport>
  <uuid>$PORT</uuid>
  <owner><name>vm1</name><uuid>11111111-2222-3333-4444-555555555555</uuid></owner>
  <mac address='52:54:00:11:22:33'/>
</networkport>
XML
    isa_ok($port, 'Sys::Virt::NetworkPort', 'create_port');
    is($port->get_uuid_string, $PORT, 'port get_uuid_string');
    is(unpack('H*', $port->get_uuid), join('', split /-/, $PORT), 'port get_uuid');
    like($port->get_xml_description, qr{<plug type='bridge' bridge='svtbr0'/>}, 'port get_xml_description');
    is_deeply([map { $_->get_uuid_string } $net->list_all_ports], [$PORT], 'list_all_ports');
    is($net->get_port_by_uuid($PORT)->get_uuid_string, $PORT, 'get_port_by_uuid (printable)');
    is($net->get_port_by_uuid($port->get_uuid)->get_uuid_string, $PORT, 'get_port_by_uuid (raw)');
    is(Sys::Virt::NetworkPort->_new(network => $net, uuid => $PORT)->get_uuid_string, $PORT,
       'NetworkPort private constructor _new');
    is_deeply($port->get_parameters, {}, 'get_parameters: no bandwidth yet');
    $port->set_parameters({ Sys::Virt::NetworkPort::BANDWIDTH_IN_AVERAGE() => 1000 });
    my $p = $port->get_parameters(0);
    is($p->{Sys::Virt::NetworkPort::BANDWIDTH_IN_AVERAGE()}, 1000, 'set_parameters: inbound.average');
    like(exception { $port->set_parameters({ 'no.such' => 1 }) },
         qr/set_parameters: unknown parameter 'no\.such'/, 'set_parameters: an unknown key dies, named');
    like(exception { $port->set_parameters({ 'inbound.peak' => 'fast' }) },
         qr/parameter 'inbound\.peak' must be an integer/, 'set_parameters: a non-number dies');
    like(exception { $port->set_parameters('inbound.peak') }, qr/set_parameters: 'params'/,
         'set_parameters: not a hash reference');
    error_code_is(exception { $net->create_port('<networkport/>') }, Sys::Virt::Error::ERR_INTERNAL_ERROR(),
                  'create_port: a port without a UUID');
    $port->delete;
    is_deeply([$net->list_all_ports], [], 'port delete');
    error_code_is(exception { $net->get_port_by_uuid($PORT) }, Sys::Virt::Error::ERR_NO_NETWORK_PORT(),
                  'get_port_by_uuid: a deleted port');
    like(exception { $net->get_port_by_uuid('abc') },
         qr/^Sys::Virt::Network::get_port_by_uuid: UUID must be either 16 unsigned bytes, or 32\/36 hex characters long/,
         'get_port_by_uuid: a bad UUID');

    # ---- stop, undefine --------------------------------------------------------
    $net->destroy;
    ok(!$net->is_active, 'destroy');
    error_code_is(exception { $net->destroy }, Sys::Virt::Error::ERR_OPERATION_INVALID(), 'destroy twice');
    $net->undefine;
    error_code_is(exception { $conn->get_network_by_name('svt-net') }, Sys::Virt::Error::ERR_NO_NETWORK(),
                  'undefine: gone');
    error_code_is(exception { $net->get_xml_description }, Sys::Virt::Error::ERR_NO_NETWORK(),
                  'a method of an undefined network');

    # A transient network: create_network, gone once destroyed.
    my $t = $conn->create_network($BRIDGE_XML, 0);
    ok($t->is_active && !$t->is_persistent, 'create_network: running, transient');
    is(Sys::Virt::Network->_new(connection => $conn, xml => $BRIDGE_XML, nocreate => 1)->get_name, 'svt-net',
       '_new(nocreate): defines');
    ok($t->is_persistent, 'now persistent');
    $t->destroy;
    $t->undefine;
    is_deeply([$conn->list_all_networks], [], 'nothing left');

    # update, through the daemon, of a network defined only (its persistent
    # definition: no dnsmasq runs).
    my $nat = $conn->define_network(<<'XML');
<network>
  <name>svt-nat</name>
  <forward mode='nat'/>
  <bridge name='svtbr1'/>
  <ip address='192.168.231.1' netmask='255.255.255.0'>
    <dhcp><range start='192.168.231.10' end='192.168.231.20'/></dhcp>
  </ip>
</network>
XML
    my $host = "<host mac='00:11:22:33:44:66' ip='192.168.231.30'/>";
    $nat->update(Sys::Virt::Network::UPDATE_COMMAND_ADD_LAST(), Sys::Virt::Network::SECTION_IP_DHCP_HOST(), -1,
                 $host, Sys::Virt::Network::UPDATE_AFFECT_CONFIG());
    like($nat->get_xml_description(Sys::Virt::Network::XML_INACTIVE()),
         qr{<host mac='00:11:22:33:44:66' ip='192.168.231.30'/>}, 'update (through the daemon): added');
    $nat->update(Sys::Virt::Network::UPDATE_COMMAND_DELETE(), Sys::Virt::Network::SECTION_IP_DHCP_HOST(), 0,
                 $host, Sys::Virt::Network::UPDATE_AFFECT_CONFIG());
    unlike($nat->get_xml_description(Sys::Virt::Network::XML_INACTIVE()), qr{00:11:22:33:44:66},
           'update (through the daemon): deleted');
    $nat->undefine;
    SKIP: {
        skip_unless_libvirt('VIR_NETWORK_CREATE_VALIDATE', 2);
        my $v = $conn->create_network($BRIDGE_XML, Sys::Virt::Network::CREATE_VALIDATE());
        ok($v->is_active, 'create_network(CREATE_VALIDATE)');
        $v->destroy;
        error_code_is(exception { $conn->create_network('<network><name>x</name><bogus/></network>',
                                                        Sys::Virt::Network::CREATE_VALIDATE()) },
                      Sys::Virt::Error::ERR_INVALID_SCHEMA(), 'create_network(CREATE_VALIDATE): against the schema');
    }

    # ---- errors ------------------------------------------------------------------
    error_code_is(exception { $conn->define_network('<network>') }, Sys::Virt::Error::ERR_XML_DETAIL(),
                  'define_network: bad XML');
    SKIP: {
        skip_unless_libvirt('VIR_NETWORK_DEFINE_VALIDATE', 1);
        error_code_is(exception { $conn->define_network($BRIDGE_XML, Sys::Virt::Network::DEFINE_VALIDATE() | 1024) },
                      Sys::Virt::Error::ERR_INVALID_ARG(), 'define_network: an unknown flag');
    }
    error_code_is(exception { $conn->get_network_by_uuid($UUID) }, Sys::Virt::Error::ERR_NO_NETWORK(),
                  'get_network_by_uuid: no such network');
    like(exception { $conn->get_network_by_uuid('0123') },
         qr/^Sys::Virt::get_network_by_uuid: UUID must be either 16 unsigned bytes, or 32\/36 hex characters long/,
         'get_network_by_uuid: a bad length');
    like(exception { $conn->get_network_by_name(undef) }, qr/get_network_by_name: 'name' must be a string, not undef/,
         'get_network_by_name(undef)');
    like(exception { $conn->get_network_by_name() }, qr/^Usage: Sys::Virt::get_network_by_name\(con, name\)/,
         'get_network_by_name: usage');
    like(exception { $conn->list_network_names('many') }, qr/list_network_names: 'maxnames' must be a number, not 'many'/,
         'list_network_names: not a number');
    error_code_is(exception { $conn->list_network_names(-1) }, Sys::Virt::Error::ERR_INVALID_ARG(),
                  'list_network_names(-1): libvirt refuses it');
    like(exception { $conn->list_all_networks(-1) }, qr/'flags' must not be negative/, 'list_all_networks(-1)');
    my %opt;
    is_deeply([$conn->list_all_networks($opt{flags})], [], 'flags from a missing hash element: 0, as undef');
    {
        package CountFetch;
        sub TIESCALAR { my ($c, $v) = @_; bless { v => $v, n => 0 }, $c }
        sub FETCH { $_[0]{n}++; $_[0]{v} }
    }
    tie my $tflags, 'CountFetch', Sys::Virt::Network::LIST_ACTIVE();
    is_deeply([$conn->list_all_networks($tflags)], [], 'tied flags');
    is(tied($tflags)->{n}, 1, 'tied flags: read once');
    like(exception { Sys::Virt::Network::get_name($conn) }, qr/'net' is not a Sys::Virt::Network object/,
         'a method on the wrong class');
    like(exception { Sys::Virt::Network::get_name(undef) }, qr/'net' is undef/, 'a method on undef');
    like(exception { Sys::Virt::Network->_new(connection => $conn) }, qr/name, uuid or xml parameters are required/,
         '_new without a key');
}

# ---- test:///default: its running network 'default' --------------------------
{
    my $conn = Sys::Virt->new(uri => 'test:///default');
    my $net = $conn->get_network_by_name('default');
    ok($net->is_active, "test driver: 'default' runs");
    is($net->get_bridge_name, 'virbr0', 'get_bridge_name');
    my $host = "<host mac='00:11:22:33:44:55' ip='192.168.122.5'/>";
    my @add = (Sys::Virt::Network::UPDATE_COMMAND_ADD_LAST(), Sys::Virt::Network::SECTION_IP_DHCP_HOST(), -1, $host);
    my @del = (Sys::Virt::Network::UPDATE_COMMAND_DELETE(), Sys::Virt::Network::SECTION_IP_DHCP_HOST(), -1, $host,
               Sys::Virt::Network::UPDATE_AFFECT_CURRENT());
    # libvirt before 7.2 hands an in-process driver (this one) the command
    # and the section swapped (its NEWS: "Fix virNetworkUpdate()"); through
    # a daemon, as above, the call works. virsh, on the same libvirt, says
    # which: where it fails, the same call here fails with its error.
    my $virsh_add = virsh_error('test:///default', qw(net-update default add-last ip-dhcp-host), $host);
    if (!defined $virsh_add) {
        $net->update(@add);
        like($net->get_xml_description, qr{<host mac='00:11:22:33:44:55' ip='192.168.122.5'/>}, 'update: added');
        $net->update(@del);
        unlike($net->get_xml_description, qr{00:11:22:33:44:55}, 'update: deleted');
    } else {
        my $e = exception { $net->update(@add) };
        error_code_is($e, Sys::Virt::Error::ERR_OPERATION_UNSUPPORTED(), 'update: fails here, as for virsh');
        is(eval { $e->message }, $virsh_add, 'update: the same error as virsh net-update');
        $e = exception { $net->update(@del) };
        is(eval { $e->message }, virsh_error('test:///default', qw(net-update default delete ip-dhcp-host --current), $host),
           'update (delete): the same error as virsh net-update');
    }
    like(exception { $net->update(1, 2, 'x', '<host/>') }, qr/update: 'parentIndex' must be a number/,
         'update: a bad index');
    $net->destroy;
    ok(!$net->is_active, 'destroy');
    is_deeply([$conn->list_defined_network_names], ['default'], 'list_defined_network_names');
    $net->create;
    ok($net->is_active, 'create');
    error_code_is(exception { $net->list_all_ports }, Sys::Virt::Error::ERR_NO_SUPPORT(),
                  'list_all_ports: not supported by the test driver');
    error_code_is(exception { $net->get_dhcp_leases }, Sys::Virt::Error::ERR_NO_SUPPORT(),
                  'get_dhcp_leases: not supported by the test driver');
}

done_testing;
