#!/usr/bin/perl
# The table-driven methods free what they make: 5,000 rounds of calls of
# every result shape (strings libvirt allocates, struct hashes, new objects,
# lists of objects, libvirt errors, argument errors) leave the resident size
# flat, and every object handle is released when its Perl object goes.
use strict;
use warnings;
use lib 't/lib';
use Test::More;
use Test::LibvirtAPI;

use Sys::Virt;

plan skip_all => 'needs /proc/self/status' unless -r '/proc/self/status';

sub rss_kib {
    open my $fh, '<', '/proc/self/status' or die "cannot read /proc/self/status: $!";
    while (<$fh>) {
        return $1 if /^VmRSS:\s+(\d+)\s+kB/;
    }
    die "no VmRSS in /proc/self/status";
}

my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = $conn->get_domain_by_name('test');
$dom->create_snapshot("<domainsnapshot><name>base</name></domainsnapshot>");
# Where the driver lacks it (libvirt 7.0's test driver), the rounds go
# through its error instead.
driver_call(virDomainGetControlInfo => sub { $dom->get_control_info },
            sub { is(ref $_[0], 'HASH', 'get_control_info: a hash') });

sub round {
    my $os = $dom->get_os_type;                           # string, libvirt-allocated
    my $bi = $dom->get_block_info('vda');                 # struct -> hash
    my $ci = eval { $dom->get_control_info };             # a hash, or libvirt's error
    my $max = $dom->get_max_memory;                       # number
    my $snap = $dom->create_snapshot("<domainsnapshot><name>s$_[0]</name></domainsnapshot>");
    my $x = $snap->get_xml_description;
    my @all = $dom->list_all_snapshots;                   # list of new objects
    my $cur = $dom->current_snapshot;                     # new object
    $snap->delete;
    eval { $dom->get_snapshot_by_name("s$_[0]") };        # libvirt error object
    eval { $dom->set_memory('many') };                    # argument error
    eval { $dom->get_block_info('no-such-disk') };
}

round($_) for 1 .. 500;    # warm up: allocator pools, libvirt caches
my $before = rss_kib();
round($_) for 501 .. 5500;
my $after = rss_kib();
my $grown = $after - $before;
note("RSS before $before kB, after 5,000 more rounds $after kB");
cmp_ok($grown, '<', 2048, "5,000 rounds of table-driven calls: RSS grew $grown kB (< 2 MiB)");
is(scalar(my @s = $dom->list_all_snapshots), 1, 'only the base snapshot is left');

done_testing;
