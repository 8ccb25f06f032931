#!/usr/bin/perl
# A connection dropped right after it deregistered an event callback must
# close, even when the daemon was dispatching an event to that callback as
# it deregistered.
#
# The daemon only marks a callback deleted while an event is dispatched to
# it, and that dispatch still sends the event, after the deregistration's
# answer. Unread, the event is read by the connection's close, where
# libvirt 9.0's remote driver disposes the connection a second time and
# deadlocks (what `make fuzz` met about twice in 10,000 sequences).
# Sys::Virt makes one more call after a deregistration, so that the event
# is read while the connection is alive.
#
# The race is staged deterministically with gdb on the private daemon, in
# non-stop mode (only the thread at a breakpoint stops): the worker thread
# running the deregistration waits a second before it marks the callback
# deleted; meanwhile a pool refresh by another connection makes the main
# loop dispatch a refresh event to it, and gdb holds the main loop a second
# just before it queues that event, so that the answer goes first.
use strict;
use warnings;
use Test::More;
use File::Temp ();
use IO::Handle;
use POSIX ();
use Time::HiRes ();
use lib 't/lib';
use Test::LibvirtDaemon;

use Sys::Virt;
use Sys::Virt::Event;

plan skip_all => 'gdb must attach to the private daemon: needs root' if $> != 0;
my ($gdb) = grep { -x } map { "$_/gdb" } split /:/, $ENV{PATH} // '';
plan skip_all => 'gdb not installed' unless $gdb;

# The staging reads a daemon message's procedure at its offset in libvirt
# 9.0's virNetMessage, and stops at 9.0's functions: checked there only.
# (The fix, one more call after each deregistration, runs on every libvirt.)
plan skip_all => 'the race is staged with libvirt 9.0\'s internals; this is libvirt '
    . join('.', map { int(Sys::Virt::LIBVIR_VERSION_NUMBER() / $_) % 1000 } 1_000_000, 1000, 1)
    unless int(Sys::Virt::LIBVIR_VERSION_NUMBER() / 1000) == 9000;

my $d = Test::LibvirtDaemon->start_or_skip;

# From libvirt's remote_protocol.x and virnetmessage.h (9.0, x86-64): the
# refresh event's procedure number, and where a virNetMessage keeps it.
my $PROC_POOL_EVENT_REFRESH = 373;
my $PROC_OFFSET = 40;

