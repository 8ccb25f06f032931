#!/usr/bin/perl
# Generate the constants tables of Sys::Virt from data/constants.tsv and the
# installed libvirt's API description (libvirt-api.xml).
#
#   tools/gen-constants.pl [--tsv FILE] [--api FILE] [--packages P1,P2]
#                          [--verbose]
#                          [--c OUT.h] [--pod FILE.pm ...] [--list PACKAGE]
#
# Only core modules; the XML is parsed with regexes.
# Perl 5.20 or newer (Debian 11 has 5.32): signatures, experimental there.
use v5.20;
use strict;
use warnings;
use feature 'signatures';
no warnings 'experimental::signatures';
use File::Basename qw(dirname);
use File::Spec;
use Getopt::Long qw(GetOptions);

my $root = File::Spec->catdir(dirname(File::Spec->rel2abs(__FILE__)), File::Spec->updir);
my %opt = (
    tsv      => File::Spec->catfile($root, 'data', 'constants.tsv'),
    api      => '/usr/share/libvirt/api/libvirt-api.xml',
    packages => join(',', qw(Sys::Virt Sys::Virt::Error Sys::Virt::Stream Sys::Virt::Event
                             Sys::Virt::Domain Sys::Virt::StoragePool Sys::Virt::StorageVol
                             Sys::Virt::Network Sys::Virt::NetworkPort Sys::Virt::Interface
                             Sys::Virt::NodeDevice Sys::Virt::Secret Sys::Virt::NWFilter
                             Sys::Virt::NWFilterBinding Sys::Virt::DomainSnapshot
                             Sys::Virt::DomainCheckpoint)),
);
my @pod;
GetOptions(
    'tsv=s'      => \$opt{tsv},
    'api=s'      => \$opt{api},
    'packages=s' => \$opt{packages},
    'c=s'        => \$opt{c},
    'pod=s{1,}'  => \@pod,
    'list=s'     => \$opt{list},
    'verbose!'   => \$opt{verbose},
) or die "usage: $0 [--tsv FILE] [--api FILE] [--packages P1,P2] [--verbose] [--c OUT.h] [--pod FILE.pm ...] [--list PACKAGE]\n";
push @pod, @ARGV if @pod;   # allow "--pod a.pm b.pm" with trailing files
die "$0: nothing to do (give --c, --pod or --list)\n"
    unless defined $opt{c} || @pod || defined $opt{list};

sub note ($msg) { print STDERR "gen-constants: $msg\n" if $opt{verbose} }

# ---------------------------------------------------------------- XML ----
sub xml_decode ($s) {
    $s =~ s{&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);}{
        my $e = $1;
        $e eq 'lt' ? '<' : $e eq 'gt' ? '>' : $e eq 'amp' ? '&'
      : $e eq 'quot' ? '"' : $e eq 'apos' ? "'"
      : $e =~ /^#x(.*)/ ? chr(hex $1) : chr(substr($e, 1))
    }ge;
    return $s;
}

sub attrs ($s) {
    my %a;
    while ($s =~ /(\w+)\s*=\s*(?:'([^']*)'|"([^"]*)")/g) {
        $a{$1} = xml_decode($2 // $3);
    }
    return \%a;
}

