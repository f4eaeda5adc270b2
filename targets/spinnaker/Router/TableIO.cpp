//===- TableIO.cpp - Read and write routing tables ------------------------===//
//
// CSV and PACMAN-JSON routing tables (see TableIO.h).  JSON goes through
// llvm::json so numbers up to 2^32-1 and nesting are handled exactly; gzip
// through zlib's inflate with gzip header detection.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Router/TableIO.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <zlib.h>

using namespace axon::spinnaker;
using namespace llvm;

static Error ioError(const Twine &msg) {
  return createStringError(inconvertibleErrorCode(), msg.str());
}

//===----------------------------------------------------------------------===//
// Files
//===----------------------------------------------------------------------===//

static Expected<std::string> gunzip(StringRef data, StringRef path) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
    return ioError("cannot initialise zlib");
  zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
  zs.avail_in = (uInt)data.size();
  std::string out;
  char buf[1 << 16];
  int rc;
  do {
    zs.next_out = (Bytef *)buf;
    zs.avail_out = sizeof(buf);
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      return ioError("'" + path + "': corrupt gzip data (" +
                     (zs.msg ? zs.msg : "inflate failed") + ")");
    }
    out.append(buf, sizeof(buf) - zs.avail_out);
  } while (rc != Z_STREAM_END && (zs.avail_in > 0 || zs.avail_out == 0));
  inflateEnd(&zs);
  if (rc != Z_STREAM_END)
    return ioError("'" + path + "': truncated gzip data");
  return out;
}

Expected<std::string> axon::spinnaker::readMaybeGzipFile(StringRef path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> buf =
      MemoryBuffer::getFile(path, /*IsText=*/false);
  if (!buf)
    return ioError("cannot read '" + path + "': " + buf.getError().message());
  StringRef data = (*buf)->getBuffer();
  if (data.size() >= 2 && (unsigned char)data[0] == 0x1f &&
      (unsigned char)data[1] == 0x8b)
    return gunzip(data, path);
  return data.str();
}

//===----------------------------------------------------------------------===//
// CSV
//===----------------------------------------------------------------------===//

static bool parseHex32(StringRef s, uint32_t &out) {
  s = s.trim();
  if (s.starts_with_insensitive("0x"))
    s = s.drop_front(2);
  uint64_t v;
  if (s.empty() || s.getAsInteger(16, v) || v > 0xffffffffu)
    return false;
  out = (uint32_t)v;
  return true;
}

Expected<std::vector<RoutingEntry>>
axon::spinnaker::parseTableCSV(StringRef text) {
  std::vector<RoutingEntry> table;
  SmallVector<StringRef, 4> fields;
  unsigned lineNo = 0;
  while (!text.empty()) {
    auto [line, rest] = text.split('\n');
    text = rest;
    ++lineNo;
    line = line.trim();
    if (line.empty() || line.starts_with("#") ||
        (table.empty() && line.starts_with_insensitive("key")))
      continue;
    fields.clear();
    line.split(fields, ',');
    RoutingEntry e;
    if (fields.size() != 3 || !parseHex32(fields[0], e.key) ||
        !parseHex32(fields[1], e.mask) || !parseHex32(fields[2], e.route))
      return ioError(formatv("line {0}: expected 'key,mask,route' in hex, "
                             "got '{1}'",
                             lineNo, line));
    if (e.key & ~e.mask)
      return ioError(formatv("line {0}: key 0x{1:x-8} has bits outside mask "
                             "0x{2:x-8}",
                             lineNo, e.key, e.mask));
    if (e.route & ~RouteWordMask)
      return ioError(formatv("line {0}: route 0x{1:x-} has bits above bit 23",
                             lineNo, e.route));
    table.push_back(e);
  }
  return table;
}

Expected<std::vector<RoutingEntry>>
axon::spinnaker::readTableCSV(StringRef path) {
  Expected<std::string> text = readMaybeGzipFile(path);
  if (!text)
    return text.takeError();
  Expected<std::vector<RoutingEntry>> t = parseTableCSV(*text);
  if (!t)
    return ioError("'" + path + "': " + toString(t.takeError()));
  return t;
}

void axon::spinnaker::writeTableCSV(raw_ostream &os,
                                    ArrayRef<RoutingEntry> table) {
  for (const RoutingEntry &e : table)
    os << formatv("0x{0:X-8},0x{1:X-8},0x{2:X-8}\n", e.key, e.mask, e.route);
}

