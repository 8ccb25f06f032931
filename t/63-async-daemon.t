#!/usr/bin/perl
# The non-blocking forms against a private daemon (Test::LibvirtDaemon):
# results and errors as blocking; a daemon killed with calls in flight
# fails every one of them (none stays pending); a daemon that stops
# answering (SIGSTOP) fails them once the keepalive gives up, while the
# loop keeps running.
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use Time::HiRes ();
use POSIX ();
use lib 't/lib';
use Test::DefaultLoop ();
use Test::LibvirtDaemon;

BEGIN {
    plan skip_all => 'Future is not installed' unless eval { require Future; Future->VERSION(0.44); 1 };
}
use Sys::Virt;
use Sys::Virt::Event;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 240;

my $d = Test::LibvirtDaemon->start_or_skip;

Sys::Virt::Event::register_default();
my $ticks = 0;
my $tick = Sys::Virt::Event::add_timeout(50, sub { $ticks++ });

# Runs the loop until $cond holds; gives up (returns false) after $secs,
# so that a failure is a failed test, not a hang.
sub spin { Test::DefaultLoop::spin($_[0], $_[1] // 60) }

# ---- results and errors as blocking, the connection opened with new_f
{
    my $conn = Sys::Virt->new_f(uri => $d->uri)->get;
    isa_ok $conn, 'Sys::Virt', 'new_f on the daemon';
    my @pools = $conn->list_all_storage_pools_f->get;
    is_deeply [ sort map { $_->get_name } @pools ], [ sort map { $_->get_name } $conn->list_all_storage_pools ],
        'list_all_storage_pools_f';
    my $pool = $conn->get_storage_pool_by_name_f($d->pool_name)->get;
    isa_ok $pool, 'Sys::Virt::StoragePool';
    is_deeply [ $pool->get_info_f->get ], [ $pool->get_info ], 'get_info_f of a pool';
    my $vol = $pool->create_volume_f(<<"XML")->get;
<volume><name>async.img</name><capacity unit='bytes'>65536</capacity><target><format type='raw'/></target></volume>
XML
    isa_ok $vol, 'Sys::Virt::StorageVol', 'create_volume_f';
    is $vol->get_name_f->get, 'async.img', 'its name';
    my $want = exception { $pool->get_volume_by_name('nosuch') };
    my $got = exception { $pool->get_volume_by_name_f('nosuch')->get };
    isa_ok $got, 'Sys::Virt::Error';
    is_deeply {%$got}, {%$want}, 'a daemon error: the same error object as blocking';
    $vol->delete_f(0)->get;
    ok !exception { $pool->refresh(0) }, 'delete_f done';
    ok !grep({ $_->get_name eq 'async.img' } $pool->list_all_volumes), 'the volume is gone';

    # many hosts at once (here: many connections to one daemon)
    my @conns = map { Sys::Virt->new_f(uri => $d->uri) } 1 .. 8;
    my @names = Future->needs_all(map { my $f = $_; $f->then(sub { $_[0]->num_of_storage_pools_f }) } @conns)->get;
    is scalar(@names), 8, 'eight connections opened and asked at once';
}

# ---- the daemon is killed with calls in flight: every one fails
{
    my $conn = Sys::Virt->new(uri => $d->uri);
    my $pool = $conn->get_storage_pool_by_name($d->pool_name);
    # Stopped first, so that the calls are surely in flight when it dies.
    kill 'STOP', $d->pid;
    my @f = ((map { $pool->get_info_f } 1 .. 10), (map { $conn->list_all_storage_pools_f } 1 .. 10));
    ok !(grep { $_->is_ready } @f), 'the calls wait for the stopped daemon';
    $d->kill_daemon('KILL');
    ok spin(sub { !grep { !$_->is_ready } @f }), 'every call settled after the daemon was killed';
    is scalar(grep { $_->is_failed } @f), 20, 'every one failed';
    my ($e) = map { $_->failure } grep { $_->is_failed } @f;
    isa_ok $e, 'Sys::Virt::Error', 'with a libvirt error';
    is Sys::Virt::_async_in_flight(), 0, 'none pending';
    my $after = $conn->list_all_storage_pools_f;
    ok spin(sub { $after->is_ready }), 'a call on the dead connection settles';
    ok $after->is_failed, 'and fails';
}

# ---- a daemon that stops answering, with keepalive: the calls fail
SKIP: {
    my $d2 = Test::LibvirtDaemon->start;
    skip "a second private daemon: $Test::LibvirtDaemon::SKIP_REASON", 8 unless $d2;
    my $conn = Sys::Virt->new(uri => $d2->uri);
    $conn->set_keep_alive(1, 2);
    my $pool = $conn->get_storage_pool_by_name($d2->pool_name);
    kill 'STOP', $d2->pid;
    my $size = Sys::Virt::set_worker_threads(8);
    my @f = map { $pool->get_info_f } 1 .. 5;
    # Five workers wait on the stopped daemon; calls queued after them run
    # on the three others (one wake-up at a time: src/api/pending.rs).
    my $dom = Sys::Virt->new(uri => 'test:///default')->get_domain_by_name('test');
    my @quick = map { $dom->get_info_f } 1 .. 50;
    ok spin(sub { !grep { !$_->is_ready } @quick }, 20), 'calls queued after them ran on the free workers';
    is scalar(grep { $_->is_done } @quick), 50, 'and succeeded';
    ok !(grep { $_->is_ready } @f), 'while the stopped daemon\'s calls still wait';
    my $before = $ticks;
    ok spin(sub { !grep { !$_->is_ready } @f }, 120), 'every call settled, the daemon stopped';
    is scalar(grep { $_->is_failed } @f), 5, 'every one failed (keepalive)';
    ok $ticks > $before, 'the loop kept running meanwhile';
    is Sys::Virt::_async_in_flight(), 0, 'none pending';
    Sys::Virt::set_worker_threads($size);
    kill 'CONT', $d2->pid;
    ok !$conn->is_alive, 'the connection is closed';
    $d2->stop;
}

# ---- the script ends with calls in flight (their daemon stopped): Perl's
# global destruction frees every object, those the calls hold too; their
# handles are left be (the workers use them: the fuzzer saw a crash), and
# the exit is quick. libvirt's debug log shows what is released.
SKIP: {
    my $d3 = Test::LibvirtDaemon->start;
    skip "a third private daemon: $Test::LibvirtDaemon::SKIP_REASON", 4 unless $d3;
    my $script = <<'PERL';
use Sys::Virt;
Sys::Virt::Event::register_default();
our $conn = Sys::Virt->new(uri => $ARGV[0]);
our $pool = $conn->get_storage_pool_by_name($ARGV[2]);
kill 'STOP', $ARGV[1];
our @f = ($conn->list_all_storage_pools_f, $pool->get_info_f);
print STDERR "started\n";
exit 0;
PERL
    my @inc = map { "-I$_" } grep { !ref } @INC;
    pipe my $r, my $w or die "pipe: $!";
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        close $r;
        open STDOUT, '>&', $w;
        open STDERR, '>&', $w;
        @ENV{qw(LIBVIRT_DEBUG LIBVIRT_LOG_FILTERS LIBVIRT_LOG_OUTPUTS)} = (1, '1:libvirt', '1:stderr');
        exec $^X, @inc, '-e', $script, $d3->uri, $d3->pid, $d3->pool_name;
        POSIX::_exit(127);
    }
    close $w;
    my $out = '';
    my $ended = eval {
        local $SIG{ALRM} = sub { die "timed out\n" };
        alarm 30;
        $out = do { local $/; <$r> } // '';
        waitpid $pid, 0;
        alarm 0;
        1;
    };
    if (!$ended) { kill 'KILL', $pid; waitpid $pid, 0 }
    ok $ended, 'a script ending with calls in flight on a stopped daemon exits' or diag $out;
    is $?, 0, 'cleanly' or diag $out;
    unlike $out, qr/CRITICAL|Segmentation|panic|internal error in the Rust core/, 'no crash, no complaint';
    my ($after) = $out =~ /^started\n(.*)/ms;
    unlike $after // 'not started', qr/: (virConnectClose|virStoragePoolFree):|not started/,
        'the connection and the pool the calls use were not released under them';
    $d3->kill_daemon('KILL');
    $d3->stop;
}

Sys::Virt::Event::remove_timeout($tick);
done_testing;
