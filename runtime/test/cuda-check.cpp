//===- cuda-check.cpp - The CUDA runtime on this machine's GPU ------------===//
//
// Without arguments, prints the GPU that compiled models would use,
// `cuda: NVIDIA H100 80GB HBM3 (sm_90), driver 13.0`, or why there is none
// (then exits 1).
//
// `--run-cubin FILE` runs the kernel `vector_add` of runtime/test/
// vector_add.mlir (c[i] = a[i] + b[i] over three memref<?xf32>, whose
// descriptors the lowered kernel takes expanded: allocated pointer, aligned
// pointer, offset, size, stride) through the `mgpu*` functions the way
// compiled code calls them, and checks each result bit for bit against the
// same f32 additions on the host: launches on two streams joined by an
// event, managed memory, the runtime's synchronous copies, page-locked host
// memory, fills of 16 and 32 bits, more than 48 KiB of dynamic shared
// memory, and on sm_90 and later thread-block clusters and TMA descriptors.
// FILE is a cubin or fatbin, PTX (loaded through the JIT), or the output of
// the mlir-opt command at the top of vector_add.mlir, whose `gpu.binary`
// holds one of those. Prints one line per check, a timing, then
// `PASS: N checks, 0 problem(s)`; exits non-zero on a problem.
//
//===----------------------------------------------------------------------===//

#include "sqz/Runtime/CudaRuntime.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace sqzrt::cuda;

namespace {

int checks = 0;
int problems = 0;

void expect(bool ok, const std::string &what) {
  ++checks;
  if (!ok)
    ++problems;
  std::printf("%s: %s\n", ok ? "ok" : "FAIL", what.c_str());
}

/// MLIR's descriptor of a memref<?xf32>.
struct Buffer {
  float *allocated;
  float *aligned;
  int64_t offset;
  int64_t size;
  int64_t stride;
};

Buffer buffer(void *data, int64_t size) {
  auto *floats = static_cast<float *>(data);
  return {floats, floats, 0, size, 1};
}

constexpr intptr_t kBlock = 256;

/// Launches vector_add(a, b, c) over `n` elements on `stream`, in clusters
/// of `cluster` blocks when it is not 0.
void launchAdd(void *function, Buffer a, Buffer b, Buffer c, void *stream,
               int32_t sharedBytes = 0, intptr_t cluster = 0) {
  // One pointer per parameter of the lowered kernel, to its value.
  Buffer *buffers[] = {&a, &b, &c};
  void *params[15];
  for (int i = 0; i < 3; ++i) {
    params[5 * i + 0] = &buffers[i]->allocated;
    params[5 * i + 1] = &buffers[i]->aligned;
    params[5 * i + 2] = &buffers[i]->offset;
    params[5 * i + 3] = &buffers[i]->size;
    params[5 * i + 4] = &buffers[i]->stride;
  }
  intptr_t blocks = (c.size + kBlock - 1) / kBlock;
  if (cluster == 0) {
    mgpuLaunchKernel(function, blocks, 1, 1, kBlock, 1, 1, sharedBytes, stream,
                     params, /*extra=*/nullptr, std::size(params));
    return;
  }
  blocks = (blocks + cluster - 1) / cluster * cluster;
  mgpuLaunchClusterKernel(function, cluster, 1, 1, blocks, 1, 1, kBlock, 1, 1,
                          sharedBytes, stream, params, /*extra=*/nullptr);
}

/// Inputs in [-1, 1) from a fixed sequence, and their sums in f32.
struct Inputs {
  std::vector<float> a, b, sum;

