// Which register layouts does int8 mma.sp (the sparse tensor cores) read?
//
// PTX gives the metadata-to-thread layout of the sparse MMA only as
// figures. This program settles it on the GPU before a kernel generator
// relies on it: for m16n8k32 and m16n8k64 with s8 operands it builds a
// random 2:4 sparse A (kept values plus 2-bit positions, in our storage's
// order: per group of four along K, the lower position first), a dense B,
// runs one warp's mma.sp with each candidate layout of the A fragment and
// of the metadata, and compares D with a reference computed here. It
// prints, per shape, the candidates that match bit for bit.
//
//   nvcc -arch=sm_90 -o mma_sp_layout bench/gpu/mma_sp_layout.cu && ./mma_sp_layout
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

#define CHECK(call)                                                            \
  do {                                                                         \
    cudaError_t e = (call);                                                    \
    if (e != cudaSuccess) {                                                    \
      std::printf("%s failed: %s\n", #call, cudaGetErrorString(e));            \
      std::exit(1);                                                            \
    }                                                                          \
  } while (0)

// Per lane, the registers each kernel feeds to the instruction, prepared on
// the host from the candidate layout: A (2 or 4), B (2 or 4), metadata (1).
struct Lane {
  uint32_t a[4], b[4], meta;
};

// One warp's mma.sp on the lanes' registers; D goes out per lane.
template <int K> __global__ void mmaSp(const Lane *lanes, int32_t *d) {
  int lane = threadIdx.x;
  const Lane &l = lanes[lane];
  int32_t c[4] = {0, 0, 0, 0};
  if constexpr (K == 32)
    asm volatile("mma.sp.sync.aligned.m16n8k32.row.col.s32.s8.s8.s32 "
                 "{%0,%1,%2,%3}, {%4,%5}, {%6,%7}, {%0,%1,%2,%3}, %8, 0x0;"
                 : "+r"(c[0]), "+r"(c[1]), "+r"(c[2]), "+r"(c[3])
                 : "r"(l.a[0]), "r"(l.a[1]), "r"(l.b[0]), "r"(l.b[1]),
                   "r"(l.meta));
  else
    asm volatile("mma.sp.sync.aligned.m16n8k64.row.col.s32.s8.s8.s32 "
                 "{%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9,%10,%11}, "
                 "{%0,%1,%2,%3}, %12, 0x0;"
                 : "+r"(c[0]), "+r"(c[1]), "+r"(c[2]), "+r"(c[3])
                 : "r"(l.a[0]), "r"(l.a[1]), "r"(l.a[2]), "r"(l.a[3]),
                   "r"(l.b[0]), "r"(l.b[1]), "r"(l.b[2]), "r"(l.b[3]),
                   "r"(l.meta));
  for (int i = 0; i < 4; ++i)
    d[lane * 4 + i] = c[i];
}

struct Problem {
  int k;                       // logical K: 32 or 64
  std::vector<int8_t> values;  // [16][k/2] kept values
  std::vector<uint8_t> pos;    // [16][k/2] position in its group (0..3)
  std::vector<int8_t> b;       // [k][8]
  std::vector<int32_t> d;      // [16][8] reference
};

Problem makeProblem(int k, std::mt19937 &rng) {
  Problem p;
  p.k = k;
  p.values.resize(16 * k / 2);
  p.pos.resize(16 * k / 2);
  p.b.resize(k * 8);
  std::uniform_int_distribution<int> value(-128, 127), pair(0, 5);
  const int pairs[6][2] = {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}};
  for (int r = 0; r < 16; ++r)
    for (int g = 0; g < k / 4; ++g) {
      int which = pair(rng);
      for (int s = 0; s < 2; ++s) {
        p.values[r * k / 2 + g * 2 + s] = int8_t(value(rng));
        p.pos[r * k / 2 + g * 2 + s] = uint8_t(pairs[which][s]);
      }
    }
  for (auto &x : p.b)
    x = int8_t(value(rng));
  p.d.assign(16 * 8, 0);
  for (int r = 0; r < 16; ++r)
    for (int n = 0; n < 8; ++n) {
      int32_t sum = 0;
      for (int c = 0; c < k / 2; ++c) {
        int kk = (c / 2) * 4 + p.pos[r * k / 2 + c];
        sum += int32_t(p.values[r * k / 2 + c]) * int32_t(p.b[kk * 8 + n]);
      }
      p.d[r * 8 + n] = sum;
    }
  return p;
}

uint32_t pack4(int8_t x0, int8_t x1, int8_t x2, int8_t x3) {
  return uint32_t(uint8_t(x0)) | uint32_t(uint8_t(x1)) << 8 |
         uint32_t(uint8_t(x2)) << 16 | uint32_t(uint8_t(x3)) << 24;
}

// The metadata bits of row r for groups [g0, g0 + count): 4 bits a group,
// the first kept position in its low two bits.
uint32_t metaBits(const Problem &p, int r, int g0, int count) {
  uint32_t bits = 0;
  for (int g = 0; g < count; ++g) {
    int c = (g0 + g) * 2;
    uint32_t nibble = p.pos[r * p.k / 2 + c] | p.pos[r * p.k / 2 + c + 1] << 2;
    bits |= nibble << (4 * g);
  }
  return bits;
}

