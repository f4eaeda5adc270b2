//===- HDF5Util.h - checked, RAII access to HDF5 for NIR files --*- C++ -*-===//
//
// The NIR reader and writer talk to HDF5 only through these helpers so that
// every HDF5 return value is checked in one place, every handle is closed on
// every path (the fuzzer would report a leaked file image), and untrusted
// files cannot make the library reach outside the image (external links,
// external storage, virtual datasets, filter plugins).
//
//===----------------------------------------------------------------------===//
#ifndef LIB_IMPORT_NIR_HDF5UTIL_H
#define LIB_IMPORT_NIR_HDF5UTIL_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <hdf5.h>

#include <string>
#include <vector>

namespace axon {
namespace nir {

/// Owns one HDF5 identifier and closes it with the matching H5*close.
class H5Handle {
public:
  using Closer = herr_t (*)(hid_t);
  H5Handle() = default;
  H5Handle(hid_t id, Closer closer) : id(id), closer(closer) {}
  H5Handle(H5Handle &&other) : id(other.id), closer(other.closer) {
    other.id = H5I_INVALID_HID;
  }
  H5Handle &operator=(H5Handle &&other);
  H5Handle(const H5Handle &) = delete;
  H5Handle &operator=(const H5Handle &) = delete;
  ~H5Handle() { reset(); }

  void reset();
  hid_t get() const { return id; }
  bool valid() const { return id >= 0; }

private:
  hid_t id = H5I_INVALID_HID;
  Closer closer = nullptr;
};

/// Silences HDF5's automatic error printing (and plugin loading) while
/// alive, restoring the previous handler afterwards.
class H5Quiet {
public:
  H5Quiet();
  ~H5Quiet();
  H5Quiet(const H5Quiet &) = delete;
  H5Quiet &operator=(const H5Quiet &) = delete;

private:
  H5E_auto2_t oldFunc = nullptr;
  void *oldData = nullptr;
  bool restore = false;
};

/// The innermost message on HDF5's error stack ("" if empty); clears it.
std::string takeH5ErrorMessage();

/// Whether `bytes` carries the HDF5 signature at offset 0, 512, 1024, ...
bool hasHDF5Signature(llvm::StringRef bytes);

/// Opens a read-only HDF5 file on a private copy of `bytes` (core driver,
/// no backing store).
llvm::Expected<H5Handle> openImage(llvm::StringRef bytes);

/// The raw bytes of an open file image and what is needed to decode file
/// addresses in them, plus the reader's size limit.
struct FileImage {
  llvm::StringRef bytes;
  unsigned addressSize = 8, lengthSize = 8;
  uint64_t baseAddress = 0;
  /// Datasets larger than this once read are rejected.
  uint64_t maxBytes = 0;
};

/// Fills in the address/length sizes and base address of `file`.
llvm::Error describeImage(hid_t file, FileImage &image);

/// What a group member is.
enum class ObjectKind { Missing, Group, Dataset };

/// Looks up member `name` of `group` without following external or
/// user-defined links (rejected as errors).
llvm::Expected<ObjectKind> getMemberKind(hid_t group, llvm::StringRef name);

/// Opens member `name` (a group or dataset; see getMemberKind).
llvm::Expected<H5Handle> openMember(hid_t group, llvm::StringRef name,
                                    ObjectKind kind);

/// Names of the members of `group` in increasing name order.
llvm::Expected<std::vector<std::string>> listMembers(hid_t group,
                                                     size_t maxMembers);

/// Type, shape and storage of one dataset, checked for use on untrusted
/// files: simple or scalar dataspace, no external or virtual storage, every
/// filter available.
struct DatasetInfo {
  H5T_class_t typeClass = H5T_NO_CLASS;
  size_t elementSize = 0;
  bool isVariableString = false;
  bool isUnsigned = false;
  bool isScalar = false;
  llvm::SmallVector<int64_t> dims;
  int64_t numElements = 1;
  H5Handle type;
};

/// Describes `dataset`; data larger than `image.maxBytes` once read, or
/// contiguous data that does not lie inside the image, is rejected.
llvm::Expected<DatasetInfo> describeDataset(hid_t dataset,
                                            const FileImage &image);

/// "a string", "an integer", "a float", ... for messages.
llvm::StringRef describeClass(const DatasetInfo &info);

/// Reads every element of a string dataset (fixed or variable length,
/// ASCII or UTF-8) in row-major order.  Variable-length strings of a
/// contiguous dataset are decoded here from the image (bounds-checked)
/// rather than by HDF5, whose decoder trusts the lengths it reads.
llvm::Expected<std::vector<std::string>>
readStrings(hid_t dataset, const DatasetInfo &info, const FileImage &image);

/// Reads an integer dataset converted to int64.
llvm::Expected<llvm::SmallVector<int64_t>> readInt64s(hid_t dataset,
                                                      const DatasetInfo &info);

/// Reads a float dataset converted to `memType` (H5T_NATIVE_FLOAT or
/// H5T_NATIVE_DOUBLE) as raw bytes.
llvm::Expected<std::vector<char>>
readFloats(hid_t dataset, const DatasetInfo &info, hid_t memType);

//===----------------------------------------------------------------------===//
// Writing
//===----------------------------------------------------------------------===//

/// Creates an in-memory file (core driver, no backing store, no timestamps).
llvm::Expected<H5Handle> createImage();

/// The bytes of an open in-memory file.
llvm::Expected<std::vector<char>> getImageBytes(hid_t file);

/// Creates a group without timestamps.
llvm::Expected<H5Handle> createGroup(hid_t parent, llvm::StringRef name);

/// Writes a scalar variable-length UTF-8 string dataset.
llvm::Error writeString(hid_t parent, llvm::StringRef name,
                        llvm::StringRef value);

/// Writes a (rows, 2) variable-length UTF-8 string dataset.
llvm::Error
writeStringPairs(hid_t parent, llvm::StringRef name,
                 llvm::ArrayRef<std::pair<std::string, std::string>> rows);

/// Writes an int64 dataset: a scalar if `scalar`, else 1-D.
llvm::Error writeInt64s(hid_t parent, llvm::StringRef name,
                        llvm::ArrayRef<int64_t> values, bool scalar);

/// Writes a float dataset of `shape` (rank 0 = scalar) from native raw data
/// of `memType` (H5T_NATIVE_FLOAT or H5T_NATIVE_DOUBLE), stored as the
/// little-endian IEEE type `fileType`.
llvm::Error writeFloats(hid_t parent, llvm::StringRef name,
                        llvm::ArrayRef<int64_t> shape, const void *data,
                        hid_t memType, hid_t fileType);

} // namespace nir
} // namespace axon

#endif // LIB_IMPORT_NIR_HDF5UTIL_H
