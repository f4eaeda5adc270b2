//===- NetOps.cpp - net module syntax and op verifiers ----------*- C++ -*-===//
//
// The hand-written parts of the net ops: net.module's port-list syntax
// (CIRCT's `in %a : i4, out y : i3`), and the width rules every later pass
// and the Verilog exporter rely on, checked once here.
//
//===----------------------------------------------------------------------===//

#include "dialects/net/NetOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace axon::net;

#include "dialects/net/NetEnums.cpp.inc"
#include "dialects/net/NetInterfaces.cpp.inc"

#define GET_OP_CLASSES
#include "dialects/net/NetOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

bool axon::net::isNetIntegerType(Type type) {
  auto intType = llvm::dyn_cast<IntegerType>(type);
  return intType && intType.isSignless() && intType.getWidth() != 0;
}

unsigned axon::net::getBitWidth(Value value) {
  return llvm::cast<IntegerType>(value.getType()).getWidth();
}

bool axon::net::isSignedPredicate(ICmpPredicate predicate) {
  switch (predicate) {
  case ICmpPredicate::slt:
  case ICmpPredicate::sle:
  case ICmpPredicate::sgt:
  case ICmpPredicate::sge:
    return true;
  default:
    return false;
  }
}

//===----------------------------------------------------------------------===//
// NetModuleOp
//===----------------------------------------------------------------------===//

void NetModuleOp::build(OpBuilder &builder, OperationState &state,
                        StringRef name, ArrayRef<StringRef> inputNames,
                        TypeRange inputTypes, ArrayRef<StringRef> outputNames,
                        TypeRange outputTypes) {
  state.addAttribute(getSymNameAttrName(state.name),
                     builder.getStringAttr(name));
  state.addAttribute(
      getFunctionTypeAttrName(state.name),
      TypeAttr::get(builder.getFunctionType(inputTypes, outputTypes)));
  state.addAttribute(getInputNamesAttrName(state.name),
                     builder.getStrArrayAttr(inputNames));
  state.addAttribute(getOutputNamesAttrName(state.name),
                     builder.getStrArrayAttr(outputNames));
  Region *body = state.addRegion();
  auto *block = new Block();
  body->push_back(block);
  for (Type type : inputTypes)
    block->addArgument(type, state.location);
}

OutputOp NetModuleOp::getOutputOp() {
  if (getBody().empty() || getBodyBlock()->empty())
    return {};
  return llvm::dyn_cast<OutputOp>(getBodyBlock()->back());
}

RegionKind NetModuleOp::getRegionKind(unsigned) { return RegionKind::Graph; }

void NetModuleOp::getAsmBlockArgumentNames(Region &region,
                                           OpAsmSetValueNameFn setNameFn) {
  if (region.empty() || getInputNames().size() != region.getNumArguments())
    return;
  for (auto [arg, name] : llvm::zip(region.getArguments(),
                                    getInputNames().getAsRange<StringAttr>()))
    if (!name.getValue().empty())
      setNameFn(arg, name.getValue());
}

/// Parses `in %a ["name"] : i4` or `out y : i3` into the port lists.
static ParseResult parsePort(OpAsmParser &parser,
                             SmallVectorImpl<OpAsmParser::Argument> &inputs,
                             SmallVectorImpl<Attribute> &inputNames,
                             SmallVectorImpl<Attribute> &outputNames,
                             SmallVectorImpl<Type> &outputTypes) {
  Builder &builder = parser.getBuilder();
  SMLoc loc = parser.getCurrentLocation();
  StringRef direction;
  if (parser.parseKeyword(&direction))
    return failure();
  if (direction == "in") {
    OpAsmParser::Argument arg;
    std::string name;
    if (parser.parseArgument(arg))
      return failure();
    if (failed(parser.parseOptionalString(&name)))
      name = arg.ssaName.name.drop_front().str();
    if (parser.parseColonType(arg.type) ||
        parser.parseOptionalLocationSpecifier(arg.sourceLoc))
      return failure();
    inputs.push_back(arg);
    inputNames.push_back(builder.getStringAttr(name));
    return success();
  }
  if (direction != "out")
    return parser.emitError(loc, "expected 'in' or 'out', got '")
           << direction << "'";
  std::string name;
  Type type;
  if (parser.parseKeywordOrString(&name) || parser.parseColonType(type))
    return failure();
  outputNames.push_back(builder.getStringAttr(name));
  outputTypes.push_back(type);
  return success();
}

