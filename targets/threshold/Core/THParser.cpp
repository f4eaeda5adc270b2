//===- THParser.cpp - threABC .th parsing -----------------------*- C++ -*-===//
//
// A line-oriented reader for the grammar in docs/targets/threshold.md.  It
// is stricter than threABC's own token-counting reader (which trusts its
// input) so that malformed files are rejected with the line at fault, and
// more liberal in what order gates come in: threABC writes output buffers
// before the gates they read, so gates are sorted topologically after the
// whole file is read (Kahn's algorithm, ties broken by file order, so a file
// that is already in order keeps it).
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/TH.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"

#include <functional>
#include <queue>

using namespace axon::threshold;

namespace {

struct RawGate {
  llvm::SmallVector<llvm::StringRef, 8> fanins;
  llvm::StringRef out;
  llvm::SmallVector<int64_t, 8> weights;
  int64_t threshold = 0;
  unsigned line = 0;
};

/// Where a name is defined: a primary input or a gate (by file index).
struct Definition {
  bool isInput;
  unsigned index;
};

class THParser {
public:
  THParser(llvm::StringRef text, llvm::StringRef bufferName)
      : bufferName(bufferName) {
    llvm::SmallVector<llvm::StringRef, 0> raw;
    text.split(raw, '\n');
    for (unsigned i = 0, e = raw.size(); i != e; ++i)
      lines.push_back(raw[i].trim());
  }
  llvm::Expected<Netlist> parse();

private:
  llvm::Error error(unsigned line, const llvm::Twine &msg) const {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   bufferName + ":" + llvm::Twine(line) + ": " +
                                       msg);
  }
  llvm::Error readDirectives();
  llvm::Error readThreshold(unsigned &i,
                            llvm::ArrayRef<llvm::StringRef> tokens);
  llvm::Error define(llvm::StringRef name, Definition def, unsigned line);
  llvm::Error resolve();
  llvm::Expected<std::vector<unsigned>> topologicalOrder();
  llvm::Expected<Netlist> build(llvm::ArrayRef<unsigned> order);

  llvm::StringRef bufferName;
  std::vector<llvm::StringRef> lines;
  std::string modelName = "tlg";
  llvm::SmallVector<llvm::StringRef, 16> inputs, outputs;
  unsigned inputLine = 0, outputLine = 0;
  std::vector<RawGate> gates;
  llvm::StringMap<Definition> defs;
  /// Per gate, per fanin: -1 for CONST1, else the definition.
  std::vector<llvm::SmallVector<std::optional<Definition>, 8>> fanins;
};

} // namespace

static void tokenize(llvm::StringRef line,
                     llvm::SmallVectorImpl<llvm::StringRef> &tokens) {
  line.split(tokens, ' ', -1, /*KeepEmpty=*/false);
  llvm::SmallVector<llvm::StringRef, 16> split;
  for (llvm::StringRef t : tokens)
    t.split(split, '\t', -1, false);
  tokens.assign(split.begin(), split.end());
}

llvm::Error THParser::define(llvm::StringRef name, Definition def,
                             unsigned line) {
  if (name == "CONST1")
    return error(line, "'CONST1' is the constant signal and cannot be "
                       "redefined");
  if (!defs.try_emplace(name, def).second)
    return error(line, "signal '" + name + "' is defined more than once");
  return llvm::Error::success();
}

llvm::Error THParser::readThreshold(unsigned &i,
                                    llvm::ArrayRef<llvm::StringRef> tokens) {
  unsigned line = i + 1;
  if (tokens.size() < 2)
    return error(line, "'.threshold' needs at least the output id");
  RawGate gate;
  gate.line = line;
  gate.fanins.assign(tokens.begin() + 1, tokens.end() - 1);
  gate.out = tokens.back();
  // The weights follow on the next non-blank line.
  unsigned j = i + 1;
  while (j < lines.size() && lines[j].empty())
    ++j;
  if (j == lines.size() || lines[j].starts_with("."))
    return error(line, "'.threshold' must be followed by a line of weights "
                       "and a threshold");
  llvm::SmallVector<llvm::StringRef, 16> numbers;
  tokenize(lines[j], numbers);
  if (numbers.size() != gate.fanins.size() + 1)
    return error(j + 1, llvm::formatv("expected {0} weights and a threshold, "
                                      "got {1} numbers",
                                      gate.fanins.size(), numbers.size()));
  for (unsigned k = 0, e = numbers.size(); k != e; ++k) {
    int64_t v;
    if (numbers[k].getAsInteger(10, v))
      return error(j + 1, "'" + numbers[k] + "' is not an integer");
    if (k + 1 == e)
      gate.threshold = v;
    else
      gate.weights.push_back(v);
  }
  if (llvm::Error err = define(gate.out, {false, unsigned(gates.size())}, line))
    return err;
  gates.push_back(std::move(gate));
  i = j;
  return llvm::Error::success();
}

