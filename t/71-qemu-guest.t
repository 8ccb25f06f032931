#!/usr/bin/perl
# A real QEMU guest (t/lib/Test/QemuGuest.pm) with a qcow2 disk and a
# user-mode NIC: get_info, get_all_domain_stats, block and interface
# statistics, a screenshot of the VGA screen, send_key, and the events QEMU
# raises (suspend, resume, a disk hot-plugged and unplugged, a shutdown from
# inside the guest), each compared with the classic binding.
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
my $name = $g->boot(disk => 1, nic => 1);
note sprintf 'guest %s ready in %.1f s', $name, $g->boot_time($name);
my $conn = Sys::Virt->new(uri => $g->uri);
my $dom = $conn->get_domain_by_name($name);
my $classic = eval { require Test::Classic; Test::Classic::lib() };
my $NO_CLASSIC = "classic binding: " . ($Test::Classic::REASON // '');

# A shell command on the console; returns its output.
my $console = $conn->new_stream(0);
$dom->open_console($console, undef, 0);
my $N = 0;
sub shell {
    my ($cmd) = @_;
    $N++;
    my $text = "echo START-\$(($N*7)); $cmd; echo DONE-\$(($N*7))\n";
    while (length $text) { my $n = $console->send($text, length $text); substr($text, 0, $n) = '' }
    my $want = $N * 7;
    my $buf = '';
    until ($buf =~ /^DONE-$want\r\n/m) {
        my $n = $console->recv(my $c, 65536);
        die "console ended\n" if $n <= 0;
        $buf .= $c;
    }
    my ($out) = $buf =~ /^START-$want\r\n(.*)^DONE-$want\r\n/ms;
    return $out // '';
}

# The same snippet under both bindings; its output.
sub both {
    my ($code) = @_;
    my ($ours, $s1) = $g->run_perl($name, $code);
    is $s1, 0, 'ours: exit 0' or diag $ours;
    return ($ours, undef) unless $classic;
    my ($theirs, $s2) = $g->run_perl($name, $code, classic => 1);
    is $s2, 0, 'classic: exit 0' or diag $theirs;
    return ($ours, $theirs);
}

subtest 'get_info' => sub {
    my $i = $dom->get_info;
    is_deeply [sort keys %$i], [sort qw(state maxMem memory nrVirtCpu cpuTime)], 'the keys';
    is $i->{state}, Sys::Virt::Domain::STATE_RUNNING(), 'running';
    is $i->{nrVirtCpu}, 1, 'one vCPU';
    is $i->{memory}, 128 * 1024, '128 MiB';
    cmp_ok $i->{cpuTime}, '>', 0, 'CPU time used';
    my ($ours, $theirs) = both(
        'my $i = $dom->get_info; print join(",", map { "$_=" . ($_ eq "cpuTime" ? "n" : $i->{$_}) } sort keys %$i), "\n"');
    is $ours, "cpuTime=n,maxMem=131072,memory=131072,nrVirtCpu=1,state=1\n", 'ours in a child';
    SKIP: { skip $NO_CLASSIC, 1 unless $classic; is $theirs, $ours, 'the same as the classic binding' }
};

subtest 'block statistics of the qcow2 disk' => sub {
    my $before = $dom->block_stats('vda');
    for my $k (qw(rd_req rd_bytes wr_req wr_bytes errs)) {
        ok exists $before->{$k} || $k eq 'errs', "block_stats has $k";
    }
    my $out = shell('ls /dev/vd*; dd if=/dev/vda of=/dev/null bs=64k count=32; dd if=/dev/zero of=/dev/vda bs=64k count=16 conv=fsync');
    note $out;
    my $after = $dom->block_stats('vda');
    cmp_ok $after->{rd_bytes} - $before->{rd_bytes}, '>=', 2 * 1024 * 1024 - 512 * 1024,
        'the guest read 2 MiB (some from its page cache, most from the disk)';
    cmp_ok $after->{wr_bytes} - $before->{wr_bytes}, '>=', 1024 * 1024, 'and wrote 1 MiB';
    cmp_ok $after->{wr_req}, '>', $before->{wr_req}, 'in write requests';
    my $info = $dom->get_block_info('vda');
    is $info->{capacity}, 64 * 1024 * 1024, 'get_block_info: capacity 64 MiB';
    cmp_ok $info->{allocation}, '>=', 1024 * 1024, 'an allocated MiB';
    my ($ours, $theirs) = both('my $s = $dom->block_stats("vda"); print join(",", sort keys %$s), "\n"; '
        . 'my $b = $dom->get_block_info("vda"); print "capacity=$b->{capacity}\n"');
    like $ours, qr/^.*rd_bytes.*\ncapacity=67108864\n\z/, 'ours in a child';
    SKIP: {
        skip $NO_CLASSIC, 2 unless $classic;
        my ($k1, $c1) = split /\n/, $ours;
        my ($k2, $c2) = split /\n/, $theirs // '';
        is $c1, $c2, 'the same capacity as the classic binding';
        my %ours = map { $_ => 1 } split /,/, $k1;
        my @extra = grep { !$ours{$_} } split /,/, $k2 // '';
        note "keys: ours $k1; classic $k2";
        # The classic binding renames libvirt's rd_operations, wr_operations
        # and flush_operations to rd_req, wr_req and flush_reqs; this one
        # keeps libvirt's names and adds those.
        is_deeply \@extra, [], "every key of the classic binding's block_stats is there";
    }
};

subtest 'interface statistics of the user-mode NIC' => sub {
    # libvirt 9.0 reads NIC statistics from the host side of the NIC (a tap
    # device); a user-mode NIC has none.
    my $e = do { local $@; eval { $dom->interface_stats('52:54:00:12:34:56') }; $@ };
    if (!$e) {
        pass 'interface_stats answers for the user-mode NIC';
    }
    else {
        isa_ok $e, 'Sys::Virt::Error', 'interface_stats of a user-mode NIC';
        note "libvirt: $e";
    }
    my ($ours, $theirs) = both('my $r = eval { $dom->interface_stats("52:54:00:12:34:56") }; '
        . 'print $r ? "keys " . join(",", sort keys %$r) : "error " . $@->code . ": " . $@->message, "\n"');
    like $ours, $e ? qr/^error \d+: / : qr/^keys /, 'ours in a child';
    SKIP: { skip $NO_CLASSIC, 1 unless $classic; is $theirs, $ours, 'the same as the classic binding' }
};

subtest 'get_all_domain_stats' => sub {
    my @r = $conn->get_all_domain_stats(0);
    my ($rec) = grep { $_->{dom}->get_name eq $name } @r;
    ok $rec, 'a record for the guest';
    my $d = $rec->{data};
    is $d->{'state.state'}, Sys::Virt::Domain::STATE_RUNNING(), 'state.state';
    is $d->{'block.count'}, 1, 'block.count';
    is $d->{'block.0.name'}, 'vda', 'block.0.name';
    is $d->{'block.0.path'}, $g->disk($name), 'block.0.path';
    cmp_ok $d->{'block.0.wr.bytes'}, '>=', 1024 * 1024, 'block.0.wr.bytes';
    is $d->{'net.count'}, 1, 'net.count';
    is $d->{'vcpu.current'}, 1, 'vcpu.current';
    ok exists $d->{'balloon.current'}, 'balloon.current';
    my $code = 'my ($r) = grep { $_->{dom}->get_name eq q{' . $name . '} } $conn->get_all_domain_stats(0); '
        . 'print join("\n", sort keys %{ $r->{data} }), "\n"';
    my ($ours, $theirs) = both($code);
    is $ours, join("\n", sort keys %$d) . "\n", 'ours in a child: the same fields';
    SKIP: { skip $NO_CLASSIC, 1 unless $classic; is $theirs, $ours, 'the same fields as the classic binding' }
};

sub screenshot {
    my $st = $conn->new_stream(0);
    my $mime = $dom->screenshot($st, 0);
    my $img = '';
    $st->recv_all(sub { $img .= $_[1]; $_[2] });
    $st->finish;
    return ($mime, $img);
}

sub png_size {
    my ($img) = @_;
    return unless substr($img, 0, 8) eq "\x89PNG\r\n\x1a\n" && substr($img, 12, 4) eq 'IHDR';
    return unpack 'NN', substr($img, 16, 8);
}

subtest 'screenshot of the VGA screen' => sub {
    shell('clear > /dev/tty1');
    my ($mime, $blank) = screenshot();
    is $mime, 'image/png', 'a PNG';
    is_deeply [png_size($blank)], [720, 400], 'PNG signature, 720x400 (VGA text mode)';
    shell('echo SCREEN-TEXT > /dev/tty1');
    my ($mime2, $text) = screenshot();
    is_deeply [png_size($text)], [720, 400], 'again';
    isnt $text, $blank, 'text written on tty1 changes the picture';
    my ($ours, $theirs) = both(<<'PERL');
my $st = $conn->new_stream(0);
my $mime = $dom->screenshot($st, 0);
my $img = '';
$st->recv_all(sub { $img .= $_[1]; $_[2] });
$st->finish;
my ($w, $h) = unpack 'NN', substr($img, 16, 8);
print "$mime ", substr($img, 1, 3), " ${w}x$h\n";
PERL
    is $ours, "image/png PNG 720x400\n", 'ours in a child';
    SKIP: { skip $NO_CLASSIC, 1 unless $classic; is $theirs, $ours, 'the same as the classic binding' }
};

subtest 'send_key: keys typed on the VGA console reach the guest' => sub {
    my $linux = Sys::Virt::Domain::KEYCODE_SET_LINUX();
    # KEY_H 35, KEY_I 23, KEY_ENTER 28; KEY_O 24, KEY_K 37
    my $text = "read -t 20 x < /dev/tty1; echo \"KEY[\$x]\"; echo DONE-\$((1000*7))\n";
    $console->send($text, length $text);
    Time::HiRes::sleep(0.5);
    $dom->send_key($linux, 50, [35, 23, 28]);
    my $buf = '';
    until ($buf =~ /^DONE-7000\r\n/m) {
        my $n = $console->recv(my $c, 65536);
        last if $n <= 0;
        $buf .= $c;
    }
    like $buf, qr/^KEY\[hi\]\r$/m, 'the guest read "hi"';
    SKIP: {
        skip $NO_CLASSIC, 2 unless $classic;
        $text = "read -t 20 x < /dev/tty1; echo \"KEY[\$x]\"; echo DONE-\$((1001*7))\n";
        $console->send($text, length $text);
        Time::HiRes::sleep(0.5);
        my ($out, $st) = $g->run_perl($name,
            "\$dom->send_key(Sys::Virt::Domain::KEYCODE_SET_LINUX(), 50, [24, 37, 28]); print qq{sent\\n}",
            classic => 1);
        is $out, "sent\n", 'the classic binding sends too';
        $buf = '';
        until ($buf =~ /^DONE-7007\r\n/m) {
            my $n = $console->recv(my $c, 65536);
            last if $n <= 0;
            $buf .= $c;
        }
        like $buf, qr/^KEY\[ok\]\r$/m, 'the guest read "ok"';
    }
};

subtest 'events: suspend, resume, a disk plugged and unplugged, a shutdown from inside' => sub {
    my @ev;
    my %id = (
        lifecycle => Sys::Virt::Domain::EVENT_ID_LIFECYCLE(),
        added     => Sys::Virt::Domain::EVENT_ID_DEVICE_ADDED(),
        removed   => Sys::Virt::Domain::EVENT_ID_DEVICE_REMOVED(),
    );
    my @cbs = map { my $k = $_; $conn->domain_event_register_any($dom, $id{$k},
        sub { my (undef, $d, @a) = @_; push @ev, join ' ', $k, $d->get_name eq $name ? 'dom' : 'OTHER', @a }) }
        sort keys %id;
    # the classic binding listens in a child, on its default loop
    my $listener = <<'PERL';
Sys::Virt::Event::register_default();
my $c2 = Sys::Virt->new(uri => $conn->get_uri);
my $d2 = $c2->get_domain_by_name($dom->get_name);
my $done = 0;
for my $k (qw(added lifecycle removed)) {
    my $id = { lifecycle => Sys::Virt::Domain::EVENT_ID_LIFECYCLE(), added => Sys::Virt::Domain::EVENT_ID_DEVICE_ADDED(),
               removed => Sys::Virt::Domain::EVENT_ID_DEVICE_REMOVED() }->{$k};
    $c2->domain_event_register_any($d2, $id, sub { my (undef, $d, @a) = @_;
        print join(' ', $k, $d->get_name eq $dom->get_name ? 'dom' : 'OTHER', @a), "\n";
        $done = 1 if $k eq 'lifecycle' && $a[0] == Sys::Virt::Domain::EVENT_STOPPED() });
}
Sys::Virt::Event::add_timeout(100, sub {});
print "listening\n";
my $end = time + 60;
Sys::Virt::Event::run_default() until $done || time > $end;
PERL
    my $h = $classic ? $g->spawn_perl($name, $listener, classic => 1, timeout => 90) : undef;
    if ($h) {
        my $end = Time::HiRes::time() + 20;
        Time::HiRes::sleep(0.1) until $g->perl_output($h) =~ /^listening$/m || Time::HiRes::time() > $end;
    }

    $dom->suspend;
    ok spin(sub { @ev >= 1 }), 'an event for the suspend';
    $dom->resume;
    ok spin(sub { @ev >= 2 }), 'an event for the resume';
    my $hot = $g->dir . '/hot.qcow2';
    system('qemu-img', 'create', '-q', '-f', 'qcow2', $hot, '16M') == 0 or die "qemu-img";
    my $xml = "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='$hot'/>"
        . "<target dev='vdb' bus='virtio'/></disk>";
    $dom->attach_device($xml, Sys::Virt::Domain::AFFECT_LIVE());
    ok spin(sub { grep { /^added/ } @ev }, 10), 'device added';
    like shell('for i in 1 2 3 4 5 6 7 8 9 10; do [ -e /sys/block/vdb ] && break; sleep 0.5; done; cat /sys/block/vdb/size'),
        qr/^32768\r$/m, 'the guest sees the new disk';
    $dom->detach_device($xml, Sys::Virt::Domain::AFFECT_LIVE());
    ok spin(sub { grep { /^removed/ } @ev }, 20), 'device removed (the guest let it go)';
    my $text = "poweroff -f\n";
    $console->send($text, length $text);
    ok spin(sub { grep { /^lifecycle dom 5 / } @ev }, 30), 'stopped, after a poweroff inside the guest';

    my $L = 'lifecycle dom';
    my @want = (
        "$L " . join(' ', Sys::Virt::Domain::EVENT_SUSPENDED(), Sys::Virt::Domain::EVENT_SUSPENDED_PAUSED()),
        "$L " . join(' ', Sys::Virt::Domain::EVENT_RESUMED(), Sys::Virt::Domain::EVENT_RESUMED_UNPAUSED()),
        'added dom virtio-disk1',
        'removed dom virtio-disk1',
        "$L " . join(' ', Sys::Virt::Domain::EVENT_SHUTDOWN(), Sys::Virt::Domain::EVENT_SHUTDOWN_GUEST()),
        "$L " . join(' ', Sys::Virt::Domain::EVENT_STOPPED(), Sys::Virt::Domain::EVENT_STOPPED_SHUTDOWN()),
    );
    is_deeply \@ev, \@want, 'the events, in order, with their details' or diag explain \@ev;
    SKIP: {
        skip $NO_CLASSIC, 1 unless $h;
        my ($out) = $g->reap_perl($h, 30);
        $out =~ s/^listening\n//;
        is $out, join("\n", @want) . "\n", 'the classic binding saw the same';
    }
    $conn->domain_event_deregister_any($_) for @cbs;
    is( ($dom->get_state)[0], Sys::Virt::Domain::STATE_SHUTOFF(), 'the guest is off');
    eval { $console->abort };
};

Sys::Virt::Event::remove_timeout($tick);
note sprintf 'whole file: %.1f s', Time::HiRes::time() - $t0;
done_testing;
