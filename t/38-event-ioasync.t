#!/usr/bin/perl
# libvirt's events on IO::Async (Sys::Virt::EventImpl::IOAsync): the
# adapter contract of t/lib/Test/EventAdapter.pm.
use strict;
use warnings;
use Test::More;
BEGIN {
    eval { require IO::Async::Loop; 1 } or plan skip_all => 'IO::Async is not installed';
}
use lib 't/lib';
use Test::EventAdapter;
use Sys::Virt::EventImpl::IOAsync;

$SIG{ALRM} = sub { die "timed out\n" };
alarm($ENV{T_ALARM} || 600);

my $loop = IO::Async::Loop->new;
my $impl = Sys::Virt::EventImpl::IOAsync->register($loop);
note 'loop: ' . ref $loop;
Test::EventAdapter::run_all(Test::EventAdapter::IOAsync->new(impl => $impl));
