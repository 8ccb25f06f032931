package Test::SelectLoop;
# A small event loop written in Perl on select(), for the tests: a
# Sys::Virt::EventImpl subclass. Hooks to misbehave on demand ($loop->{fail}).
use strict;
use warnings;
use parent 'Sys::Virt::EventImpl';
use Time::HiRes ();

sub new {
    my $class = shift;
    my $self = $class->SUPER::new();
    $self->{handles} = {};
    $self->{timers} = {};
    $self->{next} = 0;
    $self->{log} = [];
    $self->{fail} = {};    # method => 'die' | 'garbage'
    $self->{free} = [];    # frees waiting for the end of the iteration
    return $self;
}

sub _misbehave {
    my ($self, $method) = @_;
    my $f = $self->{fail}{$method} or return;
    die "SelectLoop: $method refused\n" if $f eq 'die';
    return 'not a number' if $f eq 'garbage';
    return $f;
}

sub add_handle {
    my ($self, $fd, $events, $cb, $opaque, $ff) = @_;
    if (my $r = $self->_misbehave('add_handle')) { return $r }
    my $watch = ++$self->{next};
    $self->{handles}{$watch} = { fd => $fd, events => $events, cb => $cb, opaque => $opaque, ff => $ff };
    push @{$self->{log}}, "add_handle $fd $events";
    return $watch;
}

sub update_handle {
    my ($self, $watch, $events) = @_;
    $self->_misbehave('update_handle');
    my $h = $self->{handles}{$watch} or return;
    $h->{events} = $events;
}

sub remove_handle {
    my ($self, $watch) = @_;
    if (my $r = $self->_misbehave('remove_handle')) { return $r }
    my $h = delete $self->{handles}{$watch} or return -1;
    # As many loops do: free at once, from inside the remove hook (the
    # bridge defers libvirt's free function to a clean stack).
    $self->_free_callback_opaque($h->{ff}, $h->{opaque});
    return 0;
}

sub add_timeout {
    my ($self, $ms, $cb, $opaque, $ff) = @_;
    if (my $r = $self->_misbehave('add_timeout')) { return $r }
    my $timer = ++$self->{next};
    $self->{timers}{$timer} = { ms => $ms, cb => $cb, opaque => $opaque, ff => $ff,
                                due => Time::HiRes::time() + ($ms > 0 ? $ms / 1000 : 0) };
    return $timer;
}

sub update_timeout {
    my ($self, $timer, $ms) = @_;
    $self->_misbehave('update_timeout');
    my $t = $self->{timers}{$timer} or return;
    $t->{ms} = $ms;
    $t->{due} = Time::HiRes::time() + ($ms > 0 ? $ms / 1000 : 0);
}

sub remove_timeout {
    my ($self, $timer) = @_;
    if (my $r = $self->_misbehave('remove_timeout')) { return $r }
    my $t = delete $self->{timers}{$timer} or return -1;
    # The other style: free later, from the loop's own code.
    push @{$self->{free}}, [$t->{ff}, $t->{opaque}];
    return 0;
}

# One iteration: wait at most $max seconds (default 1) for a handle or a
# timer, dispatch what is ready. Returns the number of dispatches.
sub run_once {
    my ($self, $max) = @_;
    $max //= 1;
    my $now = Time::HiRes::time();
    my $wait = $max;
    for my $t (values %{$self->{timers}}) {
        next if $t->{ms} < 0;
        my $left = $t->{due} - $now;
        $wait = $left if $left < $wait;
    }
    $wait = 0 if $wait < 0;
    my ($rin, $win) = ('', '');
    for my $h (values %{$self->{handles}}) {
        vec($rin, $h->{fd}, 1) = 1 if $h->{events} & Sys::Virt::Event::HANDLE_READABLE();
        vec($win, $h->{fd}, 1) = 1 if $h->{events} & Sys::Virt::Event::HANDLE_WRITABLE();
    }
    my ($rout, $wout) = ($rin, $win);
    my $n = select($rout, $wout, undef, $wait);
    my $count = 0;
    my @ready;
    if ($n > 0) {
        for my $watch (sort { $a <=> $b } keys %{$self->{handles}}) {
            my $h = $self->{handles}{$watch};
            my $ev = 0;
            $ev |= Sys::Virt::Event::HANDLE_READABLE() if vec($rout, $h->{fd}, 1) && ($h->{events} & Sys::Virt::Event::HANDLE_READABLE());
            $ev |= Sys::Virt::Event::HANDLE_WRITABLE() if vec($wout, $h->{fd}, 1) && ($h->{events} & Sys::Virt::Event::HANDLE_WRITABLE());
            push @ready, [$watch, $h, $ev] if $ev;
        }
    }
    my @err;
    for my $r (@ready) {
        my ($watch, $h, $ev) = @$r;
        # A callback may remove another ready watch: its values are then
        # stale, which the helper ignores.
        eval { $self->_run_handle_callback($watch, $h->{fd}, $ev, $h->{cb}, $h->{opaque}); 1 } or push @err, $@;
        $count++;
    }
    $now = Time::HiRes::time();
    for my $timer (sort { $a <=> $b } keys %{$self->{timers}}) {
        my $t = $self->{timers}{$timer} or next;
        next if $t->{ms} < 0 || $t->{due} > $now;
        $t->{due} = $now + $t->{ms} / 1000;
        eval { $self->_run_timeout_callback($timer, $t->{cb}, $t->{opaque}); 1 } or push @err, $@;
        $count++;
    }
    while (my $f = shift @{$self->{free}}) {
        $self->_free_callback_opaque(@$f);
    }
    die $err[0] if @err;
    return $count;
}

# Runs until $cond->() is true or $timeout seconds pass; returns $cond->().
sub run_until {
    my ($self, $cond, $timeout) = @_;
    my $end = Time::HiRes::time() + ($timeout // 10);
    until ($cond->()) {
        last if Time::HiRes::time() > $end;
        $self->run_once(0.2);
    }
    return $cond->();
}

1;
