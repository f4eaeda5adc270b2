//===- MachineJSON.cpp - Read a SpiNNaker machine description -------------===//
//
// Users describe the machine they map onto as JSON: a built-in profile or an
// explicit rectangle, plus dead chips/links/cores and per-chip overrides
// (format in docs/targets/spinnaker-machine.md).  Every malformed input is an
// llvm::Error naming the key and, where there is one, the chip, never an
// assertion: the file comes from a user.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Machine/Machine.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace axon::spinnaker;
using namespace llvm;

namespace {

/// Builds errors with a common prefix and the path to the offending value.
struct Ctx {
  Error fail(const Twine &where, const Twine &what) const {
    return createStringError(
        inconvertibleErrorCode(),
        ("machine description: " + where + ": " + what).str());
  }
};

} // namespace

static Error checkKeys(const Ctx &ctx, const json::Object &obj,
                       ArrayRef<StringRef> allowed, const Twine &where) {
  for (const auto &kv : obj) {
    StringRef key = kv.first;
    if (llvm::find(allowed, key) == allowed.end())
      return ctx.fail(where, "unknown key '" + key + "'");
  }
  return Error::success();
}

/// An integer member in [lo, hi]; nullopt (and no error) when absent.
static Expected<std::optional<int64_t>> getInt(const Ctx &ctx,
                                               const json::Object &obj,
                                               StringRef key, int64_t lo,
                                               int64_t hi, const Twine &where) {
  const json::Value *v = obj.get(key);
  if (!v)
    return std::optional<int64_t>();
  std::optional<int64_t> i = v->getAsInteger();
  if (!i || *i < lo || *i > hi)
    return ctx.fail(
        where, formatv("'{0}' must be an integer in {1}..{2}", key, lo, hi));
  return i;
}

/// Reads [a, b, ...] of exactly `n` integers.
static Expected<SmallVector<int64_t, 3>> getTuple(const Ctx &ctx,
                                                  const json::Value &v,
                                                  unsigned n, StringRef shape,
                                                  const Twine &where) {
  const json::Array *arr = v.getAsArray();
  if (!arr || arr->size() != n)
    return ctx.fail(where, "expected " + shape);
  SmallVector<int64_t, 3> out;
  for (const json::Value &e : *arr) {
    std::optional<int64_t> i = e.getAsInteger();
    if (!i)
      return ctx.fail(where, "expected " + shape + " with integer elements");
    out.push_back(*i);
  }
  return out;
}

/// Resolves (x, y) to a chip of the machine or explains why it is not one.
static Expected<Machine::ChipId> getChip(const Ctx &ctx, const Machine &m,
                                         int64_t x, int64_t y,
                                         const Twine &where) {
  if (x < 0 || y < 0 || x >= m.width() || y >= m.height())
    return ctx.fail(where, formatv("chip ({0}, {1}) is outside the {2}x{3} "
                                   "machine",
                                   x, y, m.width(), m.height()));
  Machine::ChipId id = m.chipId({(int)x, (int)y});
  if (!m.chipExists(id))
    return ctx.fail(where, formatv("chip ({0}, {1}) is not part of the "
                                   "machine (no board covers it)",
                                   x, y));
  return id;
}

static Expected<Wrap> parseWrap(const Ctx &ctx, const json::Value &v) {
  if (std::optional<bool> b = v.getAsBoolean())
    return *b ? Wrap::Both : Wrap::None;
  if (std::optional<StringRef> s = v.getAsString()) {
    if (*s == "none")
      return Wrap::None;
    if (*s == "horizontal")
      return Wrap::Horizontal;
    if (*s == "vertical")
      return Wrap::Vertical;
    if (*s == "both")
      return Wrap::Both;
  }
  return ctx.fail("wrap", "expected true, false, \"none\", \"horizontal\", "
                          "\"vertical\" or \"both\"");
}

