//===- CudaRuntime.h - The CUDA runtime of compiled models ------*- C++ -*-===//
//
// The host side of GPU code that MLIR 22 lowers (`gpu-to-llvm`, and the LLVM
// IR translation of `gpu.binary` and `gpu.launch_func` through
// `#gpu.select_object`) calls C functions named `mgpu*`: they load the
// kernels' binary, launch kernels, and manage streams, events and device
// memory. This library implements them on the CUDA driver API, which it loads
// at run time with `dlopen("libcuda.so.1")` on first use: nothing links
// against libcuda, so a compiled model and `sqz-run` start on a machine
// without a GPU and only fail, with a clear message, when they use it.
//
// All calls work in the primary context of one device: device 0, or the
// device numbered by the environment variable SQZ_CUDA_DEVICE, or the one
// that `mgpuSetDefaultDevice` selects. The context is retained once and made
// current on each calling thread. Compiled code cannot handle errors, so a
// failing driver call prints one line to stderr and exits with status 1:
//
//   sqz-runtime: error: cuModuleLoadData failed: CUDA_ERROR_INVALID_IMAGE
//   (device kernel image is invalid)
//
// Streams are created blocking (they synchronize with the legacy default
// stream), so that the synchronous helpers of `sqzrt::cuda` below, which use
// that stream, are ordered with the compiled code's work.
//
// This header has no LLVM, MLIR or CUDA dependency.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_RUNTIME_CUDARUNTIME_H
#define SQZ_RUNTIME_CUDARUNTIME_H

#include <cstddef>
#include <cstdint>
#include <string>

namespace sqzrt {
namespace cuda {

/// Whether the CUDA driver loads, initializes and has the selected device.
/// When not, `why` receives the reason, e.g. "cannot load the CUDA driver
/// libcuda.so.1 (...); is an NVIDIA GPU and its driver installed?". Never
/// exits.
bool driverAvailable(std::string &why);

/// The selected device and the driver, e.g.
/// "NVIDIA H100 80GB HBM3 (sm_90), driver 13.0".
std::string deviceDescription();

/// The selected device's compute capability as major * 10 + minor (90 for
/// sm_90).
int computeCapability();

/// Waits until all work of the selected device's context has completed.
void synchronize();

/// Device memory, synchronously allocated and freed. `deviceAlloc(0)` is
/// null; `deviceFree(nullptr)` does nothing.
void *deviceAlloc(size_t bytes);
void deviceFree(void *device);

/// Synchronous copies: when they return, the data has arrived. They are
/// ordered after the work queued before them on any stream of the runtime.
void copyToDevice(void *device, const void *host, size_t bytes);
void copyToHost(void *host, const void *device, size_t bytes);

/// Times the work queued on a stream between `start` and `stop` with a pair
/// of CUDA events.
///
///   EventTimer timer;
///   timer.start(stream);
///   ... launches on `stream` ...
///   timer.stop();
///   double ms = timer.elapsedMs();
class EventTimer {
public:
  EventTimer();
  ~EventTimer();
  EventTimer(const EventTimer &) = delete;
  EventTimer &operator=(const EventTimer &) = delete;

  /// Records the start event on `stream` (null: the legacy default stream).
  void start(void *stream = nullptr);
  /// Records the stop event on the stream given to `start`.
  void stop();
  /// Waits for the stop event and returns the time between the two events
  /// in milliseconds.
  double elapsedMs();

private:
  void *startEvent;
  void *stopEvent;
  void *stream = nullptr;
};

/// One `mgpu*` function's C symbol and address, for a JIT to resolve.
struct Symbol {
  const char *name;
  void *address;
};

/// Every `mgpu*` function below. `count` receives the number of entries.
const Symbol *runtimeSymbols(int &count);

} // namespace cuda
} // namespace sqzrt

