//===- WriteDesign.cpp - Verilog, testbench and test vectors of a design --===//
//
// Writes the folder a printed-MLP design is handed over in, with the file
// names and formats of the published designs (top.v, top_tb.v, sim.Xtest
// with one row of decimal codes per line, sim.Ytest), so their testbenches
// and ours run on each other's netlists.  The testbench reads the vectors
// at run time (no row count baked in) and takes the file names as plusargs,
// so it runs from any working directory.  Every file is written
// atomically; the formats are in docs/targets/printed-hardware.md.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Hardware/Hardware.h"

#include "axon/Export/Verilog.h"
#include "dialects/net/NetOps.h"

#include "axon/Support/WriteFile.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace axon;
using namespace axon::printed;

/// Writes `text` to `dir/name` atomically.
static LogicalResult writeFile(Location loc, StringRef dir, StringRef name,
                               StringRef text) {
  return writeTextFile(loc, dir, name, [&](raw_ostream &os) { os << text; });
}

/// The testbench of the published designs: parameters OUTWIDTH, NUM_A,
/// WIDTH_A; one `at[i]` register per feature, read with a "%d " `$fscanf`
/// and packed into `inp` by a generate loop; a "%d\n" `$fwrite` of `out` per
/// row.  It differs in that the file names are plusargs, every `$fscanf`
/// result is assigned (Verilog-2005) and ends the loop on the first row that
/// does not start with a number (theirs tests `$feof` and writes one extra
/// row for an empty file), and the rows equal to sim.Ytest are counted.
static std::string testbench(unsigned numInputs, unsigned inputBits,
                             unsigned outputWidth) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << "// top_tb: applies every row of sim.Xtest (the codes of one row as\n"
        "// decimals separated by blanks, feature 0 first) to `top` and "
        "writes\n"
        "// its class index, one decimal per line, to output.txt; counts the\n"
        "// rows equal to sim.Ytest's labels.  The structure and formats are\n"
        "// those of the published designs' testbench; override the file "
        "names\n"
        "// with +xtest=F +ytest=F +out=F.\n";
  os << "`timescale 1ns/1ps\n";
  os << "module top_tb;\n";
  os << llvm::formatv("  parameter OUTWIDTH = {0};\n", outputWidth);
  os << llvm::formatv("  parameter NUM_A = {0};\n", numInputs);
  os << llvm::formatv("  parameter WIDTH_A = {0};\n", inputBits);
  os << "\n"
        "  reg [WIDTH_A-1:0] at [NUM_A-1:0];\n"
        "  wire [NUM_A*WIDTH_A-1:0] inp;\n"
        "  wire [OUTWIDTH-1:0] out;\n"
        "  reg [8*4096-1:0] xname, yname, oname;\n"
        "  integer inFile, outFile, yFile, i, r, label, rows, correct;\n"
        "\n"
        "  top DUT(.inp(inp), .out(out));\n"
        "\n"
        "  genvar gi;\n"
        "  generate\n"
        "    for (gi = 0; gi < NUM_A; gi = gi + 1) begin : genbit\n"
        "      assign inp[(gi+1)*WIDTH_A-1:gi*WIDTH_A] = at[gi];\n"
        "    end\n"
        "  endgenerate\n"
        "\n"
        "  initial begin\n"
        "    if (!$value$plusargs(\"xtest=%s\", xname)) xname = "
        "\"sim.Xtest\";\n"
        "    if (!$value$plusargs(\"ytest=%s\", yname)) yname = "
        "\"sim.Ytest\";\n"
        "    if (!$value$plusargs(\"out=%s\", oname)) oname = "
        "\"output.txt\";\n"
        "    inFile = $fopen(xname, \"r\");\n"
        "    yFile = $fopen(yname, \"r\");\n"
        "    outFile = $fopen(oname, \"w\");\n"
        "    if (inFile == 0 || outFile == 0) begin\n"
        "      $display(\"top_tb: error: cannot open the input or output "
        "file\");\n"
        "      $finish;\n"
        "    end\n"
        "    rows = 0;\n"
        "    correct = 0;\n"
        "    r = $fscanf(inFile, \"%d \", at[0]);\n"
        "    while (r == 1) begin\n"
        "      for (i = 1; i < NUM_A; i = i + 1)\n"
        "        r = $fscanf(inFile, \"%d \", at[i]);\n"
        "      if (r != 1) begin\n"
        "        $display(\"top_tb: error: row %0d is incomplete\", rows + "
        "1);\n"
        "        $finish;\n"
        "      end\n"
        "      #1;\n"
        "      $fwrite(outFile, \"%d\\n\", out);\n"
        "      if (yFile != 0) begin\n"
        "        r = $fscanf(yFile, \"%d\\n\", label);\n"
        "        if (r == 1 && label == out)\n"
        "          correct = correct + 1;\n"
        "      end\n"
        "      rows = rows + 1;\n"
        "      r = $fscanf(inFile, \"%d \", at[0]);\n"
        "    end\n"
        "    $fclose(inFile);\n"
        "    $fclose(outFile);\n"
        "    if (yFile != 0)\n"
        "      $fclose(yFile);\n"
        "    $display(\"top_tb: rows %0d correct %0d\", rows, correct);\n"
        "    $finish;\n"
        "  end\n"
        "endmodule\n";
  return s;
}

/// One test row as the published sim.Xtest holds it: the codes as decimals
/// separated by blanks, feature 0 first.
static std::string formatRow(ArrayRef<uint8_t> codes) {
  std::string line;
  for (auto [f, code] : llvm::enumerate(codes)) {
    if (f)
      line += ' ';
    line += std::to_string(unsigned(code));
  }
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
    xtest += formatRow(row) + "\n";
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
  if (failed(writeFile(loc, dir, "top.v", verilog)) ||
      failed(
          writeFile(loc, dir, "top_tb.v",
                    testbench(model.numInputs(), model.inputBits, outWidth))) ||
      failed(writeFile(loc, dir, "sim.Xtest", xtest)) ||
      failed(writeFile(loc, dir, "sim.Ytest", ytest)))
    return failure();
  return success();
}