//===----------------------------------------------------------------------===//
// PACMAN routing_tables.json
//===----------------------------------------------------------------------===//

static Expected<int64_t> getNumber(const json::Object &o, StringRef key,
                                   int64_t max, const Twine &where) {
  const json::Value *v = o.get(key);
  std::optional<int64_t> i = v ? v->getAsInteger() : std::nullopt;
  if (!i || *i < 0 || *i > max)
    return ioError(where + ": '" + key + "' must be an integer in 0.." +
                   Twine(max));
  return *i;
}

static Expected<RoutingEntry> parseJSONEntry(const json::Value &v,
                                             const Twine &where) {
  const json::Object *o = v.getAsObject();
  if (!o)
    return ioError(where + ": expected an object");
  RoutingEntry e;
  Expected<int64_t> key = getNumber(*o, "key", 0xffffffffu, where);
  if (!key)
    return key.takeError();
  Expected<int64_t> mask = getNumber(*o, "mask", 0xffffffffu, where);
  if (!mask)
    return mask.takeError();
  Expected<int64_t> route =
      getNumber(*o, "spinnaker_route", RouteWordMask, where);
  if (!route)
    return route.takeError();
  std::optional<bool> def = o->getBoolean("defaultable");
  if (!def)
    return ioError(where + ": 'defaultable' must be true or false");
  e.key = (uint32_t)*key;
  e.mask = (uint32_t)*mask;
  e.route = (uint32_t)*route;
  e.defaultable = *def;
  if (e.key & ~e.mask)
    return ioError(where + ": key has bits outside its mask");
  return e;
}

static Expected<RoutingTable> parseJSONTable(const json::Value &v,
                                             size_t index) {
  std::string where = formatv("[{0}]", index).str();
  const json::Object *o = v.getAsObject();
  if (!o)
    return ioError(where + ": expected an object with x, y and entries");
  RoutingTable t;
  Expected<int64_t> x = getNumber(*o, "x", INT32_MAX, where);
  if (!x)
    return x.takeError();
  Expected<int64_t> y = getNumber(*o, "y", INT32_MAX, where);
  if (!y)
    return y.takeError();
  t.x = (int)*x;
  t.y = (int)*y;
  const json::Array *entries = o->getArray("entries");
  if (!entries)
    return ioError(where + ": 'entries' must be an array");
  t.entries.reserve(entries->size());
  for (size_t j = 0; j < entries->size(); ++j) {
    Expected<RoutingEntry> e = parseJSONEntry(
        (*entries)[j],
        formatv("{0} (chip ({1}, {2})).entries[{3}]", where, t.x, t.y, j));
    if (!e)
      return e.takeError();
    t.entries.push_back(*e);
  }
  return t;
}

Expected<std::vector<RoutingTable>>
axon::spinnaker::parseRoutingTablesJSON(StringRef text) {
  Expected<json::Value> root = json::parse(text);
  if (!root)
    return ioError("invalid JSON: " + toString(root.takeError()));
  const json::Array *arr = root->getAsArray();
  if (!arr)
    return ioError("expected a JSON array of routing tables");
  std::vector<RoutingTable> tables;
  tables.reserve(arr->size());
  for (size_t i = 0; i < arr->size(); ++i) {
    Expected<RoutingTable> t = parseJSONTable((*arr)[i], i);
    if (!t)
      return t.takeError();
    tables.push_back(std::move(*t));
  }
  return tables;
}

Expected<std::vector<RoutingTable>>
axon::spinnaker::readRoutingTablesJSON(StringRef path) {
  Expected<std::string> text = readMaybeGzipFile(path);
  if (!text)
    return text.takeError();
  Expected<std::vector<RoutingTable>> t = parseRoutingTablesJSON(*text);
  if (!t)
    return ioError("'" + path + "': " + toString(t.takeError()));
  return t;
}

void axon::spinnaker::writeRoutingTablesJSON(raw_ostream &os,
                                             ArrayRef<RoutingTable> tables) {
  json::OStream j(os);
  j.array([&] {
    for (const RoutingTable &t : tables)
      j.object([&] {
        j.attribute("x", t.x);
        j.attribute("y", t.y);
        j.attributeArray("entries", [&] {
          for (const RoutingEntry &e : t.entries)
            j.object([&] {
              j.attribute("key", (int64_t)e.key);
              j.attribute("mask", (int64_t)e.mask);
              j.attribute("defaultable", e.defaultable);
              j.attribute("spinnaker_route", (int64_t)e.route);
            });
        });
      });
  });
}