ParseResult NetModuleOp::parse(OpAsmParser &parser, OperationState &result) {
  StringAttr name;
  if (parser.parseSymbolName(name, getSymNameAttrName(result.name),
                             result.attributes))
    return failure();
  SmallVector<OpAsmParser::Argument> inputs;
  SmallVector<Attribute> inputNames, outputNames;
  SmallVector<Type> outputTypes;
  if (parser.parseCommaSeparatedList(OpAsmParser::Delimiter::Paren, [&] {
        return parsePort(parser, inputs, inputNames, outputNames, outputTypes);
      }))
    return failure();
  SmallVector<Type> inputTypes;
  for (OpAsmParser::Argument &arg : inputs)
    inputTypes.push_back(arg.type);
  Builder &builder = parser.getBuilder();
  result.addAttribute(
      getFunctionTypeAttrName(result.name),
      TypeAttr::get(builder.getFunctionType(inputTypes, outputTypes)));
  result.addAttribute(getInputNamesAttrName(result.name),
                      builder.getArrayAttr(inputNames));
  result.addAttribute(getOutputNamesAttrName(result.name),
                      builder.getArrayAttr(outputNames));
  if (parser.parseOptionalAttrDictWithKeyword(result.attributes))
    return failure();
  return parser.parseRegion(*result.addRegion(), inputs);
}

void NetModuleOp::print(OpAsmPrinter &p) {
  p << ' ';
  p.printSymbolName(getSymName());
  p << '(';
  FunctionType type = getFunctionType();
  bool first = true;
  auto separate = [&] {
    if (!first)
      p << ", ";
    first = false;
  };
  for (BlockArgument arg : getBodyBlock()->getArguments()) {
    separate();
    StringRef name = getInputName(arg.getArgNumber());
    std::string ssaName;
    llvm::raw_string_ostream os(ssaName);
    p.printOperand(arg, os);
    p << "in " << ssaName;
    if (ssaName != ("%" + name).str()) {
      p << ' ';
      p.printString(name);
    }
    // Port locations are not printed: the alias pass of MLIR 19's printer
    // would emit their #loc aliases even without debug info.
    p << " : " << arg.getType();
  }
  for (unsigned i = 0, e = type.getNumResults(); i < e; ++i) {
    separate();
    p << "out ";
    p.printKeywordOrString(getOutputName(i));
    p << " : " << type.getResult(i);
  }
  p << ')';
  p.printOptionalAttrDictWithKeyword(
      (*this)->getAttrs(), {getSymNameAttrName(), getFunctionTypeAttrName(),
                            getInputNamesAttrName(), getOutputNamesAttrName()});
  p << ' ';
  p.printRegion(getBody(), /*printEntryBlockArgs=*/false,
                /*printBlockTerminators=*/true);
}

/// Checks one port's name (non-empty, not seen before) and type.
static LogicalResult verifyPort(NetModuleOp op, llvm::StringSet<> &seen,
                                StringRef name, Type type) {
  if (name.empty())
    return op.emitOpError("port names must not be empty");
  if (!seen.insert(name).second)
    return op.emitOpError("port name '") << name << "' is used more than once";
  if (!isNetIntegerType(type))
    return op.emitOpError("port '")
           << name << "' has type " << type
           << ", expected a signless integer of non-zero width";
  return success();
}

LogicalResult NetModuleOp::verify() {
  FunctionType type = getFunctionType();
  if (getInputNames().size() != type.getNumInputs())
    return emitOpError("has ") << getInputNames().size() << " input names for "
                               << type.getNumInputs() << " inputs";
  if (getOutputNames().size() != type.getNumResults())
    return emitOpError("has ")
           << getOutputNames().size() << " output names for "
           << type.getNumResults() << " outputs";
  llvm::StringSet<> seen;
  for (unsigned i = 0, e = type.getNumInputs(); i < e; ++i)
    if (failed(verifyPort(*this, seen, getInputName(i), type.getInput(i))))
      return failure();
  for (unsigned i = 0, e = type.getNumResults(); i < e; ++i)
    if (failed(verifyPort(*this, seen, getOutputName(i), type.getResult(i))))
      return failure();
  Block *block = getBodyBlock();
  if (block->getNumArguments() != type.getNumInputs())
    return emitOpError("body has ")
           << block->getNumArguments() << " arguments, expected "
           << type.getNumInputs() << " (one per input port)";
  for (BlockArgument arg : block->getArguments())
    if (arg.getType() != type.getInput(arg.getArgNumber()))
      return emitOpError("body argument #")
             << arg.getArgNumber() << " has type " << arg.getType()
             << " but input port '" << getInputName(arg.getArgNumber())
             << "' is " << type.getInput(arg.getArgNumber());
  return success();
}

