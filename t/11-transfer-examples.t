#!/usr/bin/perl
# examples/vol-backup.pl and examples/vol-restore.pl against a private
# libvirtd: back a pool up, wipe it, restore it, and compare.
use strict;
use warnings;
use Test::More;
use File::Temp qw(tempdir);
use lib 't/lib';
use Test::LibvirtDaemon;
use Test::StreamFiles qw(pattern write_file read_file make_sparse blocks);

use Sys::Virt;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 300;

my $d = Test::LibvirtDaemon->start_or_skip;
my $dir = tempdir(CLEANUP => 1);
my $MiB = 1024 * 1024;
my %want;
for my $i (1 .. 3) {
    my $src = "$dir/src$i";
    $want{"v$i.img"} = make_sparse($src, $i * 2 * $MiB, [0, 1000 * $i], [$MiB + $i, 70_000]);
    $d->create_volume("v$i.img", $i * 2 * $MiB);
    $d->virsh('vol-upload', '--sparse', '--pool', $d->pool_name, "v$i.img", $src);
}

sub run_example {
    my (@args) = @_;
    my $out = `$^X -Mblib @args 2>&1`;
    return ($? >> 8, $out);
}

my ($rc, $out) = run_example('examples/vol-backup.pl', $d->uri, $d->pool_name, "$dir/backup");
is($rc, 0, 'vol-backup.pl succeeds') or diag $out;
like($out, qr/backed up 3 volume\(s\)/, 'and says so');
for my $name (sort keys %want) {
    ok(read_file("$dir/backup/$name") eq $want{$name}, "$name backed up");
    $d->virsh('vol-download', '--sparse', '--pool', $d->pool_name, $name, "$dir/virsh-$name");
    is(blocks("$dir/backup/$name"), blocks("$dir/virsh-$name"), "$name as sparse as virsh makes it");
}
($rc, $out) = run_example('examples/vol-backup.pl', $d->uri, $d->pool_name, "$dir/backup");
is($rc, 1, 'a second backup into the same directory fails');
like($out, qr/exists \(pass overwrite => 1/, 'saying why');
($rc, $out) = run_example('examples/vol-backup.pl', '--overwrite', $d->uri, $d->pool_name, "$dir/backup");
is($rc, 0, '--overwrite replaces them') or diag $out;

my $conn = Sys::Virt->new(uri => $d->uri);
my $pool = $conn->get_storage_pool_by_name($d->pool_name);
$pool->get_volume_by_name('v2.img')->delete;
$pool->get_volume_by_name('v3.img')->upload_file("$dir/src1", overwrite => 1);    # clobbered
($rc, $out) = run_example('examples/vol-restore.pl', $d->uri, $d->pool_name, "$dir/backup");
is($rc, 0, 'vol-restore.pl succeeds') or diag $out;
like($out, qr/restored 3 volume\(s\)/, 'and says so');
for my $name (sort keys %want) {
    ok(read_file($d->pool_path . "/$name") eq $want{$name}, "$name restored");
}

done_testing;
