#!/usr/bin/perl
# The call sequences a fuzz run found crashing or hanging (issue 13), each
# shrunk by hand, and the rules that fix them: streams refuse calls in the
# wrong direction or after their end before libvirt sees them; every XSUB
# keeps its arguments alive whatever reading them does; the close callback
# runs after libvirt let go of its lock; a drop never waits on the daemon;
# one event loop per process; one routine reads integer arguments.
# Every shape runs in a child process: a crash or a hang (alarm) of the
# child fails the test instead of killing the suite.
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use POSIX ();
use lib 't/lib';
use Test::LibvirtDaemon;

use Sys::Virt;
use Sys::Virt::Event;
use Sys::Virt::EventImpl;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 300;

# Runs $code in a child; returns (exit status, output). The child dies by
# SIGALRM (a hang) after $secs. It ends by POSIX::_exit, or with $exit by
# exit: Perl's global destruction and the library's exit handler run.
sub in_child {
    my ($secs, $code, $exit) = @_;
    pipe my $r, my $w or die "pipe: $!";
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        close $r;
        open STDOUT, '>&', $w or POSIX::_exit(97);
        open STDERR, '>&', $w or POSIX::_exit(97);
        $| = 1;
        $SIG{ALRM} = 'DEFAULT';
        alarm $secs;
        my $ok = eval { $code->(); 1 };
        print "child died: $@" unless $ok;
        CORE::exit($ok ? 0 : 1) if $exit;
        POSIX::_exit($ok ? 0 : 1);
    }
    close $w;
    my $out = do { local $/; <$r> } // '';
    waitpid $pid, 0;
    return ($?, $out);
}

# A shape passes when the child exits 0: no signal, no hang, no exception
# left over, and no interpreter-corruption warning.
sub shape_ok {
    my ($name, $code, $secs, $exit) = @_;
    my ($status, $out) = in_child($secs // 60, $code, $exit);
    my $bad = $out =~ /GLib(?:-GObject)?-CRITICAL|Attempt to free|Use of freed value|panic:|Bizarre|Semi-panic|internal error in the Rust core/;
    ok($status == 0 && !$bad, $name)
        or diag(($status & 127 ? "killed by signal " . ($status & 127) : "exit status " . ($status >> 8)) . "\n$out");
}

# A process's state letter (R, S, T for stopped, ...).
sub process_state {
    my ($pid) = @_;
    open my $fh, '<', "/proc/$pid/stat" or return '';
    return (<$fh> =~ /\) (\S)/)[0] // '';
}

sub is_stream_error {
    my ($e, $re, $name) = @_;
    ok(ref $e && $e->isa('Sys::Virt::Error') && $e->message =~ $re, $name)
        or die "$name: " . (defined $e ? "$e" : 'no exception') . "\n";
}

# --------------------------------------------------------- test driver ---

subtest 'cause 1: send_hole on a screenshot stream, after finish or while active' => sub {
    shape_ok('finish, then send_hole', sub {
        my $c = Sys::Virt->new(uri => 'test:///default');
        my $st = $c->new_stream;
        $c->get_domain_by_name('test')->screenshot($st, 0);
        $st->finish;
        is_stream_error(exception { $st->send_hole(1048576) }, qr/send_hole: the stream is finished/, 'refused');
        is_stream_error(exception { $st->recv(my $b, 10) }, qr/recv: the stream is finished/, 'recv too');
        is_stream_error(exception { $st->finish }, qr/already finished/, 'second finish');
        is_stream_error(exception { $st->abort }, qr/already finished/, 'abort after finish');
    });
    for my $end (qw(abort drop)) {
        shape_ok("non-blocking screenshot: send_hole, then $end", sub {
            my $c = Sys::Virt->new(uri => 'test:///default');
            my $st = $c->new_stream(Sys::Virt::Stream::NONBLOCK());
            $c->get_domain_by_name('test')->screenshot($st, 0);
            is_stream_error(exception { $st->send_hole(1048576) }, qr/started for receiving.*cannot send/, 'refused');
            is_stream_error(exception { $st->send('x', 1) }, qr/cannot send/, 'send too');
            is_stream_error(exception { $st->send_all(sub { 0 }) }, qr/cannot send/, 'send_all too');
            $end eq 'abort' ? $st->abort : undef $st;
        });
    }
    shape_ok('a stream carries one transfer', sub {
        my $c = Sys::Virt->new(uri => 'test:///default');
        my $d = $c->get_domain_by_name('test');
        my $st = $c->new_stream;
        $d->screenshot($st, 0);
        is_stream_error(exception { $d->screenshot($st, 0) }, qr/already in use/, 'second start refused');
        $st->abort;
        is_stream_error(exception { $d->screenshot($st, 0) }, qr/aborted/, 'start after abort refused');
        is_stream_error(exception { $st->abort }, qr/already aborted/, 'second abort');
    });
    shape_ok('a handler that ends its own stream stops the loop before libvirt', sub {
        my $c = Sys::Virt->new(uri => 'test:///default');
        for my $end (qw(finish abort)) {
            my $st = $c->new_stream;
            $c->get_domain_by_name('test')->screenshot($st, 0);
            is_stream_error(exception { $st->recv_all(sub { $_[0]->$end; $_[2] }) },
                            qr/recv_all: the stream was \w+ during the transfer/, "handler calls $end");
        }
    });
};

