#!/usr/bin/perl
# Whole-file transfers, blocking, through a private libvirtd:
# download_file / upload_file / recv_file / send_file, sparse or not, to
# and from paths, file handles and pipes; progress, cancellation, and the
# failures (existing path, full or read-only destination, a source that
# shrinks, a daemon that dies). Checked against virsh vol-download/upload
# --sparse: same bytes, same allocation.
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use File::Temp qw(tempdir);
use Fcntl qw(SEEK_SET);
use POSIX ();
use lib 't/lib';
use Test::LibvirtDaemon;
use Test::StreamFiles qw(pattern write_file read_file make_sparse blocks);

use Sys::Virt;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 300;

my $d = Test::LibvirtDaemon->start_or_skip;
my $conn = Sys::Virt->new(uri => $d->uri);
my $pool = $conn->get_storage_pool_by_name($d->pool_name);
my $dir = tempdir(CLEANUP => 1);

my $MiB = 1024 * 1024;
my $SIZE = 16 * $MiB;
my @islands = ([0, 70_000], [3 * $MiB + 3, 300_001], [8 * $MiB, $MiB + 17], [12 * $MiB, 4096]);
my $src = "$dir/src.img";
my $content = make_sparse($src, $SIZE, @islands);
ok(blocks($src) * 512 < 4 * $MiB, 'the source is sparse')
    or BAIL_OUT('the temporary file system does not keep holes');

sub same_file {
    my ($path, $want, $what) = @_;
    my $got = read_file($path);
    is(length $got, length $want, "$what: length");
    ok($got eq $want, "$what: content");
}

my $vol_path = $d->create_volume('vol', $SIZE);
my $vol = $pool->get_volume_by_name('vol');

