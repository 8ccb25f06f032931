#!/usr/bin/perl
# libvirt's events on AnyEvent with EV (Sys::Virt::EventImpl::AnyEvent):
# the adapter contract of t/lib/Test/EventAdapter.pm.
use strict;
use warnings;
use Test::More;
BEGIN {
    $ENV{PERL_ANYEVENT_MODEL} = 'EV';
    eval { require AnyEvent; 1 } or plan skip_all => 'AnyEvent is not installed';
    eval { require EV; 1 } or plan skip_all => 'EV is not installed';
}
use lib 't/lib';
use Test::EventAdapter;
use Sys::Virt::EventImpl::AnyEvent;

$SIG{ALRM} = sub { die "timed out\n" };
alarm($ENV{T_ALARM} || 600);

my $impl = Sys::Virt::EventImpl::AnyEvent->register;
AnyEvent::detect();
is $AnyEvent::MODEL, 'AnyEvent::Impl::EV', 'the EV backend';
Test::EventAdapter::run_all(Test::EventAdapter::AnyEvent->new(impl => $impl, ev => 1));
