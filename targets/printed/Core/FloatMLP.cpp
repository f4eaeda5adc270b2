//===- FloatMLP.cpp - Trained floating-point MLP classifier ---------------===//
//
// Inference and the JSON weights dump.  Kept deliberately plain: this is the
// accuracy reference the quantized and approximated circuits are compared to.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Core/FloatMLP.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace axon::printed;

static llvm::Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

llvm::Error FloatMLP::verify() const {
  if (layers.empty())
    return makeError("MLP has no layers");
  for (size_t l = 0; l < layers.size(); ++l) {
    const FloatLayer &layer = layers[l];
    if (layer.numInputs == 0 || layer.numOutputs == 0)
      return makeError("layer " + llvm::Twine(l) + " has an empty shape");
    if (layer.weights.size() != size_t(layer.numInputs) * layer.numOutputs)
      return makeError("layer " + llvm::Twine(l) + " has " +
                       llvm::Twine(layer.weights.size()) +
                       " weights, expected " +
                       llvm::Twine(layer.numInputs * layer.numOutputs));
    if (layer.biases.size() != layer.numOutputs)
      return makeError("layer " + llvm::Twine(l) + " has " +
                       llvm::Twine(layer.biases.size()) + " biases, expected " +
                       llvm::Twine(layer.numOutputs));
    if (l > 0 && layers[l - 1].numOutputs != layer.numInputs)
      return makeError("layer " + llvm::Twine(l) + " takes " +
                       llvm::Twine(layer.numInputs) + " inputs but layer " +
                       llvm::Twine(l - 1) + " produces " +
                       llvm::Twine(layers[l - 1].numOutputs));
  }
  return llvm::Error::success();
}

std::vector<double> FloatMLP::logits(llvm::ArrayRef<double> x) const {
  std::vector<double> cur(x.begin(), x.end()), next;
  for (size_t l = 0; l < layers.size(); ++l) {
    const FloatLayer &layer = layers[l];
    next.assign(layer.numOutputs, 0.0);
    for (unsigned o = 0; o < layer.numOutputs; ++o) {
      double acc = layer.biases[o];
      for (unsigned i = 0; i < layer.numInputs; ++i)
        acc += layer.weight(o, i) * cur[i];
      bool hidden = l + 1 < layers.size();
      next[o] = hidden ? std::max(acc, 0.0) : acc;
    }
    cur.swap(next);
  }
  return cur;
}

unsigned FloatMLP::predict(llvm::ArrayRef<double> x) const {
  std::vector<double> out = logits(x);
  unsigned best = 0;
  for (unsigned c = 1; c < out.size(); ++c)
    if (out[c] > out[best])
      best = c;
  return best;
}

double axon::printed::floatAccuracy(const FloatMLP &model,
                                    llvm::ArrayRef<double> inputs,
                                    llvm::ArrayRef<unsigned> labels) {
  if (labels.empty())
    return 0.0;
  unsigned n = model.numInputs(), correct = 0;
  for (size_t r = 0; r < labels.size(); ++r)
    correct += model.predict(inputs.slice(r * n, n)) == labels[r];
  return static_cast<double>(correct) / static_cast<double>(labels.size());
}

static llvm::Error parseNumbers(const llvm::json::Array &array,
                                std::vector<double> &out,
                                const llvm::Twine &what) {
  for (const llvm::json::Value &v : array) {
    std::optional<double> d = v.getAsNumber();
    if (!d)
      return makeError(what + " contains a non-number");
    out.push_back(*d);
  }
  return llvm::Error::success();
}

static llvm::Expected<FloatLayer> parseLayer(const llvm::json::Object &obj,
                                             size_t index) {
  std::string where = "layer " + std::to_string(index);
  const llvm::json::Array *rows = obj.getArray("weight");
  const llvm::json::Array *bias = obj.getArray("bias");
  if (!rows || !bias)
    return makeError("layer " + llvm::Twine(index) +
                     " needs arrays 'weight' and 'bias'");
  FloatLayer layer;
  layer.numOutputs = static_cast<unsigned>(rows->size());
  for (const llvm::json::Value &row : *rows) {
    const llvm::json::Array *r = row.getAsArray();
    if (!r)
      return makeError("layer " + llvm::Twine(index) +
                       " 'weight' must be an array of rows");
    if (layer.numInputs == 0)
      layer.numInputs = static_cast<unsigned>(r->size());
    if (r->size() != layer.numInputs)
      return makeError("layer " + llvm::Twine(index) +
                       " 'weight' rows differ in length");
    if (llvm::Error err = parseNumbers(*r, layer.weights, where))
      return std::move(err);
  }
  if (llvm::Error err = parseNumbers(*bias, layer.biases, where))
    return std::move(err);
  return layer;
}

llvm::Expected<FloatMLP>
axon::printed::parseFloatMLPJSON(llvm::StringRef text) {
  llvm::Expected<llvm::json::Value> root = llvm::json::parse(text);
  if (!root)
    return root.takeError();
  const llvm::json::Object *obj = root->getAsObject();
  const llvm::json::Array *layers = obj ? obj->getArray("layers") : nullptr;
  if (!layers)
    return makeError("expected an object with an array 'layers'");
  FloatMLP model;
  for (size_t l = 0; l < layers->size(); ++l) {
    const llvm::json::Object *lo = (*layers)[l].getAsObject();
    if (!lo)
      return makeError("layer " + llvm::Twine(l) + " is not an object");
    llvm::Expected<FloatLayer> layer = parseLayer(*lo, l);
    if (!layer)
      return layer.takeError();
    model.layers.push_back(std::move(*layer));
  }
  if (llvm::Error err = model.verify())
    return std::move(err);
  return model;
}

llvm::Expected<FloatMLP> axon::printed::readFloatMLPJSON(llvm::StringRef path) {
  auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buf)
    return llvm::createStringError(buf.getError(),
                                   "cannot read '" + path +
                                       "': " + buf.getError().message());
  llvm::Expected<FloatMLP> model = parseFloatMLPJSON((*buf)->getBuffer());
  if (!model)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   path + ": " +
                                       llvm::toString(model.takeError()));
  return model;
}

std::string axon::printed::writeFloatMLPJSON(const FloatMLP &model) {
  llvm::json::Array layers;
  for (const FloatLayer &layer : model.layers) {
    llvm::json::Array rows;
    for (unsigned o = 0; o < layer.numOutputs; ++o) {
      llvm::json::Array row;
      for (unsigned i = 0; i < layer.numInputs; ++i)
        row.push_back(layer.weight(o, i));
      rows.push_back(std::move(row));
    }
    llvm::json::Array bias(layer.biases);
    layers.push_back(llvm::json::Object{{"weight", std::move(rows)},
                                        {"bias", std::move(bias)}});
  }
  std::string out;
  llvm::raw_string_ostream os(out);
  os << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                                   {"layers", std::move(layers)}}));
  return out;
}
