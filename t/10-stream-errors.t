#!/usr/bin/perl
# Bad input and misuse of streams: every case dies cleanly (a plain message
# naming the method and argument, the handler's own exception, or libvirt's
# error), never crashes, never hangs.
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use Scalar::Util qw(weaken);

use Sys::Virt;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 120;

my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = $conn->get_domain_by_name('test');

sub shot {
    my $st = $conn->new_stream(@_);
    $dom->screenshot($st, 0);
    return $st;
}

# After a failed transfer the stream was aborted: libvirt refuses it.
sub aborted_ok {
    my ($st, $what) = @_;
    my $e = exception { $st->recv(my $buf, 10) };
    isa_ok($e, 'Sys::Virt::Error', "$what: stream aborted, recv now libvirt's error");
}

subtest 'objects and classes' => sub {
    my $st = shot();
    like(exception { Sys::Virt::Stream->new(undef) },
         qr/^Sys::Virt::Stream::new: 'conn' is undef, not a Sys::Virt object/, 'new(undef)');
    like(exception { Sys::Virt::Stream->new($st) },
         qr/^Sys::Virt::Stream::new: 'conn' is not a Sys::Virt object/, 'new(stream)');
    like(exception { Sys::Virt::Stream->new('test:///default') },
         qr/^Sys::Virt::Stream::new: 'conn' is not a Sys::Virt object/, 'new(string)');
    like(exception { Sys::Virt::Stream->new($conn, 'fast') },
         qr/^Sys::Virt::Stream::new: 'flags' must be a number, not 'fast'/, 'flags not a number');
    like(exception { Sys::Virt::Stream->new($conn, -1) },
         qr/^Sys::Virt::Stream::new: 'flags' must not be negative/, 'negative flags');
    for my $m (qw(finish abort remove_callback recv_hole)) {
        no strict 'refs';
        like(exception { &{"Sys::Virt::Stream::$m"}(undef) },
             qr/^Sys::Virt::Stream::$m: 'st' is undef, not a Sys::Virt::Stream object/, "$m on undef");
        like(exception { &{"Sys::Virt::Stream::$m"}($conn) },
             qr/^Sys::Virt::Stream::$m: 'st' is not a Sys::Virt::Stream object/, "$m on a connection");
    }
    like(exception { Sys::Virt::Stream::recv_all($dom, sub { }) },
         qr/^Sys::Virt::Stream::recv_all: 'st' is not a Sys::Virt::Stream object/, 'recv_all on a domain');
    like(exception { Sys::Virt::Stream::send(undef, 'x', 1) },
         qr/^Sys::Virt::Stream::send: 'st' is undef/, 'send on undef');
    my $sub = bless \do { my $x }, 'Some::Thing';
    like(exception { Sys::Virt::Stream::finish($sub) },
         qr/^Sys::Virt::Stream::finish: 'st' is not a Sys::Virt::Stream object/, 'finish on another class');
    $st->abort;
};

subtest 'non-CODE handlers' => sub {
    my $st = shot();
    for my $bad (undef, 'main::handler', [], {}, \'x', 42) {
        my $d = defined $bad ? (ref $bad || "'$bad'") : 'undef';
        like(exception { $st->recv_all($bad) },
             qr/^Sys::Virt::Stream::recv_all: 'handler' must be a CODE reference/, "recv_all($d)");
        like(exception { $st->send_all($bad) },
             qr/^Sys::Virt::Stream::send_all: 'handler' must be a CODE reference/, "send_all($d)");
        like(exception { $st->sparse_recv_all(sub { }, $bad) },
             qr/^Sys::Virt::Stream::sparse_recv_all: 'hole_handler' must be a CODE reference/, "sparse_recv_all hole $d");
        like(exception { $st->sparse_send_all(sub { }, sub { }, $bad) },
             qr/^Sys::Virt::Stream::sparse_send_all: 'skip_handler' must be a CODE reference/, "sparse_send_all skip $d");
        like(exception { $st->add_callback(1, $bad) },
             qr/^Sys::Virt::Stream::add_callback: 'coderef' must be a CODE reference/, "add_callback($d)");
    }
    like(exception { $st->sparse_send_all(sub { }, [], sub { }) },
         qr/'hole_handler' must be a CODE reference/, 'sparse_send_all hole handler');
    # None of this touched the stream.
    my $all = '';
    $st->recv_all(sub { $all .= $_[1]; $_[2] });
    is(length $all, 33_443, 'stream intact after refused calls');
    $st->finish;
};

