//===- CudaRuntime.cpp - The mgpu* functions on the CUDA driver API -------===//
//
// The driver is opened with dlopen on first use and its entry points are
// looked up by name: no CUDA header is included and nothing links against
// libcuda. The few types and enum values used are declared below with the
// values of CUDA 13's cuda.h; the driver keeps them stable across versions.
//
//===----------------------------------------------------------------------===//

#include "sqz/Runtime/CudaRuntime.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include <dlfcn.h>

using namespace sqzrt::cuda;

namespace {

//===----------------------------------------------------------------------===//
// The driver API
//===----------------------------------------------------------------------===//

using CUresult = int;
using CUdevice = int;
using CUdeviceptr = unsigned long long;
using CUcontext = struct CUctx_st *;
using CUmodule = struct CUmod_st *;
using CUfunction = struct CUfunc_st *;
using CUstream = struct CUstream_st *;
using CUevent = struct CUevent_st *;

// The values of the enumerators of cuda.h used here.
// CUresult: CUDA_SUCCESS, CUDA_ERROR_DEINITIALIZED.
constexpr CUresult kSuccess = 0;
constexpr CUresult kErrorDeinitialized = 4;
// CUdevice_attribute: CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, _MINOR.
constexpr int kComputeCapabilityMajor = 75;
constexpr int kComputeCapabilityMinor = 76;
// CUfunction_attribute: CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES,
// CU_FUNC_ATTRIBUTE_NON_PORTABLE_CLUSTER_SIZE_ALLOWED.
constexpr int kMaxDynamicSharedSize = 8;
constexpr int kNonPortableClusterSizeAllowed = 14;
// CU_STREAM_DEFAULT, CU_EVENT_DEFAULT, CU_EVENT_DISABLE_TIMING,
// CU_MEM_ATTACH_GLOBAL.
constexpr unsigned kStreamDefault = 0;
constexpr unsigned kEventDefault = 0;
constexpr unsigned kEventDisableTiming = 2;
constexpr unsigned kMemAttachGlobal = 1;
// CUjit_option: CU_JIT_ERROR_LOG_BUFFER, CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES,
// CU_JIT_OPTIMIZATION_LEVEL.
constexpr int kJitErrorLogBuffer = 5;
constexpr int kJitErrorLogBufferSize = 6;
constexpr int kJitOptimizationLevel = 7;
// CUlaunchAttributeID: CU_LAUNCH_ATTRIBUTE_CLUSTER_DIMENSION.
constexpr int kLaunchClusterDimension = 4;

/// Dynamic shared memory that kernels get without opting in.
constexpr unsigned kDefaultSharedLimit = 48 * 1024;
constexpr int kMaxDevices = 64;

/// CUlaunchAttribute with the value of CU_LAUNCH_ATTRIBUTE_CLUSTER_DIMENSION.
struct LaunchAttribute {
  int id;
  char pad[4];
  union Value {
    char bytes[64];
    void *alignment;
    struct {
      unsigned x, y, z;
    } clusterDim;
  } value;
};
static_assert(sizeof(LaunchAttribute) == 72, "CUlaunchAttribute is 72 bytes");

/// CUlaunchConfig.
struct LaunchConfig {
  unsigned gridDimX, gridDimY, gridDimZ;
  unsigned blockDimX, blockDimY, blockDimZ;
  unsigned sharedMemBytes;
  CUstream stream;
  LaunchAttribute *attrs;
  unsigned numAttrs;
};

/// CUtensorMap: 128 opaque bytes that the driver encodes.
struct alignas(128) TensorMap {
  uint64_t opaque[16];
};

/// The driver entry points used, with the `_v2` versions where the driver
/// exports them. Null for an optional entry point the driver lacks.
struct Driver {
  CUresult (*getErrorName)(CUresult, const char **);
  CUresult (*getErrorString)(CUresult, const char **);
  CUresult (*init)(unsigned);
  CUresult (*driverGetVersion)(int *);
  CUresult (*deviceGet)(CUdevice *, int);
  CUresult (*deviceGetCount)(int *);
  CUresult (*deviceGetName)(char *, int, CUdevice);
  CUresult (*deviceGetAttribute)(int *, int, CUdevice);
  CUresult (*devicePrimaryCtxRetain)(CUcontext *, CUdevice);
  CUresult (*ctxGetCurrent)(CUcontext *);
  CUresult (*ctxSetCurrent)(CUcontext);
  CUresult (*ctxSynchronize)();
  CUresult (*moduleLoadData)(CUmodule *, const void *);
  CUresult (*moduleLoadDataEx)(CUmodule *, const void *, unsigned, int *,
                               void **);
  CUresult (*moduleUnload)(CUmodule);
  CUresult (*moduleGetFunction)(CUfunction *, CUmodule, const char *);
  CUresult (*funcSetAttribute)(CUfunction, int, int);
  CUresult (*launchKernel)(CUfunction, unsigned, unsigned, unsigned, unsigned,
                           unsigned, unsigned, unsigned, CUstream, void **,
                           void **);
  CUresult (*launchKernelEx)(const LaunchConfig *, CUfunction, void **,
                             void **);
  CUresult (*streamCreate)(CUstream *, unsigned);
  CUresult (*streamDestroy)(CUstream);
  CUresult (*streamSynchronize)(CUstream);
  CUresult (*streamWaitEvent)(CUstream, CUevent, unsigned);
  CUresult (*eventCreate)(CUevent *, unsigned);
  CUresult (*eventDestroy)(CUevent);
  CUresult (*eventRecord)(CUevent, CUstream);
  CUresult (*eventSynchronize)(CUevent);
  CUresult (*eventElapsedTime)(float *, CUevent, CUevent);
  CUresult (*memAlloc)(CUdeviceptr *, size_t);
  CUresult (*memAllocManaged)(CUdeviceptr *, size_t, unsigned);
  CUresult (*memFree)(CUdeviceptr);
  CUresult (*memcpyAsync)(CUdeviceptr, CUdeviceptr, size_t, CUstream);
  CUresult (*memcpyHtoD)(CUdeviceptr, const void *, size_t);
  CUresult (*memcpyDtoH)(void *, CUdeviceptr, size_t);
  CUresult (*memsetD16Async)(CUdeviceptr, unsigned short, size_t, CUstream);
  CUresult (*memsetD32Async)(CUdeviceptr, unsigned, size_t, CUstream);
  CUresult (*memHostRegister)(void *, size_t, unsigned);
  CUresult (*memHostUnregister)(void *);
  CUresult (*tensorMapEncodeTiled)(TensorMap *, int, uint32_t, void *,
                                   const uint64_t *, const uint64_t *,
                                   const uint32_t *, const uint32_t *, int, int,
                                   int, int);
};

/// A TMA descriptor's device copy is shared by equal descriptors of a device.
using TensorMapKey = std::pair<int, std::array<uint64_t, 16>>;

/// The loaded driver and the contexts of the devices used.
struct Runtime {
  Driver driver = {};
  int deviceCount = 0;
  /// The device of the following calls.
  std::atomic<int> device{0};
  /// Primary contexts, retained on first use.
  std::atomic<CUcontext> contexts[kMaxDevices] = {};
  /// Guards retaining contexts and `tensorMaps`.
  std::mutex mutex;
  std::map<TensorMapKey, CUdeviceptr> tensorMaps;
  /// Device copies of constant host data (weights), by device and address.
  std::map<std::pair<int, const void *>, CUdeviceptr> constants;
};

/// The runtime, or the reason it is not there.
struct Loaded {
  Runtime *runtime = nullptr;
  std::string error;
};

//===----------------------------------------------------------------------===//
// Errors
//===----------------------------------------------------------------------===//

[[noreturn]] void fatal(const std::string &message) {
  // An error while exiting (in a global destructor) ends the process at once:
  // calling exit again would be undefined.
  static std::atomic<bool> exiting{false};
  if (exiting.exchange(true))
    std::_Exit(1);
  std::fprintf(stderr, "sqz-runtime: error: %s\n", message.c_str());
  std::fflush(stderr);
  std::exit(1);
}

/// "cuModuleLoadData failed: CUDA_ERROR_INVALID_IMAGE (device kernel image is
/// invalid)".
std::string describe(const Driver &driver, const char *call, CUresult result) {
  const char *name = nullptr;
  const char *text = nullptr;
  std::string message = std::string(call) + " failed: ";
  if (driver.getErrorName(result, &name) == kSuccess && name)
    message += name;
  else
    message += "CUresult " + std::to_string(result);
  if (driver.getErrorString(result, &text) == kSuccess && text)
    message += std::string(" (") + text + ")";
  return message;
}

void check(const Driver &driver, CUresult result, const char *call) {
  if (result != kSuccess)
    fatal(describe(driver, call, result));
}

/// Exits when the driver lacks the optional entry point `fn`.
template <typename Fn> Fn require(Fn fn, const char *name) {
  if (!fn)
    fatal(std::string("the CUDA driver has no ") + name +
          "; the NVIDIA driver is too old for this program");
  return fn;
}

//===----------------------------------------------------------------------===//
// Loading and contexts
//===----------------------------------------------------------------------===//

/// Looks up `symbol`, else `fallback`, into `fn`; false if neither exists.
template <typename Fn>
bool lookup(void *library, Fn &fn, const char *symbol,
            const char *fallback = nullptr) {
  void *address = dlsym(library, symbol);
  if (!address && fallback)
    address = dlsym(library, fallback);
  fn = reinterpret_cast<Fn>(address);
  return address != nullptr;
}

/// Opens the driver, resolves its entry points, initializes it and reads
/// SQZ_CUDA_DEVICE. Null with the reason in `error` when one step fails.
Runtime *load(std::string &error) {
  void *library = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char *reason = dlerror();
    error = std::string("cannot load the CUDA driver libcuda.so.1 (") +
            (reason ? reason : "unknown reason") +
            "); is an NVIDIA GPU and its driver installed?";
    return nullptr;
  }

