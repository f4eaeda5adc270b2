//===- HDF5Util.cpp - checked, RAII access to HDF5 for NIR files ----------===//
//
// Every HDF5 call of the NIR reader and writer goes through here; a failed
// call becomes an llvm::Error carrying the innermost message of HDF5's error
// stack, never a crash or a printed HDF5 trace.
//
//===----------------------------------------------------------------------===//

#include "lib/Import/NIR/HDF5Util.h"

#include "llvm/Support/FormatVariadic.h"

#include <H5PLpublic.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <map>
#include <optional>

using namespace axon::nir;
using llvm::Error;
using llvm::Expected;
using llvm::StringRef;

//===----------------------------------------------------------------------===//
// Handles and errors
//===----------------------------------------------------------------------===//

H5Handle &H5Handle::operator=(H5Handle &&other) {
  if (this != &other) {
    reset();
    id = other.id;
    closer = other.closer;
    other.id = H5I_INVALID_HID;
  }
  return *this;
}

void H5Handle::reset() {
  if (id >= 0 && closer)
    (void)closer(id);
  id = H5I_INVALID_HID;
}

H5Quiet::H5Quiet() {
  if (H5Eget_auto2(H5E_DEFAULT, &oldFunc, &oldData) >= 0)
    restore = true;
  (void)H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  // A file names the filters it needs; never let that load code from disk.
  (void)H5PLset_loading_state(0);
}

H5Quiet::~H5Quiet() {
  (void)H5Eclear2(H5E_DEFAULT);
  if (restore)
    (void)H5Eset_auto2(H5E_DEFAULT, oldFunc, oldData);
}

static herr_t recordMessage(unsigned, const H5E_error2_t *err, void *data) {
  if (err && err->desc && *err->desc)
    *static_cast<std::string *>(data) = err->desc;
  return 0;
}

std::string axon::nir::takeH5ErrorMessage() {
  std::string message;
  (void)H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, recordMessage, &message);
  (void)H5Eclear2(H5E_DEFAULT);
  return message;
}

/// An error "<what>" with HDF5's own reason appended when it gave one.
static Error h5Error(const llvm::Twine &what) {
  std::string reason = takeH5ErrorMessage();
  std::string text = what.str();
  if (!reason.empty())
    text += " (HDF5: " + reason + ")";
  return llvm::createStringError(llvm::inconvertibleErrorCode(), text);
}

static Error plainError(const llvm::Twine &what) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), what.str());
}

/// A link access property list that refuses to follow external links, so a
/// soft link through an external link cannot reach another file either.
static herr_t denyExternalLink(const char *, const char *, const char *,
                               const char *, unsigned *, hid_t, void *) {
  return -1;
}

static Expected<H5Handle> makeLinkAccess(hid_t plistClass = H5P_LINK_ACCESS) {
  // Group and dataset access lists derive from the link access list.
  H5Handle lapl(H5Pcreate(plistClass), H5Pclose);
  if (!lapl.valid() ||
      H5Pset_elink_cb(lapl.get(), denyExternalLink, nullptr) < 0)
    return h5Error("cannot create an HDF5 link access property list");
  return std::move(lapl);
}

/// Unique labels for in-memory files (HDF5 refuses to open one name twice).
static std::string nextImageName() {
  static std::atomic<uint64_t> counter{0};
  return "axon-nir-image-" + std::to_string(counter++);
}

//===----------------------------------------------------------------------===//
// Reading
//===----------------------------------------------------------------------===//

bool axon::nir::hasHDF5Signature(StringRef bytes) {
  static const char signature[] = "\x89HDF\r\n\x1a\n";
  for (size_t offset = 0; offset + 8 <= bytes.size();
       offset = offset ? offset * 2 : 512)
    if (std::memcmp(bytes.data() + offset, signature, 8) == 0)
      return true;
  return false;
}

