#!/usr/bin/perl
# Parses every file named on standard input with Perl's Sisimai, in one process,
# and prints "<files> <seconds>" — the reference figure for npm run bench.
use strict;
use warnings;
use Sisimai;
use Time::HiRes qw(time);
chomp(my @files = <STDIN>);
my $started = time;
my $results = 0;
for my $file (@files) {
  my $parsed = Sisimai->make($file) // [];
  $results += scalar @$parsed;
}
printf "%d %.6f %d\n", scalar @files, time - $started, $results;
