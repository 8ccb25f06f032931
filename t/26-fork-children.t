#!/usr/bin/perl
# Children forked from a process that has connections to a private daemon:
# whatever they do (exit, die, call the inherited connection and its
# objects, register events, drop a stream in flight, open their own
# connection, run the default loop), the parent's connections, their
# events, keepalive and a transfer in flight keep working. A call on an
# inherited handle dies with a Sys::Virt::Error naming the owner process.
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use Test::DefaultLoop;
use Test::LibvirtDaemon;
use Test::ForkChild;

use Sys::Virt;
use Sys::Virt::Event;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 240;

my $d = Test::LibvirtDaemon->start_or_skip;

Sys::Virt::Event::register_default();
my $tick = Sys::Virt::Event::add_timeout(20, sub {});

# The daemon's test driver (domains and their events) and its storage.
my $test_uri = 'test+unix:///default?socket=' . $d->socket;
my $c = Sys::Virt->new(uri => $test_uri);
my $s = Sys::Virt->new(uri => $d->uri);
$c->set_keep_alive(1, 3);
my $dom = $c->get_domain_by_name('test');
my $pool = $s->get_storage_pool_by_name($d->pool_name);

my @events;
my $cbid = $c->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(),
    sub { push @events, [ $_[1]->get_name, $_[2] ] });
my @closed;
$c->register_close_callback(sub { push @closed, $_[1] });

sub parent_works {
    my ($after) = @_;
    my @names = eval { map { $_->get_name } $c->list_all_domains };
    is "@names", 'test', "after $after: the parent's connection works" or diag $@;
    my $info = eval { $pool->get_info };
    ok $info && $info->{capacity}, "after $after: the parent's second connection works" or diag $@;
}

parent_works('opening');

in_child(sub { 1 }) for 1 .. 3;
parent_works('three children that exit');

my (undef, $code) = in_child(sub { 1 }, 'die');
is $code, 255, 'a child that dies';
parent_works('a child that dies');
in_child(sub { 1 }, '_exit');
parent_works('a child that ends with _exit');

# Calls on what the child inherited: refused, naming the owner.
my $parent = $$;
my $report = in_child(sub {
    my @r;
    for my $call (
        [ 'connection' => sub { $c->list_all_domains } ],
        [ 'local accessor' => sub { $c->get_uri } ],
        [ 'domain' => sub { $dom->get_info } ],
        [ 'domain name' => sub { $dom->get_name } ],
        [ 'pool' => sub { $pool->get_info } ],
        [ 'new stream' => sub { $s->new_stream } ],
        [ 'event registration' => sub {
            $c->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(), sub {}) } ],
        [ 'event deregistration' => sub { $c->domain_event_deregister_any($cbid) } ],
        [ 'close callback' => sub { $c->unregister_close_callback } ],
    ) {
        my ($what, $sub) = @$call;
        eval { $sub->(); 1 } and do { push @r, "$what: no error"; next };
        my $e = $@;
        push @r, ref $e && $e->isa('Sys::Virt::Error')
            ? sprintf("%s: %d %s", $what, $e->code, $e->message) : "$what: not a Sys::Virt::Error: $e";
    }
    return join "\n", @r;
});
my @lines = split /\n/, $report;
is scalar(@lines), 9, 'the child tried every call' or diag $report;
for my $l (@lines) {
    like $l, qr/^[\w ]+: 55 .*belongs to process $parent, and this is process \d+, forked from it.*open one in this process after fork/,
        "in the child, " . ($l =~ /^([\w ]+):/)[0] . ': refused, naming the parent';
}
parent_works('a child that called the inherited objects');

# A child with connections of its own: they work.
is in_child(sub {
    my $mine = Sys::Virt->new(uri => $test_uri);
    my $p = Sys::Virt->new(uri => $d->uri)->get_storage_pool_by_name($d->pool_name);
    join ' ', (map { $_->get_name } $mine->list_all_domains), $p->get_name;
}), 'test ' . $d->pool_name, 'a child opens its own connections';
parent_works('a child with connections of its own');

