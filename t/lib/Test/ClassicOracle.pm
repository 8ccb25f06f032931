package Test::ClassicOracle;
# Differential checks against the classic XS binding (Debian's
# libsys-virt-perl 9.0.0, unpacked privately; $SYS_VIRT_CLASSIC_LIB names
# its Perl library directory). A snippet runs in a fresh child process on
# test:///default, once under the classic binding and once under this one,
# with $conn and $dom (the domain "test") set up; its value (a list) comes
# back through Data::Dumper. A Sys::Virt::Error becomes { died => CODE }.
use strict;
use warnings;
use Exporter 'import';
use Scalar::Util qw(looks_like_number);

our @EXPORT_OK = qw(classic_available run_classic run_ours shape);

our $CLASSIC = $ENV{SYS_VIRT_CLASSIC_LIB} // '/work/classic/root/usr/lib/x86_64-linux-gnu/perl5/5.36';

sub classic_available { -f "$CLASSIC/Sys/Virt.pm" && -d "$CLASSIC/auto/Sys/Virt" }

my $PROLOGUE = <<'PERL';
use strict; use warnings; use Sys::Virt; use Data::Dumper;
my $conn = Sys::Virt->new(uri => "test:///default");
my $dom = $conn->get_domain_by_name("test");
my $r = eval { [ sub {
PERL

my $EPILOGUE = <<'PERL';
}->() ] };
$r = { died => (ref $@ ? $@->code : "$@") } unless $r;
print Data::Dumper->new([$r])->Terse(1)->Indent(0)->Sortkeys(1)->Useqq(1)->Dump;
PERL

sub _run {
    my ($incs, $code) = @_;
    local $ENV{PERL5LIB};
    delete $ENV{PERL5LIB};
    open my $fh, '-|', $^X, (map { "-I$_" } @$incs), '-e', $PROLOGUE . $code . "\n" . $EPILOGUE
        or die "cannot run perl: $!";
    my $out = do { local $/; <$fh> };
    close $fh;
    die "snippet failed (status $?): $code\n" if $? || !defined $out || $out eq '';
    my $v = eval $out;
    die "cannot read the snippet's output: $@" if $@;
    return $v;
}

sub run_classic { _run([$CLASSIC], $_[0]) }

sub run_ours { _run([grep { !ref } @INC], $_[0]) }

# The shape of a value: hashes and arrays kept, leaves reduced to 'num',
# 'str' or 'undef' (for values that change from one call to the next).
sub shape {
    my ($v) = @_;
    return [ map { shape($_) } @$v ] if ref $v eq 'ARRAY';
    return { map { $_ => shape($v->{$_}) } keys %$v } if ref $v eq 'HASH';
    return 'undef' unless defined $v;
    return looks_like_number($v) ? 'num' : 'str';
}

1;
