# The management and event examples run as they are, on test:///default.
use strict;
use warnings;
use Test::More;
use File::Basename qw(dirname);
use File::Spec;
use lib 't/lib';
use Test::LibvirtAPI;
use Sys::Virt;

my $root = File::Spec->rel2abs(File::Spec->catdir(dirname(__FILE__), File::Spec->updir));
my @inc = ("-I$root/blib/lib", "-I$root/blib/arch");

sub run_example {
    my (@args) = @_;
    open my $fh, '-|', $^X, @inc, @args or die "cannot run @args: $!";
    local $/;
    my $out = <$fh>;
    close $fh;
    return ($out // '', $?);
}

my ($out, $status) = run_example("$root/examples/manage-domains.pl", '--snapshot', 'ex1', '--cleanup');
is($status, 0, 'manage-domains.pl exits 0');
like($out, qr/^test\s+running\s+\d+\s+\d+ MiB/m, 'lists the test domain, running, with vCPUs and memory');
like($out, qr/^stats test: .*state\.state=1/m, 'statistics of the test domain');
# In bulk where the driver has virConnectGetAllDomainStats; where it lacks
# it (libvirt 7.0's test driver), the example says so, with libvirt's
# message, and reads them domain by domain.
my $bulk = driver_call(virConnectGetAllDomainStats =>
    sub { Sys::Virt->new(uri => 'test:///default')->get_all_domain_stats(Sys::Virt::Domain::STATS_STATE()) },
    sub { pass('the driver has bulk statistics') });
if ($bulk) {
    unlike($out, qr/bulk statistics not available/, 'read in bulk');
} else {
    like($out, qr/^bulk statistics not available here \(this function is not supported by the connection driver: virConnectGetAllDomainStats\): domain by domain$/m,
         'says the driver lacks bulk statistics, as libvirt does');
    like($out, qr/^stats test: balloon\.current=\d+, balloon\.maximum=\d+, state\.reason=\d+, state\.state=1$/m,
         'and reads them domain by domain');
}
like($out, qr/^snapshot ex1 of test taken; test now has 1 snapshot\(s\): ex1$/m, 'takes a snapshot');
like($out, qr/^snapshot ex1 deleted$/m, 'and removes it');

($out, $status) = run_example("$root/examples/event-monitor.pl", '--demo', '--timeout', '1');
is($status, 0, 'event-monitor.pl exits 0');
for my $family ('domain', 'pool', 'network', 'node device') {
    like($out, qr/^watching \d+ \Q$family\E event ID\(s\)$/m, "registers every $family event ID");
}
like($out, qr/^secret events not available here: .*not supported/m, 'says the test driver has no secret events');
like($out, qr/^domain test: lifecycle \(suspended 0\)$/m, 'domain lifecycle event');
like($out, qr/^pool default-pool: lifecycle \(stopped 0\)$/m, 'pool lifecycle event');
like($out, qr/^network default: lifecycle \(started 0\)$/m, 'network lifecycle event');
like($out, qr/^node device \w+: lifecycle \(created 0\)$/m, 'node device lifecycle event');

SKIP: {
    skip 'Future is not installed (examples/fleet-status.pl needs it)', 4 unless eval { require Future; 1 };
    ($out, $status) = run_example("$root/examples/fleet-status.pl", 'test:///default', 'nosuch:///x', 'test:///default');
    is($status, 0, 'fleet-status.pl exits 0');
    like($out, qr/^\[1\] test:\/\/\/default \(\S+\): 1 domain\(s\)\n\s+test\s+running\s+\d+ vCPU\s+\d+ MiB$/m, 'host 1: its domain and state');
    like($out, qr/^\[2\] nosuch:\/\/\/x: failed: \S/m, 'host 2: the failure, with libvirt\'s message');
    like($out, qr/^\[3\] test:\/\/\/default /m, 'host 3 too');
}

SKIP: {
    skip 'Mojolicious is not installed (examples/fleet-web-mojo.pl needs it)', 4 unless eval { require Mojolicious::Lite; 1 };
    # (`mojo get` serves the app on 127.0.0.1 and asks it there.)
    require Test::Loopback;
    my $why = Test::Loopback::no_loopback();
    skip "examples/fleet-web-mojo.pl get: $why", 4 if $why;
    local $ENV{SYS_VIRT_URIS} = 'test:///default nosuch:///x';
    ($out, $status) = run_example("$root/examples/fleet-web-mojo.pl", 'get', '/fleet.json');
    is($status, 0, 'fleet-web-mojo.pl get /fleet.json exits 0');
    like($out, qr/"uri":"test:\\\/\\\/\\\/default"/, 'the test host');
    like($out, qr/"domains":\[\{[^]]*"name":"test"[^]]*"state":1/, 'its domain, running (asked with the _p forms)');
    like($out, qr/\{"error":"[^"]+","uri":"nosuch:/, 'the host that fails: its error');
}

done_testing;
