//===- NIRSchema.cpp - NIR node types, their fields and snn ops -----------===//
//
// The one table that says which datasets each NIR node type has (NIR 1.0
// field names, which are also the snn attribute names) and which snn op it
// becomes.  Reader and writer both follow it, so they cannot disagree.
//
//===----------------------------------------------------------------------===//

#include "lib/Import/NIR/NIRGraph.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Location.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <iterator>

using namespace axon::nir;
using namespace mlir;
using llvm::StringRef;

namespace {
using P = ParamSpec;
constexpr ParamDefault Req = ParamDefault::Required;
constexpr ParamDefault Zeros = ParamDefault::ZerosLikeThreshold;
constexpr ParamDefault One = ParamDefault::One;

const P affineParams[] = {{"weight", Req}, {"bias", Req}};
const P linearParams[] = {{"weight", Req}};
const P scaleParams[] = {{"scale", Req}};
const P delayParams[] = {{"delay", Req}};
const P thresholdParams[] = {{"threshold", Req}};
const P iParams[] = {{"r", Req}};
const P ifParams[] = {{"r", Req}, {"v_threshold", Req}, {"v_reset", Zeros}};
const P liParams[] = {{"tau", Req}, {"r", Req}, {"v_leak", Req}};
const P lifParams[] = {{"tau", Req},
                       {"r", Req},
                       {"v_leak", Req},
                       {"v_threshold", Req},
                       {"v_reset", Zeros}};
const P cubaLIParams[] = {{"tau_syn", Req},
                          {"tau_mem", Req},
                          {"r", Req},
                          {"v_leak", Req},
                          {"w_in", One}};
const P cubaLIFParams[] = {
    {"tau_syn", Req},     {"tau_mem", Req},   {"r", Req},   {"v_leak", Req},
    {"v_threshold", Req}, {"v_reset", Zeros}, {"w_in", One}};

const StringRef portFields[] = {"shape"};
const StringRef convFields[] = {"stride", "padding", "dilation", "groups",
                                "input_shape"};
const StringRef poolFields[] = {"kernel_size", "stride", "padding"};
const StringRef flattenFields[] = {"start_dim", "end_dim", "input_type"};
const StringRef graphFields[] = {"nodes", "edges"};

const NodeSchema schemas[] = {
    {NodeKind::Input, "Input", "snn.input", {}, portFields, false, false},
    {NodeKind::Output, "Output", "snn.output", {}, portFields, false, false},
    {NodeKind::Affine, "Affine", "snn.affine", affineParams, {}, false, false},
    {NodeKind::Linear, "Linear", "snn.linear", linearParams, {}, false, false},
    {NodeKind::Scale, "Scale", "snn.scale", scaleParams, {}, false, true},
    {NodeKind::Conv1d, "Conv1d", "snn.conv1d", affineParams, convFields, false,
     false},
    {NodeKind::Conv2d, "Conv2d", "snn.conv2d", affineParams, convFields, false,
     false},
    {NodeKind::SumPool2d,
     "SumPool2d",
     "snn.sum_pool2d",
     {},
     poolFields,
     false,
     false},
    {NodeKind::AvgPool2d,
     "AvgPool2d",
     "snn.avg_pool2d",
     {},
     poolFields,
     false,
     false},
    {NodeKind::Flatten,
     "Flatten",
     "snn.flatten",
     {},
     flattenFields,
     false,
     false},
    {NodeKind::Delay, "Delay", "snn.delay", delayParams, {}, false, true},
    {NodeKind::Threshold,
     "Threshold",
     "snn.threshold",
     thresholdParams,
     {},
     true,
     true},
    {NodeKind::I, "I", "snn.integrator", iParams, {}, false, true},
    {NodeKind::IF, "IF", "snn.if", ifParams, {}, true, true},
    {NodeKind::LI, "LI", "snn.li", liParams, {}, false, true},
    {NodeKind::LIF, "LIF", "snn.lif", lifParams, {}, true, true},
    {NodeKind::CubaLI, "CubaLI", "snn.cuba_li", cubaLIParams, {}, false, true},
    {NodeKind::CubaLIF,
     "CubaLIF",
     "snn.cuba_lif",
     cubaLIFParams,
     {},
     true,
     true},
    {NodeKind::Graph, "NIRGraph", "", {}, graphFields, false, false},
};
static_assert(std::size(schemas) == size_t(NodeKind::Graph) + 1,
              "one schema per NodeKind, in enum order");
} // namespace

