# Bad input to every table-driven method (data/api.tsv), generated from the
# table itself: the wrong number of arguments, undef or an object of the
# wrong class as the invocant, non-numeric numbers and flags, a list where
# a hash is due and the reverse. Each dies with a clear message naming the
# method and the argument, before libvirt is reached; nothing crashes.
use strict;
use warnings;
use Test::More;
use File::Basename qw(dirname);
use File::Spec;
use Sys::Virt;

my $root = File::Spec->catdir(dirname(__FILE__), File::Spec->updir);
my @rows = map { chomp; [split /\t/] }
    `$^X $root/tools/gen-api.pl --table $root/data/api.tsv --list`;
cmp_ok(scalar @rows, '>', 50, 'the table lists its methods');

my $conn = Sys::Virt->new(uri => 'test:///default');
my %good = (    # a valid object of each class, where test:///default has one
    'Sys::Virt'         => $conn,
    'Sys::Virt::Domain' => $conn->get_domain_by_name('test'),
    'Sys::Virt::Stream' => $conn->new_stream,
);
my $stranger = bless \(my $x = 0), 'Some::Other::Class';

my %class_of = map { $_->[0] => 1 } @rows;
for my $row (@rows) {
    my ($pkg, $method, $call, $spec, $invocant) = @$row;
    next if $call =~ /^=/;    # hand-written; tested with its area
    my $fq = "${pkg}::$method";
    my @args = $spec eq '-' ? () : map { [split /:/] } split /,/, $spec;
    my $code = $pkg->can($method) or do { fail("$fq exists"); next };

    # A class method takes the class name (or undef) where an object is
    # due, and may be called without arguments: only a wrong object dies.
    like(do { eval { $code->(undef, map { 1 } @args) }; $@ },
         qr/^\Q$fq\E: '\w+' is undef, not a \Q$pkg\E object/, "$fq: undef invocant") if $invocant eq 'object';
    like(do { eval { $code->($stranger, map { 1 } @args) }; $@ },
         qr/^\Q$fq\E: '\w+' is not a \Q$pkg\E object/, "$fq: object of another class");
    like(do { eval { $code->() }; $@ }, qr/^Usage: \Q$fq\E\(/, "$fq: no arguments at all") if $invocant eq 'object';
    like(do { eval { $code->($stranger, (1) x (@args + 1)) }; $@ }, qr/^Usage: \Q$fq\E\(/,
         "$fq: one argument too many");

    my $obj = $good{$pkg} or next;
    for my $i (0 .. $#args) {
        my ($type, $name) = @{ $args[$i] };
        $name =~ s/\?$//;
        my @call = map { sample($_->[0], $obj) } @args;
        if ($type =~ /^(int|uint|ll|ull)\[\]$/) {
            $call[$i] = [1, 'not-a-number'];
            like(do { eval { $code->($obj, @call) }; $@ },
                 qr/^\Q$fq\E: '\Q$name\E\[1\]' must be a number, not 'not-a-number'/, "$fq: non-numeric element of $name");
            $call[$i] = { a => 1 };
            like(do { eval { $code->($obj, @call) }; $@ },
                 qr/^\Q$fq\E: '\Q$name\E' must be an ARRAY reference/, "$fq: hash where the list $name is due");
        } elsif ($type =~ /\[\]$/) {
            $call[$i] = [$stranger];
            like(do { eval { $code->($obj, @call) }; $@ },
                 qr/^\Q$fq\E: '\Q$name\E\[0\]' is not a Sys::Virt::\w+ object/, "$fq: element of $name of another class");
        } elsif ($type =~ /^(int|uint|long|ulong|ll|ull|double|flags)$/) {
            $call[$i] = 'not-a-number';
            like(do { eval { $code->($obj, @call) }; $@ },
                 qr/^\Q$fq\E: '\Q$name\E' must be a number, not 'not-a-number'/, "$fq: non-numeric $name");
        } elsif ($type eq 'hash') {
            $call[$i] = [1, 2];
            like(do { eval { $code->($obj, @call) }; $@ },
                 qr/^\Q$fq\E: '\Q$name\E' must be a HASH reference/, "$fq: list where a hash is due");
        } elsif ($type eq 'strlist') {
            $call[$i] = { a => 1 };
            like(do { eval { $code->($obj, @call) }; $@ },
                 qr/^\Q$fq\E: '\Q$name\E' must be an ARRAY reference/, "$fq: hash where a list is due");
        } elsif ($class_of{"Sys::Virt::$type"} || $type eq 'Stream') {
            $call[$i] = $stranger;
            like(do { eval { $code->($obj, @call) }; $@ },
                 qr/^\Q$fq\E: '\Q$name\E' is not a Sys::Virt::\w+ object/, "$fq: $name of another class");
        }
    }
}

# A value of the right kind for each argument type.
sub sample {
    my ($type, $obj) = @_;
    return { } if $type eq 'hash';
    return [ ] if $type eq 'strlist' || $type =~ /\[\]$/;
    return $conn if $type eq 'Connect';
    return $good{"Sys::Virt::$type"} if $good{"Sys::Virt::$type"};
    return 'x' if $type eq 'str' || $type eq 'bytes';
    return 0;
}

done_testing;
