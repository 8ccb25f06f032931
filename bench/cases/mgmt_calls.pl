#!/usr/bin/perl
# Case 8: management calls on test:///default, CPU per call.
#   usage: mgmt_calls.pl CALL N [DOMAINS]
#   CALL: get_name is_active get_info get_xml_description list_all_domains,
#         get_info_f list_all_domains_f (the non-blocking forms, this
#         project only: batches of 100 calls, each batch waited for on
#         libvirt's default loop; the CPU counted is the whole process's,
#         worker threads included), get_info_done (the blocking get_info,
#         its result in a Future done at once: the Future's own cost)
#   N: calls; DOMAINS: domains defined first (list_all_domains with 1,000)
# Prints cpu_per_call_us (the fastest of 5 rounds of N calls; 1 round with DOMAINS), the median
# round's, user_per_call_us and the RSS growth over all rounds (N/10 calls
# run first so that RSS is measured warm).
use strict;
use warnings;
BEGIN { unshift @INC, (__FILE__ =~ m{^(.*/)} ? $1 : "./") . "../lib" }
use BenchUtil qw(now cpu result rss_kib);
use Sys::Virt;

my ($call, $n, $ndom) = @ARGV;
die "usage: $0 CALL N [DOMAINS]\n" unless defined $n && $n > 0;
$ndom //= 0;

my $async = $call =~ /_(f|done)$/;
if ($async) {
    require Future;
    require Sys::Virt::Future;
    Sys::Virt::Event::register_default();
}
my $conn = Sys::Virt->new(uri => 'test:///default');
for my $i (1 .. $ndom) {
    $conn->define_domain(<<"XML");
<domain type='test'><name>bench$i</name><memory>1024</memory><os><type>hvm</type></os></domain>
XML
}
my $dom = $conn->get_domain_by_name('test');

my %body = (
    get_name            => sub { $dom->get_name for 1 .. $_[0] },
    is_active           => sub { $dom->is_active for 1 .. $_[0] },
    get_info            => sub { my $i; $i = $dom->get_info for 1 .. $_[0] },
    get_xml_description => sub { my $x; $x = $dom->get_xml_description for 1 .. $_[0] },
    list_all_domains    => sub { my @d; @d = $conn->list_all_domains for 1 .. $_[0] },
    get_info_f          => sub { batches($_[0], sub { $dom->get_info_f }) },
    # The floor of any Future-returning form: the blocking call, its
    # result in a Future made done at once (Future.pm's own cost).
    get_info_done       => sub { batches($_[0], sub { Sys::Virt::Future->new->done($dom->get_info) }) },
    list_all_domains_f  => sub { batches($_[0], sub { $conn->list_all_domains_f }) },
);

# $n calls of $start, 100 in flight at a time.
sub batches {
    my ($n, $start) = @_;
    while ($n > 0) {
        my $b = $n < 100 ? $n : 100;
        Future->wait_all(map { $start->() } 1 .. $b)->get;
        $n -= $b;
    }
}
my $body = $body{$call} or die "unknown call '$call'\n";

$body->(int($n / 10) || 1);    # warm up
my $rss0 = rss_kib();
# N calls, ROUNDS times: a round of the cheap calls lasts some 10 ms, and on
# a shared VM one round in three runs at a slower pace (the other guest):
# the fastest round is the call's own cost, as timeit reports it; the
# median round is printed beside it. With 1,000 domains one round is long
# enough (seconds) to need no more.
my $ROUNDS = $ndom ? 1 : 5;
my (@cpu, @user, $t0, $t1);
$t0 = now();
for (1 .. $ROUNDS) {
    my ($c0, $u0) = (cpu(), (times)[0]);
    $body->($n);
    my ($c1, $u1) = (cpu(), (times)[0]);
    push @cpu, $c1 - $c0;
    push @user, $u1 - $u0;
}
$t1 = now();
my @sorted = sort { $a <=> $b } @cpu;

result(calls => $n, rounds => $ROUNDS, op_wall => $t1 - $t0,
       cpu_per_call_us => 1e6 * $sorted[0] / $n,
       median_round_cpu_per_call_us => 1e6 * $sorted[int($ROUNDS / 2)] / $n,
       user_per_call_us => 1e6 * (sort { $a <=> $b } @user)[0] / $n,
       rss_growth_kib => rss_kib() - $rss0);
