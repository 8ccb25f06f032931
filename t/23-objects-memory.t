#!/usr/bin/perl
# Objects are freed: 10,000 rounds of domain, pool and volume lookups (with
# a few calls on each, and failed lookups) leave the resident size flat.
use strict;
use warnings;
use Test::More;

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
my $pool = $conn->get_storage_pool_by_name('default-pool');
my $vol = $pool->create_volume("<volume><name>mem-$$.img</name><capacity>1024</capacity></volume>");
my $path = $vol->get_path;
my $st = $conn->new_stream;

sub round {
    my $d = $conn->get_domain_by_name('test');
    my $info = $d->get_info;
    my $uuid = $d->get_uuid;
    my $x = $d->get_xml_description;
    my $p = $conn->get_storage_pool_by_name('default-pool');
    my $pi = $p->get_info;
    my $v = $p->get_volume_by_name("mem-$$.img");
    my $vi = $v->get_info;
    my $v2 = $conn->get_storage_volume_by_path($path);
    my $k = $v2->get_key;
    my @doms = $conn->list_all_domains;
    my @vols = $p->list_all_volumes;
    eval { $conn->get_domain_by_name('no-such-domain') };
    eval { $v->resize(4096) };               # unsupported: an error object
    eval { Sys::Virt::Domain::get_name(undef) };
}

round() for 1 .. 1000;    # warm up: allocator pools, libvirt caches
my $before = rss_kib();
round() for 1 .. 10_000;
my $after = rss_kib();
my $growth = $after - $before;
note("RSS before ${before} KiB, after ${after} KiB, growth ${growth} KiB over 10,000 rounds");
# One leaked object or string per round would be several MB; allow noise.
cmp_ok($growth, '<', 2048, "RSS stays flat over 10,000 rounds (grew ${growth} KiB)");

$vol->delete;
done_testing;
