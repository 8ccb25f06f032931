package Test::StreamFiles;
# Files for the stream tests: deterministic data, sparse files with data
# islands, and the handlers that move them (SEEK_DATA / SEEK_HOLE).
use strict;
use warnings;
use Exporter 'import';
use Fcntl qw(SEEK_SET SEEK_CUR);

our @EXPORT_OK = qw(pattern write_file read_file make_sparse blocks
                    sparse_source sparse_sink SEEK_DATA SEEK_HOLE);

use constant { SEEK_DATA => 3, SEEK_HOLE => 4 };

# $n bytes of non-repeating-looking data, the same for the same $seed.
sub pattern {
    my ($n, $seed) = @_;
    $seed //= 1;
    my $block = pack 'N*', map { ($_ * 2654435761 + $seed * 40503) % 4294967296 } 1 .. 16384;   # 64 KiB
    my $out = '';
    my $i = 0;
    while (length $out < $n) {
        $out .= pack('N', $i++ ^ $seed) . substr($block, 4);
    }
    return substr $out, 0, $n;
}

sub write_file {
    my ($path, $data) = @_;
    open my $fh, '>:raw', $path or die "$path: $!";
    print $fh $data or die "$path: $!";
    close $fh or die "$path: $!";
}

sub read_file {
    my ($path) = @_;
    open my $fh, '<:raw', $path or die "$path: $!";
    local $/;
    my $d = <$fh>;
    return $d // '';
}

# A file of $size bytes, holes except for the islands [[offset, length], ...]
# (filled with pattern data). Returns the expected content.
sub make_sparse {
    my ($path, $size, @islands) = @_;
    open my $fh, '>:raw', $path or die "$path: $!";
    truncate $fh, $size or die "truncate $path: $!";
    my $content = "\0" x $size;
    my $seed = 7;
    for my $isl (@islands) {
        my ($off, $len) = @$isl;
        my $data = pattern($len, $seed++);
        sysseek $fh, $off, SEEK_SET or die $!;
        syswrite($fh, $data) == $len or die "write $path: $!";
        substr($content, $off, $len) = $data;
    }
    close $fh or die $!;
    return $content;
}

# 512-byte blocks allocated to the file.
sub blocks { (stat $_[0])[12] }

# Handlers for sparse_send_all reading $fh: ($data, $hole, $skip).
sub sparse_source {
    my ($fh) = @_;
    my $size = -s $fh;
    my $data = sub { sysread $fh, $_[1], $_[2] };
    my $hole = sub {
        my $cur = sysseek($fh, 0, SEEK_CUR) + 0;
        return (0, 0) if $cur >= $size;
        my $next = sysseek($fh, $cur, SEEK_DATA);
        if (!defined $next) {           # ENXIO: only a hole up to the end
            sysseek $fh, $cur, SEEK_SET;
            return (0, $size - $cur);
        }
        $next += 0;
        if ($next > $cur) {
            sysseek $fh, $cur, SEEK_SET;
            return (0, $next - $cur);
        }
        my $end = sysseek($fh, $cur, SEEK_HOLE) + 0;
        sysseek $fh, $cur, SEEK_SET;
        return (1, $end - $cur);
    };
    my $skip = sub { defined sysseek($fh, $_[1], SEEK_CUR) ? 0 : -1 };
    return ($data, $hole, $skip);
}

# Handlers for sparse_recv_all writing $fh: ($data, $hole, $finish) where
# $finish->() sets the file's size (a trailing hole leaves none written).
sub sparse_sink {
    my ($fh) = @_;
    my $data = sub { syswrite $fh, $_[1], $_[2] };
    my $hole = sub { defined sysseek($fh, $_[1], SEEK_CUR) ? 0 : -1 };
    my $finish = sub { truncate $fh, sysseek($fh, 0, SEEK_CUR) + 0 or die "truncate: $!" };
    return ($data, $hole, $finish);
}

1;
