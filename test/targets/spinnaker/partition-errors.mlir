// RUN: axon-opt %s --convert-snn-to-spinn --spinn-partition -split-input-file -verify-diagnostics
// RUN: not axon-opt %s --convert-snn-to-spinn --spinn-partition=spike-rate=1000 -split-input-file 2>&1 | FileCheck %s --check-prefix=CPU

// 2000 LIF neurons on one core: 8192 + 2000*28 + 16*2*2*2000 + 8*16 bytes of
// DTCM (8 incoming blocks: the input is cut at 256) = 192320 > 65536.
snn.network @too_big {
  %in = snn.input : tensor<2000xf32> loc("in")
  // expected-error @below {{population 'lif_1' does not fit on a core: slice [0, 2000) needs 192320 bytes of DTCM but 65536 are available; lower spinn.neurons_per_core (now 2000)}}
  %s = snn.lif %in {tau = dense<0.01> : tensor<2000xf32>, r = dense<1.0> : tensor<2000xf32>, v_leak = dense<0.0> : tensor<2000xf32>, v_threshold = dense<1.0> : tensor<2000xf32>, v_reset = dense<0.0> : tensor<2000xf32>, spinn.neurons_per_core = 2000 : i64} : (tensor<2000xf32>) -> tensor<2000xi1>
}

// -----

// At 1000 Hz every source atom spikes every tick: the dense 600x600
// recurrent matrix costs exc_0 22480 + 256*100 + 256*16 + 2*(256*100 +
// 65536*16) + 88*100 + 22528*16 = 2569776 cycles per tick > 200000.
// CPU: population 'exc' does not fit on a core: slice [0, 256) needs 2569776 cycles of CPU time per tick but 200000 are available
snn.network @busy {
  %in = snn.input : tensor<600xi1> loc("in")
  %w = snn.scale %in {scale = dense<2.0> : tensor<600xf32>} : (tensor<600xi1>) -> tensor<600xf32> loc("w")
  %exc = snn.lif %w, %rec {tau = dense<0.01> : tensor<600xf32>, r = dense<1.0> : tensor<600xf32>, v_leak = dense<0.0> : tensor<600xf32>, v_threshold = dense<1.0> : tensor<600xf32>, v_reset = dense<0.0> : tensor<600xf32>} : (tensor<600xf32>, tensor<600xf32>) -> tensor<600xi1> loc("exc")
  %rec = snn.linear %exc {weight = dense<0.01> : tensor<600x600xf32>} : (tensor<600xi1>) -> tensor<600xf32> loc("rec")
}

// -----

module {
  snn.network @n {
    %in = snn.input : tensor<4xf32> loc("in")
    %s = snn.if %in {r = dense<1.0> : tensor<4xf32>, v_threshold = dense<1.0> : tensor<4xf32>, v_reset = dense<0.0> : tensor<4xf32>} : (tensor<4xf32>) -> tensor<4xi1> loc("s")
  }
  // expected-error @below {{names network 'missing', which is not an snn.network of the module}}
  spinn.machine @m attributes {profile = "spinnaker1", network = "missing",
      width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  }
}

// -----

module {
  snn.network @n {
    %in = snn.input : tensor<4xf32> loc("in")
    %s = snn.if %in {r = dense<1.0> : tensor<4xf32>, v_threshold = dense<1.0> : tensor<4xf32>, v_reset = dense<0.0> : tensor<4xf32>} : (tensor<4xf32>) -> tensor<4xi1> loc("s")
  }
  spinn.machine @m attributes {profile = "spinnaker1", network = "n",
      width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
    spinn.population @in {node = "in", kind = "input", neurons = 4,
                          neurons_per_core = 256, state_words = 0, param_words = 0}
    // expected-error @below {{names synaptic op 'gone', which network 'n' does not have}}
    spinn.projection @in -> @in {synapse = "gone", synapses = 4, delay = 1}
  }
}
