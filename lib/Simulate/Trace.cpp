//===- Trace.cpp - CSV input traces and probe output ------------*- C++ -*-===//
//
// Messages have the form `FILE:LINE: what is wrong`, as compilers print them,
// so editors can jump to the offending line of a trace.
//
//===----------------------------------------------------------------------===//

#include "axon/Simulate/Trace.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>

using namespace axon::sim;
using llvm::Error;
using llvm::Expected;
using llvm::StringRef;

static Error lineError(StringRef file, size_t line, const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 file + ":" + llvm::Twine(line) + ": " + msg);
}

static Expected<std::string> readFile(StringRef path) {
  auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buf)
    return llvm::createStringError(buf.getError(), "cannot read '%s': %s",
                                   path.str().c_str(),
                                   buf.getError().message().c_str());
  return (*buf)->getBuffer().str();
}

/// Splits a line into trimmed comma-separated fields.
static llvm::SmallVector<StringRef, 8> fields(StringRef line) {
  llvm::SmallVector<StringRef, 8> out;
  line.split(out, ',');
  for (StringRef &f : out)
    f = f.trim();
  return out;
}

static bool parseNumber(StringRef field, double &value) {
  return !field.empty() && !field.getAsDouble(value) && std::isfinite(value);
}

/// Calls fn(lineNumber, fields) for every non-blank, non-comment line.
template <class Fn> static Error forEachLine(StringRef text, Fn fn) {
  size_t lineNo = 0;
  while (!text.empty()) {
    auto [line, rest] = text.split('\n');
    text = rest;
    ++lineNo;
    line = line.trim();
    if (line.empty() || line.starts_with("#"))
      continue;
    if (Error err = fn(lineNo, fields(line)))
      return err;
  }
  return Error::success();
}

Expected<InputTrace>
axon::sim::parseDenseCSV(StringRef text, StringRef name,
                         std::vector<std::string> *header) {
  InputTrace trace;
  size_t width = 0;
  bool first = true;
  Error err = forEachLine(text, [&](size_t lineNo, auto cols) -> Error {
    std::vector<double> row(cols.size());
    bool numeric = true;
    for (size_t i = 0; i < cols.size(); ++i)
      numeric &= parseNumber(cols[i], row[i]);
    if (!numeric && first) {
      first = false;
      if (header)
        for (StringRef c : cols)
          header->push_back(c.str());
      width = cols.size();
      return Error::success();
    }
    first = false;
    if (!numeric)
      return lineError(name, lineNo, "expected numbers separated by commas");
    if (width && cols.size() != width)
      return lineError(
          name, lineNo,
          llvm::formatv("{0} columns, expected {1}", cols.size(), width));
    width = cols.size();
    trace.rows.push_back(std::move(row));
    return Error::success();
  });
  if (err)
    return std::move(err);
  return trace;
}

Expected<InputTrace> axon::sim::readDenseCSV(StringRef path,
                                             std::vector<std::string> *header) {
  auto text = readFile(path);
  if (!text)
    return text.takeError();
  return parseDenseCSV(*text, path, header);
}

Expected<InputTrace> axon::sim::parseEventCSV(StringRef text, StringRef name,
                                              uint32_t size) {
  InputTrace trace;
  trace.isEvents = true;
  bool first = true;
  Error err = forEachLine(text, [&](size_t lineNo, auto cols) -> Error {
    uint64_t step = 0, index = 0;
    bool ok = cols.size() == 2 && !cols[0].getAsInteger(10, step) &&
              !cols[1].getAsInteger(10, index);
    bool wasFirst = first;
    first = false;
    if (!ok && wasFirst)
      return Error::success(); // header
    if (!ok)
      return lineError(name, lineNo,
                       "expected 'step,index' (two "
                       "non-negative integers)");
    if (index > UINT32_MAX || (size && index >= size))
      return lineError(name, lineNo,
                       llvm::formatv("index {0} out of range", index));
    if (step >= (uint64_t(1) << 32))
      return lineError(name, lineNo, "step too large");
    if (trace.events.size() <= step)
      trace.events.resize(step + 1);
    trace.events[step].push_back(uint32_t(index));
    return Error::success();
  });
  if (err)
    return std::move(err);
  for (auto &ev : trace.events)
    std::sort(ev.begin(), ev.end());
  return trace;
}

Expected<InputTrace> axon::sim::readEventCSV(StringRef path, uint32_t size) {
  auto text = readFile(path);
  if (!text)
    return text.takeError();
  return parseEventCSV(*text, path, size);
}

Expected<InputTrace>
axon::sim::selectColumns(const InputTrace &trace,
                         llvm::ArrayRef<unsigned> columns) {
  if (trace.isEvents)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "selectColumns needs a dense trace");
  InputTrace out;
  for (size_t r = 0; r < trace.rows.size(); ++r) {
    std::vector<double> row;
    for (unsigned c : columns) {
      if (c >= trace.rows[r].size())
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       "row %zu has no column %u", r, c);
      row.push_back(trace.rows[r][c]);
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

//===----------------------------------------------------------------------===//
// ProbeRecorder
//===----------------------------------------------------------------------===//

Expected<std::vector<double>> ProbeRecorder::column(StringRef name) const {
  auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "no probe column '%s'", name.str().c_str());
  size_t c = it - names.begin();
  std::vector<double> out;
  for (size_t r = 0; r < numRows(); ++r)
    out.push_back(data[r * names.size() + c]);
  return out;
}

void ProbeRecorder::writeCSV(llvm::raw_ostream &os) const {
  for (size_t c = 0; c < names.size(); ++c)
    os << (c ? "," : "") << names[c];
  os << "\n";
  for (size_t r = 0; r < numRows(); ++r) {
    auto values = row(r);
    for (size_t c = 0; c < values.size(); ++c)
      os << (c ? "," : "") << llvm::format("%.17g", values[c]);
    os << "\n";
  }
}

Error ProbeRecorder::writeCSV(StringRef path) const {
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec, llvm::sys::fs::OF_Text);
  if (ec)
    return llvm::createStringError(ec, "cannot write '%s': %s",
                                   path.str().c_str(), ec.message().c_str());
  writeCSV(os);
  return Error::success();
}
