#!/usr/bin/perl
# A short run of the fuzzer (tools/fuzz): seeded random call sequences over
# the public API, each in its own process; none may crash, hang, panic or
# corrupt the interpreter. The long run is `make fuzz`.
use strict;
use warnings;
use Test::More;

my $seeds = $ENV{SYS_VIRT_FUZZ_SEEDS} // 100;
# Fixed seeds, so that a failure here is the same on every machine (it
# prints its seed and how to replay it); `make fuzz` covers 10,000.
my $start = $ENV{SYS_VIRT_FUZZ_START} // 1;
my @cmd = ($^X, 'tools/fuzz', '--seeds', $seeds, '--start', $start, '--jobs', 2, '--timeout', 60, '--quiet');
my $out = `@cmd 2>&1`;
my $status = $?;
is($status, 0, "tools/fuzz: $seeds sequences from seed $start") or diag $out;
like($out, qr/^fuzz: $seeds sequences .* 0 failed/m, 'all ran, none failed');
done_testing;