  auto *runtime = new Runtime();
  Driver &d = runtime->driver;
  const char *missing = nullptr;
  auto need = [&](auto &fn, const char *symbol) {
    if (!lookup(library, fn, symbol) && !missing)
      missing = symbol;
  };
  need(d.getErrorName, "cuGetErrorName");
  need(d.getErrorString, "cuGetErrorString");
  need(d.init, "cuInit");
  need(d.driverGetVersion, "cuDriverGetVersion");
  need(d.deviceGet, "cuDeviceGet");
  need(d.deviceGetCount, "cuDeviceGetCount");
  need(d.deviceGetName, "cuDeviceGetName");
  need(d.deviceGetAttribute, "cuDeviceGetAttribute");
  need(d.devicePrimaryCtxRetain, "cuDevicePrimaryCtxRetain");
  need(d.ctxGetCurrent, "cuCtxGetCurrent");
  need(d.ctxSetCurrent, "cuCtxSetCurrent");
  need(d.ctxSynchronize, "cuCtxSynchronize");
  need(d.moduleLoadData, "cuModuleLoadData");
  need(d.moduleLoadDataEx, "cuModuleLoadDataEx");
  need(d.moduleUnload, "cuModuleUnload");
  need(d.moduleGetFunction, "cuModuleGetFunction");
  need(d.funcSetAttribute, "cuFuncSetAttribute");
  need(d.launchKernel, "cuLaunchKernel");
  need(d.streamCreate, "cuStreamCreate");
  need(d.streamDestroy, "cuStreamDestroy_v2");
  need(d.streamSynchronize, "cuStreamSynchronize");
  need(d.streamWaitEvent, "cuStreamWaitEvent");
  need(d.eventCreate, "cuEventCreate");
  need(d.eventDestroy, "cuEventDestroy_v2");
  need(d.eventRecord, "cuEventRecord");
  need(d.eventSynchronize, "cuEventSynchronize");
  need(d.memAlloc, "cuMemAlloc_v2");
  need(d.memAllocManaged, "cuMemAllocManaged");
  need(d.memFree, "cuMemFree_v2");
  need(d.memcpyAsync, "cuMemcpyAsync");
  need(d.memcpyHtoD, "cuMemcpyHtoD_v2");
  need(d.memcpyDtoH, "cuMemcpyDtoH_v2");
  need(d.memsetD16Async, "cuMemsetD16Async");
  need(d.memsetD32Async, "cuMemsetD32Async");
  need(d.memHostRegister, "cuMemHostRegister_v2");
  need(d.memHostUnregister, "cuMemHostUnregister");
  // cuEventElapsedTime_v2 is CUDA 12.8's; the first version has the same
  // signature. Thread-block clusters and TMA need a CUDA 12 driver.
  if (!lookup(library, d.eventElapsedTime, "cuEventElapsedTime_v2",
              "cuEventElapsedTime") &&
      !missing)
    missing = "cuEventElapsedTime";
  lookup(library, d.launchKernelEx, "cuLaunchKernelEx");
  lookup(library, d.tensorMapEncodeTiled, "cuTensorMapEncodeTiled");
  if (missing) {
    error = std::string("the CUDA driver libcuda.so.1 has no ") + missing +
            "; is the NVIDIA driver too old?";
    return nullptr;
  }

