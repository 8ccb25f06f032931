#!/usr/bin/perl
# libvirt's default event loop driving handles and timers of the script.
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use IO::Handle;

use Sys::Virt::Event;    # alone: loads what it needs
use lib 't/lib';
use Test::DefaultLoop;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 120;

my $R = Sys::Virt::Event::HANDLE_READABLE();
my $W = Sys::Virt::Event::HANDLE_WRITABLE();
is_deeply [$R, $W, Sys::Virt::Event::HANDLE_ERROR(), Sys::Virt::Event::HANDLE_HANGUP()], [1, 2, 4, 8], 'HANDLE_* constants';

# Before a loop is registered: clean errors, no crash.
like exception { Sys::Virt::Event::add_timeout(10, sub {}) }, qr/add_timeout/, 'add_timeout before register dies';

Sys::Virt::Event::register_default();

# Runs the loop until $cond or $max iterations; a guard timer keeps it from blocking.
my $guard = Sys::Virt::Event::add_timeout(20, sub {});

subtest 'argument checks' => sub {
    like exception { Sys::Virt::Event::add_handle('x', $R, sub {}) }, qr/add_handle: 'fd' must be a number/, 'fd';
    like exception { Sys::Virt::Event::add_handle(0, $R, 'nope') }, qr/add_handle: 'coderef' must be a CODE reference/, 'coderef';
    like exception { Sys::Virt::Event::add_handle(-1, $R, sub {}) }, qr/invalid file descriptor/, 'negative fd';
    like exception { Sys::Virt::Event::add_timeout(10, {}) }, qr/add_timeout: 'coderef' must be a CODE reference/, 'timeout coderef';
    like exception { Sys::Virt::Event::add_timeout(undef, sub {}) }, qr/'ms' must be a number, not undef/, 'ms undef';
    like exception { Sys::Virt::Event::remove_handle(987654) }, qr/remove_handle: no handle with watch 987654/, 'unknown watch';
    like exception { Sys::Virt::Event::remove_timeout(987654) }, qr/remove_timeout: no timer with id 987654/, 'unknown timer';
    like exception { Sys::Virt::Event::update_handle('w', 1) }, qr/'watch' must be a number/, 'update_handle watch';
    is exception { Sys::Virt::Event::update_timeout(987654, 10) }, undef, 'updating an unknown timer is ignored (as libvirt)';
};

subtest 'readable and writable handles' => sub {
    pipe(my $r, my $w) or die;
    $w->autoflush(1);
    my @rd;
    my $rw = Sys::Virt::Event::add_handle(fileno($r), $R, sub { push @rd, [@_]; sysread($r, my $buf, 100) });
    ok $rw > 0, "read watch $rw";
    my @wr;
    my $ww = Sys::Virt::Event::add_handle(fileno($w), $W, sub { push @wr, [@_] });
    isnt $ww, $rw, 'watch ids unique';
    ok spin(sub { @wr >= 1 }), 'writable fires';
    is_deeply $wr[0], [$ww, fileno($w), $W], 'callback gets ($watch, $fd, $events)';
    is scalar(@rd), 0, 'nothing to read yet';
    # disable the writable watch
    Sys::Virt::Event::update_handle($ww, 0);
    Sys::Virt::Event::run_default() for 1 .. 3;
    my $n = @wr;
    Sys::Virt::Event::run_default() for 1 .. 5;
    is scalar(@wr), $n, 'disabled watch stays quiet';
    syswrite($w, "x");
    ok spin(sub { @rd >= 1 }), 'readable fires';
    is_deeply $rd[0], [$rw, fileno($r), $R], 'readable event';
    # enable again
    Sys::Virt::Event::update_handle($ww, $W);
    ok spin(sub { @wr > $n }), 'enabled again';
    Sys::Virt::Event::remove_handle($ww);
    Sys::Virt::Event::remove_handle($rw);
    $n = @wr;
    syswrite($w, "y");
    Sys::Virt::Event::run_default() for 1 .. 5;
    is scalar(@wr), $n, 'removed watch quiet';
    is scalar(@rd), 1, 'removed read watch quiet';
    like exception { Sys::Virt::Event::remove_handle($rw) }, qr/no handle with watch $rw/, 'removing twice dies';
};

