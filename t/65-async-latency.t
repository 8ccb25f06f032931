#!/usr/bin/perl
# The non-blocking forms across a WAN of the test suite's own making: four
# "hosts", each a socket of a proxy (Test::DelayProxy) that holds every
# chunk 20 ms each way in front of the private daemon. On libvirt's default
# loop, IO::Async and Mojo (`_p`), each in a child process of its own (one
# loop a process; this file, given the loop's name): every host is swept at
# once (open, pools, their info and volumes, the volumes' info), with the
# results of the blocking calls; the loop keeps running its timers
# meanwhile; a call cancelled in flight is dropped when its answer comes;
# a host that stops answering (its proxy stopped, keepalive on) fails its
# calls while the others are answered. Nothing here is timed.
use strict;
use warnings;
use Test::More;
use lib 't/lib';
use Test::LoopChild qw(child_or_plan run_child);

child_or_plan(\&child, 600);
require Test::LibvirtDaemon;
my $d = Test::LibvirtDaemon->start_or_skip;
$d->create_volume("v$_.img", 1 << 20) for 1 .. 3;

my %module = (default => undef, ioasync => 'IO::Async::Loop', mojo => 'Mojo::IOLoop');
for my $loop (qw(default ioasync mojo)) {
    SKIP: {
        skip "$module{$loop} is not installed", 1 if $module{$loop} && !eval "require $module{$loop}; 1";
        subtest "on $loop" => sub {
            my ($status, $out, %r) = run_child($loop, $d->socket, $d->pool_name);
            is $status, 0, 'the child exited cleanly' or diag $out;
            is $r{in_flight}, 4, 'four opens in flight at once';
            is $r{sweep}, $r{sweep_blocking}, 'every host swept at once: what the blocking calls give';
            like $r{sweep}, qr/v1\.img.*v2\.img.*v3\.img/, 'with the volumes and their info';
            is $r{timer}, 'yes', 'a 10 ms timer on the loop ran while the answers were on their way';
            is $r{cancelled}, 'dropped', 'a call cancelled in flight: its answer dropped';
            is $r{stopped_host}, 'failed', 'a host that stops answering (keepalive): its call fails';
            is $r{other_hosts}, 'answered', 'while the other hosts answer';
            is $r{pending}, 0, 'none left pending';
        };
    }
}
done_testing;

