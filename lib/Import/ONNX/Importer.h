//===- Importer.h - ONNX importer state for converters ----------*- C++ -*-===//
//
// The ONNX importer walks the graph's nodes in order (ONNX requires them to be
// topologically sorted) and maps every value name either to a constant (an
// initializer or a Constant node's output, decoded on first use) or to a
// signal (an snn SSA value whose tensor type is the ONNX shape without the
// batch dimension).  Each supported op type has a converter function; this
// header is what the converters, split over several files by concept, share.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_LIB_IMPORT_ONNX_IMPORTER_H
#define AXON_LIB_IMPORT_ONNX_IMPORTER_H

#include "onnx/onnx_pb.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/Support/LogicalResult.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace axon {
namespace onnximport {

/// Largest element count accepted for any tensor (inputs, weights, results):
/// keeps every size product far from int64 overflow and allocations bounded.
constexpr int64_t kMaxElements = int64_t(1) << 30;
/// Largest value accepted for a geometry attribute (kernel, stride, pad,
/// dilation); larger ones are surely corrupt and could overflow arithmetic.
constexpr int64_t kMaxGeometry = int64_t(1) << 20;

/// A constant tensor: an initializer or a Constant node's value, widened to
/// double (floats) or int64 (integers) so converters need not care about the
/// stored element type.
struct ConstTensor {
  llvm::SmallVector<int64_t> dims;
  bool isInteger = false;
  std::vector<double> values; // every element, row-major (also for ints)
  std::vector<int64_t> ints;  // every element, only when isInteger

  int64_t numElements() const { return static_cast<int64_t>(values.size()); }
};

/// Decodes a TensorProto; on failure returns std::nullopt and sets `error`
/// to a sentence describing the problem (without the tensor's name).
std::optional<ConstTensor> decodeTensor(const onnx::TensorProto &tensor,
                                        std::string &error);

/// Element count of `dims` if all are >= 0 and the product is at most
/// kMaxElements; std::nullopt otherwise.
std::optional<int64_t> checkedNumElements(llvm::ArrayRef<int64_t> dims);

/// "[1, 2, 3]".
std::string formatDims(llvm::ArrayRef<int64_t> dims);

class Importer;
/// Converts one node; emits exactly one error on failure.
using Converter = mlir::LogicalResult (*)(Importer &, const onnx::NodeProto &);

/// The converter of `opType` in the default domain, or null if unsupported.
Converter lookupConverter(llvm::StringRef opType);

/// Converters, grouped by file (Layers.cpp: synaptic ops; Elementwise.cpp:
/// activations, shapes and forwarding).
mlir::LogicalResult convertGemm(Importer &, const onnx::NodeProto &);
mlir::LogicalResult convertMatMul(Importer &, const onnx::NodeProto &);
mlir::LogicalResult convertAdd(Importer &, const onnx::NodeProto &);
mlir::LogicalResult convertConv(Importer &, const onnx::NodeProto &);
mlir::LogicalResult convertAveragePool(Importer &, const onnx::NodeProto &);
mlir::LogicalResult convertMaxPool(Importer &, const onnx::NodeProto &);
mlir::LogicalResult convertRelu(Importer &, const onnx::NodeProto &);
mlir::LogicalResult convertClip(Importer &, const onnx::NodeProto &);
mlir::LogicalResult convertBatchNorm(Importer &, const onnx::NodeProto &);
mlir::LogicalResult convertSign(Importer &, const onnx::NodeProto &);
mlir::LogicalResult convertFlatten(Importer &, const onnx::NodeProto &);
mlir::LogicalResult convertReshape(Importer &, const onnx::NodeProto &);
mlir::LogicalResult convertArgMax(Importer &, const onnx::NodeProto &);
mlir::LogicalResult convertIdentity(Importer &, const onnx::NodeProto &);
mlir::LogicalResult convertDropout(Importer &, const onnx::NodeProto &);
mlir::LogicalResult convertConstant(Importer &, const onnx::NodeProto &);

/// The importer's state and the services converters use.
class Importer {
public:
  Importer(const onnx::ModelProto &model, llvm::StringRef fileName,
           mlir::MLIRContext *context);

  /// Builds the module; null after an error (already emitted).
  mlir::OwningOpRef<mlir::ModuleOp> run();

  //===--- services for converters -------------------------------------===//

  mlir::OpBuilder &getBuilder() { return builder; }
  mlir::MLIRContext *getContext() { return context; }
  int64_t getOpset() const { return opset; }