Expected<H5Handle> axon::nir::openImage(StringRef bytes) {
  if (bytes.empty())
    return plainError("the file is empty");
  H5Handle fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
  if (!fapl.valid() || H5Pset_fapl_core(fapl.get(), 1 << 16, false) < 0 ||
      H5Pset_fclose_degree(fapl.get(), H5F_CLOSE_STRONG) < 0 ||
      H5Pset_file_image(fapl.get(), const_cast<char *>(bytes.data()),
                        bytes.size()) < 0)
    return h5Error("cannot set up an in-memory HDF5 file");
  std::string name = nextImageName();
  H5Handle file(H5Fopen(name.c_str(), H5F_ACC_RDONLY, fapl.get()), H5Fclose);
  if (!file.valid())
    return h5Error("the HDF5 library cannot open it");
  return std::move(file);
}

Expected<ObjectKind> axon::nir::getMemberKind(hid_t group, StringRef name) {
  std::string key = name.str();
  if (key.empty() || key.find('/') != std::string::npos || key == ".")
    return plainError("'" + name + "' is not a valid member name");
  Expected<H5Handle> lapl = makeLinkAccess();
  if (!lapl)
    return lapl.takeError();
  htri_t exists = H5Lexists(group, key.c_str(), lapl->get());
  if (exists < 0)
    return h5Error("cannot look up '" + name + "'");
  if (exists == 0)
    return ObjectKind::Missing;
  H5L_info_t linkInfo;
  if (H5Lget_info(group, key.c_str(), &linkInfo, lapl->get()) < 0)
    return h5Error("cannot read the link '" + name + "'");
  if (linkInfo.type != H5L_TYPE_HARD && linkInfo.type != H5L_TYPE_SOFT)
    return plainError("'" + name +
                      "' is an external or user-defined HDF5 link; NIR files "
                      "keep everything in one file");
  H5Handle object(H5Oopen(group, key.c_str(), lapl->get()), H5Oclose);
  if (!object.valid())
    return h5Error("'" + name + "' cannot be opened (a dangling link?)");
  switch (H5Iget_type(object.get())) {
  case H5I_GROUP:
    return ObjectKind::Group;
  case H5I_DATASET:
    return ObjectKind::Dataset;
  default:
    return plainError("'" + name +
                      "' is neither a group nor a dataset (a named datatype?)");
  }
}

Expected<H5Handle> axon::nir::openMember(hid_t group, StringRef name,
                                         ObjectKind kind) {
  Expected<H5Handle> lapl = makeLinkAccess(
      kind == ObjectKind::Group ? H5P_GROUP_ACCESS : H5P_DATASET_ACCESS);
  if (!lapl)
    return lapl.takeError();
  std::string key = name.str();
  H5Handle handle =
      kind == ObjectKind::Group
          ? H5Handle(H5Gopen2(group, key.c_str(), lapl->get()), H5Gclose)
          : H5Handle(H5Dopen2(group, key.c_str(), lapl->get()), H5Dclose);
  if (!handle.valid())
    return h5Error("cannot open '" + name + "'");
  return std::move(handle);
}

static herr_t collectName(hid_t, const char *name, const H5L_info_t *,
                          void *data) {
  static_cast<std::vector<std::string> *>(data)->push_back(name);
  return 0;
}

Expected<std::vector<std::string>> axon::nir::listMembers(hid_t group,
                                                          size_t maxMembers) {
  H5G_info_t info;
  if (H5Gget_info(group, &info) < 0)
    return h5Error("cannot read the group");
  if (info.nlinks > maxMembers)
    return plainError(llvm::formatv("the group has {0} members, more than the "
                                    "{1} supported",
                                    info.nlinks, maxMembers));
  std::vector<std::string> names;
  hsize_t index = 0;
  if (H5Literate(group, H5_INDEX_NAME, H5_ITER_INC, &index, collectName,
                 &names) < 0)
    return h5Error("cannot list the group's members");
  std::sort(names.begin(), names.end());
  return names;
}

/// Checks that contiguous raw data lies inside the image: HDF5 1.10 copies
/// it without checking, as it copies compact data of a corrupt size (both
/// crashes found by fuzzing).  Variable-length data is checked where it is
/// decoded.
static Error checkContiguous(hid_t dataset, const DatasetInfo &info,
                             const FileImage &image) {
  if (info.typeClass == H5T_STRING && info.isVariableString)
    return Error::success();
  haddr_t offset = H5Dget_offset(dataset);
  hsize_t storage = H5Dget_storage_size(dataset);
  (void)takeH5ErrorMessage();
  if (offset == HADDR_UNDEF)
    return storage == 0 ? Error::success()
                        : plainError("has raw data HDF5 cannot locate");
  uint64_t declared = uint64_t(info.numElements) * info.elementSize;
  if (storage != declared || offset > image.bytes.size() ||
      image.bytes.size() - offset < declared)
    return plainError("has raw data outside the file or of the wrong size");
  return Error::success();
}

