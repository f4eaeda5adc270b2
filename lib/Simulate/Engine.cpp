//===- Engine.cpp - The reference simulator's public face -------*- C++ -*-===//
//
// Names, probes and input validation live here; the step loop and the
// arithmetic live in EngineCore.h and the profile files.  Probes are parsed
// once (`NODE.field`, the field after the LAST dot, so NIR names with dots
// work) and recorded as real numbers after every step.
//
//===----------------------------------------------------------------------===//

#include "axon/Simulate/Engine.h"
#include "EngineCore.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

using namespace axon::sim;
using llvm::Error;
using llvm::StringRef;

static Error engineError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

static constexpr const char *kProfileNames[] = {
    "float-exact", "float-euler", "spinnaker", "loihi", "integer", "binary"};

StringRef axon::sim::profileName(Profile profile) {
  return kProfileNames[static_cast<unsigned>(profile)];
}

std::optional<Profile> axon::sim::parseProfile(StringRef name) {
  for (unsigned i = 0; i < std::size(kProfileNames); ++i)
    if (name == kProfileNames[i])
      return static_cast<Profile>(i);
  return std::nullopt;
}

Engine::~Engine() = default;

llvm::Expected<std::unique_ptr<Engine>>
Engine::create(const Network &net, const EngineOptions &options) {
  if (!net.isFinalized())
    return engineError("the network must be finalized before simulation");
  if (!(options.dt > 0) || !std::isfinite(options.dt))
    return engineError(llvm::formatv("dt must be positive, got {0}",
                                     llvm::format("%g", options.dt)));
  std::unique_ptr<Engine> engine(new Engine());
  engine->options = options;
  engine->schedule = computeSchedule(net, options.minSynapticDelaySteps);
  for (const Node &node : net.getNodes()) {
    engine->names.push_back(node.name);
    engine->kinds.push_back(node.kind);
    engine->sizes.push_back(node.numOutputs());
  }
  BuildContext ctx{net, engine->options, engine->schedule};
  llvm::Expected<std::unique_ptr<EngineCore>> core = nullptr;
  switch (options.profile) {
  case Profile::FloatExact:
  case Profile::FloatEuler:
    core = createFloatCore(ctx);
    break;
  case Profile::Spinnaker:
    core = createSpinnakerCore(ctx);
    break;
  case Profile::Loihi:
    core = createLoihiCore(ctx);
    break;
  case Profile::Integer:
  case Profile::Binary:
    core = createIntegerCore(ctx, options.profile == Profile::Binary);
    break;
  }
  if (!core)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "profile '%s': %s",
                                   profileName(options.profile).str().c_str(),
                                   llvm::toString(core.takeError()).c_str());
  engine->core = std::move(*core);
  return engine;
}

uint64_t Engine::getStep() const { return core->now(); }

static std::optional<NodeId> findNode(llvm::ArrayRef<std::string> names,
                                      StringRef name) {
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == name)
      return NodeId(i);
  return std::nullopt;
}

Error Engine::setInput(StringRef node, llvm::ArrayRef<double> values) {
  auto id = findNode(names, node);
  if (!id)
    return engineError("no node named '" + node + "'");
  return setInput(*id, values);
}

Error Engine::setInput(NodeId node, llvm::ArrayRef<double> values) {
  if (node >= kinds.size() || kinds[node] != NodeKind::Input)
    return engineError("setInput: node is not an Input");
  if (int64_t(values.size()) != sizes[node])
    return engineError(llvm::formatv("input '{0}' takes {1} values, got {2}",
                                     names[node], sizes[node], values.size()));
  if (auto err = core->setInput(node, values))
    return engineError("input '" + names[node] +
                       "': " + llvm::toString(std::move(err)));
  return Error::success();
}

Error Engine::setInputEvents(StringRef node, llvm::ArrayRef<uint32_t> idx) {
  auto id = findNode(names, node);
  if (!id)
    return engineError("no node named '" + node + "'");
  return setInputEvents(*id, idx);
}

Error Engine::setInputEvents(NodeId node, llvm::ArrayRef<uint32_t> idx) {
  if (node >= kinds.size() || kinds[node] != NodeKind::Input)
    return engineError("setInputEvents: node is not an Input");
  for (uint32_t i : idx)
    if (int64_t(i) >= sizes[node])
      return engineError(llvm::formatv("input '{0}': event index {1} out of "
                                       "range (size {2})",
                                       names[node], i, sizes[node]));
  return core->setInputEvents(node, idx);
}

void Engine::step() {
  core->step();
  for (const ProbeSpec &p : probes) {
    scratch.clear();
    core->probe(p.node, static_cast<ProbeField>(p.field), scratch);
    recorder.data.insert(recorder.data.end(), scratch.begin(), scratch.end());
  }
  ++recorder.rows;
}

Error Engine::run(StringRef inputNode, const InputTrace &trace,
                  uint64_t steps) {
  auto id = findNode(names, inputNode);
  if (!id)
    return engineError("no node named '" + inputNode + "'");
  for (uint64_t s = 0; s < steps; ++s) {
    if (s < trace.numSteps()) {
      Error err = trace.isEvents ? setInputEvents(*id, trace.events[s])
                                 : setInput(*id, trace.rows[s]);
      if (err)
        return engineError(
            llvm::formatv("step {0}: {1}", s, llvm::toString(std::move(err))));
    }
    step();
  }
  return Error::success();
}

void Engine::reset() {
  core->reset();
  recorder.data.clear();
  recorder.rows = 0;
}

static constexpr const char *kFieldNames[] = {"out", "v", "i", "spikes",
                                              "threshold"};

llvm::Expected<Engine::ProbeSpec> Engine::parseProbe(StringRef spec) const {
  StringRef nodeName = spec, fieldName = "out";
  size_t dot = spec.rfind('.');
  if (dot != StringRef::npos)
    for (const char *f : kFieldNames)
      if (spec.substr(dot + 1) == f) {
        nodeName = spec.substr(0, dot);
        fieldName = f;
      }
  auto id = findNode(names, nodeName);
  if (!id)
    return engineError("probe '" + spec + "': no node named '" + nodeName +
                       "'");
  uint8_t field = 0;
  while (fieldName != kFieldNames[field])
    ++field;
  std::vector<double> tmp;
  if (!core->probe(*id, static_cast<ProbeField>(field), tmp))
    return engineError("probe '" + spec + "': node '" + nodeName + "' (" +
                       kindName(kinds[*id]) + ") has no field '" + fieldName +
                       "'");
  return ProbeSpec{*id, field};
}

Error Engine::addProbe(StringRef spec) {
  if (recorder.rows != 0)
    return engineError("probes must be added before the first step");
  auto p = parseProbe(spec);
  if (!p)
    return p.takeError();
  std::vector<double> tmp;
  core->probe(p->node, static_cast<ProbeField>(p->field), tmp);
  std::string base = names[p->node] + "." + kFieldNames[p->field];
  if (tmp.size() == 1)
    recorder.names.push_back(base);
  else
    for (size_t i = 0; i < tmp.size(); ++i)
      recorder.names.push_back(llvm::formatv("{0}[{1}]", base, i).str());
  probes.push_back(*p);
  return Error::success();
}

llvm::Expected<std::vector<double>> Engine::read(StringRef spec) const {
  auto p = parseProbe(spec);
  if (!p)
    return p.takeError();
  std::vector<double> values;
  core->probe(p->node, static_cast<ProbeField>(p->field), values);
  return values;
}