subtest 'cause 2: reading an argument drops the invocant (tie, overloading)' => sub {
    {
        package Test::DropTie;
        sub TIESCALAR { my ($c, $code, $v) = @_; bless { code => $code, v => $v }, $c }
        sub FETCH { $_[0]{code}->(); $_[0]{v} }
        package Test::DropNum;
        use overload '0+' => sub { $_[0]{code}->(); $_[0]{v} }, fallback => 1;
    }
    our @S;
    my %drop = ('empty the array' => sub { @S = () }, 'undef the element' => sub { $S[0] = undef },
                'overwrite the element' => sub { $S[0] = 42 });
    for my $how (sort keys %drop) {
        shape_ok("add_callback, recv, send, screenshot, update_callback: $how", sub {
            my $c = Sys::Virt->new(uri => 'test:///default');
            my $d = $c->get_domain_by_name('test');
            Sys::Virt::Event::register_default();
            my $t = Sys::Virt::Event::add_timeout(10, sub {});
            for my $m (qw(add_callback update_callback recv recv_flags send screenshot recv_all)) {
                @S = ($c->new_stream(Sys::Virt::Stream::NONBLOCK()));
                $d->screenshot($S[0], 0) unless $m eq 'screenshot';
                $S[0]->add_callback(1, sub {}) if $m eq 'update_callback';
                tie my $arg, 'Test::DropTie', $drop{$how}, 1;
                my $e = exception {
                    if    ($m eq 'add_callback')    { $S[0]->add_callback($arg, sub {}) }
                    elsif ($m eq 'update_callback') { $S[0]->update_callback($arg) }
                    elsif ($m eq 'recv')            { $S[0]->recv(my $b, $arg) }
                    elsif ($m eq 'recv_flags')      { $S[0]->recv(my $b, 10, $arg) }
                    elsif ($m eq 'send')            { $S[0]->send('abc', $arg) }
                    elsif ($m eq 'screenshot')      { $d->screenshot($S[0], $arg) }
                    else                            { $S[0]->recv_all($arg) }
                };
                ok(!defined $e || ref $e || $e =~ /^Sys::Virt::/, "$m: no crash") or diag $e;
            }
            # The buffer of recv dropped while the flags are read.
            our @B = (my $buf = '');
            @S = ($c->new_stream);
            $d->screenshot($S[0], 0);
            tie my $f, 'Test::DropTie', sub { @B = () }, 0;
            is(exception { $S[0]->recv($B[0], 100, $f) }, undef, 'recv into a buffer dropped while reading flags');
            # Overloaded numbers.
            @S = ($c->new_stream);
            $d->screenshot($S[0], 0);
            my $o = bless { code => $drop{$how}, v => 10 }, 'Test::DropNum';
            is(exception { $S[0]->recv(my $b, $o) }, undef, 'overloaded nbytes');
            Sys::Virt::Event::remove_timeout($t);
        });
    }
    shape_ok('the connection of an event registration dropped while reading the event ID', sub {
        our @C = (Sys::Virt->new(uri => 'test:///default'));
        Sys::Virt::Event::register_default();
        tie my $id, 'Test::DropTie', sub { @C = () }, Sys::Virt::Domain::EVENT_ID_LIFECYCLE();
        my $cb = $C[0]->domain_event_register_any(undef, $id, sub {});
        ok(defined $cb, 'registered');
    });
};

# ----------------------------------------------------- event loops ----

