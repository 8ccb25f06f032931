package Test::ForkChild;
# Runs code in a forked child that reports a string back on a pipe, then
# ends as asked: 'exit' (Perl's normal end: everything the child inherited
# is destroyed), 'die' or '_exit' (nothing is).
use strict;
use warnings;
use POSIX ();
use Exporter 'import';
our @EXPORT = qw(in_child);

sub in_child {
    my ($code, $end) = @_;
    $end //= 'exit';
    pipe(my $r, my $w) or die "pipe: $!";
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        close $r;
        my $out = eval { $code->() };
        $out = "died: $@" unless defined $out;
        print {$w} $out;
        close $w;
        POSIX::_exit(0) if $end eq '_exit';
        if ($end eq 'die') {
            open STDERR, '>', '/dev/null';
            $! = 0;    # (die's exit status is errno when set)
            die "the child dies\n";
        }
        exit 0;
    }
    close $w;
    my $out = do { local $/; <$r> };
    waitpid $pid, 0;
    return wantarray ? ($out, $? >> 8) : $out;
}

1;
