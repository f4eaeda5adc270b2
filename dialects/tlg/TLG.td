//===- TLG.td - tlg dialect top level ----------------------*- tablegen -*-===//
#ifndef AXON_DIALECTS_TLG_TLG_TD
#define AXON_DIALECTS_TLG_TLG_TD
include "dialects/tlg/TLGDialect.td"
include "dialects/tlg/TLGOps.td"
#endif // AXON_DIALECTS_TLG_TLG_TD