  explicit Inputs(int64_t n) : a(n), b(n), sum(n) {
    uint32_t state = 2026;
    auto next = [&] {
      state = state * 1664525u + 1013904223u;
      return static_cast<float>(state >> 8) / 8388608.0f - 1.0f;
    };
    for (int64_t i = 0; i < n; ++i) {
      a[i] = next();
      b[i] = next();
      sum[i] = a[i] + b[i];
    }
  }
};

bool sameBits(const float *x, const std::vector<float> &y) {
  return std::memcmp(x, y.data(), y.size() * sizeof(float)) == 0;
}

std::string describeSize(const char *what, int64_t n) {
  return std::string(what) + ", n = " + std::to_string(n);
}

/// Streams, an event between them, fills and asynchronous copies.
void checkStreams(void *function, int64_t n) {
  Inputs in(n);
  size_t bytes = n * sizeof(float);
  void *compute = mgpuStreamCreate();
  void *copy = mgpuStreamCreate();
  void *a = mgpuMemAlloc(bytes, compute, 0);
  void *b = mgpuMemAlloc(bytes, compute, 0);
  void *c = mgpuMemAlloc(bytes, compute, 0);
  mgpuMemcpy(a, in.a.data(), bytes, compute);
  mgpuMemcpy(b, in.b.data(), bytes, compute);
  // A NaN in every element the kernel does not write.
  mgpuMemset32(c, 0x7fc00000u, n, compute);
  launchAdd(function, buffer(a, n), buffer(b, n), buffer(c, n), compute);
  void *done = mgpuEventCreate();
  mgpuEventRecord(done, compute);
  mgpuStreamWaitEvent(copy, done);
  std::vector<float> result(n);
  mgpuMemcpy(result.data(), c, bytes, copy);
  mgpuStreamSynchronize(copy);
  mgpuEventSynchronize(done);
  mgpuEventDestroy(done);
  expect(sameBits(result.data(), in.sum),
         describeSize("vector_add on a stream, read on another after an event",
                      n));
  mgpuMemFree(a, compute);
  mgpuMemFree(b, compute);
  mgpuMemFree(c, compute);
  mgpuStreamDestroy(compute);
  mgpuStreamDestroy(copy);
}

/// Managed memory, written and read by the host directly.
void checkManaged(void *function, int64_t n) {
  Inputs in(n);
  size_t bytes = n * sizeof(float);
  auto *a = static_cast<float *>(mgpuMemAlloc(bytes, nullptr, 1));
  auto *b = static_cast<float *>(mgpuMemAlloc(bytes, nullptr, 1));
  auto *c = static_cast<float *>(mgpuMemAlloc(bytes, nullptr, 1));
  std::memcpy(a, in.a.data(), bytes);
  std::memcpy(b, in.b.data(), bytes);
  void *stream = mgpuStreamCreate();
  launchAdd(function, buffer(a, n), buffer(b, n), buffer(c, n), stream);
  mgpuStreamSynchronize(stream);
  expect(sameBits(c, in.sum), describeSize("vector_add on managed memory", n));
  mgpuMemFree(a, stream);
  mgpuMemFree(b, stream);
  mgpuMemFree(c, stream);
  mgpuStreamDestroy(stream);
}

/// The runner's helpers: synchronous copies are ordered with the runtime's
/// streams without an explicit synchronization.
void checkHelpers(void *function, int64_t n) {
  Inputs in(n);
  size_t bytes = n * sizeof(float);
  void *a = deviceAlloc(bytes);
  void *b = deviceAlloc(bytes);
  void *c = deviceAlloc(bytes);
  copyToDevice(a, in.a.data(), bytes);
  copyToDevice(b, in.b.data(), bytes);
  void *stream = mgpuStreamCreate();
  launchAdd(function, buffer(a, n), buffer(b, n), buffer(c, n), stream);
  std::vector<float> result(n);
  copyToHost(result.data(), c, bytes);
  expect(sameBits(result.data(), in.sum),
         describeSize("copyToDevice, vector_add, copyToHost", n));
  mgpuStreamDestroy(stream);
  synchronize();
  deviceFree(a);
  deviceFree(b);
  deviceFree(c);
}

/// Page-locked host memory registered as a memref.
void checkHostRegister(void *function, int64_t n) {
  Inputs in(n);
  size_t bytes = n * sizeof(float);
  void *a = deviceAlloc(bytes);
  void *b = deviceAlloc(bytes);
  void *c = deviceAlloc(bytes);
  copyToDevice(a, in.a.data(), bytes);
  copyToDevice(b, in.b.data(), bytes);
  std::vector<float> result(n);
  Buffer pinned = buffer(result.data(), n);
  mgpuMemHostRegisterMemRef(1, &pinned, sizeof(float));
  void *stream = mgpuStreamCreate();
  launchAdd(function, buffer(a, n), buffer(b, n), buffer(c, n), stream);
  mgpuMemcpy(result.data(), c, bytes, stream);
  mgpuStreamSynchronize(stream);
  mgpuMemHostUnregisterMemRef(1, &pinned, sizeof(float));
  expect(sameBits(result.data(), in.sum),
         describeSize("vector_add into registered host memory", n));
  mgpuStreamDestroy(stream);
  deviceFree(a);
  deviceFree(b);
  deviceFree(c);
}

void checkFills(int64_t n) {
  void *stream = mgpuStreamCreate();
  void *p16 = mgpuMemAlloc(n * 2, stream, 0);
  void *p32 = mgpuMemAlloc(n * 4, stream, 0);
  mgpuMemset16(p16, 0x3c00, n, stream);
  mgpuMemset32(p32, 0xdeadbeefu, n, stream);
  std::vector<uint16_t> r16(n);
  std::vector<uint32_t> r32(n);
  mgpuMemcpy(r16.data(), p16, n * 2, stream);
  mgpuMemcpy(r32.data(), p32, n * 4, stream);
  mgpuStreamSynchronize(stream);
  bool ok = true;
  for (int64_t i = 0; i < n; ++i)
    ok = ok && r16[i] == 0x3c00 && r32[i] == 0xdeadbeefu;
  expect(ok, describeSize("mgpuMemset16 and mgpuMemset32", n));
  mgpuMemFree(p16, stream);
  mgpuMemFree(p32, stream);
  mgpuStreamDestroy(stream);
}

/// A launch with `sharedBytes` of dynamic shared memory or in clusters.
void checkLaunchVariant(void *function, int64_t n, int32_t sharedBytes,
                        intptr_t cluster, const std::string &what) {
  Inputs in(n);
  size_t bytes = n * sizeof(float);
  void *a = deviceAlloc(bytes);
  void *b = deviceAlloc(bytes);
  void *c = deviceAlloc(bytes);
  copyToDevice(a, in.a.data(), bytes);
  copyToDevice(b, in.b.data(), bytes);
  void *stream = mgpuStreamCreate();
  launchAdd(function, buffer(a, n), buffer(b, n), buffer(c, n), stream,
            sharedBytes, cluster);
  mgpuStreamSynchronize(stream);
  std::vector<float> result(n);
  copyToHost(result.data(), c, bytes);
  expect(sameBits(result.data(), in.sum), describeSize(what.c_str(), n));
  mgpuStreamDestroy(stream);
  deviceFree(a);
  deviceFree(b);
  deviceFree(c);
}

/// TMA descriptors of a 128 x 64 f16 memref: encoded, and shared when equal.
void checkTensorMaps() {
  void *data = deviceAlloc(128 * 64 * 2);
  struct {
    void *allocated;
    void *aligned;
    int64_t offset;
    int64_t sizes[2];
    int64_t strides[2];
  } memref = {data, data, 0, {128, 64}, {64, 1}};
  // CU_TENSOR_MAP_DATA_TYPE_FLOAT16, no interleave, 128-byte swizzle, no L2
  // promotion, zero fill.
  int64_t box[2] = {64, 64};
  void *first = mgpuTensorMapEncodeTiledMemref(2, &memref, 6, 0, 3, 0, 0, box);
  void *again = mgpuTensorMapEncodeTiledMemref(2, &memref, 6, 0, 3, 0, 0, box);
  int64_t smallerBox[2] = {32, 64};
  void *other =
      mgpuTensorMapEncodeTiledMemref(2, &memref, 6, 0, 3, 0, 0, smallerBox);
  expect(first && first == again && other && other != first,
         "mgpuTensorMapEncodeTiledMemref: equal descriptors share a copy");
  deviceFree(data);
}

void time(void *function, int64_t n) {
  size_t bytes = n * sizeof(float);
  void *a = deviceAlloc(bytes);
  void *b = deviceAlloc(bytes);
  void *c = deviceAlloc(bytes);
  void *stream = mgpuStreamCreate();
  launchAdd(function, buffer(a, n), buffer(b, n), buffer(c, n), stream);
  constexpr int kRepeats = 20;
  EventTimer timer;
  timer.start(stream);
  for (int i = 0; i < kRepeats; ++i)
    launchAdd(function, buffer(a, n), buffer(b, n), buffer(c, n), stream);
  timer.stop();
  double ms = timer.elapsedMs() / kRepeats;
  std::printf("time: vector_add of %lld floats: %.1f us, %.0f GB/s\n",
              static_cast<long long>(n), ms * 1e3,
              3.0 * static_cast<double>(bytes) / (ms * 1e-3) / 1e9);
  mgpuStreamDestroy(stream);
  deviceFree(a);
  deviceFree(b);
  deviceFree(c);
}

int hexValue(char c) {
  return std::isdigit(static_cast<unsigned char>(c))
             ? c - '0'
             : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
}

/// Decodes the MLIR string literal whose text starts at `begin` (after the
/// opening quote): bytes other than printable ones are written `\XX`.
bool unescape(const std::string &text, size_t begin, std::string &out) {
  for (size_t i = begin; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"')
      return true;
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i == text.size())
      return false;
    char e = text[i];
    if (e == '\\' || e == '"' || e == '\'') {
      out += e;
    } else if (e == 'n') {
      out += '\n';
    } else if (e == 't') {
      out += '\t';
    } else if (i + 1 < text.size() &&
               std::isxdigit(static_cast<unsigned char>(e)) &&
               std::isxdigit(static_cast<unsigned char>(text[i + 1]))) {
      out += static_cast<char>(hexValue(e) * 16 + hexValue(text[i + 1]));
      ++i;
    } else {
      return false;
    }
  }
  return false;
}

