#!/usr/bin/perl
# A management script as monitoring plugins and backup tools write them:
# lists the domains with their state and statistics, then takes (and, with
# --cleanup, removes) a snapshot of each running domain.
#
#   perl examples/manage-domains.pl [--uri URI] [--snapshot NAME] [--cleanup]
#
# Default URI test:///default (libvirt's in-process test driver: one running
# domain "test", snapshots supported).
use strict;
use warnings;
use Getopt::Long qw(GetOptions);
use Sys::Virt;

my %opt = (uri => 'test:///default', snapshot => 'nightly');
GetOptions(\%opt, 'uri=s', 'snapshot=s', 'cleanup!')
    or die "usage: $0 [--uri URI] [--snapshot NAME] [--cleanup]\n";

my $conn = Sys::Virt->new(uri => $opt{uri});
my $node = $conn->get_node_info;
printf "%s on %s: %d CPUs (%s), %.1f GiB\n", $conn->get_type, $conn->get_hostname,
    $node->{cpus}, $node->{model}, $node->{memory} / 1024 / 1024;

# State names from the STATE_* constants.
my %state = map { my $n = $_; $n =~ s/^STATE_//; (Sys::Virt::Domain->$_() => lc $n) }
    grep { /^STATE_[A-Z]+$/ } keys %Sys::Virt::Domain::;

printf "%-12s %-10s %5s %10s %12s\n", qw(domain state vcpus memory cpu-time);
for my $dom (sort { $a->get_name cmp $b->get_name } $conn->list_all_domains) {
    my ($st, $reason) = $dom->get_state;
    my $info = $dom->get_info;
    printf "%-12s %-10s %5d %7d MiB %10.2f s\n", $dom->get_name, $state{$st} // $st,
        $info->{nrVirtCpu}, $info->{memory} / 1024, $info->{cpuTime} / 1e9;
}

# Bulk statistics, as monitoring plugins read them: one call for all
# domains. A driver without that call (libvirt 7.0's test driver, for one)
# says so with VIR_ERR_NO_SUPPORT: then the same figures domain by domain.
my @recs = eval {
    $conn->get_all_domain_stats(Sys::Virt::Domain::STATS_STATE() | Sys::Virt::Domain::STATS_BALLOON());
};
if (my $err = $@) {
    die $err unless ref $err && $err->code == Sys::Virt::Error::ERR_NO_SUPPORT();
    print "bulk statistics not available here (", $err->message, "): domain by domain\n";
    @recs = map {
        my ($st, $reason) = $_->get_state;
        my $info = $_->get_info;
        +{ dom => $_, data => { 'state.state' => $st, 'state.reason' => $reason,
                                'balloon.current' => $info->{memory}, 'balloon.maximum' => $info->{maxMem} } };
    } $conn->list_all_domains;
}
for my $rec (@recs) {
    my $data = $rec->{data};
    printf "stats %s: %s\n", $rec->{dom}->get_name,
        join(', ', map { "$_=$data->{$_}" } sort keys %$data);
}

# A snapshot of every running domain.
for my $dom ($conn->list_all_domains(Sys::Virt::Domain::LIST_ACTIVE())) {
    my $snap = $dom->create_snapshot(
        "<domainsnapshot><name>$opt{snapshot}</name>"
        . "<description>taken by manage-domains.pl</description></domainsnapshot>");
    printf "snapshot %s of %s taken; %s now has %d snapshot(s): %s\n",
        $snap->get_name, $dom->get_name, $dom->get_name, $dom->num_of_snapshots,
        join(' ', map { $_->get_name } $dom->list_all_snapshots);
    if ($opt{cleanup}) {
        $snap->delete;
        printf "snapshot %s deleted\n", $opt{snapshot};
    }
}