  if (CUresult result = d.init(0)) {
    error = describe(d, "cuInit", result);
    return nullptr;
  }
  if (CUresult result = d.deviceGetCount(&runtime->deviceCount)) {
    error = describe(d, "cuDeviceGetCount", result);
    return nullptr;
  }
  int device = 0;
  if (const char *text = std::getenv("SQZ_CUDA_DEVICE"); text && *text) {
    char *end = nullptr;
    long value = std::strtol(text, &end, 10);
    if (*end || value < 0 || value >= kMaxDevices) {
      error =
          std::string("SQZ_CUDA_DEVICE='") + text + "' is not a device number";
      return nullptr;
    }
    device = static_cast<int>(value);
  }
  if (device >= runtime->deviceCount) {
    error = "SQZ_CUDA_DEVICE=" + std::to_string(device) +
            " but the machine has " + std::to_string(runtime->deviceCount) +
            " CUDA device(s)";
    return nullptr;
  }
  runtime->device.store(device);
  return runtime;
}

/// Loads the runtime on first use. It is never destroyed: compiled models
/// unload their kernels from global destructors that may run after the
/// static objects of this library are gone.
const Loaded &loaded() {
  static const Loaded *result = [] {
    auto *loaded = new Loaded();
    loaded->runtime = load(loaded->error);
    return loaded;
  }();
  return *result;
}

Runtime &runtime() {
  const Loaded &state = loaded();
  if (!state.runtime)
    fatal(state.error);
  return *state.runtime;
}