# A child that runs the default loop on its own connection gets its
# events; the parent, on its own, gets the same ones afterwards.
@events = ();
my $got = in_child(sub {
    my $mine = Sys::Virt->new(uri => $test_uri);
    my @mine;
    $mine->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(),
        sub { push @mine, $_[2] });
    my $md = $mine->get_domain_by_name('test');
    $md->suspend;
    $md->resume;
    spin(sub { @mine >= 2 }, 10);
    # Long enough for keepalive rounds of the inherited connections.
    my $n = 0;
    my $t = Sys::Virt::Event::add_timeout(100, sub { $n++ });
    spin(sub { $n >= 15 }, 10);
    Sys::Virt::Event::remove_timeout($t);
    join ',', @mine;
});
is $got, join(',', Sys::Virt::Domain::EVENT_SUSPENDED(), Sys::Virt::Domain::EVENT_RESUMED()),
    "a child running the default loop gets its own connection's events";
ok spin(sub { @events >= 2 }, 10), "the parent gets the same events on its connection";
is_deeply [ map { $_->[1] } @events[0, 1] ],
    [ Sys::Virt::Domain::EVENT_SUSPENDED(), Sys::Virt::Domain::EVENT_RESUMED() ], '... suspended, then resumed';
parent_works('a child that ran the default loop');

# A stream in flight: the child drops it (and everything) at exit; the
# parent's download goes on to the end, every byte there.
my $size = 4 * 1024 * 1024;
$d->create_volume('fork-vol', $size);
$pool->refresh;
my $vol = $pool->get_volume_by_name('fork-vol');
my $data = join '', map { pack('N', $_) x 256 } 0 .. $size / 1024 - 1;
my $up = $s->new_stream;
$vol->upload($up, 0, $size);
my $sent = 0;
$up->send_all(sub { my $n = $size - $sent < $_[2] ? $size - $sent : $_[2]; $_[1] = substr($data, $sent, $n); $sent += $n; $n });
$up->finish;
my $st = $s->new_stream;
$vol->download($st, 0, $size);
my $got_data = '';
while (length $got_data < 1024 * 1024) {
    my $n = $st->recv(my $buf, 65536);
    last if $n <= 0;
    $got_data .= $buf;
}
in_child(sub {
    undef $st;    # dropped by the child before its exit, too
    1;
});
in_child(sub { 1 }, 'die');
$st->recv_all(sub { $got_data .= $_[1]; length $_[1] });
$st->finish;
is length($got_data), $size, "the parent's download in flight goes on after children dropped its stream";
ok $got_data eq $data, '... every byte as uploaded';

