// RUN: axon-opt %s --convert-snn-to-spinn --spinn-partition | FileCheck %s
//
// Expected numbers by hand from the resource model (Resources.h):
//   in (source, 0 words/neuron): dtcm = sdram = 8192; cycles = 2000 + 10/atom.
//   exc (lif, 1 state + 6 param words = 28 B/neuron), slices 256/256/88:
//     exc_0: dtcm = 8192 + 256*28 + 16*2*2*256 + 4 blocks * (12+4)
//                 = 8192 + 7168 + 16384 + 64 = 31808
//            sdram = 8192 + 7168 + in_0 block 256*(3+1)*4
//                    + rec blocks 2*256*(3+256)*4 + 88*(3+256)*4
//                  = 8192 + 7168 + 4096 + 530432 + 91168 = 641056
//            cycles = 2000 + 256*(60+20) + ceil(0.01*(256*100 + 256*16
//                     + 2*(256*100 + 65536*16) + 88*100 + 22528*16))
//                   = 22480 + ceil(25472.96) = 47953
//     exc_2: dtcm = 8192 + 88*28 + 16*2*2*88 + 4*16 = 16352
//            sdram = 8192 + 2464 + 88*4*4 + 2*256*(3+88)*4 + 88*91*4
//                  = 8192 + 2464 + 1408 + 186368 + 32032 = 230464
//   readout (li, 5 words, 1 neuron/core):
//     dtcm = 8192 + 20 + 64 + 3*16 = 8324
//     sdram = 8192 + 20 + 256*4*4 + 256*4*4 + 88*4*4 = 17812
//     cycles = 2000 + 80 + ceil(0.01*(2*(25600+4096) + 8800+1408)) = 2776

// CHECK-LABEL: spinn.machine @net_spinnaker
// CHECK: spinn.vertex @in_0 {cycles = 4560 : i64, dtcm = 8192 : i64, hi = 256 : i64, lo = 0 : i64, population = @in, sdram = 8192 : i64, targets = [@exc_0]}
// CHECK-NEXT: spinn.vertex @in_1 {cycles = 4560 : i64, dtcm = 8192 : i64, hi = 512 : i64, lo = 256 : i64, population = @in, sdram = 8192 : i64, targets = [@exc_1]}
// CHECK-NEXT: spinn.vertex @in_2 {cycles = 2880 : i64, dtcm = 8192 : i64, hi = 600 : i64, lo = 512 : i64, population = @in, sdram = 8192 : i64, targets = [@exc_2]}
// CHECK-NEXT: spinn.vertex @exc_0 {cycles = 47953 : i64, dtcm = 31808 : i64, hi = 256 : i64, lo = 0 : i64, population = @exc, sdram = 641056 : i64, targets = [@exc_0, @exc_1, @exc_2, @readout_0, @readout_1]}
// CHECK-NEXT: spinn.vertex @exc_1 {cycles = 47953 : i64, dtcm = 31808 : i64, hi = 512 : i64, lo = 256 : i64, population = @exc, sdram = 641056 : i64, targets = [@exc_0, @exc_1, @exc_2, @readout_0, @readout_1]}
// CHECK-NEXT: spinn.vertex @exc_2 {{{.*}}dtcm = 16352 : i64, hi = 600 : i64, lo = 512 : i64, population = @exc, sdram = 230464 : i64, targets = [@exc_0, @exc_1, @exc_2, @readout_0, @readout_1]}
// CHECK-NEXT: spinn.vertex @readout_0 {cycles = 2776 : i64, dtcm = 8324 : i64, hi = 1 : i64, lo = 0 : i64, population = @readout, sdram = 17812 : i64, targets = []}
// CHECK-NEXT: spinn.vertex @readout_1 {cycles = 2776 : i64, dtcm = 8324 : i64, hi = 2 : i64, lo = 1 : i64, population = @readout, sdram = 17812 : i64, targets = []}
snn.network @net attributes {discretization = #snn.discretization<dt = 1.0e-03, method = exact, reset = zero>} {
  %in = snn.input : tensor<600xi1> loc("in")
  %w = snn.scale %in {scale = dense<2.0> : tensor<600xf32>} : (tensor<600xi1>) -> tensor<600xf32> loc("w")
  %d = snn.delay %w {delay = dense<5.0e-03> : tensor<600xf32>} : (tensor<600xf32>) -> tensor<600xf32> loc("d")
  %exc = snn.lif %d, %rec {tau = dense<0.01> : tensor<600xf32>, r = dense<1.0> : tensor<600xf32>, v_leak = dense<0.0> : tensor<600xf32>, v_threshold = dense<1.0> : tensor<600xf32>, v_reset = dense<0.0> : tensor<600xf32>} : (tensor<600xf32>, tensor<600xf32>) -> tensor<600xi1> loc("exc")
  %rec = snn.linear %exc {weight = dense<0.01> : tensor<600x600xf32>} : (tensor<600xi1>) -> tensor<600xf32> loc("rec")
  %ro = snn.linear %exc {weight = dense<1.0> : tensor<2x600xf32>} : (tensor<600xi1>) -> tensor<2xf32> loc("ro_w")
  %out = snn.li %ro {tau = dense<0.01> : tensor<2xf32>, r = dense<1.0> : tensor<2xf32>, v_leak = dense<0.0> : tensor<2xf32>, spinn.neurons_per_core = 1 : i64} : (tensor<2xf32>) -> tensor<2xf32> loc("readout")
  snn.output %out : tensor<2xf32> loc("out")
}
