#!/usr/bin/perl
# A real prefork server: Mojo::Server::Prefork runs a Mojolicious::Lite app
# whose connection to the private daemon was opened before the workers were
# forked. A worker that calls it gets the clear error; workers that open a
# connection of their own serve the domain list; the manager's connection
# works all along and after.
use strict;
use warnings;
use Test::More;
use POSIX ();
use Time::HiRes ();
use IO::Socket::UNIX;
use lib 't/lib';
use Test::LibvirtDaemon;

BEGIN {
    for my $m (qw(Mojolicious::Lite Mojo::Server::Prefork Mojo::UserAgent Mojo::Util)) {
        eval "require $m; 1" or plan skip_all => "$m is not installed";
    }
}
use Sys::Virt;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 180;

my $d = Test::LibvirtDaemon->start_or_skip;
my $uri = 'test+unix:///default?socket=' . $d->socket;

# Opened by the manager, before any worker exists.
my $conn = Sys::Virt->new(uri => $uri);
is join(',', map { $_->get_name } $conn->list_all_domains), 'test', 'the manager lists domains';

my $app = do {
    package PreforkApp;
    use Mojolicious::Lite;
    app->log->level('fatal');
    my $own;
    get '/inherited' => sub {
        my $c = shift;
        my @d = eval { $conn->list_all_domains };
        my $e = $@;
        $c->render(text => "$$ " . (@d ? 'listed ' . join(',', map { $_->get_name } @d)
            : ref $e ? sprintf('error %d %s', $e->code, $e->message) : "error $e"));
    };
    get '/own' => sub {
        my $c = shift;
        $own //= Sys::Virt->new(uri => $uri);
        $c->render(text => "$$ listed " . join(',', map { $_->get_name } $own->list_all_domains));
    };
    app;
};

# On a unix socket (no TCP needed: CI's offline runs have no loopback).
my $path = $d->dir . '/prefork.sock';
my $base = 'http+unix://' . Mojo::Util::url_escape($path);
my $manager = $$;

# The client: a process of its own (forked before the server starts, so
# that it inherits the connection too, and leaves it alone: _exit), which
# asks each page a few times and stops the server.
pipe(my $r, my $w) or die "pipe: $!";
my $client = fork // die "fork: $!";
if (!$client) {
    close $r;
    my @out;
    my $up;
    for (1 .. 200) {
        last if $up = IO::Socket::UNIX->new(Peer => $path);
        Time::HiRes::sleep(0.05);
    }
    if ($up) {
        close $up;
        for my $page (qw(inherited own inherited own inherited own)) {
            # A new agent each time: requests spread over the workers.
            my $tx = Mojo::UserAgent->new(request_timeout => 30)->get("$base/$page");
            push @out, "$page: " . ($tx->result->body // '') if eval { $tx->result; 1 };
            push @out, "$page: no answer: $@" if $@;
        }
    } else {
        push @out, 'the server never listened';
    }
    print {$w} join("\n", @out);
    close $w;
    kill 'TERM', $manager;
    POSIX::_exit(0);
}
close $w;

my $server = Mojo::Server::Prefork->new(app => $app, listen => [$base], workers => 2,
    pid_file => $d->dir . "/prefork.pid");
$server->silent(1);
$server->run;
my @lines = split /\n/, do { local $/; <$r> };
waitpid $client, 0;

is scalar(@lines), 6, 'the client got an answer to each request' or diag explain \@lines;
for my $l (grep { /^inherited/ } @lines) {
    like $l, qr/^inherited: (\d+) error 55 the connection belongs to process $manager, and this is process \1, forked from it.*open one in this process after fork/,
        "a worker calling the manager's connection gets the clear error";
    unlike $l, qr/^inherited: $manager /, '... in a worker, not the manager';
}
for my $l (grep { /^own/ } @lines) {
    like $l, qr/^own: (\d+) listed test$/, 'a worker with its own connection serves the page';
    unlike $l, qr/^own: $manager /, '... in a worker';
}
is join(',', map { $_->get_name } $conn->list_all_domains), 'test', "the manager's connection works after the workers are gone";
ok $conn->is_alive, '... and is alive';

done_testing;
