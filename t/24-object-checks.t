#!/usr/bin/perl
# The invocant and object-argument checks of every method remember the
# class's stash per call site (glue.h: svr_unwrap). Once that cache is warm,
# the checks must still refuse what they refused before and accept
# subclasses: each case below runs after thousands of good calls.
use strict;
use warnings;
use Test::More;
use Sys::Virt;

my $conn = Sys::Virt->new(uri => 'test:///default');
my $dom = $conn->get_domain_by_name('test');
my ($pool) = $conn->list_all_storage_pools;

# Warm every site used below.
for (1 .. 2000) {
    $dom->get_name;
    $dom->is_active;
    $dom->get_info;
    $conn->list_all_domains;
    $pool->get_name;
}

{
    package My::Domain;
    our @ISA = ('Sys::Virt::Domain');
}
{
    package Not::A::Domain;
}

sub err_of { my ($code) = @_; eval { $code->(); 1 } ? '' : "$@" }

# A subclass object takes the slow path and works, before and after.
my $sub = My::Domain->_new(connection => $conn, name => 'test');
for (1 .. 3) {
    is($sub->get_name, 'test', 'a subclass object works after the cache is warm');
    is($sub->is_active, 1, 'and its status call too');
}
is($dom->get_name, 'test', 'the class itself still takes the fast path');

# An object of another class with the same inner layout is refused.
my $other = bless \(my $iv = 1), 'Not::A::Domain';
like(err_of(sub { Sys::Virt::Domain::get_name($other) }),
     qr/Sys::Virt::Domain::get_name: 'dom' is not a Sys::Virt::Domain object/,
     'an object of another class is refused with the cache warm');
like(err_of(sub { Sys::Virt::Domain::is_active($pool) }),
     qr/is not a Sys::Virt::Domain object/,
     'an object of another Sys::Virt class is refused');
like(err_of(sub { Sys::Virt::StoragePool::get_name($dom) }),
     qr/is not a Sys::Virt::StoragePool object/,
     'and the other way round');
like(err_of(sub { Sys::Virt::Domain::get_name(\1) }),
     qr/is not a Sys::Virt::Domain object/, 'a plain reference is refused');
like(err_of(sub { Sys::Virt::Domain::get_name(undef) }),
     qr/'dom' is undef/, 'undef is refused');
like(err_of(sub { Sys::Virt::list_all_domains($dom) }),
     qr/is not a Sys::Virt object/, 'a domain where the connection is due is refused');

# An object reblessed out of the class is refused at the same call site.
my $victim = $conn->get_domain_by_name('test');
bless $victim, 'Not::A::Domain';
like(err_of(sub { Sys::Virt::Domain::get_name($victim) }),
     qr/is not a Sys::Virt::Domain object/, 'an object reblessed away is refused');
bless $victim, 'Sys::Virt::Domain';
is($victim->get_name, 'test', 'and accepted again once blessed back');

# A destroyed object (its handle taken) is refused, not dereferenced.
my $gone = $conn->get_domain_by_name('test');
$gone->DESTROY;
like(err_of(sub { $gone->get_name }), qr/no longer valid/,
     'an object whose handle is gone is refused on the warm path');

# Objects made in lists carry the class's stash: methods and isa work.
my @doms = $conn->list_all_domains;
isa_ok($doms[0], 'Sys::Virt::Domain');
is(ref $doms[0], 'Sys::Virt::Domain', 'list elements are blessed into the class');
is($doms[0]->get_name, 'test', 'and work');

# Another interpreter (a thread) has stashes of its own: the caches filled
# by this one must not be used there, nor its caches here.
SKIP: {
    require Config;
    skip 'perl without threads', 2 unless $Config::Config{useithreads};
    require threads;
    my $t = threads->create(sub {
        my $c = Sys::Virt->new(uri => 'test:///default');
        my @d = $c->list_all_domains;
        my $ok = ref $d[0] eq 'Sys::Virt::Domain' && $d[0]->get_name eq 'test'
            && $d[0]->is_active == 1;
        my $refused = !eval { Sys::Virt::Domain::get_name($c); 1 };
        return $ok && $refused ? 'ok' : 'wrong';
    });
    is($t->join, 'ok', 'a thread wraps, checks and refuses objects in its own interpreter');
    is(join(',', map { $_->get_name } $conn->list_all_domains), 'test',
       'and this interpreter still does after it');
}

done_testing;