subtest 'handlers that die: the exception comes out unchanged' => sub {
    my $st = shot();
    my $e = exception { $st->recv_all(sub { die "my own failure\n" }) };
    is($e, "my own failure\n", 'string exception, unchanged');
    aborted_ok($st, 'die string');

    $st = shot();
    my $obj = bless { why => 'disk full' }, 'My::Error';
    $e = exception { $st->recv_all(sub { die $obj }) };
    ok(ref $e && $e == $obj, 'object exception, the same object');
    aborted_ok($st, 'die object');

    $st = shot();
    my $calls = 0;
    $e = exception { $st->recv_all(sub { $calls++; die "third\n" if $calls == 3; 1000 }) };
    is($e, "third\n", 'dies on the third chunk');
    is($calls, 3, 'no call after the dying one');

    $st = shot();
    $e = exception { $st->sparse_recv_all(sub { die [42] }, sub { 0 }) };
    # Either the handler's exception, or libvirt refusing sparse mode first.
    ok((ref $e eq 'ARRAY' && $e->[0] == 42) || ref $e eq 'Sys::Virt::Error', 'sparse_recv_all: dying handler');

    $st = $conn->new_stream;
    $e = exception { $st->send_all(sub { die "no more\n" }) };
    is($e, "no more\n", 'send_all: dying handler, unchanged');

    $st = $conn->new_stream;
    $e = exception { $st->sparse_send_all(sub { 0 }, sub { die "hole?\n" }, sub { 0 }) };
    is($e, "hole?\n", 'sparse_send_all: dying hole handler');
    is($@, '', '$@ left clean');
};

subtest 'handlers returning undef, negative, too much, nothing' => sub {
    my %cases = (
        'undef' => [sub { undef }, qr/the handler returned undef/],
        'empty list' => [sub { return }, qr/the handler returned undef/],
        '-1' => [sub { -1 }, qr/the handler returned -1, stopping the transfer/],
        '-7' => [sub { -7 }, qr/the handler returned -7/],
        '0' => [sub { 0 }, qr/the handler consumed none of the \d+ bytes/],
        'a reference' => [sub { [] }, qr/returned or produced a reference/],
    );
    for my $name (sort keys %cases) {
        my ($h, $re) = @{ $cases{$name} };
        my $st = shot();
        my $e = exception { $st->recv_all($h) };
        like($e, qr/^Sys::Virt::Stream::recv_all: /, "recv_all, handler returns $name: dies");
        like($e, $re, "... saying why");
        ok(!ref $e, '... as a plain message');
        aborted_ok($st, $name);
    }
    my $st = shot();
    my $e = exception { $st->sparse_recv_all(sub { $_[2] }, sub { -1 }) };
    ok(defined $e, 'sparse_recv_all: stream fails (no holes here, or libvirt refuses sparse)');

    # Too much is cut to what it was given.
    $st = shot();
    my $all = '';
    $st->recv_all(sub { $all .= $_[1]; $_[2] * 1000 + 5 });
    is(length $all, 33_443, 'recv_all: returning more than given is cut');
    $st->finish;

    # send_all
    for ([sub { undef }, qr/returned undef/], [sub { -1 }, qr/returned -1/],
         [sub { $_[1] = 'abc'; 10 }, qr/returned 10 but filled only 3 bytes/],
         [sub { $_[1] = "\x{263a}"; 1 }, qr/Wide character/],
         [sub { $_[1] = [1]; 1 }, qr/reference/]) {
        my ($h, $re) = @$_;
        my $st = $conn->new_stream;
        like(exception { $st->send_all($h) }, qr/^Sys::Virt::Stream::send_all: .*$re/, "send_all: $re");
    }
    # 0: end of data, nothing sent.
    is(exception { $conn->new_stream->send_all(sub { 0 }) }, undef, 'send_all: handler returning 0 at once is the end');

    for ([sub { (1) }, qr/must return the list/], [sub { (1, undef) }, qr/returned undef/],
         [sub { (1, -5) }, qr/negative section length \(-5\)/], [sub { }, qr/must return the list/]) {
        my ($h, $re) = @$_;
        like(exception { $conn->new_stream->sparse_send_all(sub { 0 }, $h, sub { 0 }) },
             qr/^Sys::Virt::Stream::sparse_send_all: .*$re/, "sparse_send_all hole handler: $re");
    }
    is(exception { $conn->new_stream->sparse_send_all(sub { 0 }, sub { (0, 0) }, sub { 0 }) }, undef,
       'sparse_send_all: (0, 0) is the end');
};