/// Checks that the dataset's data stays inside the file and can be decoded.
static Error checkStorage(hid_t dataset, const DatasetInfo &info,
                          const FileImage &image) {
  H5Handle dcpl(H5Dget_create_plist(dataset), H5Pclose);
  if (!dcpl.valid())
    return h5Error("cannot read the dataset's creation properties");
  H5D_layout_t layout = H5Pget_layout(dcpl.get());
  if (layout < 0)
    return h5Error("cannot read the dataset's layout");
  if (layout == H5D_VIRTUAL)
    return plainError("is a virtual dataset (data in other files)");
  if (layout == H5D_CONTIGUOUS)
    if (Error err = checkContiguous(dataset, info, image))
      return err;
  if (layout == H5D_COMPACT && !info.isVariableString &&
      H5Dget_storage_size(dataset) !=
          uint64_t(info.numElements) * info.elementSize)
    return plainError("has compact raw data of the wrong size");
  int external = H5Pget_external_count(dcpl.get());
  if (external != 0)
    return plainError("stores its data in external files");
  int numFilters = H5Pget_nfilters(dcpl.get());
  if (numFilters < 0)
    return h5Error("cannot read the dataset's filters");
  for (int i = 0; i < numFilters; ++i) {
    unsigned flags = 0, config = 0;
    size_t numValues = 0;
    char name[64] = {0};
    H5Z_filter_t filter = H5Pget_filter2(dcpl.get(), i, &flags, &numValues,
                                         nullptr, sizeof(name), name, &config);
    if (filter < 0)
      return h5Error("cannot read the dataset's filters");
    unsigned filterInfo = 0;
    if (H5Zfilter_avail(filter) <= 0 ||
        H5Zget_filter_info(filter, &filterInfo) < 0 ||
        !(filterInfo & H5Z_FILTER_CONFIG_DECODE_ENABLED)) {
      (void)takeH5ErrorMessage();
      return plainError(llvm::formatv(
          "is compressed with HDF5 filter {0} ('{1}'), which this HDF5 "
          "library cannot decode",
          filter, llvm::StringRef(name, strnlen(name, sizeof(name)))));
    }
  }
  return Error::success();
}

/// Reads the dataspace into `info` (rank, dimensions, element count).
static Error readDataspace(hid_t dataset, DatasetInfo &info) {
  H5Handle space(H5Dget_space(dataset), H5Sclose);
  if (!space.valid())
    return h5Error("cannot read the dataspace");
  H5S_class_t spaceClass = H5Sget_simple_extent_type(space.get());
  if (spaceClass == H5S_SCALAR) {
    info.isScalar = true;
    return Error::success();
  }
  if (spaceClass != H5S_SIMPLE)
    return plainError("has no data (null dataspace)");
  int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 0 || rank > H5S_MAX_RANK)
    return h5Error("has an unreadable dataspace");
  hsize_t dims[H5S_MAX_RANK];
  if (H5Sget_simple_extent_dims(space.get(), dims, nullptr) < 0)
    return h5Error("has an unreadable dataspace");
  const uint64_t limit = uint64_t(1) << 40;
  uint64_t count = 1;
  for (int i = 0; i < rank; ++i) {
    if (dims[i] > limit || (dims[i] && count > limit / dims[i]))
      return plainError("has an absurdly large shape");
    count *= dims[i];
    info.dims.push_back(static_cast<int64_t>(dims[i]));
  }
  info.numElements = static_cast<int64_t>(count);
  return Error::success();
}

