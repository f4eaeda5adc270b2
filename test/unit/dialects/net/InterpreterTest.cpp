//===- InterpreterTest.cpp - net interpreter vs naive oracles ---*- C++ -*-===//
//
// The interpreter is the reference the back ends prove their netlists
// against, so it is checked here against independent oracles: plain
// uint64/__int128 arithmetic written in the test for every op, a direct sum
// for threshold gates, and a hand-stepped model for registers.
//
//===----------------------------------------------------------------------===//

#include "dialects/net/Interpreter.h"
#include "dialects/net/NetDialect.h"
#include "dialects/tlg/TLGDialect.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

#include <random>

using namespace mlir;
using namespace axon::net;
using llvm::APInt;

namespace {

class InterpreterTest : public ::testing::Test {
protected:
  InterpreterTest() {
    context.loadDialect<NetDialect, axon::tlg::TLGDialect>();
    handler.emplace(&context, [this](Diagnostic &diag) {
      diagnostics.push_back(diag.str());
      return success();
    });
  }

  /// Parses `source` and returns its first net.module (null on error).
  NetModuleOp parse(StringRef source) {
    module = parseSourceString<ModuleOp>(source, &context);
    if (!module)
      return {};
    return *module->getOps<NetModuleOp>().begin();
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
  std::vector<std::string> diagnostics;
  std::optional<ScopedDiagnosticHandler> handler;
};

uint64_t mask(unsigned width) {
  return width >= 64 ? ~uint64_t(0) : (uint64_t(1) << width) - 1;
}

/// Two's-complement value of the low `width` bits of `v`.
int64_t toSigned(uint64_t v, unsigned width) {
  v &= mask(width);
  return (v >> (width - 1)) & 1 ? int64_t(v | ~mask(width)) : int64_t(v);
}

TEST_F(InterpreterTest, ArithmeticLogicAndShiftsMatchNaiveOracle) {
  NetModuleOp m = parse(R"mlir(
    net.module @ops(in %a : i8, in %b : i8, out o0 : i8, out o1 : i8,
                    out o2 : i8, out o3 : i8, out o4 : i8, out o5 : i8,
                    out o6 : i8, out o7 : i8, out o8 : i8) {
      %c = net.constant 37 : i8
      %0 = net.add %a, %b, %c : i8
      %1 = net.sub %a, %b : i8
      %2 = net.mul %a, %c : i8
      %3 = net.and %a, %b : i8
      %4 = net.or %a, %b : i8
      %5 = net.xor %a, %b, %c : i8
      %6 = net.shl %a, %b : i8
      %7 = net.shru %a, %b : i8
      %8 = net.shrs %a, %b : i8
      net.output %0, %1, %2, %3, %4, %5, %6, %7, %8
          : i8, i8, i8, i8, i8, i8, i8, i8, i8
    })mlir");
  ASSERT_TRUE(m);
  FailureOr<Interpreter> interp = Interpreter::create(m);
  ASSERT_TRUE(succeeded(interp));
  for (uint64_t a = 0; a < 256; ++a) {
    for (uint64_t b = 0; b < 256; b += 3) {
      auto out = interp->evaluate({APInt(8, a), APInt(8, b)});
      ASSERT_TRUE(succeeded(out));
      int64_t sa = toSigned(a, 8);
      uint64_t expected[] = {(a + b + 37) & 0xff,
                             (a - b) & 0xff,
                             (a * 37) & 0xff,
                             a & b,
                             a | b,
                             a ^ b ^ 37,
                             b >= 8 ? 0 : (a << b) & 0xff,
                             b >= 8 ? 0 : a >> b,
                             uint64_t(b >= 8 ? (sa < 0 ? -1 : 0) : sa >> b) &
                                 0xff};
      for (unsigned i = 0; i < 9; ++i)
        ASSERT_EQ((*out)[i].getZExtValue(), expected[i])
            << "output " << i << " for a=" << a << " b=" << b;
    }
  }
}

TEST_F(InterpreterTest, ComparisonsAndMuxMatchNaiveOracle) {
  NetModuleOp m = parse(R"mlir(
    net.module @cmp(in %a : i5, in %b : i5, out flags : i10, out m : i5) {
      %0 = net.icmp eq %a, %b : i5
      %1 = net.icmp ne %a, %b : i5
      %2 = net.icmp slt %a, %b : i5
      %3 = net.icmp sle %a, %b : i5
      %4 = net.icmp sgt %a, %b : i5
      %5 = net.icmp sge %a, %b : i5
      %6 = net.icmp ult %a, %b : i5
      %7 = net.icmp ule %a, %b : i5
      %8 = net.icmp ugt %a, %b : i5
      %9 = net.icmp uge %a, %b : i5
      %f = net.concat %0, %1, %2, %3, %4, %5, %6, %7, %8, %9
          : i1, i1, i1, i1, i1, i1, i1, i1, i1, i1
      %m = net.mux %2, %a, %b : i5
      net.output %f, %m : i10, i5
    })mlir");
  ASSERT_TRUE(m);
  FailureOr<Interpreter> interp = Interpreter::create(m);
  ASSERT_TRUE(succeeded(interp));
  for (uint64_t a = 0; a < 32; ++a) {
    for (uint64_t b = 0; b < 32; ++b) {
      auto out = interp->evaluate({APInt(5, a), APInt(5, b)});
      ASSERT_TRUE(succeeded(out));
      int64_t sa = toSigned(a, 5), sb = toSigned(b, 5);
      bool bits[] = {
          a == b, a != b, sa<sb, sa <= sb, sa> sb, sa >= sb, a<b, a <= b, a> b,
          a >= b};
      uint64_t flags = 0;
      for (bool bit : bits) // First operand of the concat is the MSB.
        flags = (flags << 1) | bit;
      EXPECT_EQ((*out)[0].getZExtValue(), flags) << "a=" << a << " b=" << b;
      EXPECT_EQ((*out)[1].getZExtValue(), sa < sb ? a : b);
    }
  }
}

TEST_F(InterpreterTest, WidthChangesMatchNaiveOracle) {
  NetModuleOp m = parse(R"mlir(
    net.module @w(in %x : i6, out e : i3, out c : i12, out r : i18,
                  out s : i10, out z : i10, out b : i1) {
      %e = net.extract %x from 2 : (i6) -> i3
      %c = net.concat %x, %x : i6, i6
      %r = net.replicate %x : (i6) -> i18
      %s = net.sext %x : (i6) -> i10
      %z = net.zext %x : (i6) -> i10
      %b = net.extract %x from 5 : (i6) -> i1
      net.output %e, %c, %r, %s, %z, %b : i3, i12, i18, i10, i10, i1
    })mlir");
  ASSERT_TRUE(m);
  FailureOr<Interpreter> interp = Interpreter::create(m);
  ASSERT_TRUE(succeeded(interp));
  for (uint64_t x = 0; x < 64; ++x) {
    auto out = interp->evaluate({APInt(6, x)});
    ASSERT_TRUE(succeeded(out));
    EXPECT_EQ((*out)[0].getZExtValue(), (x >> 2) & 7);
    EXPECT_EQ((*out)[1].getZExtValue(), (x << 6) | x);
    EXPECT_EQ((*out)[2].getZExtValue(), (x << 12) | (x << 6) | x);
    EXPECT_EQ((*out)[3].getZExtValue(), uint64_t(toSigned(x, 6)) & mask(10));
    EXPECT_EQ((*out)[4].getZExtValue(), x);
    EXPECT_EQ((*out)[5].getZExtValue(), x >> 5);
  }
}

/// Values wider than 64 bits go through the same ops; the oracle is
/// unsigned __int128 arithmetic masked to 100 bits.
TEST_F(InterpreterTest, WideValuesMatchInt128Oracle) {
  NetModuleOp m = parse(R"mlir(
    net.module @wide(in %a : i100, in %b : i100, in %s : i100,
                     out o0 : i100, out o1 : i100, out o2 : i100,
                     out o3 : i100, out o4 : i64) {
      %k = net.constant 1000003 : i100
      %0 = net.add %a, %b : i100
      %1 = net.sub %a, %b : i100
      %2 = net.mul %a, %k : i100
      %3 = net.shl %a, %s : i100
      %4 = net.extract %a from 30 : (i100) -> i64
      net.output %0, %1, %2, %3, %4 : i100, i100, i100, i100, i64
    })mlir");
  ASSERT_TRUE(m);
  FailureOr<Interpreter> interp = Interpreter::create(m);
  ASSERT_TRUE(succeeded(interp));
  using u128 = unsigned __int128;
  const u128 m100 = (u128(1) << 100) - 1;
  auto toAPInt = [](u128 v) {
    uint64_t words[2] = {uint64_t(v), uint64_t(v >> 64)};
    return APInt(100, words);
  };
  auto fromAPInt = [](const APInt &v) {
    return (u128(v.extractBitsAsZExtValue(36, 64)) << 64) |
           v.extractBitsAsZExtValue(64, 0);
  };
  std::mt19937_64 rng(11);
  for (int i = 0; i < 500; ++i) {
    u128 a = ((u128(rng()) << 64) | rng()) & m100;
    u128 b = ((u128(rng()) << 64) | rng()) & m100;
    unsigned s = rng() % 110;
    auto out = interp->evaluate({toAPInt(a), toAPInt(b), toAPInt(s)});
    ASSERT_TRUE(succeeded(out));
    EXPECT_TRUE(fromAPInt((*out)[0]) == ((a + b) & m100));
    EXPECT_TRUE(fromAPInt((*out)[1]) == ((a - b) & m100));
    EXPECT_TRUE(fromAPInt((*out)[2]) == ((a * 1000003) & m100));
    EXPECT_TRUE(fromAPInt((*out)[3]) == (s >= 100 ? 0 : (a << s) & m100));
    EXPECT_EQ((*out)[4].getZExtValue(), uint64_t(a >> 30));
  }
}

TEST_F(InterpreterTest, ThresholdGatesMatchDirectSum) {
  NetModuleOp m = parse(R"mlir(
    net.module @g(in %x : i4, out y : i1, out z : i1) {
      %x0 = net.extract %x from 0 : (i4) -> i1
      %x1 = net.extract %x from 1 : (i4) -> i1
      %x2 = net.extract %x from 2 : (i4) -> i1
      %x3 = net.extract %x from 3 : (i4) -> i1
      %y = tlg.gate %x0, %x1, %x2, %x3
          {weights = array<i64: 3, -2, 1, -1>, threshold = 1 : i64} : i1
      %z = tlg.gate %y, %x1 {weights = array<i64: -1, -1>, threshold = -1 : i64} : i1
      net.output %y, %z : i1, i1
    })mlir");
  ASSERT_TRUE(m);
  FailureOr<Interpreter> interp = Interpreter::create(m);
  ASSERT_TRUE(succeeded(interp));
  for (uint64_t x = 0; x < 16; ++x) {
    auto out = interp->evaluate({APInt(4, x)});
    ASSERT_TRUE(succeeded(out));
    int sum = 3 * (x & 1) - 2 * ((x >> 1) & 1) + ((x >> 2) & 1) - (x >> 3);
    bool y = sum >= 1;
    bool z = -int(y) - int((x >> 1) & 1) >= -1;
    EXPECT_EQ((*out)[0].getZExtValue(), uint64_t(y)) << "x=" << x;
    EXPECT_EQ((*out)[1].getZExtValue(), uint64_t(z)) << "x=" << x;
  }
}

/// In a graph region an op may use a value defined below it; the
/// interpreter orders by dependence, not by position.
TEST_F(InterpreterTest, EvaluatesUsesBeforeDefinitions) {
  NetModuleOp m = parse(R"mlir(
    net.module @order(in %a : i8, out y : i8) {
      %y = net.add %t, %a : i8
      %t = net.mul %a, %c : i8
      %c = net.constant 5 : i8
      net.output %y : i8
    })mlir");
  ASSERT_TRUE(m);
  auto out = evaluateModule(m, {APInt(8, 7)});
  ASSERT_TRUE(succeeded(out));
  EXPECT_EQ((*out)[0].getZExtValue(), 42u); // 7 * 5 + 7
}

TEST_F(InterpreterTest, RegistersStepLikeAHandModel) {
  NetModuleOp m = parse(R"mlir(
    net.module @acc(in %clk : i1, in %rst : i1, in %x : i4,
                    out total : i6, out last : i4) {
      %zero = net.constant 0 : i6
      %total = net.reg %next, %clk reset %rst, %zero : i6
      %wx = net.zext %x : (i4) -> i6
      %next = net.add %total, %wx : i6
      %last = net.reg %x, %clk : i4
      net.output %total, %last : i6, i4
    })mlir");
  ASSERT_TRUE(m);
  FailureOr<Interpreter> interp = Interpreter::create(m);
  ASSERT_TRUE(succeeded(interp));
  EXPECT_TRUE(interp->hasRegisters());
  std::mt19937 rng(5);
  uint64_t total = 0, last = 0; // Both registers start at zero.
  for (int cycle = 0; cycle < 200; ++cycle) {
    uint64_t rst = rng() % 8 == 0, x = rng() % 16;
    auto out = interp->step({APInt(1, 0), APInt(1, rst), APInt(4, x)});
    ASSERT_TRUE(succeeded(out));
    EXPECT_EQ((*out)[0].getZExtValue(), total) << "cycle " << cycle;
    EXPECT_EQ((*out)[1].getZExtValue(), last) << "cycle " << cycle;
    total = rst ? 0 : (total + x) % 64;
    last = x;
  }
  interp->clearRegisters();
  auto out = interp->evaluate({APInt(1, 0), APInt(1, 0), APInt(4, 3)});
  ASSERT_TRUE(succeeded(out));
  EXPECT_EQ((*out)[0].getZExtValue(), 0u);
}

TEST_F(InterpreterTest, RejectsCombinationalCycles) {
  NetModuleOp m = parse(R"mlir(
    net.module @loop(in %a : i4, out y : i4) {
      %x = net.add %a, %y : i4
      %y = net.xor %x, %a : i4
      net.output %y : i4
    })mlir");
  ASSERT_TRUE(m);
  EXPECT_TRUE(failed(Interpreter::create(m)));
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0],
            "is on a combinational cycle (a loop without a net.reg)");
}

