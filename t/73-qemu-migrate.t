#!/usr/bin/perl
# Live migration of a real QEMU guest between two private daemons on this
# machine (t/lib/Test/QemuGuest.pm; each daemon has its own host UUID, QEMU
# migrates over TCP on 127.0.0.1): a throttled migration seen with
# get_job_info and cancelled with abort_job; a migration there with this
# binding and back with the classic one; the guest's memory and console
# survive, and both daemons raise their lifecycle events.
use strict;
use warnings;
use Test::More;
use Time::HiRes ();
use lib 't/lib';
use Test::QemuGuest qw(spin wait_job);

use Sys::Virt;
use Sys::Virt::Event;

alarm 300;    # no handler: a hang inside a blocking call still ends the test

# The migration goes over TCP on 127.0.0.1: a network namespace without
# its loopback up (cpanm's offline run in CI) has none.
{
    require Test::Loopback;
    my $why = Test::Loopback::no_loopback();
    plan skip_all => $why if $why;
}
my $g = Test::QemuGuest->start_or_skip;
my $d2 = $g->second_daemon;
Sys::Virt::Event::register_default();
my $tick = Sys::Virt::Event::add_timeout(50, sub {});

my $t0 = Time::HiRes::time();
my $name = $g->boot;
note sprintf 'guest %s ready in %.1f s', $name, $g->boot_time($name);
my $src = Sys::Virt->new(uri => $g->uri);
my $dst = Sys::Virt->new(uri => $d2->uri_for('qemu'));
my $dom = $src->get_domain_by_name($name);
my $classic = eval { require Test::Classic; Test::Classic::lib() };
my $NO_CLASSIC = "classic binding: " . ($Test::Classic::REASON // '');

my $URI = Sys::Virt::Domain::MIGRATE_PARAM_URI();
my $LIVE = Sys::Virt::Domain::MIGRATE_LIVE();
my (@src_ev, @dst_ev);
my @cbs = (
    [$src, $src->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(),
        sub { push @src_ev, "$_[2] $_[3]" })],
    [$dst, $dst->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(),
        sub { push @dst_ev, "$_[2] $_[3]" })],
);

my $N = 0;
sub shell {
    my ($d, $cmd) = @_;
    my $st = ($d == $dom ? $src : $dst)->new_stream(0);
    $d->open_console($st, undef, Sys::Virt::Domain::OPEN_CONSOLE_FORCE());
    $N++;
    my $want = $N * 7;
    my $text = "echo START-\$(($N*7)); $cmd; echo DONE-\$(($N*7))\n";
    while (length $text) { my $n = $st->send($text, length $text); substr($text, 0, $n) = '' }
    my $buf = '';
    until ($buf =~ /^DONE-$want\r\n/m) {
        my $n = $st->recv(my $c, 65536);
        last if $n <= 0;
        $buf .= $c;
    }
    $st->finish;
    my ($out) = $buf =~ /^START-$want\r\n(.*)^DONE-$want\r\n/ms;
    $out //= '';
    $out =~ s/\r//g;
    $out =~ s/\s+\z//;
    return $out;
}

shell($dom, 'echo before-migration > /tmp/mark');

subtest 'a throttled migration: get_job_info sees it, abort_job cancels it' => sub {
    my $code = 'my $c2 = Sys::Virt->new(uri => q{' . $d2->uri_for('qemu') . '}); '
        . 'my $r = eval { $dom->migrate($c2, { Sys::Virt::Domain::MIGRATE_PARAM_URI() => "tcp://127.0.0.1", '
        . 'Sys::Virt::Domain::MIGRATE_PARAM_BANDWIDTH() => 1 }, Sys::Virt::Domain::MIGRATE_LIVE()) }; '
        . 'print $r ? "migrated\n" : "error " . $@->code . "\n"';
    my $h = $g->spawn_perl($name, $code, timeout => 120);
    my $job = wait_job($dom, 30, 0.05);
    ok $job, 'get_job_info sees the migration';
    is $job->{type}, Sys::Virt::Domain::JOB_UNBOUNDED(), 'an unbounded job';
    cmp_ok $job->{memProcessed}, '<', $job->{memTotal}, 'under way';
    $dom->abort_job;
    my ($out) = $g->reap_perl($h, 30);
    is $out, 'error ' . Sys::Virt::Error::ERR_OPERATION_ABORTED() . "\n", 'the migration failed: operation aborted';
    is( ($dom->get_state)[0], Sys::Virt::Domain::STATE_RUNNING(), 'the guest runs on at the source');
    is_deeply [$dst->list_all_domains], [], 'nothing at the destination';
    is shell($dom, 'cat /tmp/mark'), 'before-migration', 'its memory untouched';
};

