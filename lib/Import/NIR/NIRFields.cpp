//===- NIRFields.cpp - typed reads of one NIR node's datasets -------------===//
//
// NIR writers disagree on small things (a Python int becomes a scalar
// dataset, a tuple a 1-D array; strings may be fixed or variable length;
// parameters float32 or float64), so every field is read leniently in form
// and strictly in meaning.
//
//===----------------------------------------------------------------------===//

#include "lib/Import/NIR/NIRFields.h"

#include "llvm/ADT/STLExtras.h"

using namespace axon::nir;
using namespace mlir;
using llvm::StringRef;

/// Largest signal dimension and element count accepted (keeps every later
/// shape computation far from int64 overflow).
static constexpr int64_t kMaxSignalElements = int64_t(1) << 31;

llvm::Expected<std::optional<std::string>>
axon::nir::readSingleString(hid_t group, StringRef name,
                            const FileImage &image) {
  auto fail = [&](const llvm::Twine &why) -> llvm::Error {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "'" + name + "' " + why);
  };
  llvm::Expected<ObjectKind> kind = getMemberKind(group, name);
  if (!kind)
    return kind.takeError();
  if (*kind == ObjectKind::Missing)
    return std::nullopt;
  if (*kind != ObjectKind::Dataset)
    return fail("is a group, expected a string dataset");
  llvm::Expected<H5Handle> dataset = openMember(group, name, *kind);
  if (!dataset)
    return dataset.takeError();
  llvm::Expected<DatasetInfo> info = describeDataset(dataset->get(), image);
  if (!info)
    return fail(llvm::toString(info.takeError()));
  if (info->typeClass != H5T_STRING)
    return fail("must be a string, got " + describeClass(*info) + " dataset");
  if (info->numElements != 1)
    return fail("must hold one string, got shape " + formatShape(info->dims));
  llvm::Expected<std::vector<std::string>> strings =
      readStrings(dataset->get(), *info, image);
  if (!strings)
    return fail(llvm::toString(strings.takeError()));
  return std::optional<std::string>((*strings)[0]);
}

Recorder::Builder FieldReader::fieldError(StringRef field) {
  return std::move(report.nodeError(node) << "dataset '" << field << "' ");
}

LogicalResult FieldReader::open(StringRef field, bool required, Field &out,
                                bool &found) {
  found = false;
  llvm::Expected<ObjectKind> kind = getMemberKind(group, field);
  if (!kind)
    return report.nodeError(node) << llvm::toString(kind.takeError());
  if (*kind == ObjectKind::Missing) {
    if (required)
      return report.nodeError(node)
             << "missing required dataset '" << field << "'";
    return success();
  }
  if (*kind != ObjectKind::Dataset)
    return fieldError(field) << "is a group, expected a dataset";
  llvm::Expected<H5Handle> dataset = openMember(group, field, *kind);
  if (!dataset)
    return fieldError(field) << llvm::toString(dataset.takeError());
  llvm::Expected<DatasetInfo> info = describeDataset(dataset->get(), image);
  if (!info)
    return fieldError(field) << llvm::toString(info.takeError());
  out.dataset = std::move(*dataset);
  out.info = std::move(*info);
  found = true;
  return success();
}

LogicalResult FieldReader::readParam(StringRef field, bool required,
                                     Param &value, bool &found) {
  Field f;
  if (failed(open(field, required, f, found)))
    return failure();
  if (!found)
    return success();
  if (f.info.typeClass != H5T_FLOAT)
    return fieldError(field) << "must be a float array, got "
                             << describeClass(f.info) << " dataset";
  if (f.info.numElements == 0)
    return fieldError(field)
           << "is empty (shape " << formatShape(f.info.dims) << ")";
  size_t size = f.info.elementSize;
  value.isF64 = size > 4;
  if (size != 4 && size != 8)
    report.nodeRemark(node)
        << "dataset '" << field << "' holds " << size * 8
        << "-bit floats; imported as " << (value.isF64 ? "f64" : "f32");
  llvm::Expected<std::vector<char>> bytes =
      readFloats(f.dataset.get(), f.info,
                 value.isF64 ? H5T_NATIVE_DOUBLE : H5T_NATIVE_FLOAT);
  if (!bytes)
    return fieldError(field) << llvm::toString(bytes.takeError());
  value.data = std::move(*bytes);
  value.shape.assign(f.info.dims.begin(), f.info.dims.end());
  if (f.info.isScalar)
    value.shape = {1};
  return success();
}

