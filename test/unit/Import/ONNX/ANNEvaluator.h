//===- ANNEvaluator.h - test-only evaluator of imported ANNs ----*- C++ -*-===//
//
// The ONNX importer's numeric tests need to run an imported network once on
// one input.  The reference simulator lives in another room, so this is a
// deliberately naive evaluator of the non-spiking ops only: synaptic ops
// through SynapticOpInterface::forEachSynapse + getBiasValue, activations and
// readout by their textbook formulas.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TEST_UNIT_IMPORT_ONNX_ANNEVALUATOR_H
#define AXON_TEST_UNIT_IMPORT_ONNX_ANNEVALUATOR_H

#include "dialects/snn/SNNOps.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <vector>

namespace axon::test {

using Values = llvm::StringMap<std::vector<double>>;

/// Evaluates `net` once.  Inputs are keyed by the name of each snn.input's
/// NameLoc (the ONNX graph input name); outputs likewise by snn.output.
/// Fails on ops other than the ANN ones and on missing or mis-sized inputs.
llvm::Expected<Values> evaluateANN(snn::NetworkOp net, const Values &inputs);

} // namespace axon::test

#endif // AXON_TEST_UNIT_IMPORT_ONNX_ANNEVALUATOR_H
