#!/usr/bin/perl
# The main demonstration (see README).
#
# usage: perl -Mblib examples/demo.pl          (after perl Makefile.PL && make)
#
# First, on libvirt's built-in test:///default driver: a domain lifecycle
# event through the default event loop, and the domain's screenshot through
# a stream. Then, when it can start a private libvirtd (root, libvirtd
# installed; the test suite's t/lib/Test/LibvirtDaemon.pm, which touches
# nothing of the system), it uploads a 1 GiB sparse file holding a few MiB
# of data islands through a sparse stream, downloads it back the same way,
# checks that the content and the holes survived, and prints sizes, bytes
# actually moved and throughput.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../t/lib";
use Fcntl qw(SEEK_SET SEEK_CUR);
use File::Temp qw(tempdir);
use Time::HiRes qw(time);
use Sys::Virt;

use constant { SEEK_DATA => 3, SEEK_HOLE => 4 };

my $MiB = 1024 * 1024;
my $SIZE = 1024 * $MiB;

printf "Sys::Virt %s (Rust core), libvirt %s\n", $Sys::Virt::VERSION, version_string(Sys::Virt->get_version);

# The event loop must be registered before connections are opened.
Sys::Virt::Event::register_default();
lifecycle_event();
screenshot();

my $d = eval {
    require Test::LibvirtDaemon;
    Test::LibvirtDaemon->start;
};
if ($d) {
    sparse_round_trip($d);
} else {
    my $why = $@ || do { no warnings "once"; $Test::LibvirtDaemon::SKIP_REASON } || "unknown reason";
    $why =~ s/\s+\z//;
    print "no private libvirtd ($why): skipping the sparse volume round trip\n";
}
exit 0;

