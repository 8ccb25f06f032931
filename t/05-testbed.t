#!/usr/bin/perl
# The test bed itself: a private libvirtd per test (t/lib/Test/LibvirtDaemon.pm)
# starts, works with virsh, touches nothing of the system, runs beside other
# daemons, and never outlives its test.

use strict;
use warnings;

use Test::More;
use lib 't/lib';
use Test::LibvirtDaemon;

use File::Find ();
use File::Path ();
use File::Temp ();
use POSIX ();
use Time::HiRes ();

# Never hang the harness.
$SIG{ALRM} = sub { die "timed out\n" };
alarm 180;

# Real system directories a stray daemon would write to.
my @SYSTEM_DIRS = ('/run/libvirt/storage', '/etc/libvirt/storage');
my %before = map { $_ => listing($_) } @SYSTEM_DIRS;

my $t0 = Time::HiRes::time();
my $d1 = Test::LibvirtDaemon->start_or_skip;
my $start_secs = Time::HiRes::time() - $t0;
diag sprintf 'daemon started in %.3fs', $start_secs;

# ---------------------------------------------------------------------------
subtest 'daemon starts' => sub {
    isa_ok $d1, 'Test::LibvirtDaemon';
    my $dir = $d1->dir;
    ok -d $dir, "temp dir $dir";
    is $d1->socket, "$dir/libvirt-sock", 'socket accessor';
    ok -S $d1->socket, 'socket exists';
    is $d1->uri, "storage:///system?socket=$dir/libvirt-sock", 'uri';
    is $d1->log_file, "$dir/libvirtd.log", 'log_file accessor';
    is $d1->pool_name, 'testpool', 'default pool name';
    ok -d $d1->pool_path, 'pool directory exists';
    like $d1->pool_path, qr/^\Q$dir\E\//, 'pool directory inside temp dir';

    my $pid = $d1->pid;
    ok alive($pid), "daemon pid $pid alive";
    is ppid_of($pid), $$, 'daemon is a direct child of the test';
    like cmdline($pid), qr/libvirtd.*--config \Q$dir\E/, 'the child is libvirtd itself';
    is slurp("$dir/libvirtd.pid") + 0, $pid, 'pid file agrees';
    isnt readlink("/proc/$pid/ns/mnt"), readlink("/proc/self/ns/mnt"),
        'daemon runs in its own mount namespace';
    my $mounts = slurp("/proc/$pid/mountinfo");
    for my $m ('/run/libvirt', '/var/lib/libvirt', '/etc/libvirt/storage') {
        like $mounts, qr{^\d+ \d+ \S+ \S+ \Q$m\E \S+.*? - tmpfs sys-virt-test }m, "private tmpfs on $m";
    }
    unlike slurp('/proc/self/mountinfo'), qr/sys-virt-test/,
        'no tmpfs of ours visible outside';
    ok defined $d1->start_time && $d1->start_time < 20, 'start_time recorded';
};

# ---------------------------------------------------------------------------
subtest 'virsh works on it' => sub {
    my $pools = $d1->virsh('pool-list', '--all');
    like $pools, qr/^\s*testpool\s+active\b/m, 'pool-list shows testpool active';

    my $tmp = File::Temp->newdir('sys-virt-05-XXXXXX', TMPDIR => 1);

    # Exact-size volume: upload, download, compare.
    my $data = join '', map { chr((($_ * 7919) ^ ($_ >> 3)) & 255) } 0 .. 65535;
    spew("$tmp/up", $data);
    my $path = $d1->create_volume('v1', length $data, format => 'raw');
    is $path, $d1->pool_path . '/v1', 'create_volume returns the path';
    ok -f $path, 'volume file exists';
    is -s $path, length $data, 'volume has the requested capacity';
    like $d1->virsh('vol-list', $d1->pool_name), qr/^\s*v1\s/m, 'vol-list shows it';

    $d1->virsh('vol-upload', '--pool', $d1->pool_name, 'v1', "$tmp/up");
    ok slurp($path) eq $data, 'vol-upload wrote the bytes into the volume';
    $d1->virsh('vol-download', '--pool', $d1->pool_name, 'v1', "$tmp/down");
    ok slurp("$tmp/down") eq $data, 'vol-download gives back the same bytes';

    # Sparse transfer: data, hole, data in 1 MiB.
    my $size = 1 << 20;
    open my $fh, '>', "$tmp/sparse" or die $!;
    binmode $fh;
    print {$fh} 'A' x 4096;
    seek $fh, 512 * 1024, 0;
    print {$fh} 'B' x 4096;
    truncate $fh, $size;
    close $fh;
    $d1->create_volume('v2', $size);
    $d1->virsh('vol-upload', '--sparse', '--pool', $d1->pool_name, 'v2', "$tmp/sparse");
    $d1->virsh('vol-download', '--sparse', '--pool', $d1->pool_name, 'v2', "$tmp/sparse-down");
    is -s "$tmp/sparse-down", $size, 'sparse download has the full size';
    ok slurp("$tmp/sparse-down") eq slurp("$tmp/sparse"), 'sparse round trip keeps the bytes';

    my $err = eval { $d1->virsh('vol-info', '--pool', $d1->pool_name, 'no-such-volume'); 1 } ? '' : $@;
    like $err, qr/no-such-volume|not found|no storage vol/i, 'virsh failure dies with its stderr';
};

