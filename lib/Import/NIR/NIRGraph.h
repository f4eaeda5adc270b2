//===- NIRGraph.h - the NIR graph between HDF5 and snn ops ------*- C++ -*-===//
//
// The reader works in three steps: NIRLoad.cpp reads the HDF5 file into this
// flat graph (nested graphs already flattened), NIRShapes.cpp orders it and
// infers every signal's type, and NIRReader.cpp turns it into snn ops.  The
// loading step touches HDF5 and may run in a child process (Sandbox.h), so
// the graph and the loader's diagnostics are plain data without MLIR.  The
// node schema (which NIR type has which fields and which snn op it becomes)
// is shared with the writer.
//
//===----------------------------------------------------------------------===//
#ifndef LIB_IMPORT_NIR_NIRGRAPH_H
#define LIB_IMPORT_NIR_NIRGRAPH_H

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/Types.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <utility>
#include <vector>

namespace axon {
namespace nir {

/// The NIR node types.
enum class NodeKind {
  Input,
  Output,
  Affine,
  Linear,
  Scale,
  Conv1d,
  Conv2d,
  SumPool2d,
  AvgPool2d,
  Flatten,
  Delay,
  Threshold,
  I,
  IF,
  LI,
  LIF,
  CubaLI,
  CubaLIF,
  Graph,
};

/// How a missing parameter dataset is filled in (always with a remark).
enum class ParamDefault { Required, ZerosLikeThreshold, One };

struct ParamSpec {
  llvm::StringRef name;
  ParamDefault fallback;
};

/// One NIR node type: its fields and the snn op it becomes.
struct NodeSchema {
  NodeKind kind;
  llvm::StringRef nirType;
  llvm::StringRef opName; // "" for Graph
  llvm::ArrayRef<ParamSpec> params;
  /// Integer / string fields besides the float parameters.
  llvm::ArrayRef<llvm::StringRef> intFields;
  bool spiking;
  /// Neurons, Scale, Delay: parameters shaped like the signal.
  bool elementwise;
};

/// The schema of NIR type `nirType`, or null if unknown.
const NodeSchema *lookupSchema(llvm::StringRef nirType);
const NodeSchema &getSchema(NodeKind kind);
/// "Input, Output, Affine, ..." for messages.
std::string listNodeTypes();

/// A float parameter as stored in the file: f32 or f64, row-major.
struct Param {
  llvm::StringRef name; // the schema's name (static storage)
  bool isF64 = false;
  llvm::SmallVector<int64_t> shape;
  std::vector<char> data; // numElements() * (isF64 ? 8 : 4) bytes
  int64_t numElements() const;
};

/// Conv and pooling geometry as stored (each array 1 value or one per
/// spatial dimension; padding may be "same"/"valid").
struct Geometry {
  llvm::SmallVector<int64_t> stride, padding, dilation, kernel;
  std::string paddingMode; // "", "same" or "valid"
  int64_t groups = 1;
};

/// One node of the flattened graph.
struct Node {
  std::string name; // "B" at top level, "G.B" inside sub-graph G
  const NodeSchema *schema = nullptr;
  /// A sub-graph's Input/Output node: forwards its inputs unchanged.
  bool passThrough = false;
  /// Float parameters in schema order.
  llvm::SmallVector<Param, 2> params;
  Geometry geometry;
  int64_t startDim = 0, endDim = -1;
  /// Input/Output `shape`, Conv `input_shape` (spatial), Flatten
  /// `input_type`.
  llvm::SmallVector<int64_t> declaredShape;
  bool hasDeclaredShape = false;

  /// Edges, as node indices, sorted (index order is name order).
  llvm::SmallVector<int> preds, succs;

  /// Set by shape inference.
  bool typed = false;
  llvm::SmallVector<int64_t> inShape, outShape;
  mlir::Type outElement;
  /// Resolved conv/pool arrays, one per spatial dimension.
  llvm::SmallVector<int64_t> stride, padding, dilation, kernel;

