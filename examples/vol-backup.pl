#!/usr/bin/perl
# Backs up every volume of a storage pool into a directory, one sparse file
# per volume (download_file: the transfer runs in the Rust core, holes stay
# holes), with a progress bar (Term::ProgressBar when installed, a plain
# line otherwise).
#
# usage: perl -Mblib examples/vol-backup.pl [--overwrite] URI POOL DIR
use strict;
use warnings;
use Sys::Virt;

my $overwrite = @ARGV && $ARGV[0] eq '--overwrite' ? shift @ARGV : 0;
die "usage: $0 [--overwrite] URI POOL DIR\n" unless @ARGV == 3;
my ($uri, $pool_name, $dir) = @ARGV;
-d $dir or mkdir $dir or die "$dir: $!\n";

my $have_bar = eval { require Term::ProgressBar; 1 } && -t STDERR;

# A progress callback for one volume: ($done, $total, $hole_bytes).
sub progress_for {
    my ($name, $total) = @_;
    if ($have_bar) {
        my $bar = Term::ProgressBar->new({ name => $name, count => $total || 1,
                                           ETA => 'linear', remove => 0 });
        $bar->minor(0);
        return sub { $bar->update($_[0]); 1 };    # true: go on
    }
    return sub {
        my ($done, $total, $holes) = @_;
        printf STDERR "\r%-20s %5.1f%% (%d MiB, %d MiB of holes)", $name,
            $total ? 100 * $done / $total : 100, $done >> 20, $holes >> 20;
        print STDERR "\n" if $total && $done == $total;
        1;
    };
}

my $conn = Sys::Virt->new(uri => $uri);
my $pool = $conn->get_storage_pool_by_name($pool_name);
my ($count, $bytes, $failed) = (0, 0, 0);
for my $vol (sort { $a->get_name cmp $b->get_name } $pool->list_all_volumes) {
    my $name = $vol->get_name;
    my $info = $vol->get_info;
    my $file = "$dir/$name";
    my $ok = eval {
        $bytes += $vol->download_file($file, sparse => 1, overwrite => $overwrite,
                                      progress => progress_for($name, $info->{capacity}));
        1;
    };
    if (!$ok) {
        warn "\n$name: $@";
        $failed++;
        next;
    }
    $count++;
}
printf "backed up %d volume(s) of pool %s into %s: %d bytes%s\n",
    $count, $pool_name, $dir, $bytes, $failed ? ", $failed failed" : '';
exit($failed ? 1 : 0);
