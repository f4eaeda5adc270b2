//===- SNNInterfaces.h - neuron and synaptic op interfaces ------*- C++ -*-===//
//
// Helpers the interfaces' default implementations use, then the generated
// interface declarations.
//
//===----------------------------------------------------------------------===//
#ifndef AXON_DIALECTS_SNN_SNNINTERFACES_H
#define AXON_DIALECTS_SNN_SNNINTERFACES_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpDefinition.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace axon {
namespace snn {

/// True if `attr` is a DenseElementsAttr of float or integer elements.
bool isParameterAttr(mlir::Attribute attr);

/// Element `index` of `attr` as a double; a single-element attribute is
/// broadcast to every index.  Returns 0 for a null attribute.
double getElementAsDouble(mlir::DenseElementsAttr attr, int64_t index);

/// All elements of `attr` as doubles (row-major).
llvm::SmallVector<double> getElementsAsDouble(mlir::DenseElementsAttr attr);

} // namespace snn
} // namespace axon

#include "dialects/snn/SNNInterfaces.h.inc"

#endif // AXON_DIALECTS_SNN_SNNINTERFACES_H
