#!/usr/bin/perl
# Generates the table-driven methods of Sys::Virt from data/api.tsv and the
# installed libvirt's API description (libvirt-api.xml), as libvirt-python
# generates its binding: one row a method; regular calls are generated from
# the libvirt function's signature, irregular ones name a hand-written Rust
# body (rust:NAME in src/api/overrides/).
#
#   gen-api.pl --table data/api.tsv --api libvirt-api.xml \
#              --rust OUT/api_gen.rs --handles-rs OUT/handles_gen.rs \
#              --xs OUT/Api.xs --h OUT/api_gen.h [--no-fast]
#   gen-api.pl --handles-h           (the C declarations of the handle types)
#   gen-api.pl --table data/api.tsv --pod-skeleton Sys::Virt::Domain
#   gen-api.pl --table data/api.tsv --list
#              (package<TAB>method<TAB>call<TAB>args<TAB>object|class)
#
# --no-fast: every row through its Value body (see fast_export).
#
# Only core modules; the XML is parsed with regexes. How to add a method:
# see data/api.tsv's header.
use v5.16;
use strict;
use warnings;
use Getopt::Long;

my %opt = (api => '/usr/share/libvirt/api/libvirt-api.xml', table => 'data/api.tsv');
GetOptions(\%opt, 'table=s', 'api=s', 'since=s', 'rust=s', 'xs=s', 'h=s', 'pod-skeleton=s', 'list', 'handwritten=s', 'no-fast', 'handles-rs=s', 'handles-h')
    or die "usage: $0 --table FILE [--api FILE] [--since FILE] [--rust F] [--handles-rs F] [--xs F] [--h F] [--no-fast]"
         . " [--handles-h] [--pod-skeleton PKG] [--list]\n";
