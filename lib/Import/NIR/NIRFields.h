//===- NIRFields.h - typed reads of one NIR node's datasets -----*- C++ -*-===//
//
// Reads the datasets of one node group as what NIR says they are (float
// parameter arrays, integer fields given as scalar or array, strings) and
// turns every mismatch into one diagnostic naming the node and the field.
//
//===----------------------------------------------------------------------===//
#ifndef LIB_IMPORT_NIR_NIRFIELDS_H
#define LIB_IMPORT_NIR_NIRFIELDS_H

#include "lib/Import/NIR/HDF5Util.h"
#include "lib/Import/NIR/NIRGraph.h"

#include "mlir/Support/LogicalResult.h"

namespace axon {
namespace nir {

/// Reads a string dataset holding exactly one string (scalar or [1]).
/// Returns std::nullopt if `name` is missing; an error if it is not a string.
llvm::Expected<std::optional<std::string>>
readSingleString(hid_t group, llvm::StringRef name, const FileImage &image);

/// Typed access to the fields of one node group.
class FieldReader {
public:
  FieldReader(hid_t group, Node &node, Recorder &report, const FileImage &image)
      : group(group), node(node), report(report), image(image) {}

  /// Reads the float parameter `field` (f32 or f64, as stored; a scalar
  /// becomes shape [1]).  Sets `found` to false if the field is missing and
  /// not `required`.
  mlir::LogicalResult readParam(llvm::StringRef field, bool required,
                                Param &value, bool &found);

  /// Reads an integer field given as a scalar or a 1-D array of at most
  /// `maxCount` values.  Sets `found` to false if missing and not required.
  mlir::LogicalResult readInts(llvm::StringRef field, bool required,
                               size_t maxCount,
                               llvm::SmallVectorImpl<int64_t> &values,
                               bool &found);

  /// Reads a single integer (scalar or one-element array).
  mlir::LogicalResult readInt(llvm::StringRef field, int64_t &value);

  /// Reads `padding`: integers, or the string "same" / "valid".
  mlir::LogicalResult readPadding(size_t maxCount, Geometry &geometry);

  /// Reads a shape field (`shape`, `input_shape`, `input_type`): positive
  /// dimensions.  `input_type` may also be a group holding `input` (NIR
  /// 1.0's dict layout).
  mlir::LogicalResult readShape(llvm::StringRef field, bool required,
                                llvm::SmallVectorImpl<int64_t> &shape,
                                bool &found);

  /// Emits a remark for every member that is not a field of the node's type
  /// (metadata, input_type and output_type are expected and ignored).
  mlir::LogicalResult remarkUnknownFields();

private:
  struct Field {
    H5Handle dataset;
    DatasetInfo info;
  };
  /// Opens dataset `field`; `found` false if missing.
  mlir::LogicalResult open(llvm::StringRef field, bool required, Field &out,
                           bool &found);
  Recorder::Builder fieldError(llvm::StringRef field);

  hid_t group;
  Node &node;
  Recorder &report;
  const FileImage &image;
};

} // namespace nir
} // namespace axon

#endif // LIB_IMPORT_NIR_NIRFIELDS_H
