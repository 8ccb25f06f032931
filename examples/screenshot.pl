#!/usr/bin/perl
# Saves a screenshot of a domain through a stream.
#
# usage: perl -Mblib examples/screenshot.pl [URI [DOMAIN [FILE [SCREEN]]]]
#   e.g. perl -Mblib examples/screenshot.pl test:///default test shot.png
use strict;
use warnings;
use Sys::Virt;

my ($uri, $name, $file, $screen) = @ARGV;
$uri //= 'test:///default';
$name //= 'test';
$file //= 'screenshot.out';
$screen //= 0;

my $conn = Sys::Virt->new(uri => $uri);
my $dom = $conn->get_domain_by_name($name);
my $st = $conn->new_stream;
my $mime = $dom->screenshot($st, $screen);

open my $fh, '>:raw', $file or die "$file: $!\n";
my $bytes = 0;
$st->recv_all(sub {
    my ($st, $data, $nbytes) = @_;
    my $n = syswrite $fh, $data, $nbytes;
    die "$file: $!\n" unless defined $n;
    $bytes += $n;
    return $n;
});
$st->finish;
close $fh or die "$file: $!\n";
print "$file: $bytes bytes of $mime\n";