/// Makes the primary context of the selected device current on this
/// thread, retaining it the first time. On failure returns the result and
/// sets `call` to the failing driver call.
CUresult makeCurrent(Runtime &rt, int &device, const char *&call) {
  const Driver &d = rt.driver;
  device = rt.device.load(std::memory_order_relaxed);
  CUcontext context = rt.contexts[device].load(std::memory_order_acquire);
  if (!context) {
    std::lock_guard<std::mutex> lock(rt.mutex);
    context = rt.contexts[device].load(std::memory_order_relaxed);
    if (!context) {
      CUdevice handle = 0;
      if (CUresult result = d.deviceGet(&handle, device)) {
        call = "cuDeviceGet";
        return result;
      }
      if (CUresult result = d.devicePrimaryCtxRetain(&context, handle)) {
        call = "cuDevicePrimaryCtxRetain";
        return result;
      }
      rt.contexts[device].store(context, std::memory_order_release);
    }
  }
  CUcontext current = nullptr;
  if (CUresult result = d.ctxGetCurrent(&current)) {
    call = "cuCtxGetCurrent";
    return result;
  }
  if (current != context) {
    if (CUresult result = d.ctxSetCurrent(context)) {
      call = "cuCtxSetCurrent";
      return result;
    }
  }
  return kSuccess;
}

/// The start of every entry point: the runtime, with the selected device's
/// context current. `device` receives the device's number.
Runtime &enter(int *device = nullptr) {
  Runtime &rt = runtime();
  int selected = 0;
  const char *call = nullptr;
  if (CUresult result = makeCurrent(rt, selected, call))
    fatal(describe(rt.driver, call, result));
  if (device)
    *device = selected;
  return rt;
}

/// The start of the entry points that release resources: like `enter`, but
/// null when the driver has already shut down, which it does at exit before
/// the global destructors that compiled models unload their kernels from.
/// Nothing is left to release then.
const Driver *enterToRelease() {
  Runtime &rt = runtime();
  int device = 0;
  const char *call = nullptr;
  CUresult result = makeCurrent(rt, device, call);
  if (result == kErrorDeinitialized)
    return nullptr;
  if (result != kSuccess)
    fatal(describe(rt.driver, call, result));
  return &rt.driver;
}

/// Checks the result of a call that releases a resource.
void checkRelease(const Driver &driver, CUresult result, const char *call) {
  if (result != kErrorDeinitialized)
    check(driver, result, call);
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

CUdeviceptr devicePointer(const void *pointer) {
  return static_cast<CUdeviceptr>(reinterpret_cast<uintptr_t>(pointer));
}

void *hostPointer(CUdeviceptr pointer) {
  return reinterpret_cast<void *>(static_cast<uintptr_t>(pointer));
}

/// A launch dimension as the driver takes it.
unsigned dimension(intptr_t value, const char *function, const char *what) {
  if (value < 1 || static_cast<uint64_t>(value) > 0xffffffffu)
    fatal(std::string(function) + ": " + what + " " + std::to_string(value) +
          " is out of range");
  return static_cast<unsigned>(value);
}

/// Dynamic shared memory as the driver takes it; opts the kernel into more
/// than the default 48 KiB when asked for.
unsigned sharedMemory(const Driver &d, CUfunction function, int32_t bytes,
                      const char *caller) {
  if (bytes < 0)
    fatal(std::string(caller) + ": dynamic shared memory size " +
          std::to_string(bytes) + " is negative");
  unsigned size = static_cast<unsigned>(bytes);
  if (size > kDefaultSharedLimit)
    check(d,
          d.funcSetAttribute(function, kMaxDynamicSharedSize,
                             static_cast<int>(size)),
          "cuFuncSetAttribute");
  return size;
}

/// The fields of a ranked memref descriptor of rank `rank`:
/// {allocated, aligned, offset, sizes[rank], strides[rank]}.
struct MemRefView {
  char *aligned;
  int64_t offset;
  const int64_t *sizes;
  const int64_t *strides;
};

MemRefView viewMemRef(int64_t rank, void *descriptor) {
  auto *pointers = static_cast<char **>(descriptor);
  auto *integers = reinterpret_cast<const int64_t *>(pointers + 2);
  return {pointers[1], integers[0], integers + 1, integers + 1 + rank};
}

/// The bytes that a memref's elements span; empty for no elements.
std::pair<char *, size_t> memRefBytes(int64_t rank, void *descriptor,
                                      int64_t elementBytes) {
  MemRefView view = viewMemRef(rank, descriptor);
  int64_t low = 0;
  int64_t high = 0;
  for (int64_t i = 0; i < rank; ++i) {
    if (view.sizes[i] <= 0)
      return {nullptr, 0};
    int64_t reach = (view.sizes[i] - 1) * view.strides[i];
    (reach < 0 ? low : high) += reach;
  }
  char *begin = view.aligned + (view.offset + low) * elementBytes;
  return {begin, static_cast<size_t>((high - low + 1) * elementBytes)};
}

/// A compiled model's kernel image. Models register their images from
/// global constructors, when the library is loaded: the driver is first
/// touched when a kernel is looked up, so that loading a model (to read its
/// manifest, say) works on a machine without a GPU.
struct LazyModule {
  const void *image;
  /// -1: a cubin or fatbin (cuModuleLoadData); else PTX, JIT-compiled at
  /// this optimization level.
  int jitOptLevel;
  CUmodule module = nullptr;
};

/// Loads `lazy`'s image on first use.
CUmodule loadModule(Runtime &rt, LazyModule &lazy) {
  std::lock_guard<std::mutex> lock(rt.mutex);
  if (lazy.module)
    return lazy.module;
  const Driver &d = rt.driver;
  if (lazy.jitOptLevel < 0) {
    check(d, d.moduleLoadData(&lazy.module, lazy.image), "cuModuleLoadData");
    return lazy.module;
  }
  char log[8192] = {};
  int options[] = {kJitOptimizationLevel, kJitErrorLogBuffer,
                   kJitErrorLogBufferSize};
  // Option values are passed in the pointers themselves.
  void *values[] = {
      reinterpret_cast<void *>(static_cast<uintptr_t>(lazy.jitOptLevel)), log,
      reinterpret_cast<void *>(static_cast<uintptr_t>(sizeof(log) - 1))};
  if (CUresult result = d.moduleLoadDataEx(
          &lazy.module, lazy.image, static_cast<unsigned>(std::size(options)),
          options, values)) {
    std::string message = describe(d, "cuModuleLoadDataEx", result);
    if (log[0])
      message += std::string("; the JIT says:\n") + log;
    fatal(message);
  }
  return lazy.module;
}

} // namespace

