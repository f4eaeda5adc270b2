//===- NetInterfaces.h - combinational op interface -------------*- C++ -*-===//
//
// The generated CombinationalOpInterface declaration, shared by every dialect
// whose ops live in a net.module and can be evaluated (net, tlg).
//
//===----------------------------------------------------------------------===//
#ifndef AXON_DIALECTS_NET_NETINTERFACES_H
#define AXON_DIALECTS_NET_NETINTERFACES_H

#include "mlir/IR/OpDefinition.h"
#include "llvm/ADT/APInt.h"
#include "llvm/ADT/ArrayRef.h"

#include "dialects/net/NetInterfaces.h.inc"

#endif // AXON_DIALECTS_NET_NETINTERFACES_H
