#!/usr/bin/perl
# The non-blocking forms on the loops written in Perl: IO::Async (NAME_f,
# results delivered while the loop runs, get through loop_once), Mojo
# (NAME_p promises, and NAME_f's get through one_tick), AnyEvent (get
# through a condition variable). A process registers one loop: each runs in
# a child process of its own (this file, given the loop's name), which
# prints its findings; this file checks them. Where a loop's module is
# missing its part is skipped, saying so.
use strict;
use warnings;
use Test::More;

use lib 't/lib';
use Test::LoopChild qw(child_or_plan run_child);

child_or_plan(\&child, 300);

my %module = (ioasync => 'IO::Async::Loop', mojo => 'Mojo::IOLoop', anyevent => 'AnyEvent');
for my $loop (qw(ioasync mojo anyevent)) {
    SKIP: {
        skip "$module{$loop} is not installed", 1 unless eval "require $module{$loop}; 1";
        subtest "on $loop" => sub {
            my ($status, $out, %r) = run_child($loop);
            is $status, 0, 'the child exited cleanly' or diag $out;
            is $r{hostname}, $r{hostname_blocking}, 'a string, as blocking';
            is $r{domains}, 'test', 'a list of objects, usable at once';
            is $r{info}, 'ok', 'get_info_f (fast-path row) gives the hash of get_info';
            is $r{error}, $r{error_blocking}, 'a failure: the same error object fields as blocking';
            is $r{error_class}, 'Sys::Virt::Error', 'an error object';
            is $r{many}, 100, '100 calls at once, all done';
            is $r{from_loop}, 'yes', 'callbacks ran while the loop ran (the loop stopped from one)';
            is $r{pending}, 0, 'none left pending';
            if ($loop eq 'mojo') {
                is $r{promise}, 'Mojo::Promise', '_p gives a Mojo::Promise';
                is $r{promise_names}, 'test', 'new_p then list_all_domains_p';
                is $r{promise_error}, $r{error_blocking}, '_p rejects with the error object';
                is $r{promise_list}, 'test', 'list_domains_p (a chain of _p calls)';
                is $r{promise_empty_list}, 0, 'list_defined_domains_p: an empty list';
                is $r{promise_major}, 'same', 'get_major_version_p';
            }
            if (defined $r{daemon}) {
                is $r{daemon}, $r{daemon_blocking}, 'the private daemon: list_all_storage_pools_f as blocking';
            } else {
                note "private daemon: $r{daemon_skip}";
            }
        };
    }
}
done_testing;

sub child {
    my ($loop) = @_;
    require Sys::Virt;
    require Sys::Virt::Future;
    my ($stop_loop, $run_loop);
    if ($loop eq 'ioasync') {
        require Sys::Virt::EventImpl::IOAsync;
        my $l = IO::Async::Loop->new;
        Sys::Virt::EventImpl::IOAsync->register($l);
        ($run_loop, $stop_loop) = (sub { $l->run }, sub { $l->stop });
    } elsif ($loop eq 'mojo') {
        require Sys::Virt::EventImpl::Mojo;
        Sys::Virt::EventImpl::Mojo->register;
        ($run_loop, $stop_loop) = (sub { Mojo::IOLoop->start }, sub { Mojo::IOLoop->stop });
    } else {
        require Sys::Virt::EventImpl::AnyEvent;
        Sys::Virt::EventImpl::AnyEvent->register;
        my $cv;
        ($run_loop, $stop_loop) = (sub { $cv = AnyEvent->condvar; $cv->recv }, sub { $cv->send });
    }
    $| = 1;
    my $conn = Sys::Virt->new_f(uri => 'test:///default')->get;
    print "RESULT hostname ", scalar($conn->get_hostname_f->get), "\n";
    print "RESULT hostname_blocking ", $conn->get_hostname, "\n";
    print "RESULT domains ", join(',', map { $_->get_name } $conn->list_all_domains_f->get), "\n";
    my $dom = $conn->get_domain_by_name('test');
    my $i = $dom->get_info_f->get;
    my $j = $dom->get_info;
    print "RESULT info ", (join(',', sort keys %$i) eq join(',', sort keys %$j) && $i->{state} == $j->{state} ? 'ok' : 'differs'), "\n";
    my $e = eval { $conn->get_domain_by_name_f('nosuch')->get; 1 } ? undef : $@;
    my $eb = eval { $conn->get_domain_by_name('nosuch'); 1 } ? undef : $@;
    print "RESULT error_class ", ref($e), "\n";
    print "RESULT error ", join('|', map { $_ // '' } @{$e}{qw(code domain level message)}), "\n";
    print "RESULT error_blocking ", join('|', map { $_ // '' } @{$eb}{qw(code domain level message)}), "\n";
    my @many = map { $dom->get_info_f } 1 .. 100;
    Future->wait_all(@many)->get;
    print "RESULT many ", scalar(grep { $_->is_done } @many), "\n";
    # Results delivered while the loop itself runs (not through get).
    my $from_loop = 'no';
    $conn->list_all_domains_f->on_done(sub { $from_loop = 'yes'; $stop_loop->() });
    $run_loop->();
    print "RESULT from_loop $from_loop\n";
    if ($loop eq 'mojo') {
        my $p = $conn->get_hostname_p;
        print "RESULT promise ", ref($p), "\n";
        $p->wait;
        my @names;
        Sys::Virt->new_p(uri => 'test:///default')
            ->then(sub { $_[0]->list_all_domains_p })
            ->then(sub { @names = map { $_->get_name } @_ })
            ->wait;
        print "RESULT promise_names ", join(',', @names), "\n";
        my $pe;
        $conn->get_domain_by_name_p('nosuch')->catch(sub { $pe = $_[0] })->wait;
        print "RESULT promise_error ", join('|', map { $_ // '' } @{$pe}{qw(code domain level message)}), "\n";
        # The methods written in Perl over other calls (a chain of _p forms).
        my @listed;
        $conn->list_domains_p->then(sub { @listed = map { $_->get_name } @_ })->wait;
        print "RESULT promise_list ", join(',', @listed), "\n";
        my @none = ('unset');
        $conn->list_defined_domains_p->then(sub { @none = @_ })->wait;
        print "RESULT promise_empty_list ", scalar(@none), "\n";
        my $major;
        $conn->get_major_version_p->then(sub { $major = $_[0] })->wait;
        print "RESULT promise_major ", ($major // 'undef') eq $conn->get_major_version ? 'same' : 'differs', "\n";
    }
    unshift @INC, 't/lib';
    require Test::LibvirtDaemon;
    my $d = Test::LibvirtDaemon->start;
    if ($d) {
        my $c = Sys::Virt->new_f(uri => $d->uri)->get;
        print "RESULT daemon ", join(',', sort map { $_->get_name } $c->list_all_storage_pools_f->get), "\n";
        print "RESULT daemon_blocking ", join(',', sort map { $_->get_name } $c->list_all_storage_pools), "\n";
        undef $c;
        $d->stop;
    } else {
        no warnings 'once';
        print "RESULT daemon_skip $Test::LibvirtDaemon::SKIP_REASON\n";
    }
    print "RESULT pending ", Sys::Virt::_async_in_flight(), "\n";
}
