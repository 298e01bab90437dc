// What sqz-lower-to-cpu cannot lower, or an upstream pass in it mishandles,
// is reported before any pass runs, one error per offending op.
// RUN: sqz-opt %s --sqz-lower-to-cpu -verify-diagnostics -split-input-file
// The check on its own passes what the pipeline takes.
// RUN: sqz-opt %s --sqz-check-cpu-input -split-input-file -verify-diagnostics

// Unranked tensors: bufferizing function boundaries crashes on them.
// expected-error@+1 {{sqz-lower-to-cpu: 'func.func' op has the unranked type 'tensor<*xf32>': the pipeline needs ranked tensors (cast to a ranked type first)}}
func.func @negative_unranked(%x: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error@+1 {{sqz-lower-to-cpu: 'math.exp' op has the unranked type 'tensor<*xf32>'}}
  %r = math.exp %x : tensor<*xf32>
  return %r : tensor<*xf32>
}

// -----

// expected-error@+1 {{sqz-lower-to-cpu: 'func.func' op has the unranked type 'memref<*xf32>'}}
func.func @negative_unranked_memref(%x: memref<*xf32>) {
  return
}

// -----

// A mutable scalar global (an out-of-memory abort in the upstream lowering).
// expected-error@+1 {{sqz-lower-to-cpu: 'ml_program.global' op @counter has type 'f32': the pipeline needs globals of statically shaped tensors}}
ml_program.global private mutable @counter(0.0 : f32) : f32
func.func @negative_scalar_global(%x: f32) -> f32 {
  %v = ml_program.global_load @counter : f32
  ml_program.global_store @counter = %x : f32
  return %v : f32
}

// -----

// A dynamically shaped global (an invalid memref.global upstream).
// expected-error@+1 {{sqz-lower-to-cpu: 'ml_program.global' op @table has type 'tensor<?xf32>'}}
ml_program.global private @table(dense<1.0> : tensor<4xf32>) : tensor<?xf32>
func.func @negative_dynamic_global() -> tensor<?xf32> {
  %v = ml_program.global_load_const @table : tensor<?xf32>
  return %v : tensor<?xf32>
}

// -----

// A large vector.contract: the upstream lowering unrolls it for minutes.
func.func @negative_large_contract(%a: vector<24x64xf32>, %b: vector<64x32xf32>, %c: vector<24x32xf32>) -> vector<24x32xf32> {
  // expected-error@+1 {{sqz-lower-to-cpu: 'vector.contract' op has more than 4096 iteration points: the pipeline lowers small vector contractions only (tile it first)}}
  %r = vector.contract {indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %a, %b, %c : vector<24x64xf32>, vector<64x32xf32> into vector<24x32xf32>
  return %r : vector<24x32xf32>
}

// -----

// linalg.softmax decomposes into tensor ops only.
func.func @negative_softmax_on_buffers(%x: memref<2x16xf32>, %y: memref<2x16xf32>) {
  // expected-error@+1 {{sqz-lower-to-cpu: 'linalg.softmax' op operates on buffers: the pipeline decomposes it on tensors only}}
  linalg.softmax dimension(1) ins(%x : memref<2x16xf32>) outs(%y : memref<2x16xf32>)
  return
}

// -----

// What the pipeline takes passes the check: a small contraction, a global
// of a static tensor (mutable too), softmax on tensors.
ml_program.global private mutable @state(dense<0.0> : tensor<4xf32>) : tensor<4xf32>
func.func @small_contract(%a: vector<4x8xf32>, %b: vector<8x4xf32>, %c: vector<4x4xf32>, %x: tensor<2x16xf32>) -> (vector<4x4xf32>, tensor<2x16xf32>, tensor<4xf32>) {
  %r = vector.contract {indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %a, %b, %c : vector<4x8xf32>, vector<8x4xf32> into vector<4x4xf32>
  %e = tensor.empty() : tensor<2x16xf32>
  %s = linalg.softmax dimension(1) ins(%x : tensor<2x16xf32>) outs(%e : tensor<2x16xf32>) -> tensor<2x16xf32>
  %v = ml_program.global_load @state : tensor<4xf32>
  return %r, %s, %v : vector<4x4xf32>, tensor<2x16xf32>, tensor<4xf32>
}
