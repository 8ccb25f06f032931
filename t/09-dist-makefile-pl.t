use strict;
use warnings;
use Test::More;
use File::Temp qw(tempdir);
use File::Path qw(make_path);
use File::Copy qw(copy);

# Makefile.PL on machines that lack what the build needs: it says what to
# install and exits 0 without writing a Makefile (CPAN testers report NA,
# not FAIL). Runs in a temporary copy, with a PATH and HOME of our own
# holding only stand-ins for the tools (shell scripts).

my $api_xml = do {
    my $d = tempdir(CLEANUP => 1);
    my $f = "$d/libvirt-api.xml";
    open my $fh, '>', $f or die $!;
    print $fh "<api name='libvirt'/>\n";
    close $fh;
    $f;
};

# A fresh copy of what Makefile.PL reads, and an empty HOME and bin.
sub sandbox {
    my $root = tempdir(CLEANUP => 1);
    make_path("$root/src/lib/Sys", "$root/home", "$root/bin");
    for my $f (qw(Makefile.PL Cargo.toml)) {
        copy($f, "$root/src/$f") or die "copy $f: $!";
    }
    copy('lib/Sys/Virt.pm', "$root/src/lib/Sys/Virt.pm") or die "copy: $!";
    return $root;
}

sub tool {
    my ($path, $script) = @_;
    open my $fh, '>', $path or die "$path: $!";
    print $fh "#!/bin/sh\n$script\n";
    close $fh;
    chmod 0755, $path or die $!;
}

sub fake_rust {
    my ($dir, $version) = @_;
    make_path($dir);
    tool("$dir/cargo", qq{echo "cargo $version (stand-in)"});
    tool("$dir/rustc", qq{echo "rustc $version (stand-in)"});
}

sub fake_pkg_config {
    my ($dir, $libvirt) = @_;
    tool("$dir/pkg-config", defined $libvirt ? <<"SH" : <<'SH');
case "\$*" in
  "--modversion libvirt") echo $libvirt ;;
  "--variable=libvirt_api libvirt") echo $api_xml ;;
  *) exit 1 ;;
esac
SH
echo "Package libvirt was not found in the pkg-config search path." >&2
exit 1
SH
}

# Runs Makefile.PL in the copy; returns (exit status, output).
# Variables named in @keep stay; the others that Makefile.PL reads go.
sub configure {
    my ($root, @keep) = @_;
    local %ENV = %ENV;
    my %keep = map { $_ => 1 } @keep;
    delete @ENV{grep { !$keep{$_} } qw(CARGO RUSTC PKG_CONFIG CARGO_HOME CARGO_TARGET_DIR CC
                   PERL_MM_OPT PERL_MB_OPT MAKEFLAGS)};
    $ENV{PATH} = "$root/bin";
    $ENV{HOME} = "$root/home";
    my $pid = open my $fh, '-|';
    die "fork: $!" unless defined $pid;
    if (!$pid) {
        chdir "$root/src" or die $!;
        open STDERR, '>&', \*STDOUT;
        exec $^X, 'Makefile.PL' or die "exec: $!";
    }
    my $out = do { local $/; <$fh> };
    close $fh;
    return ($?, $out);
}

my $rust_version = do {
    open my $fh, '<', 'Cargo.toml' or die $!;
    my ($v) = map { /^rust-version\s*=\s*"([\d.]+)"/ ? $1 : () } <$fh>;
    $v;
};
ok $rust_version, "Cargo.toml states rust-version ($rust_version)";

{
    my $root = sandbox();
    my ($status, $out) = configure($root);
    is $status, 0, 'nothing installed: exit status 0';
    like $out, qr/cargo and rustc\): install it with rustup/, '... names Rust and rustup';
    like $out, qr/pkg-config/, '... names pkg-config';
    like $out, qr/a C compiler/, '... names the C compiler';
    like $out, qr/No Makefile written/, '... says no Makefile is written';
    ok !-e "$root/src/Makefile", '... and writes none';
}

{
    my $root = sandbox();
    fake_rust("$root/bin", '1.95.0');
    fake_pkg_config("$root/bin", undef);
    tool("$root/bin/cc", 'exit 0');
    my ($status, $out) = configure($root);
    is $status, 0, 'no libvirt: exit status 0';
    like $out, qr/libvirt-dev/, '... says to install libvirt-dev';
    unlike $out, qr/cargo and rustc/, '... and does not complain about Rust';
    ok !-e "$root/src/Makefile", '... no Makefile';
}

