//===- NetDialect.td - The net bit-level netlist dialect ---*- tablegen -*-===//
//
// The `net` dialect is a bit-level netlist: modules with integer ports,
// combinational operators and clocked registers.  It is modeled on CIRCT's
// hw/comb/seq dialects (same op names and semantics where they exist) so that
// a later bridge to CIRCT is a rename, and it is what the printed and
// threshold back ends lower to before Verilog export.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_DIALECTS_NET_NETDIALECT_TD
#define AXON_DIALECTS_NET_NETDIALECT_TD

include "mlir/IR/OpBase.td"

def Net_Dialect : Dialect {
  let name = "net";
  let cppNamespace = "::axon::net";
  let summary = "Bit-level combinational and sequential netlists";
  let description = [{
    A `net.module` holds a graph region of integer-typed values (builtin
    signless integers `i1`...`iN`, N >= 1).  Arithmetic wraps modulo 2^N as
    in CIRCT's comb dialect; signedness is a property of the operator
    (`shrs`, `icmp slt`, `sext`), never of the type.  Registers (`net.reg`)
    break combinational cycles; a cycle through no register is a
    combinational loop, which the interpreter rejects.
  }];
  let hasConstantMaterializer = 1;
}

#endif // AXON_DIALECTS_NET_NETDIALECT_TD
