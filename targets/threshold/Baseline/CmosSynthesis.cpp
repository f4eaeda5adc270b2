//===- CmosSynthesis.cpp - yosys + ABC cell counts of a Verilog design ----===//
//
// What "a CMOS cell" means for the baseline: yosys `synth -flatten -noabc`
// (generic coarse- and fine-grained optimisation, no technology mapping),
// then one ABC run maps the logic to the two-input gate set given by
// `abc -g` (default AND, NAND, OR, NOR, XOR, XNOR, ANDNOT, ORNOT, plus 2:1
// MUX) and inverters; every mapped gate instance is one cell.  Constant
// drivers and buffers (wires after opt_clean) are not cells.  Depth is yosys
// `ltp -noff`: the longest topological path, in cells.
//
// The ABC script is yosys's default for -g without the SAT sweeping passes
// (`&fraig -x`, `scorr`, `dretime`): on popcount adder trees the sweep ran
// for more than ten minutes on the 63-32-3 seeds network without finishing,
// while `strash; dc2; &dch -f; &nf` maps it in seconds.  `scorr` and
// `dretime` only matter for sequential logic.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Baseline/Baseline.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

using namespace axon::threshold;

static llvm::Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

/// The yosys script: synthesize, map with ABC, report.
static std::string yosysScript(llvm::StringRef verilogPath,
                               const CmosSynthesisOptions &options,
                               llvm::StringRef abcPath,
                               llvm::StringRef statPath,
                               llvm::StringRef ltpPath) {
  std::string top = options.topModule.empty() ? std::string("-auto-top")
                                              : "-top " + options.topModule;
  return llvm::formatv("read_verilog {0}; synth -flatten -noabc {1}; "
                       "abc -g {2} -script {3}; opt_clean -purge; "
                       "tee -q -o {4} stat -json; tee -q -o {5} ltp -noff",
                       verilogPath, top, options.abcGates, abcPath, statPath,
                       ltpPath)
      .str();
}

/// Cells by type from `stat -json` output.
static llvm::Error parseStat(llvm::StringRef text, CmosSynthesis &result) {
  // `tee` may put yosys's own log lines before the JSON object.
  size_t start = text.find('{');
  if (start == llvm::StringRef::npos)
    return makeError("no JSON in the yosys statistics");
  llvm::Expected<llvm::json::Value> json =
      llvm::json::parse(text.substr(start));
  if (!json)
    return makeError("cannot parse the yosys statistics: " +
                     llvm::toString(json.takeError()));
  const llvm::json::Object *modules =
      json->getAsObject() ? json->getAsObject()->getObject("modules") : nullptr;
  if (!modules || modules->empty())
    return makeError("the yosys statistics list no module");
  if (modules->size() != 1)
    return makeError("expected one module after flattening, yosys reports " +
                     llvm::Twine(modules->size()));
  const llvm::json::Object *mod = modules->begin()->second.getAsObject();
  const llvm::json::Object *types =
      mod ? mod->getObject("num_cells_by_type") : nullptr;
  if (!types)
    return makeError("the yosys statistics have no num_cells_by_type");
  for (const auto &[name, count] : *types) {
    std::optional<int64_t> n = count.getAsInteger();
    if (!n)
      return makeError("non-integer cell count for " + name.str());
    llvm::StringRef type(name);
    type.consume_front("$_");
    type.consume_back("_");
    result.cellsByType[type.str()] += unsigned(*n);
    result.cells += unsigned(*n);
  }
  return llvm::Error::success();
}

/// "Longest topological path in top (length=N):" from `ltp`.
static int parseDepth(llvm::StringRef text) {
  size_t at = text.find("(length=");
  if (at == llvm::StringRef::npos)
    return -1;
  llvm::StringRef rest = text.substr(at + 8);
  unsigned depth;
  if (rest.take_while([](char c) { return c >= '0' && c <= '9'; })
          .getAsInteger(10, depth))
    return -1;
  return int(depth);
}

