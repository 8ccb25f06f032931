package Test::LibvirtAPI;
# What the installed libvirt has, so tests assert what it does rather than
# what the newest libvirt does:
#
# - libvirt_has, libvirt_at_least, skip_unless_libvirt: the API of the
#   libvirt Sys::Virt was built against. Tests of a call that a libvirt
#   older than the newest lacks run where it exists, and skip elsewhere
#   saying which release brings it (the call itself then dies naming that
#   release: t/08-libvirt-versions.t).
# - driver_call: a call the build has, but that a driver of the installed
#   libvirt may lack (libvirt 7.0's test driver lacks many calls 9.0's has).
use strict;
use warnings;
use Exporter 'import';
use POSIX ();
our @EXPORT = qw(libvirt_has libvirt_at_least skip_unless_libvirt driver_call driver_lacks virsh_error);

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

# True when ERR (what a call died with) is libvirt's own report that the
# connection's driver lacks FUNCTION: a Sys::Virt::Error of code
# VIR_ERR_NO_SUPPORT whose message is libvirt's "this function is not
# supported by the connection driver: FUNCTION". Nothing else counts: not
# another code, not another function, and not the binding's own "needs
# libvirt X" (a build without the function: see libvirt_has).
sub driver_lacks {
    my ($err, $function) = @_;
    return ref $err && eval { $err->isa('Sys::Virt::Error') }
        && $err->code == Sys::Virt::Error::ERR_NO_SUPPORT()
        && $err->message =~ /\bnot supported by the connection driver: \Q$function\E$/;
}

# driver_call(FUNCTION, CALL, CHECK, classic => SNIPPET)
#
# CALL is a call of the binding that reaches libvirt's FUNCTION. Where it
# returns, CHECK gets its values (list context) and tests them. Where the
# driver of the installed libvirt lacks FUNCTION, libvirt says so, and
# that is what is tested instead: the call dies with libvirt's error
# (driver_lacks), one passing test; and where SNIPPET is given and the
# classic binding of this machine is at hand (Test::ClassicOracle: the
# snippet runs there on a fresh test:///default, with $conn and $dom), the
# classic binding dies with the same code. Any other death fails, with the
# error. Returns true when CALL returned.
sub driver_call {
    my ($function, $call, $check, %opt) = @_;
    my @r;
    my $ok = eval { @r = $call->(); 1 };
    my $err = $@;
    if ($ok) {
        $check->(@r);
        return 1;
    }
    my $tb = Test::More->builder;
    local $Test::Builder::Level = $Test::Builder::Level + 1;
    if (!driver_lacks($err, $function)) {
        $tb->ok(0, "$function: the call returns");
        $tb->diag("it died: $err");
        return 0;
    }
    $tb->ok(1, "$function: this libvirt's driver lacks it, as libvirt says (VIR_ERR_NO_SUPPORT)");
    if (defined $opt{classic}) {
        require Test::ClassicOracle;
        if (Test::ClassicOracle::classic_available()) {
            my $c = Test::ClassicOracle::run_classic($opt{classic});
            $tb->is_eq(ref $c eq 'HASH' ? $c->{died} // 'returned' : 'returned', $err->code,
                "$function: the classic binding on this machine dies with the same code ($opt{classic})");
        }
    }
    return 0;
}

# virsh_error(URI, ARGS...): what virsh, on the same libvirt, makes of a
# command (one process: test:///default starts afresh): undef where it
# succeeds (and where there is no virsh), else the message of the last
# error libvirt gave it (its last "error: ..." line).
sub virsh_error {
    my ($uri, @args) = @_;
    my $pid = open(my $fh, '-|') // die "fork: $!";
    if (!$pid) {
        open STDERR, '>&', \*STDOUT;
        open STDIN, '<', '/dev/null';
        exec 'virsh', '-q', '-c', $uri, @args or POSIX::_exit(127);
    }
    my $out = do { local $/; <$fh> } // '';
    close $fh;
    return undef if !$? || $? >> 8 == 127;
    my @e = $out =~ /^error: (.*)$/mg;
    return $e[-1] // $out;
}

1;