Expected<DatasetInfo> axon::nir::describeDataset(hid_t dataset,
                                                 const FileImage &image) {
  uint64_t maxBytes = image.maxBytes;
  DatasetInfo info;
  info.type = H5Handle(H5Dget_type(dataset), H5Tclose);
  if (!info.type.valid())
    return h5Error("cannot read the datatype");
  info.typeClass = H5Tget_class(info.type.get());
  info.elementSize = H5Tget_size(info.type.get());
  if (info.typeClass < 0 || info.elementSize == 0)
    return h5Error("has an unreadable datatype");
  if (info.typeClass == H5T_STRING) {
    htri_t variable = H5Tis_variable_str(info.type.get());
    if (variable < 0)
      return h5Error("has an unreadable string type");
    info.isVariableString = variable > 0;
  }
  if (info.typeClass == H5T_INTEGER)
    info.isUnsigned = H5Tget_sign(info.type.get()) == H5T_SGN_NONE;
  if (Error err = readDataspace(dataset, info))
    return std::move(err);
  uint64_t elementBytes =
      std::max<uint64_t>(info.isVariableString ? 16 : info.elementSize, 8);
  if (uint64_t(info.numElements) > maxBytes / elementBytes)
    return plainError(llvm::formatv(
        "holds {0} elements, more than the file's size allows ({1} bytes "
        "once read)",
        info.numElements, maxBytes));
  if (Error err = checkStorage(dataset, info, image))
    return std::move(err);
  return std::move(info);
}

StringRef axon::nir::describeClass(const DatasetInfo &info) {
  switch (info.typeClass) {
  case H5T_INTEGER:
    return "an integer";
  case H5T_FLOAT:
    return "a float";
  case H5T_STRING:
    return "a string";
  case H5T_COMPOUND:
    return "a compound";
  case H5T_ENUM:
    return "an enum (boolean?)";
  case H5T_ARRAY:
    return "an array-typed";
  case H5T_VLEN:
    return "a variable-length";
  default:
    return "an unsupported-type";
  }
}

/// Reads variable-length strings through HDF5's own decoder (used when the
/// data is not contiguous, so it cannot be decoded from the image).
static Expected<std::vector<std::string>>
readVariableStringsWithHDF5(hid_t dataset, const DatasetInfo &info) {
  H5Handle memType(H5Tcopy(H5T_C_S1), H5Tclose);
  H5T_cset_t cset = H5Tget_cset(info.type.get());
  if (!memType.valid() || cset < 0 ||
      H5Tset_size(memType.get(), H5T_VARIABLE) < 0 ||
      H5Tset_cset(memType.get(), cset) < 0)
    return h5Error("cannot set up a string type");
  std::vector<char *> buffer(info.numElements, nullptr);
  if (H5Dread(dataset, memType.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT,
              buffer.data()) < 0)
    return h5Error("cannot read the strings");
  std::vector<std::string> out;
  out.reserve(buffer.size());
  for (char *s : buffer)
    out.push_back(s ? std::string(s) : std::string());
  H5Handle space(H5Dget_space(dataset), H5Sclose);
  if (space.valid())
    (void)H5Dvlen_reclaim(memType.get(), space.get(), H5P_DEFAULT,
                          buffer.data());
  return std::move(out);
}

Error axon::nir::describeImage(hid_t file, FileImage &image) {
  H5Handle fcpl(H5Fget_create_plist(file), H5Pclose);
  size_t addressSize = 0, lengthSize = 0;
  hsize_t userBlock = 0;
  if (!fcpl.valid() ||
      H5Pget_sizes(fcpl.get(), &addressSize, &lengthSize) < 0 ||
      H5Pget_userblock(fcpl.get(), &userBlock) < 0)
    return h5Error("cannot read the superblock's parameters");
  if (addressSize < 2 || addressSize > 8 || lengthSize < 2 || lengthSize > 8)
    return plainError(llvm::formatv("unsupported address/length sizes {0}/{1}",
                                    addressSize, lengthSize));
  image.addressSize = addressSize;
  image.lengthSize = lengthSize;
  image.baseAddress = userBlock;
  return Error::success();
}

/// Little-endian unsigned integer of `size` bytes at `data`.
static uint64_t readLE(const char *data, unsigned size) {
  uint64_t value = 0;
  for (unsigned i = 0; i < size; ++i)
    value |= uint64_t(static_cast<unsigned char>(data[i])) << (8 * i);
  return value;
}