subtest 'one event loop per process' => sub {
    {
        package Test::NullLoop;
        our @ISA = ('Sys::Virt::EventImpl');
        our $n = 0;
        sub add_handle { ++$n } sub update_handle {} sub remove_handle { 0 }
        sub add_timeout { ++$n } sub update_timeout {} sub remove_timeout { 0 }
    }
    shape_ok('register_default after register($impl)', sub {
        Sys::Virt::Event::register(Test::NullLoop->new);
        like(exception { Sys::Virt::Event::register_default() },
             qr/^Sys::Virt::Event::register_default: an event loop written in Perl is already registered/, 'refused');
        like(exception { Sys::Virt::Event::run_default() },
             qr/^Sys::Virt::Event::run_default: the registered event loop is written in Perl/, 'run_default refused');
    });
    shape_ok('register($impl) after register_default', sub {
        Sys::Virt::Event::register_default();
        like(exception { Sys::Virt::Event::register(Test::NullLoop->new) },
             qr/^Sys::Virt::Event::register: libvirt's default event loop is already registered/, 'refused');
        is(exception { Sys::Virt::Event::register_default() }, undef, 'register_default again is fine');
    });
    shape_ok('run_default without a loop', sub {
        like(exception { Sys::Virt::Event::run_default() }, qr/no event loop is registered/, 'refused');
    });
};

# ------------------------------------------------- integer arguments ----

subtest 'one routine reads every integer argument' => sub {
    my $c = Sys::Virt->new(uri => 'test:///default');
    my $d = $c->get_domain_by_name('test');
    my $st = $c->new_stream;
    # (value, accepted by unsigned 32-bit, by unsigned 64-bit, by signed 32-bit)
    my @values = (
        [0, 1, 1, 1], ['7', 1, 1, 1], [7.0, 1, 1, 1], ['+7', 1, 1, 1],
        [-1, 0, 0, 1], ['-1', 0, 0, 1], [1.5, 0, 0, 0], ['1.5', 0, 0, 0], ['abc', 0, 0, 0],
        ['18446744073709551615', 0, 1, 0], [18446744073709551615, 0, 1, 0],
        ['18446744073709551616', 0, 0, 0], [2**64, 0, 0, 0], [-2**63, 0, 0, 0], ['-9223372036854775808', 0, 0, 0],
        [4294967295, 1, 1, 0], [4294967296, 0, 1, 0], [2147483648, 1, 1, 0], [-2147483648, 0, 0, 1],
    );
    my $argerr = qr/^Sys::Virt::[\w:]+: '\w+' (must|is out of range)/;
    my %kind = (
        u32 => [['flags of new_stream', sub { Sys::Virt::Stream->new($c, $_[0]) }],
                ['screen of screenshot', sub { $d->screenshot($c->new_stream, $_[0]) }],
                ['flags of recv_hole', sub { $st->recv_hole($_[0]) }],
                ['flags of get_xml_description', sub { $d->get_xml_description($_[0]) }]],
        u64 => [['nbytes of recv', sub { $st->recv(my $b, $_[0]) }],
                ['nbytes of send', sub { $st->send('abc', $_[0]) }]],
        i32 => [['ms of add_timeout', sub { Sys::Virt::Event::add_timeout($_[0], sub {}) }],
                ['id of get_domain_by_id', sub { $c->get_domain_by_id($_[0]) }],
                ['eventID of domain_event_register_any', sub { $c->domain_event_register_any(undef, $_[0], sub {}) }]],
    );
    my %col = (u32 => 1, u64 => 2, i32 => 3);
    for my $k (sort keys %kind) {
        for my $m (@{ $kind{$k} }) {
            my @wrong;
            for my $v (@values) {
                my $e = exception { $m->[1]->($v->[0]) };
                my $refused = defined $e && !ref $e && $e =~ $argerr;
                push @wrong, "$v->[0] " . ($refused ? "refused: $e" : 'accepted')
                    if $refused == $v->[ $col{$k} ];
            }
            is("@wrong", '', "$k: $m->[0]");
        }
    }
    is(exception { $c->get_domain_by_name('test')->get_xml_description(undef) }, undef, 'undef flags are 0');
    like(exception { $st->recv(my $b, undef) }, qr/'nbytes' must be a number, not undef/, 'undef nbytes');
};

# ------------------------------------------------- private daemon ----

my $d = Test::LibvirtDaemon->start_or_skip;
my $uri = $d->uri;
$d->create_volume('src.img', 4 << 20);
$d->create_volume('dst.img', 4 << 20);

sub vol { my ($c, $name) = @_; $c->get_storage_pool_by_name($d->pool_name)->get_volume_by_name($name) }

subtest 'cause 3: a close callback that unregisters itself or drops its connection' => sub {
    for my $what (qw(unregister drop close-other unregister-in-a-call)) {
        my $dd = Test::LibvirtDaemon->start or do { fail("daemon: $Test::LibvirtDaemon::SKIP_REASON"); next };
        shape_ok("close callback: $what", sub {
            Sys::Virt::Event::register_default();
            my $t = Sys::Virt::Event::add_timeout(20, sub {});
            my $conn = Sys::Virt->new(uri => $dd->uri);
            my $other = Sys::Virt->new(uri => $dd->uri);
            my $fired = 0;
            $conn->register_close_callback(sub {
                my ($c, $reason) = @_;
                $fired++;
                # (libvirt may say the connection is closed: that is fine)
                if    ($what =~ /^unregister/) { eval { $c->unregister_close_callback } }
                elsif ($what eq 'drop')       { undef $conn }
                else                          { undef $other }
            });
            $dd->kill_daemon('KILL');
            # A call that finds the daemon gone: libvirt runs the close
            # callback inside it, its lock held.
            eval { $conn->get_storage_pool_by_name($dd->pool_name) } if $what eq 'unregister-in-a-call';
            Sys::Virt::Event::run_default() until $fired;
            Sys::Virt::Event::run_default() for 1 .. 3;
            is($fired, 1, 'fired once');
        });
        $dd->stop;
    }
};

subtest 'cause 4: dropping an active remote stream never waits on the daemon' => sub {
    shape_ok('two non-blocking downloads, a send into one from a WRITABLE callback, abort, drop', sub {
        Sys::Virt::Event::register_default();
        my $t = Sys::Virt::Event::add_timeout(20, sub {});
        my $c = Sys::Virt->new(uri => $uri);
        my @st = map { $c->new_stream(Sys::Virt::Stream::NONBLOCK()) } 1 .. 2;
        vol($c, 'src.img')->download($_, 0, 0) for @st;
        my @errors;
        $st[0]->add_callback(Sys::Virt::Stream::EVENT_WRITABLE() | Sys::Virt::Stream::EVENT_READABLE(), sub {
            my $s = shift;
            push @errors, exception { $s->send('x' x 100, 100) };
        });
        Sys::Virt::Event::run_default() for 1 .. 5;
        ok(@errors, 'the callback ran');
        is_stream_error($errors[0], qr/send: the stream was started for receiving/, 'send refused');
        $st[0]->abort;
        undef $st[1];
        ok(1, 'the second one dropped');
        ok($c->is_alive, 'the connection still works');
        ok(vol($c, 'src.img')->get_name, 'and answers');
    });
    # These stop their daemon: each has one of its own. A client that
    # sends an abort and closes its socket before the answer can hang a
    # recent daemon (11.3, not 9.0) for good (see src/stream.rs, aborts):
    # the process's exit waits for the answers.
    my $dd = Test::LibvirtDaemon->start or return fail("daemon: $Test::LibvirtDaemon::SKIP_REASON");
    $dd->create_volume('src.img', 4 << 20);
    my $dvol = sub { $_[0]->get_storage_pool_by_name($dd->pool_name)->get_volume_by_name('src.img') };
    for my $round (1 .. 6) {
        shape_ok("round $round: a stream dropped while the daemon does not answer (stopped), then exit", sub {
            my $c = Sys::Virt->new(uri => $dd->uri);
            my $st = $c->new_stream;
            $dvol->($c)->download($st, 0, 0);
            $st->recv(my $buf, 1000);
            kill 'STOP', $dd->pid;
            my $ok = eval { undef $st; 1 };
            ok($ok, 'the drop returned') or diag $@;
            # The daemon wakes up in 0.3 s, while this process exits (a
            # program of its own: it holds none of this test's pipes).
            my $waker = fork // die "fork: $!";
            if (!$waker) {
                open STDOUT, '>', '/dev/null';
                open STDERR, '>&', \*STDOUT;
                exec('sh', '-c', 'sleep 0.3; kill -CONT ' . $dd->pid) or POSIX::_exit(1);
            }
        }, 60, 'exit');
        my $state = process_state($dd->pid);
        kill 'CONT', $dd->pid;
        isnt($state, 'T', "round $round: the exit waited until the daemon woke up and answered the abort");
        my ($status) = in_child(20, sub { Sys::Virt->new(uri => $dd->uri)->list_all_storage_pools });
        is($status, 0, "round $round: the daemon still answers") or last;
    }
    $dd->kill_daemon('KILL');
    $dd->stop;

    $dd = Test::LibvirtDaemon->start or return fail("daemon: $Test::LibvirtDaemon::SKIP_REASON");
    $dd->create_volume('dst.img', 4 << 20);
    shape_ok('an active remote stream left for global destruction, its daemon stopped', sub {
        our $c = Sys::Virt->new(uri => $dd->uri);
        our $st = $c->new_stream;
        $c->get_storage_pool_by_name($dd->pool_name)->get_volume_by_name('dst.img')->upload($st, 0, 0);
        $st->send('x' x 1000, 1000);
        is_stream_error(exception { $st->recv(my $b, 10) }, qr/started for sending.*cannot receive/, 'recv on an upload refused');
        kill 'STOP', $dd->pid;
        # exit: global destruction drops the stream, then the connection;
        # the exit handler gives up on the stopped daemon after a while
    }, 30, 'exit');
    $dd->kill_daemon('KILL');
    $dd->stop;
};

subtest 'a failed transfer never waits on the daemon for its abort' => sub {
    shape_ok('sparse upload with a WRITABLE callback, sparse_send_all whose hole handler fails', sub {
        Sys::Virt::Event::register_default();
        my $t = Sys::Virt::Event::add_timeout(20, sub {});
        my $c = Sys::Virt->new(uri => $uri);
        my $st = $c->new_stream;
        vol($c, 'dst.img')->upload($st, 0, 0, Sys::Virt::StorageVol::VOL_UPLOAD_SPARSE_STREAM());
        $st->add_callback(Sys::Virt::Stream::EVENT_WRITABLE(), sub {});
        $st->send_hole(7);
        Sys::Virt::Event::run_default();
        like(exception { $st->sparse_send_all(sub { 0 }, sub { (1) }, sub { 0 }) },
             qr/must return the list/, 'the handler\'s failure, at once');
        is_stream_error(exception { $st->finish }, qr/already aborted/, 'aborted');
    });
};

subtest 'cause 5: send_hole(0), finish, finish again on a sparse upload' => sub {
    shape_ok('second finish refused', sub {
        my $c = Sys::Virt->new(uri => $uri);
        my $st = $c->new_stream;
        vol($c, 'dst.img')->upload($st, 0, 0, Sys::Virt::StorageVol::VOL_UPLOAD_SPARSE_STREAM());
        is(exception { $st->send_hole(0) }, undef, 'an empty hole is nothing to send');
        $st->send('abc', 3);
        $st->finish;
        is_stream_error(exception { $st->finish }, qr/already finished/, 'second finish');
        is_stream_error(exception { $st->send_hole(0) }, qr/finished/, 'hole after finish');
        ok(vol($c, 'dst.img')->get_name, 'the connection answers');
    });
};

subtest 'deregistering an event callback of another family or id' => sub {
    # libvirt's client keeps the ids of domain and pool callbacks in one
    # list: deregistering a *domain* callback with a pool callback's id
    # removed the pool callback on the client only; the daemon went on
    # sending its events, and the connection's close then hung.
    shape_ok('domain_event_deregister_any with a pool callback id, then close', sub {
        Sys::Virt::Event::register_default();
        my $t = Sys::Virt::Event::add_timeout(20, sub {});
        my $c = Sys::Virt->new(uri => $uri);
        my $id = $c->storage_pool_event_register_any(undef, Sys::Virt::StoragePool::EVENT_ID_REFRESH(), sub {});
        my $e = exception { $c->domain_event_deregister_any($id) };
        ok(ref $e && $e->isa('Sys::Virt::Error') && $e->message =~ /no domain event callback with id $id is registered/,
           'refused before libvirt') or diag $e;
        like(exception { $c->storage_pool_event_deregister_any($id + 1) }->message,
             qr/no storage pool event callback with id/, 'an unknown pool id too');
        my $v = vol($c, 'src.img');
        $c->get_storage_pool_by_name($d->pool_name)->refresh;
        $c->storage_pool_event_deregister_any($id);
        undef $c;
        undef $v;    # the connection's last reference
        ok(1, 'closed');
    });
};

subtest 'finish failing leaves only abort' => sub {
    shape_ok('download finished early, then abort', sub {
        my $c = Sys::Virt->new(uri => $uri);
        my $st = $c->new_stream;
        vol($c, 'src.img')->download($st, 0, 0);
        my $e = exception { $st->finish };
        if (defined $e) {
            isa_ok($e, 'Sys::Virt::Error', 'finish failed');
            is_stream_error(exception { $st->finish }, qr/finish already failed/, 'finish again refused');
            is(exception { $st->abort }, undef, 'abort accepted');
        } else {
            pass('finish accepted by the daemon');
        }
        ok(vol($c, 'src.img')->get_name, 'the connection answers');
    });
};

done_testing;
