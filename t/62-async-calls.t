#!/usr/bin/perl
# The non-blocking forms (NAME_f) on test:///default with libvirt's default
# loop: the same results and errors as the blocking forms, objects usable at
# once, cancel, objects dropped in flight, a bounded pool, get in a plain
# script, no loop registered.
use strict;
use warnings;
use Test::More;
use Time::HiRes ();
use Test::Fatal qw(exception);
use Config;
use POSIX ();

BEGIN {
    plan skip_all => 'Future is not installed' unless eval { require Future; Future->VERSION(0.44); 1 };
}
use Sys::Virt;
use Sys::Virt::Event;

$SIG{ALRM} = sub { die "timed out\n" };
alarm 120;

my @inc = map { "-I$_" } grep { !ref } @INC;

# ---- without a registered loop: the future fails at once, saying so
{
    my $out = `$^X @inc -MSys::Virt -e '
        my \$c = Sys::Virt->new(uri => "test:///default");
        my \$f = \$c->get_hostname_f;
        print \$f->is_failed ? "failed: " . \$f->failure : "not failed";
        print "\\n";
        print eval { \$f->get; 1 } ? "got\\n" : "get died: \$@";
    ' 2>&1`;
    like $out, qr/^failed: .*get_hostname_f: .*none is registered/m, 'no loop: the future fails at once, saying why';
    like $out, qr/^get died: .*none is registered/m, 'and get dies with it';
}

Sys::Virt::Event::register_default();
# (run_default blocks for ever with nothing registered)
my $tick = Sys::Virt::Event::add_timeout(100, sub {});

sub settle_all {
    my $n = 0;
    Sys::Virt::Event::run_default() while Sys::Virt::_async_in_flight() && $n++ < 100_000;
}

my $conn = Sys::Virt->new(uri => 'test:///default');

# ---- results: the blocking form's list
{
    my $f = $conn->get_hostname_f;
    isa_ok $f, 'Sys::Virt::Future';
    isa_ok $f, 'Future';
    is_deeply [ $f->get ], [ $conn->get_hostname ], 'a string';

    my $dom = $conn->get_domain_by_name('test');
    # (cpuTime of the test driver's running domain is the clock's)
    my @got = $dom->get_info_f->get;
    my @info = $dom->get_info;
    is scalar(@got), 1, 'one value';
    ok delete $got[0]{cpuTime} && delete $info[0]{cpuTime}, 'cpuTime in both';
    is_deeply \@got, \@info, 'a hash (get_info, a fast path)';
    is_deeply [ $conn->get_node_info_f->get ], [ $conn->get_node_info ], 'a struct';
    is_deeply [ $dom->get_xml_description_f(0)->get ], [ $dom->get_xml_description(0) ], 'with an argument';
    is_deeply [ $dom->get_uuid_f->get ], [ $dom->get_uuid ], 'raw UUID';
    is_deeply [ scalar $dom->is_active_f->get ], [ scalar $dom->is_active ], 'a boolean';

    my @doms = $conn->list_all_domains_f->get;
    my @want = $conn->list_all_domains;
    is scalar(@doms), scalar(@want), 'a list of objects: as many';
    isa_ok $doms[0], 'Sys::Virt::Domain';
    is_deeply [ sort map { $_->get_name } @doms ], [ sort map { $_->get_name } @want ], 'usable at once';

    my $d2 = $conn->get_domain_by_uuid_f($dom->get_uuid_string)->get;
    isa_ok $d2, 'Sys::Virt::Domain', 'an object from a uuid argument';
    is $d2->get_name, 'test', 'the same domain';

    my @v = Sys::Virt->get_version_f->get;
    is_deeply \@v, [ Sys::Virt->get_version ], 'a class method';

    my @none = $dom->suspend_f->get;
    is_deeply \@none, [], 'a status call: an empty list';
    is $dom->get_info->{state}, Sys::Virt::Domain::STATE_PAUSED(), 'and it happened';
    $dom->resume_f->get;
    is $dom->get_info->{state}, Sys::Virt::Domain::STATE_RUNNING(), 'resumed';

    my $c2 = Sys::Virt->new_f(uri => 'test:///default')->get;
    isa_ok $c2, 'Sys::Virt', 'new_f';
    is $c2->get_uri, 'test:///default', 'a working connection';
    {
        package My::Conn;
        our @ISA = ('Sys::Virt');
    }
    isa_ok(My::Conn->new_f(uri => 'test:///default')->get, 'My::Conn', 'new_f of a subclass');
    my $nf = Sys::Virt->new_f(uri => 'nosuch:///x');
    ok $nf->await->is_failed, 'new_f of a bad URI fails';
    isa_ok $nf->failure, 'Sys::Virt::Error';
}

