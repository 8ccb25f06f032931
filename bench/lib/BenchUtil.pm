package BenchUtil;

# Tiny helpers shared by the bench/cases/*.pl scripts. Core modules only, and
# nothing that knows which Sys::Virt binding is loaded.
#
# Loading this costs next to nothing (no Exporter, constant or Time::HiRes
# at load time): the cases measured from outside (wall, CPU and RSS of the
# whole process, beside virsh) must not pay for the harness. A case script
# finds this file with one BEGIN line, not FindBin and lib (about 12 ms of
# CPU together).

use strict;
use warnings;

my %EXPORT_OK = map { $_ => 1 } qw(now cpu result rss_kib hwm_kib in_data SEEK_DATA SEEK_HOLE);

sub import {
    my ($class, @names) = @_;
    my $caller = caller;
    no strict 'refs';
    for my $name (@names) {
        die "BenchUtil does not export $name\n" unless $EXPORT_OK{$name};
        # A script that times itself loads Time::HiRes now, not at its
        # first measurement (RSS growth would count the module).
        require Time::HiRes if $name eq 'now' || $name eq 'cpu';
        *{"${caller}::$name"} = \&{$name};
    }
}

# Linux values (Fcntl does not export them).
sub SEEK_DATA () { 3 }
sub SEEK_HOLE () { 4 }
sub ENXIO () { 6 }
sub EINVAL () { 22 }

# Monotonic wall clock, seconds. Time::HiRes is loaded by importing this
# or cpu: only the cases that time themselves from inside pay for it.
sub now { Time::HiRes::clock_gettime(Time::HiRes::CLOCK_MONOTONIC()) }

# CPU (user+sys, all threads) of this process so far, seconds, ns resolution.
sub cpu { Time::HiRes::clock_gettime(Time::HiRes::CLOCK_PROCESS_CPUTIME_ID()) }

sub _status_field {
    my ($field) = @_;
    open my $fh, '<', '/proc/self/status' or return -1;
    while (<$fh>) {
        return $1 if /^\Q$field\E:\s+(\d+)\s+kB/;
    }
    return -1;
}

# Current and peak resident set size, KiB.
sub rss_kib { _status_field('VmRSS') }
sub hwm_kib { _status_field('VmHWM') }

# The one line the runner parses: "BENCH key=value key=value ...".
sub result {
    my (%kv) = @_;
    print "BENCH ", join(' ', map { "$_=$kv{$_}" } sort keys %kv), "\n";
}

# Mirror of libvirt's virFileInData: ($in_data, $section_len) for the current
# position of $fh, which is left unchanged.
sub in_data {
    my ($fh) = @_;
    my $cur = sysseek($fh, 0, 1) // die "sysseek: $!";
    my ($in, $len);
    my $data = sysseek($fh, $cur, SEEK_DATA);
    if (!defined $data) {
        die "SEEK_DATA: $!" unless $! == ENXIO || $! == EINVAL;
        my $end = sysseek($fh, 0, 2) // die "sysseek end: $!";
        ($in, $len) = (0, $end - $cur);       # trailing hole (or EOF)
    } elsif ($data > $cur) {
        ($in, $len) = (0, $data - $cur);      # in a hole
    } else {
        my $end = sysseek($fh, $cur, SEEK_HOLE) // die "SEEK_HOLE: $!";
        ($in, $len) = (1, $end - $cur);       # in data
    }
    defined sysseek($fh, $cur, 0) or die "sysseek back: $!";
    return ($in, $len);
}

1;
