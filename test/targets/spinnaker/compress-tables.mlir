// RUN: axon-opt %s --spinn-compress-tables | FileCheck %s --check-prefix=FULL
// RUN: axon-opt %s --spinn-compress-tables=target-length=2 | FileCheck %s --check-prefix=TWO
// RUN: axon-opt %s --spinn-compress-tables="target-length=2 algorithm=pair-merge" | FileCheck %s --check-prefix=TWO

// Chip (0,0): 0x000 and 0x100 share route core 0 (0x40) and differ in bit 8
// only, so they merge into 0x000/0xfffffe00, which does not match 0x200.
// With the router's 1023 entries nothing needs merging: the table stays.
// FULL: spinn.table <0, 0> {compressed = [#spinn.entry<0x00000000, 0xffffff00 -> 0x000040>, #spinn.entry<0x00000100, 0xffffff00 -> 0x000040>, #spinn.entry<0x00000200, 0xffffff00 -> 0x000080>]
// TWO: spinn.table <0, 0> {compressed = [
// TWO-DAG: #spinn.entry<0x00000000, 0xfffffe00 -> 0x000040>
// TWO-DAG: #spinn.entry<0x00000200, 0xffffff00 -> 0x000080>
// TWO-NOT: 0x00000100, 0xffffff00 -> 0x000040>{{.*}}entries
// TWO-SAME: ], entries
//
// Chip (1,0): the defaultable entry nothing below intersects is dropped even
// when the table fits.
// FULL: spinn.table <1, 0> {compressed = [#spinn.entry<0x00000100, 0xffffff00 -> 0x000040>], entries
spinn.machine @m attributes {profile = "spinnaker1", network = "n",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.table <0, 0> {entries = [#spinn.entry<0x000, 0xffffff00 -> 0x40>,
                                 #spinn.entry<0x100, 0xffffff00 -> 0x40>,
                                 #spinn.entry<0x200, 0xffffff00 -> 0x80>]}
  spinn.table <1, 0> {entries = [#spinn.entry<0x000, 0xffffff00 -> 0x1, defaultable>,
                                 #spinn.entry<0x100, 0xffffff00 -> 0x40>]}
}
