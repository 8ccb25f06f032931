# Typed parameters of Sys::Virt::Domain (data/api.tsv, hand-written
# shapes): getters return hashes keyed by field name, setters take hashes,
# typed as the matching getter reports, and send only the script's keys.
use strict;
use warnings;
use lib 't/lib';
use Test::More;
use Test::LibvirtAPI;
use Sys::Virt;
use Test::ClassicOracle qw(classic_available run_classic run_ours);

my $conn = Sys::Virt->new(uri => "test:///default");
my $dom = $conn->get_domain_by_name("test");

sub dies_like(&$$) {
    my ($code, $re, $name) = @_;
    local $@;
    eval { $code->() };
    like($@, $re, $name);
}

sub dies_libvirt(&$) {
    my ($code, $name) = @_;
    local $@;
    eval { $code->() };
    isa_ok($@, "Sys::Virt::Error", $name);
}

# Scheduler: the test driver has one tunable, "weight" (it ignores a new
# value, but checks the type).
is($dom->get_scheduler_type, "fair", "get_scheduler_type");
is_deeply($dom->get_scheduler_parameters, { weight => 50 }, "get_scheduler_parameters");
$dom->set_scheduler_parameters({ weight => 10 });
dies_like { $dom->set_scheduler_parameters({ bogus => 1 }) }
    qr/^Sys::Virt::Domain::set_scheduler_parameters: unknown parameter 'bogus'/,
    "set_scheduler_parameters: unknown name (the classic binding ignores it)";
dies_like { $dom->set_scheduler_parameters({ weight => "heavy" }) }
    qr/set_scheduler_parameters: parameter 'weight' must be an integer in range, not 'heavy'/, "not a number";
dies_like { $dom->set_scheduler_parameters({ weight => -1 }) }
    qr/parameter 'weight' must be an integer in range/, "negative for an unsigned parameter";
dies_like { $dom->set_scheduler_parameters([ weight => 1 ]) }
    qr/set_scheduler_parameters: 'params' must be a HASH reference/, "array where a hash is due";
dies_like { $dom->set_scheduler_parameters({ weight => [1, 2] }) }
    qr/parameter 'weight' takes one value, not a list/, "list for a single-valued parameter";
dies_like { $dom->set_scheduler_parameters({ weight => {} }) }
    qr/must be a plain value or an ARRAY reference/, "hash as a value";
# The flags select virDomainGetSchedulerParametersFlags, which the test
# driver refuses with libvirt's string-parameter flag, as for the classic binding.
dies_libvirt { $dom->get_scheduler_parameters(Sys::Virt::Domain::AFFECT_LIVE) } "get_scheduler_parameters with flags";

# Memory
my $mem = $dom->get_memory_parameters;
is_deeply([sort keys %$mem], [qw(hard_limit soft_limit swap_hard_limit)], "get_memory_parameters keys");
$dom->set_memory_parameters({ Sys::Virt::Domain::MEMORY_HARD_LIMIT() => 1000000 });
is($dom->get_memory_parameters->{hard_limit}, 1000000, "set_memory_parameters: changed");
is($dom->get_memory_parameters->{soft_limit}, $mem->{soft_limit}, "set_memory_parameters: others kept");
dies_like { $dom->set_memory_parameters({ hard_limt => 1 }) } qr/set_memory_parameters: unknown parameter 'hard_limt'/,
    "set_memory_parameters: misspelt name";
dies_libvirt { $dom->set_memory_parameters({}) } "set_memory_parameters: nothing to set (libvirt's error)";

# Blkio: strings and numbers in one hash
driver_call(virDomainGetBlkioParameters => sub { $dom->get_blkio_parameters }, sub {
    my ($blkio) = @_;
    is($blkio->{weight}, 0, "get_blkio_parameters weight");
    is($blkio->{device_weight}, "", "get_blkio_parameters: a string parameter");
}, classic => '$dom->get_blkio_parameters');
# The setter types the values as the getter reports them (as the classic
# binding does): it calls virDomainGetBlkioParameters first.
driver_call(virDomainGetBlkioParameters => sub { $dom->set_blkio_parameters({ weight => 500 }) }, sub {
    is($dom->get_blkio_parameters->{weight}, 500, "set_blkio_parameters");
}, classic => '$dom->set_blkio_parameters({ weight => 500 })');

# NUMA
is_deeply($dom->get_numa_parameters, { numa_mode => 0, numa_nodeset => "" }, "get_numa_parameters");
$dom->set_numa_parameters({ numa_nodeset => "0" });
is($dom->get_numa_parameters->{numa_nodeset}, "0", "set_numa_parameters (a string)");

