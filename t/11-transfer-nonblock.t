#!/usr/bin/perl
# Non-blocking whole-file transfers on libvirt's default event loop
# (register_default / run_default), against a private libvirtd.
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use Time::HiRes ();
use lib 't/lib';
use Test::TransferNonblock;

use Sys::Virt;
use Sys::Virt::Event;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 300;

Sys::Virt::Event::register_default();
# run_default blocks for ever with nothing registered: a timer.
my $timer = Sys::Virt::Event::add_timeout(50, sub {});

sub spin {
    my ($cond, $secs) = @_;
    my $end = Time::HiRes::time() + ($secs // 60);
    until ($cond->()) {
        return 0 if Time::HiRes::time() > $end;
        Sys::Virt::Event::run_default();
    }
    return 1;
}

Test::TransferNonblock::run(spin => \&spin, more => sub {
    my ($vol, $dir) = @_;
    subtest 'an on_done that dies: run_default dies with it, after the transfer' => sub {
        my $ran;
        $vol->download_file("$dir/dies", on_done => sub { $ran = 1; die "on_done died\n" });
        my $e;
        my $end = Time::HiRes::time() + 60;
        until ($ran && defined $e || Time::HiRes::time() > $end) {
            my $x = exception { Sys::Virt::Event::run_default() };
            $e //= $x;
        }
        is($e, "on_done died\n", 'the exception comes out of run_default');
        ok(-s "$dir/dies", 'the transfer itself succeeded');
    };
});

done_testing;
