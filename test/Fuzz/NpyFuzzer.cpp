//===- NpyFuzzer.cpp - libFuzzer target of the .npy reader ----------------===//
//
// Feeds arbitrary bytes to npy::parse. A rejected file is fine; a crash, a
// sanitizer report or an accepted array that breaks the reader's promises is
// a finding: the data must hold exactly numElements() elements of the dtype,
// and serialize() must give a file that parses back to the same array.
//
//===----------------------------------------------------------------------===//

#include "sqz/Support/NpyIO.h"

#include "llvm/Support/ErrorHandling.h"

#include <cstddef>
#include <cstdint>

using namespace mlir::sqz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef bytes(reinterpret_cast<const char *>(data), size);
  llvm::Expected<npy::Array> array = npy::parse(bytes);
  if (!array) {
    llvm::consumeError(array.takeError());
    return 0;
  }
  if (array->data.size() != uint64_t(array->numElements()) * array->dtype.size)
    llvm::report_fatal_error("npy::parse: data size does not match the shape");

  std::string image = npy::serialize(*array);
  llvm::Expected<npy::Array> reparsed = npy::parse(image);
  if (!reparsed)
    llvm::report_fatal_error(
        llvm::Twine("npy::parse rejects what npy::serialize wrote: ") +
        llvm::toString(reparsed.takeError()));
  if (reparsed->dtype != array->dtype || reparsed->shape != array->shape ||
      reparsed->data != array->data)
    llvm::report_fatal_error("npy::serialize/npy::parse round trip differs");
  return 0;
}