sub lifecycle_event {
    my $conn = Sys::Virt->new(uri => 'test:///default');
    my $dom = $conn->get_domain_by_name('test');
    my @events;
    my $id = $conn->domain_event_register_any(
        $dom, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(),
        sub { my ($c, $d, $event, $detail) = @_; push @events, [$d->get_name, $event, $detail] });
    $dom->destroy;
    $dom->create;
    my $timer = Sys::Virt::Event::add_timeout(10, sub { });
    my $deadline = time + 5;
    Sys::Virt::Event::run_default() while @events < 2 && time < $deadline;
    Sys::Virt::Event::remove_timeout($timer);
    $conn->domain_event_deregister_any($id);
    my %name = (Sys::Virt::Domain::EVENT_STOPPED() => 'stopped', Sys::Virt::Domain::EVENT_STARTED() => 'started');
    printf "test:///default: lifecycle events of domain '%s': %s\n", $dom->get_name,
        join(', ', map { $name{$_->[1]} // "event $_->[1]" } @events) || 'none';
}

sub version_string {
    my ($v) = @_;
    return sprintf '%d.%d.%d', int($v / 1_000_000), int($v / 1000) % 1000, $v % 1000;
}

sub screenshot {
    my $conn = Sys::Virt->new(uri => 'test:///default');
    my $dom = $conn->get_domain_by_name('test');
    my $st = $conn->new_stream;
    my $mime = $dom->screenshot($st, 0);
    my $file = tempdir(CLEANUP => 1) . '/screenshot.png';
    open my $fh, '>:raw', $file or die "$file: $!\n";
    my $t0 = time;
    $st->recv_all(sub { syswrite $fh, $_[1], $_[2] });
    $st->finish;
    close $fh or die "$file: $!\n";
    printf "test:///default: screenshot of domain 'test' through a stream: %d bytes of %s in %.1f ms\n",
        -s $file, $mime, (time - $t0) * 1000;
}

# A sparse file: deterministic data islands in a sea of holes.
sub make_source {
    my ($path) = @_;
    my @islands = map { [$_ * 97 * $MiB + 12_345 * $_, 256 * 1024 + 4096 * $_] } 0 .. 10;
    push @islands, [$SIZE - 3 * $MiB, 2 * $MiB + 17];    # one more near the end, then a hole
    open my $fh, '>:raw', $path or die "$path: $!\n";
    truncate $fh, $SIZE or die "$path: $!\n";
    my $i = 0;
    for my $isl (@islands) {
        my ($off, $len) = @$isl;
        my $data = '';
        $data .= pack('N', $i++ * 2654435761 % 4294967296) while length $data < $len;
        sysseek $fh, $off, SEEK_SET;
        syswrite($fh, substr($data, 0, $len)) == $len or die "$path: $!\n";
    }
    close $fh or die "$path: $!\n";
}

sub sections {
    my ($path) = @_;
    open my $fh, '<:raw', $path or die "$path: $!\n";
    my $size = -s $fh;
    my ($pos, @s) = (0);
    while ($pos < $size) {
        my $data = sysseek $fh, $pos, SEEK_DATA;
        $data = defined $data ? $data + 0 : $size;
        push @s, [0, $data - $pos] if $data > $pos;
        last if $data >= $size;
        my $hole = sysseek($fh, $data, SEEK_HOLE) + 0;
        push @s, [1, $hole - $data];
        $pos = $hole;
    }
    return @s;
}

# Same size, and the same bytes in every data section of $a (holes read as
# zeros, so where $a has a hole $b must too: checked by comparing sections).
sub same_content {
    my ($a, $b) = @_;
    return 0 unless -s $a == -s $b;
    open my $fa, '<:raw', $a or die "$a: $!\n";
    open my $fb, '<:raw', $b or die "$b: $!\n";
    my $pos = 0;
    for my $s (sections($a)) {
        my ($is_data, $len) = @$s;
        if ($is_data) {
            sysseek $_, $pos, SEEK_SET for $fa, $fb;
            for (my $left = $len; $left > 0; ) {
                my $n = $left < 4 * $MiB ? $left : 4 * $MiB;
                sysread($fa, my $ba, $n) == $n or return 0;
                sysread($fb, my $bb, $n) == $n or return 0;
                return 0 unless $ba eq $bb;
                $left -= $n;
            }
        }
        $pos += $len;
    }
    return 1;
}

sub kib { sprintf '%.0f KiB', $_[0] / 1024 }
sub human {
    my ($n) = @_;
    return sprintf('%.2f GiB', $n / 1024 / $MiB) if $n >= 1024 * $MiB;
    return sprintf('%.2f MiB', $n / $MiB) if $n >= $MiB;
    return kib($n);
}

sub sparse_round_trip {
    my ($d) = @_;
    my $dir = tempdir(CLEANUP => 1);
    my $src = "$dir/source.img";
    my $out = "$dir/downloaded.img";
    make_source($src);
    my $data_bytes = 0;
    $data_bytes += $_->[1] for grep { $_->[0] } sections($src);

    printf "private libvirtd up in %.2f s: %s\n", $d->start_time, $d->uri;
    printf "source: %s logical, %s of data in %d islands, %s allocated\n",
        human($SIZE), human($data_bytes), scalar(grep { $_->[0] } sections($src)),
        human((stat $src)[12] * 512);

    my $conn = Sys::Virt->new(uri => $d->uri);
    $d->create_volume('demo', $SIZE, allocation => 0);
    my $vol = $conn->get_storage_pool_by_name($d->pool_name)->get_volume_by_name('demo');

    # Upload: only the data travels; holes are sent as lengths.
    open my $in, '<:raw', $src or die "$src: $!\n";
    my ($sent, $skipped) = (0, 0);
    my $st = $conn->new_stream;
    my $t0 = time;
    $vol->upload($st, 0, $SIZE, Sys::Virt::StorageVol::VOL_UPLOAD_SPARSE_STREAM());
    $st->sparse_send_all(
        sub { my $n = sysread $in, $_[1], $_[2]; $sent += $n if $n; $n },
        sub {
            my $cur = sysseek($in, 0, SEEK_CUR) + 0;
            return (0, 0) if $cur >= $SIZE;
            my $next = sysseek $in, $cur, SEEK_DATA;
            sysseek $in, $cur, SEEK_SET;
            return (0, $SIZE - $cur) unless defined $next;
            return (0, $next - $cur) if $next > $cur;
            my $end = sysseek $in, $cur, SEEK_HOLE;
            sysseek $in, $cur, SEEK_SET;
            return (1, $end - $cur);
        },
        sub { $skipped += $_[1]; defined(sysseek $in, $_[1], SEEK_CUR) ? 0 : -1 },
    );
    $st->finish;
    my $up = time - $t0;
    close $in;

    # Download: holes come back as lengths and become holes again.
    open my $fh, '+>:raw', $out or die "$out: $!\n";
    my ($got, $holes) = (0, 0);
    $st = $conn->new_stream;
    $t0 = time;
    $vol->download($st, 0, 0, Sys::Virt::StorageVol::VOL_DOWNLOAD_SPARSE_STREAM());
    $st->sparse_recv_all(
        sub { my $n = syswrite $fh, $_[1], $_[2]; $got += $n if $n; $n },
        sub { $holes += $_[1]; defined(sysseek $fh, $_[1], SEEK_CUR) ? 0 : -1 },
    );
    $st->finish;
    truncate $fh, $got + $holes or die "$out: $!\n";
    close $fh;
    my $down = time - $t0;

    printf "upload:   %s logical in %.3f s: %s of data moved, %s of holes skipped (%.0f MiB/s logical, %.0f MiB/s data)\n",
        human($SIZE), $up, human($sent), human($skipped), $SIZE / $MiB / $up, $sent / $MiB / $up;
    printf "download: %s logical in %.3f s: %s of data moved, %s of holes (%.0f MiB/s logical, %.0f MiB/s data)\n",
        human($got + $holes), $down, human($got), human($holes), $SIZE / $MiB / $down, $got / $MiB / $down;

    my $vol_path = $vol->get_path;
    my @a = sections($src);
    my $same_sections = sub {
        my @b = sections($_[0]);
        return @a == @b && !grep { $a[$_][0] != $b[$_][0] || $a[$_][1] != $b[$_][1] } 0 .. $#a;
    };
    my $ok_holes = $same_sections->($out) && $same_sections->($vol_path);
    my $ok_content = same_content($src, $out) && same_content($src, $vol_path);
    printf "volume on the daemon: %s allocated; downloaded file: %s, %s allocated\n",
        human((stat $vol_path)[12] * 512), human(-s $out), human((stat $out)[12] * 512);
    printf "content identical: %s; holes identical (%d sections): %s\n",
        $ok_content ? 'yes' : 'NO', scalar @a, $ok_holes ? 'yes' : 'NO';
    $d->stop;
    die "round trip FAILED\n" unless $ok_content && $ok_holes;
    print "round trip OK\n";
}
