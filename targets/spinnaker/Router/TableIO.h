//===- TableIO.h - Read and write routing tables ----------------*- C++ -*-===//
//
// Routing tables come and go in two formats: a plain "key,mask,route" CSV of
// one chip's table (hex, one entry per line) and PACMAN's routing_tables.json
// (an array of {x, y, entries: [{key, mask, defaultable, spinnaker_route}]},
// schema in shared/fixtures/spinnaker/schemas/routing_tables.json).  Readers
// accept gzip-compressed files transparently and report malformed input with
// the line or JSON path.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_SPINNAKER_ROUTER_TABLEIO_H
#define AXON_TARGETS_SPINNAKER_ROUTER_TABLEIO_H

#include "targets/spinnaker/Router/Table.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace axon::spinnaker {

/// The contents of a file, gunzipped if it starts with the gzip magic.
llvm::Expected<std::string> readMaybeGzipFile(llvm::StringRef path);

/// "key,mask,route" lines (hex with or without 0x; '#' comments and an
/// optional "key,mask,route" header allowed).  Entries are not defaultable.
llvm::Expected<std::vector<RoutingEntry>> parseTableCSV(llvm::StringRef text);
llvm::Expected<std::vector<RoutingEntry>> readTableCSV(llvm::StringRef path);
void writeTableCSV(llvm::raw_ostream &os, llvm::ArrayRef<RoutingEntry> table);

/// PACMAN routing_tables.json.
llvm::Expected<std::vector<RoutingTable>>
parseRoutingTablesJSON(llvm::StringRef text);
llvm::Expected<std::vector<RoutingTable>>
readRoutingTablesJSON(llvm::StringRef path);
void writeRoutingTablesJSON(llvm::raw_ostream &os,
                            llvm::ArrayRef<RoutingTable> tables);

} // namespace axon::spinnaker

#endif // AXON_TARGETS_SPINNAKER_ROUTER_TABLEIO_H
