//===- Report.cpp - report.json and report.txt of the printed flow --------===//
//
// Both files are views of PrintedReport; the JSON keeps every field (areas
// in um^2 and cm^2, accuracies as fractions), the text rounds for people.
// Wall-clock figures sit under "run" so a determinism check can drop them.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Flow/Report.h"

#include "llvm/Support/FormatVariadic.h"

using namespace axon::printed;
namespace json = llvm::json;

static constexpr double kUm2PerCm2 = 1e8;

std::optional<double> PrintedReport::areaReduction() const {
  if (chosen.areaUm2 <= 0)
    return std::nullopt;
  return baseline.areaUm2 / chosen.areaUm2;
}

std::optional<double> PrintedReport::estimatedAreaReduction() const {
  if (chosen.estimatedAreaUm2 <= 0)
    return std::nullopt;
  return baseline.estimatedAreaUm2 / chosen.estimatedAreaUm2;
}

double PrintedReport::totalSeconds() const {
  double total = 0;
  for (const auto &phase : phaseSeconds)
    total += phase.second;
  return total;
}

static json::Value toJSON(const AccuracyPair &a) {
  return json::Object{{"train", a.train}, {"test", a.test}};
}

static json::Value optional(std::optional<double> v) {
  return v ? json::Value(*v) : json::Value(nullptr);
}

static json::Value toJSON(const HardwareDesign &d) {
  return json::Object{
      {"dir", d.dir},
      {"accuracy", toJSON(d.accuracy)},
      {"test_correct", d.testCorrect},
      {"estimated_area_um2", d.estimatedAreaUm2},
      {"area_um2", d.areaUm2},
      {"area_cm2", d.areaUm2 / kUm2PerCm2},
      {"cells", d.cells},
      {"synthesis_warnings", d.synthesisWarnings},
      {"power_mW", d.powerMilliwatt},
      {"battery_ok", d.batteryOk},
      {"changes", d.changes},
  };
}

json::Value axon::printed::toJSON(const PrintedReport &r) {
  json::Array front;
  for (const FrontPoint &p : r.front)
    front.push_back(json::Object{{"estimated_area_um2", p.estimatedAreaUm2},
                                 {"accuracy", ::toJSON(p.accuracy)},
                                 {"origin", p.origin},
                                 {"chosen", p.isChosen}});
  json::Object times;
  for (const auto &[phase, seconds] : r.phaseSeconds)
    times[phase] = seconds;
  times["total"] = r.totalSeconds();
  std::optional<double> reduction = r.areaReduction();
  return json::Object{
      {"target", "printed"},
      {"model", r.model},
      {"dataset", r.dataset},
      {"topology", r.topology},
      {"inputs", r.inputs},
      {"classes", r.classes},
      {"train_rows", r.trainRows},
      {"test_rows", r.testRows},
      {"max_accuracy_loss", r.maxAccuracyLoss},
      {"seed", static_cast<int64_t>(r.seed)},
      {"search", json::Object{{"population", r.population},
                              {"generations", r.generations},
                              {"greedy_steps", r.greedySteps},
                              {"evaluations", r.evaluations}}},
      {"accuracy", json::Object{{"float", ::toJSON(r.floatAccuracy)},
                                {"quantized", ::toJSON(r.baseline.accuracy)},
                                {"approximate", ::toJSON(r.chosen.accuracy)},
                                {"train_loss", r.baseline.accuracy.train -
                                                   r.chosen.accuracy.train}}},
      {"baseline", ::toJSON(r.baseline)},
      {"approximate", ::toJSON(r.chosen)},
      {"reduction",
       json::Object{{"area", optional(reduction)},
                    {"power", optional(reduction)},
                    {"estimated_area", optional(r.estimatedAreaReduction())}}},
      {"pareto", std::move(front)},
      {"run",
       json::Object{{"threads", r.threads}, {"time_s", std::move(times)}}},
  };
}

static std::string pct(double v) { return llvm::formatv("{0:f2}%", 100 * v); }

static void printDesign(llvm::raw_ostream &os, llvm::StringRef title,
                        const HardwareDesign &d) {
  os << llvm::formatv("{0}  ({1}/top.v)\n", title, d.dir);
  os << llvm::formatv("  accuracy       train {0}, test {1} (iverilog, {2} "
                      "rows correct)\n",
                      pct(d.accuracy.train), pct(d.accuracy.test),
                      d.testCorrect);
  os << llvm::formatv("  area           {0:f0} um2 = {1:f4} cm2 (yosys + ABC, "
                      "{2} EGFET cells{3}); estimate {4:f4} cm2\n",
                      d.areaUm2, d.areaUm2 / kUm2PerCm2, d.cells,
                      d.synthesisWarnings ? ", with warnings" : "",
                      d.estimatedAreaUm2 / kUm2PerCm2);
  os << llvm::formatv("  power          {0:f4} mW (leakage); printed battery "
                      "(< 30 mW): {1}\n",
                      d.powerMilliwatt, d.batteryOk ? "yes" : "no");
  if (!d.changes.empty())
    os << "  changes        " << d.changes << "\n";
}

void axon::printed::printReport(const PrintedReport &r, llvm::raw_ostream &os) {
  os << llvm::formatv("printed MLP {0} ({1}), dataset {2}: {3} train / {4} "
                      "test rows\n",
                      r.model, r.topology, r.dataset, r.trainRows, r.testRows);
  os << llvm::formatv("accuracy       float train {0}, test {1}\n",
                      pct(r.floatAccuracy.train), pct(r.floatAccuracy.test));
  os << llvm::formatv("search         max training-accuracy loss {0}, seed "
                      "{1}, {2} evaluations, {3} designs on the front\n",
                      pct(r.maxAccuracyLoss), r.seed, r.evaluations,
                      r.front.size());
  printDesign(os, "exact baseline", r.baseline);
  printDesign(os, "approximate (chosen)", r.chosen);
  std::optional<double> reduction = r.areaReduction();
  os << "reduction      area and power "
     << (reduction ? std::string(llvm::formatv("{0:f2}x", *reduction))
                   : std::string("n/a (the chosen design has no cells)"))
     << llvm::formatv(" (estimate {0}); test accuracy {1} -> {2}\n",
                      r.estimatedAreaReduction()
                          ? std::string(llvm::formatv(
                                "{0:f2}x", *r.estimatedAreaReduction()))
                          : std::string("n/a"),
                      pct(r.baseline.accuracy.test),
                      pct(r.chosen.accuracy.test));
  os << "time           ";
  for (const auto &[phase, seconds] : r.phaseSeconds)
    os << llvm::formatv("{0} {1:f2} s, ", phase, seconds);
  os << llvm::formatv("total {0:f2} s ({1} threads)\n", r.totalSeconds(),
                      r.threads);
}
