package Sys::Virt;

use strict;
use warnings;

our $VERSION = '12.7.0.0';

require XSLoader;
XSLoader::load('Sys::Virt', $VERSION);

# (Before the classes load: they make their methods with it.)
# Makes NAME (as the class's method), NAME_f and NAME_p from one body that
# takes the form (undef: blocking; 0: Future; 1: Mojo::Promise) first.
sub _forms {
    my ($class, $name, $body) = @_;
    no strict 'refs';
    *{"${class}::$name"} = sub { $body->(undef, @_) };
    *{"${class}::${name}_f"} = sub { $body->(0, @_) };
    *{"${class}::${name}_p"} = sub { $body->(1, @_) };
}

use Sys::Virt::Error;
use Sys::Virt::Domain;
use Sys::Virt::StoragePool;
use Sys::Virt::StorageVol;
use Sys::Virt::Stream;
use Sys::Virt::Network;
use Sys::Virt::NetworkPort;
use Sys::Virt::Interface;
use Sys::Virt::NodeDevice;
use Sys::Virt::Secret;
use Sys::Virt::NWFilter;
use Sys::Virt::NWFilterBinding;
use Sys::Virt::DomainSnapshot;
use Sys::Virt::DomainCheckpoint;

sub CLONE_SKIP { 1 }

