#!/usr/bin/perl
# Sys::Virt::Interface and the connection's interface methods: on a private
# daemon with the interface driver (udev: this machine's interfaces,
# read-only; netcf: a private /etc/network/interfaces), then on
# test:///default (define, start, stop, undefine, change transactions).
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use lib 't/lib';
use Test::LibvirtAPI;
use Test::LibvirtDaemon;

use Sys::Virt::Interface;    # alone: loads Sys::Virt itself

sub slurp {
    my ($f, $layer) = @_;
    open my $fh, '<' . ($layer // ''), $f or return '';
    local $/;
    return scalar <$fh>;
}

sub error_code_is {
    my ($e, $code, $name) = @_;
    subtest $name => sub {
        isa_ok($e, 'Sys::Virt::Error');
        is(eval { $e->code }, $code, 'code') or diag($e);
    };
}

# The interface driver is built on one of two backends. udev (Debian 12
# on): this machine's interfaces as /sys/class/net shows them, read-only.
# netcf (Debian 11): the interfaces configured in /etc/network/interfaces,
# which it reads and writes; the daemon gets a private one, this.
my $INTERFACES = "auto lo\niface lo inet loopback\n\niface svtcfg0 inet manual\n";
my $so = Test::LibvirtDaemon->driver_so('interface');
my $netcf = $so && slurp($so, ':raw') =~ /libnetcf\.so/;
my $d = Test::LibvirtDaemon->start_or_skip(drivers => [qw(storage interface)], pool => 0,
                                           $netcf ? (files => { '/etc/network/interfaces' => $INTERFACES }) : ());
note('the interface driver is built on ' . ($netcf ? 'netcf' : 'udev'));

{
    my $uri = $d->uri_for('interface');
    my $conn = Sys::Virt->new(uri => $uri);
    my @all = $conn->list_all_interfaces;
    ok(@all >= 1, 'list_all_interfaces: this machine has interfaces (' . scalar(@all) . ')');
    ok(!(grep { !$_->isa('Sys::Virt::Interface') } @all), 'as Sys::Virt::Interface objects');
    my %sys = map { (m{([^/]+)$})[0] => 1 } glob '/sys/class/net/*';
    my %configured = (lo => 1, svtcfg0 => 1);
    is_deeply([sort map { $_->get_name } @all], [sort keys %configured], 'netcf: the configured interfaces')
        if $netcf;
    for my $iface (@all) {
        my $name = $iface->get_name;
        if ($netcf) {
            ok($configured{$name}, "$name is in /etc/network/interfaces");
        } else {
            ok($sys{$name}, "$name is in /sys/class/net");
        }
        if (open my $fh, '<', "/sys/class/net/$name/address") {
            chomp(my $mac = <$fh>);
            is($iface->get_mac, $mac, "$name: get_mac");
        }
        like($iface->get_xml_description, qr{<interface [^>]*name='\Q$name\E'}, "$name: get_xml_description");
        is($conn->get_interface_by_name($name)->get_mac, $iface->get_mac, "$name: get_interface_by_name");
    }

    # The name lists of the udev backend leave out the loopback device,
    # which list_all_interfaces includes; netcf's have it.
    my @named = $netcf ? @all : grep { $_->get_name ne 'lo' } @all;
    my @active = grep { $_->is_active } @named;
    my @inactive = grep { !$_->is_active } @named;
    ok(@inactive, 'netcf: an inactive interface (svtcfg0)') if $netcf;
    is($conn->num_of_interfaces, scalar @active, 'num_of_interfaces: the active ones');
    is($conn->num_of_defined_interfaces, scalar @inactive, 'num_of_defined_interfaces: the inactive ones');
    is_deeply([sort $conn->list_interface_names], [sort map { $_->get_name } @active], 'list_interface_names()');
    is_deeply([sort $conn->list_interface_names(1000)], [sort map { $_->get_name } @active],
              'list_interface_names(1000)');
    is_deeply([sort $conn->list_defined_interface_names], [sort map { $_->get_name } @inactive],
              'list_defined_interface_names()');
    is_deeply([sort map { $_->get_name } $conn->list_interfaces], [sort map { $_->get_name } @active],
              'list_interfaces');
    is_deeply([sort map { $_->get_name } $conn->list_defined_interfaces], [sort map { $_->get_name } @inactive],
              'list_defined_interfaces');
    is_deeply([sort grep { $_ ne 'lo' } map { $_->get_name } $conn->list_all_interfaces(Sys::Virt::Interface::LIST_ACTIVE())],
              [sort grep { $_ ne 'lo' } map { $_->get_name } @active], 'list_all_interfaces(LIST_ACTIVE)');
    is(scalar(my @none = $conn->list_interface_names(0)), 0, 'list_interface_names(0)');

    if (my ($with_mac) = grep { $_->get_mac ne '00:00:00:00:00:00' && $_->get_mac ne '' } @all) {
        is($conn->get_interface_by_mac($with_mac->get_mac)->get_name, $with_mac->get_name, 'get_interface_by_mac');
    }
    # A name nothing has: VIR_ERR_NO_INTERFACE from udev; netcf's own
    # error from netcf (libvirt 7.0: an internal error). As virsh says.
    my $e = exception { $conn->get_interface_by_name('svt-no-such0') };
    isa_ok($e, 'Sys::Virt::Error', 'get_interface_by_name: no such interface');
    is(eval { $e->code }, Sys::Virt::Error::ERR_NO_INTERFACE(), 'get_interface_by_name: VIR_ERR_NO_INTERFACE')
        unless $netcf;
    is(eval { $e->message }, virsh_error($uri, qw(iface-dumpxml svt-no-such0)),
       'get_interface_by_name: the same error as virsh iface-dumpxml');
    error_code_is(exception { $conn->get_interface_by_mac('52:54:00:fe:fe:fe') }, Sys::Virt::Error::ERR_NO_INTERFACE(),
                  'get_interface_by_mac: no such interface');

    # udev changes nothing: its driver lacks define; netcf writes the
    # definition to /etc/network/interfaces (the daemon's private one).
    my $file = $d->dir . '/files/etc/network/interfaces';
    my $xml = "<interface type='ethernet' name='svt0'><start mode='none'/>"
            . "<mac address='52:54:00:aa:bb:01'/></interface>";
    driver_call(virInterfaceDefineXML => sub { $conn->define_interface($xml) }, sub {
        my ($iface) = @_;
        isa_ok($iface, 'Sys::Virt::Interface', 'define_interface');
        is($iface->get_name, 'svt0', 'define_interface: get_name');
        like($iface->get_xml_description, qr{<mac address='52:54:00:aa:bb:01'/>}, 'define_interface: its XML');
        ok(!$iface->is_active, 'define_interface: inactive');
        is_deeply([sort $conn->list_defined_interface_names], [sort 'svt0', map { $_->get_name } @inactive],
                  'list_defined_interface_names: with it');
        like(slurp($file), qr/^iface svt0 inet manual\n\s+hwaddress ether 52:54:00:aa:bb:01$/m,
             'written to /etc/network/interfaces');
        # (Not started: that runs ifup, which would change this machine.)
        $iface->undefine;
        unlike(slurp($file), qr/svt0/, 'undefine: gone from /etc/network/interfaces');
        error_code_is(exception { $conn->get_interface_by_mac('52:54:00:aa:bb:01') }, Sys::Virt::Error::ERR_NO_INTERFACE(),
                      'undefine: gone');
    });
    # Transactions: udev lacks them; netcf runs its transaction script
    # (Debian's is /bin/false: the call fails, as for virsh iface-begin).
    $e = exception { $conn->interface_change_begin };
    if (!defined $e) {
        pass('interface_change_begin');
        $conn->interface_change_rollback;
        pass('interface_change_rollback');
    } elsif (driver_lacks($e, 'virInterfaceChangeBegin')) {
        ok(!$netcf, "interface_change_begin: udev's driver lacks it, as libvirt says");
    } else {
        isa_ok($e, 'Sys::Virt::Error', 'interface_change_begin: fails');
        is(eval { $e->message }, virsh_error($uri, 'iface-begin'), 'interface_change_begin: the same error as virsh iface-begin');
    }
}

# ---- test:///default: eth1, and interfaces defined there ---------------------
{
    my $conn = Sys::Virt->new(uri => 'test:///default');
    my $eth1 = $conn->get_interface_by_name('eth1');
    is($eth1->get_mac, 'aa:bb:cc:dd:ee:ff', 'eth1: get_mac');
    ok($eth1->is_active, 'eth1: is_active');
    is($conn->get_interface_by_mac('aa:bb:cc:dd:ee:ff')->get_name, 'eth1', 'get_interface_by_mac');
    like($eth1->get_xml_description(0), qr{<mtu size='1492'/>}, 'get_xml_description(0)');
    error_code_is(exception { $eth1->get_xml_description(Sys::Virt::Interface::XML_INACTIVE()) },
                  Sys::Virt::Error::ERR_INVALID_ARG(), 'get_xml_description(XML_INACTIVE): the test driver takes no flags');
    is(Sys::Virt::Interface->_new(connection => $conn, mac => 'aa:bb:cc:dd:ee:ff')->get_name, 'eth1',
       'private constructor _new');

    my $xml = "<interface type='ethernet' name='svt0'><start mode='none'/>"
            . "<mac address='52:54:00:aa:bb:01'/></interface>";
    my $iface = $conn->define_interface($xml);
    isa_ok($iface, 'Sys::Virt::Interface', 'define_interface');
    ok(!$iface->is_active, 'defined: inactive');
    is_deeply([$conn->list_defined_interface_names], ['svt0'], 'list_defined_interface_names');
    is($conn->num_of_defined_interfaces, 1, 'num_of_defined_interfaces');
    $iface->create;
    ok($iface->is_active, 'create');
    is_deeply([sort $conn->list_interface_names], [qw(eth1 svt0)], 'list_interface_names');
    error_code_is(exception { $iface->create(0) }, Sys::Virt::Error::ERR_OPERATION_INVALID(), 'create twice');
    $iface->destroy(0);
    ok(!$iface->is_active, 'destroy');
    $iface->undefine;
    error_code_is(exception { $conn->get_interface_by_name('svt0') }, Sys::Virt::Error::ERR_NO_INTERFACE(),
                  'undefine: gone');

    # create_interface defines, as in the classic binding.
    my $c = $conn->create_interface($xml);
    isa_ok($c, 'Sys::Virt::Interface', 'create_interface');
    ok(!$c->is_active, 'create_interface: defined, not started');
    $c->undefine;

    # Change transactions: a rollback undoes what was defined since the begin.
    $conn->interface_change_begin;
    error_code_is(exception { $conn->interface_change_begin(0) }, Sys::Virt::Error::ERR_OPERATION_INVALID(),
                  'interface_change_begin: one transaction at a time');
    $conn->define_interface($xml);
    $conn->interface_change_rollback;
    error_code_is(exception { $conn->get_interface_by_name('svt0') }, Sys::Virt::Error::ERR_NO_INTERFACE(),
                  'interface_change_rollback: the change is undone');
    $conn->interface_change_begin(0);
    $conn->define_interface($xml);
    $conn->interface_change_commit(0);
    is($conn->get_interface_by_name('svt0')->get_mac, '52:54:00:aa:bb:01', 'interface_change_commit: kept');
    error_code_is(exception { $conn->interface_change_commit }, Sys::Virt::Error::ERR_OPERATION_INVALID(),
                  'interface_change_commit without a transaction');

    # Arguments.
    error_code_is(exception { $conn->define_interface('<interface') }, Sys::Virt::Error::ERR_XML_DETAIL(),
                  'define_interface: bad XML');
    like(exception { $conn->define_interface(undef) }, qr/define_interface: 'xml' must be a string, not undef/,
         'define_interface(undef)');
    like(exception { $conn->interface_change_begin('x') }, qr/interface_change_begin: 'flags' must be a number/,
         'interface_change_begin: bad flags');
    like(exception { $conn->list_interface_names(1, 2) }, qr/^Usage: Sys::Virt::list_interface_names\(con, maxnames=undef\)/,
         'list_interface_names: usage');
    like(exception { Sys::Virt::Interface::get_name($conn) }, qr/'iface' is not a Sys::Virt::Interface object/,
         'a method on the wrong class');
    like(exception { Sys::Virt::Interface->_new(connection => $conn) }, qr/name, mac or xml parameters are required/,
         '_new without a key');
}

done_testing;