subtest 'timers' => sub {
    my (@t0, @t10, @off);
    my $a = Sys::Virt::Event::add_timeout(0, sub { push @t0, [@_] });
    my $b = Sys::Virt::Event::add_timeout(10, sub { push @t10, [@_] });
    my $c = Sys::Virt::Event::add_timeout(-1, sub { push @off, [@_] });
    my %ids = map { $_ => 1 } $a, $b, $c, $guard;
    is scalar(keys %ids), 4, 'timer ids unique';
    ok spin(sub { @t0 >= 5 && @t10 >= 2 }), '0 ms and 10 ms timers fire repeatedly';
    is_deeply $t0[0], [$a], 'callback gets ($timer)';
    is_deeply $t10[0], [$b], 'callback gets ($timer)';
    is scalar(@off), 0, 'a -1 timer never fires';
    Sys::Virt::Event::update_timeout($c, 0);
    ok spin(sub { @off >= 1 }), 'enabled by update_timeout';
    Sys::Virt::Event::update_timeout($a, -1);
    Sys::Virt::Event::run_default() for 1 .. 2;
    my $n = @t0;
    Sys::Virt::Event::run_default() for 1 .. 5;
    is scalar(@t0), $n, 'disabled by update_timeout';
    Sys::Virt::Event::remove_timeout($_) for $a, $b, $c;
    my @counts = (scalar @t0, scalar @t10, scalar @off);
    Sys::Virt::Event::run_default() for 1 .. 5;
    is_deeply [scalar @t0, scalar @t10, scalar @off], \@counts, 'removed timers quiet';
};

subtest 'callback order within an iteration' => sub {
    my @order;
    my @t = map { my $i = $_; Sys::Virt::Event::add_timeout(0, sub { push @order, $i }) } 1 .. 3;
    ok spin(sub { @order >= 3 }), 'all fire';
    is_deeply [@order[0 .. 2]], [1, 2, 3], 'in the order they were added';
    Sys::Virt::Event::remove_timeout($_) for @t;
};

subtest 'callbacks that die' => sub {
    my $calls = 0;
    my $t = Sys::Virt::Event::add_timeout(0, sub { $calls++; die "boom $calls\n" });
    my $other = 0;
    my $t2 = Sys::Virt::Event::add_timeout(0, sub { $other++; die { code => 42 } });
    my $e;
    for (1 .. 50) { $e = exception { Sys::Virt::Event::run_default() }; last if $e }
    is $e, "boom 1\n", 'run_default dies with the first exception, unchanged';
    is $other, 1, 'the iteration finished: the next callback ran too';
    Sys::Virt::Event::remove_timeout($t);
    $e = undef;
    for (1 .. 50) { $e = exception { Sys::Virt::Event::run_default() }; last if $e }
    is ref($e), 'HASH', 'an object exception stays an object';
    is $e->{code}, 42, '... the same one';
    Sys::Virt::Event::remove_timeout($t2);
    my $ok = 0;
    my $t3 = Sys::Virt::Event::add_timeout(0, sub { $ok++ });
    ok spin(sub { $ok >= 2 }), 'the loop stays usable';
    Sys::Virt::Event::remove_timeout($t3);
    # a handle callback that dies
    pipe(my $r, my $w) or die;
    my $h = Sys::Virt::Event::add_handle(fileno($w), $W, sub { die "handle boom\n" });
    $e = undef;
    for (1 .. 50) { $e = exception { Sys::Virt::Event::run_default() }; last if $e }
    is $e, "handle boom\n", 'handle callback exception';
    Sys::Virt::Event::remove_handle($h);
};

subtest 'callbacks are released' => sub {
    require Scalar::Util;
    my $obj = bless {}, 'Tracker';
    my $weak = $obj;
    Scalar::Util::weaken($weak);
    my $t = Sys::Virt::Event::add_timeout(-1, do { my $o = $obj; sub { $o } });
    undef $obj;
    ok defined $weak, 'held while registered';
    Sys::Virt::Event::remove_timeout($t);
    Sys::Virt::Event::run_default() for 1 .. 3;
    ok !defined $weak, 'released after removal';
};

Sys::Virt::Event::remove_timeout($guard);
subtest 'callback arguments kept or changed by a callback stay theirs' => sub {
    # The glue reuses argument scalars between dispatches: one a callback
    # kept a reference to, or changed, must not change under it.
    my (@kept, @seen);
    my @t;
    for my $i (0 .. 1) {
        push @t, Sys::Virt::Event::add_timeout(0, sub {
            push @seen, "$_[0]";
            push @kept, [\$_[0], "$_[0]"] if @kept < 6;
            $_[0] .= 'changed';
        });
    }
    Sys::Virt::Event::run_default() for 1 .. 10;
    Sys::Virt::Event::remove_timeout($_) for @t;
    my %ids = map { $_ => 1 } @t;
    is scalar(grep { !$ids{$_} } @seen), 0, 'every call got a timer id, never a changed value';
    is scalar(@kept), 6, 'references kept';
    is scalar(grep { ${ $_->[0] } ne $_->[1] . 'changed' } @kept), 0,
        'a kept argument holds what its own call left in it';
};