my $log = File::Temp->new(TEMPLATE => 'svr-gdb-XXXXXX', TMPDIR => 1);
sub gdb_log { open my $fh, '<', $log->filename or return ''; local $/; <$fh> // '' }
sub wait_for {
    my ($cond, $secs) = @_;
    my $end = Time::HiRes::time() + $secs;
    until ($cond->()) {
        return 0 if Time::HiRes::time() > $end;
        Time::HiRes::sleep(0.05);
    }
    return 1;
}

open(my $to_gdb, '|-', "exec $gdb -q -nx >" . $log->filename . " 2>&1")
    or die "cannot run gdb: $!";
$to_gdb->autoflush(1);
# In non-stop mode the attach stops the threads one at a time: once they
# are all in (on a loaded machine that takes more than a second; a thread
# still to stop when the others are resumed stays stopped, and the daemon
# hangs), resume them all, then set the breakpoints on the running daemon
# (set before, they were not hit).
print $to_gdb <<"EOF";
set pagination off
set confirm off
set non-stop on
attach @{[ $d->pid ]}
EOF
Time::HiRes::sleep(1);
wait_for(sub {
    my $log = gdb_log();
    my $threads = () = $log =~ /\[New LWP/g;
    my $stopped = () = $log =~ /^Thread \d+ .*stopped\./mg;
    $threads && $stopped >= $threads;
}, 30);
print $to_gdb "continue -a &\n";
Time::HiRes::sleep(0.5);
print $to_gdb <<"EOF";
break virConnectStoragePoolEventDeregisterAny
commands
silent
printf "MARK deregistration-held %d\\n", \$_thread
end
break *virNetServerClientSendMessage if *(int *)(\$rsi + $PROC_OFFSET) == $PROC_POOL_EVENT_REFRESH
commands
silent
printf "MARK refresh-event-held %d\\n", \$_thread
end
echo MARK armed\\n
EOF

# Whatever happens below, gdb leaves the daemon as it found it: a killed
# gdb would leave its breakpoint traps in the daemon.
my $detached;
sub detach_gdb {
    return if $detached++;
    # Breakpoints out first, then a detach of every thread once they have
    # all stopped (in non-stop mode they stop one at a time).
    print $to_gdb "delete\ninterrupt -a\n";
    Time::HiRes::sleep(1);
    print $to_gdb "detach\nquit\n";
    close $to_gdb;
}
END { detach_gdb() if $to_gdb }

ok(wait_for(sub { gdb_log() =~ /MARK armed/ }, 30), 'gdb holds the daemon\'s breakpoints')
    or diag gdb_log();

# The client, in a child of its own: it hangs without the fix.
my $child = fork // die "fork: $!";
if (!$child) {
    my $ok = eval {
        Sys::Virt::Event::register_default();
        my $conn = Sys::Virt->new(uri => $d->uri);
        my $id = $conn->storage_pool_event_register_any(
            undef, Sys::Virt::StoragePool::EVENT_ID_REFRESH(), sub {});
        # Another connection refreshes the pool while the deregistration
        # is held in the daemon.
        my $refresher = fork // die "fork: $!";
        if (!$refresher) {
            Time::HiRes::sleep(0.3);
            eval { Sys::Virt->new(uri => $d->uri)->get_storage_pool_by_name($d->pool_name)->refresh(0); 1 }
                or print STDERR "refresher: $@";
            POSIX::_exit(0);
        }
        $conn->storage_pool_event_deregister_any($id);
        waitpid $refresher, 0;
        undef $conn;    # the last reference: the close
        1;
    };
    print STDERR "client: $@" unless $ok;
    POSIX::_exit($ok ? 0 : 1);
}

# gdb leaves each thread stopped at its breakpoint and stays free to
# handle the others: hold the deregistration until the main loop is about
# to queue the refresh event to the same callback, let the deregistration
# answer go first, then the event.
my ($held_dereg) = wait_for(sub { gdb_log() =~ /MARK deregistration-held/ }, 20)
    ? gdb_log() =~ /MARK deregistration-held (\d+)/ : ();
my ($held_event) = wait_for(sub { gdb_log() =~ /MARK refresh-event-held/ }, 10)
    ? gdb_log() =~ /MARK refresh-event-held (\d+)/ : ();
if ($held_dereg) {
    print $to_gdb "thread $held_dereg\ncontinue &\necho MARK deregistration-released\\n\n";
    Time::HiRes::sleep(0.5);
}
if ($held_event) {
    print $to_gdb "thread $held_event\ncontinue &\necho MARK refresh-event-released\\n\n";
}
my $exited = wait_for(sub { waitpid($child, POSIX::WNOHANG()) == $child }, 20);
my $status = $?;
if (!$exited) {
    diag `$gdb -p $child -batch -ex 'thread apply all bt 30' 2>/dev/null`;
    kill 'KILL', $child;
    waitpid $child, 0;
}
my $marks = join ' ', gdb_log() =~ /MARK (\S+)/g;
ok($exited, 'the connection closes after its deregistration') or diag $marks;
is($status, 0, 'and the client exits cleanly') if $exited;
like($marks, qr/deregistration-held.*refresh-event-held.*deregistration-released.*refresh-event-released/,
     'the race was staged: the event was being queued while the deregistration went through');

detach_gdb();
ok($d->is_running, 'the daemon runs on after gdb detached');
my $conn = Sys::Virt->new(uri => $d->uri);
ok(eval { $conn->get_storage_pool_by_name($d->pool_name)->refresh(0); 1 }, 'and answers')
    or diag $@;
done_testing;
