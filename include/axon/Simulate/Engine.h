//===- Engine.h - The reference simulator -----------------------*- C++ -*-===//
//
// Every back end (SpiNNaker machine replay, printed MLP Verilog, threshold
// netlists) proves itself against this engine, so its semantics are fixed
// and documented bit-exactly in docs/simulator.md.  One engine runs a
// finalized Network in discrete time under a number profile; the profile
// decides the arithmetic, the engine decides the order of evaluation
// (Schedule.h), when signals are visible, and what probes record.
//
// A step t: (1) inputs set for step t become the Input nodes' outputs,
// (2) nodes are evaluated in schedule order, each reading its sources'
// outputs of step t (or t - d for delayed edges), (3) probes are recorded.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_SIMULATE_ENGINE_H
#define AXON_SIMULATE_ENGINE_H

#include "axon/Simulate/Network.h"
#include "axon/Simulate/Schedule.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace axon::sim {

/// Number profiles (names as on the command line).
enum class Profile {
  FloatExact, ///< "float-exact": double, closed-form decay per step
  FloatEuler, ///< "float-euler": double, forward Euler
  Spinnaker,  ///< "spinnaker": s16.15 state, 16-bit weights with shift
  Loihi,      ///< "loihi": 24-bit state, 12-bit decays, 8-bit weights
  Integer,    ///< "integer": int64 ANN (printed MLPs)
  Binary,     ///< "binary": int64 with +-1 weights and inputs (BNNs)
};
llvm::StringRef profileName(Profile profile);
std::optional<Profile> parseProfile(llvm::StringRef name);

/// What a spiking neuron's membrane becomes after a spike.
enum class ResetMode {
  ToVReset, ///< v <- v_reset (0 when the node has none): NIR's default
  Zero,     ///< v <- 0
  Subtract, ///< v <- v - v_threshold
};

/// When a float-exact neuron may cross its threshold.
enum class SpikeTiming {
  /// The threshold crossing is solved inside the step (input held constant
  /// over the step), the reset happens at the crossing time and the rest of
  /// the step is integrated from the reset value.  float-exact only.
  InStep,
  /// v is updated for the whole step, then compared and reset (every
  /// discrete-time simulator; the only choice of the other profiles).
  StepEnd,
};

/// How Affine/Linear nodes compute.
enum class SynapseMode {
  Auto,   ///< Sparse if the node has sparse weights or a spiking/Input source
  Dense,  ///< y[o] = b[o] + sum_i W[o][i] x[i] over every i
  Sparse, ///< CSR by presynaptic index; only rows of non-zero inputs
};

struct EngineOptions {
  Profile profile = Profile::FloatExact;
  double dt = 1e-3; ///< seconds per step
  ResetMode reset = ResetMode::ToVReset;
  SpikeTiming spikeTiming = SpikeTiming::InStep;
  /// Every edge leaving a spiking node or an Input is delayed by at least this
  /// many steps (0: spikes are seen in the step they are emitted; 1: the
  /// SpiNNaker rule, every spike is delivered at the next step).
  unsigned minSynapticDelaySteps = 0;
  SynapseMode synapses = SynapseMode::Auto;
};

/// Recorded probe values: one row per step, columns named `NODE.field` or
/// `NODE.field[i]` for vectors with more than one element.
class ProbeRecorder {
public:
  llvm::ArrayRef<std::string> columns() const { return names; }
  size_t numRows() const { return rows; }
  llvm::ArrayRef<double> row(size_t r) const {
    return llvm::ArrayRef<double>(data).slice(r * names.size(), names.size());
  }
  /// Values of one column over all steps, or an error naming the column.
  llvm::Expected<std::vector<double>> column(llvm::StringRef name) const;
  /// CSV: a header line of column names, then one line per step (%.17g).
  void writeCSV(llvm::raw_ostream &os) const;
  llvm::Error writeCSV(llvm::StringRef path) const;

private:
  friend class Engine;
  std::vector<std::string> names;
  std::vector<double> data;
  size_t rows = 0;
};

/// Dense per-step input values (one row per step) or spike events.
struct InputTrace {
  std::vector<std::vector<double>> rows;     ///< dense: rows[t][i]
  std::vector<std::vector<uint32_t>> events; ///< events[t] = indices
  bool isEvents = false;
  size_t numSteps() const { return isEvents ? events.size() : rows.size(); }
};

class EngineCore;

class Engine {
public:
  /// Builds the kernels of a finalized network for one profile; reports
  /// unsupported kinds, bad parameters for the profile and unfinalized
  /// networks.  The engine copies what it needs: `net` may die afterwards.
  static llvm::Expected<std::unique_ptr<Engine>>
  create(const Network &net, const EngineOptions &options);
  ~Engine();

  const EngineOptions &getOptions() const { return options; }
  const Schedule &getSchedule() const { return schedule; }
  uint64_t getStep() const;

  /// Values of an Input node for the next step only (zero when not set).
  /// Fixed-point profiles convert them as docs/simulator.md states.
  llvm::Error setInput(llvm::StringRef node, llvm::ArrayRef<double> values);
  llvm::Error setInput(NodeId node, llvm::ArrayRef<double> values);
  /// Spike events (value 1 each; a repeated index counts twice) for the next
  /// step only.
  llvm::Error setInputEvents(llvm::StringRef node,
                             llvm::ArrayRef<uint32_t> indices);
  llvm::Error setInputEvents(NodeId node, llvm::ArrayRef<uint32_t> indices);

  /// Advances one step and records the probes.
  void step();
  /// Runs `steps` steps feeding `trace` (rows past its end are no input).
  llvm::Error run(llvm::StringRef inputNode, const InputTrace &trace,
                  uint64_t steps);
  /// Back to step 0 with initial state; probes kept, recordings cleared.
  void reset();

  /// Records `NODE.field` every step (field: out, v, i, spikes, threshold;
  /// bare `NODE` means `NODE.out`).  Only before the first step.
  llvm::Error addProbe(llvm::StringRef spec);
  const ProbeRecorder &getRecorder() const { return recorder; }
  /// Current value of `NODE.field` as real numbers.
  llvm::Expected<std::vector<double>> read(llvm::StringRef spec) const;

private:
  Engine() = default;
  struct ProbeSpec {
    NodeId node;
    uint8_t field;
  };
  llvm::Expected<ProbeSpec> parseProbe(llvm::StringRef spec) const;

  EngineOptions options;
  Schedule schedule;
  std::vector<std::string> names;
  std::vector<NodeKind> kinds;
  std::vector<int64_t> sizes;
  std::unique_ptr<EngineCore> core;
  std::vector<ProbeSpec> probes;
  ProbeRecorder recorder;
  std::vector<double> scratch;
};

} // namespace axon::sim

#endif // AXON_SIMULATE_ENGINE_H