subtest 'recv and send arguments' => sub {
    my $st = shot();
    like(exception { $st->recv('literal', 10) },
         qr/^Sys::Virt::Stream::recv: 'data' is read-only/, 'recv into a literal');
    my $ro = 'x';
    Internals::SvREADONLY($ro, 1);
    like(exception { $st->recv($ro, 10) }, qr/'data' is read-only/, 'recv into a read-only scalar');
    is($ro, 'x', 'read-only scalar untouched');
    like(exception { $st->recv(my $b, -1) }, qr/^Sys::Virt::Stream::recv: 'nbytes' must not be negative/, 'negative nbytes');
    like(exception { $st->recv(my $b, 'lots') }, qr/'nbytes' must be a number, not 'lots'/, 'nbytes not a number');
    like(exception { $st->recv(my $b, undef) }, qr/'nbytes' must be a number, not undef/, 'nbytes undef');
    like(exception { $st->recv(my $b, 10, 'x') }, qr/'flags' must be a number/, 'flags not a number');
    my $buf;
    is($st->recv($buf, 2**62), 33_443 < 262_144 ? 33_443 : 262_144, 'absurd nbytes reads one message') ;
    ok(length($buf) <= 262_144, 'at most 256 KiB');

    my $s = $conn->new_stream;
    like(exception { $s->send("\x{100}abc", 4) }, qr/^Sys::Virt::Stream::send: Wide character/, 'wide characters die');
    my $wide_but_bytes = "\x{e9}t\x{e9}";
    utf8::upgrade($wide_but_bytes);
    my $e = exception { $s->send($wide_but_bytes, 3) };
    unlike($e // '', qr/Wide character/, 'upgraded string of bytes is accepted (libvirt decides the rest)');
    ok(utf8::is_utf8($wide_but_bytes), "caller's scalar not downgraded");
    like(exception { $s->send('abc', -1) }, qr/'nbytes' must not be negative/, 'send: negative nbytes');
    is($s->send(undef, 10), 0, 'send(undef) sends nothing');
    is($s->send('', 10), 0, 'send("") sends nothing');
    like(exception { $s->send_hole(-1) }, qr/^Sys::Virt::Stream::send_hole: 'length' must not be negative/, 'negative hole');
    like(exception { $s->send_hole('big') }, qr/'length' must be a number/, 'hole not a number');
    like(exception { $s->send_hole(2**64) }, qr/'length' is out of range/, 'hole beyond 64 bits');
    isa_ok(exception { $s->send_hole(2**40) }, 'Sys::Virt::Error', 'a 64-bit hole reaches libvirt');
    $st->abort;
};

subtest 'use after finish and abort, finish twice' => sub {
    my $st = shot();
    $st->recv_all(sub { $_[2] });
    is(exception { $st->finish }, undef, 'finish');
    my $e = exception { $st->finish };
    ok(!defined $e || ref $e eq 'Sys::Virt::Error', 'second finish: whatever libvirt says, as a Sys::Virt::Error');
    for my $call ([recv => sub { $st->recv(my $b, 10) }],
                  [recv_all => sub { $st->recv_all(sub { $_[2] }) }],
                  [send => sub { $st->send('abc', 3) }],
                  [abort => sub { $st->abort }]) {
        my $e = exception { $call->[1]->() };
        ok(!defined $e || ref $e eq 'Sys::Virt::Error', "$call->[0] after finish: no crash")
            or diag $e;
    }
    $st = shot();
    $st->abort;
    isa_ok(exception { $st->recv(my $b, 10) }, 'Sys::Virt::Error', 'recv after abort');
    isa_ok(exception { $st->recv_all(sub { $_[2] }) }, 'Sys::Virt::Error', 'recv_all after abort');
    $e = exception { $st->finish };
    ok(!defined $e || ref $e eq 'Sys::Virt::Error', 'finish after abort');
    # A handler that finishes the stream under the loop.
    $st = shot();
    $e = exception { $st->recv_all(sub { $_[0]->finish; $_[2] }) };
    ok(!defined $e || ref $e eq 'Sys::Virt::Error', 'handler finishing its own stream: no crash');
    # A handler destroying the object under the loop.
    $st = shot();
    $e = exception { $st->recv_all(sub { $_[0]->DESTROY; $_[2] }) };
    ok(!defined $e || !ref $e || ref $e eq 'Sys::Virt::Error', 'handler destroying its own stream: no crash');
    like(exception { $st->finish }, qr/no longer valid/, 'destroyed object is refused afterwards');
};

subtest '*_all refuse non-blocking streams' => sub {
    my $st = shot(Sys::Virt::Stream::NONBLOCK());
    like(exception { $st->recv_all(sub { $_[2] }) }, qr/cannot be used on a non-blocking stream/, 'recv_all');
    like(exception { $conn->new_stream(Sys::Virt::Stream::NONBLOCK())->send_all(sub { 0 }) },
         qr/cannot be used on a non-blocking stream/, 'send_all');
};

subtest 'callbacks: arguments, and a stream dropped with one registered' => sub {
    Sys::Virt::Event::register_default();
    my $st = shot(Sys::Virt::Stream::NONBLOCK());
    like(exception { $st->add_callback('r', sub { }) }, qr/'events' must be a number/, 'events not a number');
    like(exception { $st->update_callback(1) }, qr/./, 'update without a callback: libvirt error');
    like(exception { $st->remove_callback }, qr/./, 'remove without a callback: libvirt error');

    # The registration holds the coderef, not the stream.
    my $freed = 0;
    {
        package Guard;
        sub new { bless [$_[1]], $_[0] }
        sub DESTROY { ${ $_[0][0] }++ }
    }
    my $cb = do { my $guard = Guard->new(\$freed); sub { $guard } };   # closes over the guard only
    $st->add_callback(Sys::Virt::Stream::EVENT_READABLE(), $cb);
    undef $cb;
    is($freed, 0, 'the registration keeps the coderef alive');
    like(exception { $st->add_callback(1, sub { }) }, qr/./, 'a second callback: libvirt error');
    my $weak = $st;
    weaken($weak);
    undef $st;
    ok(!defined $weak, 'the stream object is freed although a callback is registered');
    # libvirt may release the registration on the next loop iteration.
    for (1 .. 3) {
        last if $freed;
        my $fired = 0;
        my $t = Sys::Virt::Event->can('add_timeout')
              ? Sys::Virt::Event::add_timeout(10, sub { $fired = 1 }) : undef;
        last unless defined $t;
        Sys::Virt::Event::run_default();
        Sys::Virt::Event::remove_timeout($t);
    }
    is($freed, 1, 'and the coderef was released with it');

    # remove_callback, finish and abort release it too.
    for my $how (qw(remove_callback finish abort)) {
        my $freed = 0;
        my $st = shot(Sys::Virt::Stream::NONBLOCK());
        $st->add_callback(Sys::Virt::Stream::EVENT_READABLE(),
                          do { my $g = Guard->new(\$freed); sub { $g } });
        $st->$how();
        is($freed, 1, "$how releases the callback");
        is(exception { $st->remove_callback }, undef, "remove_callback after $how is quiet")
            if $how ne 'remove_callback';
    }
};

done_testing;