/// The geometry: a built-in profile or an explicit rectangle.
static Expected<Machine> parseGeometry(const Ctx &ctx,
                                       const json::Object &root) {
  const json::Value *width = root.get("width");
  const json::Value *height = root.get("height");
  std::optional<StringRef> profile = root.getString("profile");
  if (root.get("profile") && !profile)
    return ctx.fail("profile", "expected a string");
  if (profile && profile->ends_with(".json"))
    return ctx.fail("profile", "must be a built-in profile, not another "
                               "machine description");
  if (!width && !height) {
    if (root.get("wrap") || root.get("hardware"))
      return ctx.fail(root.get("wrap") ? "wrap" : "hardware",
                      "only allowed together with 'width' and 'height'");
    Expected<Machine> m = Machine::fromProfile(profile.value_or("spinnaker1"));
    if (!m)
      return ctx.fail("profile", toString(m.takeError()));
    return m;
  }
  if (profile)
    return ctx.fail("profile", "cannot be combined with 'width'/'height' "
                               "(use 'hardware' to pick the chip type)");
  if (!width || !height)
    return ctx.fail(width ? "height" : "width",
                    "'width' and 'height' must be given together");
  auto w = getInt(ctx, root, "width", 1, 4096, "width");
  if (!w)
    return w.takeError();
  auto h = getInt(ctx, root, "height", 1, 4096, "height");
  if (!h)
    return h.takeError();
  Wrap wrap = Wrap::None;
  if (const json::Value *v = root.get("wrap")) {
    Expected<Wrap> wv = parseWrap(ctx, *v);
    if (!wv)
      return wv.takeError();
    wrap = *wv;
  }
  const HardwareSpec *hw = &spinnaker1Hardware();
  if (const json::Value *v = root.get("hardware")) {
    std::optional<StringRef> s = v->getAsString();
    if (s && *s == "spinnaker2")
      hw = &spinnaker2Hardware();
    else if (!s || *s != "spinnaker1")
      return ctx.fail("hardware", "expected \"spinnaker1\" or \"spinnaker2\"");
  }
  return Machine(*hw, (unsigned)**w, (unsigned)**h, wrap);
}

/// One element of "chips": per-chip resource overrides.
static Error parseChipOverride(const Ctx &ctx, Machine &m, const json::Value &v,
                               size_t index) {
  std::string where = formatv("chips[{0}]", index).str();
  const json::Object *obj = v.getAsObject();
  if (!obj)
    return ctx.fail(where, "expected an object");
  if (Error e = checkKeys(
          ctx, *obj,
          {"x", "y", "cores", "applicationCores", "sdram", "routerEntries"},
          where))
    return e;
  auto x = getInt(ctx, *obj, "x", 0, 1 << 20, where);
  if (!x)
    return x.takeError();
  auto y = getInt(ctx, *obj, "y", 0, 1 << 20, where);
  if (!y)
    return y.takeError();
  if (!*x || !*y)
    return ctx.fail(where, "'x' and 'y' are required");
  Expected<Machine::ChipId> id = getChip(ctx, m, **x, **y, where);
  if (!id)
    return id.takeError();
  where = formatv("chips[{0}] (chip ({1}, {2}))", index, **x, **y).str();
  unsigned monitors = m.hardware().monitorCores;
  auto cores = getInt(ctx, *obj, "cores", monitors + 1, 1024, where);
  if (!cores)
    return cores.takeError();
  unsigned nCores = cores->value_or(m.numCores(*id));
  unsigned defaultApp =
      std::min<unsigned>(m.applicationCoreBudget(*id), nCores - monitors);
  auto app = getInt(ctx, *obj, "applicationCores", 0, nCores - monitors, where);
  if (!app)
    return app.takeError();
  m.setCores(*id, nCores, app->value_or(defaultApp));
  auto sdram = getInt(ctx, *obj, "sdram", 0, INT64_MAX, where);
  if (!sdram)
    return sdram.takeError();
  if (*sdram)
    m.setSdram(*id, (uint64_t)**sdram);
  auto entries = getInt(ctx, *obj, "routerEntries", 0, 1 << 20, where);
  if (!entries)
    return entries.takeError();
  if (*entries)
    m.setRouterEntries(*id, (unsigned)**entries);
  return Error::success();
}

