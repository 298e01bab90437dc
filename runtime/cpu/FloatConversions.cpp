//===- FloatConversions.cpp - Float conversions lowered code calls --------===//
//
// LLVM lowers a bf16 truncation (`arith.truncf` to bf16, and the rounding of
// bf16 arithmetic, which it promotes to f32) on x86 to a call of the
// compiler runtime's `__truncsfbf2`. The JIT finds it in its own process; a
// compiled model library needs it at link time, and the C runtime of the
// supported systems (libgcc before GCC 13) does not have it. This library
// defines it, with the compiler runtime's semantics: round to nearest even,
// a NaN kept a quiet NaN with its sign and top payload bits.
//
//===----------------------------------------------------------------------===//

#include <cstdint>
#include <cstring>

extern "C" __attribute__((visibility("default"))) __bf16
__truncsfbf2(float value) {
  uint32_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  uint16_t result;
  if ((bits & 0x7fffffffu) > 0x7f800000u)
    result = static_cast<uint16_t>((bits >> 16) | 0x0040u);
  else
    result =
        static_cast<uint16_t>((bits + 0x7fffu + ((bits >> 16) & 1u)) >> 16);
  __bf16 out;
  std::memcpy(&out, &result, sizeof out);
  return out;
}
