package Test::LibvirtDaemon;

# A private libvirtd for the test suite: the storage driver, and on request
# more (drivers => [qw(storage secret nwfilter nodedev network interface)]).
# Core modules only: this file must load on any perl that builds Sys::Virt.

use strict;
use warnings;

use Config ();
use Cwd ();
use File::Path ();
use File::Spec ();
use File::Temp ();
use POSIX ();
use Scalar::Util ();
use Time::HiRes ();

our $VERSION = '0.01';

our $SKIP_REASON;

# Default location of the storage driver on Debian/Ubuntu amd64; other
# layouts are searched too (see _find_storage_driver).
our $STORAGE_DRIVER =
    '/usr/lib/x86_64-linux-gnu/libvirt/connection-driver/libvirt_driver_storage.so';

# Directories the daemon writes to; each gets a private tmpfs inside the
# daemon's own mount namespace.
our @PRIVATE_DIRS = ('/run/libvirt', '/var/lib/libvirt', '/etc/libvirt/storage');
# With drivers beyond storage, all of /etc/libvirt and /var/cache/libvirt
# (the network and nwfilter drivers keep state there too).
our @PRIVATE_DIRS_ALL = ('/run/libvirt', '/var/lib/libvirt', '/var/cache/libvirt', '/etc/libvirt');

# Live daemons, by address, as weak references: the END block stops them.
my %LIVE;

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
    exit 0;    # not reached: plan skip_all exits
}

