package Test::TransferNonblock;
# The non-blocking whole-file transfer tests, run by t/11-transfer-nonblock.t
# (libvirt's default event loop) and t/11-transfer-event-impl.t (an event
# loop written in Perl): many transfers at once on one loop, progress,
# cancellation, failures, and the Future / Mojo::Promise variants.
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use File::Temp qw(tempdir);
use Scalar::Util qw(weaken);
use Test::LibvirtDaemon;
use Test::StreamFiles qw(pattern write_file read_file make_sparse blocks);

use Sys::Virt;

# $spin->($cond, $secs): runs the loop until $cond->() holds; true if it did.
sub run {
    my (%arg) = @_;
    my $spin = $arg{spin};
    my $d = Test::LibvirtDaemon->start_or_skip;
    my $conn = Sys::Virt->new(uri => $d->uri);
    my $pool = $conn->get_storage_pool_by_name($d->pool_name);
    my $dir = tempdir(CLEANUP => 1);
    my $MiB = 1024 * 1024;
    my $SIZE = 4 * $MiB;
    my $src = "$dir/src.img";
    my $content = make_sparse($src, $SIZE, [0, 5000], [$MiB + 7, 300_000], [3 * $MiB, 65536]);
    $d->create_volume('vol', $SIZE);
    $d->virsh('vol-upload', '--sparse', '--pool', $d->pool_name, 'vol', $src);
    my $vol = $pool->get_volume_by_name('vol');
    my $N = 16;

    subtest "$N downloads and 4 uploads at once on one loop" => sub {
        my (%err, @t, @p);
        for my $i (1 .. $N) {
            push @t, $vol->download_file("$dir/d$i", sparse => 1, progress_interval => 0,
                progress => sub { $p[$i] = [@_]; 1 },
                on_done => sub { $err{"d$i"} = $_[0] // 'ok' });
        }
        for my $i (1 .. 4) {
            $d->create_volume("up$i", $SIZE);
            push @t, $pool->get_volume_by_name("up$i")->upload_file($src, sparse => 1,
                on_done => sub { $err{"u$i"} = $_[0] // 'ok' });
        }
        isa_ok($t[0], 'Sys::Virt::Stream::Transfer', 'a transfer object');
        ok(!$t[0]->done, 'not done before the loop runs');
        ok($spin->(sub { keys %err == $N + 4 }, 120), 'every on_done was called');
        is_deeply([grep { $err{$_} ne 'ok' } sort keys %err], [], 'all succeeded')
            or diag explain \%err;
        ok(!grep({ !$_->done } @t), 'all done');
        my $same = grep { read_file("$dir/d$_") eq $content } 1 .. $N;
        is($same, $N, 'every download holds the volume\'s bytes');
        ok(!grep({ blocks("$dir/d$_") * 512 > $SIZE / 2 } 1 .. $N), 'with its holes');
        is_deeply([@{$p[1] // []}[0, 1]], [$SIZE, $SIZE], 'the last progress call: ($total, $total, ...)');
        ok($p[1][2] > $SIZE / 2 && $p[1][2] < $SIZE - 370_000, "hole bytes counted ($p[1][2])");
        my @prog = $t[0]->progress;
        is_deeply([@prog[0, 1]], [$SIZE, $SIZE], '$t->progress at the end');
        for my $i (1 .. 4) {
            ok(read_file($d->pool_path . "/up$i") eq $content, "upload $i holds the file's bytes");
        }
        is($t[0]->error, undef, 'no error');
        is($t[0]->cancel, 0, 'cancel after the end does nothing');
    };

    subtest 'cancel, from the script and from progress' => sub {
        my ($err, $t, $calls);
        $t = $vol->download_file("$dir/c1", progress_interval => 0,
            progress => sub { $calls++; 1 }, on_done => sub { $err = [@_] });
        ok($spin->(sub { $calls }, 60), 'it runs');
        is($t->cancel, 1, 'cancel stops it');
        ok($err, 'on_done was called at once');
        like($err->[0], qr/download_file: cancelled \(the partial file '.*c1' was removed\)/, 'with a clear error');
        ok(!-e "$dir/c1", 'the file is removed');
        ok($t->done, 'done');
        is($t->error, $err->[0], '$t->error');
        is($t->cancel, 0, 'a second cancel does nothing');

        undef $err;
        $vol->download_file("$dir/c2", progress_interval => 0, keep_partial => 1,
            progress => sub { $_[0] < $MiB }, on_done => sub { $err = [@_] });
        ok($spin->(sub { $err }, 60), 'on_done');
        like($err->[0], qr/cancelled by the progress callback \(.*c2' is left incomplete/, 'progress returning false cancels');
        ok(-e "$dir/c2", 'keep_partial keeps the file');

        undef $err;
        $vol->download_file("$dir/c3", progress_interval => 0,
            progress => sub { die bless { n => 7 }, 'My::Err' }, on_done => sub { $err = [@_] });
        ok($spin->(sub { $err }, 60), 'on_done');
        is(ref $err->[0], 'My::Err', 'a dying progress callback: its own exception');
        is($err->[0]{n}, 7, 'unchanged');
        ok(!-e "$dir/c3", 'the file is removed');

        # Dropping the object does not stop the transfer.
        undef $err;
        $vol->download_file("$dir/c4", on_done => sub { $err = [@_] });
        ok($spin->(sub { $err }, 60), 'a dropped transfer still ends');
        ok(!defined $err->[0] && read_file("$dir/c4") eq $content, 'and succeeds');

        # A cancel from inside progress.
        undef $err;
        my $t2;
        $t2 = $vol->download_file("$dir/c5", progress_interval => 0,
            progress => sub { $t2->cancel; 1 }, on_done => sub { $err = [@_] });
        ok($spin->(sub { $err }, 60), 'on_done');
        like($err->[0], qr/cancelled/, 'cancel from inside progress');
        ok(!-e "$dir/c5", 'the file is removed');
        undef $t2;
    };

    subtest 'failures come to on_done' => sub {
        my $err;
        write_file("$dir/exists", 'x');
        like(exception { $vol->download_file("$dir/exists", on_done => sub { $err = 1 }) },
             qr/exists \(pass overwrite/, 'an existing file dies at once');
        ok(!$err, 'on_done not called');
        $vol->download_file('/dev/full', overwrite => 1, on_done => sub { $err = [@_] });
        ok($spin->(sub { $err }, 60), 'on_done');
        like($err->[0], qr{cannot write to '/dev/full': No space left}, 'a full destination');
        like(exception { $vol->download_file("$dir/x", on_done => 'no') }, qr/'on_done'.*CODE/, 'on_done must be code');
    };

    SKIP: {
        skip 'Future is not installed', 1 unless eval { require Future; 1 };
        subtest 'Future variants' => sub {
            my $f = $vol->download_file_f("$dir/f1", sparse => 1);
            isa_ok($f, 'Future');
            ok($spin->(sub { $f->is_ready }, 60), 'ready');
            ok($f->is_done, 'done') or diag $f->failure;
            ok(read_file("$dir/f1") eq $content, 'the bytes');
            $d->create_volume('fup', $SIZE);
            $f = $pool->get_volume_by_name('fup')->upload_file_f($src, sparse => 1);
            ok($spin->(sub { $f->is_ready }, 60) && $f->is_done, 'upload done');
            ok(read_file($d->pool_path . '/fup') eq $content, 'the bytes');

            # Cancelled from its second progress report: a loaded machine
            # may move the whole volume between two looks of the test.
            my ($reports, $f2) = (0);
            $f2 = $vol->download_file_f("$dir/f2", progress_interval => 0, progress => sub {
                $f2->cancel if ++$reports >= 2 && $f2 && !$f2->is_ready;
                1;    # (a false value would stop the transfer itself)
            });
            ok($spin->(sub { $f2->is_ready }, 60), 'ready');
            ok($f2->is_cancelled, 'cancelled from its progress callback');
            ok(!-e "$dir/f2", 'the file is removed');
            $f = $vol->download_file_f("$dir/exists");
            ok($f->is_failed, 'a failure to start is a failed Future');
            like(scalar $f->failure, qr/exists/, 'with the error');
            $f = $vol->download_file_f('/dev/full', overwrite => 1);
            ok($spin->(sub { $f->is_ready }, 60) && $f->is_failed, 'a failed transfer fails the Future');
            like(scalar $f->failure, qr/No space left/, 'with the error');
        };
    }

    SKIP: {
        skip 'Mojolicious is not installed', 1 unless eval { require Mojo::Promise; require Mojo::IOLoop; 1 };
        subtest 'Mojo::Promise variants' => sub {
            my ($ok, $bad);
            my $p = $vol->download_file_p("$dir/p1", sparse => 1);
            isa_ok($p, 'Mojo::Promise');
            $p->then(sub { $ok = 1 }, sub { $bad = shift });
            my $mojo = sub { Mojo::IOLoop->timer(0 => sub {}); Mojo::IOLoop->one_tick };
            ok($spin->(sub { $mojo->(); $ok || $bad }, 60), 'settled');
            ok($ok, 'resolved') or diag $bad;
            ok(read_file("$dir/p1") eq $content, 'the bytes');
            ($ok, $bad) = ();
            $vol->download_file_p('/dev/full', overwrite => 1)->then(sub { $ok = 1 }, sub { $bad = shift });
            ok($spin->(sub { $mojo->(); $ok || $bad }, 60), 'settled');
            like($bad, qr/No space left/, 'rejected with the error');
        };
    }

    subtest 'recv_file on a stream of the script: everything is released at the end' => sub {
        my $st = $conn->new_stream(Sys::Virt::Stream::NONBLOCK());
        $vol->download($st, 0, 0);
        my $err;
        my $t = $st->recv_file("$dir/r1", on_done => sub { $err = [@_] }, progress => sub { 1 });
        ok($spin->(sub { $err }, 60), 'on_done');
        is($err->[0], undef, 'success');
        ok(read_file("$dir/r1") eq $content, 'the bytes');
        like(exception { $st->finish }, qr/./, 'the stream was finished by the transfer');
        weaken(my $ws = $st);
        weaken(my $wt = $t);
        undef $st;
        undef $t;
        ok(!$ws, 'the stream object is freed');
        ok(!$wt, 'the transfer object is freed');
    };

    $arg{more}->($vol, $dir, $d) if $arg{more};
    ok($conn->is_alive, 'the connection is fine at the end');
    is(Sys::Virt::Stream::_live_callbacks(), 0, 'no stream callback left registered');

    subtest 'the daemon dies mid-transfer: on_done gets the error' => sub {
        my ($err, $calls);
        $vol->download_file("$dir/dead", progress_interval => 0,
            progress => sub { $d->kill_daemon if !$calls++; 1 }, on_done => sub { $err = [@_] });
        ok($spin->(sub { $err }, 60), 'on_done was called');
        ok(defined $err->[0], 'with an error');
        like("$err->[0]", qr/partial file '.*dead' was removed/, 'saying what became of the file')
            or diag "$err->[0]";
        ok(!-e "$dir/dead", 'removed');
    };
}

1;
