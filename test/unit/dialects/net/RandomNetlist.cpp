//===- RandomNetlist.cpp - seeded random net.modules for tests --*- C++ -*-===//
//
// A pool of values grows op by op; each new op takes operands from the pool,
// narrowed with net.extract or widened with net.zext/net.sext to the width it
// needs, so every op kind meets every other.  Same seed, same module.
//
//===----------------------------------------------------------------------===//

#include "RandomNetlist.h"

#include "dialects/tlg/TLGOps.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace axon::net;
using namespace axon::net::nettest;

namespace {
class Generator {
public:
  Generator(OpBuilder &builder, unsigned seed)
      : b(builder), loc(builder.getUnknownLoc()), rng(seed) {}

  void addToPool(Value v) { pool.push_back(v); }
  Value emitRandomOp();
  Value emitRegister(Value clk, Value rst);
  Value anyValue() { return pool[rng() % pool.size()]; }
  Value pick(unsigned width);
  unsigned randomWidth(unsigned max = 12) { return 1 + rng() % max; }
  unsigned random(unsigned n) { return rng() % n; }

private:
  Value constant(unsigned width, uint64_t value);
  Value emitArith(unsigned kind, unsigned width);
  Value emitOther(unsigned kind);

  OpBuilder &b;
  Location loc;
  std::mt19937 rng;
  SmallVector<Value> pool;
};
} // namespace

Value Generator::constant(unsigned width, uint64_t value) {
  return b.create<ConstantOp>(loc, APInt(64, value).zextOrTrunc(width));
}

Value Generator::pick(unsigned width) {
  Value v = anyValue();
  unsigned w = getBitWidth(v);
  Type type = b.getIntegerType(width);
  if (w > width)
    return b.create<ExtractOp>(loc, type, v, rng() % (w - width + 1));
  if (w < width) {
    if (rng() % 2)
      return b.create<ZExtOp>(loc, type, v);
    return b.create<SExtOp>(loc, type, v);
  }
  return v;
}

/// Ops whose operands and result share one width.
Value Generator::emitArith(unsigned kind, unsigned width) {
  Type type = b.getIntegerType(width);
  auto operands = [&](unsigned n) {
    SmallVector<Value> ops;
    for (unsigned i = 0; i < n; ++i)
      ops.push_back(pick(width));
    return ops;
  };
  // A shift amount: usually in range, sometimes at or past the width.
  auto amount = [&]() -> Value {
    if (rng() % 3)
      return constant(width, rng() % (width + 2));
    return pick(width);
  };
  switch (kind) {
  case 0:
    return b.create<AddOp>(loc, type, operands(2 + rng() % 2));
  case 1:
    return b.create<SubOp>(loc, pick(width), pick(width));
  case 2:
    return b.create<MulOp>(loc, pick(width), constant(width, rng()));
  case 3:
    return b.create<AndOp>(loc, type, operands(2));
  case 4:
    return b.create<OrOp>(loc, type, operands(2 + rng() % 2));
  case 5:
    return b.create<XorOp>(loc, type, operands(2));
  case 6:
    return b.create<ShlOp>(loc, pick(width), amount());
  case 7:
    return b.create<ShrUOp>(loc, pick(width), amount());
  default:
    return b.create<ShrSOp>(loc, pick(width), amount());
  }
}

