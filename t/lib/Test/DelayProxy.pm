package Test::DelayProxy;
# Puts a daemon "across a WAN": one listening unix socket per simulated
# host, each connection forwarded to the daemon's socket, every chunk held
# DELAY ms in each direction, order kept (this kernel has no netem; see
# DESIGN.md). The proxy is a process of its own.
use strict;
use warnings;
use File::Temp ();
use IO::Select;
use IO::Socket::UNIX;
use POSIX ();
use Socket qw(SOCK_STREAM);
use Time::HiRes ();

sub _now { Time::HiRes::clock_gettime(Time::HiRes::CLOCK_MONOTONIC()) }

# Test::DelayProxy->start(target => $socket, hosts => N, delay_ms => 20)
sub start {
    my ($class, %opt) = @_;
    my $target = $opt{target} or die "Test::DelayProxy: no target socket\n";
    my $hosts = $opt{hosts} // 1;
    my $delay = ($opt{delay_ms} // 20) / 1000;
    my $dir = File::Temp::tempdir('sys-virt-delay-XXXXXXXX', TMPDIR => 1, CLEANUP => 0);
    my @listen = map {
        IO::Socket::UNIX->new(Type => SOCK_STREAM, Local => "$dir/h$_.sock", Listen => 64)
            or die "Test::DelayProxy: listen $dir/h$_.sock: $!\n";
    } 1 .. $hosts;
    my $pid = fork // die "Test::DelayProxy: fork: $!\n";
    if (!$pid) {
        eval { _forward($delay, $target, @listen) };
        POSIX::_exit(0);
    }
    close $_ for @listen;
    return bless { pid => $pid, dir => $dir, hosts => $hosts, owner => $$ }, $class;
}

# The socket of host $i (1 .. hosts), and a URI of $scheme through it.
sub socket { "$_[0]{dir}/h$_[1].sock" }
sub uri    { my ($self, $i, $scheme) = @_; "$scheme:///system?socket=" . $self->socket($i) }

# The proxy's process (SIGSTOP: every host stops answering).
sub pid    { $_[0]{pid} }

sub stop {
    my ($self) = @_;
    return if $self->{owner} != $$;
    local ($?, $!);
    if (my $pid = delete $self->{pid}) {
        kill 'KILL', $pid;
        waitpid $pid, 0;
    }
    if (my $dir = delete $self->{dir}) {
        unlink glob "$dir/*";
        rmdir $dir;
    }
}

sub DESTROY { $_[0]->stop }

# Forwards every chunk after $delay, order kept per direction.
sub _forward {
    my ($delay, $target, @listeners) = @_;
    my $sel = IO::Select->new(@listeners);
    my %peer;     # fileno => the other end
    my %queue;    # fileno of the destination => [ [due, bytes], ... ]
    my %sock;     # fileno => handle
    while (1) {
        my $now = _now();
        my $wait = 1;
        for my $fd (keys %queue) {
            my $q = $queue{$fd};
            while (@$q && $q->[0][0] <= $now) {
                my $data = (shift @$q)->[1];
                my $h = $sock{$fd} or last;
                while (length $data) {
                    my $n = syswrite($h, $data);
                    last unless defined $n && $n > 0;
                    substr($data, 0, $n, '');
                }
            }
            $wait = $q->[0][0] - $now if @$q && $q->[0][0] - $now < $wait;
        }
        for my $h ($sel->can_read($wait < 0 ? 0 : $wait)) {
            if (grep { $_ == $h } @listeners) {
                my $c = $h->accept or next;
                my $u = IO::Socket::UNIX->new(Type => SOCK_STREAM, Peer => $target) or do { close $c; next };
                ($peer{ fileno $c }, $peer{ fileno $u }) = ($u, $c);
                @sock{ fileno $c, fileno $u } = ($c, $u);
                $queue{$_} = [] for fileno $c, fileno $u;
                $sel->add($c, $u);
                next;
            }
            my $n = sysread($h, my $buf, 65536);
            my $other = $peer{ fileno $h };
            if (!$n) {
                # One end closed: close both once (queued data dropped).
                for my $x ($h, $other) {
                    next unless $x;
                    $sel->remove($x);
                    delete $queue{ fileno $x };
                    delete $sock{ fileno $x };
                    delete $peer{ fileno $x };
                    close $x;
                }
                next;
            }
            push @{ $queue{ fileno $other } }, [ _now() + $delay, $buf ] if $other;
        }
    }
}

1;
