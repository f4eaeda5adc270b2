//===- Net.td - net dialect top level ----------------------*- tablegen -*-===//
#ifndef AXON_DIALECTS_NET_NET_TD
#define AXON_DIALECTS_NET_NET_TD
include "dialects/net/NetDialect.td"
include "dialects/net/NetInterfaces.td"
include "dialects/net/NetOps.td"
#endif // AXON_DIALECTS_NET_NET_TD
