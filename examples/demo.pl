#!/usr/bin/perl
# The main demonstration (see README). Usage: perl -Mblib examples/demo.pl [URI]
use strict;
use warnings;
use Sys::Virt;

my $uri = shift // 'test:///default';
my $conn = Sys::Virt->new(uri => $uri);
printf "connected to %s (%s driver), libvirt %d\n",
    $conn->get_uri, $conn->get_type, $conn->get_library_version;