# ---- new_f with an auth callback: it runs on the loop's thread while the
# worker waits inside virConnectOpenAuth
{
    require File::Temp;
    my $tmp = File::Temp->new(SUFFIX => '.xml');
    print $tmp "<node><auth><user password='secret'>alice</user></auth></node>";
    close $tmp;
    my $uri = "test://" . $tmp->filename;
    my $cred = sub {
        my ($password) = @_;
        return sub {
            my ($creds) = @_;
            for my $c (@$creds) {
                $c->{result} = $c->{type} == Sys::Virt::CRED_AUTHNAME() ? 'alice' : $password;
            }
            return 0;
        };
    };
    my @asked;
    my $right = $cred->('secret');
    my $f = Sys::Virt->new_f(uri => $uri, auth => 1, callback => sub { push @asked, [ map { $_->{type} } @{ $_[0] } ]; $right->(@_) });
    is scalar(@asked), 0, 'the callback has not run before the loop runs';
    my $c = $f->get;
    isa_ok $c, 'Sys::Virt', 'new_f with auth';
    ok @asked >= 1, 'the callback was asked (on the loop: this thread)';
    ok scalar(grep { $_ == Sys::Virt::CRED_AUTHNAME() } map { @$_ } @asked), 'for the user name';
    is $c->get_uri, $uri, 'the connection works';

    my $bad = Sys::Virt->new_f(uri => $uri, auth => 1, callback => $cred->('wrong'));
    my $want = exception { Sys::Virt->new(uri => $uri, auth => 1, callback => $cred->('wrong')) };
    my $got = exception { $bad->get };
    isa_ok $got, 'Sys::Virt::Error', 'a wrong password';
    is_deeply {%$got}, {%$want}, 'the error of the blocking new';

    my $dies = Sys::Virt->new_f(uri => $uri, auth => 1, callback => sub { die "no credentials here\n" });
    is exception { $dies->get }, "no credentials here\n", 'a callback that dies fails the future with its exception';
    my $p;
  SKIP: {
        skip 'Mojo::Promise is not installed', 1 unless eval { require Mojo::Promise; 1 };
        $p = Sys::Virt->new_p(uri => $uri, auth => 1, callback => $cred->('secret'));
        isa_ok $p, 'Mojo::Promise', 'new_p with auth';
    }
    settle_all();
    is Sys::Virt::_async_in_flight(), 0, 'all settled';
}

# ---- failures: the same error object as the blocking form
{
    my $want = exception { $conn->get_domain_by_name('nosuch') };
    my $f = $conn->get_domain_by_name_f('nosuch');
    my $got = exception { $f->get };
    isa_ok $got, 'Sys::Virt::Error';
    is_deeply {%$got}, {%$want}, 'same code, domain, level and message';
    is $got->code, Sys::Virt::Error::ERR_NO_DOMAIN(), 'ERR_NO_DOMAIN';
    ok $f->is_failed, 'the future failed';
    is $f->failure, $got, 'failure is that object';

    my $g = $conn->get_domain_by_name('test')->set_memory_f(1);    # below what it uses: refused
    my $e1 = exception { $g->get };
    my $e2 = exception { $conn->get_domain_by_name('test')->set_memory(1) };
    is ref($e1), ref($e2), 'same class as blocking';
    is(ref $e1 ? $e1->message : $e1, ref $e2 ? $e2->message : $e2, 'same message as blocking') if $e1 || $e2;

    like exception { $conn->get_domain_by_id_f('abc') }, qr/get_domain_by_id.*'id' must be/,
        'a wrong argument dies at once, as the blocking form does';
    like exception { Sys::Virt::Domain::get_info_f(undef) }, qr/Sys::Virt::Domain::get_info/,
        'undef as the object dies at once';

    my $p = Sys::Virt->_test_panic_f;
    like exception { $p->get }, qr/panic/, 'a panic on a worker fails the future (and nothing crashes)';
}

# ---- cancel: the result is dropped when it comes, its objects released
{
    my $destroyed = 0;
    my $orig = \&Sys::Virt::Domain::DESTROY;
    no warnings 'redefine';
    local *Sys::Virt::Domain::DESTROY = sub { $destroyed++; $orig->(@_) };
    use warnings 'redefine';
    my $n = () = $conn->list_all_domains;
    $destroyed = 0;
    my @f = map { $conn->list_all_domains_f } 1 .. 5;
    $_->cancel for @f;
    ok((grep { $_->is_cancelled } @f) == 5, 'cancelled');
    settle_all();
    is Sys::Virt::_async_in_flight(), 0, 'every call settled';
    is $destroyed, 5 * $n, 'the objects of the cancelled results were released';
    my $after = $conn->list_all_domains_f->get;
    ok $after, 'later calls work';
}

