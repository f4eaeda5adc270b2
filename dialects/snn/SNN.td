//===- SNN.td - snn dialect top level ----------------------*- tablegen -*-===//
#ifndef AXON_DIALECTS_SNN_SNN_TD
#define AXON_DIALECTS_SNN_SNN_TD
include "dialects/snn/SNNDialect.td"
include "dialects/snn/SNNAttrs.td"
include "dialects/snn/SNNInterfaces.td"
include "dialects/snn/SNNOps.td"
#endif // AXON_DIALECTS_SNN_SNN_TD