# name => { src => 'enum'|'macro', value|raw|string => ..., info => ... }
my %xml;
{
    open my $fh, '<:encoding(UTF-8)', $opt{api} or die "$0: cannot read $opt{api}: $!\n";
    local $/;
    my $xml = <$fh>;
    close $fh;
    my $attr_re = qr/(?:\s+\w+\s*=\s*(?:'[^']*'|"[^"]*"))*/;
    while ($xml =~ /<enum($attr_re)\s*\/?>/g) {
        my $a = attrs($1);
        next unless defined $a->{name};
        $xml{$a->{name}} //= { src => 'enum', value => $a->{value}, info => $a->{info} };
    }
    while ($xml =~ /<macro($attr_re)\s*(\/>|>(.*?)<\/macro>)/gs) {
        my ($a, $body) = (attrs($1), $3 // '');
        next unless defined $a->{name};
        next if defined $a->{params};          # function-like macro
        my $info;
        if ($body =~ /<info>\s*<!\[CDATA\[(.*?)\]\]>\s*<\/info>/s) { $info = $1 }
        elsif ($body =~ /<info>(.*?)<\/info>/s) { $info = xml_decode($1) }
        $xml{$a->{name}} //= { src => 'macro', string => $a->{string}, raw => $a->{raw},
                               info => $info };
    }
}

# ------------------------------------------------- C expression values ---
# Evaluates the small integer C expressions that occur in enum values and
# macro raw text: literals (dec/hex/oct, U/L suffixes), other constant
# names, parentheses, unary - ~ + and binary * / % + - << >> & ^ |.
my %int_cache;
my %in_progress;
sub int_value ($name) {
    return $int_cache{$name} if exists $int_cache{$name};
    my $e = $xml{$name} or return undef;
    return undef if $in_progress{$name};
    local $in_progress{$name} = 1;
    my $v;
    if ($e->{src} eq 'enum') { $v = eval_c($e->{value}) }
    elsif (defined $e->{raw}) { $v = eval_c($e->{raw}) }
    return $int_cache{$name} = $v;
}

sub eval_c ($text) {
    return undef unless defined $text;
    (my $s = $text) =~ s{/\*.*?\*/}{ }gs;
    $s =~ s{//.*}{};
    my @tok;
    while ($s =~ /\G\s*(?:(0[xX][0-9a-fA-F]+|\d+)[uUlL]*|([A-Za-z_]\w*)|(<<|>>|[-+*\/%()~&|^]))/gc) {
        if (defined $1) { my $n = $1; push @tok, [num => ($n =~ /^0[xX]/ || $n =~ /^0\d/) ? oct($n) : 0 + $n] }
        elsif (defined $2) { push @tok, [name => $2] }
        else { push @tok, [op => $3] }
    }
    $s =~ /\G\s*/gc;
    return undef if pos($s) != length($s) || !@tok;
    my $i = 0;
    my $ok = 1;
    my ($expr, $unary);
    my @levels = (['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '%']);
    $unary = sub {
        my $t = $tok[$i++] or do { $ok = 0; return 0 };
        if ($t->[0] eq 'num') { return $t->[1] }
        if ($t->[0] eq 'name') {
            my $v = int_value($t->[1]);
            $ok = 0 unless defined $v;
            return $v // 0;
        }
        my $op = $t->[1];
        if ($op eq '(') {
            my $v = $expr->(0);
            ($tok[$i] && $tok[$i][1] eq ')') ? $i++ : ($ok = 0);
            return $v;
        }
        return -$unary->() if $op eq '-';
        return $unary->() if $op eq '+';
        return ~$unary->() if $op eq '~';
        $ok = 0;
        return 0;
    };
    $expr = sub ($lvl) {
        return $unary->() if $lvl > $#levels;
        my $v = $expr->($lvl + 1);
        while ($tok[$i] && $tok[$i][0] eq 'op' && grep { $_ eq $tok[$i][1] } @{$levels[$lvl]}) {
            my $op = $tok[$i++][1];
            my $r = $expr->($lvl + 1);
            if    ($op eq '|')  { $v = $v | $r }
            elsif ($op eq '^')  { $v = $v ^ $r }
            elsif ($op eq '&')  { $v = $v & $r }
            elsif ($op eq '<<') { $v = $v << $r }
            elsif ($op eq '>>') { $v = $v >> $r }
            elsif ($op eq '+')  { $v = $v + $r }
            elsif ($op eq '-')  { $v = $v - $r }
            elsif ($op eq '*')  { $v = $v * $r }
            elsif ($r == 0)     { $ok = 0 }
            elsif ($op eq '/')  { $v = int($v / $r) }
            else                { $v = $v % $r }
        }
        return $v;
    };
    my $v = $expr->(0);
    return undef unless $ok && $i == @tok;
    return $v;
}

sub str_value ($name, $seen = {}) {
    my $e = $xml{$name} or return undef;
    return undef unless $e->{src} eq 'macro';
    return $e->{string} if defined $e->{string};
    my $raw = $e->{raw} // return undef;
    $raw =~ s{/\*.*?\*/}{}gs;
    $raw =~ s/^\s+|\s+$//g;
    if ($raw =~ /^"((?:[^"\\]|\\.)*)"$/) {
        my $s = $1;
        $s =~ s/\\(.)/$1/g;
        return $s;
    }
    return str_value($raw, { %$seen, $name => 1 }) if $raw =~ /^[A-Za-z_]\w*$/ && !$seen->{$raw};
    return undef;
}

# ---------------------------------------------------------------- TSV ----
my %want = map { $_ => 1 } grep { length } split /\s*,\s*/, $opt{packages};
my @const;                     # in tsv order, only the ones libvirt defines
my %by_pkg;
my $missing = 0;
{
    open my $fh, '<', $opt{tsv} or die "$0: cannot read $opt{tsv}: $!\n";
    while (my $line = <$fh>) {
        chomp $line;
        $line =~ s/\r$//;
        next if $line =~ /^\s*(#|$)/;
        my ($pkg, $perl, $lv, $kind) = split /\t/, $line;
        next if $pkg eq 'package' && $perl eq 'perl_name';
        next unless $want{$pkg};
        die "$0: $opt{tsv}:$.: bad kind '$kind'\n" unless ($kind // '') =~ /^(int|str|ull)$/;
        my $value;
        if (!$xml{$lv}) {
            note("$pkg\::$perl: $lv not defined by the installed libvirt");
            $missing++;
            next;
        }
        if ($kind eq 'str') {
            $value = str_value($lv);
        } else {
            $value = int_value($lv);
            if (defined $value && $kind eq 'ull') {
                if ($value < 0) { $value = undef }
            } elsif (defined $value && ($value < -2**63 || $value > 9223372036854775807)) {
                $value = undef;
            }
        }
        if (!defined $value) {
            my $e = $xml{$lv};
            note("$pkg\::$perl: cannot determine a $kind value for $lv from the XML ("
                 . ($e->{value} // $e->{raw} // (defined $e->{string} ? "string '$e->{string}'" : '?')) . ")");
            $missing++;
            next;
        }
        my $c = { package => $pkg, name => $perl, lv => $lv, kind => $kind,
                  value => $value, info => $xml{$lv}{info} };
        push @const, $c;
        push @{$by_pkg{$pkg}}, $c;
    }
}
note(scalar(@const) . " constants, $missing omitted");

# --------------------------------------------------------------- --list --
if (defined $opt{list}) {
    warn "gen-constants: package $opt{list} not selected by --packages\n" unless $want{$opt{list}};
    binmode STDOUT, ':encoding(UTF-8)';
    print "$_->{name}\t$_->{value}\n" for @{$by_pkg{$opt{list}} // []};
}

# ------------------------------------------------------------------ --c --
sub c_string ($s) {
    my $out = '';
    for my $ch (split //, $s) {
        my $o = ord $ch;
        if    ($ch eq '\\') { $out .= '\\\\' }
        elsif ($ch eq '"')  { $out .= '\\"' }
        elsif ($ch eq '?')  { $out .= '\\?' }      # no trigraphs
        elsif ($o == 10)    { $out .= '\\n' }
        elsif ($o == 9)     { $out .= '\\t' }
        elsif ($o >= 32 && $o < 127) { $out .= $ch }
        else { $out .= sprintf '\\%03o', $_ for unpack 'C*', do { my $b = $ch; utf8::encode($b); $b } }
    }
    return qq{"$out"};
}

sub c_ll ($v) {
    # the most negative long long cannot be written as a literal
    return '(-9223372036854775807LL - 1)' if $v == -9223372036854775807 - 1;
    return sprintf('%dLL', $v);
}

if (defined $opt{c}) {
    my $api = $opt{api};
    $api =~ s{\*/}{* /}g;
    my $out = "/* generated by tools/gen-constants.pl from $api and data/constants.tsv"
            . " \x{2014} do not edit */\n"
            . "#define SVR_CONST_INT 0\n#define SVR_CONST_STR 1\n#define SVR_CONST_ULL 2\n"
            . "typedef struct { const char *package; const char *name; int kind; long long ival;"
            . " unsigned long long uval; const char *sval; } svr_constant;\n"
            . "static const svr_constant svr_constants[] = {\n";
    for my $c (@const) {
        my ($kind, $iv, $uv, $sv) =
            $c->{kind} eq 'int' ? ('SVR_CONST_INT', c_ll($c->{value}), '0ULL', 'NULL')
          : $c->{kind} eq 'ull' ? ('SVR_CONST_ULL', '0LL', sprintf('%uULL', $c->{value}), 'NULL')
          :                       ('SVR_CONST_STR', '0LL', '0ULL', c_string($c->{value}));
        $out .= sprintf "  { %s, %s, %s, %s, %s, %s },\n",
            c_string($c->{package}), c_string($c->{name}), $kind, $iv, $uv, $sv;
    }
    $out .= "};\n#define SVR_CONSTANTS_COUNT (sizeof(svr_constants)/sizeof(svr_constants[0]))\n";
    open my $fh, '>:encoding(UTF-8)', $opt{c} or die "$0: cannot write $opt{c}: $!\n";
    print $fh $out;
    close $fh or die "$0: cannot write $opt{c}: $!\n";
    note("wrote $opt{c}");
}

# ---------------------------------------------------------------- --pod --
sub pod_text ($s) {
    $s =~ s/([<>])/$1 eq '<' ? 'E<lt>' : 'E<gt>'/ge;
    return $s;
}

# The release of each constant newer than the oldest libvirt supported
# (data/libvirt-since.tsv): its POD says from which libvirt it exists.
my $since = do {
    my %s;
    my $file = File::Spec->catfile($root, 'data', 'libvirt-since.tsv');
    if (open my $fh, '<', $file) {
        while (<$fh>) {
            chomp;
            my ($name, $kind, $v) = split /\t/;
            $s{$name} = $v if !/^#/ && $kind ne 'function';
        }
    }
    \%s;
};

sub pod_for ($pkg) {
    my $pod = "=over 4\n\n";
    for my $c (@{$by_pkg{$pkg} // []}) {
        $pod .= "=item $pkg\::$c->{name}\n\n";
        my $info = $c->{info} // '';
        my @paras;
        for my $para (split /\n\s*\n/, $info) {
            my @lines = grep { length } map { s/^\s+|\s+$//gr } split /\n/, $para;
            next unless @lines;
            my $p = join "\n", map { pod_text($_) } @lines;
            $p = "Z<>$p" if $p =~ /^=/;
            push @paras, $p;
        }
        @paras = ("The libvirt constant C<$c->{lv}>.") unless @paras;
        push @paras, "Defined where Sys::Virt is built against libvirt $since->{$c->{lv}} or newer."
            if $since->{$c->{lv}};
        $pod .= "$_\n\n" for @paras;
    }
    $pod .= "=back\n";
    return $pod;
}

for my $file (@pod) {
    open my $fh, '<:encoding(UTF-8)', $file or do { warn "gen-constants: cannot read $file: $!\n"; next };
    my $text = do { local $/; <$fh> };
    close $fh;
    my ($pkg) = $text =~ /^\s*package\s+([\w:]+)\s*;/m;
    if (!defined $pkg) { warn "gen-constants: $file: no package line, left untouched\n"; next }
    my $new = $text;
    my $n = $new =~ s{^(=for generated-constants begin[ \t]*\n).*?^(?==for generated-constants end[ \t]*$)}
                     {$1 . "\n" . pod_for($pkg) . "\n"}gems;
    if (!$n) { warn "gen-constants: $file: no '=for generated-constants begin/end' markers, left untouched\n"; next }
    warn "gen-constants: $file: package $pkg not selected by --packages\n" unless $want{$pkg};
    if ($new ne $text) {
        open my $out, '>:encoding(UTF-8)', "$file.tmp$$" or die "$0: cannot write $file.tmp$$: $!\n";
        print $out $new;
        close $out or die "$0: cannot write $file.tmp$$: $!\n";
        rename "$file.tmp$$", $file or die "$0: cannot rename to $file: $!\n";
    }
    note("$file: $pkg, " . scalar(@{$by_pkg{$pkg} // []}) . " constants documented");
}