bool isBinary(const std::string &image) {
  static const char kElf[] = {'\x7f', 'E', 'L', 'F'};
  static const char kFatbin[] = {'\x50', '\xed', '\x55', '\xba'};
  return image.size() >= 4 && (std::memcmp(image.data(), kElf, 4) == 0 ||
                               std::memcmp(image.data(), kFatbin, 4) == 0);
}

/// The kernel image in `path`, as described at the top; `ptx` tells whether
/// it is PTX. False with a message on stderr when there is none.
bool readImage(const char *path, std::string &image, bool &ptx) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    std::fprintf(stderr, "sqz-cuda-check: error: cannot open %s\n", path);
    return false;
  }
  std::string text((std::istreambuf_iterator<char>(file)),
                   std::istreambuf_iterator<char>());
  // The string of the `gpu.binary`'s object in mlir-opt's output, else the
  // file itself.
  size_t binary = text.find("bin = \"");
  size_t assembly = text.find("assembly = \"");
  bool decoded = true;
  image.clear();
  if (isBinary(text))
    image = text;
  else if (binary != std::string::npos)
    decoded = unescape(text, binary + 7, image);
  else if (assembly != std::string::npos)
    decoded = unescape(text, assembly + 12, image);
  else
    image = text;
  if (!decoded)
    image.clear();
  ptx = !image.empty() && !isBinary(image) &&
        image.find(".entry") != std::string::npos;
  if (!ptx && !isBinary(image)) {
    std::fprintf(stderr,
                 "sqz-cuda-check: error: %s holds no cubin, fatbin or PTX\n",
                 path);
    return false;
  }
  return true;
}