my $there;
subtest 'migrate there with this binding' => sub {
    (@src_ev, @dst_ev) = ();
    my $t = Time::HiRes::time();
    $there = $dom->migrate($dst, { $URI => 'tcp://127.0.0.1' }, $LIVE);
    note sprintf 'migrated in %.1f s', Time::HiRes::time() - $t;
    isa_ok $there, 'Sys::Virt::Domain';
    is $there->get_name, $name, 'the same domain';
    is $there->get_uuid_string, $dom->get_uuid_string, 'the same UUID';
    is_deeply [$there->get_state], [Sys::Virt::Domain::STATE_RUNNING(), Sys::Virt::Domain::STATE_RUNNING_MIGRATED()],
        'running there (migrated)';
    is_deeply [$dom->get_state], [Sys::Virt::Domain::STATE_SHUTOFF(), Sys::Virt::Domain::STATE_SHUTOFF_MIGRATED()],
        'off here (migrated)';
    is shell($there, 'cat /tmp/mark'), 'before-migration', "the guest's memory came along; its console answers there";
    ok spin(sub { grep({ $_ eq join ' ', Sys::Virt::Domain::EVENT_STOPPED(), Sys::Virt::Domain::EVENT_STOPPED_MIGRATED() } @src_ev)
        && grep({ $_ eq join ' ', Sys::Virt::Domain::EVENT_RESUMED(), Sys::Virt::Domain::EVENT_RESUMED_MIGRATED() } @dst_ev) }, 10),
        'events: stopped (migrated) at the source, resumed (migrated) at the destination';
    note "source events: @src_ev; destination events: @dst_ev";
    ok grep({ $_ eq join ' ', Sys::Virt::Domain::EVENT_STARTED(), Sys::Virt::Domain::EVENT_STARTED_MIGRATED() } @dst_ev),
        'started (migrated) at the destination';
};

subtest 'and back with the classic binding' => sub {
    plan skip_all => $NO_CLASSIC unless $classic;
    plan skip_all => 'the guest did not get there' unless $there;
    (@src_ev, @dst_ev) = ();
    my $code = 'my $c2 = Sys::Virt->new(uri => q{' . $d2->uri_for('qemu') . '}); '
        . 'my $d = $c2->get_domain_by_name($dom->get_name); '
        . 'my $back = $d->migrate($conn, { Sys::Virt::Domain::MIGRATE_PARAM_URI() => "tcp://127.0.0.1" }, '
        . 'Sys::Virt::Domain::MIGRATE_LIVE()); '
        . 'print ref($back), " ", join(",", $back->get_state), "\n"';
    my ($out, $st) = $g->run_perl($name, $code, classic => 1, timeout => 120);
    is $st, 0, 'exit 0' or diag $out;
    is $out, 'Sys::Virt::Domain ' . join(',', Sys::Virt::Domain::STATE_RUNNING(), Sys::Virt::Domain::STATE_RUNNING_MIGRATED()) . "\n",
        'the classic binding migrates it back';
    is( ($dom->get_state)[0], Sys::Virt::Domain::STATE_RUNNING(), 'running here again');
    is_deeply [$dst->list_all_domains], [], 'gone from the destination';
    is shell($dom, 'cat /tmp/mark'), 'before-migration', "the guest's memory came back";
    ok spin(sub { grep({ $_ eq join ' ', Sys::Virt::Domain::EVENT_RESUMED(), Sys::Virt::Domain::EVENT_RESUMED_MIGRATED() } @src_ev) }, 10),
        'our source connection sees it resumed (migrated)';
};

$_->[0]->domain_event_deregister_any($_->[1]) for @cbs;
Sys::Virt::Event::remove_timeout($tick);
note sprintf 'whole file: %.1f s', Time::HiRes::time() - $t0;
done_testing;
