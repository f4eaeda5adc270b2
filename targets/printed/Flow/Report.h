//===- Report.h - What the printed flow measured ----------------*- C++ -*-===//
//
// One struct holds every number the flow reports, so report.json,
// report.txt, the printed summary, pareto.svg and the bench table all read
// the same values.  Only `run` (threads, wall-clock times) may differ between
// two runs with the same inputs and seed; everything else is deterministic.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_PRINTED_FLOW_REPORT_H
#define AXON_TARGETS_PRINTED_FLOW_REPORT_H

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace axon::printed {

struct AccuracyPair {
  double train = 0;
  double test = 0;
};

/// One emitted circuit (the chosen approximate design or the exact baseline).
struct HardwareDesign {
  /// Folder of top.v, top_tb.v, sim.Xtest, sim.Ytest, relative to the output
  /// folder ("." for the chosen design, "baseline" for the exact one).
  std::string dir;
  /// Training accuracy from the integer model, test accuracy from iverilog.
  AccuracyPair accuracy;
  unsigned testCorrect = 0;
  double estimatedAreaUm2 = 0; // analytic model (the search's objective)
  double areaUm2 = 0;          // yosys + ABC on the EGFET cells
  unsigned cells = 0;
  bool synthesisWarnings = false;
  double powerMilliwatt = 0; // leakage density x area
  bool batteryOk = false;    // power below the printed battery's 30 mW
  std::string changes;       // how it differs from the exact design
};

/// A design of the Pareto front (scored by the search, not synthesized).
struct FrontPoint {
  double estimatedAreaUm2 = 0;
  AccuracyPair accuracy; // integer model on train / test
  std::string origin;    // exact, greedy, genetic
  bool isChosen = false;
};

struct PrintedReport {
  std::string model;   // network name
  std::string dataset; // as given
  std::string topology;
  unsigned inputs = 0, classes = 0, trainRows = 0, testRows = 0;
  double maxAccuracyLoss = 0;
  uint64_t seed = 0;
  unsigned population = 0, generations = 0, greedySteps = 0;
  unsigned evaluations = 0;

  AccuracyPair floatAccuracy;
  HardwareDesign baseline; // the exact quantized design
  HardwareDesign chosen;   // the smallest front design within the bound
  std::vector<FrontPoint> front;

  /// Not deterministic: worker threads and seconds per phase.
  unsigned threads = 0;
  std::vector<std::pair<std::string, double>> phaseSeconds;

  /// Baseline area / chosen area from synthesis (none if the chosen design
  /// synthesized to no cells at all).
  std::optional<double> areaReduction() const;
  std::optional<double> estimatedAreaReduction() const;
  double totalSeconds() const;
};

/// report.json.
llvm::json::Value toJSON(const PrintedReport &report);
/// report.txt, also the summary `axonc compile` prints.
void printReport(const PrintedReport &report, llvm::raw_ostream &os);
/// pareto.svg: estimated area vs accuracy of the front, the baseline and the
/// chosen design marked.  Same report, same bytes.
std::string renderParetoSVG(const PrintedReport &report);

} // namespace axon::printed

#endif // AXON_TARGETS_PRINTED_FLOW_REPORT_H
