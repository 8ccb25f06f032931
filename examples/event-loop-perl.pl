#!/usr/bin/perl
# The same monitor as event-monitor.pl, driven by an event loop written in
# Perl on select(): a Sys::Virt::EventImpl subclass.
#
#   perl examples/event-loop-perl.pl [--uri URI] [--timeout SECONDS] [--demo]
use strict;
use warnings;
use Getopt::Long qw(GetOptions);
use Time::HiRes ();
use Sys::Virt;
use Sys::Virt::Event;

package SelectLoop {
    use parent 'Sys::Virt::EventImpl';

    sub new { my $self = shift->SUPER::new(); @$self{qw(h t n free)} = ({}, {}, 0, []); $self }

    sub add_handle {
        my ($self, $fd, $events, $cb, $opaque, $ff) = @_;
        $self->{h}{++$self->{n}} = [$fd, $events, $cb, $opaque, $ff];
        return $self->{n};
    }
    sub update_handle { my ($self, $w, $ev) = @_; $self->{h}{$w}[1] = $ev if $self->{h}{$w} }
    sub remove_handle {
        my ($self, $w) = @_;
        my $h = delete $self->{h}{$w} or return -1;
        push @{$self->{free}}, [$h->[4], $h->[3]];    # freed after this iteration
        return 0;
    }
    sub add_timeout {
        my ($self, $ms, $cb, $opaque, $ff) = @_;
        $self->{t}{++$self->{n}} = [$ms, Time::HiRes::time() + ($ms > 0 ? $ms : 0) / 1000, $cb, $opaque, $ff];
        return $self->{n};
    }
    sub update_timeout {
        my ($self, $t, $ms) = @_;
        my $e = $self->{t}{$t} or return;
        @$e[0, 1] = ($ms, Time::HiRes::time() + ($ms > 0 ? $ms : 0) / 1000);
    }
    sub remove_timeout {
        my ($self, $t) = @_;
        my $e = delete $self->{t}{$t} or return -1;
        push @{$self->{free}}, [$e->[4], $e->[3]];
        return 0;
    }

    sub run_once {
        my ($self, $max) = @_;
        my $now = Time::HiRes::time();
        my $wait = $max;
        for my $e (values %{$self->{t}}) {
            next if $e->[0] < 0;
            my $left = $e->[1] - $now;
            $wait = $left < 0 ? 0 : $left if $left < $wait;
        }
        my ($rin, $win) = ('', '');
        for my $h (values %{$self->{h}}) {
            vec($rin, $h->[0], 1) = 1 if $h->[1] & Sys::Virt::Event::HANDLE_READABLE();
            vec($win, $h->[0], 1) = 1 if $h->[1] & Sys::Virt::Event::HANDLE_WRITABLE();
        }
        my ($r, $w) = ($rin, $win);
        if (select($r, $w, undef, $wait) > 0) {
            for my $watch (keys %{$self->{h}}) {
                my $h = $self->{h}{$watch} or next;
                my $ev = 0;
                $ev |= Sys::Virt::Event::HANDLE_READABLE() if vec($r, $h->[0], 1);
                $ev |= Sys::Virt::Event::HANDLE_WRITABLE() if vec($w, $h->[0], 1);
                $self->_run_handle_callback($watch, $h->[0], $ev & $h->[1], $h->[2], $h->[3]) if $ev & $h->[1];
            }
        }
        $now = Time::HiRes::time();
        for my $timer (keys %{$self->{t}}) {
            my $e = $self->{t}{$timer} or next;
            next if $e->[0] < 0 || $e->[1] > $now;
            $e->[1] = $now + $e->[0] / 1000;
            $self->_run_timeout_callback($timer, $e->[2], $e->[3]);
        }
        $self->_free_callback_opaque(@{shift @{$self->{free}}}) while @{$self->{free}};
    }
}

my %opt = (uri => 'test:///default', timeout => 0);
GetOptions(\%opt, 'uri=s', 'timeout=f', 'demo!')
    or die "usage: $0 [--uri URI] [--timeout SECONDS] [--demo]\n";

my $loop = SelectLoop->new;
Sys::Virt::Event::register($loop);    # before opening the connection
my $conn = Sys::Virt->new(uri => $opt{uri});
print "Watching ", $conn->get_uri, " with a Perl select() loop\n";

$conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(), sub {
    my ($conn, $dom, $event, $detail) = @_;
    printf "domain %s: event %d detail %d\n", $dom->get_name, $event, $detail;
});
$conn->storage_pool_event_register_any(undef, Sys::Virt::StoragePool::EVENT_ID_LIFECYCLE(), sub {
    my ($conn, $pool, $event, $detail) = @_;
    printf "pool %s: event %d detail %d\n", $pool->get_name, $event, $detail;
});
my $closed = 0;
$conn->register_close_callback(sub { print "connection closed (reason $_[1])\n"; $closed = 1 });

if ($opt{demo}) {
    my $dom = $conn->get_domain_by_name('test');
    $dom->destroy; $dom->create;
    my $pool = $conn->get_storage_pool_by_name('default-pool');
    $pool->destroy; $pool->create;
}

my $end = $opt{timeout} > 0 ? Time::HiRes::time() + $opt{timeout} : undef;
local $SIG{INT} = sub { $end = 0 };
$loop->run_once(0.2) until $closed || (defined $end && Time::HiRes::time() >= $end);
