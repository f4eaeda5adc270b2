//===- NetOps.td - net operations --------------------------*- tablegen -*-===//
//
// The ops of the net dialect.  Names, operand order and semantics follow
// CIRCT's hw (module, constant, output), comb (add, sub, mul, shl, shru, shrs,
// icmp, mux, extract, concat, replicate, and, or, xor) and seq (compreg as
// net.reg).  Departures, all documented in docs/dialects/net.md: net.mul is
// binary and multiplies by a constant only (the printed target builds
// shift-add constant multipliers), net.sext/net.zext exist as ops (comb
// spells them with concat/replicate), and registers are clocked by an i1.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_DIALECTS_NET_NETOPS_TD
#define AXON_DIALECTS_NET_NETOPS_TD

include "dialects/net/NetDialect.td"
include "dialects/net/NetInterfaces.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/IR/CommonTypeConstraints.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Constraints
//===----------------------------------------------------------------------===//

// A bit vector: a signless integer type of at least one bit.
def Net_Int : Type<And<[AnySignlessInteger.predicate,
    CPred<"::llvm::cast<::mlir::IntegerType>($_self).getWidth() != 0">]>,
    "signless integer of non-zero width", "::mlir::IntegerType">;

// An integer constant; accessors return the IntegerAttr (its type is the
// constant's type, which AllTypesMatch needs).
def Net_IntAttr : Attr<CPred<"::llvm::isa<::mlir::IntegerAttr>($_self)">,
                       "integer attribute"> {
  let storageType = [{ ::mlir::IntegerAttr }];
  let returnType = [{ ::mlir::IntegerAttr }];
  let convertFromStorage = "$_self";
}

class Net_Op<string mnemonic, list<Trait> traits = []> :
    Op<Net_Dialect, mnemonic, traits>;

// A combinational op: pure, evaluable through CombinationalOpInterface.
class Net_CombOp<string mnemonic, list<Trait> traits = []> :
    Net_Op<mnemonic, traits # [Pure,
        DeclareOpInterfaceMethods<Net_CombinationalOpInterface>]>;

//===----------------------------------------------------------------------===//
// Module structure (hw.module, hw.output, hw.constant)
//===----------------------------------------------------------------------===//