static Error parseDeadLink(const Ctx &ctx, Machine &m, const json::Value &v,
                           size_t index) {
  std::string where = formatv("deadLinks[{0}]", index).str();
  int64_t x, y, link;
  bool both = true;
  if (const json::Object *obj = v.getAsObject()) {
    if (Error e = checkKeys(ctx, *obj, {"x", "y", "link", "direction"}, where))
      return e;
    auto gx = getInt(ctx, *obj, "x", INT32_MIN, INT32_MAX, where);
    if (!gx)
      return gx.takeError();
    auto gy = getInt(ctx, *obj, "y", INT32_MIN, INT32_MAX, where);
    if (!gy)
      return gy.takeError();
    auto gl = getInt(ctx, *obj, "link", INT32_MIN, INT32_MAX, where);
    if (!gl)
      return gl.takeError();
    if (!*gx || !*gy || !*gl)
      return ctx.fail(where, "'x', 'y' and 'link' are required");
    x = **gx, y = **gy, link = **gl;
    if (const json::Value *d = obj->get("direction")) {
      std::optional<StringRef> s = d->getAsString();
      if (!s || (*s != "out" && *s != "both"))
        return ctx.fail(where, "'direction' must be \"out\" or \"both\"");
      both = *s == "both";
    }
  } else {
    auto t = getTuple(ctx, v, 3, "[x, y, link] or an object", where);
    if (!t)
      return t.takeError();
    x = (*t)[0], y = (*t)[1], link = (*t)[2];
  }
  Expected<Machine::ChipId> id = getChip(ctx, m, x, y, where);
  if (!id)
    return id.takeError();
  if (link < 0 || link >= (int64_t)NumLinks)
    return ctx.fail(where, formatv("link {0} of chip ({1}, {2}) is not in "
                                   "0..5 (E, NE, N, W, SW, S)",
                                   link, x, y));
  m.killLink(*id, (unsigned)link, both);
  return Error::success();
}

static Error parseDeadChip(const Ctx &ctx, Machine &m, const json::Value &v,
                           size_t index) {
  std::string where = formatv("deadChips[{0}]", index).str();
  auto t = getTuple(ctx, v, 2, "[x, y]", where);
  if (!t)
    return t.takeError();
  Expected<Machine::ChipId> id = getChip(ctx, m, (*t)[0], (*t)[1], where);
  if (!id)
    return id.takeError();
  m.killChip(*id);
  return Error::success();
}

static Error parseDeadCore(const Ctx &ctx, Machine &m, const json::Value &v,
                           size_t index) {
  std::string where = formatv("deadCores[{0}]", index).str();
  auto t = getTuple(ctx, v, 3, "[x, y, core]", where);
  if (!t)
    return t.takeError();
  int64_t x = (*t)[0], y = (*t)[1], core = (*t)[2];
  Expected<Machine::ChipId> id = getChip(ctx, m, x, y, where);
  if (!id)
    return id.takeError();
  if (core < 0 || core >= (int64_t)m.numCores(*id))
    return ctx.fail(where, formatv("core {0} does not exist on chip ({1}, "
                                   "{2}), which has {3} cores",
                                   core, x, y, m.numCores(*id)));
  m.killCore(*id, (unsigned)core);
  return Error::success();
}

/// Applies `fn` to each element of the array member `key`, if present.
static Error
forEach(const Ctx &ctx, const json::Object &root, StringRef key, Machine &m,
        Error (*fn)(const Ctx &, Machine &, const json::Value &, size_t)) {
  const json::Value *v = root.get(key);
  if (!v)
    return Error::success();
  const json::Array *arr = v->getAsArray();
  if (!arr)
    return ctx.fail(key, "expected an array");
  for (size_t i = 0; i < arr->size(); ++i)
    if (Error e = fn(ctx, m, (*arr)[i], i))
      return e;
  return Error::success();
}

Expected<Machine> axon::spinnaker::parseMachineJSON(StringRef text) {
  Ctx ctx;
  Expected<json::Value> parsed = json::parse(text);
  if (!parsed)
    return ctx.fail("invalid JSON", toString(parsed.takeError()));
  const json::Object *root = parsed->getAsObject();
  if (!root)
    return ctx.fail("top level", "expected a JSON object");
  if (Error e = checkKeys(ctx, *root,
                          {"profile", "width", "height", "wrap", "hardware",
                           "chips", "deadChips", "deadLinks", "deadCores"},
                          "top level"))
    return e;
  Expected<Machine> m = parseGeometry(ctx, *root);
  if (!m)
    return m.takeError();
  // Overrides first (they change core counts that deadCores is checked
  // against), then chip faults, link faults and core faults.
  if (Error e = forEach(ctx, *root, "chips", *m, parseChipOverride))
    return e;
  if (Error e = forEach(ctx, *root, "deadChips", *m, parseDeadChip))
    return e;
  if (Error e = forEach(ctx, *root, "deadLinks", *m, parseDeadLink))
    return e;
  if (Error e = forEach(ctx, *root, "deadCores", *m, parseDeadCore))
    return e;
  return m;
}

Expected<Machine> axon::spinnaker::readMachineJSON(StringRef path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> buf = MemoryBuffer::getFile(path);
  if (!buf)
    return createStringError(buf.getError(),
                             "cannot read machine description '" + path +
                                 "': " + buf.getError().message());
  return parseMachineJSON((*buf)->getBuffer());
}