sub _start {
    my ($class, %opt) = @_;

    die "private libvirtd disabled by SYS_VIRT_TEST_NO_DAEMON\n"
        if $ENV{SYS_VIRT_TEST_NO_DAEMON};
    die "a private libvirtd needs Linux (mount namespaces), not $^O\n"
        unless $^O eq 'linux';
    die "a private libvirtd needs root (running as uid $>)\n"
        unless $> == 0;

    my %exe;
    for my $prog (qw(libvirtd virsh unshare setpriv mount sh)) {
        $exe{$prog} = _which($prog)
            or die "$prog not found in PATH (or /usr/sbin, /sbin)\n";
    }
    my $driver = $opt{storage_driver} // _find_storage_driver()
        or die "libvirt storage driver not found ($STORAGE_DRIVER)\n";
    die "libvirt storage driver $driver does not exist\n" unless -f $driver;
    my @drivers = @{ $opt{drivers} || ['storage'] };
    my %driver_so;
    for my $name (@drivers) {
        my $so = _driver_beside($driver, $name);
        die "libvirt $name driver $so does not exist\n" unless -f $so;
        $driver_so{$name} = $so;
    }
    my @private = (grep { $_ ne 'storage' } @drivers) ? @PRIVATE_DIRS_ALL : @PRIVATE_DIRS;
    push @private, grep { my $d = $_; !grep { $_ eq $d } @private } @{ $opt{private_dirs} || [] };
    my $tmpfs_size = $opt{tmpfs_size} // '64m';
    die "tmpfs_size '$tmpfs_size' is not a size\n" unless $tmpfs_size =~ /^\d+[kmg]?$/;
    for my $f (keys %{ $opt{files} || {} }, keys %{ $opt{binds} || {} }) {
        die "path '$f' must be absolute, without white space\n" unless $f =~ m{^/\S+$};
    }
    # A file outside the private tmpfs: the directory holding it is, in the
    # namespace, a directory of the test's own (a bind mount) with only the
    # files given for it, which the daemon may change; the system's stays
    # untouched. (Files inside a private tmpfs are copied there.)
    my %own_dirs;
    for my $path (sort keys %{ $opt{files} || {} }) {
        my ($d) = $path =~ m{^(/[\w./-]*[\w-])/[\w.-]+$}
            or die "files: '$path' is not an absolute path of plain names\n";
        $own_dirs{$d} = 1 unless grep { $d eq $_ || index($d, "$_/") == 0 } @private;
    }

    my $timeout   = $opt{timeout}   // 20;
    my $pool_name = $opt{pool_name} // 'testpool';
    my $log_level = $opt{log_level} // 3;
    my $keep      = $opt{keep}      // $ENV{TEST_LIBVIRTD_KEEP};

    # Mount points for the private tmpfs. Creating an empty directory is the
    # only thing done outside the namespace (mount needs an existing target).
    for my $d (@private, sort keys %own_dirs) {
        next if -d $d;
        my $path = '';
        for my $part (grep { length } split m{/}, $d) {
            $path .= "/$part";
            next if -d $path;
            mkdir $path, 0755 or -d $path
                or die "cannot create mount point $path: $!\n";
        }
    }

    # unix socket paths are limited to 108 bytes: fall back to /tmp if
    # TMPDIR is deep.
    my $template = 'sys-virt-libvirtd-XXXXXXXX';
    my $dir = File::Temp::tempdir($template, TMPDIR => 1, CLEANUP => 0);
    if (length("$dir/libvirt-admin-sock") > 100) {
        rmdir $dir;
        $dir = File::Temp::tempdir($template, DIR => '/tmp', CLEANUP => 0);
    }
    $dir = Cwd::abs_path($dir);

    my $self = bless {
        dir       => $dir,
        socket    => "$dir/libvirt-sock",
        log_file  => "$dir/libvirtd.log",
        out_file  => "$dir/daemon.out",
        conf_file => "$dir/libvirtd.conf",
        pid_file  => "$dir/libvirtd.pid",
        pool_name => $pool_name,
        pool_path => "$dir/pool",
        owner     => $$,
        keep      => $keep,
        exe       => \%exe,
        pid       => undef,
        drivers   => \%driver_so,
        private   => \@private,
        tmpfs_size => $tmpfs_size,
        files     => $opt{files} || {},
        conf_extra => $opt{conf} // '',
        binds     => $opt{binds} || {},
        own_dirs  => [sort keys %own_dirs],
    }, $class;
    $self->{uri} = "storage:///system?socket=$self->{socket}";

    my $ok = eval {
        $self->_prepare($driver, $log_level);
        $self->_spawn;
        $self->_wait_ready($timeout);
        $self->_create_pool unless exists $opt{pool} && !$opt{pool};
        1;
    };
    if (!$ok) {
        my $err = $@;
        $self->{keep} = 0 unless $ENV{TEST_LIBVIRTD_KEEP};
        $self->stop;
        die $err;
    }

    my $addr = Scalar::Util::refaddr($self);
    $LIVE{$addr} = $self;
    Scalar::Util::weaken($LIVE{$addr});
    return $self;
}

sub _prepare {
    my ($self, $driver, $log_level) = @_;
    my $dir = $self->{dir};

    mkdir "$dir/drivers" or die "mkdir $dir/drivers: $!\n";
    for my $name (sort keys %{ $self->{drivers} }) {
        my $so = $self->{drivers}{$name};
        symlink $so, "$dir/drivers/libvirt_driver_$name.so"
            or die "symlink $so: $!\n";
    }
    mkdir $self->{pool_path} or die "mkdir $self->{pool_path}: $!\n";

    open my $fh, '>', $self->{conf_file} or die "$self->{conf_file}: $!\n";
    print {$fh} <<"EOF";
# private libvirtd for the Sys::Virt test suite
unix_sock_dir = "$dir"
auth_unix_rw = "none"
auth_unix_ro = "none"
log_level = $log_level
log_outputs = "$log_level:file:$self->{log_file}"
EOF
    print {$fh} $self->{conf_extra}, "\n" if length $self->{conf_extra};
    close $fh or die "$self->{conf_file}: $!\n";

    # Files to put in place inside the namespace (after the tmpfs mounts),
    # and files to bind-mount over existing ones.
    my (@copy, @bind);
    for my $d (@{ $self->{own_dirs} }) {
        File::Path::make_path("$dir/files$d");
        push @bind, "$dir/files$d", $d;
    }
    my $n = 0;
    for my $dst (sort keys %{ $self->{files} }) {
        my ($d) = $dst =~ m{^(.*)/[^/]+$};
        if (grep { $_ eq $d } @{ $self->{own_dirs} }) {
            open my $out, '>', "$dir/files$dst" or die "$dir/files$dst: $!\n";
            print {$out} $self->{files}{$dst};
            close $out or die "$dir/files$dst: $!\n";
            next;
        }
        my $src = "$dir/ns-file-" . $n++;
        open my $out, '>', $src or die "$src: $!\n";
        print {$out} $self->{files}{$dst};
        close $out or die "$src: $!\n";
        push @copy, $src, $dst;
    }
    for my $dst (sort keys %{ $self->{binds} }) {
        my $src = $self->{binds}{$dst};
        die "bind source '$src' must be an absolute path without white space\n"
            unless $src =~ m{^/\S+$} && -e $src;
        push @bind, $src, $dst;
    }
    $self->{copy_pairs} = join ' ', @copy;
    $self->{bind_pairs} = join ' ', @bind;
}

