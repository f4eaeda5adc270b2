//===- WriteDesign.cpp - Verilog, testbench and test vectors of a design --===//
//
// Writes the folder a printed-MLP design is handed over in, with the file
// names of the published designs (top.v, top_tb.v, sim.Xtest, sim.Ytest), so
// their scripts and ours run on each other's netlists.  The testbench reads
// the vectors at run time (no row count baked in) and takes the file names
// as plusargs, so it runs from any working directory.  Every file is written
// atomically; the formats are in docs/targets/printed-hardware.md.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Hardware/Hardware.h"

#include "axon/Export/Verilog.h"
#include "dialects/net/NetOps.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace axon;
using namespace axon::printed;

/// Writes `text` to `dir/name` atomically.
static LogicalResult writeFile(Location loc, StringRef dir, StringRef name,
                               StringRef text) {
  SmallString<256> path(dir);
  llvm::sys::path::append(path, name);
  if (llvm::Error err = llvm::writeToOutput(path, [&](raw_ostream &os) {
        os << text;
        return llvm::Error::success();
      }))
    return emitError(loc) << "cannot write " << path << ": "
                          << llvm::toString(std::move(err));
  return success();
}

/// The testbench; see the file comment.
static std::string testbench(unsigned inputWidth, unsigned outputWidth) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << "// top_tb: applies every row of sim.Xtest (packed inputs, binary, "
        "MSB\n"
        "// first) to `top` and writes its class index, one decimal per line,\n"
        "// to sim.out; counts the rows equal to sim.Ytest's labels.  "
        "Override\n"
        "// the file names with +xtest=F +ytest=F +out=F.\n";
  os << "`timescale 1ns/1ps\n";
  os << "module top_tb;\n";
  os << llvm::formatv("  reg [{0}:0] inp;\n", inputWidth - 1);
  os << llvm::formatv("  wire [{0}:0] out;\n", outputWidth - 1);
  os << "  reg [8*4096-1:0] xname, yname, oname;\n"
        "  integer fx, fy, fo, rx, ry, label, rows, correct;\n"
        "\n"
        "  top dut(.inp(inp), .out(out));\n"
        "\n"
        "  initial begin\n"
        "    if (!$value$plusargs(\"xtest=%s\", xname)) xname = "
        "\"sim.Xtest\";\n"
        "    if (!$value$plusargs(\"ytest=%s\", yname)) yname = "
        "\"sim.Ytest\";\n"
        "    if (!$value$plusargs(\"out=%s\", oname)) oname = \"sim.out\";\n"
        "    fx = $fopen(xname, \"r\");\n"
        "    fy = $fopen(yname, \"r\");\n"
        "    fo = $fopen(oname, \"w\");\n"
        "    if (fx == 0 || fo == 0) begin\n"
        "      $display(\"top_tb: error: cannot open the input or output "
        "file\");\n"
        "      $finish;\n"
        "    end\n"
        "    rows = 0;\n"
        "    correct = 0;\n"
        "    rx = $fscanf(fx, \"%b\\n\", inp);\n"
        "    while (rx == 1) begin\n"
        "      #1;\n"
        "      $fdisplay(fo, \"%0d\", out);\n"
        "      if (fy != 0) begin\n"
        "        ry = $fscanf(fy, \"%d\\n\", label);\n"
        "        if (ry == 1 && label == out)\n"
        "          correct = correct + 1;\n"
        "      end\n"
        "      rows = rows + 1;\n"
        "      rx = $fscanf(fx, \"%b\\n\", inp);\n"
        "    end\n"
        "    $fclose(fx);\n"
        "    $fclose(fo);\n"
        "    if (fy != 0)\n"
        "      $fclose(fy);\n"
        "    $display(\"top_tb: rows %0d correct %0d\", rows, correct);\n"
        "    $finish;\n"
        "  end\n"
        "endmodule\n";
  return s;
}

/// One packed input row in binary, MSB first (feature 0 in the low bits).
static std::string packRow(ArrayRef<uint8_t> codes, unsigned bits) {
  std::string line;
  for (unsigned f = codes.size(); f-- > 0;)
    for (unsigned bit = bits; bit-- > 0;)
      line += (codes[f] >> bit) & 1 ? '1' : '0';
  return line;
}

/// The `@top` of `module`, checked against the model's port widths.
static FailureOr<net::NetModuleOp> findTop(ModuleOp module,
                                           const IntMLP &model) {
  auto top = module.lookupSymbol<net::NetModuleOp>("top");
  if (!top)
    return emitError(module.getLoc()) << "expected a net.module @top";
  unsigned inWidth = model.numInputs() * model.inputBits;
  FunctionType type = top.getFunctionType();
  if (type.getNumInputs() != 1 || type.getNumResults() != 1 ||
      top.getInputName(0) != "inp" || top.getOutputName(0) != "out" ||
      type.getInput(0).getIntOrFloatBitWidth() != inWidth)
    return top.emitError() << "expected ports (in inp : i" << inWidth
                           << ", out out) for a model of " << model.numInputs()
                           << " inputs of " << model.inputBits << " bits";
  return top;
}

LogicalResult axon::printed::writeDesign(ModuleOp netModule,
                                         const IntMLP &model,
                                         ArrayRef<std::vector<uint8_t>> codes,
                                         ArrayRef<unsigned> labels,
                                         StringRef dir) {
  Location loc = netModule.getLoc();
  FailureOr<net::NetModuleOp> top = findTop(netModule, model);
  if (failed(top))
    return failure();
  if (!labels.empty() && labels.size() != codes.size())
    return emitError(loc) << "got " << labels.size() << " labels for "
                          << codes.size() << " test rows";
  std::string xtest;
  for (auto [r, row] : llvm::enumerate(codes)) {
    if (row.size() != model.numInputs())
      return emitError(loc) << "test row " << r << " has " << row.size()
                            << " codes, expected " << model.numInputs();
    for (auto [f, code] : llvm::enumerate(row))
      if (code >> model.inputBits)
        return emitError(loc) << "test row " << r << ", feature " << f
                              << ": code " << unsigned(code) << " does not fit "
                              << model.inputBits << " bits";
    xtest += packRow(row, model.inputBits) + "\n";
  }
  std::string ytest;
  for (unsigned label : labels)
    ytest += std::to_string(label) + "\n";

  std::string verilog;
  llvm::raw_string_ostream os(verilog);
  if (failed(exportVerilog(netModule, os)))
    return failure();
  if (std::error_code ec = llvm::sys::fs::create_directories(dir))
    return emitError(loc) << "cannot create " << dir << ": " << ec.message();
  unsigned outWidth =
      top->getFunctionType().getResult(0).getIntOrFloatBitWidth();
  unsigned inWidth = model.numInputs() * model.inputBits;
  if (failed(writeFile(loc, dir, "top.v", verilog)) ||
      failed(writeFile(loc, dir, "top_tb.v", testbench(inWidth, outWidth))) ||
      failed(writeFile(loc, dir, "sim.Xtest", xtest)) ||
      failed(writeFile(loc, dir, "sim.Ytest", ytest)))
    return failure();
  return success();
}
