//===- CellLibrary.cpp - Abstract threshold-cell library --------*- C++ -*-===//
//
// Validation and the JSON form of the cell library.  The JSON is written
// through llvm::json so that keys come out sorted and numbers in one format:
// the file is a build artefact that must be byte-for-byte reproducible.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/CellLibrary.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include <cmath>

using namespace axon::threshold;
namespace json = llvm::json;

static llvm::Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

llvm::Error CellLibrary::validate() const {
  if (maxFanIn < 2)
    return makeError(llvm::formatv(
        "cell library '{0}': maxFanIn must be at least 2, got {1}", name,
        maxFanIn));
  if (maxFanIn > 64)
    return makeError(llvm::formatv(
        "cell library '{0}': maxFanIn must be at most 64, got {1}", name,
        maxFanIn));
  if (maxWeight < 1 || maxWeight > (int64_t(1) << 30))
    return makeError(llvm::formatv(
        "cell library '{0}': maxWeight must be in [1, 2^30], got {1}", name,
        maxWeight));
  for (double v : {areaBase, areaPerInput, energyBase, energyPerInput})
    if (!std::isfinite(v) || v < 0)
      return makeError(llvm::formatv("cell library '{0}': area and energy "
                                     "coefficients must be finite and "
                                     "non-negative",
                                     name));
  return llvm::Error::success();
}

void axon::threshold::writeCellLibraryJSON(const CellLibrary &lib,
                                           llvm::raw_ostream &os) {
  json::Array cells;
  for (unsigned n = 1; n <= lib.maxFanIn; ++n)
    cells.push_back(json::Object{{"name", ("TLG_" + llvm::Twine(n)).str()},
                                 {"fanIn", int64_t(n)},
                                 {"area", lib.cellArea(n)},
                                 {"energy", lib.cellEnergy(n)}});
  json::Object model{
      {"area", json::Object{{"base", lib.areaBase},
                            {"perInput", lib.areaPerInput},
                            {"unit", "GE (NAND2 equivalents)"}}},
      {"energy", json::Object{{"base", lib.energyBase},
                              {"perInput", lib.energyPerInput},
                              {"unit", "NAND2 switching events"}}},
      {"formula", "cost(cell) = base + perInput * fanIn"}};
  json::Object root{{"name", lib.name},
                    {"maxFanIn", int64_t(lib.maxFanIn)},
                    {"maxWeight", lib.maxWeight},
                    {"semantics", "y = [sum_i w_i x_i >= T], |w_i| <= "
                                  "maxWeight per pin"},
                    {"model", std::move(model)},
                    {"cells", std::move(cells)}};
  os << llvm::formatv("{0:2}", json::Value(std::move(root))) << "\n";
}

static llvm::Error readNumber(const json::Object &obj, llvm::StringRef key,
                              double &out) {
  const json::Value *v = obj.get(key);
  if (!v)
    return llvm::Error::success();
  std::optional<double> d = v->getAsNumber();
  if (!d)
    return makeError("cell library: '" + key + "' must be a number");
  out = *d;
  return llvm::Error::success();
}

static llvm::Error readCost(const json::Object &model, llvm::StringRef key,
                            double &base, double &perInput) {
  const json::Object *obj = model.getObject(key);
  if (!obj)
    return llvm::Error::success();
  if (llvm::Error err = readNumber(*obj, "base", base))
    return err;
  return readNumber(*obj, "perInput", perInput);
}

llvm::Expected<CellLibrary>
axon::threshold::parseCellLibraryJSON(llvm::StringRef text) {
  llvm::Expected<json::Value> parsed = json::parse(text);
  if (!parsed)
    return makeError("cell library: invalid JSON: " +
                     llvm::toString(parsed.takeError()));
  const json::Object *root = parsed->getAsObject();
  if (!root)
    return makeError("cell library: the top-level value must be an object");
  CellLibrary lib;
  if (std::optional<llvm::StringRef> n = root->getString("name"))
    lib.name = n->str();
  if (const json::Value *v = root->get("maxFanIn")) {
    std::optional<int64_t> k = v->getAsInteger();
    if (!k || *k < 0 || *k > 1000000)
      return makeError("cell library: 'maxFanIn' must be a small integer");
    lib.maxFanIn = unsigned(*k);
  }
  if (const json::Value *v = root->get("maxWeight")) {
    std::optional<int64_t> w = v->getAsInteger();
    if (!w)
      return makeError("cell library: 'maxWeight' must be an integer");
    lib.maxWeight = *w;
  }
  if (const json::Object *model = root->getObject("model")) {
    if (llvm::Error err =
            readCost(*model, "area", lib.areaBase, lib.areaPerInput))
      return err;
    if (llvm::Error err =
            readCost(*model, "energy", lib.energyBase, lib.energyPerInput))
      return err;
  }
  if (llvm::Error err = lib.validate())
    return err;
  return lib;
}