/// Comparisons, selection, width changes and threshold gates.
Value Generator::emitOther(unsigned kind) {
  unsigned width = randomWidth();
  switch (kind) {
  case 0: {
    auto predicate = static_cast<ICmpPredicate>(rng() % 10);
    return b.create<ICmpOp>(loc, b.getI1Type(), predicate, pick(width),
                            pick(width));
  }
  case 1:
    return b.create<MuxOp>(loc, pick(1), pick(width), pick(width));
  case 2:
    return b.create<ConcatOp>(
        loc, ValueRange{pick(randomWidth(8)), pick(randomWidth(8))});
  case 3: {
    unsigned w = randomWidth(4);
    return b.create<ReplicateOp>(loc, b.getIntegerType(w * (1 + rng() % 4)),
                                 pick(w));
  }
  case 4: {
    Value x = anyValue();
    unsigned w = getBitWidth(x);
    unsigned out = 1 + rng() % w;
    return b.create<ExtractOp>(loc, b.getIntegerType(out), x,
                               rng() % (w - out + 1));
  }
  default: {
    SmallVector<Value> inputs;
    SmallVector<int64_t> weights;
    for (unsigned i = 0, n = rng() % 5; i < n; ++i) {
      inputs.push_back(pick(1));
      weights.push_back(int64_t(rng() % 7) - 3);
    }
    return b.create<axon::tlg::GateOp>(
        loc, b.getI1Type(), inputs, b.getDenseI64ArrayAttr(weights),
        b.getI64IntegerAttr(int64_t(rng() % 9) - 4));
  }
  }
}

Value Generator::emitRandomOp() {
  unsigned kind = rng() % 15;
  Value v = kind < 9 ? emitArith(kind, randomWidth()) : emitOther(kind - 9);
  pool.push_back(v);
  return v;
}

/// A register whose input is a placeholder the caller may rewire later.
Value Generator::emitRegister(Value clk, Value rst) {
  unsigned width = randomWidth(8);
  Value v = b.create<RegOp>(loc, b.getIntegerType(width), pick(width), clk, rst,
                            constant(width, rng()));
  pool.push_back(v);
  return v;
}

NetModuleOp nettest::buildRandomNetlist(ModuleOp top, StringRef name,
                                        unsigned seed,
                                        const RandomNetlistOptions &options) {
  OpBuilder b = OpBuilder::atBlockEnd(top.getBody());
  Generator gen(b, seed);
  SmallVector<std::string> inputNames;
  SmallVector<Type> inputTypes;
  if (options.sequential) {
    inputNames = {"clk", "rst"};
    inputTypes = {b.getI1Type(), b.getI1Type()};
  }
  for (unsigned i = 0; i < options.numInputs; ++i) {
    inputNames.push_back("x" + std::to_string(i));
    inputTypes.push_back(b.getIntegerType(gen.randomWidth(10)));
  }
  SmallVector<StringRef> names(inputNames.begin(), inputNames.end());
  auto module =
      b.create<NetModuleOp>(b.getUnknownLoc(), name, names, inputTypes,
                            ArrayRef<StringRef>{}, TypeRange{});
  Block *body = module.getBodyBlock();
  b.setInsertionPointToEnd(body);
  unsigned firstData = options.sequential ? 2 : 0;
  for (BlockArgument arg : body->getArguments().drop_front(firstData))
    gen.addToPool(arg);

  SmallVector<RegOp> registers;
  for (unsigned i = 0; i < options.numOps; ++i) {
    if (options.sequential && gen.random(6) == 0)
      registers.push_back(
          gen.emitRegister(body->getArgument(0), body->getArgument(1))
              .getDefiningOp<RegOp>());
    gen.emitRandomOp();
  }
  // Feedback: each register now samples a value computed after it.
  for (RegOp reg : registers)
    reg.getInputMutable().assign(gen.pick(getBitWidth(reg.getResult())));

  SmallVector<Value> outputs;
  SmallVector<StringRef> outputNames;
  static const char *const outNames[] = {"o0", "o1", "o2", "o3", "o4",
                                         "o5", "o6", "o7", "o8", "o9"};
  for (unsigned i = 0; i < options.numOutputs && i < 10; ++i) {
    outputs.push_back(gen.anyValue());
    outputNames.push_back(outNames[i]);
  }
  b.create<OutputOp>(b.getUnknownLoc(), outputs);
  module.setFunctionTypeAttr(TypeAttr::get(
      b.getFunctionType(inputTypes, ValueRange(outputs).getTypes())));
  module.setOutputNamesAttr(b.getStrArrayAttr(outputNames));
  return module;
}
