use strict;
use warnings;
use Test::More;
use File::Spec;
use JSON::PP ();
use File::Temp ();

# Cargo.toml's rust-version (which Makefile.PL checks) is at least the
# rust-version of every locked crate built for this machine: raise it when
# a dependency update needs a newer Rust. And a cargo that old can read what
# the distribution carries: Cargo.lock's format (version 4 needs cargo 1.78)
# and the manifest of every locked crate, for every platform (the tarball
# vendors them all, and cargo parses each manifest in vendor/; edition 2024
# needs cargo 1.85). To lower rust-version, see README ("Supported
# platforms").

sub find_cargo {
    return $ENV{CARGO} if $ENV{CARGO} && -x $ENV{CARGO};
    for my $dir (File::Spec->path, ($ENV{CARGO_HOME} ? "$ENV{CARGO_HOME}/bin" : ()),
                 ($ENV{HOME} ? "$ENV{HOME}/.cargo/bin" : ())) {
        return "$dir/cargo" if -f "$dir/cargo" && -x _;
    }
    return undef;
}

sub version_cmp {
    my @a = split /\./, shift;
    my @b = split /\./, shift;
    for my $i (0 .. 2) {
        my $d = ($a[$i] // 0) <=> ($b[$i] // 0);
        return $d if $d;
    }
    return 0;
}

my $cargo = find_cargo();
ok $cargo, 'cargo found (it built the module)' or BAIL_OUT('no cargo');

my ($host) = `"$cargo" --version --verbose` =~ /^host:\s*(\S+)/m;
ok $host, "host triple ($host)";

# cargo metadata's JSON (its standard output; what it says on standard
# error, such as an old cargo's warnings about its cache, stays apart).
sub metadata {
    my @args = @_;
    my $err = File::Temp->new;
    my $json = `"$cargo" metadata --format-version 1 --locked --offline @args 2>"$err"`;
    my $status = $?;
    my $said = do { local (@ARGV, $/) = ("$err"); <> } // '';
    return ($status, $json, $said);
}

my ($status, $json, $said) = metadata('--filter-platform', $host);
is $status, 0, 'cargo metadata --locked --offline' or diag $said;
my $meta = eval { JSON::PP::decode_json($json) } || {};

my ($self) = grep { $_->{name} eq 'sys-virt' } @{ $meta->{packages} || [] };
my $ours = $self && $self->{rust_version};
ok $ours, "Cargo.toml states rust-version ($ours)";

my @newer = map { "$_->{name} $_->{version} needs Rust $_->{rust_version}" }
    grep { $_->{rust_version} && version_cmp($_->{rust_version}, $ours) > 0 }
    @{ $meta->{packages} || [] };
is_deeply \@newer, [], "no locked crate needs a Rust newer than $ours"
    or diag "Raise rust-version in Cargo.toml:\n", map "  $_\n", @newer;

# Every platform's crates: the ones `cargo vendor` puts into the tarball.
my ($all_status, $all, $all_said) = metadata();
is $all_status, 0, 'cargo metadata --locked --offline, all platforms' or diag $all_said;
my %edition_needs = (2015 => '1.0', 2018 => '1.31', 2021 => '1.56', 2024 => '1.85');
my @editions = map { "$_->{name} $_->{version} is edition $_->{edition}" }
    grep { version_cmp($edition_needs{$_->{edition}} // '999', $ours) > 0 }
    @{ (eval { JSON::PP::decode_json($all) } || {})->{packages} || [] };
is_deeply \@editions, [], "no locked crate, for any platform, has an edition newer than Rust $ours reads"
    or diag map "  $_\n", @editions;

my ($lock_version) = do {
    open my $fh, '<', 'Cargo.lock' or die "Cargo.lock: $!";
    map { /^version\s*=\s*(\d+)/ ? $1 : () } <$fh>;
};
ok $lock_version, "Cargo.lock states its format (version $lock_version)";
ok version_cmp($ours, '1.78') >= 0 || $lock_version <= 3,
    "Cargo.lock's format is one cargo $ours reads (version 4 needs 1.78)";

my @deps = grep { $_->{name} ne 'sys-virt' } @{ $meta->{packages} || [] };
cmp_ok scalar(@deps), '>', 5, 'cargo metadata lists the locked crates (' . scalar(@deps) . ')';

done_testing;