llvm::Expected<CmosSynthesis>
axon::threshold::synthesizeCmos(llvm::StringRef verilogPath,
                                const CmosSynthesisOptions &options) {
  if (!llvm::sys::fs::exists(verilogPath))
    return makeError("no Verilog file " + verilogPath);
  // yosys takes file names in its script verbatim, up to the next blank.
  if (verilogPath.find_first_of(" \t;\"") != llvm::StringRef::npos)
    return makeError("the Verilog path must not contain blanks, quotes or "
                     "';': " +
                     verilogPath);
  llvm::ErrorOr<std::string> yosys =
      llvm::sys::findProgramByName(options.yosys);
  if (!yosys || !llvm::sys::fs::can_execute(*yosys))
    return makeError("yosys not found ('" + options.yosys +
                     "'): install yosys (and berkeley-abc) to synthesize the "
                     "CMOS baseline");

  llvm::SmallString<128> abcPath, statPath, ltpPath, logPath(options.logPath);
  for (auto [path, suffix] :
       {std::pair{&abcPath, "abc"}, std::pair{&statPath, "json"},
        std::pair{&ltpPath, "txt"}})
    if (std::error_code ec =
            llvm::sys::fs::createTemporaryFile("axon-cmos", suffix, *path))
      return makeError("cannot create a temporary file: " + ec.message());
  bool tempLog = logPath.empty();
  if (tempLog)
    if (std::error_code ec =
            llvm::sys::fs::createTemporaryFile("axon-cmos", "log", logPath))
      return makeError("cannot create a temporary file: " + ec.message());
  auto cleanup = llvm::make_scope_exit([&] {
    llvm::sys::fs::remove(abcPath);
    llvm::sys::fs::remove(statPath);
    llvm::sys::fs::remove(ltpPath);
    if (tempLog)
      llvm::sys::fs::remove(logPath);
  });

  {
    std::error_code ec;
    llvm::raw_fd_ostream os(abcPath, ec);
    if (ec)
      return makeError("cannot write " + abcPath + ": " + ec.message());
    os << options.abcScript << "\n";
  }

  // yosys runs ABC as a child process: coreutils `timeout` kills the whole
  // process group when the limit is reached, where killing yosys alone
  // would leave ABC running.
  std::string script =
      yosysScript(verilogPath, options, abcPath, statPath, ltpPath);
  std::string limit = std::to_string(options.timeoutSeconds) + "s";
  llvm::ErrorOr<std::string> timeoutTool =
      llvm::sys::findProgramByName("timeout");
  bool wrapped = options.timeoutSeconds && timeoutTool;
  std::vector<llvm::StringRef> args;
  if (wrapped)
    args = {*timeoutTool, "-k", "5", limit};
  args.insert(args.end(), {*yosys, "-q", "-p", script});
  std::optional<llvm::StringRef> redirects[] = {
      std::nullopt, llvm::StringRef(logPath), llvm::StringRef(logPath)};
  std::string message;
  bool failedToRun = false;
  int rc = llvm::sys::ExecuteAndWait(
      args.front(), args, std::nullopt, redirects,
      wrapped ? 0 : options.timeoutSeconds, 0, &message, &failedToRun);
  if (failedToRun)
    return makeError("cannot run " + *yosys + ": " + message);
  // `timeout` exits with 124 when the limit was hit (137 after -k).
  if (rc == -2 || (wrapped && (rc == 124 || rc == 137)))
    return makeError(llvm::formatv("yosys timed out after {0} s on {1}",
                                   options.timeoutSeconds, verilogPath)
                         .str());
  if (rc != 0) {
    std::string tail;
    if (auto log = llvm::MemoryBuffer::getFile(logPath))
      tail = (*log)->getBuffer().take_back(600).str();
    return makeError(llvm::formatv("yosys failed on {0} (status {1}){2}{3}",
                                   verilogPath, rc, tail.empty() ? "" : ":\n",
                                   tail)
                         .str());
  }
  auto stat = llvm::MemoryBuffer::getFile(statPath);
  if (!stat)
    return makeError("yosys wrote no statistics");
  CmosSynthesis result;
  if (llvm::Error err = parseStat((*stat)->getBuffer(), result))
    return std::move(err);
  if (auto ltp = llvm::MemoryBuffer::getFile(ltpPath))
    result.depth = parseDepth((*ltp)->getBuffer());
  return result;
}
