#!/usr/bin/perl
# libvirt's events on Mojo::IOLoop (Sys::Virt::EventImpl::Mojo), on the
# reactor Mojo picks (EV when installed): the adapter contract of
# t/lib/Test/EventAdapter.pm.
use strict;
use warnings;
use Test::More;
BEGIN {
    eval { require Mojo::IOLoop; 1 } or plan skip_all => 'Mojolicious is not installed';
}
use lib 't/lib';
use Test::EventAdapter;
use Sys::Virt::EventImpl::Mojo;

$SIG{ALRM} = sub { die "timed out\n" };
alarm($ENV{T_ALARM} || 600);

my $impl = Sys::Virt::EventImpl::Mojo->register;
note 'reactor: ' . ref $impl->reactor;
Test::EventAdapter::run_all(Test::EventAdapter::Mojo->new(impl => $impl));