# ---------------------------------------------------------------------------
subtest 'two daemons at once' => sub {
    my $d2 = Test::LibvirtDaemon->start(pool_name => 'otherpool');
    ok $d2, 'second daemon starts while the first runs'
        or return diag $Test::LibvirtDaemon::SKIP_REASON;
    isnt $d2->dir, $d1->dir, 'separate temp dirs';
    isnt $d2->pid, $d1->pid, 'separate processes';
    ok alive($d1->pid) && alive($d2->pid), 'both alive';
    isnt readlink('/proc/' . $d2->pid . '/ns/mnt'), readlink('/proc/' . $d1->pid . '/ns/mnt'),
        'separate mount namespaces';

    my $p2 = $d2->virsh('pool-list', '--all');
    like $p2, qr/^\s*otherpool\s/m, 'second daemon has its pool';
    unlike $p2, qr/testpool/, 'and not the first one\'s';
    like $d1->virsh('pool-list', '--all'), qr/^\s*testpool\s/m, 'first daemon still answers';
    unlike $d1->virsh('pool-list', '--all'), qr/otherpool/, 'without the second one\'s pool';

    my ($pid, $dir) = ($d2->pid, $d2->dir);
    $d2->stop;
    ok !kill(0, $pid), 'stop: pid gone (kill 0 fails)';
    is_deeply [ daemons_for($dir) ], [], 'stop: no process names the temp dir';
    ok !-e $dir, 'stop: temp dir removed';
    is $d2->pid, undef, 'stop: pid accessor cleared';
    ok eval { $d2->stop; 1 }, 'stop twice is harmless';
    ok alive($d1->pid), 'first daemon unaffected';
};

# ---------------------------------------------------------------------------
subtest 'kill_daemon' => sub {
    my $d3 = Test::LibvirtDaemon->start(pool => 0);
    ok $d3, 'daemon without pool starts'
        or return diag $Test::LibvirtDaemon::SKIP_REASON;
    unlike $d3->virsh('pool-list', '--all'), qr/testpool/, 'no pool created';
    my ($pid, $dir) = ($d3->pid, $d3->dir);
    my $st = $d3->kill_daemon('KILL');
    is $st & 127, 9, 'killed by SIGKILL and reaped';
    ok !kill(0, $pid), 'pid gone';
    is $d3->pid, undef, 'pid cleared';
    ok !eval { $d3->virsh('pool-list'); 1 }, 'virsh now fails';
    ok -d $dir, 'temp dir kept until stop';
    $d3->stop;
    ok !-e $dir, 'stop removes it';
};

# ---------------------------------------------------------------------------
subtest 'a forked child does not stop our daemon' => sub {
    my $pid = fork // die "fork: $!";
    if ($pid == 0) {
        # Runs END blocks and DESTROY on the child's copy of $d1.
        undef $d1;
        exit 0;
    }
    waitpid $pid, 0;
    is $?, 0, 'child exited normally';
    ok alive($d1->pid), 'daemon still alive';
    ok -d $d1->dir, 'temp dir still there';
    like $d1->virsh('pool-list'), qr/testpool/, 'daemon still answers';
};

# ---------------------------------------------------------------------------
subtest 'SIGKILLed owner leaves no daemon' => sub {
    pipe my $r, my $w or die "pipe: $!";
    my $child = fork // die "fork: $!";
    if ($child == 0) {
        close $r;
        my $d = Test::LibvirtDaemon->start;
        my $line = $d ? join(' ', 'OK', $d->pid, $d->dir)
                      : "FAIL $Test::LibvirtDaemon::SKIP_REASON";
        $line =~ s/\n/ /g;
        syswrite $w, "$line\n";
        close $w;
        sleep 60;
        POSIX::_exit(0);
    }
    close $w;
    my $line = <$r> // '';
    close $r;
    chomp $line;
    my (undef, $pid, $dir) = split ' ', $line;
    like $line, qr/^OK \d+ \//, 'child started a daemon' or do {
        kill 'KILL', $child;
        waitpid $child, 0;
        return;
    };
    ok alive($pid), "its daemon $pid runs";
    is ppid_of($pid), $child, 'as a child of the child';

    kill 'KILL', $child;
    waitpid $child, 0;
    is $? & 127, 9, 'child SIGKILLed';

    ok wait_until(5, sub { !alive($pid) && !daemons_for($dir) }),
        'its libvirtd is gone too (parent-death signal)';
    ok -d $dir, 'only its temp dir remains (nobody ran stop)';
    File::Path::remove_tree($dir) if $dir =~ m{/sys-virt-libvirtd-};
};