# run_default calls the script's callbacks once libvirt's iteration is over
# (xs/events.c): what a callback does to a watch or timer the same iteration
# dispatched after it must be seen as libvirt's own loop sees it.
subtest 'a callback changes what the same iteration dispatched' => sub {
    my ($a_calls, $b_calls) = (0, 0);
    my $tb;
    my $ta = Sys::Virt::Event::add_timeout(0, sub {
        $a_calls++;
        Sys::Virt::Event::update_timeout($tb, -1) if $a_calls == 1;
    });
    $tb = Sys::Virt::Event::add_timeout(0, sub { $b_calls++ });
    Sys::Virt::Event::run_default();
    is $a_calls, 1, 'the first timer fired';
    is $b_calls, 0, 'the one it disabled in the same iteration did not';
    Sys::Virt::Event::update_timeout($tb, 0);
    Sys::Virt::Event::run_default();
    is $b_calls, 1, 'enabled again, it fires';

    my $removed_calls = 0;
    my $tc;
    Sys::Virt::Event::remove_timeout($ta);
    $ta = Sys::Virt::Event::add_timeout(0, sub {
        Sys::Virt::Event::remove_timeout($tc) if defined $tc;
        undef $tc;
    });
    $tc = Sys::Virt::Event::add_timeout(0, sub { $removed_calls++ });
    Sys::Virt::Event::remove_timeout($tb);
    Sys::Virt::Event::run_default() for 1 .. 3;
    is $removed_calls, 0, 'a timer removed by an earlier callback of its iteration never fires';

    pipe(my $r, my $w) or die;
    my $handle_calls = 0;
    my $hw;
    Sys::Virt::Event::remove_timeout($ta);
    $ta = Sys::Virt::Event::add_timeout(0, sub { Sys::Virt::Event::update_handle($hw, 0) });
    $hw = Sys::Virt::Event::add_handle(fileno($w), $W, sub { $handle_calls++ });
    Sys::Virt::Event::run_default() for 1 .. 3;
    is $handle_calls, 0, 'a watch an earlier callback set to no events gets no call';
    Sys::Virt::Event::remove_timeout($ta);
    Sys::Virt::Event::update_handle($hw, $W);
    ok spin(sub { $handle_calls > 0 }), 'and gets them again once it asks';
    Sys::Virt::Event::remove_handle($hw);
};

subtest 'a callback that runs the loop' => sub {
    my @seen;
    my $depth = 0;
    my $t = Sys::Virt::Event::add_timeout(0, sub {
        push @seen, $depth;
        return if $depth;
        $depth = 1;
        Sys::Virt::Event::run_default();
        $depth = 0;
    });
    my $g = Sys::Virt::Event::add_timeout(20, sub {});
    Sys::Virt::Event::run_default() for 1 .. 5;
    Sys::Virt::Event::remove_timeout($t);
    Sys::Virt::Event::remove_timeout($g);
    is_deeply [@seen[0, 1]], [0, 1], 'a nested run_default delivers the next call';
};

subtest 'callbacks that die, many times' => sub {
    # The last callback of an iteration runs without an eval scope of its
    # own: its exception must leave nothing behind (arguments, the queue's
    # reference to the callback).
    my $n = 0;
    my $t = Sys::Virt::Event::add_timeout(0, sub { $n++; die "boom $n\n" });
    my $rss = sub { open my $f, '<', "/proc/$$/status" or return 0; local $/; (<$f> =~ /VmRSS:\s+(\d+)/)[0] };
    my $died = 0;
    for (1 .. 2000) { $died++ if exception { Sys::Virt::Event::run_default() } }
    my $before = $rss->();
    for (1 .. 20000) { $died++ if exception { Sys::Virt::Event::run_default() } }
    my $grew = $rss->() - $before;
    Sys::Virt::Event::remove_timeout($t);
    is $died, 22000, 'every run_default died with its callback';
    is $n, 22000, 'one call per iteration';
    cmp_ok $grew, '<', 1024, "RSS flat over 20,000 dying callbacks (grew $grew KiB)";
    my $g = Sys::Virt::Event::add_timeout(20, sub {});
    my $e = exception { Sys::Virt::Event::run_default() for 1 .. 3 };
    Sys::Virt::Event::remove_timeout($g);
    is $e, undef, 'the loop is clean once the timer is gone' or diag $e;
};

done_testing;