subtest 'sparse upload_file: the content and the allocation of virsh vol-upload --sparse' => sub {
    my @p;
    my $n = $vol->upload_file($src, sparse => 1, progress_interval => 0,
                              progress => sub { push @p, [@_]; 1 });
    is($n, $SIZE, 'returns the bytes moved, holes included');
    same_file($vol_path, $content, 'the volume');
    my $ref_path = $d->create_volume('ref', $SIZE);
    $d->virsh('vol-upload', '--sparse', '--pool', $d->pool_name, 'ref', $src);
    is(blocks($vol_path), blocks($ref_path), 'allocated as virsh allocates it (' . blocks($ref_path) . ' blocks)');
    ok(@p > 2, 'progress was called (' . scalar(@p) . ' times)');
    is_deeply($p[-1], [$SIZE, $SIZE, $SIZE - data_bytes($src)], 'last call: ($done, $total, $hole_bytes), all done');
    ok(!grep({ $p[$_][0] < $p[$_ - 1][0] } 1 .. $#p), 'progress never goes back');
    $pool->get_volume_by_name('ref')->delete;
};

sub data_bytes {
    my ($f) = @_;
    open my $fh, '<', $f or die;
    my ($pos, $n) = (0, 0);
    while (1) {
        my $data = sysseek($fh, $pos, 3) // last;
        my $hole = sysseek($fh, $data, 4);
        $n += $hole - $data;
        $pos = $hole;
    }
    return $n;
}

subtest 'sparse download_file: the bytes and the allocation of virsh vol-download --sparse' => sub {
    my $out = "$dir/down.img";
    is($vol->download_file($out, sparse => 1), $SIZE, 'returns the bytes moved');
    same_file($out, $content, 'the downloaded file');
    $d->virsh('vol-download', '--sparse', '--pool', $d->pool_name, 'vol', "$dir/virsh.img");
    is(-s $out, -s "$dir/virsh.img", 'the size of virsh\'s file');
    is(blocks($out), blocks("$dir/virsh.img"), 'allocated as virsh allocates it (' . blocks($out) . ' blocks)');
    ok(blocks($out) * 512 < $SIZE / 2, 'holes stayed holes');
};

subtest 'dense transfers, and offset/length' => sub {
    my $out = "$dir/dense.img";
    my @p;
    $vol->download_file($out, progress => sub { push @p, [@_]; 1 }, progress_interval => 0);
    same_file($out, $content, 'dense download');
    is($p[-1][2], 0, 'no hole bytes without sparse');
    ok(blocks($out) * 512 >= $SIZE, 'written in full');
    $vol->download_file("$dir/part.img", offset => 3 * $MiB, length => 400_000);
    same_file("$dir/part.img", substr($content, 3 * $MiB, 400_000), 'offset and length');

    my $small = $d->create_volume('small', 1_000_000);
    my $data = pattern(1_000_000, 11);
    write_file("$dir/small.src", $data);
    my $v = $pool->get_volume_by_name('small');
    is($v->upload_file("$dir/small.src"), 1_000_000, 'dense upload');
    same_file($small, $data, 'the volume');
    write_file("$dir/piece", 'Z' x 5000);
    $v->upload_file("$dir/piece", offset => 100, length => 5000);
    substr($data, 100, 5000) = 'Z' x 5000;
    same_file($small, $data, 'upload at an offset');
};

subtest 'recv_file and send_file on streams, with paths and file handles' => sub {
    my $st = $conn->new_stream;
    $vol->download($st, 0, 0, Sys::Virt::StorageVol::VOL_DOWNLOAD_SPARSE_STREAM());
    open my $fh, '>', "$dir/fh.img" or die;
    print $fh 'buffered by Perl, written first: ';
    is($st->recv_file($fh, sparse => 1), $SIZE, 'recv_file into a Perl file handle');
    close $fh;
    same_file("$dir/fh.img", 'buffered by Perl, written first: ' . $content, 'Perl\'s buffer, then the stream');

    # An existing file with data everywhere: holes received become zeros.
    write_file("$dir/full.img", 'X' x ($SIZE + 1000));
    open $fh, '+<', "$dir/full.img" or die;
    $st = $conn->new_stream;
    $vol->download($st, 0, 0, Sys::Virt::StorageVol::VOL_DOWNLOAD_SPARSE_STREAM());
    $st->recv_file($fh, sparse => 1);
    close $fh;
    same_file("$dir/full.img", $content . ('X' x 1000), 'holes over old data read as zeros');

    my $v = $pool->get_volume_by_name('small');
    write_file("$dir/skip", 'SKIP' . pattern(999_996, 5));
    open $fh, '<', "$dir/skip" or die;
    read $fh, my $head, 4;     # Perl reads ahead: its buffer is given back
    $st = $conn->new_stream;
    $v->upload($st, 0, 0);
    is($st->send_file($fh), 999_996, 'send_file from where the handle is');
    is(substr(read_file($d->pool_path . '/small'), 0, 999_996), pattern(999_996, 5), 'the volume holds the bytes after what Perl read');
};

subtest 'a pipe as the destination gets zeros for the holes' => sub {
    pipe(my $r, my $w) or die;
    my $pid = fork // die;
    if (!$pid) {
        close $w;
        open my $out, '>', "$dir/piped.img" or die;
        binmode $r;
        while (sysread $r, my $buf, 65536) { print $out $buf }
        close $out;
        POSIX::_exit(0);    # not exit: the connection is the parent's
    }
    close $r;
    $vol->download_file($w, sparse => 1);
    close $w;
    waitpid $pid, 0;
    same_file("$dir/piped.img", $content, 'all the bytes, holes as zeros');
};

subtest 'an existing destination is refused unless overwrite => 1' => sub {
    write_file("$dir/exists", 'keep me');
    my $e = exception { $vol->download_file("$dir/exists") };
    like($e, qr/exists \(pass overwrite => 1 to replace it\) at \Q$0\E line/, 'refused, naming the caller');
    is(read_file("$dir/exists"), 'keep me', 'untouched');
    $vol->download_file("$dir/exists", overwrite => 1, sparse => 1);
    same_file("$dir/exists", $content, 'replaced with overwrite');
    ok(blocks("$dir/exists") * 512 < $SIZE / 2, 'and sparse');
};

subtest 'cancel from progress: the stream is aborted, the file removed or kept' => sub {
    my $calls = 0;
    my $e = exception { $vol->download_file("$dir/c1", progress_interval => 0, progress => sub { ++$calls < 3 }) };
    like($e, qr/download_file: cancelled by the progress callback \(the partial file '\Q$dir\E\/c1' was removed\)/, 'a clear error');
    ok(!-e "$dir/c1", 'the file it created is gone');
    $e = exception { $vol->download_file("$dir/c2", keep_partial => 1, progress_interval => 0, progress => sub { 0 }) };
    like($e, qr/cancelled by the progress callback \(.*c2' is left incomplete/, 'keep_partial says so');
    ok(-e "$dir/c2", 'and keeps it');
    $e = exception { $vol->download_file("$dir/c3", progress_interval => 0, progress => sub { die bless { why => 'mine' }, 'My::Err' }) };
    is(ref $e, 'My::Err', 'a dying progress callback: its own exception');
    is($e->{why}, 'mine', 'unchanged');
    ok(!-e "$dir/c3", 'the file is removed');
    $e = exception { $vol->upload_file($src, sparse => 1, progress_interval => 0, progress => sub { die "plain\n" }) };
    is($e, "plain\n", 'the same for uploads');
    ok($conn->is_alive, 'the connection is fine');
    my $n = $vol->download_file("$dir/after", sparse => 1);
    is($n, $SIZE, 'the volume transfers again');
};

subtest 'a regular file that cannot grow, sparse (written in place) and dense (writer thread)' => sub {
    # A child with RLIMIT_FSIZE below the volume's size: the write past it
    # fails with EFBIG (SIGXFSZ ignored), as a full file system would.
    my $child = "$dir/limited.pl";
    write_file($child, <<'PERL');
use strict;
use warnings;
use Sys::Virt;
$SIG{XFSZ} = 'IGNORE';
my ($uri, $pool, $out, $sparse) = @ARGV;
my $vol = Sys::Virt->new(uri => $uri)->get_storage_pool_by_name($pool)->get_volume_by_name('vol');
my $ok = eval { $vol->download_file($out, sparse => $sparse); 1 };
print $ok ? "no error\n" : "error: $@";
print -e $out ? "kept\n" : "removed\n";
PERL
    for my $sparse (1, 0) {
        my $out = "$dir/limited-$sparse.img";
        open my $p, '-|', 'sh', '-c', 'ulimit -f 2048 && exec "$@"', 'sh',
            $^X, (map { "-I$_" } grep { !ref } @INC), $child, $d->uri, $d->pool_name, $out, $sparse
            or die "fork: $!";
        my $got = do { local $/; <$p> };
        close $p;
        like($got, qr/^error: .*download_file: cannot (write to|extend|seek in) .*limited-$sparse\.img.*File too large/m,
             "sparse => $sparse: the write past the limit fails, named") or diag $got;
        like($got, qr/^removed$/m, "sparse => $sparse: the file the call created is removed");
    }
};

subtest 'full and read-only destinations, bad arguments' => sub {
    my $e = exception { $vol->download_file('/dev/full', overwrite => 1) };
    like($e, qr{cannot write to '/dev/full': No space left on device}, 'a full destination');
    open my $ro, '<', $src or die;
    $e = exception { $vol->download_file($ro) };
    like($e, qr/not open for writing/, 'a read-only handle');
    $e = exception { $vol->download_file("$dir/no/such/dir/x") };
    like($e, qr{cannot open '.*/no/such/dir/x': No such file}, 'an impossible path');
    like(exception { $vol->download_file(undef) }, qr/the file is undef/, 'undef');
    like(exception { $vol->download_file("$dir/y", progress => 'nope') }, qr/'progress'.*CODE/, 'progress must be code');
    like(exception { $vol->download_file("$dir/y", 'odd') }, qr/name => value pairs/, 'odd options');
    like(exception { $vol->download_file("$dir/y", progress_interval => 'x') }, qr/progress_interval.*number/, 'interval must be a number');
    ok(!-e "$dir/y", 'nothing created by refused calls');
    like(exception { $vol->upload_file("$dir/none") }, qr/cannot open .*none': No such file/, 'a missing source');
    my $st = $conn->new_stream(Sys::Virt::Stream::NONBLOCK());
    $vol->download($st, 0, 0);
    like(exception { $st->recv_file("$dir/nb") }, qr/non-blocking: pass on_done/, 'blocking call on a non-blocking stream');
    ok(!-e "$dir/nb", 'its file removed');
    my $st2 = $conn->new_stream;
    $vol->download($st2, 0, 0);
    like(exception { $st2->recv_file("$dir/nb2", on_done => sub {}) }, qr/on_done needs a non-blocking stream/, 'on_done on a blocking stream');
    ok(!-e "$dir/nb2", 'its file removed');
};

subtest 'a source that shrinks while read' => sub {
    my $f = "$dir/shrinks";
    write_file($f, pattern(4 * $MiB, 3));
    for my $sparse (0, 1) {
        write_file($f, pattern(4 * $MiB, 3)) if $sparse;
        my $e = exception {
            $vol->upload_file($f, sparse => $sparse, progress_interval => 0,
                              progress => sub { truncate $f, $MiB if $_[0] > 0; 1 });
        };
        like($e, qr/'\Q$f\E' shrank while being read: it ends at byte \d+, 4194304 were expected/, "a clear error (sparse => $sparse)");
    }
    ok($conn->is_alive, 'the connection is fine');
};

subtest 'the daemon dies mid-transfer' => sub {
    my $e = exception {
        $vol->download_file("$dir/dead", progress_interval => 0, progress => sub { $d->kill_daemon if $_[0] > 0; 1 });
    };
    isa_ok($e, 'Sys::Virt::Error', 'a libvirt error');
    like("$e", qr/partial file '.*dead' was removed/, 'saying the partial file was removed');
    ok(!-e "$dir/dead", 'removed');
};

subtest 'the daemon dies mid-upload: an error, not SIGPIPE' => sub {
    my $d2 = Test::LibvirtDaemon->start or plan skip_all => $Test::LibvirtDaemon::SKIP_REASON;
    my $c2 = Sys::Virt->new(uri => $d2->uri);
    $d2->create_volume('up', 16 * $MiB);
    write_file("$dir/up.src", pattern(16 * $MiB, 9));
    my $v = $c2->get_storage_pool_by_name($d2->pool_name)->get_volume_by_name('up');
    my $e = exception {
        $v->upload_file("$dir/up.src", progress_interval => 0, progress => sub { $d2->kill_daemon if $_[0] > 0; 1 });
    };
    isa_ok($e, 'Sys::Virt::Error', 'a libvirt error');
    ok(-s "$dir/up.src", 'the source is untouched');
};

done_testing;
