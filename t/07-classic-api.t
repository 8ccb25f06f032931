# Every public name of the classic binding (Sys::Virt 9.0.0, Debian
# libsys-virt-perl; data/classic-api.tsv, 421 names in 16 packages) exists
# here: scripts written for it find every method they call.
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
is(scalar(map { @$_ } values %names), 421, '421 names');
is_deeply(\@missing, [], 'every name of the classic binding exists')
    or diag(scalar(@missing) . " missing:\n  " . join("\n  ", @missing));

# Scripts written for the classic binding ask for its version.
ok(eval { Sys::Virt->VERSION('1.2.0'); 1 }, 'use Sys::Virt 1.2.0 passes');
ok(eval { Sys::Virt->VERSION(v9.0.0); 1 }, 'Sys::Virt->VERSION(9.0.0) passes');
ok(!eval { Sys::Virt->VERSION('9.1.0'); 1 }, 'but not a later API level');
for my $pkg (sort keys %names) {
    is($pkg->VERSION, $Sys::Virt::VERSION, "$pkg has the distribution's version");
}

done_testing;
