# A method whose libvirt function the installed libvirt lacks still exists,
# checks its arguments as always, and dies with a Sys::Virt::Error
# (VIR_ERR_NO_SUPPORT) that names the libvirt release it needs; the build
# left its call out (data/libvirt-since.tsv). Every such row of
# data/api.tsv is called here on test:///default.
use strict;
use warnings;
use Test::More;
use File::Basename qw(dirname);
use File::Spec;
use Sys::Virt;
use lib 't/lib';
use Test::LibvirtAPI;

my $root = File::Spec->rel2abs(File::Spec->catdir(dirname(__FILE__), File::Spec->updir));
my $api = $ENV{LIBVIRT_API_XML} // '/usr/share/libvirt/api/libvirt-api.xml';
plan skip_all => "no libvirt API description at $api (package libvirt-dev)" unless -r $api;

my %since;
{
    open my $fh, '<', "$root/data/libvirt-since.tsv" or die "libvirt-since.tsv: $!";
    while (<$fh>) {
        chomp;
        my ($name, $kind, $v) = split /\t/;
        $since{$name} = $v if !/^#/ && $kind eq 'function';
    }
}
my $n = Sys::Virt::LIBVIR_VERSION_NUMBER();
my $built = join '.', int($n / 1_000_000), int($n / 1000) % 1000, $n % 1000;

# package, method, call, arguments: one row a line
my @rows = map { [split /\t/] } split /\n/, `$^X $root/tools/gen-api.pl --table $root/data/api.tsv --list`;
cmp_ok(scalar @rows, '>', 300, 'the table lists its rows');
my @lacking = grep { my $f = needed($_->[2]); $f && !libvirt_has($f) } @rows;
note(scalar(@lacking) . " methods need a libvirt newer than $built");

sub needed {
    my ($call) = @_;
    return $call if $call =~ /^vir\w+$/;
    return $1 if $call =~ /^rust:[\w:]+\@(vir\w+)$/;
    return undef;
}

my $conn = Sys::Virt->new(uri => 'test:///default');
my %object = (
    'Sys::Virt'              => sub { $conn },
    'Sys::Virt::Domain'      => sub { $conn->get_domain_by_name('test') },
    'Sys::Virt::Network'     => sub { $conn->get_network_by_name('default') },
    'Sys::Virt::StoragePool' => sub { $conn->get_storage_pool_by_name('default-pool') },
    'Sys::Virt::Interface'   => sub { $conn->get_interface_by_name('eth1') },
    'Sys::Virt::NodeDevice'  => sub { ($conn->list_all_node_devices)[0] },
    'Sys::Virt::Stream'      => sub { $conn->new_stream },
);
my %short = (Connect => 'Sys::Virt', map { $_ => "Sys::Virt::$_" } qw(Domain Network StoragePool Interface NodeDevice Stream));

# A valid value of each argument type (the row's own checks pass).
sub value {
    my ($spec) = @_;
    my ($type, $opt) = $spec =~ /^([\w\[\]]+?)(\?)?:/;
    return [] if $type =~ /\[\]$/;
    return undef if $opt && $type !~ /^(int|uint|long|ulong|ll|ull|double|flags)$/;
    return 0 if $type =~ /^(int|uint|long|ulong|ll|ull|double|flags)$/;
    return 'x' if $type =~ /^(str|bytes)$/;
    return [] if $type eq 'strlist';
    return {} if $type eq 'hash';
    my $class = $short{$type} or return undef;
    return $object{$class}->();
}

for my $row (@lacking) {
    my ($pkg, $method, $call, $args) = @$row;
    my $fn = needed($call);
    SKIP: {
        my $make = $object{$pkg} or skip "$pkg\::$method: no $pkg object on test:///default", 4;
        my $obj = $make->();
        my @args = $args eq '-' ? () : map { value($_) } split /,/, $args;
        my $err = do { local $@; eval { $obj->$method(@args); 1 } ? undef : $@ };
        isa_ok($err, 'Sys::Virt::Error', "$pkg\::$method");
        next unless ref $err;
        is($err->code, Sys::Virt::Error::ERR_NO_SUPPORT(), '... VIR_ERR_NO_SUPPORT');
        like($err->message, qr/^\Q$pkg\E::\Q$method\E needs libvirt \Q$since{$fn}\E or newer \(\Q$fn\E\); Sys::Virt was built against libvirt \Q$built\E$/,
             "... needs libvirt $since{$fn}");
        ok(version->parse("v$since{$fn}") > version->parse("v$built"), '... a release newer than the one built against');
    }
}

# Its arguments are checked first, as for every method.
if (my ($row) = grep { $_->[3] ne '-' && $object{$_->[0]} } @lacking) {
    my ($pkg, $method) = @$row;
    my $obj = $object{$pkg}->();
    like(do { eval { $obj->$method(); 1 }; $@ }, qr/Usage: \Q$pkg\E::\Q$method\E\(/, "$pkg\::$method: a missing argument is refused first");
}

pass("libvirt $built has every function of the table") unless @lacking;
done_testing;