//===----------------------------------------------------------------------===//
// OutputOp
//===----------------------------------------------------------------------===//

LogicalResult OutputOp::verify() {
  auto module = (*this)->getParentOfType<NetModuleOp>();
  FunctionType type = module.getFunctionType();
  if (getNumOperands() != type.getNumResults())
    return emitOpError("has ")
           << getNumOperands() << " operands but '@" << module.getSymName()
           << "' has " << type.getNumResults() << " output ports";
  for (auto [i, value] : llvm::enumerate(getOutputs()))
    if (value.getType() != type.getResult(i))
      return emitOpError("operand #")
             << i << " has type " << value.getType() << " but output port '"
             << module.getOutputName(i) << "' is " << type.getResult(i);
  return success();
}

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

void ConstantOp::build(OpBuilder &builder, OperationState &state,
                       const APInt &value) {
  auto type = builder.getIntegerType(value.getBitWidth());
  build(builder, state, type, builder.getIntegerAttr(type, value));
}

void ConstantOp::build(OpBuilder &builder, OperationState &state, Type type,
                       int64_t value) {
  build(builder, state, type, builder.getIntegerAttr(type, value));
}

//===----------------------------------------------------------------------===//
// Arithmetic, logic and width changes
//===----------------------------------------------------------------------===//

LogicalResult MulOp::verify() {
  if (!getLhs().getDefiningOp<ConstantOp>() &&
      !getRhs().getDefiningOp<ConstantOp>())
    return emitOpError("multiplies by a constant only: one operand must be "
                       "defined by net.constant");
  return success();
}

LogicalResult ExtractOp::verify() {
  unsigned inWidth = getBitWidth(getInput());
  unsigned outWidth = getType().getWidth();
  if (static_cast<uint64_t>(getLowBit()) + outWidth > inWidth)
    return emitOpError("extracts bits [")
           << getLowBit() << ", " << getLowBit() + outWidth
           << ") but the input has only " << inWidth << " bits";
  return success();
}

LogicalResult ConcatOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> location, ValueRange operands,
    DictionaryAttr, OpaqueProperties, RegionRange,
    SmallVectorImpl<Type> &inferredReturnTypes) {
  if (operands.empty())
    return emitOptionalError(location,
                             "'net.concat' op expects at least one operand");
  uint64_t width = 0;
  for (Value v : operands) {
    auto type = llvm::dyn_cast<IntegerType>(v.getType());
    if (!type)
      return failure(); // The operand type constraint reports it.
    width += type.getWidth();
  }
  if (width > IntegerType::kMaxWidth)
    return emitOptionalError(location, "'net.concat' op result width ", width,
                             " exceeds the largest integer type");
  inferredReturnTypes.push_back(IntegerType::get(context, width));
  return success();
}

LogicalResult ReplicateOp::verify() {
  unsigned inWidth = getBitWidth(getInput());
  unsigned outWidth = getType().getWidth();
  if (outWidth % inWidth != 0)
    return emitOpError("result width ")
           << outWidth << " is not a multiple of the input width " << inWidth;
  return success();
}

/// Extensions never narrow.
static LogicalResult verifyExtension(Operation *op) {
  unsigned inWidth = getBitWidth(op->getOperand(0));
  unsigned outWidth = getBitWidth(op->getResult(0));
  if (outWidth < inWidth)
    return op->emitOpError("result width ")
           << outWidth << " is narrower than the input width " << inWidth;
  return success();
}

LogicalResult SExtOp::verify() { return verifyExtension(*this); }
LogicalResult ZExtOp::verify() { return verifyExtension(*this); }

//===----------------------------------------------------------------------===//
// RegOp
//===----------------------------------------------------------------------===//

LogicalResult RegOp::verify() {
  if (static_cast<bool>(getReset()) != static_cast<bool>(getResetValue()))
    return emitOpError("needs both a reset signal and a reset value, or "
                       "neither");
  return success();
}