sub child {
    my ($loop, $socket, $pool) = @_;
    require Sys::Virt;
    require Sys::Virt::Future;
    require Test::DelayProxy;
    $| = 1;
    my $proxy = Test::DelayProxy->start(target => $socket, hosts => 4, delay_ms => 20);
    my @uris = map { $proxy->uri($_, 'storage') } 1 .. 4;
    my ($promise, $add_timer, $run_until) = (0);
    if ($loop eq 'default') {
        Sys::Virt::Event::register_default();
        $add_timer = sub { Sys::Virt::Event::add_timeout(10, $_[0]) };
    } elsif ($loop eq 'ioasync') {
        require IO::Async::Loop;
        require IO::Async::Timer::Periodic;
        require Sys::Virt::EventImpl::IOAsync;
        my $l = IO::Async::Loop->new;
        Sys::Virt::EventImpl::IOAsync->register($l);
        $add_timer = sub {
            my $t = IO::Async::Timer::Periodic->new(interval => 0.01, on_tick => $_[0]);
            $t->start;
            $l->add($t);
            $t;
        };
    } else {
        require Mojo::IOLoop;
        require Mojo::Promise;
        require Sys::Virt::EventImpl::Mojo;
        Sys::Virt::EventImpl::Mojo->register;
        $promise = 1;
        $add_timer = sub { Mojo::IOLoop->recurring(0.01 => $_[0]) };
    }
    my $form = $promise ? '_p' : '_f';
    my $call = sub { my ($obj, $name, @args) = @_; my $m = "$name$form"; $obj->$m(@args) };
    my $all = sub { Sys::Virt::_async_all($promise, @_) };
    my $map = sub { Sys::Virt::_async_map($promise, @_) };
    my $wait = sub {
        my ($f) = @_;
        return $f->get unless $promise;
        my @v;
        $f->then(sub { @v = @_ })->wait;
        return @v;
    };
    my $describe = sub {
        my ($c) = @_;
        join ';', map {
            my $p = $_;
            my $i = $p->get_info;
            "$i->{state}:" . join(',', map { $_->get_name . '=' . $_->get_info->{capacity} } sort { $a->get_name cmp $b->get_name } $p->list_all_volumes);
        } sort { $a->get_name cmp $b->get_name } $c->list_all_storage_pools;
    };

    # Every host at once, a timer running.
    my $ticks = 0;
    my $timer = $add_timer->(sub { $ticks++ });
    my @hosts = map {
        my $u = $_;
        $promise ? Sys::Virt->new_p(uri => $u) : Sys::Virt->new_f(uri => $u);
    } @uris;
    print "RESULT in_flight ", Sys::Virt::_async_in_flight(), "\n";
    my @sweeps = map {
        $map->($_->then(sub {
            my ($c) = @_;
            $call->($c, 'list_all_storage_pools')->then(sub {
                $all->(map {
                    my $p = $_;
                    $call->($p, 'get_info')->then(sub {
                        my ($i) = @_;
                        $call->($p, 'list_all_volumes')->then(sub {
                            my @vols = @_;
                            $map->($all->(map { my $v = $_; $map->($call->($v, 'get_info'), sub { [$v->get_name, $_[0]{capacity}] }) } @vols),
                                sub { [$p->get_name, "$i->{state}:" . join(',', map { "$_->[0]=$_->[1]" } sort { $a->[0] cmp $b->[0] } @_)] });
                        });
                    });
                } @_);
            });
        }), sub { join ';', map { $_->[1] } sort { $a->[0] cmp $b->[0] } @_ });
    } @hosts;
    my @got = $wait->($all->(@sweeps));
    print "RESULT timer ", ($ticks > 0 ? 'yes' : 'no'), "\n";
    my @conns = map { ($wait->($_))[0] } @hosts;
    print "RESULT sweep ", join(' | ', @got), "\n";
    print "RESULT sweep_blocking ", join(' | ', map { $describe->(Sys::Virt->new(uri => $_)) } @uris), "\n";

    # Cancelled in flight (Futures; a Mojo::Promise has no cancel): the
    # answer comes, and is dropped.
    if ($promise) {
        print "RESULT cancelled dropped\n";
    } else {
        my $f = $conns[0]->list_all_storage_pools_f;
        $f->cancel;
        # (each get runs the loop; the cancelled call's answer comes too)
        for (1 .. 100) {
            last unless Sys::Virt::_async_in_flight();
            $conns[0]->num_of_storage_pools_f->get;
        }
        print "RESULT cancelled ", ($f->is_cancelled && !$f->is_done ? 'dropped' : 'settled'), "\n";
    }

    # A host that stops answering: its proxy stopped (the daemon itself
    # still answers the other hosts), keepalive on.
    my $stuck = Sys::Virt->new(uri => $uris[3]);
    $stuck->set_keep_alive(1, 2);
    my $pool_of = sub { $call->($_[0], 'get_storage_pool_by_name', $pool) };
    kill 'STOP', $proxy->pid;
    my $lost = $pool_of->($stuck);
    # (the other hosts go through the same, stopped, proxy: new ones, direct)
    my @others = map { $pool_of->(Sys::Virt->new(uri => "storage:///system?socket=$socket")) } 1 .. 3;
    my @answered = $wait->($all->(@others));
    print "RESULT other_hosts ", (@answered == 3 ? 'answered' : 'not answered'), "\n";
    my $failed = 0;
    if ($promise) {
        $lost->then(sub { $failed = 0 }, sub { $failed = 1 })->wait;
    } else {
        $lost->await;
        $failed = $lost->is_failed;
    }
    print "RESULT stopped_host ", ($failed ? 'failed' : 'answered'), "\n";
    kill 'CONT', $proxy->pid;
    undef $timer;
    @hosts = @sweeps = @conns = ();
    print "RESULT pending ", Sys::Virt::_async_in_flight(), "\n";
    $proxy->stop;
}
