//===- InitSqueeze.h - Registration of everything Squeeze has ---*- C++ -*-===//
//
// The one entry point that sqz-opt, sqz-run and downstream tools call to make
// Squeeze's dialects, passes and pipelines known.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_REGISTRATION_INITSQUEEZE_H
#define SQZ_REGISTRATION_INITSQUEEZE_H

namespace mlir {
class DialectRegistry;

namespace sqz {

/// Adds the sqz dialect (and the dialects our passes create) to `registry`.
void registerSqueezeDialects(DialectRegistry &registry);

/// Registers every sqz pass with the global pass registry, so that it can be
/// named on the command line and in textual pipelines.
void registerSqueezePasses();

/// Registers the named pass pipelines (`sqz-lower-to-cpu`, ...).
void registerSqueezePipelines();

/// Registers everything a Squeeze driver offers: all upstream dialects,
/// extensions and passes, plus all of the above.
void registerSqueezeAndUpstream(DialectRegistry &registry);

} // namespace sqz
} // namespace mlir

#endif // SQZ_REGISTRATION_INITSQUEEZE_H
