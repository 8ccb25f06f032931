package Test::LibvirtAPI;
# What the libvirt Sys::Virt was built against has: tests of a call that
# a libvirt older than the newest lacks run where it exists, and skip
# elsewhere saying which release brings it (the call itself then dies
# naming that release: t/08-libvirt-versions.t).
use strict;
use warnings;
use Exporter 'import';
our @EXPORT = qw(libvirt_has libvirt_at_least skip_unless_libvirt);

my %api;
sub libvirt_has {
    my ($name) = @_;
    unless (%api) {
        my $file = $ENV{LIBVIRT_API_XML} // '/usr/share/libvirt/api/libvirt-api.xml';
        open my $fh, '<', $file or die "$file: $!";
        local $/;
        my $xml = <$fh>;
        $api{$1} = 1 while $xml =~ /<(?:function|enum|macro) name='(\w+)'/g;
    }
    return $api{$name};
}

# True when Sys::Virt was built against libvirt VERSION or newer.
sub libvirt_at_least {
    my ($want) = @_;
    my ($a, $b, $c) = split /\./, $want;
    return Sys::Virt::LIBVIR_VERSION_NUMBER() >= $a * 1_000_000 + ($b // 0) * 1000 + ($c // 0);
}

# Inside a SKIP block: skips COUNT tests unless libvirt has NAME.
sub skip_unless_libvirt {
    my ($name, $count) = @_;
    Test::More::skip("this libvirt lacks $name", $count) unless libvirt_has($name);
}

1;