namespace {
/// The objects of the global heap collections a dataset refers to, parsed
/// once each: object index -> (offset in the image, size).
class GlobalHeaps {
public:
  explicit GlobalHeaps(const FileImage &image) : image(image) {}
  Expected<StringRef> lookup(uint64_t address, unsigned index);

private:
  Error parse(uint64_t address);
  const FileImage &image;
  // std::map: addresses and indices come from the file and may be any
  // value, including DenseMap's reserved keys.
  std::map<uint64_t, std::map<unsigned, StringRef>> heaps;
};
} // namespace

Error GlobalHeaps::parse(uint64_t address) {
  StringRef bytes = image.bytes;
  unsigned lengthSize = image.lengthSize;
  uint64_t header = 8 + lengthSize;
  if (address > bytes.size() || bytes.size() - address < header ||
      bytes.substr(address, 4) != "GCOL" || bytes[address + 4] != 1)
    return plainError("refers to a damaged global heap");
  uint64_t size = readLE(bytes.data() + address + 8, lengthSize);
  if (size < header || size > bytes.size() - address)
    return plainError("refers to a global heap that overruns the file");
  uint64_t end = address + size, at = address + header;
  std::map<unsigned, StringRef> &objects = heaps[address];
  while (end - at >= header) {
    unsigned index = readLE(bytes.data() + at, 2);
    uint64_t objectSize = readLE(bytes.data() + at + 8, lengthSize);
    uint64_t data = at + header;
    if (index == 0) // the free space at the end
      break;
    if (objectSize > end - data)
      return plainError("has a global heap object that overruns its heap");
    objects[index] = bytes.substr(data, objectSize);
    uint64_t padded = (objectSize + 7) & ~uint64_t(7);
    if (padded > end - data)
      break;
    at = data + padded;
  }
  return Error::success();
}

Expected<StringRef> GlobalHeaps::lookup(uint64_t address, unsigned index) {
  if (!heaps.count(address))
    if (Error err = parse(address))
      return std::move(err);
  auto &objects = heaps[address];
  auto it = objects.find(index);
  if (it == objects.end())
    return plainError("refers to a missing global heap object");
  return it->second;
}

