package Test::Loopback;
# Whether TCP on 127.0.0.1 works here: a network namespace without its
# loopback up (cpanm's offline run in CI) has none.
use strict;
use warnings;
use IO::Socket::INET;
use Exporter 'import';
our @EXPORT_OK = qw(no_loopback);

# undef where a connection to 127.0.0.1 works; otherwise why not.
sub no_loopback {
    my $l = IO::Socket::INET->new(Listen => 1, LocalAddr => '127.0.0.1', LocalPort => 0);
    my $c = $l && IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $l->sockport, Timeout => 5);
    return $c ? undef : "no TCP on 127.0.0.1 here (a network namespace without loopback?): $@";
}

1;
