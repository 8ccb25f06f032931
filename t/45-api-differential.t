# Differential test: the same calls on test:///default through this binding
# and through the classic XS binding (Debian's libsys-virt-perl 9.0.0, the
# oracle of behaviour), compared deeply: values, hash keys, list shapes and
# error codes. Covers the classes of part 2 (networks, interfaces, node
# devices, storage) and the object methods of part 1 not compared by
# t/41-*.t and t/43-*.t. Each snippet runs in a fresh process of each
# binding, so test:///default starts from the same state.
use strict;
use warnings;
use lib 't/lib';
use Test::More;
use Test::ClassicOracle qw(classic_available run_classic run_ours);

plan skip_all => "the classic binding is not available: " . ($Test::Classic::REASON // 'unknown reason')
    unless classic_available();

my @snippets = (
    # networks
    '$conn->num_of_networks, $conn->num_of_defined_networks',
    'sort map { $_->get_name } $conn->list_all_networks',
    'my $n = $conn->get_network_by_name("default"); ($n->get_name, $n->get_uuid_string, $n->is_active, $n->is_persistent, $n->get_autostart, $n->get_bridge_name)',
    'my $n = $conn->get_network_by_name("default"); $n->get_xml_description',
    'my $n = $conn->get_network_by_name("default"); $conn->get_network_by_uuid($n->get_uuid_string)->get_name',
    'my $n = $conn->get_network_by_name("default"); $n->destroy; ($n->is_active, $conn->num_of_networks, $conn->list_defined_network_names(10))',
    '$conn->get_network_by_name("no-such-net")',
    # interfaces
    '$conn->num_of_interfaces, $conn->num_of_defined_interfaces, $conn->list_interface_names(10)',
    'my $i = $conn->get_interface_by_name("eth1"); ($i->get_name, $i->get_mac, $i->is_active, $i->get_xml_description)',
    '$conn->get_interface_by_mac($conn->get_interface_by_name("eth1")->get_mac)->get_name',
    '$conn->get_interface_by_name("nope")',
    # storage
    'sort map { $_->get_name } $conn->list_all_storage_pools',
    '$conn->num_of_storage_pools, $conn->num_of_defined_storage_pools, $conn->list_storage_pool_names(10)',
    'my $p = $conn->get_storage_pool_by_name("default-pool"); ($p->get_name, $p->get_uuid_string, $p->is_active, $p->is_persistent, $p->get_autostart, $p->num_of_storage_volumes, $p->list_storage_vol_names(10))',
    'my $p = $conn->get_storage_pool_by_name("default-pool"); $p->get_info',
    'my $p = $conn->get_storage_pool_by_name("default-pool"); $p->get_xml_description',
    'my $p = $conn->get_storage_pool_by_name("default-pool"); my $v = $p->create_volume("<volume><name>d.img</name><capacity>1048576</capacity></volume>"); ($v->get_name, $v->get_path, $v->get_key, $v->get_info, $conn->get_storage_pool_by_volume($v)->get_name)',
    '$conn->get_storage_pool_capabilities',
    # node devices
    # (both positional arguments given: here they may be left out)
    '$conn->num_of_node_devices(undef), sort $conn->list_node_device_names(undef, 100)',
    'sort map { $_->get_name } $conn->list_all_node_devices',
    'my $d = $conn->get_node_device_by_name("scsi_host1"); ($d->get_name, $d->get_parent, $d->list_capabilities, $d->get_xml_description)',
    # the connection
    '$conn->get_type, $conn->get_uri, $conn->is_secure, $conn->is_encrypted, $conn->is_alive, $conn->get_max_vcpus(undef)',
    '$conn->get_node_info',
    '$conn->get_capabilities',
    '$conn->list_domain_ids(10), $conn->num_of_domains, $conn->num_of_defined_domains',
    'map { $_->get_name } $conn->list_domains',
    # domains, snapshots, checkpoints
    # (cpuTime moves with the clock)
    'my $i = $dom->get_info; delete $i->{cpuTime}; ($i, $dom->get_os_type, $dom->get_max_memory, $dom->get_autostart, $dom->is_updated)',
    '$dom->get_block_info("vda"), $dom->get_control_info',
    'my $s = $dom->create_snapshot("<domainsnapshot><name>s1</name></domainsnapshot>"); ($s->get_name, $s->is_current, $s->has_metadata, $dom->num_of_snapshots, $dom->has_current_snapshot, $dom->list_snapshot_names(5))',
    'my $c = $dom->create_checkpoint("<domaincheckpoint><name>c1</name></domaincheckpoint>"); ($c->get_name, map { $_->get_name } $dom->list_all_checkpoints)',
    '$dom->get_snapshot_by_name("no-such-snapshot")',
);

for my $code (@snippets) {
    is_deeply(run_ours($code), run_classic($code), "as the classic binding: $code");
}

done_testing;
