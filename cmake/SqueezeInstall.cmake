# `cmake --install`: headers (written and generated), the exported
# libraries, the runtime, the tools and the CMake package that
# find_package(Squeeze) reads:
#
#   <prefix>/include/sqz/...            headers, .h.inc and .td
#   <prefix>/lib/libSqueeze*.a          the libraries (Squeeze::<name>)
#   <prefix>/lib/libsqz_runtime.so      what compiled models link against
#   <prefix>/lib/SqueezePlugin.so       the mlir-opt plugin
#   <prefix>/bin/sqz-*                  the tools
#   <prefix>/lib/cmake/Squeeze/         SqueezeConfig.cmake and the targets
include(CMakePackageConfigHelpers)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/sqz
  DESTINATION include
  COMPONENT squeeze-headers
  FILES_MATCHING PATTERN "*.h" PATTERN "*.td")
install(DIRECTORY ${PROJECT_BINARY_DIR}/include/sqz
  DESTINATION include
  COMPONENT squeeze-headers
  FILES_MATCHING PATTERN "*.h" PATTERN "*.inc")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/runtime/include/sqz
  DESTINATION include
  COMPONENT squeeze-headers
  FILES_MATCHING PATTERN "*.h")

# The compiling tools find libMLIR and libLLVM where the LLVM they were built
# with has them; sqz-exec keeps its own run path (no LLVM).
set(SQZ_LLVM_TOOLS sqz-opt sqz-run sqz-compile sqz-lsp-server sqz-reduce)
set_target_properties(${SQZ_LLVM_TOOLS} PROPERTIES
  INSTALL_RPATH "\$ORIGIN/../lib;${LLVM_LIBRARY_DIR}")
install(TARGETS ${SQZ_LLVM_TOOLS} sqz-exec
  RUNTIME DESTINATION bin
  COMPONENT squeeze-tools)

set(SQZ_CMAKE_DIR lib/cmake/Squeeze)
install(EXPORT SqueezeTargets
  NAMESPACE Squeeze::
  DESTINATION ${SQZ_CMAKE_DIR}
  COMPONENT squeeze-libraries)
set(SQZ_INSTALL_INCLUDE_DIR include)
set(SQZ_INSTALL_TOOLS_DIR bin)
set(SQZ_INSTALL_PLUGIN lib/SqueezePlugin.so)
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/SqueezeConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/SqueezeConfig.cmake
  INSTALL_DESTINATION ${SQZ_CMAKE_DIR}
  PATH_VARS SQZ_INSTALL_INCLUDE_DIR SQZ_INSTALL_TOOLS_DIR SQZ_INSTALL_PLUGIN)
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/cmake/SqueezeConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/cmake/SqueezeConfig.cmake
  ${PROJECT_BINARY_DIR}/cmake/SqueezeConfigVersion.cmake
  DESTINATION ${SQZ_CMAKE_DIR}
  COMPONENT squeeze-libraries)
