//===- Importer.cpp - ONNX graph walk and converter services ----*- C++ -*-===//
//
// The graph-level half of the importer: checks the opset and that every op
// is supported before building anything (so an unsupported op is reported as
// such rather than as a shape problem it causes), turns graph inputs into
// snn.input ops (dropping the batch dimension), runs one converter per node
// and turns graph outputs into snn.output ops.  Per-node services used by the
// converters (attribute access, value lookup, diagnostics) are here too.
//
//===----------------------------------------------------------------------===//

#include "lib/Import/ONNX/Importer.h"

#include "dialects/snn/SNNOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

using namespace mlir;
using namespace axon;
using namespace axon::onnximport;

/// Opsets whose semantics for the supported ops the importer implements.
static constexpr int64_t kMinOpset = 11, kMaxOpset = 17;

Converter axon::onnximport::lookupConverter(StringRef opType) {
  return llvm::StringSwitch<Converter>(opType)
      .Case("Gemm", convertGemm)
      .Case("MatMul", convertMatMul)
      .Case("Add", convertAdd)
      .Case("Conv", convertConv)
      .Case("AveragePool", convertAveragePool)
      .Case("MaxPool", convertMaxPool)
      .Case("Relu", convertRelu)
      .Case("Clip", convertClip)
      .Case("BatchNormalization", convertBatchNorm)
      .Case("Sign", convertSign)
      .Case("Flatten", convertFlatten)
      .Case("Reshape", convertReshape)
      .Case("ArgMax", convertArgMax)
      .Case("Identity", convertIdentity)
      .Case("Dropout", convertDropout)
      .Case("Constant", convertConstant)
      .Default(nullptr);
}

static bool isDefaultDomain(StringRef domain) {
  return domain.empty() || domain == "ai.onnx";
}

Importer::Importer(const onnx::ModelProto &model, StringRef fileName,
                   MLIRContext *context)
    : model(model), graph(model.graph()), fileName(fileName.str()),
      context(context), fileLoc(FileLineColLoc::get(context, fileName, 0, 0)),
      builder(context) {}

//===----------------------------------------------------------------------===//
// Graph walk
//===----------------------------------------------------------------------===//

/// The graph's name, unless it is empty or an exporter's generic default
/// (PyTorch, tf2onnx), in which case the file's stem says more.
static std::string getNetworkName(const onnx::GraphProto &graph,
                                  StringRef fileName) {
  StringRef name = graph.name();
  if (!name.empty() && name != "torch_jit" && name != "torch-jit-export" &&
      name != "main_graph" && name != "tf2onnx")
    return name.str();
  StringRef stem = llvm::sys::path::stem(fileName);
  return stem.empty() || stem == "-" ? "network" : stem.str();
}

OwningOpRef<ModuleOp> Importer::run() {
  if (failed(checkOpset()) || failed(checkOpsSupported()) ||
      failed(indexGraph()))
    return nullptr;
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  builder.setInsertionPointToEnd(module->getBody());
  auto network =
      builder.create<snn::NetworkOp>(fileLoc, getNetworkName(graph, fileName));
  builder.setInsertionPointToEnd(network.getBodyBlock());
  if (failed(createInputs()) || failed(convertNodes()) ||
      failed(createOutputs()))
    return nullptr;
  if (failed(verifyModule(*module)))
    return nullptr;
  return module;
}

