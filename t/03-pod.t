use strict;
use warnings;
use Test::More;
use Test::Pod 1.22;

all_pod_files_ok(all_pod_files(qw(lib examples)));
