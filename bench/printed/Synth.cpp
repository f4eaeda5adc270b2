//===- Synth.cpp - Run area.sh and iverilog for the bench -----------------===//
//
// Thin process wrappers: write files into a scratch folder, run the tool with
// stdout/stderr captured to files, parse the one number we need.
//
//===----------------------------------------------------------------------===//

#include "bench/printed/Synth.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"

using namespace axon::printed;
using namespace axon::printed::bench;

static llvm::Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

static llvm::Error writeFile(const std::string &path,
                             llvm::function_ref<void(llvm::raw_ostream &)> fn) {
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  if (ec)
    return makeError("cannot write " + path + ": " + ec.message());
  fn(os);
  return llvm::Error::success();
}

/// Runs `args` (args[0] is the program path), stdout to `log`.
static llvm::Error run(llvm::ArrayRef<std::string> args,
                       const std::string &log) {
  llvm::SmallVector<llvm::StringRef, 16> refs(args.begin(), args.end());
  std::optional<llvm::StringRef> redirects[] = {
      std::nullopt, llvm::StringRef(log), llvm::StringRef(log)};
  std::string err;
  int rc = llvm::sys::ExecuteAndWait(args[0], refs, std::nullopt, redirects, 0,
                                     0, &err);
  if (rc != 0)
    return makeError(args[0] + " failed (status " + llvm::Twine(rc) +
                     "), see " + log + (err.empty() ? "" : ": " + err));
  return llvm::Error::success();
}

/// The value of `key: value` in a log.
static std::optional<double> findValue(llvm::StringRef text,
                                       llvm::StringRef key) {
  llvm::SmallVector<llvm::StringRef, 64> lines;
  text.split(lines, '\n');
  for (llvm::StringRef line : lines) {
    line = line.trim();
    if (!line.consume_front(key) || !line.consume_front(":"))
      continue;
    double v;
    if (!line.trim().getAsDouble(v))
      return v;
  }
  return std::nullopt;
}

llvm::Expected<SynthResult>
axon::printed::bench::synthesize(const IntMLP &model, llvm::StringRef pdkDir,
                                 llvm::StringRef dir, llvm::StringRef name) {
  llvm::sys::fs::create_directories(dir);
  std::string base = (dir + "/" + name).str();
  if (llvm::Error err = writeFile(
          base + ".v", [&](llvm::raw_ostream &os) { writeVerilog(model, os); }))
    return std::move(err);
  SynthResult result;
  result.mappedNetlist = base + ".mapped.v";
  std::string log = base + ".area.log";
  if (llvm::Error err = run({"/bin/bash", (pdkDir + "/area.sh").str(), "--out",
                             result.mappedNetlist, base + ".v", "top"},
                            log))
    return std::move(err);
  auto text = llvm::MemoryBuffer::getFile(log);
  if (!text)
    return makeError("cannot read " + log);
  std::optional<double> area = findValue((*text)->getBuffer(), "area_um2");
  std::optional<double> cells = findValue((*text)->getBuffer(), "cells_total");
  if (!area)
    return makeError("no area_um2 in " + log);
  result.areaUm2 = *area;
  result.cells = cells ? static_cast<unsigned>(*cells) : 0;
  return result;
}

static void writeTestbench(llvm::raw_ostream &os, const IntMLP &model,
                           unsigned rows, const std::string &base) {
  unsigned width = model.inputBits * model.numInputs();
  unsigned ib = classIndexBits(model);
  os << "module tb;\n";
  os << llvm::formatv("  reg [{0}:0] mem [0:{1}];\n", width - 1, rows - 1);
  os << llvm::formatv("  reg [31:0] want [0:{0}];\n", rows - 1);
  os << llvm::formatv("  reg [{0}:0] inp;\n  wire [{1}:0] out;\n", width - 1,
                      ib - 1);
  os << "  integer i, bad;\n  top dut(.inp(inp), .out(out));\n";
  os << "  initial begin\n";
  os << "    $readmemh(\"" << base << ".in.hex\", mem);\n";
  os << "    $readmemh(\"" << base << ".want.hex\", want);\n";
  os << "    bad = 0;\n";
  os << llvm::formatv("    for (i = 0; i < {0}; i = i + 1) begin\n", rows);
  os << "      inp = mem[i]; #1;\n";
  os << "      if (out !== want[i]) bad = bad + 1;\n    end\n";
  os << "    $display(\"MISMATCHES: %0d\", bad);\n    $finish;\n  end\n";
  os << "endmodule\n";
}

/// Writes the packed input vectors and the reference classes as hex.
static llvm::Error writeVectors(const IntMLP &model, const QuantizedData &data,
                                const std::string &base) {
  unsigned nb = model.inputBits;
  if (llvm::Error err = writeFile(base + ".in.hex", [&](llvm::raw_ostream &os) {
        for (unsigned r = 0; r < data.numRows(); ++r) {
          // Feature f occupies bits [nb*f, nb*f + nb): build MSB-first hex.
          llvm::ArrayRef<uint8_t> row = data.row(r);
          unsigned width = nb * data.numFeatures;
          std::string hex;
          for (int d = int((width + 3) / 4) - 1; d >= 0; --d) {
            unsigned nibble = 0;
            for (unsigned b = 0; b < 4; ++b) {
              unsigned bit = 4 * d + b;
              if (bit < width && ((row[bit / nb] >> (bit % nb)) & 1))
                nibble |= 1u << b;
            }
            hex += llvm::hexdigit(nibble, /*LowerCase=*/true);
          }
          os << hex << "\n";
        }
      }))
    return err;
  return writeFile(base + ".want.hex", [&](llvm::raw_ostream &os) {
    for (unsigned r = 0; r < data.numRows(); ++r)
      os << llvm::format_hex_no_prefix(predictInt(model, data.row(r)), 8)
         << "\n";
  });
}

llvm::Expected<unsigned> axon::printed::bench::simulate(
    const IntMLP &model, llvm::ArrayRef<std::string> verilogFiles,
    const QuantizedData &data, llvm::StringRef dir, llvm::StringRef name) {
  llvm::sys::fs::create_directories(dir);
  std::string base = (dir + "/" + name).str();
  if (data.numRows() == 0)
    return 0u;
  if (llvm::Error err = writeVectors(model, data, base))
    return std::move(err);
  if (llvm::Error err = writeFile(base + ".tb.v", [&](llvm::raw_ostream &os) {
        writeTestbench(os, model, data.numRows(), base);
      }))
    return std::move(err);
  auto iverilog = llvm::sys::findProgramByName("iverilog");
  auto vvp = llvm::sys::findProgramByName("vvp");
  if (!iverilog || !vvp)
    return makeError("iverilog/vvp not found");
  std::vector<std::string> args = {*iverilog, "-g2005", "-o", base + ".vvp",
                                   base + ".tb.v"};
  args.insert(args.end(), verilogFiles.begin(), verilogFiles.end());
  if (llvm::Error err = run(args, base + ".iverilog.log"))
    return std::move(err);
  std::string log = base + ".sim.log";
  if (llvm::Error err = run({*vvp, "-n", base + ".vvp"}, log))
    return std::move(err);
  auto text = llvm::MemoryBuffer::getFile(log);
  if (!text)
    return makeError("cannot read " + log);
  std::optional<double> bad = findValue((*text)->getBuffer(), "MISMATCHES");
  if (!bad)
    return makeError("no MISMATCHES line in " + log);
  return static_cast<unsigned>(*bad);
}
