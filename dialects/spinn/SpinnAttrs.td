//===- SpinnAttrs.td - spinn attributes --------------------*- tablegen -*-===//
//
// Coordinates (chip, core), multicast key/mask pairs and routing entries.
// Keys, masks and routes print in hexadecimal, as SpiNNaker tools show them.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_DIALECTS_SPINN_SPINNATTRS_TD
#define AXON_DIALECTS_SPINN_SPINNATTRS_TD

include "dialects/spinn/SpinnDialect.td"

class Spinn_Attr<string name, string attrMnemonic> :
    AttrDef<Spinn_Dialect, name> {
  let mnemonic = attrMnemonic;
}

def Spinn_ChipAttr : Spinn_Attr<"Chip", "chip"> {
  let summary = "a chip coordinate (x, y)";
  let parameters = (ins "unsigned":$x, "unsigned":$y);
  let assemblyFormat = "`<` $x `,` $y `>`";
}

def Spinn_CoreAttr : Spinn_Attr<"Core", "core"> {
  let summary = "a core: chip (x, y) and processor p";
  let parameters = (ins "unsigned":$x, "unsigned":$y, "unsigned":$p);
  let assemblyFormat = "`<` $x `,` $y `,` $p `>`";
}

def Spinn_KeyMaskAttr : Spinn_Attr<"KeyMask", "key_mask"> {
  let summary = "a multicast key and mask: `#spinn.key_mask<0x10000, 0xffff0000>`";
  let description = [{
    The keys `k` with `(k & mask) == key`.  Key bits outside the mask must be
    zero (such a pair would never match a packet).
  }];
  let parameters = (ins "uint32_t":$key, "uint32_t":$mask);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
}

def Spinn_EntryAttr : Spinn_Attr<"Entry", "entry"> {
  let summary = "a routing-table entry: key, mask -> route";
  let description = [{
    `#spinn.entry<0x00010000, 0xffff0000 -> 0x000041>` routes packets whose
    key matches to the route word (bits 0-5 links E, NE, N, W, SW, S; bits
    6-23 cores 0-17).  A trailing `defaultable` marks an entry that only
    continues packets straight through the chip.
  }];
  let parameters = (ins "uint32_t":$key, "uint32_t":$mask, "uint32_t":$route,
                        "bool":$defaultable);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
}

#endif // AXON_DIALECTS_SPINN_SPINNATTRS_TD
