//===- Passes.td - target-independent snn passes -----------*- tablegen -*-===//
//
// Passes over the snn dialect that every target shares: discretization,
// batch-norm folding, quantization and ANN->SNN conversion.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TRANSFORMS_PASSES_TD
#define AXON_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def SNNDiscretize : Pass<"snn-discretize", "::axon::snn::NetworkOp"> {
  let summary = "Fix the time step of a continuous-time network";
  let description = [{
    Attaches `#snn.discretization<dt, method, reset>` to the network and
    computes, for every population with time constants, the per-step decay
    factors the simulator and back ends use:

    * `snn.decay_v` (and `snn.decay_i` for Cuba populations, `snn.decay_a`
      for ALIF): `exp(-dt/tau)` with `method=exact`, `1 - dt/tau` with
      `method=euler`.  Both methods then update a potential the same way,
      `v' = d v + (1 - d) (v_leak + r I)`.

    Exporters often hide dt in the parameters; the pass recognizes
    `r = tau/dt` (Norse/snnTorch style), `r = (tau/dt) exp(-dt/tau)`
    (Rockpool style) and `w_in = tau_syn/dt`, and reports each as a remark
    on the population, without changing the parameters.

    Before:
    ```mlir
    snn.network @n {
      %v = snn.li %x {tau = dense<1.0e-02> : tensor<1xf32>, ...}
    }
    ```
    After `--snn-discretize="dt=1e-3 method=exact"`:
    ```mlir
    snn.network @n attributes {discretization =
        #snn.discretization<dt = 1.0e-03, method = exact, reset = to_v_reset>} {
      %v = snn.li %x {snn.decay_v = dense<0.904837...> : tensor<1xf64>, ...}
    }
    ```
  }];
  let options = [
    Option<"dt", "dt", "double", "0.0", "Time step in seconds (> 0)">,
    Option<"method", "method", "std::string", "\"exact\"",
           "Integration method: exact or euler">,
    Option<"reset", "reset", "std::string", "\"to-v-reset\"",
           "Reset after a spike: zero, subtract or to-v-reset">
  ];
}

def SNNFoldBatchNorm : Pass<"snn-fold-batch-norm", "::axon::snn::NetworkOp"> {
  let summary = "Fold batch_norm into the preceding affine/linear/conv op";
  let description = [{
    `batch_norm(W x + b)` with per-channel scale `s = gamma / sqrt(var + eps)`
    becomes `W' x + b'` with `W' = s W` (row/output-channel wise) and
    `b' = s (b - mean) + beta`.  A `linear` becomes an `affine`.  Only folds
    when the synaptic op feeds nothing but the batch_norm; a batch_norm
    elsewhere (e.g. after a sign, as in binarized networks) is left alone.
  }];
}

def SNNANNToSNN : Pass<"snn-ann-to-snn", "::axon::snn::NetworkOp"> {
  let summary = "Convert a ReLU network into an integrate-and-fire network";
  let description = [{
    Rate-based conversion with data-based threshold balancing (Diehl et al.
    2015, Rueckauer et al. 2017).  The ANN is run once per calibration row
    with the reference simulator; for every `relu` the `percentile`-th
    percentile lambda of its positive activations becomes the threshold of an
    `if` population with reset by subtraction, followed by `scale(lambda)` so
    each spike carries lambda to the next layer:

    ```mlir
    %y = snn.relu %x                       // before
    %s = snn.if %x {r = 1/dt, v_threshold = lambda, v_reset = 0}
    %y = snn.scale %s {scale = lambda}     // after
    ```

    The network is discretized with `dt = 1e-3` and `reset = subtract` (so
    v += I per step).  `readout=membrane` accumulates the last layer in an
    `integrator` (read at the last step); `readout=count` makes the last layer
    an `if` population and classifies by spike count.  `encoding` (direct:
    the analog input every step; rate: seeded random spikes, probability x
    per step, see docs/simulator.md) and
    `timesteps` are recorded on the network as `snn.encoding` and
    `snn.timesteps` for the simulator.  Run `--snn-fold-batch-norm` first.
  }];
  let options = [
    Option<"timesteps", "timesteps", "unsigned", "64",
           "Simulation steps per sample the conversion targets">,
    Option<"encoding", "encoding", "std::string", "\"direct\"",
           "Input encoding: direct or rate">,
    Option<"readout", "readout", "std::string", "\"membrane\"",
           "Output readout: membrane or count">,
    Option<"calibration", "calibration", "std::string", "\"\"",
           "Labelled CSV whose rows calibrate the thresholds">,
    Option<"percentile", "percentile", "double", "99.9",
           "Activation percentile used as each layer's threshold">,
    Option<"limit", "limit", "unsigned", "0",
           "Use only the first N calibration rows (0 = all)">
  ];
}

def SNNQuantize : Pass<"snn-quantize", "::axon::snn::NetworkOp"> {
  let summary = "Round weights and parameters to what a number profile holds";
  let description = [{
    Rewrites every weight and parameter to the real value the chosen number
    profile of the reference simulator represents, using the simulator's own
    conversions (`axon/Simulate/FixedPoint.h`), and records the choices:

    * `spinnaker`: weights become 16-bit magnitudes with the per-population
      left shift of `fixed::spinnakerWeightShifts` (recorded as
      `snn.weight_shift`, which the simulator then uses instead of choosing
      again); biases, scales and neuron parameters (`r`, `v_leak`,
      `v_threshold`, `v_reset`, `w_in`, `beta`) become s16.15 values.
      Time constants stay: the profile turns them into s16.15 decay factors.
    * `loihi`: thresholds become 17-bit mantissas << 6, leaks 24-bit biases
      and decays 12-bit constants at the population's state scale
      (`snn.state_frac_bits`); weights into a population become 8-bit
      mantissas with one exponent (`snn.weight_exp`).  Needs a discretized
      network.
    * `int8`: per-layer symmetric weights `q * s`, q in [-127, 127],
      `s = max |w| / 127` (`snn.weight_scale`); biases stay.
    * `binary`: weights become sign(w) in {-1, +1} (0 -> +1, as snn.sign),
      biases the nearest integer; `snn.weight_scale` records mean |w|.

    Every synaptic op gets a remark with its error report (weights, max and
    mean absolute error, clipped count) and the network one summary remark.
    A parameter the profile cannot hold (e.g. a threshold beyond s16.15) is
    an error at the op.  The contract with the simulator is in
    docs/conversion.md: for `spinnaker`, simulating the quantized network
    with `--profile spinnaker` is bit-identical to simulating the original
    with it, and the float profiles run the exact weight values the
    hardware uses.
  }];
  let options = [
    Option<"profile", "profile", "std::string", "\"spinnaker\"",
           "Target number profile: spinnaker, loihi, int8 or binary">
  ];
}

#endif // AXON_TRANSFORMS_PASSES_TD
