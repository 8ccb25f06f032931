use strict;
use warnings;
use Test::More;
use Test::Pod::Coverage 1.08;

# Every public method and constant is documented. Constants are generated
# at boot from libvirt's API description, so they exist only once the
# module is loaded: Pod::Coverage sees them as subs of the package.
all_pod_coverage_ok({ also_private => [qr/^(DESTROY|CLONE_SKIP)$/] });