# Block I/O tune of a disk
my $io = $dom->get_block_iotune("vda");
is($io->{total_bytes_sec}, 0, "get_block_iotune");
is($io->{group_name}, "", "get_block_iotune: group_name");
$dom->set_block_iotune("vda", { total_bytes_sec_max => 5000, total_bytes_sec => 1000 });
is($dom->get_block_iotune("vda")->{total_bytes_sec}, 1000, "set_block_iotune");
dies_libvirt { $dom->set_block_iotune("vda", { total_bytes_sec_max => 10, total_bytes_sec => 1000 }) }
    "set_block_iotune: libvirt refuses a limit above its maximum";
dies_libvirt { $dom->get_block_iotune("nosuchdisk") } "get_block_iotune: unknown disk";
dies_like { $dom->set_block_iotune("vda", { nosuch => 1 }) } qr/set_block_iotune: unknown parameter 'nosuch'/,
    "set_block_iotune: unknown name";

# Interface bandwidth
my $bw = $dom->get_interface_parameters("testnet0");
is_deeply([sort keys %$bw], [qw(inbound.average inbound.burst inbound.floor inbound.peak
                                outbound.average outbound.burst outbound.peak)], "get_interface_parameters keys");
$dom->set_interface_parameters("testnet0", { "inbound.average" => 10 });
is($dom->get_interface_parameters("testnet0")->{"inbound.average"}, 10, "set_interface_parameters");
dies_like { $dom->set_interface_parameters("testnet0", { inbound_average => 10 }) }
    qr/set_interface_parameters: unknown parameter 'inbound_average'/,
    "set_interface_parameters: unknown name (the classic binding sends nothing)";
dies_libvirt { $dom->get_interface_parameters("vnet9") } "get_interface_parameters: unknown interface";

# Perf events (libvirt allocates the parameters)
my $perf = $dom->get_perf_events;
is($perf->{cmt}, 0, "get_perf_events");
ok(exists $perf->{cpu_cycles}, "get_perf_events keys");
$dom->set_perf_events({ Sys::Virt::Domain::PERF_PARAM_CMT() => 1 });
is($dom->get_perf_events->{cmt}, 1, "set_perf_events");
dies_like { $dom->set_perf_events({ cmtt => 1 }) } qr/set_perf_events: unknown parameter 'cmtt'/, "set_perf_events: unknown";

# Fixed sets of fields: unknown names die before libvirt is called.
dies_like { $dom->set_iothread(1, { poll_max => 5 }) } qr/set_iothread: unknown parameter 'poll_max'/, "set_iothread: unknown";
dies_libvirt { $dom->set_iothread(1, { Sys::Virt::Domain::IOTHREAD_PARAM_POLL_MAX_NS() => 5 }) }
    "set_iothread: no such IOThread";
SKIP: {
    # virDomainSetLaunchSecurityState came in libvirt 8.0 (before, the
    # method dies naming that release: t/08-libvirt-versions.t).
    skip_unless_libvirt('virDomainSetLaunchSecurityState', 3);
    dies_like { $dom->set_launch_security_state({ secret => "x" }) }
        qr/set_launch_security_state: unknown parameter 'secret'/, "set_launch_security_state: unknown";
    dies_libvirt { $dom->set_launch_security_state({ Sys::Virt::Domain::LAUNCH_SECURITY_SEV_SECRET() => "x" }) }
        "set_launch_security_state: unsupported here";
    dies_like { $dom->set_launch_security_state({ Sys::Virt::Domain::LAUNCH_SECURITY_SEV_SECRET_SET_ADDRESS() => "high" }) }
        qr/parameter 'sev-secret-set-address' must be an integer/, "set_launch_security_state: typed";
}
dies_libvirt { $dom->get_launch_security_info } "get_launch_security_info: unsupported here";
dies_libvirt { $dom->get_guest_info } "get_guest_info: no agent here";
dies_libvirt { $dom->get_guest_info(Sys::Virt::Domain::GUEST_INFO_OS, 0) } "get_guest_info with types";
dies_libvirt { $dom->get_guest_vcpus } "get_guest_vcpus: no agent here";
dies_like { $dom->get_guest_info("os") } qr/get_guest_info: 'types' must be a number/, "get_guest_info: types typed";

# The same values through the classic binding.
SKIP: {
    skip "the classic binding is not unpacked here", 9 unless classic_available();
    for my $code ('$dom->get_scheduler_parameters',
                  '$dom->get_memory_parameters',
                  '$dom->get_blkio_parameters',
                  '$dom->get_numa_parameters',
                  '$dom->get_block_iotune("vda")',
                  '$dom->get_interface_parameters("testnet0")',
                  '$dom->get_perf_events',
                  '$dom->set_memory_parameters({ hard_limit => 1000 }); $dom->get_memory_parameters',
                  '$dom->set_perf_events({ cmt => 1, mbmt => 1 }); $dom->get_perf_events') {
        is_deeply(run_ours($code), run_classic($code), "as the classic binding: $code");
    }
}

done_testing;
