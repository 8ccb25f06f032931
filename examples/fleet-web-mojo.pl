#!/usr/bin/perl
# A Mojolicious::Lite page with the state of every domain of every host,
# all hosts asked at once with the non-blocking forms (NAME_p: Mojo
# promises) while the server keeps serving: a slow or dead host delays
# nothing but its own part of the page.
#
#   SYS_VIRT_URIS='qemu+ssh://h1/system qemu+ssh://h2/system' \
#       perl examples/fleet-web-mojo.pl daemon -l http://127.0.0.1:3000
#   perl examples/fleet-web-mojo.pl get /fleet.json     (one request, no server)
#
# The default is two test:///default hosts. GET / is the page, GET
# /fleet.json the same as JSON.
use strict;
use warnings;
use Mojolicious::Lite -signatures;
use Mojo::Promise;
use Sys::Virt;
use Sys::Virt::EventImpl::Mojo;

Sys::Virt::EventImpl::Mojo->register;    # results are delivered on Mojo's loop
my @uris = split ' ', ($ENV{SYS_VIRT_URIS} // 'test:///default test:///default');

# One connection per host, opened when first asked for, opened again after
# a failure.
my %conn;
sub connection_p ($uri) {
    return Mojo::Promise->resolve($conn{$uri}) if $conn{$uri} && $conn{$uri}->is_alive;
    return Sys::Virt->new_p(uri => $uri, readonly => 1)->then(sub ($c) { $conn{$uri} = $c });
}

sub host_p ($uri) {
    my $conn;
    return connection_p($uri)->then(sub ($c) {
        $conn = $c;
        return $c->list_all_domains_p;
    })->then(sub (@doms) {
        return Mojo::Promise->all(map {
            my $dom = $_;
            $dom->get_info_p->then(sub ($info) { { name => $dom->get_name, %$info } });
        } @doms);
    })->then(sub (@rows) {
        return { uri => $uri, domains => [ sort { $a->{name} cmp $b->{name} } map { $_->[0] } @rows ] };
    })->catch(sub ($err) {
        delete $conn{$uri};
        return { uri => $uri, error => ref $err && $err->can('message') ? $err->message : "$err" };
    });
}

sub fleet_p { Mojo::Promise->all(map { host_p($_) } @uris)->then(sub (@hosts) { [ map { $_->[0] } @hosts ] }) }

get '/fleet.json' => sub ($c) {
    $c->render_later;
    fleet_p()->then(sub ($hosts) { $c->render(json => { hosts => $hosts }) });
};

get '/' => sub ($c) {
    $c->render_later;
    fleet_p()->then(sub ($hosts) { $c->render(template => 'index', hosts => $hosts) });
};

app->start;

__DATA__

@@ index.html.ep
<!DOCTYPE html>
<html><head><title>Fleet</title></head><body>
<h1>Fleet</h1>
% for my $h (@$hosts) {
<h2><%= $h->{uri} %></h2>
%   if ($h->{error}) {
<p>failed: <%= $h->{error} %></p>
%   } else {
<table><tr><th>domain</th><th>state</th><th>vCPUs</th><th>memory (KiB)</th></tr>
%     for my $d (@{ $h->{domains} }) {
<tr><td><%= $d->{name} %></td><td><%= $d->{state} %></td><td><%= $d->{nrVirtCpu} %></td><td><%= $d->{memory} %></td></tr>
%     }
</table>
%   }
% }
</body></html>
