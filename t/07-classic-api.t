# Every public name of the classic binding (Sys::Virt 9.0.0 to 12.7.0,
# Debian libsys-virt-perl of Debian 12, 13 and sid; data/classic-api.tsv,
# 430 names in 16 packages) exists here, whatever libvirt it is built
# against: scripts written for it find every method they call (one whose
# libvirt function the installed libvirt lacks dies naming the release it
# needs: t/08-libvirt-versions.t).
use strict;
use warnings;
use Test::More;
use File::Basename qw(dirname);
use File::Spec;
use Sys::Virt;

my $tsv = File::Spec->catfile(dirname(__FILE__), File::Spec->updir, 'data', 'classic-api.tsv');
open my $fh, '<', $tsv or die "$tsv: $!";
my (%names, @missing);
while (<$fh>) {
    chomp;
    next if /^#/ || !length;
    my ($pkg, $name) = split /\t/;
    (my $file = "$pkg.pm") =~ s{::}{/}g;
    require $file;
    push @{ $names{$pkg} }, $name;
    push @missing, "${pkg}::$name" unless $pkg->can($name);
}
is(scalar(keys %names), 16, '16 packages');
is(scalar(map { @$_ } values %names), 430, '430 names');
is_deeply(\@missing, [], 'every name of the classic binding exists')
    or diag(scalar(@missing) . " missing:\n  " . join("\n  ", @missing));

# Scripts written for the classic binding ask for its version: the API
# level of this build is the classic release this release covers, or the
# libvirt it is built against where that is older.
my $n = Sys::Virt::LIBVIR_VERSION_NUMBER();
my $built = join '.', int($n / 1_000_000), int($n / 1000) % 1000, $n % 1000;
my ($release) = $Sys::Virt::VERSION =~ /^(\d+\.\d+\.\d+)\.\d+$/;
ok($release, "\$Sys::Virt::VERSION ($Sys::Virt::VERSION) is the covered release and a count");
my $level = version->parse("v$built") < version->parse("v$release") ? $built : $release;
ok(eval { Sys::Virt->VERSION('1.2.0'); 1 }, 'use Sys::Virt 1.2.0 passes');
ok(eval { Sys::Virt->VERSION(v9.0.0); 1 }, 'Sys::Virt->VERSION(9.0.0) passes (libvirt 9.0 and newer)')
    if $n >= 9_000_000;
ok(eval { Sys::Virt->VERSION($level); 1 }, "Sys::Virt->VERSION($level) passes (built against libvirt $built)");
my ($maj, $min, $mic) = split /\./, $level;
my $next = join '.', $maj, $min, $mic + 1;
ok(!eval { Sys::Virt->VERSION($next); 1 }, "but not $next, a later API level");
like($@, qr/^Sys::Virt version \Q$next\E required--this is only version \Q$level\E \(Sys::Virt \Q$Sys::Virt::VERSION\E built against libvirt \Q$built\E\)/,
     '... saying what this build has');
ok(!eval "use Sys::Virt 99.0.0; 1", 'use Sys::Virt 99.0.0 fails');
if ($level ne $release) {
    ok(eval { Sys::Virt->VERSION("$level.5"); 1 }, "$level.5 passes: a fourth part counts releases at a level, not API")
        or diag $@;
}
ok(!eval { Sys::Virt->VERSION("$release.99"); 1 }, "but not past this release ($release.99)");
is(Sys::Virt->VERSION, $Sys::Virt::VERSION, 'VERSION without an argument returns $VERSION');
for my $pkg (sort keys %names) {
    is($pkg->VERSION, $Sys::Virt::VERSION, "$pkg has the distribution's version");
}

done_testing;