# A non-blocking download driven by its stream callback: a child that
# calls the stream is refused; one that runs the default loop never sees
# the parent's callback run; the parent's download goes on to the end.
{
    my $nb = $s->new_stream(Sys::Virt::Stream::NONBLOCK());
    $vol->download($nb, 0, $size);
    my ($got, $done, $calls) = ('', 0, 0);
    $nb->add_callback(Sys::Virt::Stream::EVENT_READABLE() | Sys::Virt::Stream::EVENT_ERROR()
            | Sys::Virt::Stream::EVENT_HANGUP(), sub {
        my ($st) = @_;
        $calls++;
        while (1) {
            my $n = $st->recv(my $buf, 65536);
            return if $n == -2;
            if ($n == 0) { $st->finish; $done = 1; return }
            $got .= $buf;
            return if length $got >= 1024 * 1024 && !$done && $calls == 1;    # leave some for later
        }
    });
    spin(sub { length $got >= 1024 * 1024 }, 10);
    like in_child(sub { eval { $nb->recv(my $b, 10); 'no error' } // $@->message }),
        qr/the stream's connection belongs to process $$/, "a child's recv on the parent's stream is refused";
    my $before = $calls;
    is in_child(sub {
        my $n = 0;
        my $t = Sys::Virt::Event::add_timeout(50, sub { $n++ });
        spin(sub { $n >= 20 }, 10);
        $calls - $before;
    }), 0, "a child running the default loop never runs the parent's stream callback";
    ok spin(sub { $done }, 20), "the parent's non-blocking download ends";
    ok $got eq $data, '... with every byte';
    $nb->remove_callback;
}

# Keepalive (1 s, 3 missed) and the close callback: the connection stays.
my $n = 0;
my $t = Sys::Virt::Event::add_timeout(200, sub { $n++ });
spin(sub { $n >= 25 }, 15);
Sys::Virt::Event::remove_timeout($t);
ok $c->is_alive, 'the parent connection is alive after keepalive rounds';
is_deeply \@closed, [], 'its close callback never ran';
parent_works('everything');

# A fork while a worker of the non-blocking calls is inside libvirt (its
# daemon stopped): the child's default loop, or a lock of libvirt's, could
# be held for ever, so it refuses, clearly, instead of hanging (an open of
# test:///default too: the fuzzer saw one hang on a lock of libvirt's that
# a parent's worker held, opening test:///default itself).
{
    kill 'STOP', $d->pid;
    my $f = $s->list_all_storage_pools_f;
    Time::HiRes::sleep(0.2);    # the worker is now waiting for the daemon
    my $report = in_child(sub {
        my @r;
        for my $call ([ run_default => sub { Sys::Virt::Event::run_default() } ],
                      [ add_timeout => sub { Sys::Virt::Event::add_timeout(10, sub {}) } ],
                      [ open => sub { Sys::Virt->new(uri => $d->uri) } ],
                      [ open_in_process => sub { Sys::Virt->new(uri => 'test:///default') } ]) {
            my ($what, $sub) = @$call;
            my $e = eval { $sub->(); 1 } ? 'no error' : ref $@ ? $@->message : $@;
            $e =~ s/\s+\z//;
            push @r, "$what: $e";
        }
        join "\n", @r;
    });
    kill 'CONT', $d->pid;
    my @lines = split /\n/, $report;
    is scalar(@lines), 4, 'the child tried each' or diag $report;
    like $_, qr/^\w+: .*forked while \d+ other thread.* cannot be used in this process \(they would hang\)/,
        'in a child forked while a call was in flight, ' . (/^(\w+)/)[0] . ' refuses, saying why'
        for @lines;
    my @pools = eval { $f->get };
    ok @pools, "the parent's call in flight settles once the daemon answers" or diag $@;
    parent_works('a child forked while a call was in flight');
    is in_child(sub {
        my $t = Sys::Virt::Event::add_timeout(10, sub {});
        Sys::Virt::Event::run_default();
        scalar(my @p = Sys::Virt->new(uri => $d->uri)->list_all_storage_pools);
    }), 1, 'with no call in flight, a child uses the default loop again';
}

# In-process driver: the same rule.
my $local = Sys::Virt->new(uri => 'test:///default');
like in_child(sub { eval { $local->list_all_domains; 'no error' } // $@->message }),
    qr/belongs to process $parent/, 'test:///default: the inherited connection is refused too';
is in_child(sub { my @d = Sys::Virt->new(uri => 'test:///default')->list_all_domains; scalar @d }), 1,
    'test:///default: a child opens its own';

# Grandchildren: the child's own connection is refused in its child.
like in_child(sub {
    my $mine = Sys::Virt->new(uri => $test_uri);
    my $child = $$;
    my $r = in_child(sub { eval { $mine->list_all_domains; 'no error' } // $@->message });
    my @names = map { $_->get_name } $mine->list_all_domains;
    "$child|$r|@names";
}), qr/^(\d+)\|.*belongs to process \1.*\|test$/, "a grandchild is refused its parent's connection, which goes on working";

$c->domain_event_deregister_any($cbid);
$c->unregister_close_callback;
done_testing;
