package Test::Classic;

# The classic XS binding (Debian's libsys-virt-perl, Sys::Virt 9.0.0) as an
# oracle for differential tests: unpacked privately (never installed), and
# loaded only by child processes that put it on their own PERL5LIB. The
# project's own test processes never see it in @INC.
#
#   my $lib = Test::Classic::lib() or plan skip_all => $Test::Classic::REASON;
#   my ($ours, $classic) = Test::Classic::both($perl_code);   # their STDOUT

use strict;
use warnings;

use Cwd ();
use File::Basename ();
use File::Path ();
use File::Spec ();

our $REASON;

my $ROOT = Cwd::abs_path(File::Spec->catdir(File::Basename::dirname(__FILE__), (File::Spec->updir) x 3));

sub _find {
    my ($ver) = $] =~ /^5\.(\d{3})/ ? ("5." . ($1 + 0)) : ();
    for my $base ("$ROOT/t/.classic/root", "$ROOT/bench/.classic/root") {
        for my $pm (glob("$base/usr/lib/*/perl5/$ver/Sys/Virt.pm"), glob("$base/usr/lib/*/perl5/*/Sys/Virt.pm")) {
            return File::Basename::dirname(File::Basename::dirname($pm));
        }
    }
    return undef;
}

# The directory to put on PERL5LIB, fetching the package the first time
# (apt-get download + dpkg -x into t/.classic, git-ignored); undef with
# $REASON set where it cannot be had.
sub lib {
    my $lib = _find();
    return $lib if $lib;
    if ($ENV{SYS_VIRT_TEST_NO_CLASSIC}) {
        $REASON = 'classic binding disabled by SYS_VIRT_TEST_NO_CLASSIC';
        return undef;
    }
    my $dir = "$ROOT/t/.classic";
    File::Path::make_path($dir);
    my ($deb) = glob "$dir/libsys-virt-perl_*.deb";
    if (!$deb) {
        my $out = `cd '$dir' && apt-get download libsys-virt-perl 2>&1`;
        ($deb) = glob "$dir/libsys-virt-perl_*.deb";
        if (!$deb) {
            $REASON = "classic binding not available (apt-get download libsys-virt-perl: "
                . (split /\n/, $out)[-1] . ")";
            return undef;
        }
    }
    system('dpkg', '-x', $deb, "$dir/root") == 0
        or do { $REASON = "dpkg -x $deb failed"; return undef };
    return _find() // do { $REASON = "Sys/Virt.pm not found in $deb"; undef };
}

sub _run {
    my ($inc, $code) = @_;
    local %ENV = %ENV;
    delete @ENV{qw(PERL5LIB PERL5OPT LIBVIRT_DEFAULT_URI)};
    $ENV{PERL5LIB} = $inc->{perl5lib} if $inc->{perl5lib};
    my @cmd = ($^X, @{ $inc->{args} || [] }, '-e', $code);
    open my $fh, '-|', @cmd or die "cannot run perl: $!";
    local $/;
    my $out = <$fh>;
    close $fh;
    return ($out // '', $?);
}

# Runs $code (Perl source that uses Sys::Virt and prints) under the classic
# binding; returns its STDOUT (and exit status in list context).
sub classic {
    my ($code) = @_;
    my $lib = lib() or die "classic binding unavailable: $REASON\n";
    return _run({ perl5lib => $lib }, $code);
}

# The same under this project's build (blib/).
sub ours {
    my ($code) = @_;
    return _run({ args => ["-I$ROOT/blib/lib", "-I$ROOT/blib/arch"] }, $code);
}

# Both outputs, for is() / is_deeply().
sub both {
    my ($code) = @_;
    my ($o) = ours($code);
    my ($c) = classic($code);
    return ($o, $c);
}

1;