# ---- objects dropped while their calls are in flight
{
    my ($f, $g);
    {
        my $c = Sys::Virt->new(uri => 'test:///default');
        my $d = $c->get_domain_by_name('test');
        $f = $d->get_info_f;
        $g = $c->list_all_domains_f;
        undef $d;
        undef $c;
    }
    my $info = $f->get;
    is ref($info), 'HASH', 'the domain and its connection dropped: the call still settles';
    ok exists $info->{state}, 'with its result';
    my @d = $g->get;
    ok @d >= 1, 'a list from a dropped connection';
    is $d[0]->get_name, 'test', 'its objects work (they hold the connection)';
}

# ---- the same for a node device (a handle that is a box of its own: the
# call in flight holds another)
{
    my $f;
    {
        my $c = Sys::Virt->new(uri => 'test:///default');
        my ($dev) = $c->list_all_node_devices;
        $f = $dev->get_xml_description_f;
        undef $dev;
        undef $c;
    }
    like scalar $f->get, qr/<device>/, 'a node device dropped in flight: the call still settles, with its result';
}

# ---- the methods written in Perl over other calls: the same results
{
    my $key = sub { join ' ', sort map { ref($_) . ':' . ($_->can('get_name') ? $_->get_name : $_->get_uuid_string) } @_ };
    for my $m (qw(list_domains list_defined_domains list_networks list_defined_networks list_interfaces
                  list_defined_interfaces list_nwfilters list_storage_pools list_defined_storage_pools list_secrets)) {
        my $f = $conn->can("${m}_f")->($conn);
        isa_ok $f, 'Sys::Virt::Future', "$m\_f";
        $f->await;
        my $want = eval { $key->($conn->$m) } // $@->message;
        is $f->is_failed ? $f->failure->message : $key->($f->get), $want, "$m\_f: what $m gives";
    }
    ok scalar(my @d = $conn->list_domains_f->get), 'list_domains_f: not empty here';
    ok scalar(my @n = $conn->list_networks_f->get), 'list_networks_f: not empty here';
    my @devs = $conn->list_node_devices_f(undef)->get;
    ok @devs, 'list_node_devices_f(undef): not empty here';
    is $key->(@devs), $key->($conn->list_node_devices(undef)), 'and the list list_node_devices gives';
    my ($pool) = $conn->list_all_storage_pools;
    $pool->create_volume("<volume><name>async-list.img</name><capacity>1024</capacity></volume>");
    is $key->($pool->list_volumes_f->get), $key->($pool->list_volumes), 'list_volumes_f: the list list_volumes gives';
    like $key->($pool->list_volumes_f->get), qr/async-list\.img/, 'with the new volume';
    is_deeply [map { $conn->can("get_${_}_version_f")->($conn)->get } qw(major minor micro)],
              [map { $conn->can("get_${_}_version")->($conn) } qw(major minor micro)], 'get_*_version_f';
    my $blocking = exception { $conn->node_alloc_pages([[4, 1]], 0, 0) };
    my $f = $conn->node_alloc_pages_f([[4, 1]], 0, 0);
    ok $f->await->is_ready, 'node_alloc_pages_f settles';
    is $f->failure && $f->failure->message, $blocking && $blocking->message, 'with the error node_alloc_pages dies with';
    like exception { $conn->node_alloc_pages_f('x', 0, 0) }, qr/'pages' must be an ARRAY reference/, 'a wrong argument dies at once';
    my $dom = $conn->get_domain_by_name('test');
    for my $m (qw(migrate migrate2 migrate_to_uri migrate_to_uri2)) {
        my $want = exception { $dom->$m($conn, 0) };
        my $got;
        my $e = exception { $got = $dom->can("${m}_f")->($dom, $conn, 0)->failure };
        $e //= $got;
        is ref($e) && $e->isa('Sys::Virt::Error') ? $e->message : "$e", ref($want) ? $want->message : "$want",
           "$m\_f: the error $m gives";
    }
}

