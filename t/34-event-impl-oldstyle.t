#!/usr/bin/perl
# Upstream's old style: an event loop that subclasses Sys::Virt::Event still
# registers, with a deprecation warning, and drives events.
use strict;
use warnings;
use Test::More;
use lib 't/lib';

use Sys::Virt;
use Sys::Virt::Event;
use Test::SelectLoop;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 60;

{
    package Old::Loop;
    our @ISA = ('Sys::Virt::Event');
    # borrow the select loop's methods, but not its base class
    for my $m (qw(new add_handle update_handle remove_handle add_timeout update_timeout remove_timeout
                  _misbehave run_once run_until)) {
        no strict 'refs';
        *{"Old::Loop::$m"} = \&{"Test::SelectLoop::$m"};
    }
}

my $loop = bless Test::SelectLoop->new, 'Old::Loop';
ok !$loop->isa('Sys::Virt::EventImpl'), 'not an EventImpl';
my @warn;
{
    local $SIG{__WARN__} = sub { push @warn, @_ };
    Sys::Virt::Event::register($loop);
}
is scalar(@warn), 1, 'one warning';
like $warn[0], qr/deprecated.*Sys::Virt::EventImpl/, 'a deprecation warning';

my $conn = Sys::Virt->new(uri => 'test:///default');
my @ev;
my $id = $conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(), sub { push @ev, $_[2] });
my $dom = $conn->get_domain_by_name('test');
$dom->destroy;
$dom->create;
ok $loop->run_until(sub { @ev >= 2 }), 'events through the old-style loop';
is_deeply \@ev, [Sys::Virt::Domain::EVENT_STOPPED(), Sys::Virt::Domain::EVENT_STARTED()], 'stopped, started';
$conn->domain_event_deregister_any($id);

done_testing;
