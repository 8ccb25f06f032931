#!/usr/bin/perl
# An interactive serial console on a domain, as `virsh console` does: the
# terminal in raw mode, everything typed goes to the guest, everything the
# guest prints comes to the terminal, Ctrl-] leaves. Runs on the default
# event loop with a non-blocking stream.
#
#   examples/console.pl URI DOMAIN [--force] [--devname NAME]
#
# --force takes the console over from another session (CONSOLE_FORCE).
# Exits 0 after Ctrl-], 0 when the console ends (the guest stops: "end of
# stream"), 1 on an error. Standard input need not be a terminal (then
# nothing is switched to raw mode; at its end the console stays open until
# the guest's side ends).
use strict;
use warnings;
use POSIX ();
use Sys::Virt;
use Sys::Virt::Event;
use Sys::Virt::Stream;

my ($force, $devname) = (0, undef);
my @args;
while (@ARGV) {
    my $a = shift @ARGV;
    if ($a eq '--force') { $force = 1 }
    elsif ($a eq '--devname') { $devname = shift @ARGV }
    else { push @args, $a }
}
die "usage: $0 URI DOMAIN [--force] [--devname NAME]\n" unless @args == 2;
my ($uri, $name) = @args;

my $ESCAPE = "\x1d";    # Ctrl-]

Sys::Virt::Event::register_default();    # before opening the connection
my $conn = Sys::Virt->new(uri => $uri);
my $dom = $conn->get_domain_by_name($name);
my $st = $conn->new_stream(Sys::Virt::Stream::NONBLOCK());
$dom->open_console($st, $devname, $force ? Sys::Virt::Domain::OPEN_CONSOLE_FORCE() : 0);

# The terminal in raw mode (as cfmakeraw), restored however we leave.
my ($saved, $tty);
if (-t STDIN) {
    $tty = fileno STDIN;
    $saved = POSIX::Termios->new;
    $saved->getattr($tty) or die "tcgetattr: $!\n";
    my $raw = POSIX::Termios->new;
    $raw->getattr($tty);
    $raw->setiflag($raw->getiflag & ~(POSIX::IGNBRK() | POSIX::BRKINT() | POSIX::PARMRK()
        | POSIX::ISTRIP() | POSIX::INLCR() | POSIX::IGNCR() | POSIX::ICRNL() | POSIX::IXON()));
    $raw->setoflag($raw->getoflag & ~POSIX::OPOST());
    $raw->setlflag($raw->getlflag & ~(POSIX::ECHO() | POSIX::ECHONL() | POSIX::ICANON()
        | POSIX::ISIG() | POSIX::IEXTEN()));
    $raw->setcflag(($raw->getcflag & ~(POSIX::CSIZE() | POSIX::PARENB())) | POSIX::CS8());
    $raw->setcc(POSIX::VMIN(), 1);
    $raw->setcc(POSIX::VTIME(), 0);
    $raw->setattr($tty, POSIX::TCSANOW()) or die "tcsetattr: $!\n";
}
sub restore_tty { $saved->setattr($tty, POSIX::TCSANOW()) if $saved; undef $saved }
END { restore_tty() }
$SIG{$_} = sub { restore_tty(); exit 1 } for qw(INT TERM HUP);

my $nl = $saved ? "\r\n" : "\n";
print STDERR "Connected to domain '$name'${nl}Escape character is ^] (Ctrl + ])$nl";

my ($out, $quit, $why, $status) = ('', 0, '', 0);
my $stdin_watch;
my $want = Sys::Virt::Stream::EVENT_READABLE() | Sys::Virt::Stream::EVENT_ERROR()
    | Sys::Virt::Stream::EVENT_HANGUP();

sub finish {
    my ($reason, $rc) = @_;
    return if $quit;
    ($quit, $why, $status) = (1, $reason, $rc // 0);
}

# Sends what was typed, as far as the stream takes it now.
sub flush_out {
    while (length $out) {
        my $n = eval { $st->send($out, length $out) };
        if (!defined $n) { finish("error: $@", 1); return }
        last if $n == -2;    # would block: wait for EVENT_WRITABLE
        substr($out, 0, $n) = '';
    }
    $st->update_callback($want | (length $out ? Sys::Virt::Stream::EVENT_WRITABLE() : 0))
        unless $quit;
}

$st->add_callback($want, sub {
    my ($st, $events) = @_;
    while (!$quit) {
        my $buf;
        my $n = eval { $st->recv($buf, 64 * 1024) };
        if (!defined $n) { finish("error: $@", 1); last }
        last if $n == -2;    # nothing more for now
        if ($n == 0) { finish('end of stream'); last }
        syswrite STDOUT, $buf, $n;
    }
    flush_out() if !$quit && $events & Sys::Virt::Stream::EVENT_WRITABLE();
});

$stdin_watch = Sys::Virt::Event::add_handle(fileno(STDIN), Sys::Virt::Event::HANDLE_READABLE(), sub {
    my $n = sysread STDIN, my $buf, 4096;
    if (!$n) {    # end of input: keep showing the guest until its side ends
        Sys::Virt::Event::remove_handle($stdin_watch);
        undef $stdin_watch;
        return;
    }
    my $i = index $buf, $ESCAPE;
    if ($i >= 0) {
        $out .= substr $buf, 0, $i;
        flush_out();
        finish('escape');
        return;
    }
    $out .= $buf;
    flush_out();
});

Sys::Virt::Event::run_default() until $quit;

Sys::Virt::Event::remove_handle($stdin_watch) if defined $stdin_watch;
eval { $st->remove_callback };
if ($why eq 'escape') { eval { $st->finish; 1 } or eval { $st->abort } }
else { eval { $st->abort } }
restore_tty();
print STDERR "${nl}", ($why eq 'escape' ? "Disconnected from domain '$name'" : "Console of '$name': $why"), "\n";
exit $status;
