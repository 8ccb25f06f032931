use strict;
use warnings;
use Test::More;
use Test::Pod::Coverage 1.08;

# Every public method and constant is documented. Constants are generated
# at boot from libvirt's API description, so they exist only once the
# module is loaded: Pod::Coverage sees them as subs of the package.
# The event loop adapters load only where their loop is installed.
my %needs = (
    'Sys::Virt::EventImpl::AnyEvent' => 'AnyEvent',
    'Sys::Virt::EventImpl::IOAsync'  => 'IO::Async::Loop',
    'Sys::Virt::EventImpl::Mojo'     => 'Mojo::IOLoop',
);
my $params = { also_private => [qr/^(DESTROY|CLONE_SKIP)$/] };
for my $module (all_modules()) {
    SKIP: {
        if (my $loop = $needs{$module}) {
            skip "$module: $loop is not installed", 1 unless eval "require $loop; 1";
        }
        # The non-blocking forms NAME_f and NAME_p of a method NAME are
        # documented once, as a rule, in Sys::Virt's POD ("NON-BLOCKING
        # CALLS"): covered when NAME itself is (it is checked as usual).
        my @async = do {
            no strict 'refs';
            eval "require $module; 1";
            map { /^(\w+)_[fp]\z/ && defined &{"${module}::$1"} ? (qr/^\Q$_\E\z/) : () } keys %{"${module}::"};
        };
        pod_coverage_ok($module, { also_private => [ @{ $params->{also_private} }, @async ] });
    }
}
done_testing;
