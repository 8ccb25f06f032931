#!/usr/bin/perl
# Reading a stream on test:///default: the screenshot of domain "test" (a
# 33,443-byte PNG) through recv in small and large chunks and through
# recv_all / sparse_recv_all, byte-identical to what virsh writes.
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use File::Temp qw(tempdir);

use Sys::Virt;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 120;

my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = $conn->get_domain_by_name('test');

sub shot {
    my $st = $conn->new_stream(@_);
    is($dom->screenshot($st, 0), 'image/png', 'screenshot started');
    return $st;
}

# The reference: virsh's own screenshot of the same driver.
my $dir = tempdir(CLEANUP => 1);
my $reference;
if (system("virsh -q -c test:///default screenshot test $dir/ref.png >/dev/null 2>&1") == 0) {
    open my $fh, '<:raw', "$dir/ref.png" or die $!;
    local $/;
    $reference = <$fh>;
}
my $PNG_SIZE = 33_443;

sub png_ok {
    my ($data, $what) = @_;
    is(length $data, $PNG_SIZE, "$what: size");
    is(substr($data, 0, 8), "\x89PNG\r\n\x1a\n", "$what: PNG signature");
    SKIP: {
        skip 'virsh screenshot failed', 1 unless defined $reference;
        ok($data eq $reference, "$what: identical to virsh screenshot");
    }
}

for my $size (1, 7, 4096, 65536, 1 << 20, 1 << 40) {
    subtest "recv in chunks of $size" => sub {
        my $st = shot();
        my ($all, $calls, $max) = ('', 0, 0);
        while (1) {
            my $buf;
            my $n = $st->recv($buf, $size);
            $calls++;
            last if $n == 0;
            is(length $buf, $n, 'scalar holds what recv returned') if $calls < 3;
            $max = $n if $n > $max;
            $all .= $buf;
        }
        ok($max <= $size, "never more than asked ($max)");
        ok($max <= 262_144, 'never more than one message');
        png_ok($all, "recv $size");
        $st->finish;
    };
}

subtest 'recv reuses the same scalar, untouched at the end' => sub {
    my $st = shot();
    my $buf = 'sentinel';
    my $all = '';
    while ((my $n = $st->recv($buf, 1000)) > 0) {
        $all .= substr($buf, 0, $n);
        is(length $buf, $n, 'exactly the bytes read') if length($all) == $n;
    }
    is(length $buf, $PNG_SIZE % 1000, 'last chunk left as it was read, not cleared by the final 0');
    png_ok($all, 'recv into one scalar');
    $st->finish;
};

subtest 'recv into wide, numeric, reference and magical scalars' => sub {
    my $st = shot();
    my $wide = "\x{263a}" x 3;
    is($st->recv($wide, 8), 8, 'into a character string');
    ok(!utf8::is_utf8($wide), 'now bytes');
    is($wide, "\x89PNG\r\n\x1a\n", 'the bytes');
    my $num = 42;
    is($st->recv($num, 4), 4, 'into a number');
    is(length $num, 4, 'now 4 bytes');
    my $ref = [1];
    is($st->recv($ref, 4), 4, 'into a reference');
    ok(!ref $ref, 'now a plain string');
    my $str = 'abcdefgh';
    is($st->recv(substr($str, 2, 3), 4), 4, 'into a substr lvalue');
    is(length $str, 9, 'substr replaced by the 4 bytes');
    is(substr($str, 0, 2) . substr($str, 6), 'abfgh', 'around it unchanged');
    my %h;
    is($st->recv($h{x}, 4), 4, 'into a hash element');
    is(length $h{x}, 4, 'hash element set');
    $st->abort;
};

subtest 'recv_all' => sub {
    my $st = shot();
    my ($all, $calls) = ('', 0);
    $st->recv_all(sub {
        my ($s, $data, $n) = @_;
        $calls++;
        isa_ok($s, 'Sys::Virt::Stream') if $calls == 1;
        is(length $data, $n, 'data length is the count') if $calls == 1;
        $all .= $data;
        return $n;
    });
    png_ok($all, 'recv_all');
    $st->finish;
};

subtest 'recv_all: short counts are offered again' => sub {
    for my $step (1, 7, 4096) {
        my $st = shot();
        my ($all, $calls) = ('', 0);
        $st->recv_all(sub {
            my (undef, $data, $n) = @_;
            $calls++;
            my $take = $n < $step ? $n : $step;
            $all .= substr($data, 0, $take);
            return $take;
        });
        png_ok($all, "recv_all consuming $step at a time");
        ok($calls >= int($PNG_SIZE / $step), "called $calls times");
        $st->finish;
    }
};

subtest 'recv_all: handler keeping or modifying $_[1] sees no corruption' => sub {
    my $st = shot();
    my (@kept, @copies, $all);
    $st->recv_all(sub {
        my $take = $_[2] > 5000 ? 5000 : $_[2];
        push @kept, \$_[1];                  # keeps the scalar itself
        push @copies, substr($_[1], 0, $take);
        $_[1] = 'garbage' x 10;              # and scribbles on it
        return $take;
    });
    png_ok(join('', @copies), 'data offered');
    my $first = ${ $kept[0] };
    is($first, 'garbage' x 10, 'a kept scalar keeps what its handler left in it');
    $st->finish;
};

subtest 'sparse_recv_all on a stream without holes' => sub {
    my $st = shot();
    my ($all, @holes) = ('');
    my $e = exception {
        $st->sparse_recv_all(sub { $all .= $_[1]; $_[2] }, sub { push @holes, $_[1]; 0 });
    };
    if ($e) {
        isa_ok($e, 'Sys::Virt::Error', 'driver without sparse support says so');
    } else {
        png_ok($all, 'sparse_recv_all');
        is(scalar @holes, 0, 'no holes');
        $st->finish;
    }
};

subtest 'recv with RECV_STOP_AT_HOLE on a plain stream' => sub {
    my $st = shot();
    my $all = '';
    my $e = exception {
        while ((my $n = $st->recv(my $buf, 9000, Sys::Virt::Stream::RECV_STOP_AT_HOLE())) != 0) {
            die "hole in a PNG?\n" if $n == -3;
            $all .= $buf;
        }
    };
    if ($e) {
        isa_ok($e, 'Sys::Virt::Error', 'unsupported flag is libvirt\'s error');
    } else {
        png_ok($all, 'recv with RECV_STOP_AT_HOLE');
    }
};

subtest 'use Sys::Virt::Stream alone' => sub {
    my $out = `$^X -Mblib -e 'use Sys::Virt::Stream; my \$c = Sys::Virt->new(uri => "test:///default"); my \$s = Sys::Virt::Stream->new(\$c, Sys::Virt::Stream::NONBLOCK()); print ref \$s' 2>&1`;
    is($out, 'Sys::Virt::Stream', 'loads Sys::Virt by itself');
};

done_testing;
