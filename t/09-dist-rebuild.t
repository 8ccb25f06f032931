use strict;
use warnings;
use Test::More;
use Config;
use Cwd qw(getcwd);
use File::Copy qw(copy);
use File::Find qw(find);
use File::Temp qw(tempdir);
use POSIX qw(WNOHANG);
use Time::HiRes qw(sleep stat);

# The build in place: a second `make` does nothing (the library in blib/
# keeps its inode and time, no manual page is made again), and a new
# library reaches blib/ and the install root as a new file renamed over the
# old one, so a program running with the old one loaded goes on (a copy
# into the old file kills it with SIGBUS). A changed library is made by
# `make RUST_DYLIB=FILE`, FILE being cargo's library with bytes added: the
# same rule as after a rebuild, without one (minutes of compilation).
# `make` runs here in the build directory itself; the end of the test puts
# cargo's library back (`make`).

my $so = 'blib/arch/auto/Sys/Virt/Virt.so';
plan skip_all => 'needs the built tree (Makefile and blib/ of `make`)'
    unless -f 'Makefile' && -f $so;

my %mk = do {
    open my $fh, '<', 'Makefile' or die "Makefile: $!";
    map { /^(\w+) = (.*?)\s*$/ ? ($1, $2) : () } <$fh>;
};
my $dylib = "$mk{CARGO_TARGET_DIR}/release/$mk{RUST_DYLIB_NAME}";
$dylib = getcwd() . "/$dylib" unless $dylib =~ m{^/};
ok -f $dylib, "cargo's library is there ($dylib)" or BAIL_OUT("no $dylib");
my $make = $ENV{MAKE} || $Config{make} || 'make';
my $tmp = tempdir(CLEANUP => 1);