{
    my $root = sandbox();
    fake_rust("$root/bin", '1.60.0');
    fake_pkg_config("$root/bin", '9.0.0');
    tool("$root/bin/cc", 'exit 0');
    my ($status, $out) = configure($root);
    is $status, 0, 'Rust too old: exit status 0';
    like $out, qr/cargo 1\.60\.0 at \S+ is too old: Rust \Q$rust_version\E or newer/,
        '... says which Rust it found and which it needs';
    ok !-e "$root/src/Makefile", '... no Makefile';
}

{
    my $root = sandbox();
    fake_rust("$root/bin", '1.95.0');
    fake_pkg_config("$root/bin", '6.10.0');
    tool("$root/bin/cc", 'exit 0');
    my ($status, $out) = configure($root);
    is $status, 0, 'libvirt too old: exit status 0';
    like $out, qr/libvirt 6\.10\.0 is too old/, '... says so';
    ok !-e "$root/src/Makefile", '... no Makefile';
}

{
    # An old Rust in PATH (a distribution's), a new one in ~/.cargo/bin.
    my $root = sandbox();
    fake_rust("$root/bin", '1.60.0');
    fake_rust("$root/home/.cargo/bin", '1.95.0');
    fake_pkg_config("$root/bin", '9.0.0');
    tool("$root/bin/cc", 'exit 0');
    my ($status, $out) = configure($root);
    is $status, 0, 'old Rust in PATH, new in ~/.cargo/bin: exit status 0';
    like $out, qr{cargo\s+1\.95\.0 \(\Q$root\E/home/\.cargo/bin/cargo\)}, '... takes the new cargo';
    like $out, qr{rustc\s+1\.95\.0 \(\Q$root\E/home/\.cargo/bin/rustc\)}, '... and the rustc beside it';
    ok -f "$root/src/Makefile", '... writes the Makefile';

    # CARGO names the only cargo to consider.
    unlink "$root/src/Makefile";
    local $ENV{CARGO} = "$root/bin/cargo";
    ($status, $out) = configure($root, 'CARGO');
    is $status, 0, 'CARGO set to the old cargo: exit status 0';
    like $out, qr/cargo 1\.60\.0 at \Q$root\E\/bin\/cargo is too old/, '... says it is too old';
    ok !-e "$root/src/Makefile", '... no Makefile';
}

{
    # cargo and rustc only in ~/.cargo/bin (rustup's place), not in PATH.
    my $root = sandbox();
    fake_rust("$root/home/.cargo/bin", '1.95.0');
    fake_pkg_config("$root/bin", '9.0.0');
    tool("$root/bin/cc", 'exit 0');
    my ($status, $out) = configure($root);
    is $status, 0, 'everything there: exit status 0';
    like $out, qr{cargo\s+1\.95\.0 \(\Q$root\E/home/\.cargo/bin/cargo\)}, '... finds cargo in ~/.cargo/bin and prints its version';
    like $out, qr{rustc\s+1\.95\.0 \(\Q$root\E/home/\.cargo/bin/rustc\)}, '... and rustc';
    like $out, qr{libvirt\s+9\.0\.0}, '... and libvirt';
    ok -f "$root/src/Makefile", '... writes the Makefile';
    my $mk = do { local (@ARGV, $/) = "$root/src/Makefile"; <> };
    like $mk, qr{^CARGO = \Q$root\E/home/\.cargo/bin/cargo$}m, '... which runs that cargo';
    like $mk, qr{^LIBVIRT_API_XML = \Q$api_xml\E$}m, "... with libvirt's API description from pkg-config";
    like $mk, qr{^CARGO_NET_FLAGS = --locked$}m, '... online, as there is no vendor/';

    like $mk, qr{^CARGO_TARGET_DIR = target$}m, '... in target/';

    # As in a tarball: the crates are there, cargo runs offline; and a
    # target directory of one's own.
    make_path("$root/src/vendor", "$root/src/.cargo");
    open my $fh, '>', "$root/src/.cargo/config.toml" or die $!;
    close $fh;
    local $ENV{CARGO_TARGET_DIR} = "$root/cargo-target";
    ($status, $out) = configure($root, 'CARGO_TARGET_DIR');
    is $status, 0, 'with vendor/ and CARGO_TARGET_DIR: exit status 0';
    $mk = do { local (@ARGV, $/) = "$root/src/Makefile"; <> };
    like $mk, qr{^CARGO_NET_FLAGS = --offline --locked$}m, '... cargo runs --offline --locked';
    like $mk, qr{^CARGO_TARGET_DIR = \Q$root\E/cargo-target$}m, '... in that target directory';
    like $mk, qr{^cargo_clean :}m, '... which make clean cleans with cargo';
}

done_testing;
