//===- ExternalTools.cpp - iverilog simulation and yosys synthesis --------===//
//
// The proof and the cost of a design come from the open tools the published
// printed-MLP work uses: iverilog runs the testbench written by writeDesign,
// yosys + ABC (through shared/pdk/area.sh, the calibrated flow) map it onto
// the EGFET cells.  Each tool runs with a timeout and its output in a log
// file beside the design; a failure names the tool and quotes the log's tail.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Hardware/Hardware.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <optional>

using namespace axon::printed;
using llvm::Error;
using llvm::Expected;
using llvm::StringRef;

static Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

static std::string joinPath(StringRef dir, StringRef name) {
  llvm::SmallString<256> path(dir);
  llvm::sys::path::append(path, name);
  return std::string(path);
}

/// The last `n` non-empty lines of the file at `path` (or a note that it
/// cannot be read).
static std::string tailOf(StringRef path, unsigned n = 15) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    return "(no log at " + path.str() + ")";
  llvm::SmallVector<StringRef> lines;
  (*buffer)->getBuffer().split(lines, '\n', -1, /*KeepEmpty=*/false);
  size_t first = lines.size() > n ? lines.size() - n : 0;
  std::string out;
  for (size_t i = first; i < lines.size(); ++i)
    out += "  " + lines[i].rtrim().str() + "\n";
  return out;
}

/// The absolute path of `tool` on PATH, or an error saying how to get it.
static Expected<std::string> findTool(StringRef tool, StringRef package) {
  llvm::ErrorOr<std::string> path = llvm::sys::findProgramByName(tool);
  if (!path)
    return makeError(tool + " not found on PATH (apt-get install " + package +
                     ")");
  return *path;
}

/// Runs `args` (args[0] is the program) with stdout to `out` and stderr to
/// `err` (both may be the same file); returns the exit status, or an error
/// if the program could not run or took more than `timeout` seconds.
static Expected<int> run(StringRef tool, llvm::ArrayRef<std::string> args,
                         StringRef out, StringRef err, unsigned timeout) {
  llvm::SmallVector<StringRef, 16> refs(args.begin(), args.end());
  std::optional<StringRef> redirects[] = {StringRef(""), out, err};
  std::string message;
  bool failedToRun = false;
  int rc = llvm::sys::ExecuteAndWait(args[0], refs, std::nullopt, redirects,
                                     timeout, 0, &message, &failedToRun);
  if (failedToRun)
    return makeError("cannot run " + tool + ": " + message);
  if (rc == -2)
    return makeError(tool + " timed out after " + llvm::Twine(timeout) +
                     " s; log " + err + ":\n" + tailOf(err));
  if (rc < 0)
    return makeError(tool + " crashed (" + message + "); log " + err + ":\n" +
                     tailOf(err));
  return rc;
}

/// `run`, treating any non-zero status as an error.
static Error runOk(StringRef tool, llvm::ArrayRef<std::string> args,
                   StringRef log, unsigned timeout) {
  Expected<int> rc = run(tool, args, log, log, timeout);
  if (!rc)
    return rc.takeError();
  if (*rc != 0)
    return makeError(tool + " failed (exit status " + llvm::Twine(*rc) +
                     "); log " + log + ":\n" + tailOf(log));
  return Error::success();
}

/// Non-empty lines of a text file.
static Expected<std::vector<std::string>> readLines(StringRef path) {
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    return makeError("cannot read " + path + ": " +
                     buffer.getError().message());
  llvm::SmallVector<StringRef> lines;
  (*buffer)->getBuffer().split(lines, '\n', -1, /*KeepEmpty=*/false);
  std::vector<std::string> out;
  for (StringRef line : lines)
    if (!line.trim().empty())
      out.push_back(line.trim().str());
  return out;
}

Expected<std::vector<unsigned>>
axon::printed::simulateWithIverilog(StringRef dir) {
  return simulateWithIverilog(dir, {joinPath(dir, "top.v")});
}