//===----------------------------------------------------------------------===//
// The C++ API
//===----------------------------------------------------------------------===//

bool sqzrt::cuda::driverAvailable(std::string &why) {
  const Loaded &state = loaded();
  if (!state.runtime) {
    why = state.error;
    return false;
  }
  int device = 0;
  const char *call = nullptr;
  if (CUresult result = makeCurrent(*state.runtime, device, call)) {
    why = describe(state.runtime->driver, call, result);
    return false;
  }
  return true;
}

std::string sqzrt::cuda::deviceDescription() {
  int device = 0;
  const Driver &d = enter(&device).driver;
  CUdevice handle = 0;
  check(d, d.deviceGet(&handle, device), "cuDeviceGet");
  char name[256] = {};
  check(d, d.deviceGetName(name, static_cast<int>(sizeof(name) - 1), handle),
        "cuDeviceGetName");
  int version = 0;
  check(d, d.driverGetVersion(&version), "cuDriverGetVersion");
  int capability = computeCapability();
  char text[400];
  std::snprintf(text, sizeof(text), "%s (sm_%d), driver %d.%d", name,
                capability, version / 1000, version % 1000 / 10);
  return text;
}

int sqzrt::cuda::computeCapability() {
  int device = 0;
  const Driver &d = enter(&device).driver;
  CUdevice handle = 0;
  check(d, d.deviceGet(&handle, device), "cuDeviceGet");
  int major = 0;
  int minor = 0;
  check(d, d.deviceGetAttribute(&major, kComputeCapabilityMajor, handle),
        "cuDeviceGetAttribute");
  check(d, d.deviceGetAttribute(&minor, kComputeCapabilityMinor, handle),
        "cuDeviceGetAttribute");
  return major * 10 + minor;
}

void sqzrt::cuda::synchronize() {
  const Driver &d = enter().driver;
  check(d, d.ctxSynchronize(), "cuCtxSynchronize");
}

void *sqzrt::cuda::deviceAlloc(size_t bytes) {
  return mgpuMemAlloc(bytes, nullptr, /*isHostShared=*/0);
}

void sqzrt::cuda::deviceFree(void *device) { mgpuMemFree(device, nullptr); }

void sqzrt::cuda::copyToDevice(void *device, const void *host, size_t bytes) {
  if (bytes == 0)
    return;
  const Driver &d = enter().driver;
  check(d, d.memcpyHtoD(devicePointer(device), host, bytes), "cuMemcpyHtoD");
  // A copy from pageable memory may return before the data has arrived.
  check(d, d.streamSynchronize(nullptr), "cuStreamSynchronize");
}

void sqzrt::cuda::copyToHost(void *host, const void *device, size_t bytes) {
  if (bytes == 0)
    return;
  const Driver &d = enter().driver;
  check(d, d.memcpyDtoH(host, devicePointer(device), bytes), "cuMemcpyDtoH");
}

EventTimer::EventTimer() {
  const Driver &d = enter().driver;
  CUevent start = nullptr;
  CUevent stop = nullptr;
  check(d, d.eventCreate(&start, kEventDefault), "cuEventCreate");
  check(d, d.eventCreate(&stop, kEventDefault), "cuEventCreate");
  startEvent = start;
  stopEvent = stop;
}

EventTimer::~EventTimer() {
  mgpuEventDestroy(startEvent);
  mgpuEventDestroy(stopEvent);
}

void EventTimer::start(void *onStream) {
  stream = onStream;
  mgpuEventRecord(startEvent, stream);
}

void EventTimer::stop() { mgpuEventRecord(stopEvent, stream); }

double EventTimer::elapsedMs() {
  const Driver &d = enter().driver;
  check(d, d.eventSynchronize(static_cast<CUevent>(stopEvent)),
        "cuEventSynchronize");
  float ms = 0;
  check(d,
        d.eventElapsedTime(&ms, static_cast<CUevent>(startEvent),
                           static_cast<CUevent>(stopEvent)),
        "cuEventElapsedTime");
  return ms;
}

//===----------------------------------------------------------------------===//
// The mgpu* functions
//===----------------------------------------------------------------------===//

