package Test::LoopChild;
# A test file that checks an event loop per child process (a process
# registers one loop): run with arguments, the file is the child, which
# prints "RESULT name value" lines; run without, it runs itself once per
# loop and checks those lines.
#
#   use Test::LoopChild qw(child_or_plan run_child);
#   child_or_plan(\&child, 300);     # the child exits here; else plans
#   my ($status, $out, %r) = run_child($loop, @more_args);
use strict;
use warnings;
use Exporter 'import';
use Test::More ();

our @EXPORT_OK = qw(child_or_plan run_child);

# With arguments: runs $child with them and exits. Without: an alarm of
# $secs, and skips everything where Future is missing.
sub child_or_plan {
    my ($child, $secs) = @_;
    $SIG{ALRM} = sub { die "timed out\n" };
    alarm $secs;
    if (@ARGV) {
        $child->(@ARGV);
        exit 0;
    }
    Test::More::plan(skip_all => 'Future is not installed')
        unless eval { require Future; Future->VERSION(0.44); 1 };
}

# Runs this file as a child with @args: (exit status, output, results).
sub run_child {
    my @args = map { "'$_'" } @_;
    my @inc = map { "-I$_" } grep { !ref } @INC;
    my $out = `$^X @inc $0 @args 2>&1`;
    my $status = $?;
    return ($status, $out, $out =~ /^RESULT (\S+) (.*)$/mg);
}

1;
