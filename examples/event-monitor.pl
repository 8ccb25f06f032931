#!/usr/bin/perl
# Prints every event family libvirt has (domains: every event ID; storage
# pools; networks; node devices; secrets; the connection's close callback),
# using libvirt's default event loop.
#
#   perl examples/event-monitor.pl [--uri URI] [--timeout SECONDS] [--demo]
#
# Default URI test:///default, where nothing happens unless the script itself
# acts: --demo restarts the test domain, pool and network, and creates and
# destroys a node device there. A family the driver does not support (the
# test driver has no secrets) is reported once and skipped.
use strict;
use warnings;
use Getopt::Long qw(GetOptions);
use Time::HiRes ();
use Sys::Virt;
use Sys::Virt::Event;

my %opt = (uri => 'test:///default', timeout => 0);
GetOptions(\%opt, 'uri=s', 'timeout=f', 'demo!')
    or die "usage: $0 [--uri URI] [--timeout SECONDS] [--demo]\n";

# Constant names of a package matching a pattern, by value: lifecycle event
# names (EVENT_DEFINED, ...) and event IDs (EVENT_ID_REBOOT, ...).
sub names_of {
    my ($pkg, $re) = @_;
    no strict 'refs';
    my %name;
    for my $sym (grep { /$re/ && $pkg->can($_) } keys %{"${pkg}::"}) {
        (my $n = $sym) =~ s/$re/$1/;
        $name{ $pkg->$sym() } = lc $n;
    }
    return \%name;
}

Sys::Virt::Event::register_default();    # before opening the connection
my $conn = Sys::Virt->new(uri => $opt{uri});
print "Watching ", $conn->get_uri, "\n";

# An event argument as text: strings and numbers, hashes (typed parameters,
# graphics addresses) and arrays (graphics subjects).
sub fmt {
    my ($v) = @_;
    return 'undef' unless defined $v;
    return '{' . join(', ', map { "$_=" . fmt($v->{$_}) } sort keys %$v) . '}' if ref $v eq 'HASH';
    return '[' . join(', ', map { fmt($_) } @$v) . ']' if ref $v eq 'ARRAY';
    return $v;
}

# Prints one event: the family, the object's name, the event's arguments.
sub show {
    my ($family, $what, $name, @args) = @_;
    print "$family $name: $what", (@args ? ' (' . join(' ', map { fmt($_) } @args) . ')' : ''), "\n";
}

my @registrations;    # [deregister method, id]
sub watch {
    my ($family, $pkg, $register, $deregister, $name_of) = @_;
    my $ids = names_of($pkg, qr/^EVENT_ID_(\w+)$/);
    my $lifecycle = names_of($pkg, qr/^EVENT_(?!ID_)([A-Z]+)$/);
    my @watched;
    for my $id (sort { $a <=> $b } keys %$ids) {
        my $cb = sub {
            my ($c, $obj, @args) = @_;
            my $what = $ids->{$id};
            # Lifecycle events: the event's name instead of its number.
            $args[0] = $lifecycle->{ $args[0] } // $args[0]
                if $what eq 'lifecycle' && @args && defined $args[0];
            show($family, $what, $name_of->($obj), @args);
        };
        my $rid = eval { $conn->$register(undef, $id, $cb) };
        if (!defined $rid) {
            my $why = ref $@ ? $@->message : $@;
            chomp $why;
            # A family the connection lacks fails at its first ID; an ID
            # this libvirt (or this Sys::Virt) does not know fails alone.
            if (!@watched) {
                print "$family events not available here: $why\n";
                return;
            }
            print "$family event '$ids->{$id}' not available here: $why\n";
            next;
        }
        push @watched, $id;
        push @registrations, [$deregister, $rid];
    }
    printf "watching %d %s event ID(s)\n", scalar(@watched), $family;
}

watch('domain', 'Sys::Virt::Domain', 'domain_event_register_any', 'domain_event_deregister_any',
      sub { $_[0]->get_name });
watch('pool', 'Sys::Virt::StoragePool', 'storage_pool_event_register_any', 'storage_pool_event_deregister_any',
      sub { $_[0]->get_name });
watch('network', 'Sys::Virt::Network', 'network_event_register_any', 'network_event_deregister_any',
      sub { $_[0]->get_name });
watch('node device', 'Sys::Virt::NodeDevice', 'node_device_event_register_any', 'node_device_event_deregister_any',
      sub { $_[0]->get_name });
watch('secret', 'Sys::Virt::Secret', 'secret_event_register_any', 'secret_event_deregister_any',
      sub { $_[0]->get_uuid_string });

my $closed = 0;
$conn->register_close_callback(sub { print "connection closed (reason $_[1])\n"; $closed = 1 });

my $end = $opt{timeout} > 0 ? Time::HiRes::time() + $opt{timeout} : undef;
# A timer keeps run_default from blocking for ever, so the timeout is seen.
my $tick = Sys::Virt::Event::add_timeout(200, sub {});

if ($opt{demo}) {
    my $dom = $conn->get_domain_by_name('test');
    $dom->suspend; $dom->resume;
    $dom->destroy; $dom->create;
    my $pool = $conn->get_storage_pool_by_name('default-pool');
    $pool->destroy; $pool->create;
    my $net = $conn->get_network_by_name('default');
    $net->destroy; $net->create;
    # A virtual SCSI host on the test driver's HBA: created, then destroyed.
    my $dev = eval { $conn->create_node_device(<<'XML') };
<device><parent>scsi_host1</parent><capability type='scsi_host'>
<capability type='fc_host'><wwnn>2000000098765432</wwnn><wwpn>1000000098765432</wwpn></capability>
</capability></device>
XML
    $dev->destroy if $dev;
}

local $SIG{INT} = sub { $end = 0 };
until ($closed || (defined $end && Time::HiRes::time() >= $end)) {
    Sys::Virt::Event::run_default();
}

Sys::Virt::Event::remove_timeout($tick);
unless ($closed) {
    $conn->${ \$_->[0] }($_->[1]) for @registrations;
    $conn->unregister_close_callback;
}