extern "C" {

void *mgpuModuleLoad(void *data, size_t /*size*/) {
  return new LazyModule{data, /*jitOptLevel=*/-1};
}

void *mgpuModuleLoadJIT(void *data, int32_t optLevel) {
  return new LazyModule{data, std::clamp(optLevel, 0, 4)};
}

void mgpuModuleUnload(void *handle) {
  // Null when the program exits before its kernels were loaded.
  if (!handle)
    return;
  auto *lazy = static_cast<LazyModule *>(handle);
  if (lazy->module)
    if (const Driver *d = enterToRelease())
      checkRelease(*d, d->moduleUnload(lazy->module), "cuModuleUnload");
  delete lazy;
}

void *mgpuModuleGetFunction(void *handle, const char *name) {
  Runtime &rt = enter();
  const Driver &d = rt.driver;
  CUmodule module = loadModule(rt, *static_cast<LazyModule *>(handle));
  CUfunction function = nullptr;
  if (CUresult result = d.moduleGetFunction(&function, module, name))
    fatal(describe(d, "cuModuleGetFunction", result) + " for kernel '" + name +
          "'");
  return function;
}

void mgpuLaunchKernel(void *function, intptr_t gridX, intptr_t gridY,
                      intptr_t gridZ, intptr_t blockX, intptr_t blockY,
                      intptr_t blockZ, int32_t sharedMemBytes, void *stream,
                      void **params, void **extra, size_t /*paramsCount*/) {
  // An empty grid (a tensor with a zero-sized dimension) has no work.
  if (gridX == 0 || gridY == 0 || gridZ == 0)
    return;
  const Driver &d = enter().driver;
  const char *self = "mgpuLaunchKernel";
  auto kernel = static_cast<CUfunction>(function);
  unsigned shared = sharedMemory(d, kernel, sharedMemBytes, self);
  check(d,
        d.launchKernel(kernel, dimension(gridX, self, "grid size"),
                       dimension(gridY, self, "grid size"),
                       dimension(gridZ, self, "grid size"),
                       dimension(blockX, self, "block size"),
                       dimension(blockY, self, "block size"),
                       dimension(blockZ, self, "block size"), shared,
                       static_cast<CUstream>(stream), params, extra),
        "cuLaunchKernel");
}

void mgpuLaunchClusterKernel(void *function, intptr_t clusterX,
                             intptr_t clusterY, intptr_t clusterZ,
                             intptr_t gridX, intptr_t gridY, intptr_t gridZ,
                             intptr_t blockX, intptr_t blockY, intptr_t blockZ,
                             int32_t sharedMemBytes, void *stream,
                             void **params, void **extra) {
  if (gridX == 0 || gridY == 0 || gridZ == 0)
    return;
  const Driver &d = enter().driver;
  const char *self = "mgpuLaunchClusterKernel";
  auto launchKernelEx = require(d.launchKernelEx, "cuLaunchKernelEx");
  auto kernel = static_cast<CUfunction>(function);
  LaunchAttribute cluster = {};
  cluster.id = kLaunchClusterDimension;
  cluster.value.clusterDim.x = dimension(clusterX, self, "cluster size");
  cluster.value.clusterDim.y = dimension(clusterY, self, "cluster size");
  cluster.value.clusterDim.z = dimension(clusterZ, self, "cluster size");
  // Clusters of more than 8 blocks are not portable and must be allowed.
  if (static_cast<uint64_t>(clusterX) * clusterY * clusterZ > 8)
    check(d, d.funcSetAttribute(kernel, kNonPortableClusterSizeAllowed, 1),
          "cuFuncSetAttribute");
  LaunchConfig config = {};
  config.gridDimX = dimension(gridX, self, "grid size");
  config.gridDimY = dimension(gridY, self, "grid size");
  config.gridDimZ = dimension(gridZ, self, "grid size");
  config.blockDimX = dimension(blockX, self, "block size");
  config.blockDimY = dimension(blockY, self, "block size");
  config.blockDimZ = dimension(blockZ, self, "block size");
  config.sharedMemBytes = sharedMemory(d, kernel, sharedMemBytes, self);
  config.stream = static_cast<CUstream>(stream);
  config.attrs = &cluster;
  config.numAttrs = 1;
  check(d, launchKernelEx(&config, kernel, params, extra), "cuLaunchKernelEx");
}

void *mgpuStreamCreate() {
  const Driver &d = enter().driver;
  CUstream stream = nullptr;
  check(d, d.streamCreate(&stream, kStreamDefault), "cuStreamCreate");
  return stream;
}

void mgpuStreamDestroy(void *stream) {
  if (const Driver *d = enterToRelease())
    checkRelease(*d, d->streamDestroy(static_cast<CUstream>(stream)),
                 "cuStreamDestroy");
}

void mgpuStreamSynchronize(void *stream) {
  const Driver &d = enter().driver;
  check(d, d.streamSynchronize(static_cast<CUstream>(stream)),
        "cuStreamSynchronize");
}

void mgpuStreamWaitEvent(void *stream, void *event) {
  const Driver &d = enter().driver;
  check(d,
        d.streamWaitEvent(static_cast<CUstream>(stream),
                          static_cast<CUevent>(event), /*flags=*/0),
        "cuStreamWaitEvent");
}

void *mgpuEventCreate() {
  const Driver &d = enter().driver;
  CUevent event = nullptr;
  check(d, d.eventCreate(&event, kEventDisableTiming), "cuEventCreate");
  return event;
}

void mgpuEventDestroy(void *event) {
  if (const Driver *d = enterToRelease())
    checkRelease(*d, d->eventDestroy(static_cast<CUevent>(event)),
                 "cuEventDestroy");
}

void mgpuEventSynchronize(void *event) {
  const Driver &d = enter().driver;
  check(d, d.eventSynchronize(static_cast<CUevent>(event)),
        "cuEventSynchronize");
}

void mgpuEventRecord(void *event, void *stream) {
  const Driver &d = enter().driver;
  check(
      d,
      d.eventRecord(static_cast<CUevent>(event), static_cast<CUstream>(stream)),
      "cuEventRecord");
}

void *mgpuMemAlloc(uint64_t sizeBytes, void * /*stream*/, int8_t isHostShared) {
  if (sizeBytes == 0)
    return nullptr;
  const Driver &d = enter().driver;
  CUdeviceptr pointer = 0;
  if (isHostShared)
    check(d, d.memAllocManaged(&pointer, sizeBytes, kMemAttachGlobal),
          "cuMemAllocManaged");
  else
    check(d, d.memAlloc(&pointer, sizeBytes), "cuMemAlloc");
  return hostPointer(pointer);
}

void mgpuMemFree(void *ptr, void *stream) {
  if (!ptr)
    return;
  const Driver &d = enter().driver;
  // The work queued before the free on its stream may still use the memory.
  if (stream)
    check(d, d.streamSynchronize(static_cast<CUstream>(stream)),
          "cuStreamSynchronize");
  check(d, d.memFree(devicePointer(ptr)), "cuMemFree");
}

void mgpuMemcpy(void *dst, void *src, size_t sizeBytes, void *stream) {
  if (sizeBytes == 0)
    return;
  const Driver &d = enter().driver;
  check(d,
        d.memcpyAsync(devicePointer(dst), devicePointer(src), sizeBytes,
                      static_cast<CUstream>(stream)),
        "cuMemcpyAsync");
}

void mgpuMemset16(void *dst, uint16_t value, size_t count, void *stream) {
  if (count == 0)
    return;
  const Driver &d = enter().driver;
  check(d,
        d.memsetD16Async(devicePointer(dst), value, count,
                         static_cast<CUstream>(stream)),
        "cuMemsetD16Async");
}

void mgpuMemset32(void *dst, uint32_t value, size_t count, void *stream) {
  if (count == 0)
    return;
  const Driver &d = enter().driver;
  check(d,
        d.memsetD32Async(devicePointer(dst), value, count,
                         static_cast<CUstream>(stream)),
        "cuMemsetD32Async");
}

void mgpuMemHostRegister(void *ptr, uint64_t sizeBytes) {
  if (sizeBytes == 0)
    return;
  const Driver &d = enter().driver;
  check(d, d.memHostRegister(ptr, sizeBytes, /*flags=*/0), "cuMemHostRegister");
}

void mgpuMemHostUnregister(void *ptr) {
  if (!ptr)
    return;
  const Driver &d = enter().driver;
  check(d, d.memHostUnregister(ptr), "cuMemHostUnregister");
}

void mgpuMemHostRegisterMemRef(int64_t rank, void *descriptor,
                               int64_t elementSizeBytes) {
  auto [begin, bytes] = memRefBytes(rank, descriptor, elementSizeBytes);
  mgpuMemHostRegister(begin, bytes);
}

void mgpuMemHostUnregisterMemRef(int64_t rank, void *descriptor,
                                 int64_t elementSizeBytes) {
  auto [begin, bytes] = memRefBytes(rank, descriptor, elementSizeBytes);
  if (bytes != 0)
    mgpuMemHostUnregister(begin);
}

void mgpuSetDefaultDevice(int32_t device) {
  Runtime &rt = runtime();
  if (device < 0 || device >= std::min(rt.deviceCount, kMaxDevices))
    fatal("mgpuSetDefaultDevice(" + std::to_string(device) +
          "): the machine has " + std::to_string(rt.deviceCount) +
          " CUDA device(s)");
  rt.device.store(device, std::memory_order_relaxed);
  enter();
}

void *mgpuTensorMapEncodeTiledMemref(int64_t tensorRank, void *descriptor,
                                     int64_t dataType, int64_t interleave,
                                     int64_t swizzle, int64_t l2Promotion,
                                     int64_t oobFill, int64_t *boxDims) {
  int device = 0;
  Runtime &rt = enter(&device);
  const Driver &d = rt.driver;
  auto encode = require(d.tensorMapEncodeTiled, "cuTensorMapEncodeTiled");
  const char *self = "mgpuTensorMapEncodeTiledMemref";
  // Bytes per element of CU_TENSOR_MAP_DATA_TYPE_UINT8 ... TFLOAT32_FTZ.
  static const int64_t kElementBytes[] = {1, 2, 4, 4, 8, 8, 2,
                                          4, 8, 2, 4, 4, 4};
  if (tensorRank < 1 || tensorRank > 5)
    fatal(std::string(self) + ": rank " + std::to_string(tensorRank) +
          " is not 1 to 5");
  if (dataType < 0 ||
      dataType >= static_cast<int64_t>(std::size(kElementBytes)))
    fatal(std::string(self) + ": unsupported data type " +
          std::to_string(dataType));
  int64_t elementBytes = kElementBytes[dataType];
  MemRefView view = viewMemRef(tensorRank, descriptor);
  if (view.strides[tensorRank - 1] != 1)
    fatal(std::string(self) + ": the innermost stride is " +
          std::to_string(view.strides[tensorRank - 1]) + ", not 1");

  // The driver numbers dimensions from the innermost; the memref and the
  // box from the outermost.
  uint64_t globalDim[5] = {};
  uint64_t globalStrides[4] = {};
  uint32_t boxDim[5] = {};
  uint32_t elementStrides[5] = {};
  for (int64_t r = 0; r < tensorRank; ++r) {
    int64_t dim = tensorRank - 1 - r;
    globalDim[r] = static_cast<uint64_t>(view.sizes[dim]);
    boxDim[r] = static_cast<uint32_t>(boxDims[dim]);
    elementStrides[r] = 1;
    if (r > 0)
      globalStrides[r - 1] =
          static_cast<uint64_t>(view.strides[dim] * elementBytes);
  }
  TensorMap map = {};
  check(d,
        encode(&map, static_cast<int>(dataType),
               static_cast<uint32_t>(tensorRank),
               view.aligned + view.offset * elementBytes, globalDim,
               globalStrides, boxDim, elementStrides,
               static_cast<int>(interleave), static_cast<int>(swizzle),
               static_cast<int>(l2Promotion), static_cast<int>(oobFill)),
        "cuTensorMapEncodeTiled");

  TensorMapKey key;
  key.first = device;
  std::copy(std::begin(map.opaque), std::end(map.opaque), key.second.begin());
  std::lock_guard<std::mutex> lock(rt.mutex);
  auto [it, inserted] = rt.tensorMaps.try_emplace(key, 0);
  if (inserted) {
    check(d, d.memAlloc(&it->second, sizeof(TensorMap)), "cuMemAlloc");
    check(d, d.memcpyHtoD(it->second, &map, sizeof(TensorMap)), "cuMemcpyHtoD");
  }
  return hostPointer(it->second);
}

void *sqzrtCudaDeviceConstant(const void *host, int64_t bytes) {
  int device = 0;
  Runtime &rt = enter(&device);
  const Driver &d = rt.driver;
  std::lock_guard<std::mutex> lock(rt.mutex);
  auto [it, inserted] = rt.constants.try_emplace({device, host}, 0);
  if (inserted && bytes > 0) {
    check(d, d.memAlloc(&it->second, static_cast<size_t>(bytes)), "cuMemAlloc");
    check(d, d.memcpyHtoD(it->second, host, static_cast<size_t>(bytes)),
          "cuMemcpyHtoD");
  }
  return hostPointer(it->second);
}

} // extern "C"

