#!/usr/bin/perl
# Checks tools/gen-constants.pl against the installed libvirt's API XML:
# well-known values, plausible counts per package, and that the generated
# C header compiles and agrees with --list.
# Perl 5.20 or newer (Debian 11 has 5.32): signatures, experimental there.
use v5.20;
use strict;
use warnings;
use feature 'signatures';
no warnings 'experimental::signatures';
use Test::More;
use File::Spec;
use File::Temp qw(tempdir);
use FindBin;

my $root = File::Spec->catdir($FindBin::Bin, File::Spec->updir);
my $gen  = File::Spec->catfile($root, 'tools', 'gen-constants.pl');
my $tsv  = File::Spec->catfile($root, 'data', 'constants.tsv');
my $api  = $ENV{LIBVIRT_API_XML} // '/usr/share/libvirt/api/libvirt-api.xml';

plan skip_all => "$api not installed" unless -r $api;
ok(-r $gen, 'generator exists');
ok(-r $tsv, 'constants.tsv exists');

# All 16 packages of the classic binding.
my @packages = qw(Sys::Virt Sys::Virt::Error Sys::Virt::Stream Sys::Virt::Event
                  Sys::Virt::Domain Sys::Virt::StoragePool Sys::Virt::StorageVol
                  Sys::Virt::Network Sys::Virt::NetworkPort Sys::Virt::Interface
                  Sys::Virt::NodeDevice Sys::Virt::Secret Sys::Virt::NWFilter
                  Sys::Virt::NWFilterBinding Sys::Virt::DomainSnapshot
                  Sys::Virt::DomainCheckpoint);

