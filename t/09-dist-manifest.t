use strict;
use warnings;
use Test::More;
use ExtUtils::Manifest 1.70 qw(maniread manifind maniskip);

# MANIFEST lists exactly the files of the distribution: every file it names
# exists, and every other file is matched by MANIFEST.SKIP (`make
# distcheck` says the same). In a tarball MANIFEST also lists vendor/ and
# .cargo/config.toml, which `make dist` added.
#
# After adding or removing files: `make manifest` (it adds the new files
# and drops the vanished ones), then check the diff of MANIFEST.

ok -f 'MANIFEST', 'MANIFEST exists' or BAIL_OUT('no MANIFEST');
ok -f 'MANIFEST.SKIP', 'MANIFEST.SKIP exists';

local $ExtUtils::Manifest::Quiet = 1;
my $listed = maniread();
my $found  = manifind();
my $skip   = maniskip();

my @missing = sort grep { !-e $_ } keys %$listed;
my @extra   = sort grep { !exists $listed->{$_} && !$skip->($_) } keys %$found;

is_deeply \@missing, [], 'every file in MANIFEST exists'
    or diag "In MANIFEST but missing (run `make manifest`):\n", map "  $_\n", @missing;
is_deeply \@extra, [], 'every file is in MANIFEST or MANIFEST.SKIP'
    or diag "Not in MANIFEST (run `make manifest`, or add to MANIFEST.SKIP):\n",
        map "  $_\n", @extra;

# What the build and the tests read must be shipped, whatever
# MANIFEST.SKIP says (editors' backup files aside; t/.classic is a cache).
my @needed = grep { m{^(?:src|xs|tools|data|lib|t(?!/\.))/} && !m{(?:~|\.bak|\.orig|\.rej|\.swp|\#)$} }
    keys %$found;
my @skipped = sort grep { $skip->($_) } @needed;
is_deeply \@skipped, [], 'nothing under src/ xs/ tools/ data/ lib/ t/ is skipped'
    or diag "Skipped by MANIFEST.SKIP:\n", map "  $_\n", @skipped;
for my $f (qw(Makefile.PL Cargo.toml Cargo.lock build.rs README Changes LICENSE COPYING Artistic)) {
    ok exists $listed->{$f}, "MANIFEST lists $f";
}

# Changes says what this version brings.
my ($version) = do {
    open my $fh, '<', 'lib/Sys/Virt.pm' or die "lib/Sys/Virt.pm: $!";
    map { /^our \$VERSION = '([^']+)'/ ? $1 : () } <$fh>;
};
my ($changes_top) = do {
    open my $fh, '<', 'Changes' or die "Changes: $!";
    map { /^(\d[\d.]*)\s/ ? $1 : () } <$fh>;
};
is $changes_top, $version, "Changes begins with this version's entry ($version)";

# A tarball carries the crates, and cargo is pointed at them.
if (-d 'vendor') {
    ok exists $listed->{'.cargo/config.toml'}, 'a tarball: MANIFEST lists .cargo/config.toml';
    ok scalar(grep { m{^vendor/[^/]+/Cargo\.toml$} } keys %$listed), 'a tarball: MANIFEST lists the vendored crates';
}

done_testing;
