#!/usr/bin/perl
# A Mojolicious::Lite page that streams libvirt's domain and storage pool
# lifecycle events to the browser with Server-Sent Events.
#
#   perl examples/event-web-mojo.pl daemon -l http://127.0.0.1:3000
#   SYS_VIRT_URI=qemu:///system perl examples/event-web-mojo.pl daemon
#
# Then open http://127.0.0.1:3000/ (the stream itself is /events). With the
# default URI, test:///default, nothing happens by itself: the page's
# buttons destroy and start the test domain (POST /toggle).
use strict;
use warnings;
use Mojolicious::Lite -signatures;
use Mojo::JSON qw(encode_json);
use Sys::Virt;
use Sys::Virt::EventImpl::Mojo;

Sys::Virt::EventImpl::Mojo->register;    # before connecting
my $conn = Sys::Virt->new(uri => $ENV{SYS_VIRT_URI} // 'test:///default');

my %dom_event = map { my $n = $_; $n =~ s/^EVENT_//; (Sys::Virt::Domain->$_() => lc $n) }
    grep { /^EVENT_[A-Z]+$/ && !/^EVENT_ID_/ && Sys::Virt::Domain->can($_) } keys %Sys::Virt::Domain::;
my %pool_event = map { my $n = $_; $n =~ s/^EVENT_//; (Sys::Virt::StoragePool->$_() => lc $n) }
    grep { /^EVENT_[A-Z]+$/ && Sys::Virt::StoragePool->can($_) } keys %Sys::Virt::StoragePool::;

# Every open page, by request id; an event goes to all of them.
my %clients;
sub broadcast ($event) {
    my $line = 'data: ' . encode_json($event) . "\n\n";
    $_->write($line) for values %clients;
}

$conn->domain_event_register_any(undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE(), sub ($c, $dom, $event, $detail) {
    broadcast({ kind => 'domain', name => $dom->get_name, event => $dom_event{$event} // $event, detail => $detail });
});
$conn->storage_pool_event_register_any(undef, Sys::Virt::StoragePool::EVENT_ID_LIFECYCLE(), sub ($c, $pool, $event, $detail) {
    broadcast({ kind => 'pool', name => $pool->get_name, event => $pool_event{$event} // $event, detail => $detail });
});
$conn->register_close_callback(sub ($c, $reason) {
    broadcast({ kind => 'connection', name => $c->get_uri, event => 'closed', detail => $reason });
});

get '/' => sub ($c) {
    $c->stash(uri => $conn->get_uri, domains => [map { $_->get_name } $conn->list_all_domains]);
    $c->render(template => 'index');
};

get '/events' => sub ($c) {
    my $id = $c->req->request_id;
    $c->inactivity_timeout(3600);
    $c->res->headers->content_type('text/event-stream');
    $c->res->headers->cache_control('no-cache');
    $c->write(": libvirt events of " . $conn->get_uri . "\n\n");
    $clients{$id} = $c;
    $c->on(finish => sub { delete $clients{$id} });
};

post '/toggle/:name' => sub ($c) {
    my $dom = $conn->get_domain_by_name($c->param('name'));
    $dom->is_active ? $dom->destroy : $dom->create;
    $c->render(json => { active => $dom->is_active ? \1 : \0 });
};

app->start;

__DATA__

@@ index.html.ep
<!DOCTYPE html>
<html>
<head><title>libvirt events: <%= $uri %></title></head>
<body>
<h1>libvirt events of <%= $uri %></h1>
<p>
% for my $name (@$domains) {
  <button onclick="fetch('/toggle/<%= $name %>', {method: 'POST'})">destroy / start <%= $name %></button>
% }
</p>
<ul id="events"></ul>
<script>
  const list = document.getElementById('events');
  const source = new EventSource('/events');
  source.onmessage = (msg) => {
    const e = JSON.parse(msg.data);
    const li = document.createElement('li');
    li.textContent = new Date().toLocaleTimeString() + ' ' + e.kind + ' ' + e.name + ': ' + e.event + ' (' + e.detail + ')';
    list.prepend(li);
  };
</script>
</body>
</html>