($opt{since} //= $opt{table}) =~ s{api\.tsv$}{libvirt-since.tsv};

# ------------------------------------------------------------ classes ----
# Every object class: Perl class, short name in the table, Rust handle type,
# argument name in messages, how messages name an object. The class id is
# the position. src/api/handles.rs makes every handle type from this table
# (--handles-rs; --handles-h declares them to C): a handle *is* the
# libvirt pointer whose reference the Perl object owns (released with
# virXxxFree, a connection with virConnectClose); a stream's handle is
# stream machinery with state of its own (src/stream.rs), boxed.
my @CLASSES = (
    ['Sys::Virt',                   'Connect',          'ConnHandle',             'con',        'the connection'],
    ['Sys::Virt::Domain',           'Domain',           'DomainHandle',           'dom',        'the domain'],
    ['Sys::Virt::StoragePool',      'StoragePool',      'PoolHandle',             'pool',       'the storage pool'],
    ['Sys::Virt::StorageVol',       'StorageVol',       'VolHandle',              'vol',        'the storage volume'],
    ['Sys::Virt::Stream',           'Stream',           'StreamHandle',           'st',         'the stream'],
    ['Sys::Virt::Network',          'Network',          'NetworkHandle',          'net',        'the network'],
    ['Sys::Virt::NetworkPort',      'NetworkPort',      'NetworkPortHandle',      'port',       'the network port'],
    ['Sys::Virt::Interface',        'Interface',        'InterfaceHandle',        'iface',      'the interface'],
    ['Sys::Virt::NodeDevice',       'NodeDevice',       'NodeDeviceHandle',       'dev',        'the node device'],
    ['Sys::Virt::Secret',           'Secret',           'SecretHandle',           'secret',     'the secret'],
    ['Sys::Virt::NWFilter',         'NWFilter',         'NWFilterHandle',         'filter',     'the network filter'],
    ['Sys::Virt::NWFilterBinding',  'NWFilterBinding',  'NWFilterBindingHandle',  'binding',    'the network filter binding'],
    ['Sys::Virt::DomainSnapshot',   'DomainSnapshot',   'DomainSnapshotHandle',   'snapshot',   'the domain snapshot'],
    ['Sys::Virt::DomainCheckpoint', 'DomainCheckpoint', 'DomainCheckpointHandle', 'checkpoint', 'the domain checkpoint'],
);
# How a handle releases its object (otherwise sys::virXxxFree) and finds
# the connection it belongs to (otherwise sys::virXxxGetConnect), which a
# forked child asks (src/fork.rs) and calls in flight fail together on
# (src/api/pending.rs): src/api/handles.rs has the functions named without
# a path. Handles also take one more reference with sys::virXxxRef.
my %RELEASE = (Connect => 'close_connection');
my %CONNECTION = (Connect => 'itself', NetworkPort => 'network_port_connection');
# Classes whose objects do not know their connection (libvirt has no
# virXxxGetConnect for them): their handle records the process that made it.
my %STAMPED = map { $_ => 1 } qw(NodeDevice NWFilter NWFilterBinding);
my %BOXED = (Stream => 'StreamHandle::from_raw');  # made by this constructor

# libvirt functions that return a field of their object (src/libvirt-*.c
# reads it, no driver is called): they never reach a daemon, so a fast
# path calls them without the SIGPIPE guard.
my %LOCAL_ACCESSOR = map { $_ => 1 } qw(
    virDomainGetName virDomainGetUUID virDomainGetUUIDString
    virNetworkGetName virNetworkGetUUID virNetworkGetUUIDString
    virNetworkPortGetUUID virNetworkPortGetUUIDString
    virStoragePoolGetName virStoragePoolGetUUID virStoragePoolGetUUIDString
    virStorageVolGetName virStorageVolGetKey
    virInterfaceGetName virInterfaceGetMACString virNodeDeviceGetName
    virSecretGetUUID virSecretGetUUIDString virSecretGetUsageType virSecretGetUsageID
    virNWFilterGetName virNWFilterGetUUID virNWFilterGetUUIDString
    virNWFilterBindingGetPortDev virNWFilterBindingGetFilterName
    virDomainSnapshotGetName virDomainCheckpointGetName
);
# What a class's DESTROY calls first at global destruction, when objects
# go in any order: a connection undoes the event registrations made on it
# while it is whole (src/connect_events.rs, svr_conn_release_events).
my %AT_GLOBAL_DESTRUCTION = (Connect => 'svr_conn_release_events');
my (%class, %class_by_ptr);
for my $i (0 .. $#CLASSES) {
    my %h; @h{qw(perl short ctype argname what)} = @{ $CLASSES[$i] };
    $h{id} = $i;
    $h{rust} = "handles::$h{ctype}";
    $h{cptr} = "vir$h{short}Ptr";
    $class{$h{short}} = \%h;
    $class_by_ptr{$h{cptr}} = \%h;
}

# The C declarations of the handle types (build.rs puts them at the top of
# the header cbindgen makes, which cannot see types a macro defines; a
# boxed handle is a type of its own, which it sees).
if ($opt{'handles-h'}) {
    print "typedef struct $_->[2] $_->[2];\n" for grep { !$BOXED{ $_->[1] } } @CLASSES;
    exit 0;
}

# The Rust handle types: one object_classes! invocation (src/api/handles.rs).
if ($opt{'handles-rs'}) {
    my $text = "// Generated by tools/gen-api.pl from its class table: do not edit.\n\nobject_classes! {\n";
    for my $c (map { $class{ $_->[1] } } @CLASSES) {
        my $s = $c->{short};
        my $release = $RELEASE{$s} // "sys::vir${s}Free";
        my $retain = "sys::vir${s}Ref";
        my $how = $BOXED{$s} ? "boxed($BOXED{$s})"
                : $STAMPED{$s} ? "stamped($release, $retain)"
                : "pointer($release, $retain, " . ($CONNECTION{$s} // "sys::vir${s}GetConnect") . ")";
        $text .= "    /// `$c->{perl}`\n    $c->{ctype} = $c->{id}, $c->{cptr}, \"$c->{what}\", $how;\n";
    }
    write_file($opt{'handles-rs'}, "$text}\n");
    # (alone, it needs neither the table nor libvirt's API description)
    exit 0 unless grep { $opt{$_} } qw(rust xs h list pod-skeleton);
}

# ------------------------------------------------------------ table ------
my @rows;
{
    open my $fh, '<', $opt{table} or die "$opt{table}: $!\n";
    while (my $line = <$fh>) {
        chomp $line;
        next if $line =~ /^\s*(#|$)/;
        my @f = split /\s+/, $line;
        die "$opt{table}:$.: want 5 columns (class method call args returns), got " . @f . "\n" unless @f == 5;
        my ($cls, $method, $call, $args, $ret) = @f;
        # Class? : a class method (the invocant may be the class name)
        my $static = $cls =~ s/\?$//;
        my $c = $class{$cls} or die "$opt{table}:$.: unknown class '$cls'\n";
        # virXxxFlags/virXxx: the second (the same call without flags) when flags is 0
        my $fallback = $call =~ s{^(vir\w+)/(vir\w+)$}{$1} ? $2 : undef;
        push @rows, { class => $c, static => $static, method => $method, call => $call, fallback => $fallback,
                      args => parse_args($args, $.), ret => $ret, line => $. };
    }
}

sub parse_args {
    my ($spec, $line) = @_;
    return [] if $spec eq '-';
    my @args;
    for my $a (split /,/, $spec) {
        if ($a eq 'flags') { push @args, { type => 'flags', name => 'flags', default => '0' }; next }
        my ($type, $name, $default) = $a =~ /^([\w\[\]?]+):(\w+)(?:=(.*))?$/
            or die "$opt{table}:$line: bad argument '$a' (want type:name[=default])\n";
        my $opt = $type =~ s/\?$//;
        my $list = $type =~ s/\[\]$//;
        ($type, $list) = ('ll', 1) if $type eq 'intlist';    # the older name of ll[]
        die "$opt{table}:$line: '$a': lists are of int, uint, ll, ull or a class\n"
            if $list && !($type =~ /^(int|uint|ll|ull)$/ || $class{$type});
        die "$opt{table}:$line: '$a': an optional argument has no default\n" if $opt && defined $default;
        push @args, { type => $type, name => $name, default => $default, optional => $opt, list => $list };
    }
    return \@args;
}

if ($opt{list}) {
    # package, method, call, arguments (type:name[?]), and `object` or
    # `class` (a class method: the invocant may be the class name), one row a line
    for my $r (@rows) {
        my $args = join(',', map { "$_->{type}" . ($_->{list} ? '[]' : '') . ":$_->{name}"
                                   . ((defined $_->{default} || $_->{optional}) ? '?' : '') }
                             @{ $r->{args} }) || '-';
        my $call = $r->{call} . ($r->{fallback} ? "/$r->{fallback}" : '');
        print join("\t", $r->{class}{perl}, $r->{method}, $call, $args, $r->{static} ? 'class' : 'object'), "\n";
    }
    exit 0;
}

# ------------------------------------------------------------ XML --------
my (%func, %struct);
{
    open my $fh, '<', $opt{api} or die "$opt{api}: $!\n";
    local $/;
    my $xml = <$fh>;
    while ($xml =~ m{<function name='(\w+)'[^>]*?(?<!/)>(.*?)</function>}sg) {
        my ($name, $body) = ($1, $2);
        my ($ret) = $body =~ m{<return type='([^']*)'};
        my ($info) = $body =~ m{<info><!\[CDATA\[(.*?)\]\]></info>}s;
        my @args;
        while ($body =~ m{<arg name='(\w+)' type='([^']*)'}g) { push @args, [$1, $2] }
        $func{$name} = { ret => $ret // 'void', args => \@args, info => $info // '' };
    }
    while ($xml =~ m{<struct name='(\w+)'[^>]*?(?<!/)>(.*?)</struct>}sg) {
        my ($name, $body) = ($1, $2);
        my @fields;
        while ($body =~ m{<field name='(\w+)' type='([^']*)'}g) { push @fields, [$1, $2] }
        $struct{$name} = \@fields;
    }
}

# The release that introduced each libvirt function (data/libvirt-since.tsv):
# a row whose function the installed libvirt lacks becomes a method that
# dies saying which release it needs.
my %since;
{
    open my $fh, '<', $opt{since} or die "$opt{since}: $!\n";
    while (<$fh>) {
        next if /^#/;
        chomp;
        my ($name, $kind, $v) = split /\t/;
        $since{$name} = $v if $kind eq 'function';
    }
}

# The libvirt function a row needs (a regular call's, or the one named in
# rust:NAME\@virXxx), and whether the installed libvirt has it.
sub needed_function {
    my ($r) = @_;
    return $r->{call} if $r->{call} =~ /^vir\w+$/;
    return $1 if $r->{call} =~ /^rust:[\w:]+\@(vir\w+)$/;
    return undef;
}

if (my $pkg = $opt{'pod-skeleton'}) {
    for my $r (grep { $_->{class}{perl} eq $pkg } @rows) {
        my @a = map { (defined $_->{default} || $_->{optional}) ? "\$$_->{name}=" . ($_->{default} // 'undef') : "\$$_->{name}" } @{ $r->{args} };
        my $var = '$' . $r->{class}{argname};
        my $ret = $r->{ret};
        my $lhs = $ret eq 'none' ? '' : $ret =~ /^list:/ ? 'my @list = ' : 'my $result = ';
        print "=item ${lhs}${var}->$r->{method}(" . join(', ', @a) . ")\n\n";
        my ($fn) = $r->{call} =~ /(vir\w+)/;
        my $info = $fn && $func{$fn} ? $func{$fn}{info} : '';
        $info =~ s/\s+/ /g;
        $info =~ s/^\s+//;
        ($info) = $info =~ /^(.*?(?:\.(?=\s|$)|$))/ if $info;
        $info .= '.' if $info && $info !~ /\.$/;
        $info ||= 'TODO: describe.';
        $info =~ s/\@(\w+)/C<\$$1>/g;
        print "$info";
        my %shape = (none => '', int => ' Returns an integer.', bool => ' Returns true or false.',
                     string => ' Returns a string.', uuid => ' Returns the 16 raw bytes.',
                     uuidstr => ' Returns the printable UUID.', nonzero => ' Returns a number.');
        if (exists $shape{$ret}) { print $shape{$ret} }
        elsif ($ret =~ /^out:/) { print ' Returns a number.' }
        elsif ($ret =~ /^list:(\w+)/) { print " Returns a list of L<$class{$1}{perl}> objects." }
        elsif ($ret =~ /^struct:(\w+)/) {
            print " Returns a hash reference with the keys " . join(', ', map { "C<$_->[0]>" } @{ $struct{$1} || [] }) . ".";
        }
        elsif ($class{$ret}) { print " Returns a L<$class{$ret}{perl}> object." }
        print " Calls C<$fn>." if $fn;
        print "\n\n";
    }
    exit 0;
}

# Methods written by hand in xs/*.xs: a row must not define them again.
my %handwritten;
if ($opt{handwritten}) {
    for my $file (glob "$opt{handwritten}/*.xs") {
        open my $fh, '<', $file or die "$file: $!\n";
        my ($pkg, $prev) = ('', '');
        while (my $l = <$fh>) {
            $pkg = $1 if $l =~ /^MODULE\s*=\s*\S+\s+PACKAGE\s*=\s*(\S+)/;
            if ($l =~ /^(\w+)\s*\(/) {
                my $name = $1;
                $handwritten{"$pkg\::$name"} = 1 if $prev =~ /^\w[\w\s\*]*$/;
            }
            $prev = $l;
        }
    }
}

# ------------------------------------------------------------ types ------
# Perl argument types: Rust parameter(s) of the export, C parameter(s) of
# the prototype, and how the XSUB reads the Perl value.
sub arg_sig {
    my ($a) = @_;
    my ($t, $n) = ($a->{type}, "a_$a->{name}");
    if ($a->{list}) {
        return ([ "$n: *const *const $class{$t}{rust}", "${n}_len: usize" ], [ "const void *const *$n", "size_t ${n}_len" ]) if $class{$t};
        return ([ "$n: *const i64", "${n}_len: usize" ], [ "const long long *$n", "size_t ${n}_len" ]) if $t =~ /^(int|ll)$/;
        return ([ "$n: *const u64", "${n}_len: usize" ], [ "const unsigned long long *$n", "size_t ${n}_len" ]);
    }
    if ($a->{optional} && is_number_type($t)) {
        # An optional number (rust: rows only): a pointer, NULL for undef.
        my ($rp, $cp) = arg_sig({ %$a, optional => 0 });
        $rp->[0] =~ s/: /: *const /;
        $cp->[0] =~ s/^(.*?) (\w+)$/const $1 *$2/;
        return ($rp, $cp);
    }
    return ([ "$n: std::os::raw::c_int" ], [ "int $n" ]) if $t eq 'int';
    return ([ "$n: std::os::raw::c_uint" ], [ "unsigned int $n" ]) if $t eq 'uint' || $t eq 'flags';
    return ([ "$n: std::os::raw::c_long" ], [ "long $n" ]) if $t eq 'long';
    return ([ "$n: std::os::raw::c_ulong" ], [ "unsigned long $n" ]) if $t eq 'ulong';
    return ([ "$n: i64" ], [ "long long $n" ]) if $t eq 'll';
    return ([ "$n: u64" ], [ "unsigned long long $n" ]) if $t eq 'ull';
    return ([ "$n: f64" ], [ "double $n" ]) if $t eq 'double';
    return ([ "$n: *const std::os::raw::c_char" ], [ "const char *$n" ]) if $t eq 'str';
    return ([ "$n: *const u8", "${n}_len: usize" ], [ "const unsigned char *$n", "size_t ${n}_len" ]) if $t eq 'bytes' || $t eq 'uuid';
    return ([ "$n: *const *const std::os::raw::c_char", "${n}_len: usize" ], [ "const char **$n", "size_t ${n}_len" ]) if $t eq 'strlist';
    return ([ "$n: *const SvrPair", "${n}_len: usize" ], [ "const SvrPair *$n", "size_t ${n}_len" ]) if $t eq 'hash';
    if (my $c = $class{$t}) { return ([ "$n: *const $c->{rust}" ], [ "const $c->{ctype} *$n" ]) }
    die "unknown argument type '$t'\n";
}

# Rust expression: the owned value of a converted argument (rust: bodies)
sub arg_owned {
    my ($a, $fq) = @_;
    my ($t, $n) = ($a->{type}, "a_$a->{name}");
    if ($a->{list}) {
        return "arg_obj_list($n, ${n}_len)?" if $class{$t};
        return $t =~ /^(int|ll)$/ ? "arg_i64_list($n, ${n}_len)" : "arg_u64_list($n, ${n}_len)";
    }
    return $a->{optional} ? "arg_opt_str($n)" : "arg_str($n, \"'$a->{name}'\")?" if $t eq 'str';
    return "arg_bytes($n, ${n}_len)" if $t eq 'bytes';
    return "arg_uuid(arg_bytes($n, ${n}_len), \"$fq\")?" if $t eq 'uuid';
    return "arg_str_list($n, ${n}_len)" if $t eq 'strlist';
    return $a->{optional} ? "arg_opt_pairs($n, ${n}_len)" : "arg_pairs($n, ${n}_len)" if $t eq 'hash';
    if ($class{$t}) { return $a->{optional} ? "(if $n.is_null() { None } else { Some(this($n)?) })" : "this($n)?" }
    return "arg_opt_num($n)" if $a->{optional};
    return $n;
}

# A C field name as bindgen names it (Rust keywords get a trailing _).
sub rust_field { my ($f) = @_; $f =~ /^(type|ref|match|box|in|fn|mod|use|loop|move)$/ ? "${f}_" : $f }

sub is_number_type { $_[0] =~ /^(int|uint|flags|long|ulong|ll|ull|double)$/ }

# ------------------------------------------------------------ generate ---
my (@rust, @xs, @h);
my %xs_by_pkg;
my %seen;
for my $r (@rows) {
    my $c = $r->{class};
    my $pkg = $c->{perl};
    my $fq = "${pkg}::$r->{method}";
    die "$opt{table}:$r->{line}: $fq appears twice\n" if $seen{$fq}++;
    next if $r->{call} =~ /^=/;      # bound by hand-written code; listed for coverage
    die "$opt{table}:$r->{line}: $fq is also written by hand in xs/ (make the row '=...')\n"
        if $handwritten{$fq};
    my $fn = lc("svr_api_$c->{short}_$r->{method}");
    $fn =~ s/__+/_/g;
    my (@rparams, @cparams);
    push @rparams, "this_: *const $c->{rust}";
    push @cparams, "const $c->{ctype} *this_";
    for my $a (@{ $r->{args} }) {
        my ($rp, $cp) = arg_sig($a);
        push @rparams, @$rp;
        push @cparams, @$cp;
    }
    if (my ($rust, $proto, $fast) = fast_export($r, $fn, $fq, \@rparams, \@cparams)) {
        push @h, $proto;
        push @rust, $rust;
        push @{ $xs_by_pkg{$pkg} }, xs_body($r, $fn, $fq, $fast);
        if (async_row($r)) {
            # The non-blocking form runs the row's Value body, which the
            # fast path skips: generated too, not exported.
            (my $body = rust_body($r, "${fn}_value", $fq, \@rparams)) =~ s/^#\[no_mangle\]\n#\[allow\(/#[allow(unused_variables, /;
            push @rust, $body;
            async_row_output($r, $fn, $fq, "${fn}_value", \@rparams, \@cparams);
        }
        next;
    }
    push @h, "SvrValue *$fn(" . join(', ', @cparams) . ");";
    push @rust, rust_body($r, $fn, $fq, \@rparams);
    push @{ $xs_by_pkg{$pkg} }, xs_body($r, $fn, $fq);
    async_row_output($r, $fn, $fq, $fn, \@rparams, \@cparams) if async_row($r);
}

# ------------------------------------------------------------ non-blocking ---
# Every row but the stream ones gets NAME_f (a Future) and NAME_p (a
# Mojo::Promise): one XSUB with an ALIAS, and an export `<fn>_start` that
# copies its arguments into owned values (src/api/pending.rs), takes a
# libvirt reference on every object, and runs the row's Value body on a
# worker thread; the result is settled on the event loop's thread.
sub async_row {
    my ($r) = @_;
    return 0 if $r->{class}{short} eq 'Stream';
    return 0 if grep { $_->{type} eq 'Stream' } @{ $r->{args} };
    return 1;
}

sub async_row_output {
    my ($r, $fn, $fq, $valuefn, $rparams, $cparams) = @_;
    my $c = $r->{class};
    my (@prep, @pass);
    # (the invocant and single objects: held by the glue, svr_async_hold)
    push @prep, "let this_ = pending::Obj::<$c->{rust}>::held(this_)?;";
    push @pass, "this_.ptr()";
    for my $a (@{ $r->{args} }) {
        my ($t, $n) = ($a->{type}, "a_$a->{name}");
        if ($a->{list}) {
            if (my $oc = $class{$t}) { push @prep, "let $n = pending::ObjList::<$oc->{rust}>::new($n, ${n}_len)?;" }
            else { push @prep, "let $n = pending::Copied::new($n, ${n}_len);" }
            push @pass, "$n.ptr()", "$n.len()";
        } elsif ($a->{optional} && is_number_type($t)) {
            push @prep, "let $n = pending::OptNum::new($n);";
            push @pass, "$n.ptr()";
        } elsif (is_number_type($t)) {
            push @pass, $n;
        } elsif ($t eq 'str') {
            push @prep, "let $n = pending::Str::new($n);";
            push @pass, "$n.ptr()";
        } elsif ($t eq 'bytes' || $t eq 'uuid') {
            push @prep, "let $n = pending::Copied::new($n, ${n}_len);";
            push @pass, "$n.ptr()", "$n.len()";
        } elsif ($t eq 'strlist') {
            push @prep, "let $n = pending::StrList::new($n, ${n}_len);";
            push @pass, "$n.ptr()", "$n.len()";
        } elsif ($t eq 'hash') {
            push @prep, "let $n = pending::Pairs::new($n, ${n}_len);";
            push @pass, "$n.ptr()", "$n.len()";
        } elsif (my $oc = $class{$t}) {
            push @prep, "let $n = pending::Obj::<$oc->{rust}>::held($n)?;";
            push @pass, "$n.ptr()";
        } else {
            die "$opt{table}:$r->{line}: no non-blocking form for argument type '$t'\n";
        }
    }
    my $start = "${fn}_start";
    push @rust, "#[no_mangle]\n#[allow(non_snake_case, clippy::redundant_closure)]\n"
        . "pub extern \"C\" fn $start(" . join(', ', @$rparams, 'ctx_: *mut c_void') . ") -> c_int {\n"
        . "    let conn_ = pending::ConnOf::of(this_);\n"
        . "    pending::start(\"${fq}_f\", ctx_, conn_, || {\n"
        . join('', map { "        $_\n" } @prep)
        . "        Ok(Box::new(move || $valuefn(" . join(', ', @pass) . ")))\n"
        . "    })\n}\n";
    push @h, "int $start(" . join(', ', @$cparams, 'void *ctx_') . ");";
    push @{ $xs_by_pkg{ $c->{perl} } }, xs_body($r, $start, $fq, undef, 1);
}

sub rust_body {
    my ($r, $fn, $fq, $rparams) = @_;
    my $c = $r->{class};
    my $out = "#[no_mangle]\n#[allow(unused_unsafe, unused_parens, non_snake_case, clippy::unnecessary_cast)]\n"
            . "pub extern \"C\" fn $fn(" . join(', ', @$rparams) . ") -> *mut SvrValue {\n"
            . "    run(\"$fq\", || {\n"
            . ($r->{static} ? "        // SAFETY: NULL (a class method's class) or a live handle.\n"
                            . "        let this_ = unsafe { this_.as_ref() };\n"
                            : "        let this_ = this(this_)?;\n");
    my $needed = needed_function($r);
    if ($needed && !$func{$needed} && $r->{fallback} && $func{ $r->{fallback} }) {
        # virXxxFlags/virXxx where libvirt lacks virXxxFlags: the older call
        # without flags, and flags die naming the release that brings them.
        $r = { %$r, call => $r->{fallback}, fallback => undef, flags_need => $needed };
        $needed = $r->{call};
    }
    my $call = $r->{call};
    if ($needed && !$func{$needed}) {
        # The installed libvirt lacks the function: the method exists, checks
        # its arguments as always, and dies naming the release it needs.
        $since{$needed}
            or die "$opt{table}:$r->{line}: $needed is neither in $opt{api} nor in $opt{since}\n";
        $out =~ s/#\[allow\(/#[allow(unused_variables, /;
        $out .= "        let _ = this_;\n        lacking(\"$fq\", \"$needed\")\n";
    } elsif ($call =~ /^rust:(\w+(?:::\w+)*)(?:\@vir\w+)?$/) {
        my @a = map { arg_owned($_, $fq) } @{ $r->{args} };
        $out .= "        overrides::$1(" . join(', ', 'this_', @a) . ")\n";
    } elsif ($call =~ /^unsupported:(\w+)$/) {
        $out .= "        let _ = this_;\n";
        $out .= "        let _ = a_$_->{name};\n" for grep { is_number_type($_->{type}) } @{ $r->{args} };
        $out .= "        unsupported(\"$1\")\n";
    } elsif ($call =~ /^vir\w+$/) {
        $out .= regular_call($r, $fq);
    } else {
        die "$opt{table}:$r->{line}: bad call '$call'\n";
    }
    $out .= "    })\n}\n";
    return $out;
}

sub rust_num_type {
    my ($ctype) = @_;
    my %m = ('int' => 'std::os::raw::c_int', 'unsigned int' => 'std::os::raw::c_uint',
             'long' => 'std::os::raw::c_long', 'unsigned long' => 'std::os::raw::c_ulong',
             'long long' => 'std::os::raw::c_longlong', 'unsigned long long' => 'std::os::raw::c_ulonglong',
             'double' => 'f64', 'size_t' => 'usize');
    return $m{$ctype};
}

# The C call of a regular row: what converts the arguments (`pre`, with
# `conv` set if any conversion can fail or allocate), the call expression
# (`this_.raw()` first; `arr` and `buf` stand for the out-arguments of
# list:, uuid and uuidstr), and what out_ is for out: and struct:.
sub c_call {
    my ($r, $fq) = @_;
    my $f = $func{ $r->{call} } or die "$opt{table}:$r->{line}: $r->{call} is not in $opt{api}\n";
    my @cargs = @{ $f->{args} };
    # a class method's call takes the Perl arguments only
    my $first = $r->{static} ? undef : shift @cargs;
    !$first || $class_by_ptr{ $first->[1] } && $class_by_ptr{ $first->[1] } == $r->{class}
        or die "$opt{table}:$r->{line}: $r->{call} takes $first->[1] first, not a $r->{class}{cptr}\n";
    my $this = $r->{static} ? '' : 'this_.raw(), ';
    # (a virXxxFlags/virXxx row on a libvirt without virXxxFlags: the
    # older call, which takes no flags; see rust_body)
    my @perl = grep { !($r->{flags_need} && $_->{type} eq 'flags') } @{ $r->{args} };
    my ($pre, @call, $conv) = ('');
    my $ret = $r->{ret};
    my ($struct_type, $out_ctype);
    my $skip = 0;
    for my $ca (@cargs) {
        my ($cn, $ct) = @$ca;
        if ($skip) { $skip = 0; next }
        if ($ret =~ /^list:(\w+)$/ && $ct =~ /^(\w+)Ptr \*\*$/) {
            push @call, 'arr';
            next;
        }
        if ($ret =~ /^out:/ && $ct =~ /^([\w ]+?) \*$/ && rust_num_type($1)) {
            my $rt = rust_num_type($out_ctype = $1);
            $pre .= "        let mut out_: $rt = 0 as $rt;\n";
            push @call, '&mut out_';
            next;
        }
        # (virDomainInterfaceStatsStruct's pointer type is virDomainInterfaceStatsPtr)
        if ($ret =~ /^struct:((\w+?)(?:Struct)?)$/ && ($ct eq "$1Ptr" || $ct eq "$1 *" || $ct eq "$2Ptr")) {
            $struct_type = $1;
            $pre .= "        let mut out_: virt_sys::$1 = unsafe { std::mem::zeroed() };\n";
            push @call, '&mut out_';
            next;
        }
        if ($ct eq 'size_t' && $struct_type && $cn =~ /size/) {
            push @call, "std::mem::size_of::<virt_sys::$struct_type>()";
            next;
        }
        if ($ret eq 'uuid' && $ct eq 'unsigned char *') { push @call, 'buf'; next }
        if ($ret eq 'uuidstr' && $ct eq 'char *') { push @call, 'buf'; next }
        my $a = shift @perl
            or die "$opt{table}:$r->{line}: $r->{call} has more arguments than the row ('$cn' $ct)\n";
        my ($t, $n) = ($a->{type}, "a_$a->{name}");
        die "$opt{table}:$r->{line}: list argument '$a->{name}' needs a rust: body\n" if $a->{list};
        $conv = 1 unless is_number_type($t);
        if ($t eq 'str') {
            if ($a->{optional}) {
                $pre .= "        let $n = arg_opt_str($n);\n";
                push @call, "opt_ptr(&$n)";
            } else {
                $pre .= "        let $n = arg_str($n, \"'$a->{name}'\")?;\n";
                push @call, "$n.as_ptr()";
            }
        } elsif ($t eq 'bytes') {
            $pre .= "        let $n = arg_bytes($n, ${n}_len);\n";
            # the C length argument follows the buffer
            push @call, "$n.as_ptr() as _", "$n.len() as _";
            $skip = 1;
        } elsif ($t eq 'uuid') {
            # virXxxLookupByUUID, or virXxxLookupByUUIDString for the printable form
            $pre .= "        let $n = arg_uuid(arg_bytes($n, ${n}_len), \"$fq\")?;\n";
            push @call, "UUID:$n";
        } elsif (my $oc = $class{$t}) {
            if ($a->{optional}) {
                $pre .= "        let $n = this_opt($n)?.unwrap_or(std::ptr::null_mut());\n";
                push @call, $n;
            } else {
                $pre .= "        let $n = this($n)?.raw();\n";
                push @call, $n;
            }
        } elsif (is_number_type($t) && $a->{optional}) {
            die "$opt{table}:$r->{line}: optional number '$a->{name}' needs a rust: body\n";
        } elsif (is_number_type($t)) {
            push @call, "$n as _";
        } else {
            die "$opt{table}:$r->{line}: argument type '$t' needs a rust: body\n";
        }
    }
    die "$opt{table}:$r->{line}: the row has more arguments than $r->{call}\n" if @perl;
    my $callexpr = "unsafe { virt_sys::$r->{call}($this" . join(', ', @call) . ") }";
    if (my ($u) = map { /^UUID:(\w+)$/ ? $1 : () } @call) {
        my $string = "$r->{call}String";
        $func{$string} or die "$opt{table}:$r->{line}: a uuid argument needs $string too\n";
        (my $raw = $callexpr) =~ s/UUID:$u/u.as_ptr()/;
        (my $str = $callexpr) =~ s/UUID:$u/s.as_ptr()/;
        $str =~ s/\b$r->{call}\(/$string(/;
        $callexpr = "(match &$u { UuidArg::Raw(u) => $raw, UuidArg::Str(s) => $str })";
    }
    if (my $newer = $r->{flags_need}) {
        $callexpr = "(if a_flags == 0 { $callexpr } else { lacking(\"$fq\", \"$newer\")? })";
    }
    if (my $older = $r->{fallback}) {
        # The same call without its flags, for flags 0 (as the classic
        # binding does: drivers older than the flags variant lack it).
        my $g = $func{$older} or die "$opt{table}:$r->{line}: $older is not in $opt{api}\n";
        my @without = grep { $_ ne 'a_flags as _' } @call;
        die "$opt{table}:$r->{line}: $older must take the arguments of $r->{call} but its flags\n"
            unless @without == @call - 1 && @{ $g->{args} } == @{ $f->{args} } - 1 && $g->{ret} eq $f->{ret};
        $callexpr = "(if a_flags == 0 { unsafe { virt_sys::$older($this" . join(', ', @without)
                  . ") } } else { $callexpr })";
    }
    return { f => $f, pre => $pre, conv => $conv, call => $callexpr, struct_type => $struct_type,
             out_ctype => $out_ctype };
}

# The body of a regular row: its result as a `Value` (Send), as for every
# row that has no fast path (see fast_export), and as a worker thread
# would run it.
sub regular_call {
    my ($r, $fq) = @_;
    my $cc = c_call($r, $fq);
    my ($f, $ret, $callexpr) = ($cc->{f}, $r->{ret}, $cc->{call});
    my $out = $cc->{pre};
    if ($ret eq 'none') {
        $out .= "        check($callexpr)?;\n        Ok(Value::Nothing)\n";
    } elsif ($ret eq 'int' || $ret eq 'bool') {
        $out .= "        Ok(Value::Int(check($callexpr)? as i64))\n";
    } elsif ($ret eq 'string') {
        if ($f->{ret} eq 'char *') {
            $out .= "        unsafe { owned_string($callexpr) }\n";
        } elsif ($f->{ret} eq 'const char *') {
            $out .= "        unsafe { borrowed_string($callexpr) }\n";
        } else {
            die "$opt{table}:$r->{line}: $r->{call} returns $f->{ret}, not a string\n";
        }
    } elsif ($ret =~ /^out:(\w+)$/) {
        $out .= "        check($callexpr)?;\n        Ok(out_.into_value())\n";
    } elsif ($ret =~ /^struct:(\w+)$/) {
        my $fields = $struct{$1} or die "$opt{table}:$r->{line}: struct $1 is not in $opt{api}\n";
        $out .= "        check($callexpr)?;\n        Ok(Value::hash([\n";
        $out .= "            (\"$_->[0]\", out_.${\ rust_field($_->[0])}.into_value()),\n" for @$fields;
        $out .= "        ]))\n";
    } elsif ($ret eq 'uuid') {
        $out .= "        uuid_raw(|buf| $callexpr)\n";
    } elsif ($ret eq 'uuidstr') {
        $out .= "        uuid_string(|buf| $callexpr)\n";
    } elsif ($ret =~ /^list:(\w+)$/) {
        my $oc = $class{$1} or die "$opt{table}:$r->{line}: unknown class $1\n";
        $out .= "        object_list::<$oc->{rust}>(|arr| $callexpr)\n";
    } elsif ($ret =~ /^nonzero$/) {
        # unsigned results where 0 means failure (virDomainGetMaxMemory)
        $out .= "        let v = $callexpr;\n"
              . "        if v == 0 { return Err(crate::error::Failure::last_libvirt()); }\n"
              . "        Ok(v.into_value())\n";
    } elsif ($ret eq 'value') {
        $out .= "        Ok($callexpr.into_value())\n";
    } elsif (my $oc = $class{$ret}) {
        $out .= "        Ok(Value::Object(ObjectOut::adopt::<$oc->{rust}>($callexpr)?))\n";
    } else {
        die "$opt{table}:$r->{line}: unknown return kind '$ret'\n";
    }
    return $out;
}

# ------------------------------------------------------------ fast paths ---
# Regular rows whose result is simple skip the `Value` tree (a malloc'ed
# node per result) when called from Perl: their export returns the raw
# result (an int, a string, a handle) or fills the glue's buffer, and the
# XSUB makes the Perl value (strings and numbers in its pad target). Every
# row of these kinds gets one; --no-fast turns them off (every row then
# goes through its Value body, as a worker thread would run it).
#
#   kind      returns          result of the export (failure: recorded)
#   status    none             int: >= 0, or -1
#   int       int, bool        int: the value (>= 0), or -1
#   borrowed  string           const char * the object owns, or NULL
#   owned     string           char * for the glue to free, or NULL
#   uuid      uuid, uuidstr    int 0/-1; fills the glue's buffer
#   object    a class          the new handle, or NULL
#   list      list:Class       int n/-1; *out_: libvirt's array, each
#                              element now a handle (glue frees the array)
#   struct    struct:virXxx    int 0/-1; fills one SvrValue per field
#             (numeric fields only)
#   scalar    out:int, nonzero int 0/-1; fills one SvrValue
sub numeric_kind {
    my ($ctype) = @_;
    return 'double' if $ctype eq 'double';
    return 'uint' if $ctype =~ /^(unsigned (char|short|int|long|long long)|size_t)$/;
    return 'int' if $ctype =~ /^(signed char|short|int|long|long long)$/;
    return undef;
}

sub fast_export {
    my ($r, $fn, $fq, $rparams, $cparams) = @_;
    return if $opt{'no-fast'};
    return unless $r->{call} =~ /^vir\w+$/ && $func{ $r->{call} } && (!$r->{fallback} || $func{ $r->{fallback} });
    my $ret = $r->{ret};
    my $cc = c_call($r, $fq);
    my ($f, $call) = ($cc->{f}, $cc->{call});
    my $h = $r->{class}{rust};
    my %x = (kind => undef);
    # raw result: its Rust type, failure test, the export's failure value
    my ($rtype, $failed, $fail, $finish, @extra_r, @extra_c) = ('std::os::raw::c_int', 'r_ < 0', '-1', 'r_');
    my ($raw_fail, $raw_type) = ('-1', 'std::os::raw::c_int');
    if ($ret eq 'none') {
        $x{kind} = 'status';
    } elsif ($ret eq 'int' || $ret eq 'bool') {
        $x{kind} = 'int';
    } elsif ($ret eq 'string' && ($f->{ret} eq 'const char *' || $f->{ret} eq 'char *')) {
        $x{kind} = $f->{ret} eq 'char *' ? 'owned' : 'borrowed';
        $rtype = $f->{ret} eq 'char *' ? '*mut std::os::raw::c_char' : '*const std::os::raw::c_char';
        ($failed, $fail) = ('r_.is_null()', $f->{ret} eq 'char *' ? 'std::ptr::null_mut()' : 'std::ptr::null()');
        ($raw_fail, $raw_type) = ($fail, $rtype);
    } elsif ($ret eq 'uuid' || $ret eq 'uuidstr') {
        $x{kind} = $ret;
        my $bt = $ret eq 'uuid' ? 'u8' : 'std::os::raw::c_char';
        push @extra_r, "buf_: *mut $bt";
        push @extra_c, ($ret eq 'uuid' ? 'unsigned char' : 'char') . ' *buf_';
        $call =~ s/(?<![\w.])buf(?!\w)/buf_/g;
    } elsif (my $oc = $class{$ret}) {
        $x{kind} = 'object';
        $x{perl} = $oc->{perl};
        $rtype = '*mut std::ffi::c_void';
        ($failed, $fail, $raw_fail) = ('r_.is_null()', 'std::ptr::null_mut()', 'std::ptr::null_mut()');
        $raw_type = "<$oc->{rust} as Object>::Raw";
        $finish = "unsafe { <$oc->{rust} as Object>::adopt(r_) as *mut std::ffi::c_void }";
    } elsif ($ret =~ /^list:(\w+)$/) {
        my $oc = $class{$1} or die "$opt{table}:$r->{line}: unknown class $1\n";
        $x{kind} = 'list';
        $x{perl} = $oc->{perl};
        push @extra_r, 'out_: *mut *mut *mut std::ffi::c_void';
        push @extra_c, 'void ***out_';
        $call =~ s/(?<![\w.])arr(?!\w)/&mut arr_/g;
        $cc->{pre} .= "        let mut arr_: *mut <$oc->{rust} as Object>::Raw = std::ptr::null_mut();\n";
        $finish = "unsafe { hand_out_objects::<$oc->{rust}>(arr_, r_, out_) }";
    } elsif ($ret =~ /^struct:/) {
        my $fields = $struct{ $cc->{struct_type} } or return;
        my @kinds = map { numeric_kind($_->[1]) } @$fields;
        return if grep { !defined } @kinds;
        $x{kind} = 'struct';
        $x{fields} = [ map { [ $fields->[$_][0], $kinds[$_] ] } 0 .. $#$fields ];
        push @extra_r, 'out_v: *mut SvrValue';
        push @extra_c, 'SvrValue *out_v';
        $finish = "unsafe {\n"
            . join('', map { my ($n, $k) = @{ $x{fields}[$_] };
                             "            *out_v.add($_) = SvrValue::$k(out_.${\ rust_field($n)} as ${\ node_type($k)});\n" } 0 .. $#$fields)
            . "        }\n        0";
    } elsif ($ret =~ /^out:/ || $ret eq 'nonzero') {
        my $ct = $ret eq 'nonzero' ? $f->{ret} : $cc->{out_ctype};
        my $k = numeric_kind($ct // '') or return;
        $x{kind} = 'scalar';
        $x{node} = $k;
        push @extra_r, 'out_v: *mut SvrValue';
        push @extra_c, 'SvrValue *out_v';
        my $v = $ret eq 'nonzero' ? 'r_' : 'out_';
        ($failed, $raw_fail, $raw_type) = ('r_ == 0', '0', rust_num_type($ct)) if $ret eq 'nonzero';
        $finish = "unsafe { *out_v = SvrValue::$k($v as ${\ node_type($k)}) };\n        0";
    } else {
        return;
    }
    my @rp = (@$rparams, @extra_r);
    my $ctype = { 'std::os::raw::c_int' => 'int', '*mut std::os::raw::c_char' => 'char *',
                  '*const std::os::raw::c_char' => 'const char *', '*mut std::ffi::c_void' => 'void *' }->{$rtype};
    my $proto = $ctype . ($ctype =~ /\*$/ ? '' : ' ') . "$fn(" . join(', ', @$cparams, @extra_c) . ");";
    my $out = "#[no_mangle]\n#[allow(unused_unsafe, unused_parens, unused_braces, unused_mut, non_snake_case, clippy::unnecessary_cast)]\n"
            . "pub extern \"C\" fn $fn(" . join(', ', @rp) . ") -> $rtype {\n";
    if (!$cc->{conv}) {
        # Numbers only: one libvirt call, no unwind guard on success.
        $out .= $r->{static} ? "    let _ = this_;\n"
              : "    // SAFETY: NULL or a live handle the glue passes.\n"
              . "    let Some(this_) = (unsafe { mine(this_) }) else { return gone::<$h, _>(\"$fq\", $fail, this_) };\n";
        $out .= $cc->{pre};
        my $how = $LOCAL_ACCESSOR{ $r->{call} } && !$r->{fallback} ? 'local_call' : 'libvirt_call';
        if ($finish eq 'r_' && $raw_fail eq $fail) {
            $out .= "    crate::boundary::$how(\"$fq\", $fail, |r_: $raw_type| $failed, || $call)\n}\n";
        } else {
            $out .= "    let r_ = crate::boundary::$how(\"$fq\", $raw_fail, |r_: $raw_type| $failed, || $call);\n"
                  . "    if $failed {\n        return $fail;\n    }\n"
                  . "    $finish\n}\n";
        }
    } else {
        $out .= "    fast(\"$fq\", $fail, || {\n"
              . ($r->{static} ? "        let _ = this_;\n" : "        let this_ = this(this_)?;\n")
              . $cc->{pre}
              . "        let r_ = $call;\n"
              . "        if $failed {\n            return Err(crate::error::Failure::last_libvirt());\n        }\n"
              . "        Ok({ $finish })\n    })\n}\n";
    }
    $out =~ s/^        /    /mg if !$cc->{conv};
    return ($out, $proto, \%x);
}

# The export a class's DESTROY calls.
sub release_fn { my ($c) = @_; my $n = lc "svr_api_free_$c->{short}"; return $n }

sub node_type { { int => 'i64', uint => 'u64', double => 'f64' }->{ $_[0] } }

sub xs_body {
    my ($r, $fn, $fq, $fast, $async) = @_;
    my $c = $r->{class};
    my @args = @{ $r->{args} };
    # Arguments up to the last one without a default must be passed (a
    # `str?` among them may be undef, but is not left out): only trailing
    # ones are optional, as in the classic binding's XSUBs.
    my $nreq = 0;
    for my $i (0 .. $#args) { $nreq = $i + 1 unless defined $args[$i]{default} || $args[$i]{optional} }
    my @usage = ($r->{static} ? 'class' : $c->{argname}, map {
        my $a = $args[$_];
        ($_ >= $nreq && (defined $a->{default} || $a->{optional})) ? "$a->{name}=" . ($a->{default} // 'undef') : $a->{name}
    } 0 .. $#args);
    # A class method may be called as a function, without any argument.
    my $required = $r->{static} && !$nreq ? 0 : 1 + $nreq;
    # (...): the argument count is checked below, with the method's usage
    my $x = "void\n" . ($async ? "$r->{method}_f(...)\n  ALIAS:\n    $r->{method}_p = 1\n" : "$r->{method}(...)\n");
    $x .= "  PREINIT:\n" . ($async ? "    SV *fut_;\n    void *ctx_;\n" : $fast ? xs_fast_vars($fast) : "    SvrValue *result_;\n");
    $x .= "    SV *this_;\n";
    $x .= "    SV *$_->{name};\n" for @args;
    my @fetch = (($required ? "if (items < $required || " : "if (") . "items > " . (1 + @args) . ")",
                 "    croak_xs_usage(cv, \"" . join(', ', @usage) . "\");");
    push @fetch, $r->{static} ? "this_ = items > 0 ? ST(0) : &PL_sv_undef;" : "this_ = ST(0);";
    for my $i (1 .. @args) {
        push @fetch, "$args[$i-1]{name} = items > $i ? ST($i) : &PL_sv_undef;";
    }
    my (@conv, @objconv, @callargs, @holds);
    for my $a (@args) {
        my ($t, $n) = ($a->{type}, $a->{name});
        my $var = "a_$n";
        my $dflt = $a->{default};
        my $read;
        if ($a->{list}) {
            # undef is an empty list when the type allows it (Class[]?)
            my $guard = $a->{optional} ? "if (!SvOK($n)) { $var = NULL; ${var}_len = 0; } else " : '';
            if (my $oc = $class{$t}) {
                $x .= "    const void *const *$var;\n    size_t ${var}_len;\n";
                push @objconv, "$guard$var = (const void *const *)svr_arg_obj_list(aTHX_ $n, \"$oc->{perl}\", \"$fq\", \"$n\", &${var}_len);";
            } else {
                my %range = (int => 'svr_arg_i64_list(aTHX_ %s, INT_MIN, INT_MAX, &%s)',
                             ll => 'svr_arg_i64_list(aTHX_ %s, LLONG_MIN, LLONG_MAX, &%s)',
                             uint => 'svr_arg_u64_list(aTHX_ %s, UINT_MAX, &%s)',
                             ull => 'svr_arg_u64_list(aTHX_ %s, ULLONG_MAX, &%s)');
                my $ct = $t =~ /^(int|ll)$/ ? 'long long' : 'unsigned long long';
                $x .= "    const $ct *$var;\n    size_t ${var}_len;\n";
                push @conv, $guard . "$var = " . sprintf($range{$t}, "$n, \"$fq\", \"$n\"", "${var}_len") . ";";
            }
            push @callargs, $var, "${var}_len";
            next;
        }
        if ($t eq 'flags') {
            $x .= "    unsigned int $var;\n";
            push @conv, "$var = svr_arg_flags(aTHX_ $n, \"$fq\");";
            push @callargs, $var;
            next;
        }
        my %num = (int => ['int', 'svr_arg_int'], uint => ['unsigned int', 'svr_arg_uint'],
                   long => ['long', '(long)svr_arg_i64'], ulong => ['unsigned long', '(unsigned long)svr_arg_u64'],
                   ll => ['long long', 'svr_arg_i64'], ull => ['unsigned long long', 'svr_arg_u64'],
                   double => ['double', 'svr_arg_double']);
        my $nt = $num{$t};
        if ($nt && $a->{optional}) {
            # undef -> NULL; a number -> a pointer to its value
            $x .= "    $nt->[0] ${var}_v;\n    const $nt->[0] *$var;\n";
            push @conv, "$var = SvOK($n) ? (${var}_v = $nt->[1](aTHX_ $n, \"$fq\", \"$n\"), &${var}_v) : NULL;";
            push @callargs, $var;
        } elsif ($nt) {
            $x .= "    $nt->[0] $var;\n";
            my $rd = "$nt->[1](aTHX_ $n, \"$fq\", \"$n\")";
            push @conv, defined $dflt ? "$var = SvOK($n) ? $rd : ($nt->[0])($dflt);" : "$var = $rd;";
            push @callargs, $var;
        } elsif ($t eq 'str') {
            $x .= "    const char *$var;\n";
            push @conv, $a->{optional} ? "$var = svr_arg_opt_string(aTHX_ $n);"
                                       : "$var = svr_arg_string(aTHX_ $n, \"$fq\", \"$n\");";
            push @callargs, $var;
        } elsif ($t eq 'bytes' || $t eq 'uuid') {
            $x .= "    const unsigned char *$var;\n    STRLEN ${var}_len;\n";
            push @conv, "$var = (const unsigned char *)svr_arg_bytes(aTHX_ $n, \"$fq\", \"$n\", &${var}_len);";
            push @callargs, $var, "${var}_len";
        } elsif ($t eq 'strlist') {
            $x .= "    const char **$var;\n    size_t ${var}_len;\n";
            push @conv, "$var = svr_arg_str_list(aTHX_ $n, \"$fq\", \"$n\", &${var}_len);";
            push @callargs, $var, "${var}_len";
        } elsif ($t eq 'hash') {
            $x .= "    SvrPair *$var;\n    size_t ${var}_len;\n";
            # hash? : undef gives NULL (no hash at all), unlike an empty hash
            push @conv, $a->{optional}
                ? "$var = svr_arg_opt_pairs(aTHX_ $n, \"$fq\", \"$n\", &${var}_len);"
                : "$var = svr_arg_pairs(aTHX_ $n, \"$fq\", \"$n\", &${var}_len);";
            push @callargs, $var, "${var}_len";
        } elsif (my $oc = $class{$t}) {
            $x .= "    $oc->{ctype} *$var;\n";
            push @holds, $n;
            push @objconv, $a->{optional}
                ? "$var = SvOK($n) ? ($oc->{ctype} *)svr_unwrap(aTHX_ $n, \"$oc->{perl}\", \"$fq\", \"$n\") : NULL;"
                : "$var = ($oc->{ctype} *)svr_unwrap(aTHX_ $n, \"$oc->{perl}\", \"$fq\", \"$n\");";
            push @callargs, $var;
        } else {
            die "unknown type $t\n";
        }
    }
    $x .= "    $c->{ctype} *h_;\n";
    $x .= "  PPCODE:\n";
    $x .= "    $_\n" for @fetch;
    # Objects first: svr_unwrap holds a reference to each until the
    # statement ends, so whatever reading a tied or overloaded argument
    # does afterwards, no handle is used after its object went.
    # (a class method: the class name, or no argument, is no object)
    $x .= "    h_ = " . ($r->{static} ? "!SvROK(this_) ? NULL : " : '')
        . "($c->{ctype} *)svr_unwrap(aTHX_ this_, \"$c->{perl}\", \"$fq\", \"$c->{argname}\");\n";
    $x .= "    $_\n" for @objconv;
    $x .= "    $_\n" for @conv;
    if ($async) {
        # (the Future or Mojo::Promise, after every argument was read)
        $x .= "    ctx_ = svr_async_new(aTHX_ ix, &fut_);\n";
        # (the objects the call uses live until it ends: pending::Obj::held)
        $x .= "    svr_async_hold(aTHX_ ctx_, $_);\n" for 'this_', @holds;
        $x .= "    svr_async_started(aTHX_ ctx_, $fn(" . join(', ', 'h_', @callargs, 'ctx_') . "));\n";
        $x .= "    XPUSHs(fut_);\n\n";
        return $x;
    }
    if ($fast) {
        my $result = xs_fast_result($fast, "$fn(" . join(', ', 'h_', @callargs));
        # An XSUB called on an object has room on the stack for one value.
        $result =~ s/\b(m?)XPUSH(i|s|TARG)\b/$1PUSH$2/g unless $r->{static};
        $x .= $result;
        return $x;
    }
    $x .= "    result_ = $fn(" . join(', ', 'h_', @callargs) . ");\n";
    $x .= "    PUTBACK;\n    svr_value_push(aTHX_ result_);\n    SPAGAIN;\n\n";
    return $x;
}

# The XSUB's variables for a fast path (see fast_export).
sub xs_fast_vars {
    my ($x) = @_;
    my $k = $x->{kind};
    return '' if $k eq 'status';
    return "    dXSTARG;\n    int rv_;\n" if $k eq 'int';
    return "    dXSTARG;\n    const char *s_;\n" if $k eq 'borrowed';
    return "    dXSTARG;\n    char *s_;\n" if $k eq 'owned';
    return "    dXSTARG;\n    unsigned char buf_[SVR_UUID_BUFLEN];\n" if $k eq 'uuid';
    return "    dXSTARG;\n    char buf_[SVR_UUID_STRING_BUFLEN];\n" if $k eq 'uuidstr';
    return "    void *o_;\n" if $k eq 'object';
    return "    void **arr_;\n    int n_, i_;\n" if $k eq 'list';
    return "    SvrValue f_[" . scalar(@{ $x->{fields} }) . "];\n    HV *hv_;\n" if $k eq 'struct';
    return "    dXSTARG;\n    SvrValue v_;\n" if $k eq 'scalar';
    die "fast path kind $k\n";
}

# The XSUB's call and result for a fast path; `$call` lacks its closing
# parenthesis (the out-argument, if any, comes last).
sub xs_fast_result {
    my ($x, $call) = @_;
    my $k = $x->{kind};
    my $fail = "        svr_croak_failure(aTHX);\n";
    my %sv = (int => 'newSViv(%s.iv)', uint => 'svr_newSVu64(aTHX_ %s.uv)', double => 'newSVnv(%s.nv)');
    my %set = (int => 'sv_setiv(TARG, (IV)%s.iv)', uint => 'svr_sv_set_u64(aTHX_ TARG, %s.uv)',
               double => 'sv_setnv(TARG, %s.nv)');
    return "    if ($call) < 0)\n$fail\n" if $k eq 'status';
    return "    rv_ = $call);\n    if (rv_ < 0)\n$fail    XPUSHi((IV)rv_);\n\n" if $k eq 'int';
    return "    s_ = $call);\n    if (!s_)\n$fail    sv_setpv(TARG, s_);\n    XPUSHTARG;\n\n" if $k eq 'borrowed';
    return "    s_ = $call);\n    if (!s_)\n$fail    sv_setpv(TARG, s_);\n    svr_string_free(s_);\n    XPUSHTARG;\n\n"
        if $k eq 'owned';
    return "    if ($call, buf_) < 0)\n$fail    sv_setpvn(TARG, (const char *)buf_, SVR_UUID_BUFLEN);\n    XPUSHTARG;\n\n"
        if $k eq 'uuid';
    return "    if ($call, buf_) < 0)\n$fail    sv_setpv(TARG, buf_);\n    XPUSHTARG;\n\n" if $k eq 'uuidstr';
    return "    o_ = $call);\n    if (!o_)\n$fail    XPUSHs(svr_wrap_class(aTHX_ o_, \"$x->{perl}\"));\n\n" if $k eq 'object';
    return "    n_ = $call, &arr_);\n    if (n_ < 0)\n$fail    EXTEND(SP, n_);\n"
         . "    for (i_ = 0; i_ < n_; i_++)\n        PUSHs(svr_wrap_class(aTHX_ arr_[i_], \"$x->{perl}\"));\n"
         . "    svr_array_free(arr_);\n\n" if $k eq 'list';
    if ($k eq 'struct') {
        my $o = "    if ($call, f_) < 0)\n$fail    hv_ = newHV();\n";
        for my $i (0 .. $#{ $x->{fields} }) {
            my ($name, $nk) = @{ $x->{fields}[$i] };
            $o .= "    (void)hv_stores(hv_, \"$name\", " . sprintf($sv{$nk}, "f_[$i]") . ");\n";
        }
        return $o . "    mXPUSHs(newRV_noinc((SV *)hv_));\n\n";
    }
    return "    if ($call, &v_) < 0)\n$fail    " . sprintf($set{ $x->{node} }, 'v_') . ";\n    XPUSHTARG;\n\n"
        if $k eq 'scalar';
    die "fast path kind $k\n";
}

# ------------------------------------------------------------ output -----
sub write_file {
    my ($path, $text) = @_;
    open my $fh, '>', "$path.tmp" or die "$path.tmp: $!\n";
    print $fh $text;
    close $fh or die "$path: $!\n";
    rename "$path.tmp", $path or die "$path: $!\n";
}

if ($opt{rust}) {
    my $text = "// Generated by tools/gen-api.pl from data/api.tsv: do not edit.\n\n";
    $text .= "/// Releases an object handle the glue did not wrap (or a Perl object's, in DESTROY).\n";
    $text .= "///\n/// # Safety\n/// `ptr` must be NULL or a handle of class `class_id`, released once.\n";
    $text .= "pub unsafe fn release_object(class_id: c_int, ptr: *mut c_void) {\n    if ptr.is_null() { return; }\n    match class_id {\n";
    $text .= "        $_->{id} => <$_->{rust} as Object>::release(ptr as *mut $_->{rust}),\n" for map { $class{ $_->[1] } } @CLASSES;
    $text .= "        _ => {}\n    }\n}\n\n";
    $text .= "/// The Perl class of a class id.\n#[no_mangle]\npub extern \"C\" fn svr_class_name(class_id: c_int) -> *const c_char {\n    match class_id {\n";
    $text .= "        $_->{id} => c\"$_->{perl}\".as_ptr(),\n" for map { $class{ $_->[1] } } @CLASSES;
    $text .= "        _ => c\"Sys::Virt::Unknown\".as_ptr(),\n    }\n}\n\n";
    # DESTROY of each class: a pointer handle's release is one libvirt call,
    # which cannot panic (no unwind guard); a boxed one drops Rust state.
    for my $c (map { $class{ $_->[1] } } @CLASSES) {
        my $fn = release_fn($c);
        my $release = "<$c->{rust} as Object>::release(ptr as *mut $c->{rust})";
        $text .= "/// DESTROY of `$c->{perl}`.\n///\n/// # Safety\n/// `ptr` must be NULL or a handle of the class, released once.\n"
               . "#[no_mangle]\npub unsafe extern \"C\" fn $fn(ptr: *mut c_void) {\n"
               . ($BOXED{ $c->{short} }
                  ? "    crate::boundary::guard_io(\"$fn\", (), || { $release; Ok(()) })\n}\n\n"
                  : "    crate::boundary::release_call(|| $release)\n}\n\n");
    }
    # The release of every function the installed libvirt lacks (messages).
    $text .= "/// The libvirt release that introduced a function the installed libvirt lacks.\n"
           . "pub fn libvirt_since(function: &str) -> &'static str {\n    match function {\n";
    $text .= "        \"$_\" => \"$since{$_}\",\n" for grep { !$func{$_} } sort keys %since;
    $text .= "        _ => \"(unknown)\",\n    }\n}\n\n";
    $text .= join("\n", @rust);
    write_file($opt{rust}, $text);
}

if ($opt{h}) {
    my $text = "/* Generated by tools/gen-api.pl from data/api.tsv: do not edit. */\n"
             . "#ifndef SVR_API_GEN_H\n#define SVR_API_GEN_H\n#include \"sys_virt.h\"\n\n"
             . "const char *svr_class_name(int class_id);\n"
             . join('', map { "void " . release_fn($class{ $_->[1] }) . "(void *ptr);\n" } @CLASSES)
             . join("\n", @h) . "\n\n#endif\n";
    write_file($opt{h}, $text);
}

if ($opt{xs}) {
    my $text = "# Generated by tools/gen-api.pl from data/api.tsv: do not edit.\n\n";
    # DESTROY for every class whose DESTROY is not written by hand in xs/.
    my %own = map { $_->{perl} => $_ } grep { !$handwritten{"$_->{perl}::DESTROY"} } values %class;
    for my $pkg (sort(keys %{ { %xs_by_pkg, %own } })) {
        $text .= "MODULE = Sys::Virt  PACKAGE = $pkg\n\nPROTOTYPES: DISABLE\n\n";
        if (my $oc = $own{$pkg}) {
            $text .= "void\nDESTROY(obj)\n    SV *obj\n  PREINIT:\n    void *h;\n  CODE:\n    h = svr_take_handle(aTHX_ obj);\n";
            # At global destruction Perl frees every object, those that
            # calls in flight hold (svr_async_hold) too: their handles stay,
            # the process is ending.
            $text .= "    if (h && PL_phase == PERL_PHASE_DESTRUCT && svr_async_running())\n        XSRETURN_EMPTY;\n";
            if (my $hook = $AT_GLOBAL_DESTRUCTION{ $oc->{short} }) {
                $text .= "    if (h && PL_phase == PERL_PHASE_DESTRUCT)\n        $hook(h);\n";
            }
            $text .= "    " . release_fn($oc) . "(h);\n\n";
        }
        $text .= join('', @{ $xs_by_pkg{$pkg} || [] });
    }
    write_file($opt{xs}, $text);
}