int runCubin(const char *path) {
  std::string image;
  bool ptx = false;
  if (!readImage(path, image, ptx))
    return 1;
  std::string why;
  if (!driverAvailable(why)) {
    std::fprintf(stderr, "sqz-cuda-check: error: %s\n", why.c_str());
    return 1;
  }
  std::printf("cuda: %s\n", deviceDescription().c_str());
  int capability = computeCapability();
  const char *device = std::getenv("SQZ_CUDA_DEVICE");
  mgpuSetDefaultDevice(device && *device ? std::atoi(device) : 0);

  // std::string keeps a NUL after its bytes, as the JIT requires of PTX.
  void *module = ptx ? mgpuModuleLoadJIT(image.data(), 2)
                     : mgpuModuleLoad(image.data(), image.size());
  std::printf("loaded %s (%zu bytes)%s\n", path, image.size(),
              ptx ? " through the PTX JIT" : "");
  void *function = mgpuModuleGetFunction(module, "vector_add");

  for (int64_t n : {1, 1000, (1 << 20) + 3})
    checkStreams(function, n);
  checkManaged(function, 100003);
  checkHelpers(function, 100003);
  checkHostRegister(function, 100003);
  checkFills(4099);
  if (capability >= 70)
    checkLaunchVariant(function, 100003, 64 * 1024, 0,
                       "vector_add with 64 KiB of dynamic shared memory");
  if (capability >= 90) {
    checkLaunchVariant(function, 100003, 0, 2, "vector_add in clusters of 2");
    checkLaunchVariant(function, 100003, 0, 16,
                       "vector_add in clusters of 16 (non-portable)");
    checkTensorMaps();
  } else {
    std::printf("skipped: clusters and TMA need sm_90, the GPU is sm_%d\n",
                capability);
  }
  time(function, 1 << 24);
  mgpuModuleUnload(module);

  std::printf("%s: %d checks, %d problem(s)\n", problems ? "FAIL" : "PASS",
              checks, problems);
  return problems ? 1 : 0;
}

} // namespace

int main(int argc, char **argv) {
  if (argc == 3 && std::strcmp(argv[1], "--run-cubin") == 0)
    return runCubin(argv[2]);
  if (argc != 1) {
    std::fprintf(stderr, "usage: sqz-cuda-check [--run-cubin FILE]\n");
    return 2;
  }
  std::string why;
  if (!driverAvailable(why)) {
    std::fprintf(stderr, "sqz-cuda-check: error: %s\n", why.c_str());
    return 1;
  }
  std::printf("cuda: %s\n", deviceDescription().c_str());
  return 0;
}
