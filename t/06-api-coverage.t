# Coverage of libvirt's API, as the classic binding's own API-coverage test:
# every public function of the installed libvirt's API description is bound
# (called by the Rust core: a row of data/api.tsv, a hand-written body in
# src/api/overrides/, or the hand-written stream, event and object code), or
# is named in data/api-skip.tsv with the reason.
use strict;
use warnings;
use Test::More;
use File::Basename qw(dirname);
use File::Find ();
use File::Spec;
use File::Temp ();

my $root = File::Spec->rel2abs(File::Spec->catdir(dirname(__FILE__), File::Spec->updir));
my $api = $ENV{LIBVIRT_API_XML} // '/usr/share/libvirt/api/libvirt-api.xml';
plan skip_all => "no libvirt API description at $api (package libvirt-dev)" unless -r $api;

my %function;
{
    open my $fh, '<', $api or die "$api: $!";
    local $/;
    my $xml = <$fh>;
    $function{$1} = 1 while $xml =~ /<function name='(vir\w+)'/g;
}
cmp_ok(scalar keys %function, '>', 400, 'the API description lists the functions');

# Bound: every libvirt function the Rust core calls (or passes by name),
# and every row's call (`=virXxx` rows name functions that hand-written code
# reaches through the `virt` crate).
my %bound;
File::Find::find(sub {
    return unless /\.rs$/;
    open my $fh, '<', $_ or die "$File::Find::name: $!";
    local $/;
    my $src = <$fh>;
    $src =~ s{//[^\n]*}{}g;    # comments name functions without calling them
    for my $name ($src =~ /\b(vir[A-Z]\w+)\b/g) {
        $bound{$name} = $File::Find::name if $function{$name};
    }
}, File::Spec->catdir($root, 'src'));
{
    # The handle types' release functions, made from tools/gen-api.pl's
    # class table.
    my $tmp = File::Temp->new;
    system($^X, File::Spec->catfile($root, 'tools', 'gen-api.pl'), '--handles-rs', $tmp->filename) == 0
        or die "gen-api.pl --handles-rs failed\n";
    open my $fh, '<', $tmp->filename or die "$!";
    local $/;
    my $src = <$fh>;
    $src =~ s{//[^\n]*}{}g;
    $bound{$_} = 'tools/gen-api.pl' for grep { $function{$_} } $src =~ /\b(vir[A-Z]\w+)\b/g;
}
{
    open my $fh, '<', File::Spec->catfile($root, 'data', 'api.tsv') or die "api.tsv: $!";
    while (<$fh>) {
        next if /^\s*(#|$)/;
        my (undef, undef, $call, $args) = split ' ';
        $bound{$_} = 'data/api.tsv' for $call =~ /(vir\w+)/g;    # virXxxFlags/virXxx: both
        # a uuid argument: virXxxLookupByUUID and virXxxLookupByUUIDString
        $bound{"$1String"} = 'data/api.tsv' if $args =~ /(?:^|,)uuid:/ && $call =~ /^(vir\w+)$/;
    }
}

my %skip;
{
    open my $fh, '<', File::Spec->catfile($root, 'data', 'api-skip.tsv') or die "api-skip.tsv: $!";
    while (<$fh>) {
        chomp;
        next if /^\s*(#|$)/;
        my ($fn, $reason) = split /\t+/, $_, 2;
        ok(defined $reason && length $reason, "$fn: skipped with a reason");
        $skip{$fn} = $reason;
    }
}

my @missing = grep { !$bound{$_} && !$skip{$_} } sort keys %function;
is_deeply(\@missing, [], 'every function of the API description is bound or skipped with a reason')
    or diag("neither bound nor skipped:\n  " . join("\n  ", @missing));

my @stale = grep { !$function{$_} } sort keys %skip;
is_deeply(\@stale, [], 'the skip list names only functions of this libvirt')
    or diag(join ' ', @stale);
my @both = grep { $bound{$_} } sort keys %skip;
is_deeply(\@both, [], 'no function is both bound and skipped')
    or diag(join "\n", map { "$_ (bound in $bound{$_})" } @both);

done_testing;
