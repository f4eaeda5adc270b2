// RUN: axon-opt %s --spinn-compress-tables=target-length=1 -split-input-file -verify-diagnostics
// RUN: not axon-opt %s --spinn-compress-tables=algorithm=best -split-input-file 2>&1 | FileCheck %s --check-prefix=ALGO

// ALGO: unknown compressor 'best', expected 'ordered-covering' or 'pair-merge'

// Two keys with different routes can never share one entry.
spinn.machine @m attributes {profile = "spinnaker1", network = "n",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  // expected-error @below {{chip (0, 0): table of 2 entries compresses only to 2 with ordered-covering, but the router holds 1}}
  spinn.table <0, 0> {entries = [#spinn.entry<0x000, 0xffffff00 -> 0x40>,
                                 #spinn.entry<0x100, 0xffffff00 -> 0x80>]}
}

// -----

// Overlapping entries with different routes cannot be reordered safely.
spinn.machine @m attributes {profile = "spinnaker1", network = "n",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  // expected-error @below {{chip (0, 0): entries 0}}
  spinn.table <0, 0> {entries = [#spinn.entry<0x000, 0xffffff00 -> 0x40>,
                                 #spinn.entry<0x000, 0xfffff000 -> 0x80>]}
}