LogicalResult FieldReader::readInts(StringRef field, bool required,
                                    size_t maxCount,
                                    SmallVectorImpl<int64_t> &values,
                                    bool &found) {
  Field f;
  if (failed(open(field, required, f, found)))
    return failure();
  if (!found)
    return success();
  if (f.info.typeClass != H5T_INTEGER || f.info.dims.size() > 1)
    return fieldError(field)
           << "must be an integer or a 1-D integer array, got "
           << describeClass(f.info) << " dataset of shape "
           << formatShape(f.info.dims);
  if (f.info.numElements < 1 || size_t(f.info.numElements) > maxCount)
    return fieldError(field) << "must hold 1 to " << maxCount
                             << " integers, got " << f.info.numElements;
  llvm::Expected<SmallVector<int64_t>> read =
      readInt64s(f.dataset.get(), f.info);
  if (!read)
    return fieldError(field) << llvm::toString(read.takeError());
  values.assign(read->begin(), read->end());
  return success();
}

LogicalResult FieldReader::readInt(StringRef field, int64_t &value) {
  SmallVector<int64_t> values;
  bool found;
  if (failed(readInts(field, /*required=*/true, 1, values, found)))
    return failure();
  value = values.front();
  return success();
}

LogicalResult FieldReader::readPadding(size_t maxCount, Geometry &geometry) {
  llvm::Expected<ObjectKind> kind = getMemberKind(group, "padding");
  if (kind && *kind == ObjectKind::Dataset) {
    Field f;
    bool found;
    if (failed(open("padding", true, f, found)))
      return failure();
    if (f.info.typeClass == H5T_STRING) {
      llvm::Expected<std::optional<std::string>> mode =
          readSingleString(group, "padding", image);
      if (!mode)
        return report.nodeError(node) << llvm::toString(mode.takeError());
      if (**mode != "same" && **mode != "valid")
        return fieldError("padding")
               << "must be an integer, an integer array, \"same\" or "
                  "\"valid\", got \""
               << **mode << "\"";
      geometry.paddingMode = **mode;
      return success();
    }
  } else if (!kind) {
    llvm::consumeError(kind.takeError());
  }
  bool found;
  return readInts("padding", true, maxCount, geometry.padding, found);
}

/// Checks that a signal shape has positive, bounded dimensions.
static bool isValidSignalShape(llvm::ArrayRef<int64_t> shape) {
  int64_t count = 1;
  for (int64_t d : shape) {
    if (d < 1 || d > kMaxSignalElements || count > kMaxSignalElements / d)
      return false;
    count *= d;
  }
  return true;
}

LogicalResult FieldReader::readShape(StringRef field, bool required,
                                     SmallVectorImpl<int64_t> &shape,
                                     bool &found) {
  found = false;
  llvm::Expected<ObjectKind> kind = getMemberKind(group, field);
  if (!kind)
    return report.nodeError(node) << llvm::toString(kind.takeError());
  if (*kind == ObjectKind::Group && field == "input_type") {
    // NIR 1.0 writes Flatten's input_type as a dict: a group with 'input'.
    llvm::Expected<H5Handle> sub = openMember(group, field, *kind);
    if (!sub)
      return fieldError(field) << llvm::toString(sub.takeError());
    FieldReader inner(sub->get(), node, report, image);
    return inner.readShape("input", required, shape, found);
  }
  if (failed(readInts(field, required, H5S_MAX_RANK, shape, found)))
    return failure();
  if (found && !isValidSignalShape(shape))
    return fieldError(field)
           << "must list positive dimensions of at most 2^31 elements in "
              "total, got "
           << formatShape(shape);
  return success();
}

LogicalResult FieldReader::remarkUnknownFields() {
  llvm::Expected<std::vector<std::string>> members = listMembers(group, 1024);
  if (!members)
    return report.nodeError(node) << llvm::toString(members.takeError());
  const NodeSchema &schema = *node.schema;
  for (const std::string &member : *members) {
    StringRef name = member;
    if (name == "type" || name == "metadata" || name == "input_type" ||
        name == "output_type" || llvm::is_contained(schema.intFields, name) ||
        llvm::any_of(schema.params,
                     [&](const ParamSpec &p) { return p.name == name; }))
      continue;
    report.nodeRemark(node) << "ignoring unknown field '" << name << "'";
  }
  return success();
}
