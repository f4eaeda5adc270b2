//===- NetDialect.h - net dialect declaration -------------------*- C++ -*-===//
#ifndef AXON_DIALECTS_NET_NETDIALECT_H
#define AXON_DIALECTS_NET_NETDIALECT_H

#include "mlir/IR/Dialect.h"

#include "dialects/net/NetDialect.h.inc"

#endif // AXON_DIALECTS_NET_NETDIALECT_H
