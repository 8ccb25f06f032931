#!/usr/bin/perl
# Secret events (lifecycle, value changed) from the secret driver of a
# private daemon, and node device events (lifecycle) from test:///default,
# which creates and destroys virtual SCSI hosts. Callbacks get the
# connection, the object, then libvirt's arguments; a callback that dies
# makes run_default die with that exception; registrations release what
# they hold once deregistered.
#
# The node device update event is registered but cannot be made to fire
# here: the test driver never emits it, and the node device driver emits
# it on udev "change" events of the host's devices, which a test must not
# cause.
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use Scalar::Util qw(weaken);
use Time::HiRes ();
use lib 't/lib';
use Test::DefaultLoop ();
use Test::LibvirtDaemon;

use Sys::Virt;
use Sys::Virt::Event;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 120;

my $d = Test::LibvirtDaemon->start_or_skip(drivers => [qw(storage secret nodedev)], pool => 0);

Sys::Virt::Event::register_default();
my $guard = Sys::Virt::Event::add_timeout(20, sub {});
sub spin { Test::DefaultLoop::spin($_[0], $_[1] // 20) }
sub iterate { Sys::Virt::Event::run_default() for 1 .. ($_[0] // 3) }
# Runs the loop until it dies; returns the exception (undef: it never did).
sub run_until_death {
    my $end = Time::HiRes::time() + 20;
    while (Time::HiRes::time() < $end) {
        my $e = exception { Sys::Virt::Event::run_default() };
        return $e if defined $e;
    }
    return undef;
}

{
    package Watched::Conn;
    our @ISA = ('Sys::Virt');
    our $destroyed = 0;
    sub DESTROY { $destroyed++; $_[0]->SUPER::DESTROY() }
}

my $conn = Sys::Virt->new(uri => $d->uri_for('secret'));

# ---- secret events
my (@life, @value, @one);
my $lid = $conn->secret_event_register_any(undef, Sys::Virt::Secret::EVENT_ID_LIFECYCLE(),
    sub { push @life, [@_[0, 1], $_[1]->get_uuid_string, @_[2 .. $#_]] });
my $vid = $conn->secret_event_register_any(undef, Sys::Virt::Secret::EVENT_ID_VALUE_CHANGED(),
    sub { push @value, [@_[0, 1], $_[1]->get_uuid_string, @_[2 .. $#_]] });
like $lid, qr/^\d+$/, 'secret_event_register_any returns a callback id';
isnt $vid, $lid, 'a second id';

my $xml = "<secret ephemeral='no' private='no'><usage type='volume'><volume>%s</volume></usage></secret>";
my $s1 = $conn->define_secret(sprintf $xml, '/images/one.img');
my $s2 = $conn->define_secret(sprintf $xml, '/images/two.img');
ok spin(sub { @life >= 2 }), 'two lifecycle events';
is scalar(@{ $life[0] }), 5, 'lifecycle: connection, secret, event, detail';
is $life[0][0], $conn, 'the connection object itself';
isa_ok $life[0][1], 'Sys::Virt::Secret';
is $life[0][2], $s1->get_uuid_string, 'the secret defined first';
is $life[0][3], Sys::Virt::Secret::EVENT_DEFINED(), 'EVENT_DEFINED';
is $life[0][4], 0, 'detail';
is $life[1][2], $s2->get_uuid_string, 'then the second';
is $life[0][1]->get_usage_id, '/images/one.img', 'the object outlives the callback and works';

# Only the secret asked for.
my $oid = $conn->secret_event_register_any($s1, Sys::Virt::Secret::EVENT_ID_VALUE_CHANGED(), sub { push @one, $_[1]->get_uuid_string });
$s2->set_value("two");
$s1->set_value("one\0\xff");
ok spin(sub { @value >= 2 && @one >= 1 }), 'value changed events';
is scalar(@{ $value[0] }), 3, 'value changed: connection and secret only';
is_deeply [map { $_->[2] } @value], [$s2->get_uuid_string, $s1->get_uuid_string], 'for each secret, in order';
iterate();
is_deeply \@one, [$s1->get_uuid_string], 'a registration for one secret sees only it';

# A callback that dies: run_default dies with that exception, unchanged.
{
    my $err = bless { reason => 'callback failed' }, 'My::Error';
    # (libvirt refuses a second registration of the same event ID and
    # object on one connection, as with the classic binding: this one is
    # for $s2 only.)
    my $did = $conn->secret_event_register_any($s2, Sys::Virt::Secret::EVENT_ID_VALUE_CHANGED(), sub { die $err });
    my $e = exception { $conn->secret_event_register_any($s2, Sys::Virt::Secret::EVENT_ID_VALUE_CHANGED(), sub {}) };
    ok ref $e && $e->isa('Sys::Virt::Error'), 'a second registration for the same event and object: libvirt refuses it';
    @value = ();
    $s2->set_value("again");
    is run_until_death(), $err, 'run_default dies with the exception object the callback raised';
    ok spin(sub { @value >= 1 }), 'the other callbacks still ran';
    $conn->secret_event_deregister_any($did);
    is exception { iterate() }, undef, 'the loop runs on afterwards';
}

# Deregistration: no more events; the callback is released.
{
    $conn->secret_event_deregister_any($_) for $lid, $vid, $oid;
    my $held = { n => 0 };
    my $cb = sub { $held->{n}++; push @value, 'late' };
    my $weak_cb = $cb;
    weaken($weak_cb);
    my $id = $conn->secret_event_register_any(undef, Sys::Virt::Secret::EVENT_ID_LIFECYCLE(), $cb);
    undef $cb;
    ok defined $weak_cb, 'the callback is held while registered';
    $conn->secret_event_deregister_any($id);
    iterate();
    ok !defined $weak_cb, 'released after deregistration';
    @life = @value = @one = ();
    $s1->set_value('x');
    $s1->undefine;
    $s2->undefine;
    # A registration made last, to know when the events above came through.
    my @sync;
    my $sid = $conn->secret_event_register_any(undef, Sys::Virt::Secret::EVENT_ID_LIFECYCLE(),
        sub { push @sync, [$_[1]->get_uuid_string, $_[2]] });
    my $s3 = $conn->define_secret(sprintf $xml, '/images/three.img');
    my $u3 = $s3->get_uuid_string;
    ok spin(sub { grep { $_->[0] eq $u3 } @sync }), 'a new registration sees a new event';
    is_deeply [map { $_->[1] } grep { $_->[0] eq $u3 } @sync], [Sys::Virt::Secret::EVENT_DEFINED()], 'defined';
    is_deeply [\@life, \@value, \@one], [[], [], []], 'deregistered callbacks see nothing';
    $s3->undefine;
    ok spin(sub { 2 == grep { $_->[0] eq $u3 } @sync }), 'undefine event';
    is_deeply [map { $_->[1] } grep { $_->[0] eq $u3 } @sync],
        [Sys::Virt::Secret::EVENT_DEFINED(), Sys::Virt::Secret::EVENT_UNDEFINED()], 'then EVENT_UNDEFINED';
    $conn->secret_event_deregister_any($sid);
}

# Wrong arguments and libvirt's refusals.
like exception { $conn->secret_event_register_any(undef, 99, sub {}) },
    qr/secret_event_register_any: unknown secret event ID 99/, 'unknown event ID';
like exception { $conn->secret_event_register_any(undef, 0, 'not code') },
    qr/secret_event_register_any: 'cb' must be a CODE reference/, 'callback must be code';
like exception { $conn->secret_event_register_any($conn, 0, sub {}) },
    qr/secret_event_register_any: 'secret' is not a Sys::Virt::Secret object/, 'object of the wrong class';
like exception { $conn->secret_event_register_any(undef, 'lifecycle', sub {}) },
    qr/secret_event_register_any: 'eventID' must be a number/, 'event ID must be a number';
like exception { $conn->secret_event_deregister_any('x') }, qr/secret_event_deregister_any: 'callbackID' must be a number/,
    'callback id must be a number';
my $e = exception { $conn->secret_event_deregister_any(12345) };
ok ref $e && $e->isa('Sys::Virt::Error'), 'deregistering an unknown id: a Sys::Virt::Error';

# The node device driver of the daemon accepts both event IDs.
{
    my $nd = Sys::Virt->new(uri => $d->uri_for('nodedev'));
    my @ids = map { $nd->node_device_event_register_any(undef, $_, sub {}) }
        Sys::Virt::NodeDevice::EVENT_ID_LIFECYCLE(), Sys::Virt::NodeDevice::EVENT_ID_UPDATE();
    is scalar(grep { /^\d+$/ } @ids), 2, 'node device lifecycle and update registered on the daemon';
    my $dev = $nd->get_node_device_by_name('computer');
    my $one = $nd->node_device_event_register_any($dev, Sys::Virt::NodeDevice::EVENT_ID_UPDATE(), sub {});
    $nd->node_device_event_deregister_any($_) for @ids, $one;
    iterate();
}

# ---- node device events: test:///default
{
    $Watched::Conn::destroyed = 0;
    my $t = Watched::Conn->new(uri => 'test:///default');
    my (@all, @upd, @mine);
    my $id = $t->node_device_event_register_any(undef, Sys::Virt::NodeDevice::EVENT_ID_LIFECYCLE(),
        sub { push @all, [$_[0], $_[1], $_[1]->get_name, @_[2 .. $#_]] });
    my $uid = $t->node_device_event_register_any(undef, Sys::Virt::NodeDevice::EVENT_ID_UPDATE(), sub { push @upd, [@_] });
    my $vhba = $t->create_node_device(<<'XML');
<device>
  <parent>scsi_host1</parent>
  <capability type='scsi_host'>
    <capability type='fc_host'>
      <wwnn>2001001b32a9da4e</wwnn>
      <wwpn>2101001b32a9da4e</wwpn>
    </capability>
  </capability>
</device>
XML
    ok spin(sub { @all >= 1 }), 'node device created: an event';
    is scalar(@{ $all[0] }), 5, 'lifecycle: connection, device, event, detail';
    is $all[0][0], $t, 'the connection object';
    isa_ok $all[0][1], 'Sys::Virt::NodeDevice';
    is $all[0][2], $vhba->get_name, 'the new device';
    is $all[0][3], Sys::Virt::NodeDevice::EVENT_CREATED(), 'EVENT_CREATED';
    is $all[0][4], 0, 'detail';
    my $mid = $t->node_device_event_register_any($vhba, Sys::Virt::NodeDevice::EVENT_ID_LIFECYCLE(),
        sub { push @mine, $_[2] });
    $vhba->destroy;
    ok spin(sub { @all >= 2 && @mine >= 1 }), 'node device destroyed: events';
    is $all[1][3], Sys::Virt::NodeDevice::EVENT_DELETED(), 'EVENT_DELETED';
    is_deeply \@mine, [Sys::Virt::NodeDevice::EVENT_DELETED()], 'the registration for that device saw it';
    is_deeply \@upd, [], 'no update event (the test driver has none)';

    like exception { $t->node_device_event_register_any(undef, 2, sub {}) },
        qr/node_device_event_register_any: unknown node device event ID 2/, 'unknown event ID';
    like exception { $t->node_device_event_register_any(undef, 0, undef) },
        qr/node_device_event_register_any: 'cb' must be a CODE reference/, 'callback must be code';
    like exception { $t->node_device_event_register_any($t->get_storage_pool_by_name('default-pool'), 0, sub {}) },
        qr/node_device_event_register_any: 'dev' is not a Sys::Virt::NodeDevice object/, 'object of the wrong class';
    like exception { Sys::Virt::node_device_event_register_any(undef, undef, 0, sub {}) },
        qr/node_device_event_register_any: 'con' is undef/, 'no connection';
    my $e = exception { $t->node_device_event_deregister_any(4242) };
    ok ref $e && $e->isa('Sys::Virt::Error'), 'deregistering an unknown id: a Sys::Virt::Error';

    # A callback that dies, with a string.
    $t->node_device_event_deregister_any($_) for $id, $mid;
    my $did = $t->node_device_event_register_any(undef, Sys::Virt::NodeDevice::EVENT_ID_LIFECYCLE(), sub { die "boom\n" });
    my $v2 = $t->create_node_device(<<'XML');
<device>
  <parent>scsi_host1</parent>
  <capability type='scsi_host'>
    <capability type='fc_host'>
      <wwnn>2001001b32a9da4f</wwnn>
      <wwpn>2101001b32a9da4f</wwpn>
    </capability>
  </capability>
</device>
XML
    is run_until_death(), "boom\n", 'run_default dies with the callback\'s message';
    $v2->destroy;
    $t->node_device_event_deregister_any($_) for $uid, $did;
    iterate();

    my $weak = $t;
    weaken($weak);
    undef $t;
    undef $vhba;
    undef $v2;
    @all = ();
    iterate();
    ok !defined $weak, 'the connection is freed once its registrations are gone';
    is $Watched::Conn::destroyed, 1, 'DESTROY ran once';
}

done_testing;