/// The first NameLoc's name inside `loc` (the ONNX node or value name).
static StringRef findName(Location loc) {
  StringRef name;
  loc->walk([&](Location inner) {
    if (auto nameLoc = llvm::dyn_cast<NameLoc>(inner)) {
      name = nameLoc.getName().strref();
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return name;
}

LogicalResult Importer::verifyModule(ModuleOp module) {
  // Verifier messages name the snn op; say which ONNX node it came from
  // (e.g. a NaN weight), then let the caller's handler print it.
  ScopedDiagnosticHandler handler(context, [](Diagnostic &diag) {
    StringRef name = findName(diag.getLocation());
    if (diag.getSeverity() == DiagnosticSeverity::Error && !name.empty())
      diag << (" (imported from ONNX node '" + name + "')").str();
    return failure();
  });
  return mlir::verify(module);
}

LogicalResult Importer::checkOpset() {
  bool found = false;
  for (const onnx::OperatorSetIdProto &id : model.opset_import()) {
    if (!isDefaultDomain(id.domain()))
      continue;
    if (found && id.version() != opset)
      return emitError(fileLoc)
             << "the model imports the default ONNX domain twice (opsets "
             << opset << " and " << id.version() << ")";
    found = true;
    opset = id.version();
  }
  if (!found)
    return emitError(fileLoc)
           << "the model does not import the default ONNX operator set; "
              "expected opset "
           << kMinOpset << " to " << kMaxOpset;
  if (opset < kMinOpset || opset > kMaxOpset)
    return emitError(fileLoc)
           << "unsupported ONNX opset " << opset
           << " (default domain); Axon imports opset " << kMinOpset << " to "
           << kMaxOpset << " (re-export the model with opset_version in that "
           << "range)";
  return success();
}

LogicalResult Importer::checkOpsSupported() {
  for (const onnx::NodeProto &node : graph.node()) {
    if (isDefaultDomain(node.domain()) && lookupConverter(node.op_type()))
      continue;
    std::string op = node.op_type();
    if (!isDefaultDomain(node.domain()))
      op = node.domain() + "." + op;
    return emitError(getLoc(node)) << "unsupported ONNX op '" << op
                                   << "' (node '" << nodeName(node) << "')";
  }
  return success();
}

LogicalResult Importer::indexGraph() {
  if (graph.sparse_initializer_size() != 0)
    return emitError(fileLoc) << "sparse initializers are not supported";
  for (const onnx::TensorProto &t : graph.initializer()) {
    if (t.name().empty())
      return emitError(fileLoc) << "an initializer has no name";
    if (!initializers.try_emplace(t.name(), &t).second)
      return emitError(fileLoc)
             << "initializer '" << t.name() << "' is defined twice";
  }
  for (const onnx::NodeProto &node : graph.node())
    for (const std::string &in : node.input())
      if (!in.empty())
        ++useCounts[in];
  for (const onnx::ValueInfoProto &out : graph.output())
    ++useCounts[out.name()];
  return success();
}

LogicalResult Importer::createInputs() {
  // Old exporters list initializers as graph inputs too; they are weights.
  for (const onnx::ValueInfoProto &info : graph.input())
    if (!initializers.count(info.name()) && failed(createInput(info)))
      return failure();
  if (signals.empty())
    return emitError(fileLoc) << "the graph has no inputs (besides "
                                 "initializers)";
  return success();
}

LogicalResult Importer::createInput(const onnx::ValueInfoProto &info) {
  const std::string &name = info.name();
  Location loc = NameLoc::get(StringAttr::get(context, name), fileLoc);
  auto fail = [&]() {
    return emitError(loc) << "graph input '" << name << "' ";
  };
  if (name.empty())
    return emitError(fileLoc) << "a graph input has no name";
  if (!info.type().has_tensor_type())
    return fail() << "is not a tensor";
  const onnx::TypeProto::Tensor &tensor = info.type().tensor_type();
  if (tensor.elem_type() != onnx::TensorProto::FLOAT)
    return fail() << "has element type " << tensor.elem_type()
                  << "; only float (1) inputs are supported";
  if (!tensor.has_shape())
    return fail() << "has no shape; static shapes are required";
  SmallVector<int64_t> dims;
  for (const auto &[i, dim] : llvm::enumerate(tensor.shape().dim())) {
    if (dim.value_case() == onnx::TensorShapeProto::Dimension::kDimParam)
      return fail() << "has the symbolic dimension '" << dim.dim_param()
                    << "' at index " << i
                    << "; only static shapes are supported (export with "
                       "fixed sizes and batch 1)";
    if (dim.value_case() != onnx::TensorShapeProto::Dimension::kDimValue)
      return fail() << "has an unknown dimension at index " << i
                    << "; only static shapes are supported";
    if (dim.dim_value() < 1)
      return fail() << "has dimension " << dim.dim_value() << " at index " << i
                    << "; dimensions must be positive";
    dims.push_back(dim.dim_value());
  }
  if (dims.size() < 2)
    return fail() << "has shape " << formatDims(dims)
                  << "; expected a batch dimension followed by the features";
  if (dims[0] != 1)
    return fail() << "has batch dimension " << dims[0] << " (shape "
                  << formatDims(dims) << "); the batch must be 1";
  if (!checkedNumElements(dims))
    return fail() << "is too large (shape " << formatDims(dims) << ")";
  auto input = builder.create<snn::InputOp>(
      loc, f32Type(ArrayRef<int64_t>(dims).drop_front()));
  if (!signals.try_emplace(name, input.getResult()).second)
    return fail() << "is declared twice";
  return success();
}

LogicalResult Importer::convertNodes() {
  for (const onnx::NodeProto &node : graph.node()) {
    if (failed(lookupConverter(node.op_type())(*this, node)))
      return failure();
    // Converters define the outputs they support; any other output that a
    // later node reads would otherwise surface as a confusing lookup error.
    for (const auto &[i, out] : llvm::enumerate(node.output())) {
      if (out.empty() || getUseCount(out) == 0 || signals.count(out) ||
          constants.count(out))
        continue;
      return emitNodeError(node)
             << "output #" << i << " ('" << out
             << "') is used but not supported by the importer";
    }
  }
  return success();
}

LogicalResult Importer::createOutputs() {
  for (const onnx::ValueInfoProto &info : graph.output()) {
    const std::string &name = info.name();
    Location loc = NameLoc::get(StringAttr::get(context, name), fileLoc);
    auto it = signals.find(name);
    if (it != signals.end()) {
      builder.create<snn::OutputOp>(loc, ValueRange{it->second});
      continue;
    }
    if (isConstant(name))
      return emitError(loc) << "graph output '" << name
                            << "' is a constant, not computed from the inputs";
    return emitError(loc) << "graph output '" << name
                          << "' is not produced by any node or graph input";
  }
  if (graph.output_size() == 0)
    return emitError(fileLoc) << "the graph has no outputs";
  return success();
}

//===----------------------------------------------------------------------===//
// Services for converters
//===----------------------------------------------------------------------===//

StringRef Importer::nodeName(const onnx::NodeProto &node) {
  if (!node.name().empty())
    return node.name();
  if (node.output_size() > 0 && !node.output(0).empty())
    return node.output(0);
  return "?";
}

Location Importer::getLoc(const onnx::NodeProto &node) {
  return NameLoc::get(StringAttr::get(context, nodeName(node)), fileLoc);
}

InFlightDiagnostic Importer::emitNodeError(const onnx::NodeProto &node) {
  InFlightDiagnostic diag = emitError(getLoc(node));
  diag << "ONNX node '" << nodeName(node) << "' (" << node.op_type() << "): ";
  return diag;
}

bool Importer::hasInput(const onnx::NodeProto &node, int index) {
  return index < node.input_size() && !node.input(index).empty();
}

bool Importer::isConstant(StringRef name) const {
  return constants.count(name) || initializers.count(name);
}

unsigned Importer::getUseCount(StringRef name) const {
  auto it = useCounts.find(name);
  return it == useCounts.end() ? 0 : it->second;
}

void Importer::retireValue(Value value) {
  for (auto &entry : signals)
    if (entry.getValue() == value)
      entry.setValue(Value());
}

unsigned Importer::getUseCount(Value value) const {
  unsigned uses = 0;
  for (const auto &entry : signals)
    if (entry.getValue() == value)
      uses += getUseCount(entry.getKey());
  return uses;
}

/// Reports a reference to an undefined value or a missing operand.
static LogicalResult reportMissing(Importer &importer,
                                   const onnx::NodeProto &node, int index) {
  if (index >= node.input_size() || node.input(index).empty())
    return importer.emitNodeError(node) << "expects input #" << index;
  return importer.emitNodeError(node)
         << "missing initializer '" << node.input(index) << "': input #"
         << index
         << " is neither a graph input, an initializer, a Constant output nor "
            "the output of an earlier node";
}

FailureOr<Value> Importer::getSignal(const onnx::NodeProto &node, int index,
                                     bool requireFloat) {
  if (hasInput(node, index)) {
    auto it = signals.find(node.input(index));
    if (it != signals.end() && !it->second)
      return emitNodeError(node)
             << "input #" << index << " ('" << node.input(index)
             << "') was fused into a bias and cannot be read again";
    if (it != signals.end()) {
      Type elt = llvm::cast<ShapedType>(it->second.getType()).getElementType();
      if (requireFloat && !llvm::isa<FloatType>(elt))
        return emitNodeError(node)
               << "input #" << index << " ('" << node.input(index)
               << "') has element type " << elt << "; a float signal is "
               << "expected";
      return it->second;
    }
    if (isConstant(node.input(index)))
      return emitNodeError(node)
             << "input #" << index << " ('" << node.input(index)
             << "') is a constant; the importer expects the data signal there";
  }
  return reportMissing(*this, node, index);
}

FailureOr<const ConstTensor *>
Importer::getConstant(const onnx::NodeProto &node, int index) {
  if (!hasInput(node, index))
    return reportMissing(*this, node, index);
  const std::string &name = node.input(index);
  auto cached = constants.find(name);
  if (cached != constants.end())
    return &cached->second;
  auto init = initializers.find(name);
  if (init == initializers.end()) {
    if (signals.count(name))
      return emitNodeError(node)
             << "input #" << index << " ('" << name
             << "') must be a constant (an initializer), but it is computed "
                "from the graph inputs";
    return reportMissing(*this, node, index);
  }
  std::string error;
  std::optional<ConstTensor> tensor = decodeTensor(*init->second, error);
  if (!tensor)
    return emitNodeError(node) << "initializer '" << name << "' " << error;
  return &constants.try_emplace(name, std::move(*tensor)).first->second;
}

LogicalResult Importer::defineName(const onnx::NodeProto &node, int index) {
  if (index >= node.output_size() || node.output(index).empty())
    return emitNodeError(node) << "has no output #" << index;
  const std::string &name = node.output(index);
  if (signals.count(name) || isConstant(name))
    return emitNodeError(node)
           << "output '" << name << "' is already defined by an earlier node, "
           << "an initializer or a graph input";
  return success();
}

LogicalResult Importer::setSignal(const onnx::NodeProto &node, int index,
                                  Value value) {
  if (failed(defineName(node, index)))
    return failure();
  signals[node.output(index)] = value;
  return success();
}

LogicalResult Importer::setConstant(const onnx::NodeProto &node, int index,
                                    ConstTensor tensor) {
  if (failed(defineName(node, index)))
    return failure();
  constants[node.output(index)] = std::move(tensor);
  return success();
}

LogicalResult Importer::forwardInput(const onnx::NodeProto &node) {
  if (hasInput(node, 0) && isConstant(node.input(0))) {
    FailureOr<const ConstTensor *> c = getConstant(node, 0);
    if (failed(c))
      return failure();
    return setConstant(node, 0, **c);
  }
  FailureOr<Value> in = getSignal(node, 0, /*requireFloat=*/false);
  if (failed(in))
    return failure();
  return setSignal(node, 0, *in);
}

const onnx::AttributeProto *Importer::findAttr(const onnx::NodeProto &node,
                                               StringRef name) {
  for (const onnx::AttributeProto &attr : node.attribute())
    if (attr.name() == name)
      return &attr;
  return nullptr;
}

/// Reports an attribute of the wrong kind.
static InFlightDiagnostic wrongAttrType(Importer &importer,
                                        const onnx::NodeProto &node,
                                        StringRef name, StringRef expected) {
  return importer.emitNodeError(node)
         << "attribute '" << name << "' must be " << expected;
}

FailureOr<int64_t> Importer::getIntAttr(const onnx::NodeProto &node,
                                        StringRef name, int64_t dflt) {
  const onnx::AttributeProto *attr = findAttr(node, name);
  if (!attr)
    return dflt;
  if (attr->type() != onnx::AttributeProto::INT)
    return wrongAttrType(*this, node, name, "an integer");
  return attr->i();
}

FailureOr<double> Importer::getFloatAttr(const onnx::NodeProto &node,
                                         StringRef name, double dflt) {
  const onnx::AttributeProto *attr = findAttr(node, name);
  if (!attr)
    return dflt;
  if (attr->type() != onnx::AttributeProto::FLOAT)
    return wrongAttrType(*this, node, name, "a float");
  return static_cast<double>(attr->f());
}

FailureOr<std::string> Importer::getStringAttr(const onnx::NodeProto &node,
                                               StringRef name, StringRef dflt) {
  const onnx::AttributeProto *attr = findAttr(node, name);
  if (!attr)
    return dflt.str();
  if (attr->type() != onnx::AttributeProto::STRING)
    return wrongAttrType(*this, node, name, "a string");
  return attr->s();
}

FailureOr<SmallVector<int64_t>>
Importer::getIntsAttr(const onnx::NodeProto &node, StringRef name,
                      bool *present) {
  const onnx::AttributeProto *attr = findAttr(node, name);
  if (present)
    *present = attr != nullptr;
  if (!attr)
    return SmallVector<int64_t>();
  if (attr->type() != onnx::AttributeProto::INTS)
    return wrongAttrType(*this, node, name, "a list of integers");
  return SmallVector<int64_t>(attr->ints().begin(), attr->ints().end());
}

RankedTensorType Importer::f32Type(ArrayRef<int64_t> dims) {
  return RankedTensorType::get(dims, builder.getF32Type());
}

DenseElementsAttr Importer::f32Attr(ArrayRef<int64_t> dims,
                                    ArrayRef<double> values) {
  SmallVector<float> floats(values.begin(), values.end());
  return DenseElementsAttr::get(f32Type(dims), ArrayRef<float>(floats));
}

void Importer::noteSignOnce(const onnx::NodeProto &node) {
  if (signNoted)
    return;
  signNoted = true;
  emitRemark(getLoc(node))
      << "ONNX Sign maps 0 to 0 but snn.sign maps 0 to +1 (a binary step); "
         "the imported network differs only where a Sign input is exactly 0";
}