# `make ARGS` in the build directory: (status, output).
sub make {
    my @args = @_;
    my $pid = open my $fh, '-|';
    die "fork: $!" unless defined $pid;
    if (!$pid) {
        open STDERR, '>&', \*STDOUT;
        exec $make, @args or die "exec $make: $!";
    }
    my $out = do { local $/; <$fh> };
    close $fh;
    return ($?, $out // '');
}

sub id { my @s = stat shift or return 'missing'; "inode $s[1], mtime $s[9], size $s[7]" }

END {    # cargo's library back in blib/, whatever happened
    make() if $dylib && -f 'Makefile';
}

# --- a second make does nothing ---------------------------------------------
my ($st, $out) = make();
is $st, 0, 'make' or diag $out;
my $before = id($so);
($st, $out) = make();
is $st, 0, 'make, a second time' or diag $out;
is id($so), $before, "... leaves $so as it was ($before)";
unlike $out, qr/^Manifying/m, '... makes no manual page again' or diag $out;
unlike $out, qr/install-atomic|^cp /m, '... copies no library' or diag $out;

# --- a program with the library loaded, calling it --------------------------
# It prints "ready", then calls into the library until $stop exists, then
# prints how many rounds it made.
sub caller_process {
    my ($stop, @inc) = @_;
    my $pid = open my $fh, '-|';
    die "fork: $!" unless defined $pid;
    if (!$pid) {
        open STDERR, '>&', \*STDOUT;
        exec $^X, @inc, '-e', <<'PERL', $stop or die "exec: $!";
use Sys::Virt;
$| = 1;
my $stop = shift;
my $c = Sys::Virt->new(uri => 'test:///default');
print "ready $INC{'Sys/Virt.pm'}\n";
my $n = 0;
until (-e $stop) {
    my $d = $c->get_domain_by_name('test');
    my $info = $d->get_info;
    my @pools = $c->list_all_storage_pools;
    $c->get_type;
    eval { $c->get_domain_by_name('no-such-domain') };
    $n++;
}
print "rounds $n\n";
PERL
    }
    my $ready = <$fh>;
    return ($pid, $fh, $ready // '');
}

# Lets it run on for a while, stops it: (exit status, what it printed).
sub finish_caller {
    my ($pid, $fh, $stop) = @_;
    sleep 0.5;
    open my $s, '>', $stop or die "$stop: $!";
    close $s;
    my $rest = do { local $/; <$fh> };
    close $fh;
    return ($?, $rest // '');
}

# A library that differs from cargo's: the same with bytes added.
my $changed = "$tmp/$mk{RUST_DYLIB_NAME}";
copy($dylib, $changed) or die "copy: $!";
{
    open my $fh, '>>', $changed or die "$changed: $!";
    print $fh "\0" x 4096;
    close $fh;
}
my $changed_size = -s $changed;

{
    my $stop = "$tmp/stop-blib";
    my ($pid, $fh, $ready) = caller_process($stop, '-Mblib');
    like $ready, qr/^ready \S*blib/, 'a program has the library of blib/ loaded and calls it';
    my $old = id($so);
    ($st, $out) = make("RUST_DYLIB=$changed");
    is $st, 0, 'make with a changed library' or diag $out;
    my @s = stat $so;
    is $s[7], $changed_size, '... which is now in blib/';
    isnt "inode $s[1]", ($old =~ /^(inode \d+)/)[0], '... as a new file (another inode)';
    my ($status, $rest) = finish_caller($pid, $fh, $stop);
    is $status, 0, '... and the program that had the old one loaded went on calling it'
        or diag sprintf "exit status %d, signal %d: %s", $status >> 8, $status & 127, $rest;
    like $rest, qr/^rounds [1-9]/m, '... many times';

    my $new = `"$^X" -Mblib -MSys::Virt -e 'print Sys::Virt->new(uri => "test:///default")->get_type' 2>&1`;
    is $new, 'TEST', 'a new program loads the changed library';

    ($st, $out) = make();
    is $st, 0, 'make: cargo\'s library back';
    is -s $so, -s $dylib, '... in blib/';
}

# --- make install -------------------------------------------------------------
{
    my $dest = "$tmp/root";
    ($st, $out) = make('install', "DESTDIR=$dest");
    is $st, 0, 'make install DESTDIR=...' or diag $out;
    my ($installed, $pm);
    find(sub { $installed = $File::Find::name if $_ eq 'Virt.so' && $File::Find::dir =~ m{/auto/Sys/Virt$} }, $dest);
    find(sub { $pm = $File::Find::name if $_ eq 'Virt.pm' && $File::Find::dir =~ m{/Sys$} }, $dest);
    ok $installed && $pm, "the library and the module are installed ($installed)"
        or BAIL_OUT('nothing installed');
    (my $arch = $installed) =~ s{/auto/Sys/Virt/Virt\.so$}{};
    (my $lib = $pm) =~ s{/Sys/Virt\.pm$}{};

    my $first = id($installed);
    ($st, $out) = make('install', "DESTDIR=$dest");
    is $st, 0, 'make install again';
    is id($installed), $first, '... leaves the installed library as it was';

    my $stop = "$tmp/stop-install";
    my ($pid, $fh, $ready) = caller_process($stop, "-I$arch", "-I$lib");
    like $ready, qr/^ready \Q$lib\E/, 'a program has the installed library loaded and calls it';
    ($st, $out) = make('install', "DESTDIR=$dest", "RUST_DYLIB=$changed");
    is $st, 0, 'make install with a changed library' or diag $out;
    my @s = stat $installed;
    is $s[7], $changed_size, '... which is now installed';
    isnt "inode $s[1]", ($first =~ /^(inode \d+)/)[0], '... as a new file (another inode)';
    my ($status, $rest) = finish_caller($pid, $fh, $stop);
    is $status, 0, '... and the program that had the old one loaded went on calling it'
        or diag sprintf "exit status %d, signal %d: %s", $status >> 8, $status & 127, $rest;
    my @left = glob("$arch/auto/Sys/Virt/.*.tmp*");
    is_deeply \@left, [], '... no temporary file left beside it';
}

done_testing;
