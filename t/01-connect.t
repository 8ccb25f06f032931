use strict;
use warnings;
use lib 't/lib';
use File::Temp qw(tempdir);
use POSIX ();
use Scalar::Util qw(blessed);
use Test::More;
use Test::Fatal qw(exception);
use Test::LibvirtDaemon;

use Sys::Virt;

subtest 'test:///default connection' => sub {
    my $conn = Sys::Virt->new(uri => 'test:///default');
    isa_ok($conn, 'Sys::Virt');
    is($conn->get_uri, 'test:///default', 'get_uri');
    is($conn->get_type, 'TEST', 'get_type');
    ok(length $conn->get_hostname, 'get_hostname');
    ok($conn->get_version > 0, 'get_version: hypervisor version');
    is($conn->get_library_version, Sys::Virt->get_version, 'get_library_version: the libvirt library');
    cmp_ok($conn->get_library_version, '>=', Sys::Virt::LIBVIR_VERSION_NUMBER(),
           'get_library_version: at least the libvirt built against');
    is($conn->is_alive, 1, 'is_alive');
    is($conn->is_secure, 1, 'is_secure');
    is($conn->is_encrypted, 0, 'is_encrypted');
    my $ro = Sys::Virt->new(address => 'test:///default', readonly => 1);
    is($ro->get_uri, 'test:///default', 'address is a synonym of uri; readonly opens');
};

subtest 'subclass' => sub {
    @My::Conn::ISA = ('Sys::Virt');
    my $conn = My::Conn->new(uri => 'test:///default');
    isa_ok($conn, 'My::Conn');
    is($conn->get_type, 'TEST', 'methods work on a subclass');
};

subtest 'libvirt errors are Sys::Virt::Error objects' => sub {
    my $err = exception { Sys::Virt->new(uri => 'nosuchdriver:///nowhere') };
    isa_ok($err, 'Sys::Virt::Error');
    ok($err->code > 0, 'code ' . $err->code);
    ok(length $err->message, 'message: ' . $err->message);
    is($err->level, Sys::Virt::Error::LEVEL_ERROR(), 'level is the level, not the code');
    ok(defined $err->domain, 'domain ' . $err->domain);
    is("$err", sprintf("libvirt error code: %d, message: %s\n", $err->code, $err->message),
       'stringification');
    my $made = Sys::Virt::Error->new(level => 2, code => 1, domain => 0, message => 'x');
    is("$made", "libvirt error code: 1, message: x\n", 'made by hand');
};

subtest 'wrong arguments die with a clear message' => sub {
    like(exception { Sys::Virt::get_uri(undef) },
         qr/^Sys::Virt::get_uri: 'con' is undef, not a Sys::Virt object at /, 'undef object');
    like(exception { Sys::Virt::get_type(bless {}, 'Other') },
         qr/^Sys::Virt::get_type: 'con' is not a Sys::Virt object/, 'object of another class');
    like(exception { Sys::Virt::get_type("test:///default") },
         qr/'con' is not a Sys::Virt object/, 'a string');
    my $conn = Sys::Virt->new(uri => 'test:///default');
    like(exception { $conn->set_keep_alive('often', 3) },
         qr/^Sys::Virt::set_keep_alive: 'interval' must be a number, not 'often'/, 'not a number');
    like(exception { $conn->set_keep_alive(undef, 3) },
         qr/'interval' must be a number, not undef/, 'undef number');
    like(exception { Sys::Virt->new(uri => 'test:///default', 'odd') },
         qr/odd number of arguments/, 'odd argument list');
    like(exception { Sys::Virt->new(uri => 'test:///default', flags => 'x') },
         qr/'flags' must be a number/, 'flags not a number');
    like(exception { Sys::Virt->new(uri => 'test:///default', auth => 1, callback => 'nope') },
         qr/'callback' must be a CODE reference/, 'callback not CODE');
    like(exception { Sys::Virt->new(uri => 'test:///default', auth => 1, credlist => 5,
                                    callback => sub { 0 }) },
         qr/'credlist' must be an ARRAY reference/, 'credlist not ARRAY');
    my $obj = Sys::Virt->new(uri => 'test:///default');
    $obj->DESTROY;
    like(exception { $obj->get_uri }, qr/no longer valid/, 'destroyed object dies, no crash');
};

