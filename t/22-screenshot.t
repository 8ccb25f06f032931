#!/usr/bin/perl
# Domain::screenshot starts an image transfer into a stream and returns its
# MIME type (reading the image is the stream tests' business).
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);

use Sys::Virt;

my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = $conn->get_domain_by_name('test');

my $st = $conn->new_stream;
isa_ok($st, 'Sys::Virt::Stream', 'new_stream');
is($dom->screenshot($st, 0), 'image/png', 'screenshot returns the MIME type');

my $st2 = Sys::Virt::Stream->new($conn, 0);
is($dom->screenshot($st2, 0, 0), 'image/png', 'with explicit flags, on a stream from Sys::Virt::Stream->new');

like(exception { $dom->screenshot($st, 'first') },
     qr/^Sys::Virt::Domain::screenshot: 'screen' must be a number, not 'first'/, 'screen not a number');
like(exception { $dom->screenshot($st, undef) },
     qr/^Sys::Virt::Domain::screenshot: 'screen' must be a number, not undef/, 'screen undef');
like(exception { $dom->screenshot($dom, 0) },
     qr/^Sys::Virt::Domain::screenshot: 'st' is not a Sys::Virt::Stream object/, 'a domain as the stream');
like(exception { Sys::Virt::Domain::screenshot(undef, $st, 0) },
     qr/^Sys::Virt::Domain::screenshot: 'dom' is undef/, 'undef domain');

# A libvirt failure (the test driver takes no flags) is a Sys::Virt::Error.
my $e = exception { $dom->screenshot($conn->new_stream, 0, 1) };
isa_ok($e, 'Sys::Virt::Error', 'screenshot with unsupported flags');
is(eval { $e->code }, Sys::Virt::Error::ERR_INVALID_ARG(), 'code ERR_INVALID_ARG');

# The domain keeps working afterwards.
is($dom->screenshot($conn->new_stream, 0), 'image/png', 'screenshot after a failure');

done_testing;
