#===- AddAxon.cmake - helpers for Axon libraries, tools and tests --------===#
#
# Thin wrappers around MLIR's add_mlir_* functions that also record the
# libraries in global properties (as CIRCT does with CIRCT_DIALECT_LIBS), so
# tools can link "everything" without listing it.
#
#===----------------------------------------------------------------------===#

# add_axon_dialect_library(name srcs... DEPENDS ... LINK_LIBS ...)
function(add_axon_dialect_library name)
  set_property(GLOBAL APPEND PROPERTY AXON_DIALECT_LIBS ${name})
  add_mlir_library(${name} ${ARGN} DISABLE_INSTALL)
endfunction()

# add_axon_library(name srcs... LINK_LIBS ...): shared libraries under lib/.
function(add_axon_library name)
  set_property(GLOBAL APPEND PROPERTY AXON_LIBS ${name})
  add_mlir_library(${name} ${ARGN} DISABLE_INSTALL)
endfunction()

# add_axon_target_library(name srcs...): a back end under targets/.
function(add_axon_target_library name)
  set_property(GLOBAL APPEND PROPERTY AXON_TARGET_LIBS ${name})
  add_mlir_library(${name} ${ARGN} DISABLE_INSTALL)
endfunction()

# add_axon_plain_library(name srcs... [LINK_LIBS libs...]): plain C++ (no
# MLIR) algorithm library; compiled with the project's flags.
function(add_axon_plain_library name)
  cmake_parse_arguments(ARG "" "" "LINK_LIBS" ${ARGN})
  add_library(${name} STATIC ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PUBLIC ${ARG_LINK_LIBS})
endfunction()

# add_axon_unittest(name srcs... [LINK_LIBS libs...]): a GoogleTest binary,
# placed in build/test/unit so lit's GoogleTest format runs it.  Names end in
# "Tests" (the suffix lit keys on).
function(add_axon_unittest name)
  cmake_parse_arguments(ARG "" "" "LINK_LIBS" ${ARGN})
  add_executable(${name} ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE ${ARG_LINK_LIBS} GTest::gtest
                        GTest::gtest_main Threads::Threads)
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY
                        ${PROJECT_BINARY_DIR}/test/unit/bin)
  set_property(GLOBAL APPEND PROPERTY AXON_UNITTESTS ${name})
endfunction()

# add_axon_tool(name srcs... [LINK_LIBS libs...])
function(add_axon_tool name)
  cmake_parse_arguments(ARG "" "" "LINK_LIBS" ${ARGN})
  add_llvm_executable(${name} ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE ${ARG_LINK_LIBS})
  llvm_update_compile_flags(${name})
  mlir_check_all_link_libraries(${name})
  get_property(rooms GLOBAL PROPERTY AXON_BUILT_ROOMS)
  foreach(room ${rooms})
    string(TOUPPER ${room} room)
    target_compile_definitions(${name} PRIVATE AXON_HAVE_${room}=1)
  endforeach()
  set_property(GLOBAL APPEND PROPERTY AXON_TOOLS ${name})
endfunction()
