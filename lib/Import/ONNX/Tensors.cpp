//===- Tensors.cpp - decode ONNX TensorProtos defensively -------*- C++ -*-===//
//
// Initializers and Constant values arrive as TensorProtos whose element data
// sits either in a typed repeated field or in little-endian `raw_data`.  Files
// are untrusted (the importer is fuzzed), so every size is checked against the
// declared dims before anything is allocated or read.
//
//===----------------------------------------------------------------------===//

#include "lib/Import/ONNX/Importer.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace axon::onnximport;

std::optional<int64_t>
axon::onnximport::checkedNumElements(llvm::ArrayRef<int64_t> dims) {
  int64_t n = 1;
  for (int64_t d : dims) {
    if (d < 0 || d > kMaxElements)
      return std::nullopt;
    n *= d; // both factors <= 2^30 here, so no overflow
    if (n > kMaxElements)
      return std::nullopt;
  }
  return n;
}

std::string axon::onnximport::formatDims(llvm::ArrayRef<int64_t> dims) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << "[";
  llvm::interleaveComma(dims, os);
  os << "]";
  return s;
}

namespace {
/// How one ONNX element type is stored.
struct ElementKind {
  const char *name;
  unsigned rawBytes; // 0: unsupported
  bool isFloat;
  bool isSigned;
};
} // namespace

static ElementKind getElementKind(int32_t dataType) {
  using T = onnx::TensorProto;
  switch (dataType) {
  case T::FLOAT:
    return {"float", 4, true, true};
  case T::DOUBLE:
    return {"double", 8, true, true};
  case T::INT64:
    return {"int64", 8, false, true};
  case T::INT32:
    return {"int32", 4, false, true};
  case T::INT16:
    return {"int16", 2, false, true};
  case T::INT8:
    return {"int8", 1, false, true};
  case T::UINT16:
    return {"uint16", 2, false, false};
  case T::UINT8:
    return {"uint8", 1, false, false};
  case T::BOOL:
    return {"bool", 1, false, false};
  case T::UINT32:
    return {"uint32", 4, false, false};
  case T::UINT64:
    return {"uint64", 8, false, false};
  case T::FLOAT16:
    return {"float16", 0, true, true};
  case T::BFLOAT16:
    return {"bfloat16", 0, true, true};
  case T::STRING:
    return {"string", 0, false, false};
  default:
    return {"unknown", 0, false, false};
  }
}

/// Reads element `i` of little-endian raw data.
static void readRaw(llvm::StringRef raw, int64_t i, const ElementKind &kind,
                    ConstTensor &out) {
  using namespace llvm::support;
  const char *p = raw.data() + i * kind.rawBytes;
  if (kind.isFloat) {
    if (kind.rawBytes == 4) {
      uint32_t bits = endian::read32le(p);
      float f;
      std::memcpy(&f, &bits, 4);
      out.values.push_back(f);
    } else {
      uint64_t bits = endian::read64le(p);
      double d;
      std::memcpy(&d, &bits, 8);
      out.values.push_back(d);
    }
    return;
  }
  int64_t v = 0;
  switch (kind.rawBytes) {
  case 1:
    v = kind.isSigned ? int64_t(int8_t(*p)) : int64_t(uint8_t(*p));
    break;
  case 2: {
    uint16_t u = endian::read16le(p);
    v = kind.isSigned ? int64_t(int16_t(u)) : int64_t(u);
    break;
  }
  case 4: {
    uint32_t u = endian::read32le(p);
    v = kind.isSigned ? int64_t(int32_t(u)) : int64_t(u);
    break;
  }
  default:
    v = static_cast<int64_t>(endian::read64le(p));
    break;
  }
  out.ints.push_back(v);
  out.values.push_back(static_cast<double>(v));
}

/// Fills `out` from the typed repeated field that holds `dataType`.
static bool readTyped(const onnx::TensorProto &t, int64_t n, ConstTensor &out,
                      std::string &error) {
  using T = onnx::TensorProto;
  auto mismatch = [&](int64_t have) {
    llvm::raw_string_ostream(error)
        << "holds " << have << " values but its dims " << formatDims(out.dims)
        << " need " << n;
    return false;
  };
  auto pushInt = [&](int64_t v) {
    out.ints.push_back(v);
    out.values.push_back(static_cast<double>(v));
  };
  switch (t.data_type()) {
  case T::FLOAT:
    if (t.float_data_size() != n)
      return mismatch(t.float_data_size());
    for (float f : t.float_data())
      out.values.push_back(f);
    return true;
  case T::DOUBLE:
    if (t.double_data_size() != n)
      return mismatch(t.double_data_size());
    for (double d : t.double_data())
      out.values.push_back(d);
    return true;
  case T::INT64:
    if (t.int64_data_size() != n)
      return mismatch(t.int64_data_size());
    for (int64_t v : t.int64_data())
      pushInt(v);
    return true;
  case T::UINT32:
  case T::UINT64:
    if (t.uint64_data_size() != n)
      return mismatch(t.uint64_data_size());
    for (uint64_t v : t.uint64_data())
      pushInt(static_cast<int64_t>(v));
    return true;
  default: // the small integer types live in int32_data
    if (t.int32_data_size() != n)
      return mismatch(t.int32_data_size());
    for (int32_t v : t.int32_data())
      pushInt(v);
    return true;
  }
}

std::optional<ConstTensor>
axon::onnximport::decodeTensor(const onnx::TensorProto &t, std::string &error) {
  ConstTensor out;
  out.dims.assign(t.dims().begin(), t.dims().end());
  std::optional<int64_t> n = checkedNumElements(out.dims);
  if (!n) {
    error = "has invalid or too large dims " + formatDims(out.dims);
    return std::nullopt;
  }
  if (t.data_location() == onnx::TensorProto::EXTERNAL) {
    error = "stores its data in an external file, which is not supported";
    return std::nullopt;
  }
  if (t.has_segment()) {
    error = "is segmented, which is not supported";
    return std::nullopt;
  }
  ElementKind kind = getElementKind(t.data_type());
  if (kind.rawBytes == 0) {
    llvm::raw_string_ostream(error)
        << "has unsupported element type " << kind.name << " (" << t.data_type()
        << ")";
    return std::nullopt;
  }
  out.isInteger = !kind.isFloat;
  if (t.has_raw_data()) {
    llvm::StringRef raw = t.raw_data();
    // n <= 2^30 and rawBytes <= 8, so the product fits in int64.
    if (static_cast<int64_t>(raw.size()) != *n * kind.rawBytes) {
      llvm::raw_string_ostream(error)
          << "has " << raw.size() << " bytes of raw_data but its dims "
          << formatDims(out.dims) << " of " << kind.name << " need "
          << *n * kind.rawBytes;
      return std::nullopt;
    }
    out.values.reserve(*n);
    for (int64_t i = 0; i < *n; ++i)
      readRaw(raw, i, kind, out);
    return out;
  }
  if (!readTyped(t, *n, out, error))
    return std::nullopt;
  return out;
}