#define SQZ_SYMBOL(name) {#name, reinterpret_cast<void *>(&name)}

static const Symbol kSymbols[] = {
    SQZ_SYMBOL(mgpuModuleLoad),
    SQZ_SYMBOL(mgpuModuleLoadJIT),
    SQZ_SYMBOL(mgpuModuleUnload),
    SQZ_SYMBOL(mgpuModuleGetFunction),
    SQZ_SYMBOL(mgpuLaunchKernel),
    SQZ_SYMBOL(mgpuLaunchClusterKernel),
    SQZ_SYMBOL(mgpuStreamCreate),
    SQZ_SYMBOL(mgpuStreamDestroy),
    SQZ_SYMBOL(mgpuStreamSynchronize),
    SQZ_SYMBOL(mgpuStreamWaitEvent),
    SQZ_SYMBOL(mgpuEventCreate),
    SQZ_SYMBOL(mgpuEventDestroy),
    SQZ_SYMBOL(mgpuEventSynchronize),
    SQZ_SYMBOL(mgpuEventRecord),
    SQZ_SYMBOL(mgpuMemAlloc),
    SQZ_SYMBOL(mgpuMemFree),
    SQZ_SYMBOL(mgpuMemcpy),
    SQZ_SYMBOL(mgpuMemset16),
    SQZ_SYMBOL(mgpuMemset32),
    SQZ_SYMBOL(mgpuMemHostRegister),
    SQZ_SYMBOL(mgpuMemHostUnregister),
    SQZ_SYMBOL(mgpuMemHostRegisterMemRef),
    SQZ_SYMBOL(mgpuMemHostUnregisterMemRef),
    SQZ_SYMBOL(mgpuSetDefaultDevice),
    SQZ_SYMBOL(mgpuTensorMapEncodeTiledMemref),
    SQZ_SYMBOL(sqzrtCudaDeviceConstant),
};

#undef SQZ_SYMBOL

const Symbol *sqzrt::cuda::runtimeSymbols(int &count) {
  count = static_cast<int>(std::size(kSymbols));
  return kSymbols;
}