llvm::Error THParser::readDirectives() {
  bool seenDirective = false, seenModel = false;
  for (unsigned i = 0; i < lines.size(); ++i) {
    llvm::StringRef line = lines[i];
    if (line.empty())
      continue;
    if (!line.starts_with(".")) {
      // Text before the first directive is the free-form header line.
      if (!seenDirective)
        continue;
      return error(i + 1,
                   "unexpected text '" + line + "'; expected a directive");
    }
    seenDirective = true;
    llvm::SmallVector<llvm::StringRef, 16> tokens;
    tokenize(line, tokens);
    llvm::StringRef dir = tokens.front();
    llvm::ArrayRef<llvm::StringRef> args = llvm::ArrayRef(tokens).drop_front();
    if (dir == ".end")
      return llvm::Error::success();
    if (dir == ".model") {
      if (seenModel)
        return error(i + 1, "duplicate '.model'");
      seenModel = true;
      if (!args.empty())
        modelName = args.front().str();
    } else if (dir == ".input" || dir == ".inputs") {
      if (inputLine)
        return error(i + 1, "duplicate '.input' (first on line " +
                                llvm::Twine(inputLine) + ")");
      inputLine = i + 1;
      for (llvm::StringRef name : args) {
        if (llvm::Error err =
                define(name, {true, unsigned(inputs.size())}, i + 1))
          return err;
        inputs.push_back(name);
      }
    } else if (dir == ".output" || dir == ".outputs") {
      if (outputLine)
        return error(i + 1, "duplicate '.output' (first on line " +
                                llvm::Twine(outputLine) + ")");
      outputLine = i + 1;
      outputs.assign(args.begin(), args.end());
    } else if (dir == ".threshold") {
      if (llvm::Error err = readThreshold(i, tokens))
        return err;
    } else {
      return error(i + 1, "unknown directive '" + dir + "'");
    }
  }
  return llvm::Error::success();
}

llvm::Error THParser::resolve() {
  for (const RawGate &gate : gates) {
    auto &resolved = fanins.emplace_back();
    for (llvm::StringRef name : gate.fanins) {
      if (name == "CONST1") {
        resolved.push_back(std::nullopt);
        continue;
      }
      auto it = defs.find(name);
      if (it == defs.end())
        return error(gate.line, "gate '" + gate.out +
                                    "' reads undefined signal '" + name + "'");
      resolved.push_back(it->second);
    }
  }
  llvm::StringMap<bool> seen;
  for (llvm::StringRef name : outputs) {
    if (!defs.count(name))
      return error(outputLine, "output '" + name + "' is never defined");
    if (!seen.try_emplace(name, true).second)
      return error(outputLine, "output '" + name + "' is listed twice");
  }
  return llvm::Error::success();
}

llvm::Expected<std::vector<unsigned>> THParser::topologicalOrder() {
  unsigned n = gates.size();
  std::vector<unsigned> pending(n, 0);
  std::vector<std::vector<unsigned>> readers(n);
  for (unsigned g = 0; g != n; ++g)
    for (const std::optional<Definition> &d : fanins[g])
      if (d && !d->isInput) {
        ++pending[g];
        readers[d->index].push_back(g);
      }
  std::priority_queue<unsigned, std::vector<unsigned>, std::greater<>> ready;
  for (unsigned g = 0; g != n; ++g)
    if (!pending[g])
      ready.push(g);
  std::vector<unsigned> order;
  while (!ready.empty()) {
    unsigned g = ready.top();
    ready.pop();
    order.push_back(g);
    for (unsigned r : readers[g])
      if (--pending[r] == 0)
        ready.push(r);
  }
  if (order.size() != n)
    for (unsigned g = 0; g != n; ++g)
      if (pending[g])
        return error(gates[g].line,
                     "gate '" + gates[g].out + "' is on a combinational cycle");
  return order;
}

llvm::Expected<Netlist> THParser::build(llvm::ArrayRef<unsigned> order) {
  Netlist net(modelName);
  for (llvm::StringRef name : inputs)
    net.addInput(name);
  std::vector<SignalId> signalOf(gates.size());
  auto signal = [&](const Definition &d) {
    return d.isInput ? SignalId(d.index) : signalOf[d.index];
  };
  for (unsigned g : order) {
    const RawGate &raw = gates[g];
    Gate gate;
    gate.threshold = raw.threshold;
    for (unsigned p = 0, e = raw.fanins.size(); p != e; ++p) {
      if (!fanins[g][p]) {
        gate.threshold -= raw.weights[p]; // CONST1 is always 1
        continue;
      }
      gate.inputs.push_back(signal(*fanins[g][p]));
      gate.weights.push_back(raw.weights[p]);
    }
    signalOf[g] = net.addGate(std::move(gate));
  }
  for (llvm::StringRef name : outputs) {
    SignalId s = signal(defs.find(name)->second);
    // Fold threABC's output buffers ([w x >= T], 0 < T <= w).
    if (net.isGateSignal(s)) {
      const Gate &buf = net.gates[s - net.numInputs()];
      if (buf.fanIn() == 1 && buf.threshold > 0 &&
          buf.threshold <= buf.weights[0])
        s = buf.inputs[0];
    }
    net.addOutput(name, s);
  }
  Netlist result = net.pruned();
  if (llvm::Error err = result.verify())
    return error(outputLine, llvm::toString(std::move(err)));
  return result;
}

llvm::Expected<Netlist> THParser::parse() {
  if (llvm::Error err = readDirectives())
    return err;
  if (llvm::Error err = resolve())
    return err;
  llvm::Expected<std::vector<unsigned>> order = topologicalOrder();
  if (!order)
    return order.takeError();
  return build(*order);
}

llvm::Expected<Netlist> axon::threshold::parseTH(llvm::StringRef text,
                                                 llvm::StringRef bufferName) {
  return THParser(text, bufferName).parse();
}