  /// NameLoc(node name, or first output if unnamed) over the file location.
  mlir::Location getLoc(const onnx::NodeProto &node);
  /// The node's display name (its name, else its first output, else "?").
  static llvm::StringRef nodeName(const onnx::NodeProto &node);

  /// Emits "ONNX node 'n' (Op): " at the node and returns the diagnostic for
  /// the caller to complete.
  mlir::InFlightDiagnostic emitNodeError(const onnx::NodeProto &node);

  /// Whether input #index is present (exists and has a non-empty name).
  static bool hasInput(const onnx::NodeProto &node, int index);
  /// Whether `name` names a constant (initializer or Constant output).
  bool isConstant(llvm::StringRef name) const;

  /// Input #index as a signal (errors if missing, constant or, when
  /// `requireFloat`, not a float signal).
  mlir::FailureOr<mlir::Value> getSignal(const onnx::NodeProto &node, int index,
                                         bool requireFloat = true);
  /// Input #index as a constant (errors if missing, not constant or corrupt).
  mlir::FailureOr<const ConstTensor *> getConstant(const onnx::NodeProto &node,
                                                   int index);

  /// Defines the node's output #index (errors if it is defined twice).
  mlir::LogicalResult setSignal(const onnx::NodeProto &node, int index,
                                mlir::Value value);
  mlir::LogicalResult setConstant(const onnx::NodeProto &node, int index,
                                  ConstTensor tensor);
  /// Forgets `value` (about to be erased by a fusion) under all its names;
  /// they stay defined, so a later redefinition is still an error.
  void retireValue(mlir::Value value);
  /// Makes output #0 an alias of input #0 (signal or constant).
  mlir::LogicalResult forwardInput(const onnx::NodeProto &node);

  /// Times `name` is read by a node or is a graph output.
  unsigned getUseCount(llvm::StringRef name) const;
  /// Times `value` is read under any of its names (forwarding ops such as
  /// Identity give one value several names).
  unsigned getUseCount(mlir::Value value) const;

  /// Attribute accessors: the default if absent; an error if the attribute
  /// has the wrong type.
  mlir::FailureOr<int64_t> getIntAttr(const onnx::NodeProto &node,
                                      llvm::StringRef name, int64_t dflt);
  mlir::FailureOr<double> getFloatAttr(const onnx::NodeProto &node,
                                       llvm::StringRef name, double dflt);
  mlir::FailureOr<std::string> getStringAttr(const onnx::NodeProto &node,
                                             llvm::StringRef name,
                                             llvm::StringRef dflt);
  /// Absent -> empty vector with `present` false.
  mlir::FailureOr<llvm::SmallVector<int64_t>>
  getIntsAttr(const onnx::NodeProto &node, llvm::StringRef name,
              bool *present = nullptr);
  const onnx::AttributeProto *findAttr(const onnx::NodeProto &node,
                                       llvm::StringRef name);

  /// f32 tensor type of `dims`, and a dense f32 attribute from doubles.
  mlir::RankedTensorType f32Type(llvm::ArrayRef<int64_t> dims);
  mlir::DenseElementsAttr f32Attr(llvm::ArrayRef<int64_t> dims,
                                  llvm::ArrayRef<double> values);

  /// Emits the note about ONNX Sign(0) = 0 vs snn.sign(0) = +1 once.
  void noteSignOnce(const onnx::NodeProto &node);

private:
  mlir::LogicalResult checkOpset();
  mlir::LogicalResult checkOpsSupported();
  mlir::LogicalResult indexGraph();
  mlir::LogicalResult createInputs();
  mlir::LogicalResult createInput(const onnx::ValueInfoProto &info);
  mlir::LogicalResult convertNodes();
  mlir::LogicalResult createOutputs();
  mlir::LogicalResult verifyModule(mlir::ModuleOp module);
  mlir::LogicalResult defineName(const onnx::NodeProto &node, int index);

  const onnx::ModelProto &model;
  const onnx::GraphProto &graph;
  std::string fileName;
  mlir::MLIRContext *context;
  mlir::Location fileLoc;
  mlir::OpBuilder builder;
  int64_t opset = 0;
  bool signNoted = false;

  llvm::StringMap<const onnx::TensorProto *> initializers;
  llvm::StringMap<ConstTensor> constants;
  llvm::StringMap<mlir::Value> signals;
  llvm::StringMap<unsigned> useCounts;
};

} // namespace onnximport
} // namespace axon

#endif // AXON_LIB_IMPORT_ONNX_IMPORTER_H