/// The functions that MLIR 22's GPU lowering emits calls to, with the C
/// types of the LLVM signatures it declares (i64 → intptr_t, int64_t or
/// size_t; i32 → int32_t or uint32_t; i16 → uint16_t; i8 → int8_t; ptr →
/// pointer). Handles (module, function, stream, event) are the driver's
/// handles as `void *`; device pointers are `void *` too.
extern "C" {

/// Registers a cubin, fatbin or PTX image (`size` is its size in bytes,
/// unused: the driver reads the image's own headers). Compiled models call
/// it from global constructors, when they are loaded: the image is loaded
/// into the context when a kernel is first looked up, so that a model
/// library loads on a machine without a GPU (and the driver is told of an
/// error when there is a call to report it from).
void *mgpuModuleLoad(void *data, size_t size);
/// The same for a NUL-terminated PTX image, compiled by the driver's JIT at
/// optimization level `optLevel` (0 to 4) when first used.
void *mgpuModuleLoadJIT(void *data, int32_t optLevel);
void mgpuModuleUnload(void *module);
void *mgpuModuleGetFunction(void *module, const char *name);

/// Launches `function` on `stream`. `params` holds one pointer per kernel
/// parameter, to its value (`paramsCount` of them); `extra` is passed to
/// `cuLaunchKernel` as is (null from the lowering). More than 48 KiB of
/// dynamic shared memory is opted into first.
void mgpuLaunchKernel(void *function, intptr_t gridX, intptr_t gridY,
                      intptr_t gridZ, intptr_t blockX, intptr_t blockY,
                      intptr_t blockZ, int32_t sharedMemBytes, void *stream,
                      void **params, void **extra, size_t paramsCount);
/// The same with thread-block clusters (sm_90 and later): the grid counts
/// blocks and is a multiple of the cluster in each dimension.
void mgpuLaunchClusterKernel(void *function, intptr_t clusterX,
                             intptr_t clusterY, intptr_t clusterZ,
                             intptr_t gridX, intptr_t gridY, intptr_t gridZ,
                             intptr_t blockX, intptr_t blockY, intptr_t blockZ,
                             int32_t sharedMemBytes, void *stream,
                             void **params, void **extra);

void *mgpuStreamCreate();
void mgpuStreamDestroy(void *stream);
void mgpuStreamSynchronize(void *stream);
void mgpuStreamWaitEvent(void *stream, void *event);
void *mgpuEventCreate();
void mgpuEventDestroy(void *event);
void mgpuEventSynchronize(void *event);
void mgpuEventRecord(void *event, void *stream);

/// Allocates `sizeBytes` of device memory (managed memory, accessible from
/// the host too, when `isHostShared` is non-zero); null for 0 bytes. The
/// allocation is synchronous and usable on every stream; `stream` is unused.
void *mgpuMemAlloc(uint64_t sizeBytes, void *stream, int8_t isHostShared);
/// Frees device memory once the work queued on `stream` has completed.
void mgpuMemFree(void *ptr, void *stream);
/// Copies `sizeBytes` between any two of host and device memory on `stream`.
void mgpuMemcpy(void *dst, void *src, size_t sizeBytes, void *stream);
/// Fill `count` elements (not bytes) of 16 or 32 bits on `stream`.
void mgpuMemset16(void *dst, uint16_t value, size_t count, void *stream);
void mgpuMemset32(void *dst, uint32_t value, size_t count, void *stream);

/// Page-locks host memory for faster copies (`gpu.host_register`): the
/// elements of the ranked memref descriptor `descriptor` of rank `rank`.
void mgpuMemHostRegisterMemRef(int64_t rank, void *descriptor,
                               int64_t elementSizeBytes);
void mgpuMemHostUnregisterMemRef(int64_t rank, void *descriptor,
                                 int64_t elementSizeBytes);
/// The same on a byte range (not emitted by the lowering; upstream's ABI).
void mgpuMemHostRegister(void *ptr, uint64_t sizeBytes);
void mgpuMemHostUnregister(void *ptr);

/// Selects the device of the following calls, from every thread. Modules
/// loaded before stay in the context of the device they were loaded on.
void mgpuSetDefaultDevice(int32_t device);

/// Emitted by `convert-nvgpu-to-nvvm` for `nvgpu.tma.create.descriptor`:
/// encodes a TMA descriptor of the ranked memref `descriptor` (rank
/// `tensorRank`, innermost stride 1) with boxes of `boxDims` (outermost
/// first) and the `CUtensorMap*` enum values given, and returns a device
/// pointer to it. Equal descriptors share one device copy.
void *mgpuTensorMapEncodeTiledMemref(int64_t tensorRank, void *descriptor,
                                     int64_t dataType, int64_t interleave,
                                     int64_t swizzle, int64_t l2Promotion,
                                     int64_t oobFill, int64_t *boxDims);

/// Squeeze's own: the device copy of `bytes` bytes of constant host data
/// (a weight), made on the first call for `host` on the current device and
/// kept for the life of the process. `sqz-gpu-device-constants` makes the
/// host code read constant globals through it, so that weights cross to
/// the GPU once per loaded model.
void *sqzrtCudaDeviceConstant(const void *host, int64_t bytes);
}

#endif // SQZ_RUNTIME_CUDARUNTIME_H