TEST_F(InterpreterTest, RejectsOpsItCannotEvaluate) {
  NetModuleOp m = parse(R"mlir(
    net.module @cast(in %a : i4, out y : i4) {
      %y = builtin.unrealized_conversion_cast %a : i4 to i4
      net.output %y : i4
    })mlir");
  ASSERT_TRUE(m);
  EXPECT_TRUE(failed(Interpreter::create(m)));
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0], "cannot be interpreted: it is neither a "
                            "combinational op nor a net.reg");
}

TEST_F(InterpreterTest, RejectsMismatchedInputs) {
  NetModuleOp m = parse(R"mlir(
    net.module @id(in %a : i4, out y : i4) {
      net.output %a : i4
    })mlir");
  ASSERT_TRUE(m);
  FailureOr<Interpreter> interp = Interpreter::create(m);
  ASSERT_TRUE(succeeded(interp));
  EXPECT_TRUE(failed(interp->evaluate({})));
  EXPECT_TRUE(failed(interp->evaluate({APInt(5, 1)})));
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0], "interpreter got 0 input values for 1 input ports");
  EXPECT_EQ(diagnostics[1],
            "interpreter got a 5-bit value for input port 'a' of 4 bits");
}

TEST_F(InterpreterTest, EvaluateModuleRejectsRegisters) {
  NetModuleOp m = parse(R"mlir(
    net.module @r(in %clk : i1, in %d : i2, out q : i2) {
      %q = net.reg %d, %clk : i2
      net.output %q : i2
    })mlir");
  ASSERT_TRUE(m);
  EXPECT_TRUE(failed(evaluateModule(m, {APInt(1, 0), APInt(2, 1)})));
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0], "is not combinational (it holds net.reg ops); "
                            "use Interpreter::step");
}

} // namespace