# The shell run by unshare, inside the new mount namespace. Paths come in as
# positional parameters, so nothing is quoted into the script.
my $NS_SCRIPT = <<'EOF';
set -e
mount --make-rprivate /
for d in $PRIVATE_DIRS; do
    mount -t tmpfs -o mode=0755,size=$TMPFS_SIZE sys-virt-test "$d"
done
conf=$1 pidfile=$2
set -- $COPY_PAIRS
while [ $# -ge 2 ]; do
    mkdir -p "${2%/*}"
    cp "$1" "$2"
    shift 2
done
set -- $BIND_PAIRS
while [ $# -ge 2 ]; do
    mount --bind "$1" "$2"
    shift 2
done
exec "$SETPRIV" --pdeathsig KILL "$LIBVIRTD" --config "$conf" --pid-file "$pidfile"
EOF

sub _spawn {
    my ($self) = @_;
    my $exe = $self->{exe};
    my $owner = $$;

    my $pid = fork;
    die "fork: $!\n" unless defined $pid;
    if ($pid == 0) {
        # Child: never return into the test, never run its END blocks.
        eval {
            # Die with the parent even before setpriv runs: prctl(2)
            # PR_SET_PDEATHSIG survives execve (no set-uid binary here).
            if ($Config::Config{archname} =~ /^x86_64-linux/) {
                syscall(157, 1, POSIX::SIGKILL(), 0, 0, 0);    # prctl
            }
            POSIX::_exit(1) if getppid() != $owner;
            open STDIN, '<', '/dev/null' or die "stdin: $!";
            open STDOUT, '>', $self->{out_file} or die "stdout: $!";
            open STDERR, '>&', \*STDOUT or die "stderr: $!";
            $ENV{LIBVIRT_DRIVER_DIR} = "$self->{dir}/drivers";
            $ENV{PRIVATE_DIRS} = join " ", @{ $self->{private} };
            $ENV{TMPFS_SIZE}   = $self->{tmpfs_size};
            $ENV{COPY_PAIRS}   = $self->{copy_pairs};
            $ENV{BIND_PAIRS}   = $self->{bind_pairs};
            $ENV{SETPRIV}  = $exe->{setpriv};
            $ENV{LIBVIRTD} = $exe->{libvirtd};
            delete $ENV{LIBVIRT_DEFAULT_URI};
            # unshare without --fork execs in place, sh execs setpriv, which
            # execs libvirtd: the daemon keeps this pid, a direct child of
            # the test.
            exec { $exe->{unshare} } 'unshare', '-m', '--propagation', 'private',
                $exe->{sh}, '-c', $NS_SCRIPT, 'sys-virt-libvirtd',
                $self->{conf_file}, $self->{pid_file};
            die "exec $exe->{unshare}: $!";
        };
        print STDERR $@ if $@;
        POSIX::_exit(127);
    }
    $self->{pid} = $pid;
    $self->{started_at} = Time::HiRes::time();
}

sub _wait_ready {
    my ($self, $timeout) = @_;
    my $deadline = Time::HiRes::time() + $timeout;
    while (1) {
        my $r = waitpid $self->{pid}, POSIX::WNOHANG();
        if ($r == $self->{pid}) {
            my $st = $?;
            delete $self->{pid};
            die sprintf "libvirtd exited during start-up (%s)%s\n",
                _status_text($st), $self->_log_tail;
        }
        if (-S $self->{socket}) {
            # The socket exists once bound; make sure the daemon answers.
            # (A bare connect+close would work too, but makes the daemon log
            # "End of file while reading data", which tests look for.)
            my ($st) = $self->_capture($self->{exe}{virsh}, '-q', '-c',
                $self->{uri}, 'uri');
            last if $st == 0;
        }
        if (Time::HiRes::time() > $deadline) {
            die "libvirtd did not come up within ${timeout}s"
                . $self->_log_tail . "\n";
        }
        Time::HiRes::sleep(0.02);
    }
    $self->{ready_after} = Time::HiRes::time() - $self->{started_at};
}

sub _create_pool {
    my ($self) = @_;
    $self->virsh('pool-create-as', $self->{pool_name}, 'dir',
        '--target', $self->{pool_path});
}

# ---------------------------------------------------------------------------
# Accessors

sub uri        { $_[0]{uri} }
# The URI of one of the daemon's drivers: secret, nwfilter, nodedev, network,
# interface (each answers on the same socket).
sub uri_for    { "$_[1]:///system?socket=$_[0]{socket}" }
# The shared library of one of the daemon's drivers; as a class method,
# the one a daemon would load (undef when there is none).
sub driver_so {
    my ($self, $name) = @_;
    return $self->{drivers}{$name} if ref $self;
    my $storage = _find_storage_driver() // return undef;
    my $so = _driver_beside($storage, $name);
    return -f $so ? $so : undef;
}

sub _driver_beside {
    my ($storage, $name) = @_;
    (my $so = $storage) =~ s/libvirt_driver_storage\.so$/libvirt_driver_$name.so/;
    return $so;
}

sub dir        { $_[0]{dir} }
sub socket     { $_[0]{socket} }
sub pid        { $_[0]{pid} }
sub log_file   { $_[0]{log_file} }
sub pool_name  { $_[0]{pool_name} }
sub pool_path  { $_[0]{pool_path} }
sub start_time { $_[0]{ready_after} }

sub is_running {
    my ($self) = @_;
    my $pid = $self->{pid} or return 0;
    return waitpid($pid, POSIX::WNOHANG()) == 0 ? 1 : do {
        delete $self->{pid};
        0;
    };
}

# ---------------------------------------------------------------------------
# Helpers for tests

sub virsh {
    my ($self, @args) = @_;
    return $self->virsh_uri($self->{uri}, @args);
}

# virsh on another URI of the same daemon (uri_for).
sub virsh_uri {
    my ($self, $uri, @args) = @_;
    my ($status, $out, $err) =
        $self->_capture($self->{exe}{virsh}, '-q', '-c', $uri, @args);
    if ($status != 0) {
        $err =~ s/\s+\z//;
        die sprintf "virsh %s failed (%s): %s\n",
            join(' ', @args), _status_text($status), $err;
    }
    return $out;
}

sub create_volume {
    my ($self, $name, $capacity, %opt) = @_;
    my $format = $opt{format} // 'raw';
    my @extra;
    push @extra, '--allocation', $opt{allocation} if defined $opt{allocation};
    my $pool = $opt{pool} // $self->{pool_name};
    $self->virsh('vol-create-as', $pool, $name, $capacity,
        '--format', $format, @extra);
    my $path = $self->virsh('vol-path', '--pool', $pool, $name);
    $path =~ s/\s+\z//;
    return $path;
}

sub kill_daemon {
    my ($self, $signal) = @_;
    $signal //= 'KILL';
    my $pid = $self->{pid} or return undef;
    kill $signal, $pid;
    my $st = _wait_for($pid, 10);
    if (!defined $st) {
        kill 'KILL', $pid;
        $st = _wait_for($pid, 10);
    }
    delete $self->{pid};
    return $st;
}

# ---------------------------------------------------------------------------
# Shutdown

sub stop {
    my ($self) = @_;
    return if ($self->{owner} // -1) != $$;    # a forked child: not ours
    local ($?, $!, $@);

    if (my $pid = delete $self->{pid}) {
        kill 'TERM', $pid;
        my $st = _wait_for($pid, 5);
        if (!defined $st) {
            kill 'KILL', $pid;
            _wait_for($pid, 10);
        }
    }
    if (defined $self->{dir} && !$self->{keep}) {
        File::Path::remove_tree($self->{dir}, { safe => 0 });
        delete $self->{dir};
    }
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
    for my $d (grep { defined } values %LIVE) {
        eval { $d->stop };
    }
}

# ---------------------------------------------------------------------------
# Internals

# Reap $pid, waiting up to $secs. Returns its wait status, -1 if it is not
# (or no longer) our child, undef if it is still running.
sub _wait_for {
    my ($pid, $secs) = @_;
    my $deadline = Time::HiRes::time() + $secs;
    while (1) {
        my $r = waitpid $pid, POSIX::WNOHANG();
        return $? if $r == $pid;
        return -1 if $r < 0;
        return undef if Time::HiRes::time() > $deadline;
        Time::HiRes::sleep(0.01);
    }
}

sub _capture {
    my ($self, @cmd) = @_;
    my $base = $self->{dir} // File::Spec->tmpdir;
    my ($ofh, $ofile) = File::Temp::tempfile('virsh-out-XXXXXX', DIR => $base);
    my ($efh, $efile) = File::Temp::tempfile('virsh-err-XXXXXX', DIR => $base);
    my $pid = fork;
    die "fork: $!\n" unless defined $pid;
    if ($pid == 0) {
        eval {
            open STDIN, '<', '/dev/null' or die;
            open STDOUT, '>&', $ofh or die;
            open STDERR, '>&', $efh or die;
            exec { $cmd[0] } @cmd;
        };
        POSIX::_exit(127);
    }
    waitpid $pid, 0;
    my $status = $?;
    local $/;
    seek $ofh, 0, 0;
    seek $efh, 0, 0;
    my $out = <$ofh> // '';
    my $err = <$efh> // '';
    close $ofh;
    close $efh;
    unlink $ofile, $efile;
    $err = "cannot run $cmd[0]" if $status == 127 << 8 && $err eq '';
    return ($status, $out, $err);
}

sub _status_text {
    my ($st) = @_;
    return 'not our child' if $st == -1;
    return 'signal ' . ($st & 127) if $st & 127;
    return 'exit ' . ($st >> 8);
}

sub _log_tail {
    my ($self, $lines) = @_;
    $lines //= 15;
    my $text = '';
    for my $f ($self->{out_file}, $self->{log_file}) {
        next unless defined $f && -s $f;
        open my $fh, '<', $f or next;
        my @l = <$fh>;
        close $fh;
        splice @l, 0, @l - $lines if @l > $lines;
        $text .= "\n--- tail of $f ---\n" . join '', @l;
    }
    $text =~ s/\s+\z//;
    return $text eq '' ? ' (daemon output and log are empty)' : $text;
}

sub _which {
    my ($prog) = @_;
    my @path = (File::Spec->path, qw(/usr/sbin /sbin /usr/bin /bin));
    for my $d (@path) {
        next unless length $d;
        my $f = "$d/$prog";
        return $f if -f $f && -x _;
    }
    return undef;
}

sub _find_storage_driver {
    return $STORAGE_DRIVER if -f $STORAGE_DRIVER;
    for my $pat (
        '/usr/lib/*/libvirt/connection-driver/libvirt_driver_storage.so',
        '/usr/lib64/libvirt/connection-driver/libvirt_driver_storage.so',
        '/usr/lib/libvirt/connection-driver/libvirt_driver_storage.so',
        '/usr/local/lib*/libvirt/connection-driver/libvirt_driver_storage.so',
    ) {
        my ($f) = grep { -f } glob $pat;
        return $f if $f;
    }
    return undef;
}

1;

__END__

=head1 NAME

Test::LibvirtDaemon - a private, throw-away libvirtd for the Sys::Virt tests

=head1 SYNOPSIS

    use Test::More;
    use lib 't/lib';
    use Test::LibvirtDaemon;

    my $d = Test::LibvirtDaemon->start_or_skip;   # before any plan
    # or: my $d = Test::LibvirtDaemon->start
    #        or plan skip_all => $Test::LibvirtDaemon::SKIP_REASON;

    my $conn = Sys::Virt->new(uri => $d->uri);
    my $path = $d->create_volume('vol1', 1024 * 1024, format => 'raw');
    $d->virsh('vol-upload', '--pool', $d->pool_name, 'vol1', $file);

    $d->kill_daemon('KILL');      # e.g. to break a transfer mid-way
    $d->stop;                     # also done by DESTROY and at END

=head1 DESCRIPTION

Starts a libvirtd with only the storage driver loaded, listening on a unix
socket in a fresh temporary directory, with no authentication, and a
transient C<dir> storage pool whose target is a directory inside the
temporary directory.

The daemon runs as root inside its own mount namespace (C<unshare -m>,
C<mount --make-rprivate />), with a private C<tmpfs> over
C</run/libvirt>, C</var/lib/libvirt> and C</etc/libvirt/storage>. It
therefore writes nothing to the system, and any number of daemons can run at
once (several test files under C<prove -j>, or several daemons in one test).
The only change made outside the namespace is creating those three mount
points as empty directories when they do not exist.

The daemon is forked and exec'ed so that its pid is a direct child of the
test process (C<unshare> and C<sh> both exec in place), with a parent-death
signal of C<SIGKILL> (set with prctl(2) before the exec, and again by
C<setpriv --pdeathsig KILL>): if the test process dies, even by
C<SIGKILL>, the daemon dies with it. In that case only the temporary
directory is left behind.

=head1 METHODS

=head2 start

    my $d = Test::LibvirtDaemon->start(%options);

Starts a daemon and waits until its socket accepts connections. Returns the
object, or C<undef> with the reason in C<$Test::LibvirtDaemon::SKIP_REASON>
when it cannot start: not root, not Linux, C<libvirtd>, C<virsh>,
C<unshare>, C<setpriv>, C<mount> or the storage driver missing, the daemon
exiting or not coming up within the timeout (the reason then ends with the
tail of the daemon's stderr and log), or the pool not being created. Setting
the environment variable C<SYS_VIRT_TEST_NO_DAEMON> makes it always fail,
to exercise the skip path.

Options:

=over

=item pool_name

Name of the transient C<dir> pool (default C<testpool>).

=item pool

Set to 0 to create no pool.

=item timeout

Seconds to wait for the socket (default 20).

=item log_level

libvirt log priority written to C<log_file> (default 3: warnings and
errors; 1 is debug).

=item storage_driver

Path of C<libvirt_driver_storage.so> (default: the Debian amd64 location,
else the first found among the usual library directories).

=item drivers

The drivers to load (default C<['storage']>); the storage driver should be
among them, since readiness is checked on its URI. With any driver but
storage, all of C</etc/libvirt> and C</var/cache/libvirt> get a private
tmpfs too.

=item conf

More lines for the daemon's C<libvirtd.conf> (e.g. C<host_uuid = "...">).

=item private_dirs

More directories to hide under a private tmpfs (e.g. C</var/log/libvirt>).

=item tmpfs_size

Size of each private tmpfs (default C<64m>).

=item files

    files => { '/etc/libvirt/qemu.conf' => $text }

Files written inside the namespace once the private tmpfs are mounted,
before the daemon starts (their directories are created). Paths are
absolute, without white space. A file outside the private tmpfs (say
C</etc/network/interfaces>, which the netcf backend of the interface
driver reads and writes) is put in a directory of the test's own that is
bind-mounted, in the namespace, over the directory holding it, with only
the files given for it; the directory is created outside the namespace
when missing, as an empty mount point.

=item binds

    binds => { '/etc/passwd' => "$dir/passwd" }

Files bind-mounted over existing ones inside the namespace (e.g. a copy of
C</etc/passwd> that has a user the driver needs). Absolute paths without
white space.

=item keep

Keep the temporary directory when stopping (also with the environment
variable C<TEST_LIBVIRTD_KEEP>), for debugging.

=back

=head2 start_or_skip

    my $d = Test::LibvirtDaemon->start_or_skip(%options);

Like L</start>, but when the daemon cannot start, calls Test::More's
C<plan skip_all =E<gt> $reason> (which exits). Call it before declaring a plan.

=head2 uri

C<storage:///system?socket=DIR/libvirt-sock>.

=head2 uri_for

    my $uri = $d->uri_for('interface');

The URI of another driver of the daemon, on the same socket.

=head2 driver_so

    my $path = $d->driver_so('interface');
    my $path = Test::LibvirtDaemon->driver_so('interface');

The shared library of one of the daemon's drivers; called on the class,
the one a daemon would load (C<undef> when there is none).

=head2 dir

The temporary directory (config, sockets, pid file, log, pool directory).
C<undef> once stopped.

=head2 socket

The read-write socket, C<DIR/libvirt-sock>.

=head2 pid

The daemon's pid (a direct child of the test process), C<undef> once it is
stopped, killed or has been seen to exit.

=head2 log_file

The daemon's log file, C<DIR/libvirtd.log>. The daemon's stdout and stderr
(and errors from C<unshare>/C<mount>) go to C<DIR/daemon.out>.

=head2 pool_name, pool_path

Name and target directory of the transient pool.

=head2 start_time

Seconds from fork to the socket accepting connections.

=head2 is_running

True while the daemon has not exited (reaps it if it has).

=head2 virsh

    my $stdout = $d->virsh(@args);

Runs C<virsh -q -c URI @args> (no shell) and returns its standard output.
Dies with its standard error when it fails.

=head2 virsh_uri

    my $stdout = $d->virsh_uri($d->uri_for('qemu'), @args);

The same on another of the daemon's URIs.

=head2 create_volume

    my $path = $d->create_volume($name, $capacity_bytes,
                                 format => 'raw', allocation => 0);

Creates a volume in the pool with C<virsh vol-create-as> and returns its
path. Options: C<format> (default C<raw>), C<allocation>, C<pool> (another
pool name).

=head2 kill_daemon

    my $status = $d->kill_daemon('KILL');

Sends a signal (default C<KILL>) to the daemon and reaps it, waiting up to
10 s, then sending C<SIGKILL> if it has not exited. Returns the wait status.
Use it to make the daemon vanish under a connection or a transfer. The
temporary directory stays until L</stop>.

=head2 stop

Sends C<SIGTERM>, waits up to 5 s, then C<SIGKILL>, reaps the daemon, and
removes the temporary directory. Safe to call twice. Called by C<DESTROY>,
and for every daemon still running by an C<END> block, which also covers a
test that dies. C<$?>, C<$!> and C<$@> are preserved, so the test's exit
status is unchanged.

Only the process that started the daemon stops it: in a forked child,
C<stop>, C<DESTROY> and C<END> leave it alone.

=head1 CAVEATS

The daemon is a child of the test process: a test calling C<wait>,
C<waitpid(-1, ...)> or setting C<$SIG{CHLD} = 'IGNORE'> may reap it
behind the module's back (L</stop> copes with that).

If the test process is killed by a signal, the daemon dies (parent-death
signal) but its temporary directory remains.

=cut