const NodeSchema *axon::nir::lookupSchema(StringRef nirType) {
  for (const NodeSchema &schema : schemas)
    if (schema.nirType == nirType)
      return &schema;
  return nullptr;
}

const NodeSchema &axon::nir::getSchema(NodeKind kind) {
  return schemas[static_cast<size_t>(kind)];
}

std::string axon::nir::listNodeTypes() {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::interleaveComma(schemas, os,
                        [&](const NodeSchema &s) { os << s.nirType; });
  return text;
}

std::string axon::nir::formatShape(llvm::ArrayRef<int64_t> shape) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "[";
  llvm::interleaveComma(shape, os);
  os << "]";
  return text;
}

int64_t Param::numElements() const {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

const Param *Node::getParam(StringRef name) const {
  for (const Param &param : params)
    if (param.name == name)
      return &param;
  return nullptr;
}

llvm::ArrayRef<int64_t> Node::weightShape() const {
  const Param *weight = getParam("weight");
  return weight ? llvm::ArrayRef<int64_t>(weight->shape)
                : llvm::ArrayRef<int64_t>();
}

//===----------------------------------------------------------------------===//
// Recorder
//===----------------------------------------------------------------------===//

Recorder::Builder::Builder(Recorder &owner, Severity severity, std::string node,
                           std::string prefix)
    : owner(&owner) {
  message.severity = severity;
  message.node = std::move(node);
  message.text = std::move(prefix);
}

Recorder::Builder::Builder(Builder &&other)
    : owner(other.owner), message(std::move(other.message)) {
  other.owner = nullptr;
}

Recorder::Builder::~Builder() {
  if (owner)
    owner->messages.push_back(std::move(message));
}

static std::string nodePrefix(StringRef name, StringRef type) {
  std::string prefix = "NIR node '" + name.str() + "'";
  if (!type.empty())
    prefix += " (" + type.str() + ")";
  return prefix + ": ";
}

Recorder::Builder Recorder::nodeError(StringRef name, StringRef type) {
  return Builder(*this, Severity::Error, name.str(), nodePrefix(name, type));
}

Recorder::Builder Recorder::nodeError(const Node &node) {
  return nodeError(node.name, node.schema->nirType);
}

Recorder::Builder Recorder::nodeRemark(const Node &node) {
  return Builder(*this, Severity::Remark, node.name,
                 nodePrefix(node.name, node.schema->nirType));
}

Recorder::Builder Recorder::fileError() {
  return Builder(*this, Severity::Error, "", "NIR file: ");
}

Recorder::Builder Recorder::fileWarning() {
  return Builder(*this, Severity::Warning, "", "NIR file: ");
}

//===----------------------------------------------------------------------===//
// Reporter
//===----------------------------------------------------------------------===//

Reporter::Reporter(MLIRContext *context, StringRef fileName)
    : context(context), file(FileLineColLoc::get(context, fileName, 0, 0)) {}

Location Reporter::nodeLoc(StringRef nodeName) const {
  return NameLoc::get(StringAttr::get(context, nodeName), file);
}

InFlightDiagnostic Reporter::nodeError(StringRef name, StringRef type) const {
  InFlightDiagnostic diag = emitError(nodeLoc(name));
  diag << nodePrefix(name, type);
  return diag;
}

InFlightDiagnostic Reporter::nodeError(const Node &node) const {
  return nodeError(node.name, node.schema->nirType);
}

InFlightDiagnostic Reporter::nodeRemark(const Node &node) const {
  InFlightDiagnostic diag = emitRemark(nodeLoc(node.name));
  diag << nodePrefix(node.name, node.schema->nirType);
  return diag;
}

InFlightDiagnostic Reporter::fileError() const {
  InFlightDiagnostic diag = emitError(file);
  diag << "NIR file: ";
  return diag;
}

void Reporter::replay(llvm::ArrayRef<Message> messages) const {
  for (const Message &message : messages) {
    Location loc = message.node.empty() ? file : nodeLoc(message.node);
    switch (message.severity) {
    case Severity::Error:
      emitError(loc) << message.text;
      break;
    case Severity::Warning:
      emitWarning(loc) << message.text;
      break;
    case Severity::Remark:
      emitRemark(loc) << message.text;
      break;
    }
  }
}
