package Test::QemuGuest;

# A real QEMU guest for the test suite: a private libvirtd with the QEMU
# driver (built on Test::LibvirtDaemon) and a small TCG guest made at test
# time from Debian's own packages: the kernel of linux-image-amd64 (fetched
# with apt-get download, unpacked once into a cache), busybox from
# busybox-static, an /init that mounts proc/sys/devtmpfs, prints a ready
# line and runs a shell on the serial console. See the POD at the end.
# Core modules only.

use strict;
use warnings;

use Cwd ();
use Fcntl qw(:flock);
use File::Path ();
use File::Spec ();
use File::Temp ();
use POSIX ();
use Scalar::Util ();
use Time::HiRes ();
use Digest::MD5 ();

use Test::LibvirtDaemon;
use Test::DefaultLoop ();
use Exporter 'import';
our @EXPORT_OK = qw(spin wait_job);

# Runs libvirt's default event loop until COND is true or SECS (30) have
# passed (Test::DefaultLoop).
sub spin { Test::DefaultLoop::spin($_[0], $_[1] // 30) }

# The domain's job info once the job shows its first figures (its start
# has none), polling every POLL seconds; undef after SECS.
sub wait_job {
    my ($dom, $secs, $poll) = @_;
    my $end = Time::HiRes::time() + $secs;
    while (Time::HiRes::time() <= $end) {
        my $i = $dom->get_job_info;
        return $i if $i->{type} != Sys::Virt::Domain::JOB_NONE() && $i->{memTotal};
        Time::HiRes::sleep($poll);
    }
    return undef;
}

our $VERSION = '0.01';
our $SKIP_REASON;

our $CACHE = $ENV{SYS_VIRT_QEMU_CACHE} // '/var/tmp/sys-virt-qemu';
our $READY = 'SYS-VIRT-GUEST-READY';
our $CMDLINE = 'console=ttyS0 panic=-1 nokaslr quiet';

# Modules loaded by /init, in dependency order (Debian's 6.1 kernel builds
# them as modules): virtio-blk for the qcow2 disk, virtio-net for the NIC.
our @MODULES = qw(virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev
    virtio_pci virtio_blk failover net_failover virtio_net);

my %LIVE;

# ---------------------------------------------------------------------------
# The kernel and the initramfs (cached, shared by every test and run)

sub _run_quiet {
    my (@cmd) = @_;
    my $out = '';
    my $pid = open my $fh, '-|';
    die "fork: $!\n" unless defined $pid;
    if (!$pid) {
        open STDERR, '>&', \*STDOUT;
        { exec { $cmd[0] } @cmd; }
        POSIX::_exit(127);
    }
    local $/;
    $out = <$fh> // '';
    close $fh;
    return ($?, $out);
}

sub _which { Test::LibvirtDaemon::_which(@_) }

# The kernel package linux-image-amd64 depends on, from apt's lists (no
# network), e.g. linux-image-6.1.0-57-amd64.
sub _kernel_package {
    my $apt_cache = _which('apt-cache') or return undef;
    my ($st, $out) = _run_quiet($apt_cache, 'depends', 'linux-image-amd64');
    return undef if $st;
    my ($pkg) = $out =~ /^\s*Depends:\s*(linux-image-\S+-amd64)\s*$/m;
    return $pkg;
}

# Returns { dir, vmlinuz, modules => { name => path }, package }: the
# unpacked kernel, fetched the first time (apt-get download) and kept in
# $CACHE/PACKAGE_VERSION. Dies with the reason when it cannot be had.
sub kernel {
    File::Path::make_path($CACHE);
    open my $lock, '>', "$CACHE/.lock" or die "$CACHE/.lock: $!\n";
    flock $lock, LOCK_EX or die "flock: $!\n";

    my $pkg = _kernel_package();
    my @cached = sort { -M $a <=> -M $b } grep { -f "$_/complete" }
        glob("$CACHE/linux-image-*");
    if ($pkg) {
        my ($hit) = grep { m{/\Q$pkg\E_[^/]+$} } @cached;
        return _kernel_at($hit) if $hit;
    }
    elsif (@cached) {
        return _kernel_at($cached[0]);    # no apt lists: the newest cached one
    }
    die "no kernel: apt-cache does not know linux-image-amd64 (run apt-get update)\n"
        unless $pkg;

    my $apt_get = _which('apt-get') or die "no kernel: apt-get not found\n";
    my $dpkg_deb = _which('dpkg-deb') or die "no kernel: dpkg-deb not found\n";
    my $tar = _which('tar') or die "no kernel: tar not found\n";
    my $tmp = File::Temp::tempdir('fetch-XXXXXX', DIR => $CACHE, CLEANUP => 1);
    my $cwd = Cwd::getcwd();
    chdir $tmp or die "chdir $tmp: $!\n";
    my ($st, $out) = _run_quiet($apt_get, '-q', 'download', $pkg);
    chdir $cwd or die "chdir $cwd: $!\n";
    my ($deb) = glob "$tmp/${pkg}_*.deb";
    if (!$deb) {
        return _kernel_at($cached[0]) if @cached;    # an older one will do
        my ($last) = grep { /\S/ } reverse split /\n/, $out;
        die "no kernel: apt-get download $pkg failed (no network?): "
            . ($last // 'no output') . "\n";
    }
    my ($ver) = $deb =~ m{/\Q$pkg\E_([^/_]+)_[^/]+\.deb$};
    my $unpack = "$tmp/root";
    mkdir $unpack or die "mkdir $unpack: $!\n";
    # The modules are under ./lib or ./usr/lib (merged /usr, Debian 13 on),
    # compressed from Debian 13 on (.ko.xz; .ko.zst elsewhere); a kernel
    # with a module built in has no file for it.
    my %module = map { $_ => 1 } @MODULES;
    my @want = grep { m{^\./boot/vmlinuz-} || (m{/lib/modules/[^/]+/kernel/.*/([\w-]+)\.ko(?:\.xz|\.zst)?$} && $module{$1}) }
        split /\n/, `'$dpkg_deb' --fsys-tarfile '$deb' | '$tar' -t`;
    my $rc = system("'$dpkg_deb' --fsys-tarfile '$deb' | '$tar' -x -C '$unpack' "
        . join(' ', map { "'$_'" } @want));
    die "no kernel: unpacking $deb failed\n" if $rc || !@want;
    my $dest = "$CACHE/${pkg}_$ver";
    my $stage = "$tmp/stage";
    File::Path::make_path("$stage/modules");
    my ($vmlinuz) = glob "$unpack/boot/vmlinuz-*" or die "no vmlinuz in $deb\n";
    rename $vmlinuz, "$stage/vmlinuz" or die "rename: $!\n";
    for my $file (grep { m{/lib/modules/} } @want) {
        my ($m, $z) = $file =~ m{/([\w-]+)\.ko(?:\.(xz|zst))?$};
        my $ko = "$unpack/$file";
        if ($z) {
            # busybox's insmod takes plain modules
            my $tool = _which($z eq 'xz' ? 'xz' : 'zstd')
                or die "no kernel: its modules are .ko.$z and " . ($z eq 'xz' ? 'xz' : 'zstd') . " is not installed\n";
            system($tool, '-q', '-d', $ko) == 0 or die "no kernel: $tool -d $ko failed\n";
            $ko =~ s/\.$z$//;
        }
        rename $ko, "$stage/modules/$m.ko" or die "rename: $!\n";
    }
    open my $c, '>', "$stage/complete" or die "$stage/complete: $!\n";
    print {$c} "$pkg $ver\n";
    close $c;
    File::Path::remove_tree($dest) if -d $dest;
    rename $stage, $dest or die "rename $stage $dest: $!\n";
    return _kernel_at($dest);
}

sub _kernel_at {
    my ($dir) = @_;
    my ($pkg) = $dir =~ m{/([^/_]+)_[^/]+$};
    return {
        dir     => $dir,
        package => $pkg,
        vmlinuz => "$dir/vmlinuz",
        # the kernel's own modules; the others are built in
        modules => { map { -f "$dir/modules/$_.ko" ? ($_ => "$dir/modules/$_.ko") : () } @MODULES },
    };
}

sub _init_script {
    my $mods = join ' ', @MODULES;
    return <<"EOF";
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
for pass in 1 2; do    # a second pass for any whose dependency came later
    for m in $mods; do
        grep -q "^\$m " /proc/modules || insmod /lib/modules/\$m.ko 2>/dev/null
    done
done
ip link set lo up
ip link set eth0 up 2>/dev/null
export PS1='guest# '
# a shell on the second serial port too, where the guest has one
[ -e /sys/class/tty/ttyS1 ] && setsid sh -c 'while :; do sh -i <>/dev/ttyS1 >&0 2>&1; done' &
echo $READY
while :; do
    setsid cttyhack sh
    echo $READY
done
EOF
}

# newc cpio entries
sub _cpio {
    my ($ino, $name, $mode, $data, $rmaj, $rmin) = @_;
    $data //= '';
    my $s = sprintf('070701' . ('%08X' x 13), $ino, $mode, 0, 0, 1, 0,
        length $data, 0, 0, $rmaj // 0, $rmin // 0, length($name) + 1, 0)
        . $name . "\0";
    $s .= "\0" x ((4 - length($s) % 4) % 4);
    $s .= $data . ("\0" x ((4 - length($data) % 4) % 4));
    return $s;
}

sub _slurp {
    my ($f) = @_;
    open my $fh, '<:raw', $f or die "$f: $!\n";
    local $/;
    return scalar <$fh>;
}

# The initramfs (uncompressed newc cpio), built once per kernel, busybox
# and /init, in the kernel's cache directory.
sub initramfs {
    my ($kernel, $busybox) = @_;
    require Digest::MD5;
    my @st = stat $busybox or die "$busybox: $!\n";
    my $init = _init_script();
    my $key = Digest::MD5::md5_hex(join "\0", $init, $st[7], $st[9], @MODULES);
    my $file = "$kernel->{dir}/initrd-$key.cpio";
    return $file if -s $file;

    my $ino = 1;
    my $cpio = '';
    $cpio .= _cpio($ino++, $_, 040755) for qw(bin dev proc sys tmp lib lib/modules);
    $cpio .= _cpio($ino++, 'dev/console', 020600, '', 5, 1);
    $cpio .= _cpio($ino++, 'bin/busybox', 0100755, _slurp($busybox));
    $cpio .= _cpio($ino++, 'bin/sh', 0120777, 'busybox');
    $cpio .= _cpio($ino++, "lib/modules/$_.ko", 0100644, _slurp($kernel->{modules}{$_}))
        for grep { $kernel->{modules}{$_} } @MODULES;
    $cpio .= _cpio($ino++, 'init', 0100755, $init);
    $cpio .= _cpio(0, 'TRAILER!!!', 0);
    $cpio .= "\0" x ((512 - length($cpio) % 512) % 512);

    my $tmp = "$file.tmp.$$";
    open my $fh, '>:raw', $tmp or die "$tmp: $!\n";
    print {$fh} $cpio;
    close $fh or die "$tmp: $!\n";
    rename $tmp, $file or die "rename $tmp: $!\n";
    return $file;
}

# ---------------------------------------------------------------------------
# The daemon

sub _qemu_conf {
    return <<'EOF';
# private libvirtd for the Sys::Virt QEMU tests
user = "root"
group = "root"
dynamic_ownership = 0
remember_owner = 0
security_driver = "none"
cgroup_controllers = [ ]
stdio_handler = "file"
vnc_listen = "127.0.0.1"
# no private /dev per guest: in a chroot (make matrix) libvirt's copy of
# /dev/pts gives QEMU no pty ("Failed to create PTY")
namespaces = [ ]
EOF
}

# Copies of /etc/passwd and /etc/group that have the user libvirt-qemu and
# the group kvm (the driver looks them up), for bind mounts.
sub _account_files {
    my ($dir) = @_;
    my %bind;
    my $passwd = _slurp('/etc/passwd');
    my $group  = _slurp('/etc/group');
    if ($passwd !~ /^libvirt-qemu:/m) {
        $passwd .= "\n" unless $passwd =~ /\n\z/;
        $passwd .= "libvirt-qemu:x:64055:64055:Libvirt Qemu:/var/lib/libvirt:/usr/sbin/nologin\n";
        _spew("$dir/passwd", $passwd);
        $bind{'/etc/passwd'} = "$dir/passwd";
    }
    my $add = '';
    $add .= "kvm:x:64054:\n" unless $group =~ /^kvm:/m;
    $add .= "libvirt-qemu:x:64055:\n" unless $group =~ /^libvirt-qemu:/m;
    if ($add ne '') {
        $group .= "\n" unless $group =~ /\n\z/;
        _spew("$dir/group", $group . $add);
        $bind{'/etc/group'} = "$dir/group";
    }
    return \%bind;
}

sub _spew {
    my ($f, $data) = @_;
    open my $fh, '>:raw', $f or die "$f: $!\n";
    print {$fh} $data;
    close $fh or die "$f: $!\n";
}

# ---------------------------------------------------------------------------
# Construction

sub start {
    my ($class, %opt) = @_;
    undef $SKIP_REASON;
    my $self = eval { $class->_start(%opt) };
    return $self if $self;
    my $err = $@ || 'unknown error';
    chomp $err;
    $SKIP_REASON = $err;
    return undef;
}

sub start_or_skip {
    my ($class, %opt) = @_;
    my $self = $class->start(%opt);
    return $self if $self;
    require Test::More;
    Test::More::plan(skip_all => $SKIP_REASON);
    exit 0;
}

# Everything a daemon with the QEMU driver needs, or the reason it cannot be.
sub prerequisites {
    die "QEMU guests disabled by SYS_VIRT_TEST_NO_QEMU\n" if $ENV{SYS_VIRT_TEST_NO_QEMU};
    die "a QEMU guest needs root (running as uid $>)\n" unless $> == 0;
    my %exe;
    for my $prog (qw(qemu-system-x86_64 qemu-img)) {
        $exe{$prog} = _which($prog)
            or die "$prog not found (Debian: qemu-system-x86, qemu-utils)\n";
    }
    $exe{busybox} = -x '/bin/busybox' && _is_static('/bin/busybox') ? '/bin/busybox'
        : die "a static /bin/busybox is needed (Debian: busybox-static)\n";
    my $storage = Test::LibvirtDaemon::_find_storage_driver()
        or die "libvirt storage driver not found\n";
    (my $qemu = $storage) =~ s/_storage\.so$/_qemu.so/;
    die "libvirt QEMU driver $qemu not found (Debian: libvirt-daemon-driver-qemu)\n"
        unless -f $qemu;
    # What the tests expect of a guest (screenshot format, hot-plug,
    # checkpoints, the details of save and restore events) was checked
    # with libvirt 9.0 and QEMU 7.2 (Debian 12); libvirt 7.0 and 11.3 differ
    # in some of it (make matrix), so elsewhere the guests' tests skip.
    require Sys::Virt;
    my $v = Sys::Virt::LIBVIR_VERSION_NUMBER();
    die "the QEMU guests' tests are checked with libvirt 9.0 only; this is libvirt "
        . join('.', int($v / 1_000_000), int($v / 1000) % 1000, $v % 1000) . "\n"
        unless int($v / 1000) == 9000;
    return \%exe;
}

sub _is_static {
    my ($f) = @_;
    open my $fh, '<:raw', $f or return 0;
    read $fh, my $hdr, 64 * 1024;
    # a dynamic ELF names its interpreter
    return $hdr !~ m{/lib6?4?/ld-linux};
}

# Starts a private daemon, and a second one with { second => 1 } (for
# migration), without booting anything.
sub _start {
    my ($class, %opt) = @_;
    my $exe = prerequisites();
    my $kernel = kernel();
    my $initrd = initramfs($kernel, $exe->{busybox});

    my $accounts_dir = File::Temp::tempdir('sys-virt-qemu-acct-XXXXXX', TMPDIR => 1, CLEANUP => 1);
    my $binds = _account_files($accounts_dir);

    my $self = bless {
        owner   => $$,
        exe     => $exe,
        kernel  => $kernel,
        initrd  => $initrd,
        opt     => \%opt,
        acct    => $accounts_dir,
        binds   => $binds,
        domains => {},
        qemu_pids => {},
    }, $class;
    $self->{pid_file} = "$accounts_dir/qemu-pids";
    $self->{daemon} = $self->_daemon;
    $self->{uri} = $self->{daemon}->uri_for('qemu');
    $self->{dir} = $self->{daemon}->dir;

    my $addr = Scalar::Util::refaddr($self);
    $LIVE{$addr} = $self;
    Scalar::Util::weaken($LIVE{$addr});
    $self->_watchdog;
    return $self;
}

sub _daemon {
    my ($self) = @_;
    my $d = Test::LibvirtDaemon->start(
        drivers      => [qw(storage qemu)],
        private_dirs => ['/var/log/libvirt'],
        tmpfs_size   => '1g',
        files        => { '/etc/libvirt/qemu.conf' => _qemu_conf() },
        binds        => $self->{binds},
        pool         => 0,
        timeout      => 60,
        # each daemon a host of its own: migration refuses the same host UUID
        conf         => sprintf('host_uuid = "%08x-%04x-4%03x-8%03x-%012x"', int(rand(2**32)), $$ & 0xffff,
            int(rand(4096)), int(rand(4096)), int(rand(2**40))),
    ) or die "private libvirtd with the QEMU driver: $Test::LibvirtDaemon::SKIP_REASON\n";
    open my $fh, '>>', $self->{pid_file} or die "$self->{pid_file}: $!\n";
    print {$fh} 'dir ', $d->dir, "\n";
    close $fh;
    return $d;
}

# A second daemon (e.g. a migration target), with its own namespace.
sub second_daemon {
    my ($self) = @_;
    my $d = $self->_daemon;
    push @{ $self->{more_daemons} }, $d;
    return $d;
}

# A process that outlives a test killed by a signal and then kills the QEMU
# processes it started (libvirtd's QEMU children are not its own: they would
# keep running after the daemon died), and removes the daemons' directories.
sub _watchdog {
    my ($self) = @_;
    my $file = $self->{pid_file};
    my $parent = $$;
    my $pid = fork;
    die "fork: $!\n" unless defined $pid;
    if (!$pid) {
        POSIX::setsid();
        open STDIN, '<', '/dev/null';
        open STDOUT, '>', '/dev/null';
        open STDERR, '>', '/dev/null';
        while (getppid() == $parent) { sleep 1 }
        my @dirs;
        if (open my $fh, '<', $file) {
            while (my $p = <$fh>) {
                my ($pid, $name) = split ' ', $p;
                if ($pid eq 'dir') { push @dirs, $name; next }
                kill 'KILL', $pid if _cmdline($pid) =~ /guest=\Q$name\E(,|\0)/;
            }
        }
        # what the daemons leave when killed: their directories (disk images)
        sleep 1;
        File::Path::remove_tree($_, { safe => 0 }) for grep { -d } @dirs, $self->{acct};
        POSIX::_exit(0);
    }
    $self->{watchdog} = $pid;
}

sub _cmdline {
    my ($pid) = @_;
    open my $fh, '<', "/proc/$pid/cmdline" or return '';
    local $/;
    return <$fh> // '';
}

# ---------------------------------------------------------------------------
# Guests

my $SEQ = 0;

# The domain XML of a guest. Options: disk => 1 (a qcow2 disk vda, made with
# qemu-img, of disk_size), nic => 1 (a user-mode virtio NIC), serials => N
# (1 to 4 serial ports; the first is the console), memory (MiB), name.
sub domain_xml {
    my ($self, %o) = @_;
    my $name = $o{name};
    my $dir = $self->{dir};
    my $mem = $o{memory} // 128;
    my $devices = '';
    my $serials = '';
    # serial0 is the console; serial1..3 more ports (serial1 has a shell)
    for my $port (0 .. ($o{serials} // 1) - 1) {
        my $log = $port ? "$dir/$name.serial$port.log" : "$dir/$name.console.log";
        $serials .= <<"EOF";
    <serial type='pty'>
      <log file='$log' append='on'/>
      <target port='$port'/>
    </serial>
EOF
    }
    if ($o{disk}) {
        $devices .= <<"EOF";
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='$o{disk}'/>
      <target dev='vda' bus='virtio'/>
    </disk>
EOF
    }
    if ($o{nic}) {
        $devices .= <<"EOF";
    <interface type='user'>
      <mac address='52:54:00:12:34:56'/>
      <model type='virtio'/>
    </interface>
EOF
    }
    return <<"EOF";
<domain type='qemu'>
  <name>$name</name>
  <memory unit='MiB'>$mem</memory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <kernel>$self->{kernel}{vmlinuz}</kernel>
    <initrd>$self->{initrd}</initrd>
    <cmdline>$CMDLINE</cmdline>
  </os>
  <features><acpi/></features>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <emulator>$self->{exe}{'qemu-system-x86_64'}</emulator>
$devices$serials    <console type='pty'>
      <target type='serial' port='0'/>
    </console>
    <graphics type='vnc' port='-1' autoport='yes'>
      <listen type='address' address='127.0.0.1'/>
    </graphics>
    <video><model type='vga'/></video>
    <memballoon model='none'/>
  </devices>
</domain>
EOF
}

# Defines and starts a guest, and waits for its ready line in the console
# log (read from the file QEMU writes, not through Sys::Virt). Returns its
# name. Options as for domain_xml, plus timeout (s), disk_size.
sub boot {
    my ($self, %o) = @_;
    my $name = $o{name} //= sprintf 'sv-%d-%d-%s', $$, ++$SEQ,
        substr(Digest::MD5::md5_hex($self->{dir}), 0, 6);
    if ($o{disk} && $o{disk} eq '1') {
        my $disk = "$self->{dir}/$name.qcow2";
        my ($st, $out) = _run_quiet($self->{exe}{'qemu-img'}, 'create', '-q', '-f', 'qcow2',
            $disk, $o{disk_size} // '64M');
        die "qemu-img create failed: $out\n" if $st;
        $o{disk} = $disk;
    }
    my $xml = $self->domain_xml(%o);
    my $xml_file = "$self->{dir}/$name.xml";
    _spew($xml_file, $xml);
    $self->{domains}{$name} = { xml => $xml, disk => $o{disk}, log => "$self->{dir}/$name.console.log" };
    my $t0 = Time::HiRes::time();
    $self->virsh('define', $xml_file);
    $self->virsh('start', $name);
    $self->_note_qemu($name);
    $self->wait_console($name, qr/^\Q$READY\E\r?$/m, $o{timeout} // 120)
        or die "guest $name did not print its ready line within "
            . ($o{timeout} // 120) . "s; console log:\n" . $self->console_log($name) . "\n";
    $self->{domains}{$name}{boot_time} = Time::HiRes::time() - $t0;
    return $name;
}

# Remembers the pid of a guest's QEMU for the watchdog.
sub _note_qemu {
    my ($self, $name) = @_;
    opendir my $dh, '/proc' or return;
    for my $pid (grep { /^\d+$/ } readdir $dh) {
        next unless _cmdline($pid) =~ /guest=\Q$name\E(,|\0)/;
        next if $self->{qemu_pids}{$pid};
        $self->{qemu_pids}{$pid} = $name;
        open my $fh, '>>', $self->{pid_file} or return;
        print {$fh} "$pid $name\n";
        close $fh;
    }
}

sub qemu_pid {
    my ($self, $name) = @_;
    opendir my $dh, '/proc' or return undef;
    for my $pid (grep { /^\d+$/ } readdir $dh) {
        return $pid if _cmdline($pid) =~ /guest=\Q$name\E(,|\0)/;
    }
    return undef;
}

# What QEMU wrote to the log of serial port $port (default 0, the console):
# everything the guest printed there since the domain was defined.
sub log_file {
    my ($self, $name, $port) = @_;
    return $port ? "$self->{dir}/$name.serial$port.log" : "$self->{dir}/$name.console.log";
}

sub console_log {
    my ($self, $name, $port) = @_;
    my $f = $self->log_file($name, $port);
    return -e $f ? _slurp($f) : '';
}

# Waits until the console log (of serial port $port, default 0; after byte
# $from) matches $re; returns the
# offset just after the match, or undef on timeout.
sub wait_console {
    my ($self, $name, $re, $secs, $from, $port) = @_;
    my $end = Time::HiRes::time() + ($secs // 30);
    $from //= 0;
    while (1) {
        my $log = $self->console_log($name, $port);
        if (length($log) > $from) {
            my $tail = substr $log, $from;
            return $from + $+[0] if $tail =~ $re;
        }
        return undef if Time::HiRes::time() > $end;
        Time::HiRes::sleep(0.1);
    }
}

sub boot_time { $_[0]{domains}{$_[1]}{boot_time} }
sub disk      { $_[0]{domains}{$_[1]}{disk} }
sub xml       { $_[0]{domains}{$_[1]}{xml} }
sub uri       { $_[0]{uri} }
sub dir       { $_[0]{dir} }
sub daemon    { $_[0]{daemon} }
sub kernel_package { $_[0]{kernel}{package} }

sub virsh {
    my ($self, @args) = @_;
    return $self->{daemon}->virsh_uri($self->{uri}, @args);
}

# ---------------------------------------------------------------------------
# The classic binding on the same guest

# Runs $code in a child perl with $conn (this guest's daemon) and $dom (the
# domain $name), under the classic binding (classic => 1) or this one; returns
# its standard output and exit status.
sub run_perl {
    my ($self, $name, $code, %o) = @_;
    my $h = $self->spawn_perl($name, $code, %o);
    return $self->reap_perl($h, ($o{timeout} // 60) + 5);
}

# The same in the background: returns a handle for reap_perl.
sub spawn_perl {
    my ($self, $name, $code, %o) = @_;
    my @inc;
    local $ENV{PERL5LIB};
    delete $ENV{PERL5LIB};
    if ($o{classic}) {
        require Test::Classic;
        my $lib = Test::Classic::lib() or die "classic binding: $Test::Classic::REASON\n";
        @inc = ($lib);
    }
    else {
        @inc = grep { !ref } @INC;
    }
    my $prologue = "use strict; use warnings; use Sys::Virt; \$| = 1;\n"
        . ($o{pre} // '') . "\n"
        . "my \$conn = Sys::Virt->new(uri => q{$self->{uri}});\n"
        . "my \$dom = \$conn->get_domain_by_name(q{$name});\n";
    my @cmd = ($^X, (map { "-I$_" } @inc), '-e', $prologue . $code);
    my ($fh, $file) = File::Temp::tempfile('perl-out-XXXXXX', DIR => $self->{dir});
    my $pid = fork;
    die "fork: $!\n" unless defined $pid;
    if (!$pid) {
        open STDOUT, '>&', $fh or POSIX::_exit(127);
        open STDERR, '>&', $fh or POSIX::_exit(127);
        open STDIN, '<', '/dev/null';
        alarm($o{timeout} // 60);    # no handler: a hang ends the child
        { exec { $cmd[0] } @cmd; }
        POSIX::_exit(127);
    }
    close $fh;
    return { pid => $pid, file => $file };
}

# Its output so far.
sub perl_output { -e $_[1]{file} ? _slurp($_[1]{file}) : '' }

# Waits up to $secs for it to end (then kills it); returns its output
# (standard output and error) and wait status.
sub reap_perl {
    my ($self, $h, $secs) = @_;
    my $st = Test::LibvirtDaemon::_wait_for($h->{pid}, $secs // 60);
    if (!defined $st) {
        kill 'KILL', $h->{pid};
        $st = Test::LibvirtDaemon::_wait_for($h->{pid}, 10) // -1;
    }
    my $out = $self->perl_output($h);
    unlink $h->{file};
    return wantarray ? ($out, $st) : $out;
}

# ---------------------------------------------------------------------------
# Shutdown

sub destroy_all {
    my ($self) = @_;
    for my $name (keys %{ $self->{domains} }) {
        eval { $self->virsh('destroy', $name) };
    }
}

sub stop {
    my ($self) = @_;
    return if ($self->{owner} // -1) != $$;
    local ($?, $!, $@);
    for my $d (grep { $_ && $_->is_running } $self->{daemon}, @{ $self->{more_daemons} || [] }) {
        for my $name (keys %{ $self->{domains} }) {
            eval { $d->virsh_uri($d->uri_for('qemu'), 'destroy', $name) };
        }
    }
    # anything left over (a daemon that died under its guests)
    for my $pid (keys %{ $self->{qemu_pids} }) {
        my $name = $self->{qemu_pids}{$pid};
        kill 'KILL', $pid if _cmdline($pid) =~ /guest=\Q$name\E(,|\0)/;
    }
    for my $name (keys %{ $self->{domains} }) {
        my $pid = $self->qemu_pid($name) or next;
        kill 'KILL', $pid;
    }
    $_->stop for grep { $_ } $self->{daemon}, @{ $self->{more_daemons} || [] };
    if (my $w = delete $self->{watchdog}) {
        kill 'KILL', $w;
        waitpid $w, 0;
    }
    File::Path::remove_tree($self->{acct}) if $self->{acct} && -d $self->{acct};
    delete $LIVE{ Scalar::Util::refaddr($self) };
    return 1;
}

sub DESTROY {
    my ($self) = @_;
    local ($?, $!, $@);
    eval { $self->stop };
}

END {
    local ($?, $!, $@);
    for my $g (grep { defined } values %LIVE) {
        eval { $g->stop };
    }
}

1;

__END__

=head1 NAME

Test::QemuGuest - a private libvirtd with the QEMU driver and a small TCG
guest, for the Sys::Virt tests

=head1 SYNOPSIS

    use lib 't/lib';
    use Test::QemuGuest;

    my $g = Test::QemuGuest->start_or_skip;     # before any plan
    my $name = $g->boot(disk => 1, nic => 1, serials => 2);
    my $conn = Sys::Virt->new(uri => $g->uri);
    my $dom = $conn->get_domain_by_name($name);
    $g->wait_console($name, qr/^BYE\r\n/m, 10);   # QEMU's log of serial0
    my ($out, $status) = $g->run_perl($name, $code, classic => 1);

=head1 DESCRIPTION

C<start> starts a L<Test::LibvirtDaemon> with the storage and QEMU drivers
(URI C<qemu:///system?socket=DIR/libvirt-sock>), in its own mount
namespace, with a private tmpfs over C</run/libvirt>, C</var/lib/libvirt>,
C</var/cache/libvirt>, C</var/log/libvirt> and C</etc/libvirt>; its
C<qemu.conf> runs QEMU as root without security driver, cgroups or virtlogd;
copies of C</etc/passwd> and C</etc/group> with the user C<libvirt-qemu>
and the group C<kvm>, which the driver looks up, are bind-mounted there
when the system lacks them.

The guest: the kernel of Debian's C<linux-image-amd64> (its dependency,
fetched with C<apt-get download> the first time and unpacked with
C<dpkg-deb --fsys-tarfile> into C<$CACHE/PACKAGE_VERSION>, C<$CACHE> being
C<$SYS_VIRT_QEMU_CACHE> or C</var/tmp/sys-virt-qemu>; a lock file lets
test files run in parallel), and an initramfs (a newc cpio written here, no
tool needed, cached beside the kernel) with the static busybox of
C<busybox-static>, the virtio modules, and an C</init> that mounts
proc/sys/devtmpfs, loads the modules, brings C<lo> and C<eth0> up, prints
C<SYS-VIRT-GUEST-READY> and runs C<setsid cttyhack sh> on the console
(again, after the ready line, whenever the shell exits), and a shell on
C<ttyS1> when there is one. Domain type C<qemu> (TCG: KVM exists here but
boots no guest), machine C<pc>, 128 MiB, one vCPU, command line
C<console=ttyS0 panic=-1 nokaslr quiet>, C<< <features><acpi/></features> >>,
pty serial ports logged by QEMU to C<DIR/NAME.console.log> (and
C<DIR/NAME.serialN.log>), a console on serial0, VNC on 127.0.0.1, VGA,
and on request a qcow2 disk C<vda> (virtio, made with C<qemu-img>) and a
user-mode virtio NIC.

Skips (C<start> returns undef with the reason in C<$SKIP_REASON>;
C<start_or_skip> plans C<skip_all>) when not root, when
C<qemu-system-x86_64>, C<qemu-img>, a static C</bin/busybox> or the
libvirt QEMU driver is missing, when the kernel cannot be fetched (no
network), or when the daemon does not start. C<SYS_VIRT_TEST_NO_QEMU> set
makes it skip always.

QEMU processes are libvirtd's children, not the test's, and would outlive
a daemon that dies: C<stop> (also C<DESTROY> and C<END>) destroys the
guests, kills any QEMU left, then stops the daemons; a watchdog process
kills the guests' QEMU when the test process dies without doing so.

=head1 METHODS

=over

=item start, start_or_skip

=item boot(%options)

Defines and starts a guest; waits (from QEMU's log, not through Sys::Virt)
for its ready line and returns its name. Options: C<disk> (1 for a new
qcow2 of C<disk_size>, default 64M, or a path), C<nic>, C<serials> (1-4),
C<memory> (MiB), C<name>, C<timeout> (s, default 120).

=item domain_xml(%options), xml($name), disk($name), boot_time($name)

=item console_log($name, $port), log_file($name, $port), wait_console($name, $re, $secs, $from, $port)

What QEMU logged of a serial port; waiting for C<$re> after byte C<$from>,
returning the offset after the match, or undef after C<$secs>.

=item uri, dir, daemon, kernel_package, virsh(@args), qemu_pid($name)

=item second_daemon

Another daemon like the first (a migration target); returns the
L<Test::LibvirtDaemon> (C<< ->uri_for('qemu') >>). Stopped with the rest.

=item run_perl($name, $code, %o), spawn_perl(...), reap_perl($h, $secs), perl_output($h)

Runs Perl code in a child with C<$conn> and C<$dom> set up, under this
binding or (C<< classic => 1 >>) under the classic one (L<Test::Classic>);
C<pre> is code run before the connection (an event loop to register).

=item kernel, initramfs($kernel, $busybox), prerequisites

=item stop

=back

=cut