sub run_gen (@args) {
    open my $fh, '-|', $^X, $gen, '--api', $api, @args or die "cannot run $gen: $!";
    local $/;
    my $out = <$fh>;
    close $fh;
    return ($? >> 8, $out // '');
}

# The names the installed libvirt defines.
my %defined;
{
    open my $fh, '<', $api or die "$api: $!";
    local $/;
    my $xml = <$fh>;
    $defined{$1} = 1 while $xml =~ /<(?:enum|macro) name='(\w+)'/g;
}

# tsv: entries and kinds per package, and how many of them the installed
# libvirt defines (libvirt 7.0 has no NWFilter or NWFilterBinding constant)
my (%tsv_count, %kind, %present);
{
    open my $fh, '<', $tsv or die "$tsv: $!";
    while (<$fh>) {
        chomp;
        my ($pkg, $name, $lv, $kind) = split /\t/;
        next if $pkg eq 'package';
        $tsv_count{$pkg}++;
        $present{$pkg}++ if $defined{$lv};
        $kind{"$pkg\::$name"} = $kind;
    }
}

# lower bounds that any libvirt this project supports comfortably exceeds
my %min = ('Sys::Virt' => 40, 'Sys::Virt::Error' => 100, 'Sys::Virt::Stream' => 5,
           'Sys::Virt::Event' => 4, 'Sys::Virt::Domain' => 400,
           'Sys::Virt::StoragePool' => 25, 'Sys::Virt::StorageVol' => 10);

my (%list, %order);
my $total = 0;
for my $pkg (@packages) {
    my ($rc, $out) = run_gen('--list', $pkg);
    is($rc, 0, "--list $pkg exits 0");
    my @lines = split /\n/, $out;
    my %seen;
    my $bad = 0;
    for my $l (@lines) {
        my ($name, $value) = $l =~ /^([A-Z][A-Z0-9_]*)\t(.*)$/ or do { $bad++; diag("bad line: $l"); next };
        $bad++, diag("duplicate $pkg\::$name") if $seen{$name}++;
        my $kind = $kind{"$pkg\::$name"} // do { $bad++; diag("$pkg\::$name not in tsv"); next };
        if ($kind eq 'int') { $bad++, diag("$pkg\::$name=$value not an integer") unless $value =~ /^-?\d+$/ }
        if ($kind eq 'ull') { $bad++, diag("$pkg\::$name=$value not unsigned") unless $value =~ /^\d+$/ }
        $list{$pkg}{$name} = $value;
        push @{$order{$pkg}}, $name;
    }
    is($bad, 0, "$pkg: well-formed lines, known names, integer values");
    my $n = @lines;
    $total += $n;
    my $min = $min{$pkg} // ($present{$pkg} ? 1 : 0);
    cmp_ok($n, '>=', $min, "$pkg: at least $min constants ($n)");
    is($n, $present{$pkg} // 0, "$pkg: every name of the tsv this libvirt defines");
    cmp_ok($n, '<=', $tsv_count{$pkg}, "$pkg: no more than the tsv lists ($tsv_count{$pkg})");
}

my %expect = (
    'Sys::Virt::Stream' => { NONBLOCK => 1, EVENT_READABLE => 1, EVENT_WRITABLE => 2,
                             EVENT_ERROR => 4, EVENT_HANGUP => 8, RECV_STOP_AT_HOLE => 1 },
    'Sys::Virt::Event'  => { HANDLE_READABLE => 1, HANDLE_WRITABLE => 2,
                             HANDLE_ERROR => 4, HANDLE_HANGUP => 8 },
    'Sys::Virt::Error'  => { ERR_OK => 0, ERR_NO_DOMAIN => 42, ERR_INTERNAL_ERROR => 1,
                             FROM_NONE => 0, LEVEL_NONE => 0, LEVEL_WARNING => 1, LEVEL_ERROR => 2 },
    'Sys::Virt'         => { CONNECT_RO => 1,
                             NODE_CPU_STATS_ALL_CPUS => -1,              # negative
                             IDENTITY_USER_NAME => 'user-name',          # str
                             NODE_CPU_STATS_IDLE => 'idle' },
    'Sys::Virt::Domain' => { STATE_RUNNING => 1, STATE_SHUTOFF => 5,
                             AFFECT_CURRENT => 0, AFFECT_LIVE => 1, AFFECT_CONFIG => 2,
                             MEMORY_PARAM_UNLIMITED => '9007199254740991',  # ull, raw macro text
                             SCHEDULER_CPU_SHARES => 'cpu_shares',         # str
                             BLKIO_WEIGHT => 'weight',
                             GET_ALL_STATS_ENFORCE_STATS => '2147483648',   # 1U << 31
                             AGENT_RESPONSE_TIMEOUT_BLOCK => -2 },
    'Sys::Virt::StoragePool' => { BUILD_NEW => 0, STATE_RUNNING => 2 },
    'Sys::Virt::StorageVol'  => { TYPE_FILE => 0, DELETE_NORMAL => 0 },
);
for my $pkg (sort keys %expect) {
    for my $name (sort keys %{$expect{$pkg}}) {
        is($list{$pkg}{$name}, $expect{$pkg}{$name}, "$pkg\::$name = $expect{$pkg}{$name}");
    }
}
is($kind{'Sys::Virt::Domain::MEMORY_PARAM_UNLIMITED'}, 'ull', 'MEMORY_PARAM_UNLIMITED is an ull in the tsv');

# ---- the C header compiles and agrees with --list ----
SKIP: {
    my ($cc) = grep { -x } map { File::Spec->catfile($_, 'cc') } File::Spec->path;
    skip 'no cc in PATH', 4 unless $cc;
    my $dir = tempdir(CLEANUP => 1);
    my $h = File::Spec->catfile($dir, 'svr_constants.h');
    my ($rc) = run_gen('--c', $h);
    is($rc, 0, '--c exits 0');
    my $c = File::Spec->catfile($dir, 'main.c');
    open my $fh, '>', $c or die "$c: $!";
    print $fh <<'C';
#include <stdio.h>
#include "svr_constants.h"
int main(void) {
    size_t i;
    printf("%zu\n", (size_t)SVR_CONSTANTS_COUNT);
    for (i = 0; i < SVR_CONSTANTS_COUNT; i++) {
        const svr_constant *c = &svr_constants[i];
        if (c->kind == SVR_CONST_INT)      printf("%s\t%s\t%lld\n", c->package, c->name, c->ival);
        else if (c->kind == SVR_CONST_ULL) printf("%s\t%s\t%llu\n", c->package, c->name, c->uval);
        else                               printf("%s\t%s\t%s\n",   c->package, c->name, c->sval);
    }
    return 0;
}
C
    close $fh;
    my $exe = File::Spec->catfile($dir, 'main');
    my $cmd = "$cc -std=c99 -Wall -Werror -o '$exe' '$c' 2>&1";
    my $msg = `$cmd`;
    is($?, 0, 'generated header compiles warning-free') or diag($msg);
    skip 'compile failed', 2 if $?;
    my @out = split /\n/, `'$exe'`;
    my $count = shift @out;
    is($count, $total, "SVR_CONSTANTS_COUNT ($count) equals the --list total ($total)");
    my @want = map { my $p = $_; map { "$p\t$_\t$list{$p}{$_}" } @{$order{$p}} } @packages;
    my %rank = map { $packages[$_] => $_ } 0 .. $#packages;
    # header is in tsv order; compare as sets per package keeping order within a package
    my @got = map { $out[$_] } sort { $rank{(split /\t/, $out[$a])[0]} <=> $rank{(split /\t/, $out[$b])[0]} || $a <=> $b } 0 .. $#out;
    is_deeply(\@got, \@want, 'header entries equal --list output, value for value');
}

done_testing();
