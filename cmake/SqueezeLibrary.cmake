# add_squeeze_library(NAME ...): an MLIR library of Squeeze (the arguments
# of add_mlir_library), installed and exported as Squeeze::NAME.
#
# add_mlir_library would install it into MLIR's own export set, which this
# project never installs; here every library goes into SqueezeTargets
# instead, carrying its usage requirements (include directories, link
# dependencies), so that a project that calls find_package(Squeeze) or
# add_subdirectory() on this one links one target and gets the rest.
include_guard(GLOBAL)

function(squeeze_export_target name)
  add_library(Squeeze::${name} ALIAS ${name})
  target_include_directories(${name} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/include>
    $<INSTALL_INTERFACE:include>)
  install(TARGETS ${name}
    EXPORT SqueezeTargets
    COMPONENT squeeze-libraries
    ARCHIVE DESTINATION lib
    LIBRARY DESTINATION lib
    RUNTIME DESTINATION bin)
endfunction()

function(add_squeeze_library name)
  add_mlir_library(${name} DISABLE_INSTALL ${ARGN})
  squeeze_export_target(${name})
  # What LLVM and MLIR headers need of a user, the way this project (and
  # libMLIR) is compiled: their include directories and definitions, and
  # no RTTI when LLVM has none (a class derived from an MLIR class, such as
  # a pass, would otherwise refer to type information that libMLIR lacks).
  target_include_directories(${name} SYSTEM INTERFACE
    ${LLVM_INCLUDE_DIRS} ${MLIR_INCLUDE_DIRS})
  target_compile_definitions(${name} INTERFACE ${LLVM_DEFINITIONS_LIST})
  if(NOT LLVM_ENABLE_RTTI)
    target_compile_options(${name} INTERFACE
      $<$<COMPILE_LANGUAGE:CXX>:-fno-rtti>)
  endif()
endfunction()
