#!/usr/bin/perl
# A real QEMU guest with a qcow2 disk (t/lib/Test/QemuGuest.pm): save and
# restore to a file, managed save, an internal snapshot and its revert, a
# checkpoint, block copy and block pull as block jobs (get_block_job_info,
# abort_block_job, pivot, their events), an external disk-only snapshot, and
# a domain job (a save) seen with get_job_info and cancelled with abort_job.
# The guest's memory and disk show what each step kept; the classic binding
# reads the same state.
use strict;
use warnings;
use Test::More;
use Time::HiRes ();
use lib 't/lib';
use Test::QemuGuest qw(spin wait_job);

use Sys::Virt;
use Sys::Virt::Event;

alarm 300;    # no handler: a hang inside a blocking call still ends the test

my $g = Test::QemuGuest->start_or_skip;
Sys::Virt::Event::register_default();
my $tick = Sys::Virt::Event::add_timeout(50, sub {});

my $t0 = Time::HiRes::time();
my $name = $g->boot(disk => 1);
note sprintf 'guest %s ready in %.1f s', $name, $g->boot_time($name);
my $dir = $g->dir;
my $conn = Sys::Virt->new(uri => $g->uri);
my $dom = $conn->get_domain_by_name($name);
my $classic = eval { require Test::Classic; Test::Classic::lib() };
my $NO_CLASSIC = "classic binding: " . ($Test::Classic::REASON // '');

my (@life, @jobs);
my @cbs = (
    $conn->domain_event_register_any($dom, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(),
        sub { push @life, "$_[2] $_[3]" }),
    $conn->domain_event_register_any($dom, Sys::Virt::Domain::EVENT_ID_BLOCK_JOB_2(),
        sub { push @jobs, "$_[2] $_[3] $_[4]" }),
);

# A shell command on the console (reopened after the guest's QEMU changed).
my ($console, $N) = (undef, 0);
sub shell {
    my ($cmd) = @_;
    if (!$console) {
        $console = $conn->new_stream(0);
        $dom->open_console($console, undef, Sys::Virt::Domain::OPEN_CONSOLE_FORCE());
    }
    $N++;
    my $want = $N * 7;
    my $text = "echo START-\$(($N*7)); $cmd; echo DONE-\$(($N*7))\n";
    while (length $text) { my $n = $console->send($text, length $text); substr($text, 0, $n) = '' }
    my $buf = '';
    until ($buf =~ /^DONE-$want\r\n/m) {
        my $n = $console->recv(my $c, 65536);
        die "console ended\n" if $n <= 0;
        $buf .= $c;
    }
    my ($out) = $buf =~ /^START-$want\r\n(.*)^DONE-$want\r\n/ms;
    return $out // '';
}
sub console_gone { eval { $console->abort } if $console; undef $console }

sub mark { my ($m) = shell('cat /tmp/mark'); $m =~ s/\r//g; $m =~ s/\s+\z//; $m }

sub state_of { ($dom->get_state)[0] }
my ($RUNNING, $SHUTOFF) = (Sys::Virt::Domain::STATE_RUNNING(), Sys::Virt::Domain::STATE_SHUTOFF());

# data on the disk for the jobs to move, a mark in the guest's memory
shell('dd if=/dev/urandom of=/dev/vda bs=1M count=16 conv=fsync 2>/dev/null');
shell('echo first > /tmp/mark');

subtest 'save to a file and restore' => sub {
    my $file = "$dir/saved.img";
    @life = ();
    $dom->save($file);
    is state_of(), $SHUTOFF, 'off after save';
    cmp_ok -s $file, '>', 1024 * 1024, 'a save image';
    console_gone();
    $conn->restore_domain($file);
    is state_of(), $RUNNING, 'running after restore';
    is mark(), 'first', "the guest's memory came back";
    ok spin(sub { @life >= 4 }, 10), 'lifecycle events';
    is_deeply \@life, [
        join(' ', Sys::Virt::Domain::EVENT_SUSPENDED(), Sys::Virt::Domain::EVENT_SUSPENDED_PAUSED()),
        join(' ', Sys::Virt::Domain::EVENT_STOPPED(), Sys::Virt::Domain::EVENT_STOPPED_SAVED()),
        join(' ', Sys::Virt::Domain::EVENT_STARTED(), Sys::Virt::Domain::EVENT_STARTED_RESTORED()),
        # libvirt 9.0 reports the resume after a restore as "from snapshot"
        join(' ', Sys::Virt::Domain::EVENT_RESUMED(), Sys::Virt::Domain::EVENT_RESUMED_FROM_SNAPSHOT()),
    ], 'suspended, stopped (saved), started (restored), resumed' or diag explain \@life;
};

subtest 'managed save' => sub {
    shell('echo second > /tmp/mark');
    $dom->managed_save;
    is state_of(), $SHUTOFF, 'off after managed_save';
    ok $dom->has_managed_save_image, 'has_managed_save_image';
    console_gone();
    SKIP: {
        skip $NO_CLASSIC, 1 unless $classic;
        my ($out) = $g->run_perl($name, 'print $dom->has_managed_save_image ? "yes\n" : "no\n"', classic => 1);
        is $out, "yes\n", 'the classic binding sees the image';
    }
    $dom->create;
    is state_of(), $RUNNING, 'started from the image';
    ok !$dom->has_managed_save_image, 'and the image is gone';
    is mark(), 'second', "the guest's memory came back";
};

subtest 'an internal snapshot of the running guest, and its revert' => sub {
    shell('echo third > /tmp/mark');
    my $snap = $dom->create_snapshot('<domainsnapshot><name>s1</name></domainsnapshot>');
    isa_ok $snap, 'Sys::Virt::DomainSnapshot';
    is $snap->get_name, 's1', 'named';
    like $snap->get_xml_description, qr{<state>running</state>}, 'of a running guest';
    shell('echo fourth > /tmp/mark');
    is_deeply [map { $_->get_name } $dom->list_all_snapshots], ['s1'], 'list_all_snapshots';
    SKIP: {
        skip $NO_CLASSIC, 1 unless $classic;
        my ($out) = $g->run_perl($name,
            'print join(",", map { $_->get_name } $dom->list_all_snapshots), " ", $dom->has_current_snapshot, "\n"',
            classic => 1);
        is $out, "s1 1\n", 'the classic binding lists it, as current';
    }
    console_gone();
    $snap->revert_to(0);
    is state_of(), $RUNNING, 'running after the revert';
    is mark(), 'third', "the guest's memory is the snapshot's";
    $snap->delete(0);
    is_deeply [$dom->list_all_snapshots], [], 'deleted';
};

subtest 'a checkpoint' => sub {
    my $cp = eval { $dom->create_checkpoint('<domaincheckpoint><name>c1</name></domaincheckpoint>') };
    if (!$cp) {
        fail "create_checkpoint: $@";
        return;
    }
    is $cp->get_name, 'c1', 'created';
    like $cp->get_xml_description, qr{<disk name='vda' checkpoint='bitmap'}, 'a bitmap on the qcow2 disk';
    is_deeply [map { $_->get_name } $dom->list_all_checkpoints], ['c1'], 'list_all_checkpoints';
    SKIP: {
        skip $NO_CLASSIC, 1 unless $classic;
        my ($out) = $g->run_perl($name, 'print join(",", map { $_->get_name } $dom->list_all_checkpoints), "\n"',
            classic => 1);
        is $out, "c1\n", 'the classic binding lists it';
    }
    $cp->delete(0);
    is_deeply [$dom->list_all_checkpoints], [], 'deleted';
};

my $BJI = 'my $i = $dom->get_block_job_info("vda"); print join(",", map { "$_=" . ($_ eq "cur" ? "n" : $i->{$_}) } sort keys %$i), "\n"';

subtest 'block copy: a job, cancelled; another, pivoted' => sub {
    my $TJ = Sys::Virt::Domain::BLOCK_COPY_TRANSIENT_JOB();
    my $COPY = Sys::Virt::Domain::BLOCK_JOB_TYPE_COPY();
    @jobs = ();
    my $e = do { local $@; eval { $dom->block_copy('vda', "<disk type='file'><driver type='qcow2'/><source file='$dir/c0.qcow2'/></disk>", {}, 0) }; $@ };
    like "$e", qr/not transient/, 'a persistent domain needs BLOCK_COPY_TRANSIENT_JOB (libvirt 9.0)';

    $dom->block_copy('vda', "<disk type='file'><driver type='qcow2'/><source file='$dir/c1.qcow2'/></disk>",
        { Sys::Virt::Domain::BLOCK_COPY_BANDWIDTH() => 1024 * 1024 }, $TJ);
    my $i = $dom->get_block_job_info('vda');
    is $i->{type}, $COPY, 'get_block_job_info: a copy';
    is $i->{bandwidth}, 1, 'at 1 MiB/s';
    cmp_ok $i->{cur}, '<', $i->{end}, 'in progress';
    is $i->{end}, 64 * 1024 * 1024, 'of 64 MiB';
    SKIP: {
        skip $NO_CLASSIC, 1 unless $classic;
        my ($ours) = $g->run_perl($name, $BJI);
        my ($theirs) = $g->run_perl($name, $BJI, classic => 1);
        is $theirs, $ours, 'the classic binding reads the same job';
    }
    $dom->abort_block_job('vda', 0);
    ok spin(sub { @jobs >= 1 }, 10), 'an event';
    is_deeply [$jobs[0]], ["vda $COPY " . Sys::Virt::Domain::BLOCK_JOB_CANCELED()], 'cancelled';
    is_deeply $dom->get_block_job_info('vda')->{type} // 0, 0, 'no job left';

    @jobs = ();
    $dom->block_copy('vda', "<disk type='file'><driver type='qcow2'/><source file='$dir/c2.qcow2'/></disk>", {}, $TJ);
    ok spin(sub { @jobs >= 1 }, 60), 'the copy becomes ready';
    is $jobs[0], "vda $COPY " . Sys::Virt::Domain::BLOCK_JOB_READY(), 'READY';
    $dom->abort_block_job('vda', Sys::Virt::Domain::BLOCK_JOB_ABORT_PIVOT());
    ok spin(sub { @jobs >= 2 }, 10), 'pivoted';
    is $jobs[1], "vda $COPY " . Sys::Virt::Domain::BLOCK_JOB_COMPLETED(), 'COMPLETED';
    like $dom->get_xml_description, qr{<source file='\Q$dir\E/c2\.qcow2'}, 'the disk is now the copy';
    like shell('dd if=/dev/vda bs=1M count=16 2>/dev/null | md5sum; echo ok'), qr/^ok\r$/m, 'the guest reads it';
};

subtest 'an external disk-only snapshot; block pull: cancelled, then done' => sub {
    my $PULL = Sys::Virt::Domain::BLOCK_JOB_TYPE_PULL();
    my $md5 = sub { my ($h) = shell('dd if=/dev/vda bs=1M count=16 2>/dev/null | md5sum') =~ /^([0-9a-f]{32}) /m; $h };
    my $sum = $md5->();
    like $sum, qr/^[0-9a-f]{32}\z/, 'the md5 of the data the guest reads';
    my $snap = $dom->create_snapshot("<domainsnapshot><name>e1</name><disks><disk name='vda' snapshot='external'>"
        . "<source file='$dir/top.qcow2'/></disk></disks></domainsnapshot>",
        Sys::Virt::DomainSnapshot::CREATE_DISK_ONLY() | Sys::Virt::DomainSnapshot::CREATE_NO_METADATA());
    like $dom->get_xml_description, qr{<source file='\Q$dir\E/top\.qcow2'.*<backingStore type='file'.*<source file='\Q$dir\E/c2\.qcow2'}s,
        'the disk is an overlay on the old one';
    @jobs = ();
    $dom->block_pull('vda', 1, 0);
    my $i = $dom->get_block_job_info('vda');
    is $i->{type}, $PULL, 'get_block_job_info: a pull';
    cmp_ok $i->{cur}, '<', $i->{end}, 'in progress at 1 MiB/s';
    $dom->abort_block_job('vda', 0);
    ok spin(sub { @jobs >= 1 }, 10), 'an event';
    is $jobs[0], "vda $PULL " . Sys::Virt::Domain::BLOCK_JOB_CANCELED(), 'cancelled';
    $dom->block_pull('vda', 0, 0);
    ok spin(sub { @jobs >= 2 }, 60), 'a second pull ends';
    is $jobs[1], "vda $PULL " . Sys::Virt::Domain::BLOCK_JOB_COMPLETED(), 'COMPLETED';
    unlike $dom->get_xml_description, qr{c2\.qcow2}, 'the overlay no longer needs the old disk';
    is $md5->(), $sum, 'the same data';
};

subtest 'a domain job: a save, seen with get_job_info, cancelled with abort_job' => sub {
    my $idle = $dom->get_job_info;
    is $idle->{type}, Sys::Virt::Domain::JOB_NONE(), 'no job';
    my $h = $g->spawn_perl($name, 'eval { $dom->save(q{' . "$dir/aborted.img" . '}) }; '
        . 'print $@ ? "error " . $@->code . "\n" : "saved\n"', timeout => 60);
    my $job = wait_job($dom, 20, 0.02);
    ok $job, 'get_job_info sees the job';
    is $job->{type}, Sys::Virt::Domain::JOB_UNBOUNDED(), 'an unbounded job';
    cmp_ok $job->{memTotal}, '>', 64 * 1024 * 1024, 'memTotal';
    $dom->abort_job;
    my ($out, $st) = $g->reap_perl($h, 30);
    is $out, 'error ' . Sys::Virt::Error::ERR_OPERATION_ABORTED() . "\n", 'the save failed: operation aborted';
    is state_of(), $RUNNING, 'the guest runs on';
    SKIP: {
        skip $NO_CLASSIC, 1 unless $classic;
        my $code = 'my $i = $dom->get_job_info; print join(",", map { "$_=$i->{$_}" } sort keys %$i), "\n"';
        my ($ours) = $g->run_perl($name, $code);
        my ($theirs) = $g->run_perl($name, $code, classic => 1);
        is $theirs, $ours, 'get_job_info (idle) as the classic binding';
    }
};

$conn->domain_event_deregister_any($_) for @cbs;
console_gone();
Sys::Virt::Event::remove_timeout($tick);
note sprintf 'whole file: %.1f s', Time::HiRes::time() - $t0;
done_testing;
