#!/usr/bin/perl
# Sys::Virt::NWFilter, Sys::Virt::NWFilterBinding and the connection's
# network filter methods, on a private daemon with the nwfilter driver.
# Bindings name a port device that does not exist, so no firewall rule is
# ever instantiated on the host. test:///default has no network filters:
# its errors are checked at the end.
use strict;
use warnings;
use Test::More;
use Test::Fatal qw(exception);
use lib 't/lib';
use Test::LibvirtAPI;
use Test::LibvirtDaemon;

use Sys::Virt::NWFilter;    # alone: loads Sys::Virt itself
use Sys::Virt::NWFilterBinding;

sub error_code_is {
    my ($e, $code, $name) = @_;
    subtest $name => sub {
        isa_ok($e, 'Sys::Virt::Error');
        is(eval { $e->code }, $code, 'code') or diag($e);
    };
}

my $d = Test::LibvirtDaemon->start_or_skip(drivers => [qw(storage nwfilter)], pool => 0);

my $UUID = '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d';
my $FILTER = <<"XML";
<filter name='svt-filter' chain='root'>
  <uuid>$UUID</uuid>
  <rule action='accept' direction='out' priority='500'><all/></rule>
</filter>
XML
my $BINDING = <<'XML';
<filterbinding>
  <owner><name>vm1</name><uuid>11111111-2222-3333-4444-555555555555</uuid></owner>
  <portdev name='svtnone0'/>
  <mac address='52:54:00:11:22:33'/>
  <filterref filter='svt-filter'/>
</filterbinding>
XML