Expected<std::vector<unsigned>>
axon::printed::simulateWithIverilog(StringRef dir,
                                    llvm::ArrayRef<std::string> designFiles) {
  Expected<std::string> iverilog = findTool("iverilog", "iverilog");
  if (!iverilog)
    return iverilog.takeError();
  Expected<std::string> vvp = findTool("vvp", "iverilog");
  if (!vvp)
    return vvp.takeError();
  std::string xtest = joinPath(dir, "sim.Xtest"),
              out = joinPath(dir, "output.txt"),
              exe = joinPath(dir, "top_tb.vvp");
  for (StringRef name : {"top_tb.v", "sim.Xtest"})
    if (!llvm::sys::fs::exists(joinPath(dir, name)))
      return makeError("no " + name + " in " + dir + " (run writeDesign)");
  for (const std::string &file : designFiles)
    if (!llvm::sys::fs::exists(file))
      return makeError("no " + file + " (run writeDesign)");
  llvm::sys::fs::remove(out);
  std::vector<std::string> args = {*iverilog, "-g2005", "-o", exe,
                                   joinPath(dir, "top_tb.v")};
  args.insert(args.end(), designFiles.begin(), designFiles.end());
  if (Error err = runOk("iverilog", args, joinPath(dir, "iverilog.log"),
                        /*timeout=*/300))
    return std::move(err);
  std::string log = joinPath(dir, "vvp.log");
  if (Error err = runOk("vvp",
                        {*vvp, "-n", exe, "+xtest=" + xtest,
                         "+ytest=" + joinPath(dir, "sim.Ytest"), "+out=" + out},
                        log, /*timeout=*/600))
    return std::move(err);

  Expected<std::vector<std::string>> rows = readLines(xtest);
  if (!rows)
    return rows.takeError();
  Expected<std::vector<std::string>> lines = readLines(out);
  if (!lines)
    return makeError("vvp wrote no " + out + "; log " + log + ":\n" +
                     tailOf(log));
  if (lines->size() != rows->size())
    return makeError("vvp wrote " + llvm::Twine(lines->size()) +
                     " predictions for " + llvm::Twine(rows->size()) +
                     " rows of " + xtest + "; log " + log + ":\n" +
                     tailOf(log));
  std::vector<unsigned> predictions;
  for (auto [i, line] : llvm::enumerate(*lines)) {
    unsigned value;
    if (StringRef(line).getAsInteger(10, value))
      return makeError(out + ":" + llvm::Twine(i + 1) +
                       ": expected a class "
                       "index, got '" +
                       line + "' (an undriven output?)");
    predictions.push_back(value);
  }
  return predictions;
}

/// The number after `key:` on a line of `text`.
static std::optional<double> findValue(StringRef text, StringRef key) {
  llvm::SmallVector<StringRef, 64> lines;
  text.split(lines, '\n');
  for (StringRef line : lines) {
    line = line.trim();
    if (!line.consume_front(key) || !line.consume_front(":"))
      continue;
    double v;
    if (!line.trim().getAsDouble(v))
      return v;
  }
  return std::nullopt;
}

Expected<SynthesisResult> axon::printed::synthesizeArea(StringRef verilogPath,
                                                        StringRef pdkDir) {
  Expected<std::string> bash = findTool("bash", "bash");
  if (!bash)
    return bash.takeError();
  if (Expected<std::string> yosys = findTool("yosys", "yosys"); !yosys)
    return yosys.takeError();
  std::string script = joinPath(pdkDir, "area.sh");
  if (!llvm::sys::fs::exists(script))
    return makeError("no area.sh in " + pdkDir + " (expected shared/pdk)");
  if (!llvm::sys::fs::exists(verilogPath))
    return makeError("no such Verilog file: " + verilogPath);
  std::string base = verilogPath.str();
  std::string yosysLog = base + ".yosys.log", summary = base + ".area.txt",
              errors = base + ".area.err", mapped = base + ".mapped.v";
  Expected<int> rc =
      run("yosys (area.sh)",
          {*bash, script, "--log", yosysLog, "--out", mapped, base, "top"},
          summary, errors, /*timeout=*/1800);
  if (!rc)
    return rc.takeError();
  if (*rc != 0)
    return makeError("yosys (area.sh) failed (exit status " + llvm::Twine(*rc) +
                     "):\n" + tailOf(errors) + "yosys log " + yosysLog + ":\n" +
                     tailOf(yosysLog));
  auto text = llvm::MemoryBuffer::getFile(summary);
  if (!text)
    return makeError("cannot read " + summary);
  std::optional<double> area = findValue((*text)->getBuffer(), "area_um2");
  std::optional<double> cells = findValue((*text)->getBuffer(), "cells_total");
  if (!area || !cells)
    return makeError("no area_um2/cells_total in the area.sh output " +
                     summary);
  SynthesisResult result;
  result.areaUm2 = *area;
  result.cells = static_cast<unsigned>(*cells);
  result.mappedNetlist = mapped;
  auto log = llvm::MemoryBuffer::getFile(yosysLog);
  if (log) {
    result.log = (*log)->getBuffer().str();
    // yosys reports every problem it tolerates (unsupported or ignored
    // constructs, implicit wires, ...) as a "Warning:" line.
    llvm::SmallVector<StringRef> lines;
    (*log)->getBuffer().split(lines, '\n');
    for (StringRef line : lines)
      if (line.trim().starts_with("Warning:"))
        result.warnings = true;
  }
  return result;
}
