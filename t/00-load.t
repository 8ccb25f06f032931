use strict;
use warnings;
use Test::More;

BEGIN { use_ok('Sys::Virt') }
use_ok('Sys::Virt::Error');
is(Sys::Virt::Stream::NONBLOCK(), 1, 'constants of other packages are registered at load');
cmp_ok(Sys::Virt->get_version(), '>=', Sys::Virt::LIBVIR_VERSION_NUMBER(),
       'libvirt library version: at least the one Sys::Virt was built against');
cmp_ok(Sys::Virt::LIBVIR_VERSION_NUMBER(), '>=', 7_000_000, 'built against libvirt 7.0.0 or newer');

# Constants are installed as perl's own modules install theirs (a value in
# the stash, made a sub where code asks for one): every way a script of
# the classic binding reaches a constant must still work.
{
    no strict 'refs';
    is(Sys::Virt::Domain::STATE_PAUSED, 3, 'bareword, inlined at compile time');
    is(Sys::Virt::Domain::STATE_SHUTDOWN(), 4, 'function call');
    is(Sys::Virt::Domain->STATE_SHUTOFF, 5, 'class method call');
    my $conn = bless {}, 'Sys::Virt::Domain';
    is($conn->STATE_CRASHED, 6, 'object method call');
    my $can = Sys::Virt::StoragePool->can('STATE_RUNNING');
    is(ref $can, 'CODE', '->can gives code');
    is($can->(), 2, '... that returns the value');
    is(&{\&Sys::Virt::Stream::EVENT_READABLE}(), 1, '\&NAME');
    ok(defined &{"Sys::Virt::Error::ERR_NO_DOMAIN"}, 'defined &{"symbolic"}');
    is(&{"Sys::Virt::Error::ERR_NO_DOMAIN"}(), 42, 'symbolic call');
    ok(exists &Sys::Virt::Secret::USAGE_TYPE_VOLUME, 'exists &NAME');
    is(Sys::Virt::IDENTITY_USER_NAME, 'user-name', 'string constant');
    is(Sys::Virt::Domain::MEMORY_PARAM_UNLIMITED, 9007199254740991, 'large constant');
    my $n = grep { defined &{"Sys::Virt::Domain::$_"} && /^STATE_/ } keys %Sys::Virt::Domain::;
    cmp_ok($n, '>=', 8, "stash walk finds STATE_* constants ($n)");
    ok(!eval { my $r = \Sys::Virt::Domain::STATE_NOSTATE(); $$r = 9; 1 }, 'values are read-only');
    like($@, qr/read-only/, '... with perl\'s own message');
    is(Sys::Virt::Domain::STATE_NOSTATE, 0, '... and unchanged');
}

# What `use Sys::Virt` costs every script: none of these until needed.
{
    my @inc = map { "-I$_" } grep { !ref } @INC;
    my $run = sub {
        my ($code) = @_;
        open my $fh, '-|', $^X, @inc, '-e', $code or die "cannot run $^X: $!";
        local $/;
        my $out = <$fh>;
        close $fh;
        return $out // '';
    };
    my $loaded = $run->('use Sys::Virt; print join " ", grep { $INC{$_} } qw(overload.pm Carp.pm Scalar/Util.pm constant.pm Exporter.pm Sys/Virt/Stream/Transfer.pm)');
    is($?, 0, 'a script that only loads Sys::Virt runs');
    is($loaded, '', 'and loads no module it does not use yet');
    my $err = $run->('use Sys::Virt; eval { Sys::Virt->new(uri => "nosuch:///") }; print ref($@), "|$@|", $@ eq $@->stringify ? "eq" : "ne"');
    like($err, qr/^Sys::Virt::Error\|libvirt error code: \d+, message: .+\n\|eq$/,
         'the first error object stringifies, as the classic one does');
    my $made = $run->('use Sys::Virt; print "" . Sys::Virt::Error->new(code => 7, message => "m")');
    is($made, "libvirt error code: 7, message: m\n", 'so does one a script makes before any error');
}
done_testing;