// Candidate metadata layouts. Rows g and g+8 of the lane's group; t is the
// lane's index in its group of four.
//   0: lanes t, per row 16 columns: low half row g, high half row g+8, the
//      columns of t (16 * t .. 16 * t + 15) [m16n8k32: t in {0, 1}]
//   1: t = 0 holds row g whole, t = 1 row g+8 whole (k32); for k64: t = 0
//      row g columns 0-31, t = 1 row g+8 0-31, t = 2 row g 32-63, t = 3
//      row g+8 32-63
uint32_t metaFor(const Problem &p, int layout, int lane) {
  int g = lane / 4, t = lane % 4;
  int groupsPerRow = p.k / 4;
  if (layout == 0) {
    int g0 = 4 * t;
    if (g0 >= groupsPerRow)
      return 0;
    return metaBits(p, g, g0, 4) | metaBits(p, g + 8, g0, 4) << 16;
  }
  int row = (t % 2 == 0) ? g : g + 8;
  int g0 = (t / 2) * 8;
  if (g0 >= groupsPerRow)
    return 0;
  return metaBits(p, row, g0, 8);
}

// Candidate A layouts (k64 only differs): 0: registers alternate rows g and
// g+8, then 16 stored columns on; 1: rows g, g, g+8, g+8.
std::vector<Lane> lanesFor(const Problem &p, int aLayout, int metaLayout) {
  std::vector<Lane> lanes(32);
  int half = p.k / 2; // stored columns per row
  for (int lane = 0; lane < 32; ++lane) {
    int g = lane / 4, t = lane % 4;
    Lane &l = lanes[lane];
    std::memset(&l, 0, sizeof l);
    // A: like the dense A fragment of the stored shape: registers alternate
    // rows g and g+8, then move 16 stored columns on.
    int aRegs = p.k == 32 ? 2 : 4;
    for (int i = 0; i < aRegs; ++i) {
      int row = (i % 2 == 0) ? g : g + 8;
      int col = t * 4 + 16 * (i / 2);
      if (aLayout == 1) {
        row = i < aRegs / 2 ? g : g + 8;
        col = t * 4 + 16 * (i % (aRegs / 2));
      }
      const int8_t *v = &p.values[row * half + col];
      l.a[i] = pack4(v[0], v[1], v[2], v[3]);
    }
    // B: four consecutive K of column g per register, 16 K apart.
    int bRegs = p.k == 32 ? 2 : 4;
    for (int i = 0; i < bRegs; ++i) {
      int k0 = t * 4 + 16 * i;
      l.b[i] = pack4(p.b[(k0 + 0) * 8 + g], p.b[(k0 + 1) * 8 + g],
                     p.b[(k0 + 2) * 8 + g], p.b[(k0 + 3) * 8 + g]);
    }
    l.meta = metaFor(p, metaLayout, lane);
  }
  return lanes;
}

bool run(const Problem &p, int aLayout, int metaLayout) {
  std::vector<Lane> lanes = lanesFor(p, aLayout, metaLayout);
  Lane *dLanes;
  int32_t *dOut;
  CHECK(cudaMalloc(&dLanes, sizeof(Lane) * 32));
  CHECK(cudaMalloc(&dOut, sizeof(int32_t) * 128));
  CHECK(cudaMemcpy(dLanes, lanes.data(), sizeof(Lane) * 32,
                   cudaMemcpyHostToDevice));
  if (p.k == 32)
    mmaSp<32><<<1, 32>>>(dLanes, dOut);
  else
    mmaSp<64><<<1, 32>>>(dLanes, dOut);
  CHECK(cudaGetLastError());
  std::vector<int32_t> out(128);
  CHECK(cudaMemcpy(out.data(), dOut, sizeof(int32_t) * 128,
                   cudaMemcpyDeviceToHost));
  CHECK(cudaFree(dLanes));
  CHECK(cudaFree(dOut));
  int wrong = 0;
  for (int lane = 0; lane < 32; ++lane) {
    int g = lane / 4, t = lane % 4;
    for (int i = 0; i < 4; ++i) {
      int row = g + 8 * (i / 2), col = t * 2 + (i % 2);
      wrong += out[lane * 4 + i] != p.d[row * 8 + col];
    }
  }
  return wrong == 0;
}

int main() {
  std::mt19937 rng(7);
  int found = 0;
  for (int k : {32, 64})
    for (int aLayout = 0; aLayout < (k == 32 ? 1 : 2); ++aLayout)
      for (int layout = 0; layout < 2; ++layout) {
        bool all = true;
        for (int trial = 0; trial < 20 && all; ++trial)
          all = run(makeProblem(k, rng), aLayout, layout);
        std::printf("m16n8k%d s8, A layout %d, metadata layout %d: %s\n", k,
                    aLayout, layout, all ? "MATCHES" : "no");
        found += all;
      }
  return found ? 0 : 1;
}