/// Decodes variable-length strings of a contiguous dataset directly from
/// the image; std::nullopt if the layout is not the one expected.
static Expected<std::optional<std::vector<std::string>>>
decodeVariableStrings(hid_t dataset, const DatasetInfo &info,
                      const FileImage &image) {
  H5Handle dcpl(H5Dget_create_plist(dataset), H5Pclose);
  if (!dcpl.valid())
    return h5Error("cannot read the dataset's creation properties");
  if (H5Pget_layout(dcpl.get()) != H5D_CONTIGUOUS)
    return std::nullopt; // compact or chunked: only HDF5 can find the data
  // A contiguous dataset is decoded here or rejected: HDF5's decoder hangs
  // or crashes on the damaged layouts that end up here.
  haddr_t offset = H5Dget_offset(dataset);
  hsize_t storage = H5Dget_storage_size(dataset);
  uint64_t element = 4 + image.addressSize + 4;
  (void)takeH5ErrorMessage();
  if (offset == HADDR_UNDEF && storage == 0) // never written: fill values
    return std::optional<std::vector<std::string>>(
        std::vector<std::string>(info.numElements));
  if (offset == HADDR_UNDEF || storage != info.numElements * element)
    return plainError("has variable-length string data of the wrong size");
  StringRef bytes = image.bytes;
  if (offset > bytes.size() ||
      bytes.size() - offset < info.numElements * element)
    return plainError("has string data outside the file");
  GlobalHeaps heaps(image);
  std::vector<std::string> out;
  for (int64_t i = 0; i < info.numElements; ++i) {
    const char *cell = bytes.data() + offset + i * element;
    uint64_t length = readLE(cell, 4);
    uint64_t heap = readLE(cell + 4, image.addressSize) + image.baseAddress;
    unsigned index = readLE(cell + 4 + image.addressSize, 4);
    if (length == 0) {
      out.emplace_back();
      continue;
    }
    Expected<StringRef> object = heaps.lookup(heap, index);
    if (!object)
      return object.takeError();
    if (length > object->size())
      return plainError("has a string longer than its global heap object");
    StringRef text = object->take_front(length);
    out.push_back(text.take_front(text.find('\0')).str());
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

static Expected<std::vector<std::string>>
readVariableStrings(hid_t dataset, const DatasetInfo &info,
                    const FileImage &image) {
  Expected<std::optional<std::vector<std::string>>> decoded =
      decodeVariableStrings(dataset, info, image);
  if (!decoded)
    return decoded.takeError();
  if (*decoded)
    return std::move(**decoded);
  return readVariableStringsWithHDF5(dataset, info);
}

static Expected<std::vector<std::string>>
readFixedStrings(hid_t dataset, const DatasetInfo &info) {
  size_t size = info.elementSize;
  H5Handle memType(H5Tcopy(H5T_C_S1), H5Tclose);
  H5T_cset_t cset = H5Tget_cset(info.type.get());
  // Null padding keeps strings that fill the whole field intact.
  if (!memType.valid() || cset < 0 || H5Tset_size(memType.get(), size) < 0 ||
      H5Tset_strpad(memType.get(), H5T_STR_NULLPAD) < 0 ||
      H5Tset_cset(memType.get(), cset) < 0)
    return h5Error("cannot set up a string type");
  std::vector<char> buffer(size * info.numElements, 0);
  if (H5Dread(dataset, memType.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT,
              buffer.data()) < 0)
    return h5Error("cannot read the strings");
  std::vector<std::string> out;
  for (int64_t i = 0; i < info.numElements; ++i) {
    const char *start = buffer.data() + i * size;
    out.emplace_back(start, strnlen(start, size));
  }
  return std::move(out);
}

Expected<std::vector<std::string>>
axon::nir::readStrings(hid_t dataset, const DatasetInfo &info,
                       const FileImage &image) {
  if (info.typeClass != H5T_STRING)
    return plainError("is not a string dataset");
  if (info.isVariableString)
    return readVariableStrings(dataset, info, image);
  return readFixedStrings(dataset, info);
}

Expected<llvm::SmallVector<int64_t>>
axon::nir::readInt64s(hid_t dataset, const DatasetInfo &info) {
  if (info.typeClass != H5T_INTEGER)
    return plainError("is not an integer dataset");
  llvm::SmallVector<int64_t> values(info.numElements, 0);
  if (H5Dread(dataset, H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT,
              values.data()) < 0)
    return h5Error("cannot read the integers");
  return std::move(values);
}

Expected<std::vector<char>>
axon::nir::readFloats(hid_t dataset, const DatasetInfo &info, hid_t memType) {
  if (info.typeClass != H5T_FLOAT)
    return plainError("is not a float dataset");
  std::vector<char> bytes(info.numElements * H5Tget_size(memType), 0);
  if (H5Dread(dataset, memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, bytes.data()) <
      0)
    return h5Error("cannot read the values");
  return std::move(bytes);
}

//===----------------------------------------------------------------------===//
// Writing
//===----------------------------------------------------------------------===//

Expected<H5Handle> axon::nir::createImage() {
  H5Handle fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
  H5Handle fcpl(H5Pcreate(H5P_FILE_CREATE), H5Pclose);
  if (!fapl.valid() || !fcpl.valid() ||
      H5Pset_fapl_core(fapl.get(), 1 << 16, false) < 0 ||
      H5Pset_obj_track_times(fcpl.get(), false) < 0)
    return h5Error("cannot set up an in-memory HDF5 file");
  std::string name = nextImageName();
  H5Handle file(H5Fcreate(name.c_str(), H5F_ACC_TRUNC, fcpl.get(), fapl.get()),
                H5Fclose);
  if (!file.valid())
    return h5Error("cannot create an in-memory HDF5 file");
  return std::move(file);
}

Expected<std::vector<char>> axon::nir::getImageBytes(hid_t file) {
  if (H5Fflush(file, H5F_SCOPE_GLOBAL) < 0)
    return h5Error("cannot flush the HDF5 file");
  ssize_t size = H5Fget_file_image(file, nullptr, 0);
  if (size <= 0)
    return h5Error("cannot get the HDF5 file image");
  std::vector<char> bytes(size, 0);
  if (H5Fget_file_image(file, bytes.data(), bytes.size()) != size)
    return h5Error("cannot get the HDF5 file image");
  return std::move(bytes);
}

Expected<H5Handle> axon::nir::createGroup(hid_t parent, StringRef name) {
  H5Handle gcpl(H5Pcreate(H5P_GROUP_CREATE), H5Pclose);
  if (!gcpl.valid() || H5Pset_obj_track_times(gcpl.get(), false) < 0)
    return h5Error("cannot set up group creation");
  std::string key = name.str();
  H5Handle group(
      H5Gcreate2(parent, key.c_str(), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT),
      H5Gclose);
  if (!group.valid())
    return h5Error("cannot create group '" + name + "'");
  return std::move(group);
}

/// Creates dataset `name` (no timestamps) and writes `data` to it.
static Error writeDataset(hid_t parent, StringRef name, hid_t fileType,
                          hid_t memType, hid_t space, const void *data) {
  H5Handle dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
  if (!dcpl.valid() || H5Pset_obj_track_times(dcpl.get(), false) < 0)
    return h5Error("cannot set up dataset creation");
  std::string key = name.str();
  H5Handle dataset(H5Dcreate2(parent, key.c_str(), fileType, space, H5P_DEFAULT,
                              dcpl.get(), H5P_DEFAULT),
                   H5Dclose);
  if (!dataset.valid())
    return h5Error("cannot create dataset '" + name + "'");
  if (H5Dwrite(dataset.get(), memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) < 0)
    return h5Error("cannot write dataset '" + name + "'");
  return Error::success();
}

static Expected<H5Handle> makeUtf8StringType() {
  H5Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
  if (!type.valid() || H5Tset_size(type.get(), H5T_VARIABLE) < 0 ||
      H5Tset_cset(type.get(), H5T_CSET_UTF8) < 0)
    return h5Error("cannot create a string type");
  return std::move(type);
}

/// A dataspace of `shape`; rank 0 gives a scalar dataspace.
static H5Handle makeSpace(llvm::ArrayRef<int64_t> shape) {
  if (shape.empty())
    return H5Handle(H5Screate(H5S_SCALAR), H5Sclose);
  llvm::SmallVector<hsize_t> dims(shape.begin(), shape.end());
  return H5Handle(H5Screate_simple(dims.size(), dims.data(), nullptr),
                  H5Sclose);
}

Error axon::nir::writeString(hid_t parent, StringRef name, StringRef value) {
  Expected<H5Handle> type = makeUtf8StringType();
  if (!type)
    return type.takeError();
  H5Handle space = makeSpace({});
  if (!space.valid())
    return h5Error("cannot create a dataspace");
  std::string copy = value.str();
  const char *pointer = copy.c_str();
  return writeDataset(parent, name, type->get(), type->get(), space.get(),
                      &pointer);
}

Error axon::nir::writeStringPairs(
    hid_t parent, StringRef name,
    llvm::ArrayRef<std::pair<std::string, std::string>> rows) {
  Expected<H5Handle> type = makeUtf8StringType();
  if (!type)
    return type.takeError();
  H5Handle space = makeSpace({static_cast<int64_t>(rows.size()), 2});
  if (!space.valid())
    return h5Error("cannot create a dataspace");
  std::vector<const char *> cells;
  for (const auto &row : rows) {
    cells.push_back(row.first.c_str());
    cells.push_back(row.second.c_str());
  }
  return writeDataset(parent, name, type->get(), type->get(), space.get(),
                      cells.data());
}

Error axon::nir::writeInt64s(hid_t parent, StringRef name,
                             llvm::ArrayRef<int64_t> values, bool scalar) {
  H5Handle space =
      scalar ? makeSpace({}) : makeSpace({static_cast<int64_t>(values.size())});
  if (!space.valid())
    return h5Error("cannot create a dataspace");
  return writeDataset(parent, name, H5T_STD_I64LE, H5T_NATIVE_INT64,
                      space.get(), values.data());
}

Error axon::nir::writeFloats(hid_t parent, StringRef name,
                             llvm::ArrayRef<int64_t> shape, const void *data,
                             hid_t memType, hid_t fileType) {
  H5Handle space = makeSpace(shape);
  if (!space.valid())
    return h5Error("cannot create a dataspace");
  return writeDataset(parent, name, fileType, memType, space.get(), data);
}