subtest 'a Rust panic becomes a Perl exception' => sub {
    my $err = exception { Sys::Virt::_test_panic() };
    like($err, qr/^Sys::Virt::_test_panic: internal error in the Rust core: deliberate panic/,
         'panic message names the function');
    is(Sys::Virt->new(uri => 'test:///default')->get_type, 'TEST', 'library still usable');
};

# The test driver asks for credentials when its XML has an <auth> section.
my $dir = tempdir(CLEANUP => 1);
my $xml = "$dir/auth.xml";
open my $fh, '>', $xml or die $!;
print $fh "<node><auth><user password='secret'>alice</user></auth></node>\n";
close $fh;
my $auth_uri = "test://$xml";

subtest 'auth callback' => sub {
    my @seen;
    my $conn = Sys::Virt->new(
        uri => $auth_uri, auth => 1,
        credlist => [Sys::Virt::CRED_AUTHNAME(), Sys::Virt::CRED_PASSPHRASE()],
        callback => sub {
            my ($creds) = @_;
            for my $c (@$creds) {
                push @seen, $c->{type};
                $c->{result} = $c->{type} == Sys::Virt::CRED_AUTHNAME() ? 'alice' : 'secret';
            }
            return 0;
        });
    isa_ok($conn, 'Sys::Virt', 'authenticated');
    is_deeply([sort @seen], [sort(Sys::Virt::CRED_AUTHNAME(), Sys::Virt::CRED_PASSPHRASE())],
              'asked for name and passphrase');

    my $err = exception {
        Sys::Virt->new(uri => $auth_uri, auth => 1,
                       callback => sub { $_->{result} = 'wrong' for @{$_[0]}; 0 });
    };
    isa_ok($err, 'Sys::Virt::Error', 'wrong password');

    $err = exception { Sys::Virt->new(uri => $auth_uri, auth => 1, callback => sub { -1 }) };
    isa_ok($err, 'Sys::Virt::Error', 'refusing callback');

    $err = exception { Sys::Virt->new(uri => $auth_uri, auth => 1, callback => sub { die "no creds here\n" }) };
    is($err, "no creds here\n", 'a string exception from the callback comes out unchanged');

    my $obj = bless { why => 'custom' }, 'My::Exception';
    $err = exception { Sys::Virt->new(uri => $auth_uri, auth => 1, callback => sub { die $obj }) };
    is($err, $obj, 'an exception object comes out as the same object');
    is(Sys::Virt->new(uri => 'test:///default')->get_type, 'TEST', 'still usable afterwards');
};

subtest 'the connection closes when its last reference goes' => sub {
    my $d = Test::LibvirtDaemon->start;
    plan skip_all => "private libvirtd: $Test::LibvirtDaemon::SKIP_REASON" unless $d;
    my $sockets = sub {
        my $n = 0;
        for my $fd (glob "/proc/$$/fd/*") {
            my $t = readlink $fd // next;
            $n++ if $t =~ /^socket:/;
        }
        return $n;
    };
    my $before = $sockets->();
    my $conn = Sys::Virt->new(uri => $d->uri);
    is($conn->get_type, 'storage', 'connected to the private daemon');
    cmp_ok($sockets->(), '>', $before, 'a socket is open');
    my $copy = $conn;
    undef $conn;
    cmp_ok($sockets->(), '>', $before, 'still open while a reference remains');
    undef $copy;
    is($sockets->(), $before, 'closed when the last reference goes');

    # Dropping a connection to a daemon that died writes to a dead socket:
    # that must not kill the script with SIGPIPE.
    my $pid = fork // die "fork: $!";
    if ($pid == 0) {
        my $c = Sys::Virt->new(uri => $d->uri);
        my $c2 = Sys::Virt->new(uri => $d->uri);
        $d->kill_daemon('KILL');
        undef $c;    # the first write after the daemon died
        my $err = eval { $c2->get_hostname; 1 } ? 'none' : ref($@);
        undef $c2;
        POSIX::_exit($err eq 'Sys::Virt::Error' ? 0 : 3);
    }
    waitpid $pid, 0;
    is($?, 0, 'connections to a dead daemon fail with Sys::Virt::Error and drop without SIGPIPE');
    $d->stop;
};

done_testing;