# The API level of this build: that of the classic binding's release this
# release covers (the first three parts of $VERSION), or, where older, that
# of the libvirt it was built against (whose methods of newer libvirts die
# naming the release they need). `use Sys::Virt 11.0.0;` asks for it.
sub VERSION {
    my $class = shift;
    if (@_ && defined $_[0] && $class eq __PACKAGE__) {
        my $n = LIBVIR_VERSION_NUMBER();
        my $built = join '.', int($n / 1_000_000), int($n / 1000) % 1000, $n % 1000;
        my ($release) = $VERSION =~ /^(\d+\.\d+\.\d+)/;
        my $level = version->parse("v$built") < version->parse("v$release") ? $built : $release;
        # The API level asked for: the first three parts (a fourth counts
        # this project's releases at a level).
        my $want = join '.', (split /\./, version->parse($_[0])->normal =~ s/^v//r)[0 .. 2];
        if (version->parse("v$want") > version->parse("v$level")) {
            die "Sys::Virt version " . (version->parse($_[0])->normal =~ s/^v//r) . " required--this is only version $level"
                . " (Sys::Virt $VERSION built against libvirt $built)\n";
        }
    }
    return $class->SUPER::VERSION(@_);
}

sub new {
    my $proto = shift;
    my $class = ref($proto) || $proto;
    my ($uri, $flags, $params) = _new_args($class, @_);
    my %params = %$params;

    my $self;
    if ($params{auth}) {
        my $credlist = $params{credlist} // [
            Sys::Virt::CRED_AUTHNAME(), Sys::Virt::CRED_PASSPHRASE(),
        ];
        $self = Sys::Virt::_open_auth($uri, $credlist, $params{callback}, $flags);
    } else {
        $self = Sys::Virt->_open($uri, $flags);
    }
    return bless $self, $class;
}

sub new_stream {
    my ($self, $flags) = @_;
    return Sys::Virt::Stream->new($self, $flags // 0);
}

# ---- The classic binding's name-by-name lists: count, list that many
# names (or ids, uuids), then one lookup per name; a name that went away
# meanwhile is skipped. Each with its non-blocking forms (NAME_f, NAME_p),
# which chain the same calls' own non-blocking forms. The arguments a list
# takes (the capability of list_node_devices) go to the count and the list.
sub _objects_by_name {
    my ($self, $lookup, @names) = @_;
    my @objects;
    for my $name (@names) {
        my $obj = eval { $self->$lookup($name) };
        push @objects, $obj if $obj;
    }
    return @objects;
}

sub _objects_by_name_async {
    my ($self, $kind, $count, $list, $lookup, @args) = @_;
    my $form = $kind ? '_p' : '_f';
    ($count, $list, $lookup) = map { "$_$form" } $count, $list, $lookup;
    return $self->$count(@args)->then(sub { $self->$list(@args, @_) })->then(sub {
        _async_all($kind, map {
            my $f = $self->$lookup($_);
            $kind ? $f->catch(sub { return }) : $f->else(sub { Future->done });
        } @_);
    });
}

# Done with every result of @f, in order (each Future's list; each
# Mojo::Promise's first value).
sub _async_all {
    my ($kind, @f) = @_;
    return Future->needs_all(@f) unless $kind;
    return Mojo::Promise->resolve unless @f;
    return Mojo::Promise->all(@f)->then(sub { map { @$_ } @_ });
}

# The result of $f, mapped by $code.
sub _async_map {
    my ($kind, $f, $code) = @_;
    return $kind ? $f->then($code) : $f->then(sub { Future->done($code->(@_)) });
}

for my $row (
    [list_networks => qw(num_of_networks list_network_names get_network_by_name)],
    [list_defined_networks => qw(num_of_defined_networks list_defined_network_names get_network_by_name)],
    [list_interfaces => qw(num_of_interfaces list_interface_names get_interface_by_name)],
    [list_defined_interfaces => qw(num_of_defined_interfaces list_defined_interface_names get_interface_by_name)],
    [list_nwfilters => qw(num_of_nwfilters list_nwfilter_names get_nwfilter_by_name)],
    [list_storage_pools => qw(num_of_storage_pools list_storage_pool_names get_storage_pool_by_name)],
    [list_defined_storage_pools => qw(num_of_defined_storage_pools list_defined_storage_pool_names get_storage_pool_by_name)],
    [list_node_devices => qw(num_of_node_devices list_node_device_names get_node_device_by_name 1)],
    [list_secrets => qw(num_of_secrets list_secret_uuids get_secret_by_uuid)],
    [list_domains => qw(num_of_domains list_domain_ids get_domain_by_id)],
    [list_defined_domains => qw(num_of_defined_domains list_defined_domain_names get_domain_by_name)],
    ['Sys::Virt::StoragePool::list_volumes' => qw(num_of_storage_volumes list_storage_vol_names get_volume_by_name)],
) {
    my ($name, $count, $list, $lookup, $nargs) = @$row;
    my $class = $name =~ s/^(.*)::// ? $1 : 'Sys::Virt';
    _forms($class, $name, sub {
        my ($kind, $self, @given) = @_;
        my @args = @given[0 .. ($nargs // 0) - 1];    # (each, even undef)
        return _objects_by_name_async($self, $kind, $count, $list, $lookup, @args) if defined $kind;
        return _objects_by_name($self, $lookup, $self->$list(@args, $self->$count(@args)));
    });
}

# The parts of the version (the classic binding's pure-Perl helpers).
for my $part ([get_major_version => sub { ($_[0] - ($_[0] % 1000000)) / 1000000 }],
              [get_minor_version => sub { my $v = $_[0] % 1000000; ($v - ($v % 1000)) / 1000 }],
              [get_micro_version => sub { $_[0] % 1000 }]) {
    my ($name, $code) = @$part;
    _forms('Sys::Virt', $name, sub {
        my ($kind, $self) = @_;
        return $code->($self->get_version) unless defined $kind;
        return _async_map($kind, $kind ? $self->get_version_p : $self->get_version_f, $code);
    });
}

_forms('Sys::Virt', node_alloc_pages => sub {
    my $kind = shift;
    die "Usage: Sys::Virt::node_alloc_pages(con, pages, start, end, flags=0)\n"
        unless @_ >= 4 && @_ <= 5;
    my ($self, $pages, $start, $end, $flags) = @_;
    die "Sys::Virt::node_alloc_pages: 'pages' must be an ARRAY reference\n"
        unless ref $pages eq 'ARRAY';
    my (@sizes, @counts);
    for my $i (0 .. $#$pages) {
        my $p = $pages->[$i];
        die "Sys::Virt::node_alloc_pages: 'pages[$i]' must be an ARRAY reference [size, count]\n"
            unless ref $p eq 'ARRAY' && @$p == 2;
        push @sizes, $p->[0];
        push @counts, $p->[1];
    }
    my $call = '_node_alloc_pages' . (!defined $kind ? '' : $kind ? '_p' : '_f');
    return $self->$call(\@sizes, \@counts, $start, $end, $flags);
});

# ---- The non-blocking forms (NAME_f, NAME_p): the generated XSUBs start
# the call on a worker thread (src/api/pending.rs) and return what
# _async_new made; the core settles it with _async_settle on the loop's
# thread.
sub _async_new {
    if ($_[0]) {
        require Mojo::Promise;
        return Mojo::Promise->new;
    }
    require Sys::Virt::Future;
    return Sys::Virt::Future->new;
}

sub _async_settle {
    my ($f, $ok, @v) = @_;
    if ($f->isa('Future')) {
        # Cancelled: the result is dropped here (its objects with it).
        return if $f->is_ready;
        $ok ? $f->done(@v) : $f->fail($v[0]);
    } else {
        $ok ? $f->resolve(@v) : $f->reject($v[0]);
    }
    return;
}

sub _new_args {
    my $class = shift;
    die "Sys::Virt::new: odd number of arguments (expected key => value pairs)\n" if @_ % 2;
    my %params = @_;
    my $uri = exists $params{address} ? $params{address} : $params{uri};
    my $flags = $params{flags} // 0;
    die "Sys::Virt::new: 'flags' must be a number\n"
        unless $flags =~ /^\d+$/;
    $flags |= Sys::Virt::CONNECT_RO() if $params{readonly};
    return ($uri, $flags, \%params);
}

sub _new_async {
    my ($proto, $promise, @args) = @_;
    my $class = ref($proto) || $proto;
    my ($uri, $flags, $params) = _new_args($class, @args);
    my ($f, $died);
    if ($params->{auth}) {
        # The callback runs on the loop's thread while a worker waits in
        # libvirt; one that dies refuses the credentials, and the open
        # fails with what it died with (as new does).
        my $cb = $params->{callback};
        my $wrapped = ref $cb eq 'CODE' ? sub {
            my $r = eval { $cb->(@_) };
            if ($@) { $died //= $@; return -1 }
            return $r;
        } : $cb;
        $f = Sys::Virt::_open_auth_async($promise ? 1 : 0, $uri,
            $params->{credlist} // [ Sys::Virt::CRED_AUTHNAME(), Sys::Virt::CRED_PASSPHRASE() ],
            $wrapped, $flags);
    } else {
        $f = $promise ? Sys::Virt->_open_p($uri, $flags) : Sys::Virt->_open_f($uri, $flags);
    }
    return $f->then(sub { bless $_[0], $class }, sub { die(defined $died ? $died : $_[0]) }) if $promise;
    # (not ->then: a script may drop the future before the open ends, and
    # Future.pm warns of a sequence future so lost)
    my $r = $f->new;
    $f->on_ready(sub {
        return if $r->is_ready;    # cancelled
        if ($f->is_done) {
            my ($conn) = $f->get;
            $r->done(bless $conn, $class);
        } else {
            $r->fail(defined $died ? $died : $f->failure);
        }
    });
    $r->on_cancel($f);
    return $r;
}

sub new_f { my $proto = shift; _new_async($proto, 0, @_) }
sub new_p { my $proto = shift; _new_async($proto, 1, @_) }

1;
__END__

=head1 NAME

Sys::Virt - libvirt for Perl, with a Rust core

=head1 SYNOPSIS

  use Sys::Virt;

  my $conn = Sys::Virt->new(uri => "test:///default");
  print $conn->get_type, " ", $conn->get_library_version, "\n";

=head1 DESCRIPTION

C<Sys::Virt> is a drop-in replacement for the classic XS binding of the same
name. Scripts written for it run unchanged. The work (libvirt calls, stream
loops, the event bridge) is done by a Rust library; a thin XS layer joins it
to Perl.

Every method that fails in libvirt dies with a L<Sys::Virt::Error> object.
A wrong argument dies with a plain message naming the method and argument.

=head1 VERSIONS

C<$Sys::Virt::VERSION> is C<A.B.C.N>: C<A.B.C> is the release of the
classic binding whose API this release covers (12.7.0: every method,
constant and event of it), and C<N> counts this project's releases at that
level.

What a build has depends on the libvirt it is built against (7.0.0 or
newer). Every method of the classic binding exists; one whose libvirt
function that libvirt lacks dies with a L<Sys::Virt::Error>
(C<ERR_NO_SUPPORT>) whose message names the libvirt release it needs.
Constants and event IDs exist where that libvirt defines them (the
documentation of each newer one says from which release).
C<Sys::Virt::LIBVIR_VERSION_NUMBER> is the version of the libvirt it was
built against (major * 1,000,000 + minor * 1,000 + micro).

=over 4

=item Sys::Virt->VERSION($wanted)

As for any module (C<use Sys::Virt 11.0.0;> calls it), dies unless this
build has the API of the classic binding's release C<$wanted>: that of
C<A.B.C>, or of the libvirt it was built against where that is older.
Built against libvirt 9.0, C<use Sys::Virt 9.0.0;> passes and
C<use Sys::Virt 11.0.0;> dies ("this is only version 9.0.0"). Without an
argument it returns C<$VERSION>.

=back

=head1 PROCESSES: FORK

A connection belongs to the process that opened it. A child made by
C<fork> inherits the parent's objects, but their connection's socket is the
parent's: whatever the child sent on it would land in the middle of the
parent's conversation with its daemon. So, in a child:

=over 4

=item *

Every method called on an inherited object (the connection itself, a
domain, pool, volume, stream, ... of it) dies with a L<Sys::Virt::Error>
(C<ERR_OPERATION_INVALID>) whose message says which process the connection
belongs to and that a connection must be opened after fork, e.g. "the
domain's connection belongs to process 4242, and this is process 4250,
forked from it: a connection cannot be shared across fork; open one in this
process after fork (Sys::Virt-E<gt>new)". So do event registrations and
new streams on it.

=item *

Dropping inherited objects, ending the child in any way (C<exit>, C<die>,
C<POSIX::_exit>) or letting Perl destroy everything at its end releases
nothing that talks to the daemon: the parent's connections, their event
callbacks, keepalive and streams in flight go on as if the child had never
been.

=item *

Connections the child opens (C<< Sys::Virt->new >>) are its own and work
as anywhere. The child can run the event loop (libvirt's default loop or a
L<Sys::Virt::EventImpl>) for them: the parent's sockets it inherited are
replaced, in the child only, by F</dev/null> (the child's copy of each
inherited connection sees the end of file and closes on its side, quietly:
its close callbacks and events are not delivered in the child), and the
loops' wake-up descriptors by new ones, so that neither process takes the
other's events or wake-ups.

=item *

One limit comes from threads: a child forked while another thread of the
parent was inside libvirt (a worker of the non-blocking calls with a call
in flight, or one of libvirt's own threads, such as the I/O thread of a
local stream; the default loop's locks are GLib's) may have inherited a
lock that stays held for ever. In such a child, the event loops
(L<Sys::Virt::Event>, L<Sys::Virt::EventImpl>), the non-blocking calls,
event registrations and opening a connection (even an in-process one,
C<test:///>: libvirt's own locks may be held) die with a message that
says so, instead of hanging. Fork when no call is in flight, or exec.

=back

Prefork servers (Mojo::Server::Prefork and hypnotoad, Starman,
Parallel::ForkManager jobs) therefore open their connections in each
worker, after the fork:

  my $conn;
  sub conn { $conn //= Sys::Virt->new(uri => $uri) }   # per process

A child of a child is refused its parent's connections in the same way.

=head1 METHODS

=over 4

=item my $conn = Sys::Virt->new(uri => $uri, readonly => $ro, flags => $flags, auth => $auth, credlist => \@types, callback => $coderef);

Opens a connection to the hypervisor named by C<$uri> (C<address> is a
synonym; libvirt picks a default when neither is given). C<readonly> opens
it read-only. C<flags> are C<Sys::Virt::CONNECT_*> values.

With C<auth> true, libvirt may ask for credentials: C<credlist> lists the
C<Sys::Virt::CRED_*> types the script can answer, and C<$callback> is
called with an array reference of hashes, one per credential, with keys
C<type>, C<prompt>, C<challenge> and C<result> (preset to libvirt's
default). The callback fills in C<result> and returns 0, or a negative
number to refuse. Without a callback, libvirt's own console prompts are
used. An exception raised by the callback comes out of C<new> unchanged.

The connection is closed when its last reference goes (objects obtained
from it, such as streams and domains, keep it open while they live).

=item my $uri = $conn->get_uri()

The canonical URI of the connection.

=item my $type = $conn->get_type()

The name of the hypervisor driver (C<QEMU>, C<TEST>, ...).

=item my $name = $conn->get_hostname()

The host name of the machine the hypervisor runs on.

=item my $ver = $conn->get_version()

The hypervisor's version, as C<major * 1_000_000 + minor * 1000 + release>.
Called as C<< Sys::Virt->get_version() >>, the version of the libvirt
library in use.

=item my $ver = $conn->get_library_version()

The version of libvirt the far end of the connection runs.

=item my $bool = $conn->is_alive()

True if the connection is alive.

=item my $bool = $conn->is_secure()

True if the connection is secure against eavesdropping.

=item my $bool = $conn->is_encrypted()

True if the connection is encrypted.

=item $conn->set_keep_alive($interval, $count)

Sends keepalive messages every C<$interval> seconds and closes the
connection when C<$count> of them go unanswered. Needs a registered event
loop (see L<Sys::Virt::Event>).

=item $conn->register_close_callback($coderef)

Calls C<< $coderef->($conn, $reason) >> when the connection closes for a
reason other than the script closing it (C<$reason> is one of the
C<CLOSE_REASON_*> constants). Needs a registered event loop. One close
callback per connection.

=item $conn->unregister_close_callback()

Removes the close callback.

=item $conn->domain_event_register($coderef)

The old event API: calls C<< $coderef->($conn, $dom, $event, $detail) >>
for each domain lifecycle event (C<$dom> is a L<Sys::Virt::Domain>,
C<$event> and C<$detail> are C<Sys::Virt::Domain::EVENT_*> values). Needs
a registered event loop.

=item $conn->domain_event_deregister()

Removes the callback of C<domain_event_register>.

=item my $id = $conn->domain_event_register_any($dom, $eventID, $coderef)

Calls C<$coderef> for each event C<$eventID> (a
C<Sys::Virt::Domain::EVENT_ID_*> value) of domain C<$dom>, or of every
domain if C<$dom> is C<undef>. The callback receives the connection, the
domain, then the other arguments of libvirt's callback for that event, in
order: lifecycle C<$event, $detail>; reboot and control error nothing; RTC
change C<$utcoffset>; watchdog C<$action>; I/O error C<$srcPath, $devAlias,
$action> (with reason: plus C<$reason>); graphics C<$phase, \%local,
\%remote, $authScheme, \@subject> (addresses are hashes with C<family>,
C<node>, C<service>; the subject a list of hashes with C<type> and
C<name>); block job (and block job 2) C<$path, $type, $status>; disk change
C<$oldSrcPath, $newSrcPath, $devAlias, $reason>; tray change C<$devAlias,
$reason>; PM wakeup, PM suspend, PM suspend disk C<$reason>; balloon change
C<$actual>; device added, removed, removal failed C<$devAlias>; tunable
and job completed C<\%params> (typed parameters as one hash); agent
lifecycle C<$state, $reason>; migration iteration C<$iteration>; metadata
change C<$type, $nsuri>; block threshold C<$dev, $path, $threshold,
$excess>; memory failure C<$recipient, $action, $flags>; memory device
size change C<$alias, $size>; NIC MAC change C<$alias, $oldMAC, $newMAC>
(libvirt 11.2.0); vCPU removed C<$vcpuid> (12.4.0); channel lifecycle
C<$channelName, $state, $reason> (12.4.0). 64-bit numbers are exact.
Returns the callback id. An event ID the installed libvirt does not
define dies with libvirt's error, and one newer than this release of
Sys::Virt knows dies with "unknown domain event ID N"; either way only
that registration fails, and the other IDs register as usual.

=item $conn->domain_event_deregister_any($id)

Removes a callback of C<domain_event_register_any>.

=item my $id = $conn->storage_pool_event_register_any($pool, $eventID, $coderef)

As C<domain_event_register_any>, for storage pool events
(C<Sys::Virt::StoragePool::EVENT_ID_*>): lifecycle calls
C<< $coderef->($conn, $pool, $event, $detail) >>, refresh
C<< $coderef->($conn, $pool) >>.

=item $conn->storage_pool_event_deregister_any($id)

Removes a callback of C<storage_pool_event_register_any>.

A registration keeps the connection object and the callback alive until
libvirt releases it (after the deregistration). An exception raised by a
callback comes out of the call that ran the event loop.

=item my $st = $conn->new_stream($flags=0)

A new L<Sys::Virt::Stream> on the connection, the same as
C<< Sys::Virt::Stream->new($conn, $flags) >>. C<$flags> may be
C<Sys::Virt::Stream::NONBLOCK>.

=back

=head2 Domains

These return L<Sys::Virt::Domain> objects, or die with a
L<Sys::Virt::Error> (code C<Sys::Virt::Error::ERR_NO_DOMAIN> when there is
no such domain).

=over 4

=item my $dom = $conn->get_domain_by_name($name)

The domain called C<$name>.

=item my $dom = $conn->get_domain_by_id($id)

The running domain with the numeric id C<$id>.

=item my $dom = $conn->get_domain_by_uuid($uuid)

The domain with the UUID C<$uuid>, given as 16 raw bytes or in printable
form (32 hex digits, or 36 characters with dashes).

=item my @doms = $conn->list_all_domains($flags=0)

All domains of the connection, running or not. C<$flags> are
C<Sys::Virt::Domain::LIST_*> constants and filter the list (e.g.
C<LIST_ACTIVE>).

=item my $dom = $conn->create_domain($xml, $flags=0)

Creates and starts a transient domain from its XML description. C<$flags>
are C<Sys::Virt::Domain::START_*> constants.

=item my $dom = $conn->define_domain($xml, $flags=0)

Defines (without starting) a persistent domain from its XML description,
or replaces the definition of an existing one. C<$flags> are
C<Sys::Virt::Domain::DEFINE_*> constants.

=back

=head2 Domains (more)

=over 4

=item my $dom = $conn->create_domain_with_files($xml, \@fds, $flags=0)

As C<create_domain>, and passes the open file descriptors C<@fds> (numbers)
to the init process of the domain (container drivers only). Returns a
L<Sys::Virt::Domain> object.

=item my $n = $conn->num_of_domains()

The number of running domains.

=item my @ids = $conn->list_domain_ids($maxids)

The ids of up to C<$maxids> running domains (all of them when C<$maxids>
is omitted, C<undef> or negative; the classic binding requires it).

=item my @doms = $conn->list_domains()

The running domains, as L<Sys::Virt::Domain> objects, looked up one by one
from C<list_domain_ids> (a domain that stops meanwhile is left out).
C<list_all_domains> does the same in one call.

=item my $n = $conn->num_of_defined_domains()

The number of domains that are defined but not running.

=item my @names = $conn->list_defined_domain_names($maxnames)

The names of up to C<$maxnames> defined, inactive domains (all of them
when C<$maxnames> is omitted, C<undef> or negative).

=item my @doms = $conn->list_defined_domains()

The defined, inactive domains, as L<Sys::Virt::Domain> objects, looked up
one by one from C<list_defined_domain_names>.

=item my @stats = $conn->get_all_domain_stats($stats, \@doms=undef, $flags=0)

Statistics of domains: C<$stats> is a combination of the
C<Sys::Virt::Domain::STATS_*> constants (0 for all the driver has),
C<@doms> the L<Sys::Virt::Domain> objects to report on (C<undef> or an
empty list: every domain, filtered by C<$flags>, the
C<Sys::Virt::Domain::GET_ALL_STATS_*> constants). Returns a list with one
hash reference per domain, with the keys C<dom> (a L<Sys::Virt::Domain>)
and C<data> (a hash reference of the statistics, e.g. C<state.state>).

=item my $xml = $conn->domain_xml_from_native($format, $config, $flags=0)

Converts the native hypervisor configuration C<$config>, in format
C<$format> (e.g. C<qemu-argv>, depending on the driver), into domain XML.

=item my $config = $conn->domain_xml_to_native($format, $xml, $flags=0)

Converts the domain XML C<$xml> into a native configuration in format
C<$format>.

=item my $n = $conn->get_max_vcpus($type)

The most virtual CPUs a domain of type C<$type> (e.g. C<kvm>; C<undef>
for the driver's default) may have.

=back

=head2 Save images

=over 4

=item $conn->restore_domain($savefile, $dxml=undef, \%params=undef, $flags=0)

Starts a domain again from the state saved in the file C<$savefile>.
C<$dxml> replaces parts of the domain XML (host-specific paths, ...).
With C<%params>, whose keys are the C<Sys::Virt::Domain::SAVE_PARAM_*>
constants (C<file>, C<dxml>), libvirt's parameter-based restore is used;
C<$savefile> and C<$dxml>, when given, join them. C<$flags> are the
C<Sys::Virt::Domain::SAVE_*> constants. Dies if neither C<$savefile> nor
C<%params> is given.

=item my $xml = $conn->get_save_image_xml_description($file, $flags=0)

The domain XML stored in the save image C<$file>. C<$flags> are those of
C<Sys::Virt::Domain::managed_save_get_xml_description>
(C<Sys::Virt::Domain::SAVE_IMAGE_XML_SECURE>). The classic binding
documents a default of 1 but uses 0, as here.

=item $conn->define_save_image_xml($file, $dxml, $flags=0)

Replaces the domain XML stored in the save image C<$file> by C<$dxml>.
C<$flags> are C<Sys::Virt::Domain::SAVE_RUNNING> or C<SAVE_PAUSED>, to
choose the state the domain gets on restore.

=back

=head2 Node and host

=over 4

=item my $info = $conn->get_node_info()

A hash reference describing the host: C<model> (the CPU architecture,
e.g. C<x86_64>), C<memory> (kilobytes), C<cpus> (active CPUs), C<mhz>,
C<nodes> (NUMA cells), C<sockets> (per cell), C<cores> (per socket) and
C<threads> (per core). C<get_node_cpu_map> is more exact about CPUs.

=item my ($ncpus, $onlinemap, $nonline) = $conn->get_node_cpu_map($flags=0)

The number of CPUs of the host, a bitmap (a string of bytes, one bit a CPU,
lowest first) of those online, and how many are online:

  my @online = split //, unpack("b*", $onlinemap);

=item my $stats = $conn->get_node_cpu_stats($cpuNum=-1, $flags=0)

A hash reference of CPU time counters in nanoseconds (C<kernel>, C<user>,
C<idle>, C<iowait>; C<utilization>, a percentage, where the driver gives it), of CPU
C<$cpuNum>, or of all CPUs together for -1
(C<Sys::Virt::NODE_CPU_STATS_ALL_CPUS>).

=item my $stats = $conn->get_node_memory_stats($cellNum=-1, $flags=0)

A hash reference of memory counters in kilobytes (C<total>, C<free>,
C<buffers>, C<cached>) of NUMA cell C<$cellNum>, or of the whole host for
-1 (C<Sys::Virt::NODE_MEMORY_STATS_ALL_CELLS>).

=item my $mem = $conn->get_node_free_memory()

The free memory of the host, in bytes.

=item my @mem = $conn->get_node_cells_free_memory($start, $end)

The free memory, in bytes, of each NUMA cell from C<$start> to C<$end>
inclusive (cells past the last one are left out).

=item my @cells = $conn->get_node_free_pages(\@pagesizes, $start, $end, $flags=0)

The free pages of the sizes C<@pagesizes> (in kilobytes, as the
capabilities XML lists them) on each NUMA cell from C<$start> to C<$end>
inclusive: one hash reference per cell, with the keys C<cell> (its
number) and C<pages> (a hash reference: page size => free pages).

=item my $n = $conn->node_alloc_pages(\@pages, $start, $end, $flags=0)

Changes the huge page reservation on each NUMA cell from C<$start> to
C<$end> inclusive. C<@pages> holds C<[$pagesize, $count]> pairs (page
size in kilobytes). C<$flags>: C<Sys::Virt::NODE_ALLOC_PAGES_ADD> adds
C<$count> pages to the reservation, C<NODE_ALLOC_PAGES_SET> sets it to
C<$count>. Returns the number of cells changed (the classic binding
returns nothing).

=item my $params = $conn->get_node_memory_parameters($flags=0)

The memory tunables of the host as a hash reference, keyed by the
C<Sys::Virt::NODE_MEMORY_SHARED_*> constants.

=item $conn->set_node_memory_parameters(\%params, $flags=0)

Changes the memory tunables named by the keys of C<%params> (the
C<Sys::Virt::NODE_MEMORY_SHARED_*> constants); a key the host does not
report dies with a message naming it.

=item my $info = $conn->get_node_sev_info($flags=0)

The AMD SEV capabilities of the host as a hash reference, keyed by the
C<Sys::Virt::SEV_*> constants (C<cbitpos>, C<reduced-phys-bits>, C<pdh>,
C<cert-chain>, ...).

=item my $model = $conn->get_node_security_model()

A hash reference with the keys C<model> (the security driver, e.g.
C<selinux>, or an empty string) and C<doi> (its domain of
interpretation).

=item $conn->node_suspend_for_duration($target, $duration, $flags=0)

Suspends the host for C<$duration> seconds, to memory, disk or both
(C<$target> is one of the C<Sys::Virt::NODE_SUSPEND_TARGET_*> constants).

=item my $xml = $conn->get_sysinfo($flags=0)

An XML document describing the host, typically from its SMBIOS tables.

=item my $xml = $conn->get_capabilities()

An XML document describing the capabilities of the host and hypervisor.

=item my $xml = $conn->get_domain_capabilities($emulator, $arch, $machine, $virttype, $flags=0)

An XML document describing what a domain may use with the emulator
binary C<$emulator> or the architecture C<$arch> (one of them is needed),
the machine type C<$machine> and the virtualization type C<$virttype>
(both may be C<undef>).

=item my $major = $conn->get_major_version()

=item my $minor = $conn->get_minor_version()

=item my $micro = $conn->get_micro_version()

The parts of C<get_version> (C<major * 1_000_000 + minor * 1000 + micro>).

=item $conn->set_identity(\%identity, $flags=0)

Changes the identity used for access control on the connection (a
privileged client of a daemon only). The keys of C<%identity> are the
C<Sys::Virt::IDENTITY_*> constants (C<user-name>, C<unix-user-id>,
C<process-id>, ...); another key dies with a message naming it.

=back

=head2 CPU models

=over 4

=item my @names = $conn->get_cpu_model_names($arch, $flags=0)

The names of the CPU models known for the architecture C<$arch> (one of
those the capabilities XML lists).

=item my $result = $conn->compare_cpu($xml, $flags=0)

Compares the CPU described by C<$xml> with the host CPU: one of the
C<Sys::Virt::CPU_COMPARE_*> constants. C<$flags>:
C<Sys::Virt::COMPARE_CPU_FAIL_INCOMPATIBLE> (die rather than return
C<CPU_COMPARE_INCOMPATIBLE>), C<COMPARE_CPU_VALIDATE_XML>.

=item my $result = $conn->compare_hypervisor_cpu($emulator, $arch, $machine, $virttype, $xml, $flags=0)

As C<compare_cpu>, against the CPU the hypervisor can give a domain with
the emulator binary C<$emulator> or the architecture C<$arch>, the machine
type C<$machine> and the virtualization type C<$virttype> (C<undef> for
any of them: the default).

=item my $xml = $conn->baseline_cpu(\@xml, $flags=0)

The XML of the most capable CPU model that each host CPU described in
C<@xml> (CPU or capabilities XML documents) can run. C<$flags>:
C<Sys::Virt::BASELINE_CPU_EXPAND_FEATURES> (list every feature),
C<BASELINE_CPU_MIGRATABLE> (migratable features only).

=item my $xml = $conn->baseline_hypervisor_cpu($emulator, $arch, $machine, $virttype, \@xml, $flags=0)

As C<baseline_cpu>, for CPUs the hypervisor can give a domain with the
given emulator, architecture, machine and virtualization type (as for
C<compare_hypervisor_cpu>).

=back

=head2 Storage

These return L<Sys::Virt::StoragePool> and L<Sys::Virt::StorageVol>
objects, or die with a L<Sys::Virt::Error> (C<ERR_NO_STORAGE_POOL>,
C<ERR_NO_STORAGE_VOL>, ...).

=over 4

=item my $pool = $conn->get_storage_pool_by_name($name)

The storage pool called C<$name>.

=item my $pool = $conn->get_storage_pool_by_uuid($uuid)

The storage pool with the UUID C<$uuid> (16 raw bytes or printable form).

=item my @pools = $conn->list_all_storage_pools($flags=0)

All storage pools of the connection. C<$flags> are
C<Sys::Virt::StoragePool::LIST_*> constants and filter the list.

=item my $pool = $conn->create_storage_pool($xml)

Creates and starts a transient storage pool from its XML description.

=item my $pool = $conn->define_storage_pool($xml, $flags=0)

Defines (without starting) a persistent storage pool from its XML
description. C<$flags> are C<Sys::Virt::StoragePool::DEFINE_*> constants.

=item my $vol = $conn->get_storage_volume_by_path($path)

The storage volume at C<$path> on the host, in whichever pool holds it.

=item my $vol = $conn->get_storage_volume_by_key($key)

The storage volume whose key is C<$key>.

=item my $pool = $conn->get_storage_pool_by_target_path($path)

The storage pool whose target (its directory, for a C<dir> pool) is
C<$path>.

=item my $pool = $conn->get_storage_pool_by_volume($vol)

The storage pool holding the volume C<$vol> (a L<Sys::Virt::StorageVol>).

=item my $n = $conn->num_of_storage_pools()

The number of active storage pools; a suitable C<$maxnames> for
C<list_storage_pool_names>.

=item my @names = $conn->list_storage_pool_names($maxnames)

The names of at most C<$maxnames> active storage pools.

=item my @pools = $conn->list_storage_pools()

The active storage pools, found by name one at a time (O(n) calls;
C<list_all_storage_pools> does it in one). A pool that goes away meanwhile
is left out.

=item my $n = $conn->num_of_defined_storage_pools()

The number of inactive (defined, not started) storage pools; a suitable
C<$maxnames> for C<list_defined_storage_pool_names>.

=item my @names = $conn->list_defined_storage_pool_names($maxnames)

The names of at most C<$maxnames> inactive storage pools.

=item my @pools = $conn->list_defined_storage_pools()

The inactive storage pools, as C<list_storage_pools> finds them.

=item my $xml = $conn->find_storage_pool_sources($type, $srcspec, $flags=0)

Asks the host which sources a pool of type C<$type> (C<logical>, C<netfs>,
C<iscsi>, ...) could use, and returns them as an XML document.
C<$srcspec> is an XML C<< <source> >> element that narrows the search
(e.g. the host of a C<netfs> pool), or C<undef>. C<$flags> is unused and
should be 0.

=item my $xml = $conn->get_storage_pool_capabilities($flags=0)

An XML document describing the pool types the storage driver supports.
C<$flags> is unused and should be 0.

=back

=head2 Node devices

These return L<Sys::Virt::NodeDevice> objects, or die with a
L<Sys::Virt::Error> (C<ERR_NO_NODE_DEVICE>, ...). The node device driver
lists the host's devices (C<nodedev:///system>, or C<qemu:///system>).

=over 4

=item my $dev = $conn->get_node_device_by_name($name)

The device called C<$name>.

=item my $dev = $conn->get_node_device_scsihost_by_wwn($wwnn, $wwpn, $flags=0)

The SCSI host device (a fibre channel HBA) with the world wide node name
C<$wwnn> and port name C<$wwpn>. C<$flags> is unused and should be 0.

=item my @devs = $conn->list_all_node_devices($flags=0)

All devices of the host. C<$flags> are C<Sys::Virt::NodeDevice::LIST_*>
constants and filter the list (by capability, active or inactive).

=item my $n = $conn->num_of_node_devices($capability=undef, $flags=0)

The number of devices, of those with the capability C<$capability> (a
name such as C<pci> or C<net>) if it is defined; a suitable C<$maxnames>
for C<list_node_device_names>. C<$flags> is unused and should be 0.

=item my @names = $conn->list_node_device_names($capability, $maxnames, $flags=0)

The names of at most C<$maxnames> devices, of those with the capability
C<$capability> if it is defined (C<undef>: all). C<$flags> is unused and
should be 0.

=item my @devs = $conn->list_node_devices($capability=undef)

The devices (with the capability C<$capability> if it is defined), found
by name one at a time (O(n) calls; C<list_all_node_devices> does it in
one). A device that goes away meanwhile is left out.

=item my $dev = $conn->create_node_device($xml, $flags=0)

Creates and starts a transient virtual device (a mediated device, a vHBA)
from its XML description. C<$flags> may be
C<Sys::Virt::NodeDevice::CREATE_XML_VALIDATE>.

=item my $dev = $conn->define_node_device($xml, $flags=0)

Defines (without starting) a persistent virtual device from its XML
description; C<create> of L<Sys::Virt::NodeDevice> starts it. C<$flags>
may be C<Sys::Virt::NodeDevice::DEFINE_XML_VALIDATE>.

=item my $id = $conn->node_device_event_register_any($dev, $eventID, $coderef)

As C<domain_event_register_any>, for node device events of the device
C<$dev>, or of every device if C<$dev> is C<undef>
(C<Sys::Virt::NodeDevice::EVENT_ID_*>): lifecycle calls
C<< $coderef->($conn, $dev, $event, $detail) >> (C<$event> is one of
C<Sys::Virt::NodeDevice::EVENT_CREATED>, C<EVENT_DELETED>,
C<EVENT_DEFINED>, C<EVENT_UNDEFINED>), update calls
C<< $coderef->($conn, $dev) >>. Needs a registered event loop. Returns the
callback id.

=item $conn->node_device_event_deregister_any($id)

Removes a callback of C<node_device_event_register_any>; libvirt then
releases the connection object and the callback it held.

=back

=head2 Secrets

These return L<Sys::Virt::Secret> objects, or die with a
L<Sys::Virt::Error> (C<ERR_NO_SECRET>, ...).

=over 4

=item my $secret = $conn->get_secret_by_uuid($uuid)

The secret with the UUID C<$uuid>, given as 16 raw bytes or in printable
form (32 hex digits, or 36 characters with dashes); any other length dies.

=item my $secret = $conn->get_secret_by_usage($usageType, $usageID)

The secret used with the object C<$usageID> (for a volume secret, the
volume's path), of the usage type C<$usageType> (a
C<Sys::Virt::Secret::USAGE_TYPE_*> constant).

=item my @secrets = $conn->list_all_secrets($flags=0)

All secrets. C<$flags> are C<Sys::Virt::Secret::LIST_*> constants and
filter the list (ephemeral or not, private or not).

=item my $n = $conn->num_of_secrets()

The number of secrets; a suitable C<$maxuuids> for C<list_secret_uuids>.

=item my @uuids = $conn->list_secret_uuids($maxuuids)

The printable UUIDs of at most C<$maxuuids> secrets.

=item my @secrets = $conn->list_secrets()

The secrets, found by UUID one at a time (O(n) calls; C<list_all_secrets>
does it in one). A secret that goes away meanwhile is left out.

=item my $secret = $conn->define_secret($xml, $flags=0)

Defines a secret (without a value: see C<set_value> of
L<Sys::Virt::Secret>) from its XML description, or replaces the definition
of the one with the same UUID. C<$flags> may be
C<Sys::Virt::Secret::DEFINE_VALIDATE>.

=item my $id = $conn->secret_event_register_any($secret, $eventID, $coderef)

As C<domain_event_register_any>, for events of the secret C<$secret>, or
of every secret if C<$secret> is C<undef>
(C<Sys::Virt::Secret::EVENT_ID_*>): lifecycle calls
C<< $coderef->($conn, $secret, $event, $detail) >> (C<$event> is
C<Sys::Virt::Secret::EVENT_DEFINED> or C<EVENT_UNDEFINED>), value changed
calls C<< $coderef->($conn, $secret) >>. Needs a registered event loop.
Returns the callback id.

=item $conn->secret_event_deregister_any($id)

Removes a callback of C<secret_event_register_any>; libvirt then releases
the connection object and the callback it held.

=back

=head2 Networks

These return L<Sys::Virt::Network> objects, or die with a
L<Sys::Virt::Error> (code C<Sys::Virt::Error::ERR_NO_NETWORK> when there
is no such network).

=over 4

=item my $net = $conn->get_network_by_name($name)

The network called C<$name>. Calls C<virNetworkLookupByName>.

=item my $net = $conn->get_network_by_uuid($uuid)

The network with the UUID C<$uuid> (16 raw bytes, or the printable form
of 32 or 36 characters; any other length dies). Calls
C<virNetworkLookupByUUID> or C<virNetworkLookupByUUIDString>.

=item my @nets = $conn->list_all_networks($flags=0)

All networks of the connection, running or not. C<$flags> are
C<Sys::Virt::Network::LIST_*> constants and filter the list. Calls
C<virConnectListAllNetworks>.

=item my @nets = $conn->list_networks()

The running networks, looked up name by name (one call per network:
C<list_all_networks> is the efficient way).

=item my $count = $conn->num_of_networks()

The number of running networks. Calls C<virConnectNumOfNetworks>.

=item my @names = $conn->list_network_names($maxnames)

The names of at most C<$maxnames> running networks (all of them when
C<$maxnames> is omitted). Calls C<virConnectListNetworks>.

=item my @nets = $conn->list_defined_networks()

The defined networks that are not running, looked up name by name.

=item my $count = $conn->num_of_defined_networks()

The number of defined networks that are not running. Calls
C<virConnectNumOfDefinedNetworks>.

=item my @names = $conn->list_defined_network_names($maxnames)

The names of at most C<$maxnames> defined networks that are not running
(all of them when C<$maxnames> is omitted). Calls
C<virConnectListDefinedNetworks>.

=item my $net = $conn->create_network($xml, $flags=0)

Creates and starts a transient network from its XML description.
C<$flags> may be C<Sys::Virt::Network::CREATE_VALIDATE>. Calls
C<virNetworkCreateXML>, or C<virNetworkCreateXMLFlags> when there are
flags.

=item my $net = $conn->define_network($xml, $flags=0)

Defines (without starting) a persistent network from its XML description.
C<$flags> may be C<Sys::Virt::Network::DEFINE_VALIDATE>. Calls
C<virNetworkDefineXML>, or C<virNetworkDefineXMLFlags> when there are
flags.

=item my $id = $conn->network_event_register_any($net, $eventID, $coderef)

As C<domain_event_register_any>, for network events: C<$net> is a
L<Sys::Virt::Network> or C<undef> (every network), C<$eventID> one of the
C<Sys::Virt::Network::EVENT_ID_*> constants. Lifecycle events call
C<< $coderef->($conn, $net, $event, $detail) >> with C<$event> one of
C<Sys::Virt::Network::EVENT_DEFINED>, C<EVENT_UNDEFINED>, C<EVENT_STARTED>,
C<EVENT_STOPPED>; metadata changes (libvirt 9.8.0) call
C<< $coderef->($conn, $net, $type, $nsuri) >>. Returns the id of the
registration.

=item $conn->network_event_deregister_any($id)

Removes a callback of C<network_event_register_any>.

=back

=head2 Interfaces

These return L<Sys::Virt::Interface> objects, or die with a
L<Sys::Virt::Error> (C<ERR_NO_INTERFACE> when there is no such
interface).

=over 4

=item my $iface = $conn->get_interface_by_name($name)

The host interface called C<$name>. Calls C<virInterfaceLookupByName>.

=item my $iface = $conn->get_interface_by_mac($mac)

The host interface with the MAC address C<$mac>. Calls
C<virInterfaceLookupByMACString>.

=item my @ifaces = $conn->list_all_interfaces($flags=0)

All interfaces of the host. C<$flags> are
C<Sys::Virt::Interface::LIST_*> constants and filter the list. Calls
C<virConnectListAllInterfaces>.

=item my @ifaces = $conn->list_interfaces()

The active interfaces, looked up name by name.

=item my $count = $conn->num_of_interfaces()

The number of active interfaces. Calls C<virConnectNumOfInterfaces>.

=item my @names = $conn->list_interface_names($maxnames)

The names of at most C<$maxnames> active interfaces (all of them when
C<$maxnames> is omitted). Calls C<virConnectListInterfaces>.

=item my @ifaces = $conn->list_defined_interfaces()

The inactive interfaces, looked up name by name.

=item my $count = $conn->num_of_defined_interfaces()

The number of inactive interfaces. Calls
C<virConnectNumOfDefinedInterfaces>.

=item my @names = $conn->list_defined_interface_names($maxnames)

The names of at most C<$maxnames> inactive interfaces (all of them when
C<$maxnames> is omitted). Calls C<virConnectListDefinedInterfaces>.

=item my $iface = $conn->define_interface($xml, $flags=0)

Defines (without starting) an interface from its XML description.
C<$flags> may be C<Sys::Virt::Interface::DEFINE_VALIDATE>. Calls
C<virInterfaceDefineXML>.

=item my $iface = $conn->create_interface($xml)

The same as C<define_interface($xml)>, as in the classic binding (libvirt
has no transient interfaces).

=item $conn->interface_change_begin($flags=0)

Starts a transaction of changes to the host's interfaces (a snapshot of
their configuration). Calls C<virInterfaceChangeBegin>.

=item $conn->interface_change_commit($flags=0)

Ends the transaction, keeping the changes. Calls
C<virInterfaceChangeCommit>.

=item $conn->interface_change_rollback($flags=0)

Ends the transaction, restoring the configuration of its start. Calls
C<virInterfaceChangeRollback>.

=back

=head2 Network filters

These return L<Sys::Virt::NWFilter> and L<Sys::Virt::NWFilterBinding>
objects, or die with a L<Sys::Virt::Error> (C<ERR_NO_NWFILTER>,
C<ERR_NO_NWFILTER_BINDING>, ...).

=over 4

=item my $filter = $conn->get_nwfilter_by_name($name)

The network filter called C<$name>. Calls C<virNWFilterLookupByName>.

=item my $filter = $conn->get_nwfilter_by_uuid($uuid)

The network filter with the UUID C<$uuid> (16 raw bytes, or the printable
form of 32 or 36 characters). Calls C<virNWFilterLookupByUUID> or
C<virNWFilterLookupByUUIDString>.

=item my @filters = $conn->list_all_nwfilters($flags=0)

All network filters. C<$flags> is unused and defaults to zero. Calls
C<virConnectListAllNWFilters>.

=item my @filters = $conn->list_nwfilters()

All network filters, looked up name by name.

=item my $count = $conn->num_of_nwfilters()

The number of network filters. Calls C<virConnectNumOfNWFilters>.

=item my @names = $conn->list_nwfilter_names($maxnames)

The names of at most C<$maxnames> network filters (all of them when
C<$maxnames> is omitted). Calls C<virConnectListNWFilters>.

=item my $filter = $conn->define_nwfilter($xml, $flags=0)

Defines a network filter from its XML description, or replaces the
definition of an existing one. C<$flags> may be
C<Sys::Virt::NWFilter::DEFINE_VALIDATE>. Calls C<virNWFilterDefineXML>,
or C<virNWFilterDefineXMLFlags> when there are flags.

=item my @bindings = $conn->list_all_nwfilter_bindings($flags=0)

All bindings of network filters to ports. C<$flags> is unused and
defaults to zero. Calls C<virConnectListAllNWFilterBindings>.

=item my $binding = $conn->get_nwfilter_binding_by_port_dev($name)

The binding of the port device C<$name>. Calls
C<virNWFilterBindingLookupByPortDev>.

=item my $binding = $conn->create_nwfilter_binding($xml, $flags=0)

Binds a network filter to a port, from the binding's XML description.
C<$flags> may be C<Sys::Virt::NWFilterBinding::CREATE_VALIDATE>. Calls
C<virNWFilterBindingCreateXML>.

=back

=head1 NON-BLOCKING CALLS

Every method of this distribution that calls libvirt and can block (the
methods of C<Sys::Virt>, L<Sys::Virt::Domain>, L<Sys::Virt::StoragePool>,
L<Sys::Virt::StorageVol>, L<Sys::Virt::Network>, L<Sys::Virt::NetworkPort>,
L<Sys::Virt::Interface>, L<Sys::Virt::NodeDevice>, L<Sys::Virt::Secret>,
L<Sys::Virt::NWFilter>, L<Sys::Virt::NWFilterBinding>,
L<Sys::Virt::DomainSnapshot> and L<Sys::Virt::DomainCheckpoint>, and
C<Sys::Virt-E<gt>new>) has two more forms, which take the same arguments:

=over 4

=item my $future = $obj->NAME_f(...)

returns a L<Sys::Virt::Future> (a L<Future>);

=item my $promise = $obj->NAME_p(...)

returns a L<Mojo::Promise>.

=back

The future is done with exactly the list that C<NAME> returns in list
context (objects of the same classes, usable at once; a method that
returns nothing gives an empty list); it fails with the same
L<Sys::Virt::Error> object that C<NAME> dies with (or the same message).
An argument that is not what the method takes dies at once, as with C<NAME>.

The call itself runs on a worker thread of a bounded pool (see
C<Sys::Virt::set_worker_threads> below), holding references of its own on the objects it
uses, so the script may drop them meanwhile. Its result is delivered on the
registered event loop (C<Sys::Virt::Event::register_default>, or a loop
registered with C<Sys::Virt::Event::register>, such as
L<Sys::Virt::EventImpl::AnyEvent>, L<Sys::Virt::EventImpl::IOAsync> or
L<Sys::Virt::EventImpl::Mojo>): callbacks of the future run on the loop's
thread, while the loop runs. Without a registered loop the future fails at
once with a message saying so. C<< $future->get >> runs the registered loop
until the result is in (see L<Sys::Virt::Future>), so a plain script can
use it; C<await> of L<Future::AsyncAwait> works too. The C<_p> forms are
meant for L<Mojo::IOLoop> (with L<Sys::Virt::EventImpl::Mojo>): a
L<Mojo::Promise> calls its callbacks from Mojo's loop.

C<< $future->cancel >> does not stop the call in libvirt (nothing can): its
result is dropped when it comes, the objects in it released. A domain job
started that way (a migration, a save, a dump) is stopped with
C<< $dom->abort_job >>.

With libvirt before 10.4.0, the non-blocking calls of one connection run
one after the other (those of other connections beside them): there,
several threads waiting on one connection can crash the client
(CVE-2024-4418, a use of a returned thread's stack in libvirt's RPC
client). For the same reason, do not make blocking calls on a connection
while its non-blocking calls are in flight with such a libvirt.

A connection whose daemon goes away fails every call in flight; with a
keepalive (C<set_keep_alive>), calls to a daemon that stops answering fail
once the keepalive gives up, and the loop keeps running meanwhile. (When a
call fails on a connection that libvirt then reports dead, every other call
in flight on it fails with the same error at once; libvirt may keep some of
their worker threads waiting inside it until the daemon answers or goes
away, and their late results are dropped.)

The methods written in Perl over other calls have these forms too: the
classic name-by-name lists (C<list_domains>, C<list_networks>, ...,
C<< $pool->list_volumes >>: a chain of the count, the names and one lookup
per name, all non-blocking), the parts of the version
(C<get_major_version>, ...), C<node_alloc_pages> and the migrations
(C<migrate>, C<migrate2>, C<migrate_to_uri>, C<migrate_to_uri2>).

Streams and transfers keep the forms they have (L<Sys::Virt::Stream>,
L<Sys::Virt::Stream::Transfer>): the methods that take a stream
(C<screenshot>, C<open_console>, C<download>, ...) have no C<_f> form.
Nor do the registrations of event and close callbacks (a round trip to
the daemon, made once), C<new_stream> (which calls no daemon), and the
release of an object: dropping the last reference to a connection closes
it, which for a remote one waits for the daemon's answer.

  use Sys::Virt;
  Sys::Virt::Event::register_default();

  # In a plain script: get runs the loop until the result is in.
  my $conn = Sys::Virt->new_f(uri => 'qemu:///system')->get;
  my @doms = $conn->list_all_domains_f->get;

  # Many hosts at once.
  my @hosts = map { Sys::Virt->new_f(uri => $_, readonly => 1) } @uris;
  Future->wait_all(@hosts)->get;
  for my $f (grep { $_->is_done } @hosts) {
      my ($conn) = $f->get;
      $conn->list_all_domains_f->then(sub {
          Future->needs_all(map { $_->get_info_f } @_);
      })->on_done(sub { print scalar(@_), " domains on ", $conn->get_uri, "\n" });
  }

  # With Mojo: promises.
  use Sys::Virt::EventImpl::Mojo;
  Sys::Virt::EventImpl::Mojo->register;
  Sys::Virt->new_p(uri => 'test:///default')
      ->then(sub { $_[0]->get_hostname_p })
      ->then(sub { print "host: $_[0]\n" })
      ->catch(sub { warn "failed: $_[0]" })
      ->wait;

Failures are those of the blocking form:

  $conn->get_domain_by_name_f('nosuch')->on_fail(sub {
      my ($err) = @_;          # a Sys::Virt::Error
      printf "%d: %s\n", $err->code, $err->message;
  });

=over 4

=item my $f = Sys::Virt->new_f(%args)

=item my $p = Sys::Virt->new_p(%args)

C<new>, non-blocking: the connection is opened on a worker thread; the
future is done with the new C<Sys::Virt> object. With C<auth>, libvirt's
requests for credentials are handed to the loop's thread, where
C<callback> answers them (as for C<new>) while the worker waits; a
callback that dies fails the future with what it died with.

=item my $old = Sys::Virt::set_worker_threads($n)

Sets the size of the pool of worker threads that run the non-blocking
calls (1 to 4096; 64 by default): at most that many calls run at once, the
others wait for a free worker. Workers start when calls need them and stay
for the next ones; lowering the size lets the extra workers leave once
idle. Returns the previous size.

=item my $n = Sys::Virt::get_worker_threads()

The size of the pool.

=back

=head1 CONSTANTS

=for generated-constants begin

=over 4

=item Sys::Virt::LIBVIR_VERSION_NUMBER

Macro providing the version of the library as version * 1,000,000 + minor * 1000 + micro

=item Sys::Virt::CONNECT_RO

A readonly connection

=item Sys::Virt::CONNECT_NO_ALIASES

Don't try to resolve URI aliases

=item Sys::Virt::CRED_USERNAME

Identity to act as

=item Sys::Virt::CRED_AUTHNAME

Identify to authorize as

=item Sys::Virt::CRED_LANGUAGE

RFC 1766 languages, comma separated

=item Sys::Virt::CRED_CNONCE

client supplies a nonce

=item Sys::Virt::CRED_PASSPHRASE

Passphrase secret

=item Sys::Virt::CRED_ECHOPROMPT

Challenge response

=item Sys::Virt::CRED_NOECHOPROMPT

Challenge response

=item Sys::Virt::CRED_REALM

Authentication realm

=item Sys::Virt::CRED_EXTERNAL

Externally managed credential

=item Sys::Virt::IDENTITY_USER_NAME

The operating system user name as VIR_TYPED_PARAM_STRING.

=item Sys::Virt::IDENTITY_UNIX_USER_ID

The UNIX user ID as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::IDENTITY_GROUP_NAME

The operating system group name as VIR_TYPED_PARAM_STRING.

=item Sys::Virt::IDENTITY_UNIX_GROUP_ID

The UNIX group ID as VIR_TYPED_PARAM_ULLONG.

=item Sys::Virt::IDENTITY_PROCESS_ID

The operating system process ID as VIR_TYPED_PARAM_LLONG.

=item Sys::Virt::IDENTITY_PROCESS_TIME

The operating system process start time as VIR_TYPED_PARAM_ULLONG.  The units the time is measured in vary according to the host operating system. On Linux this is usually clock ticks (as reported in /proc/$PID/stat field 22).

=item Sys::Virt::IDENTITY_SASL_USER_NAME

The SASL authenticated username as VIR_TYPED_PARAM_STRING

=item Sys::Virt::IDENTITY_X509_DISTINGUISHED_NAME

The TLS x509 certificate distinguished named as VIR_TYPED_PARAM_STRING

=item Sys::Virt::IDENTITY_SELINUX_CONTEXT

The application's SELinux context as VIR_TYPED_PARAM_STRING.

=item Sys::Virt::CPU_COMPARE_INCOMPATIBLE

The libvirt constant C<VIR_CPU_COMPARE_INCOMPATIBLE>.

=item Sys::Virt::CPU_COMPARE_IDENTICAL

The libvirt constant C<VIR_CPU_COMPARE_IDENTICAL>.

=item Sys::Virt::CPU_COMPARE_SUPERSET

The libvirt constant C<VIR_CPU_COMPARE_SUPERSET>.

=item Sys::Virt::NODE_SUSPEND_TARGET_MEM

The libvirt constant C<VIR_NODE_SUSPEND_TARGET_MEM>.

=item Sys::Virt::NODE_SUSPEND_TARGET_DISK

The libvirt constant C<VIR_NODE_SUSPEND_TARGET_DISK>.

=item Sys::Virt::NODE_SUSPEND_TARGET_HYBRID

The libvirt constant C<VIR_NODE_SUSPEND_TARGET_HYBRID>.

=item Sys::Virt::NODE_CPU_STATS_ALL_CPUS

The libvirt constant C<VIR_NODE_CPU_STATS_ALL_CPUS>.

=item Sys::Virt::NODE_CPU_STATS_IDLE

The cumulative idle CPU time, since the node booting up (in nanoseconds).

=item Sys::Virt::NODE_CPU_STATS_IOWAIT

The cumulative I/O wait CPU time, since the node booting up (in nanoseconds).

=item Sys::Virt::NODE_CPU_STATS_KERNEL

Macro for the cumulative CPU time which was spent by the kernel, since the node booting up (in nanoseconds).

=item Sys::Virt::NODE_CPU_STATS_USER

The cumulative CPU time which was spent by user processes, since the node booting up (in nanoseconds).

=item Sys::Virt::NODE_CPU_STATS_INTR

The cumulative interrupt CPU time, since the node booting up (in nanoseconds).

=item Sys::Virt::NODE_CPU_STATS_UTILIZATION

The CPU utilization of a node. The usage value is in percent and 100% represents all CPUs of the node.

=item Sys::Virt::NODE_CPU_STATS_GUEST

The cumulative CPU time spent running guest virtual CPUs, since the node booting up (in nanoseconds).

Defined where Sys::Virt is built against libvirt 11.8.0 or newer.

=item Sys::Virt::NODE_MEMORY_STATS_ALL_CELLS

The libvirt constant C<VIR_NODE_MEMORY_STATS_ALL_CELLS>.

=item Sys::Virt::NODE_MEMORY_STATS_AVAILABLE

Macro for the available memory: On Linux, it is only returned in case of VIR_NODE_MEMORY_STATS_ALL_CELLS.

Defined where Sys::Virt is built against libvirt 12.3.0 or newer.

=item Sys::Virt::NODE_MEMORY_STATS_BUFFERS

Macro for the buffer memory: On Linux, it is only returned in case of VIR_NODE_MEMORY_STATS_ALL_CELLS.

=item Sys::Virt::NODE_MEMORY_STATS_CACHED

Macro for the cached memory: On Linux, it is only returned in case of VIR_NODE_MEMORY_STATS_ALL_CELLS.

=item Sys::Virt::NODE_MEMORY_STATS_FREE

Macro for the free memory of specified cell: On Linux, it includes buffer and cached memory, in case of VIR_NODE_MEMORY_STATS_ALL_CELLS.

=item Sys::Virt::NODE_MEMORY_STATS_TOTAL

Macro for the total memory of specified cell: it represents the maximum memory.

=item Sys::Virt::CLOSE_REASON_CLIENT

Client requested it

=item Sys::Virt::CLOSE_REASON_EOF

End-of-file from server

=item Sys::Virt::CLOSE_REASON_ERROR

Misc I/O error

=item Sys::Virt::CLOSE_REASON_KEEPALIVE

Keepalive timer triggered

=item Sys::Virt::NODE_MEMORY_SHARED_PAGES_TO_SCAN

Macro for typed parameter that represents how many present pages to scan before the shared memory service goes to sleep.

=item Sys::Virt::NODE_MEMORY_SHARED_SLEEP_MILLISECS

Macro for typed parameter that represents how many milliseconds the shared memory service should sleep before next scan.

=item Sys::Virt::NODE_MEMORY_SHARED_PAGES_SHARED

Macro for typed parameter that represents how many the shared memory pages are being used.

=item Sys::Virt::NODE_MEMORY_SHARED_PAGES_SHARING

Macro for typed parameter that represents how many sites are sharing the pages i.e. how much saved.

=item Sys::Virt::NODE_MEMORY_SHARED_PAGES_UNSHARED

Macro for typed parameter that represents how many pages unique but repeatedly checked for merging.

=item Sys::Virt::NODE_MEMORY_SHARED_PAGES_VOLATILE

Macro for typed parameter that represents how many pages changing too fast to be placed in a tree.

=item Sys::Virt::NODE_MEMORY_SHARED_FULL_SCANS

Macro for typed parameter that represents how many times all mergeable areas have been scanned.

=item Sys::Virt::NODE_MEMORY_SHARED_MERGE_ACROSS_NODES

Macro for typed parameter that represents whether pages from different NUMA nodes can be merged. The parameter has type int, when its value is 0, only pages which physically reside in the memory area of same NUMA node are merged; When its value is 1, pages from all nodes can be merged. Other values are reserved for future use.

=item Sys::Virt::BASELINE_CPU_EXPAND_FEATURES

show all features

=item Sys::Virt::BASELINE_CPU_MIGRATABLE

filter out non-migratable features

=item Sys::Virt::BASELINE_CPU_IGNORE_HOST

when computing a baseline from several CPUs, do not make the result
dependent on the current host

Defined where Sys::Virt is built against libvirt 11.6.0 or newer.

=item Sys::Virt::COMPARE_CPU_FAIL_INCOMPATIBLE

treat incompatible
CPUs as failure

=item Sys::Virt::COMPARE_CPU_VALIDATE_XML

validate the xml
document

=item Sys::Virt::IP_ADDR_TYPE_IPV4

The libvirt constant C<VIR_IP_ADDR_TYPE_IPV4>.

=item Sys::Virt::IP_ADDR_TYPE_IPV6

The libvirt constant C<VIR_IP_ADDR_TYPE_IPV6>.

=item Sys::Virt::NODE_ALLOC_PAGES_ADD

Add @pageCounts to the pages pool. This
can be used only to size up the pool.

=item Sys::Virt::NODE_ALLOC_PAGES_SET

Don't add @pageCounts, instead set
passed number of pages. This can be
used to free allocated pages.

=item Sys::Virt::SEV_CBITPOS

Macro represents the CBit Position used by hypervisor when SEV is enabled.

=item Sys::Virt::SEV_CERT_CHAIN

Macro represents the platform certificate chain that includes the platform endorsement key (PEK), owner certificate authority (OCD) and chip endorsement key (CEK), as VIR_TYPED_PARAMS_STRING.

=item Sys::Virt::SEV_PDH

Macro represents the Platform Diffie-Hellman key, as VIR_TYPED_PARAMS_STRING.

=item Sys::Virt::SEV_REDUCED_PHYS_BITS

Macro represents the number of bits we lose in physical address space when SEV is enabled in the guest.

=item Sys::Virt::SEV_MAX_GUESTS

Macro represents the number of SEV guests that can be run on the host, as a VIR_TYPED_PARAM_UINT.

Defined where Sys::Virt is built against libvirt 8.0.0 or newer.

=item Sys::Virt::SEV_MAX_ES_GUESTS

Macro represents the number of SEV-ES guests that can be run on the host, as a VIR_TYPED_PARAM_UINT.

Defined where Sys::Virt is built against libvirt 8.0.0 or newer.

=item Sys::Virt::SEV_CPU0_ID

Macro represents the unique ID of CPU0 (socket 0) needed to retrieve the signed CEK of the CPU from AMD's Key Distribution Service (KDS), as VIR_TYPED_PARAMS_STRING.

Defined where Sys::Virt is built against libvirt 8.4.0 or newer.

=item Sys::Virt::DOMAIN_CAPABILITIES_DISABLE_DEPRECATED_FEATURES

Report host model with deprecated features disabled.

Defined where Sys::Virt is built against libvirt 11.0.0 or newer.

=item Sys::Virt::DOMAIN_CAPABILITIES_EXPAND_CPU_FEATURES

Report all host model CPU features.

Defined where Sys::Virt is built against libvirt 12.2.0 or newer.

=item Sys::Virt::DOMAIN_CAPABILITIES_SUPPORTED_CPU_FEATURES

Report all CPU features supported on the host, even those that will not
be enabled by host-model CPU mode.

Defined where Sys::Virt is built against libvirt 12.5.0 or newer.

=back

=for generated-constants end

=head1 SEE ALSO

L<Sys::Virt::Error>, L<https://libvirt.org/>

=head1 LICENSE

This program is free software; you can redistribute it and/or modify it
under the terms of either the GNU General Public License as published by
the Free Software Foundation (either version 2 of the License, or at your
option any later version), or the Artistic License, as specified in the
Perl README file.

=cut