# ---- many calls, a small pool
{
    is Sys::Virt::get_worker_threads(), 64, 'the pool has 64 workers by default';
    is Sys::Virt::set_worker_threads(3), 64, 'set_worker_threads returns the previous size';
    is Sys::Virt::get_worker_threads(), 3, 'and sets it';
    like exception { Sys::Virt::set_worker_threads(0) }, qr/between 1 and/, 'a pool of 0 workers is refused';
    my $dom = $conn->get_domain_by_name('test');
    my @f = map { $dom->get_info_f } 1 .. 300;
    my $all = Future->wait_all(@f)->get;
    is scalar(grep { $_->is_done } @f), 300, '300 calls on 3 workers: all done';
  SKIP: {
        skip 'no /proc/self/task', 1 unless -d "/proc/$$/task";
        my $workers = sub {
            scalar grep { my $fh; open($fh, '<', $_) && (<$fh> // '') =~ /^svr-worker/ } glob "/proc/$$/task/*/comm";
        };
        # (workers above the size leave once idle: waited for, not timed)
        my $n = $workers->();
        for (1 .. 200) { last if $n <= 3; select undef, undef, undef, 0.05; $n = $workers->() }
        ok $n >= 1 && $n <= 3, "the pool is bounded: $n worker thread(s) of at most 3";
    }
    is Sys::Virt::_async_in_flight(), 0, 'none pending';
    Sys::Virt::set_worker_threads(16);
}

# ---- callbacks run on the loop's thread, from the loop; one that dies
{
    my @seen;
    my $f = $conn->get_hostname_f->on_done(sub { push @seen, @_ });
    is scalar(@seen), 0, 'nothing before the loop runs';
    settle_all();
    is_deeply \@seen, [ $conn->get_hostname ], 'on_done ran from the loop';

    my $g = $conn->get_hostname_f->on_done(sub { die "callback died\n" });
    my $e;
    for (1 .. 1000) {
        $e = exception { Sys::Virt::Event::run_default() };
        last if $e || $g->is_ready;
    }
    $e //= exception { Sys::Virt::Event::run_default() };
    is $e, "callback died\n", 'a callback that dies: run_default dies with it after its iteration';
}

# ---- get in a plain script; await with Future::AsyncAwait
{
    my $out = `$^X @inc -MSys::Virt -e '
        Sys::Virt::Event::register_default();
        my \$c = Sys::Virt->new_f(uri => "test:///default")->get;
        my (\$d) = \$c->list_all_domains_f->get;
        print \$d->get_name, " ", \$d->get_info_f->get->{nrVirtCpu}, "\\n";
    ' 2>&1`;
    is $out, "test 2\n", 'get runs the default loop in a plain script';
  SKIP: {
        skip 'Future::AsyncAwait is not installed', 1 unless eval { require Future::AsyncAwait; 1 };
        my $out2 = `$^X @inc -MSys::Virt -e '
            use Future::AsyncAwait;
            Sys::Virt::Event::register_default();
            async sub names { my \$c = await Sys::Virt->new_f(uri => "test:///default");
                              my \@d = await \$c->list_all_domains_f; join ",", map { \$_->get_name } \@d }
            print names()->get, "\\n";
        ' 2>&1`;
        is $out2, "test\n", 'await in an async sub';
    }
}

# ---- a forked child: its own workers, none of its parent's calls
{
    my $dom = $conn->get_domain_by_name('test');
    my $pending = $dom->get_info_f;    # in flight in the parent at the fork
    # (Its worker done, its result not yet delivered: a fork while a worker
    # is inside libvirt leaves the child without loops or calls, t/26.)
    Time::HiRes::sleep(0.2);
    pipe my $r, my $w or die "pipe: $!";
    my $pid = fork;
    die "fork: $!" unless defined $pid;
    if (!$pid) {
        close $r;
        my $inherited = Sys::Virt::_async_in_flight();
        my $c2 = Sys::Virt->new(uri => 'test:///default');
        my $i = eval { $c2->get_domain_by_name('test')->get_info_f->get };
        my $theirs = $dom->get_info_f;
        my $refused = $theirs->is_failed && scalar($theirs->failure) =~ /belongs to process \d+/ ? 'refused' : 'not refused';
        print $w "inherited=$inherited state=" . ($i ? $i->{state} : 'failed') . " $refused\n";
        close $w;
        POSIX::_exit(0);
    }
    close $w;
    my $line = <$r> // '';
    waitpid $pid, 0;
    is $line, "inherited=0 state=" . Sys::Virt::Domain::STATE_RUNNING() . " refused\n",
        "a forked child inherits no call in flight, its own calls work, its parent's objects are refused";
    ok $pending->get, "the parent's call settles in the parent";
}

# ---- no Perl value leaks per call (the Future, its result, its objects)
SKIP: {
    skip 'Test::LeakTrace is not installed', 3 unless eval { require Test::LeakTrace; 1 };
    my $dom = $conn->get_domain_by_name('test');
    $dom->get_info_f->get for 1 .. 3;    # warm up (classes, caches)
    Test::LeakTrace::no_leaks_ok(sub { $dom->get_info_f->get for 1 .. 20 }, 'get_info_f leaks no Perl value');
    Test::LeakTrace::no_leaks_ok(sub { my @d = $conn->list_all_domains_f->get for 1 .. 20 }, 'list_all_domains_f neither');
    Test::LeakTrace::no_leaks_ok(sub { eval { $conn->get_domain_by_name_f('nosuch')->get } for 1 .. 20 }, 'nor a failure');
}

is Sys::Virt::_async_in_flight(), 0, 'nothing left in flight';
Sys::Virt::Event::remove_timeout($tick);
done_testing;