{
    my $conn = Sys::Virt->new(uri => $d->uri_for('nwfilter'));
    my $n0 = $conn->num_of_nwfilters;
    my @names0 = $conn->list_nwfilter_names;
    is(scalar @names0, $n0, "num_of_nwfilters and list_nwfilter_names agree ($n0)");

    # ---- filters ---------------------------------------------------------------
    my $f = $conn->define_nwfilter($FILTER);
    isa_ok($f, 'Sys::Virt::NWFilter', 'define_nwfilter');
    is($f->get_name, 'svt-filter', 'get_name');
    is($f->get_uuid_string, $UUID, 'get_uuid_string');
    is(unpack('H*', $f->get_uuid), join('', split /-/, $UUID), 'get_uuid: the same 16 raw bytes');
    like($f->get_xml_description, qr{<rule action='accept' direction='out' priority='500'>}, 'get_xml_description');
    like($f->get_xml_description(0), qr{<uuid>\Q$UUID\E</uuid>}, 'get_xml_description(0)');
    is($conn->num_of_nwfilters, $n0 + 1, 'num_of_nwfilters: one more');
    ok((grep { $_ eq 'svt-filter' } $conn->list_nwfilter_names), 'list_nwfilter_names()');
    is(scalar(my @one = $conn->list_nwfilter_names(1)), 1, 'list_nwfilter_names(1): one name');
    ok((grep { $_->get_name eq 'svt-filter' } $conn->list_nwfilters), 'list_nwfilters');
    my @all = $conn->list_all_nwfilters;
    is(scalar @all, $n0 + 1, 'list_all_nwfilters');
    ok(!(grep { !$_->isa('Sys::Virt::NWFilter') } @all), 'as Sys::Virt::NWFilter objects');
    is($conn->get_nwfilter_by_name('svt-filter')->get_uuid_string, $UUID, 'get_nwfilter_by_name');
    is($conn->get_nwfilter_by_uuid($UUID)->get_name, 'svt-filter', 'get_nwfilter_by_uuid (printable)');
    is($conn->get_nwfilter_by_uuid($f->get_uuid)->get_name, 'svt-filter', 'get_nwfilter_by_uuid (raw)');
    is(Sys::Virt::NWFilter->_new(connection => $conn, uuid => $UUID)->get_name, 'svt-filter',
       'private constructor _new');

    # Redefinition replaces the rules.
    (my $drop = $FILTER) =~ s/action='accept'/action='drop'/;
    $conn->define_nwfilter($drop, libvirt_has('VIR_NWFILTER_DEFINE_VALIDATE') ? Sys::Virt::NWFilter::DEFINE_VALIDATE() : 0);
    like($f->get_xml_description, qr{<rule action='drop'}, 'define_nwfilter(DEFINE_VALIDATE where libvirt has it): redefined');

    # ---- bindings --------------------------------------------------------------
    is_deeply([$conn->list_all_nwfilter_bindings], [], 'list_all_nwfilter_bindings: none');
    my $b = $conn->create_nwfilter_binding($BINDING);
    isa_ok($b, 'Sys::Virt::NWFilterBinding', 'create_nwfilter_binding');
    is($b->get_port_dev, 'svtnone0', 'get_port_dev');
    is($b->get_filter_name, 'svt-filter', 'get_filter_name');
    like($b->get_xml_description, qr{<mac address='52:54:00:11:22:33'/>}, 'get_xml_description');
    is_deeply([map { $_->get_port_dev } $conn->list_all_nwfilter_bindings(0)], ['svtnone0'],
              'list_all_nwfilter_bindings');
    is($conn->get_nwfilter_binding_by_port_dev('svtnone0')->get_filter_name, 'svt-filter',
       'get_nwfilter_binding_by_port_dev');
    is(Sys::Virt::NWFilterBinding->_new(connection => $conn, portdev => 'svtnone0')->get_port_dev, 'svtnone0',
       'NWFilterBinding private constructor _new');
    error_code_is(exception { $conn->create_nwfilter_binding($BINDING) }, Sys::Virt::Error::ERR_OPERATION_FAILED(),
                  'create_nwfilter_binding: the port already has one');
    $b->delete;
    is_deeply([$conn->list_all_nwfilter_bindings], [], 'delete');
    error_code_is(exception { $conn->get_nwfilter_binding_by_port_dev('svtnone0') },
                  Sys::Virt::Error::ERR_NO_NWFILTER_BINDING(), 'get_nwfilter_binding_by_port_dev: gone');
    isa_ok(exception { $conn->create_nwfilter_binding('<filterbinding/>', 0) }, 'Sys::Virt::Error',
           'create_nwfilter_binding: incomplete XML');
    like(exception { $conn->create_nwfilter_binding($BINDING, 'x') },
         qr/create_nwfilter_binding: 'flags' must be a number/, 'create_nwfilter_binding: bad flags');

    # ---- undefine, errors ---------------------------------------------------------
    $f->undefine;
    error_code_is(exception { $conn->get_nwfilter_by_name('svt-filter') }, Sys::Virt::Error::ERR_NO_NWFILTER(),
                  'undefine: gone');
    error_code_is(exception { $conn->get_nwfilter_by_uuid($UUID) }, Sys::Virt::Error::ERR_NO_NWFILTER(),
                  'get_nwfilter_by_uuid: gone');
    is($conn->num_of_nwfilters, $n0, 'num_of_nwfilters: back');
    error_code_is(exception { $conn->define_nwfilter('<filter') }, Sys::Virt::Error::ERR_XML_DETAIL(),
                  'define_nwfilter: bad XML');
    like(exception { $conn->get_nwfilter_by_uuid('xyz') },
         qr/^Sys::Virt::get_nwfilter_by_uuid: UUID must be either 16 unsigned bytes, or 32\/36 hex characters long/,
         'get_nwfilter_by_uuid: a bad length');
    like(exception { $conn->get_nwfilter_by_uuid(undef) }, qr/get_nwfilter_by_uuid: 'uuid'/,
         'get_nwfilter_by_uuid(undef)');
    like(exception { $conn->get_nwfilter_binding_by_port_dev() },
         qr/^Usage: Sys::Virt::get_nwfilter_binding_by_port_dev\(con, name\)/, 'usage');
    like(exception { Sys::Virt::NWFilter::undefine($conn) }, qr/'filter' is not a Sys::Virt::NWFilter object/,
         'a method on the wrong class');
    like(exception { Sys::Virt::NWFilterBinding::delete(undef) }, qr/'binding' is undef/, 'a method on undef');
    like(exception { Sys::Virt::NWFilterBinding->_new(connection => $conn) }, qr/portdev or xml parameters are required/,
         '_new without a key');
}

# ---- test:///default has no network filter driver -----------------------------
{
    my $conn = Sys::Virt->new(uri => 'test:///default');
    error_code_is(exception { $conn->num_of_nwfilters }, Sys::Virt::Error::ERR_NO_SUPPORT(), 'num_of_nwfilters');
    error_code_is(exception { $conn->list_nwfilter_names }, Sys::Virt::Error::ERR_NO_SUPPORT(), 'list_nwfilter_names');
    error_code_is(exception { $conn->list_all_nwfilters }, Sys::Virt::Error::ERR_NO_SUPPORT(), 'list_all_nwfilters');
    error_code_is(exception { $conn->list_all_nwfilter_bindings }, Sys::Virt::Error::ERR_NO_SUPPORT(),
                  'list_all_nwfilter_bindings');
    error_code_is(exception { $conn->list_nwfilters }, Sys::Virt::Error::ERR_NO_SUPPORT(), 'list_nwfilters');
}

done_testing;