  NodeKind kind() const { return schema->kind; }
  const Param *getParam(llvm::StringRef name) const;
  /// The shape of the `weight` parameter (Affine, Linear, Conv).
  llvm::ArrayRef<int64_t> weightShape() const;
};

/// A NIR file after loading: nodes sorted by name, edges as preds/succs.
struct Graph {
  std::vector<Node> nodes;
  std::string version;
  std::string networkName; // from node/metadata/name, may be empty
};

//===----------------------------------------------------------------------===//
// Diagnostics
//===----------------------------------------------------------------------===//

enum class Severity { Error, Warning, Remark };

/// One diagnostic of the loader: "NIR node 'x' (T): ..." or "NIR file: ...".
struct Message {
  Severity severity = Severity::Error;
  std::string node; // "" for file-level messages
  std::string text; // the whole message
};

/// Collects the loader's diagnostics as plain data.  A Builder appends its
/// message when it goes out of scope and converts to failure(), so loader
/// code reads like MLIR's `return emitError(loc) << ...;`.
class Recorder {
public:
  class Builder {
  public:
    Builder(Recorder &owner, Severity severity, std::string node,
            std::string prefix);
    Builder(Builder &&other);
    Builder(const Builder &) = delete;
    Builder &operator=(const Builder &) = delete;
    ~Builder();
    template <typename T> Builder &operator<<(const T &value) {
      llvm::raw_string_ostream os(message.text);
      os << value;
      return *this;
    }
    operator mlir::LogicalResult() const { return mlir::failure(); }

  private:
    Recorder *owner;
    Message message;
  };

  Builder nodeError(const Node &node);
  Builder nodeError(llvm::StringRef name, llvm::StringRef type);
  Builder nodeRemark(const Node &node);
  Builder fileError();
  Builder fileWarning();

  std::vector<Message> messages;
};

/// Emits diagnostics with MLIR locations: a node's is a NameLoc of the
/// node's name around the file location.
class Reporter {
public:
  Reporter(mlir::MLIRContext *context, llvm::StringRef fileName);
  mlir::MLIRContext *getContext() const { return context; }
  mlir::Location fileLoc() const { return file; }
  mlir::Location nodeLoc(llvm::StringRef nodeName) const;
  /// "NIR node 'lif1' (LIF): " + ...
  mlir::InFlightDiagnostic nodeError(const Node &node) const;
  mlir::InFlightDiagnostic nodeRemark(const Node &node) const;
  mlir::InFlightDiagnostic nodeError(llvm::StringRef name,
                                     llvm::StringRef type) const;
  mlir::InFlightDiagnostic fileError() const;
  /// Emits recorded messages in order.
  void replay(llvm::ArrayRef<Message> messages) const;

private:
  mlir::MLIRContext *context;
  mlir::Location file;
};

//===----------------------------------------------------------------------===//
// Steps
//===----------------------------------------------------------------------===//

/// Reads the HDF5 image into `graph`, in this process (NIRLoad.cpp).
mlir::LogicalResult loadGraph(llvm::StringRef bytes, Recorder &recorder,
                              Graph &graph);

/// loadGraph in a child process (unless AXON_NIR_IN_PROCESS is set), so
/// that a crash inside the HDF5 library on a corrupt file becomes an error;
/// replays the loader's diagnostics through `report` (NIRSerialize.cpp).
mlir::LogicalResult loadGraphIsolated(llvm::StringRef bytes,
                                      const Reporter &report, Graph &graph);

/// Orders the nodes (inputs by name, the rest topologically with ties by
/// name, outputs last) and infers every signal type (NIRShapes.cpp).
mlir::LogicalResult inferTypes(Graph &graph, const Reporter &report,
                               std::vector<int> &order);

/// "[3, 4]".
std::string formatShape(llvm::ArrayRef<int64_t> shape);

} // namespace nir
} // namespace axon

#endif // LIB_IMPORT_NIR_NIRGRAPH_H
