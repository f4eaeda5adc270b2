//===- Spinn.td - spinn dialect top level ------------------*- tablegen -*-===//
#ifndef AXON_DIALECTS_SPINN_SPINN_TD
#define AXON_DIALECTS_SPINN_SPINN_TD
include "dialects/spinn/SpinnDialect.td"
include "dialects/spinn/SpinnAttrs.td"
include "dialects/spinn/SpinnOps.td"
#endif // AXON_DIALECTS_SPINN_SPINN_TD
