#!/usr/bin/perl
# Non-blocking whole-file transfers on an event loop written in Perl (a
# Sys::Virt::EventImpl subclass, t/lib/Test/SelectLoop.pm), against a
# private libvirtd: only the Perl loop's iterations drive them.
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use Test::SelectLoop;
use Test::TransferNonblock;

use Sys::Virt;
use Sys::Virt::Event;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 300;

my $loop = Test::SelectLoop->new;
Sys::Virt::Event::register($loop);

Test::TransferNonblock::run(spin => sub { $loop->run_until(@_) });

done_testing;
