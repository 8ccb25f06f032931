package Test::DefaultLoop;
# Runs libvirt's default event loop until a condition holds.
use strict;
use warnings;
use Time::HiRes ();
use Sys::Virt::Event;
use Exporter 'import';
our @EXPORT = qw(spin);

# Runs the loop until COND is true or SECS (10) have passed; true when COND
# became true. (The test registers the default loop and a timer, so that
# an iteration always ends.)
sub spin {
    my ($cond, $secs) = @_;
    my $end = Time::HiRes::time() + ($secs // 10);
    until ($cond->()) {
        return 0 if Time::HiRes::time() > $end;
        Sys::Virt::Event::run_default();
    }
    return 1;
}

1;