# ---------------------------------------------------------------------------
subtest 'a script that dies or exits stops its daemon at END' => sub {
    for my $case (['die "deliberate\n"', undef], ['exit 3', 3]) {
        my ($end, $want) = @$case;
        my $code = 'use strict; use Test::LibvirtDaemon; $| = 1;'
            . ' our $d = Test::LibvirtDaemon->start'
            . ' or do { print "FAIL $Test::LibvirtDaemon::SKIP_REASON\n"; exit 0 };'
            . ' print join(" ", "OK", $d->pid, $d->dir), "\n";'
            . " $end;";
        open my $fh, '-|', $^X, '-It/lib', '-e', $code or die "run perl: $!";
        my $out = do { local $/; <$fh> } // '';
        close $fh;
        my $status = $?;
        my ($ok, $pid, $dir) = split ' ', $out;
        like $out, qr/^OK \d+ \//, "[$end] script started a daemon" or next;
        if (defined $want) {
            is $status >> 8, $want, "[$end] exit status preserved through END";
        }
        else {
            isnt $status >> 8, 0, "[$end] script failed";
        }
        ok !alive($pid), "[$end] its daemon $pid is gone";
        is_deeply [ daemons_for($dir) ], [], "[$end] no process names its temp dir";
        ok !-e $dir, "[$end] temp dir removed, so END ran stop";
    }
};

# ---------------------------------------------------------------------------
subtest 'skip reason' => sub {
    local $ENV{SYS_VIRT_TEST_NO_DAEMON} = 1;
    is +Test::LibvirtDaemon->start, undef, 'start returns undef when it cannot start';
    like $Test::LibvirtDaemon::SKIP_REASON, qr/SYS_VIRT_TEST_NO_DAEMON/, 'with the reason';
    ok alive($d1->pid), 'the running daemon is untouched';
};

# ---------------------------------------------------------------------------
subtest 'stop' => sub {
    my ($pid, $dir) = ($d1->pid, $d1->dir);
    $d1->stop;
    ok !kill(0, $pid), 'pid gone (kill 0 fails)';
    is_deeply [ daemons_for($dir) ], [], 'no libvirtd names the temp dir';
    ok !-e $dir, 'temp dir removed';
    ok eval { $d1->stop; 1 }, 'second stop is harmless';
    undef $d1;
};

# ---------------------------------------------------------------------------
subtest 'nothing written to the system' => sub {
    for my $dir (@SYSTEM_DIRS) {
        is_deeply listing($dir), $before{$dir}, "$dir unchanged";
    }
};

done_testing;

# ---------------------------------------------------------------------------
# Helpers

sub slurp {
    my ($f) = @_;
    open my $fh, '<', $f or return '';
    binmode $fh;
    local $/;
    return scalar <$fh>;
}

sub spew {
    my ($f, $data) = @_;
    open my $fh, '>', $f or die "$f: $!";
    binmode $fh;
    print {$fh} $data;
    close $fh or die "$f: $!";
}

# Files under $dir with their sizes; a missing directory lists as empty
# (the module may create an empty mount point).
sub listing {
    my ($dir) = @_;
    my @l;
    if (-d $dir) {
        File::Find::find({ no_chdir => 1, wanted => sub {
            return if $_ eq $dir;
            push @l, join ' ', substr($_, length $dir), (-d $_ ? 'dir' : -s _ // 0);
        } }, $dir);
    }
    return [ sort @l ];
}

sub stat_fields {
    my ($pid) = @_;
    my $s = slurp("/proc/$pid/stat");
    $s =~ s/^.*\)\s+// or return;    # skip "pid (comm)"
    return split ' ', $s;            # state, ppid, ...
}

# Running and not a zombie.
sub alive {
    my ($pid) = @_;
    return 0 unless $pid && -e "/proc/$pid";
    my ($state) = stat_fields($pid);
    return defined $state && $state ne 'Z' && $state ne 'X';
}

sub ppid_of { (stat_fields($_[0]))[1] }

sub cmdline {
    my ($pid) = @_;
    (my $c = slurp("/proc/$pid/cmdline")) =~ tr/\0/ /;
    return $c;
}

# Live processes whose command line names $dir.
sub daemons_for {
    my ($dir) = @_;
    return () unless defined $dir && length $dir;
    my @p;
    opendir my $dh, '/proc' or die "/proc: $!";
    for my $pid (grep { /^\d+$/ } readdir $dh) {
        next if $pid == $$;
        push @p, $pid if index(cmdline($pid), $dir) >= 0 && alive($pid);
    }
    return @p;
}

sub wait_until {
    my ($secs, $cond) = @_;
    my $deadline = Time::HiRes::time() + $secs;
    while (Time::HiRes::time() < $deadline) {
        return 1 if $cond->();
        Time::HiRes::sleep(0.05);
    }
    return $cond->();
}
