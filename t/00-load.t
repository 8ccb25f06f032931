use strict;
use warnings;
use Test::More;

use_ok('Sys::Virt');
use_ok('Sys::Virt::Error');
is(Sys::Virt::Stream::NONBLOCK(), 1, 'constants of other packages are registered at load');
ok(Sys::Virt->get_version() >= 9_000_000, 'libvirt library version');
done_testing;