def Net_NetModuleOp : Net_Op<"module", [
    Symbol, IsolatedFromAbove, SingleBlock,
    DeclareOpInterfaceMethods<RegionKindInterface>,
    DeclareOpInterfaceMethods<OpAsmOpInterface,
                              ["getAsmBlockArgumentNames"]>]> {
  let summary = "a hardware module with named integer ports";
  let description = [{
    ```mlir
    net.module @adder(in %a : i4, in %b : i4, out sum : i4) {
      %0 = net.add %a, %b : i4
      net.output %0 : i4
    }
    ```
    Inputs are the block arguments, outputs the operands of the `net.output`
    terminator, in port order.  The body is a graph region (as hw.module's):
    a register may use a value defined after it, which is how feedback is
    written.  Port names must be unique; the Verilog exporter legalizes them
    into identifiers.  A port whose name differs from its SSA name prints it
    as a string: `in %a_0 "a" : i4`.
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       TypeAttrOf<FunctionType>:$function_type,
                       StrArrayAttr:$input_names,
                       StrArrayAttr:$output_names);
  let regions = (region SizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let skipDefaultBuilders = 1;
  let builders = [
    OpBuilder<(ins "::llvm::StringRef":$name,
                   "::llvm::ArrayRef<::llvm::StringRef>":$inputNames,
                   "::mlir::TypeRange":$inputTypes,
                   "::llvm::ArrayRef<::llvm::StringRef>":$outputNames,
                   "::mlir::TypeRange":$outputTypes)>
  ];
  let extraClassDeclaration = [{
    ::mlir::Block *getBodyBlock() { return &getBody().front(); }
    /// The terminator, or null while the body is being built.
    OutputOp getOutputOp();
    unsigned getNumInputs() { return getFunctionType().getNumInputs(); }
    unsigned getNumOutputs() { return getFunctionType().getNumResults(); }
    ::llvm::StringRef getInputName(unsigned i) {
      return ::llvm::cast<::mlir::StringAttr>(getInputNames()[i]).getValue();
    }
    ::llvm::StringRef getOutputName(unsigned i) {
      return ::llvm::cast<::mlir::StringAttr>(getOutputNames()[i]).getValue();
    }
  }];
}

def Net_OutputOp : Net_Op<"output", [
    Pure, Terminator, HasParent<"NetModuleOp">]> {
  let summary = "the values of a module's output ports";
  let description = [{
    `net.output %y, %z : i3, i1` ends a `net.module`; operand `i` drives
    output port `i`.
  }];
  let arguments = (ins Variadic<Net_Int>:$outputs);
  let assemblyFormat = "attr-dict ($outputs^ `:` type($outputs))?";
  let hasVerifier = 1;
}

def Net_ConstantOp : Net_Op<"constant", [
    Pure, ConstantLike, AllTypesMatch<["value", "result"]>,
    DeclareOpInterfaceMethods<Net_CombinationalOpInterface>]> {
  let summary = "an integer constant (hw.constant)";
  let description = [{
    `%c = net.constant 5 : i8`.  Signless: `net.constant -1 : i8` and
    `net.constant 255 : i8` are the same value (and print as -1); `i1`
    constants print as `true` / `false`.
  }];
  let arguments = (ins Net_IntAttr:$value);
  let results = (outs Net_Int:$result);
  let assemblyFormat = "$value attr-dict";
  let hasFolder = 1;
  let builders = [
    OpBuilder<(ins "const ::llvm::APInt &":$value)>,
    OpBuilder<(ins "::mlir::Type":$type, "int64_t":$value)>
  ];
}

//===----------------------------------------------------------------------===//
// Arithmetic and logic (comb)
//===----------------------------------------------------------------------===//

// add, and, or, xor: one or more operands of the result's type (the
// SameOperandsAndResultType trait rejects zero operands).
class Net_VariadicOp<string mnemonic> :
    Net_CombOp<mnemonic, [SameOperandsAndResultType, Commutative]> {
  let arguments = (ins Variadic<Net_Int>:$inputs);
  let results = (outs Net_Int:$result);
  let assemblyFormat = "$inputs attr-dict `:` type($result)";
  let hasFolder = 1;
  let builders = [
    OpBuilder<(ins "::mlir::Value":$lhs, "::mlir::Value":$rhs), [{
      build($_builder, $_state, lhs.getType(), ::mlir::ValueRange{lhs, rhs});
    }]>
  ];
}

// sub, mul, shl, shru, shrs: two operands of the result's type.
class Net_BinOp<string mnemonic, list<Trait> traits = []> :
    Net_CombOp<mnemonic, traits # [SameOperandsAndResultType]> {
  let arguments = (ins Net_Int:$lhs, Net_Int:$rhs);
  let results = (outs Net_Int:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` type($result)";
  let hasFolder = 1;
}

def Net_AddOp : Net_VariadicOp<"add"> {
  let summary = "sum of the operands modulo 2^width";
}
def Net_AndOp : Net_VariadicOp<"and"> {
  let summary = "bitwise and of the operands";
}
def Net_OrOp : Net_VariadicOp<"or"> {
  let summary = "bitwise or of the operands";
}
def Net_XorOp : Net_VariadicOp<"xor"> {
  let summary = "bitwise xor of the operands";
}

def Net_SubOp : Net_BinOp<"sub"> {
  let summary = "lhs - rhs modulo 2^width";
}

def Net_MulOp : Net_BinOp<"mul", [Commutative]> {
  let summary = "product by a constant modulo 2^width";
  let description = [{
    `net.mul %x, %c : i8` where one operand is defined by `net.constant`:
    the netlist holds constant multipliers only (a variable product is not a
    printed-electronics circuit anyone builds).  Binary, unlike comb.mul.
  }];
  let hasVerifier = 1;
}

def Net_ShlOp : Net_BinOp<"shl"> {
  let summary = "lhs << rhs; 0 when rhs >= width";
}
def Net_ShrUOp : Net_BinOp<"shru"> {
  let summary = "logical lhs >> rhs; 0 when rhs >= width";
}
def Net_ShrSOp : Net_BinOp<"shrs"> {
  let summary = "arithmetic lhs >> rhs; all sign bits when rhs >= width";
}

//===----------------------------------------------------------------------===//
// Comparison and selection
//===----------------------------------------------------------------------===//

def Net_ICmpPredicate : I64EnumAttr<"ICmpPredicate",
    "net.icmp comparison predicate", [
      I64EnumAttrCase<"eq", 0>, I64EnumAttrCase<"ne", 1>,
      I64EnumAttrCase<"slt", 2>, I64EnumAttrCase<"sle", 3>,
      I64EnumAttrCase<"sgt", 4>, I64EnumAttrCase<"sge", 5>,
      I64EnumAttrCase<"ult", 6>, I64EnumAttrCase<"ule", 7>,
      I64EnumAttrCase<"ugt", 8>, I64EnumAttrCase<"uge", 9>
    ]> {
  let cppNamespace = "::axon::net";
}

def Net_ICmpOp : Net_CombOp<"icmp", [SameTypeOperands]> {
  let summary = "integer comparison giving an i1";
  let description = [{
    `%c = net.icmp slt %a, %b : i8`; predicates and their numbering are
    comb.icmp's (eq, ne, slt, sle, sgt, sge, ult, ule, ugt, uge).
  }];
  let arguments = (ins Net_ICmpPredicate:$predicate, Net_Int:$lhs,
                       Net_Int:$rhs);
  let results = (outs I1:$result);
  let assemblyFormat = "$predicate $lhs `,` $rhs attr-dict `:` type($lhs)";
  let hasFolder = 1;
}

def Net_MuxOp : Net_CombOp<"mux", [
    AllTypesMatch<["trueValue", "falseValue", "result"]>]> {
  let summary = "cond ? trueValue : falseValue";
  let arguments = (ins I1:$cond, Net_Int:$trueValue, Net_Int:$falseValue);
  let results = (outs Net_Int:$result);
  let assemblyFormat =
      "$cond `,` $trueValue `,` $falseValue attr-dict `:` type($result)";
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Width changes
//===----------------------------------------------------------------------===//

def Net_ExtractOp : Net_CombOp<"extract"> {
  let summary = "bits [lowBit, lowBit + result width) of the input";
  let description = [{
    `%y = net.extract %x from 3 : (i8) -> i2` is `x[4:3]`.
  }];
  let arguments = (ins Net_Int:$input,
                       ConfinedAttr<I32Attr, [IntNonNegative]>:$lowBit);
  let results = (outs Net_Int:$result);
  let assemblyFormat =
      "$input `from` $lowBit attr-dict `:` functional-type($input, $result)";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def Net_ConcatOp : Net_CombOp<"concat", [
    DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "concatenation, first operand in the most significant bits";
  let description = [{
    `%y = net.concat %hi, %lo : i4, i4` gives an i8 (comb.concat's order,
    Verilog's `{hi, lo}`).
  }];
  let arguments = (ins Variadic<Net_Int>:$inputs);
  let results = (outs Net_Int:$result);
  let assemblyFormat = "$inputs attr-dict `:` type($inputs)";
  let hasFolder = 1;
}

def Net_ReplicateOp : Net_CombOp<"replicate"> {
  let summary = "the input concatenated with itself (result width / input "
                "width) times";
  let arguments = (ins Net_Int:$input);
  let results = (outs Net_Int:$result);
  let assemblyFormat = "$input attr-dict `:` functional-type($input, $result)";
  let hasFolder = 1;
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    unsigned getMultiple() {
      return getType().getWidth() / getInput().getType().getWidth();
    }
  }];
}

class Net_ExtOp<string mnemonic> : Net_CombOp<mnemonic> {
  let arguments = (ins Net_Int:$input);
  let results = (outs Net_Int:$result);
  let assemblyFormat = "$input attr-dict `:` functional-type($input, $result)";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def Net_SExtOp : Net_ExtOp<"sext"> {
  let summary = "sign extension to a result at least as wide as the input";
  let description = [{
    `net.sext %x : (i4) -> i8` equals comb's
    `concat(replicate(extract(x from 3)), x)`.
  }];
}
def Net_ZExtOp : Net_ExtOp<"zext"> {
  let summary = "zero extension to a result at least as wide as the input";
}

//===----------------------------------------------------------------------===//
// State (seq.compreg)
//===----------------------------------------------------------------------===//

def Net_RegOp : Net_Op<"reg", [
    Pure, AttrSizedOperandSegments, AllTypesMatch<["input", "result"]>,
    OptionalTypesMatchWith<"reset value has the register's type", "result",
                           "resetValue", "$_self">]> {
  let summary = "a register clocked on the rising edge of an i1";
  let description = [{
    `%q = net.reg %d, %clk : i8` samples `%d` on every rising edge of `%clk`;
    `%q = net.reg %d, %clk reset %rst, %c0 : i8` loads `%c0` instead on an
    edge where `%rst` is 1 (synchronous reset, as seq.compreg's).  The
    initial value is undefined, as in Verilog.
  }];
  let arguments = (ins Net_Int:$input, I1:$clk, Optional<I1>:$reset,
                       Optional<Net_Int>:$resetValue);
  let results = (outs Net_Int:$result);
  let assemblyFormat = "$input `,` $clk (`reset` $reset^ `,` $resetValue)? "
                       "attr-dict `:` type($result)";
  let hasVerifier = 1;
}

#endif // AXON_DIALECTS_NET_NETOPS_TD
