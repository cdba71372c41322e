# SPDX-License-Identifier: MIT
# Release builds (the release-x64 and release-x86 presets): optimised for
# size, stripped, with each binary's debug symbols kept beside it in
# <binary>.debug (found by debuggers through the .gnu_debuglink section), and
# a size check with a budget that says what takes the space.
option(OLKHELPER_RELEASE "stripped binaries with separate debug files, and a size check" OFF)

# Bytes each release binary may take, stripped. The DLL's budget leaves room
# for the automation objects and the type library still to come.
set(OLK_SIZE_BUDGET_olkhelper 65536)
set(OLK_SIZE_BUDGET_olkacct 65536)

if(OLKHELPER_RELEASE)
  # Debug information only ever goes to the .debug files.
  add_compile_options($<$<COMPILE_LANGUAGE:C,CXX>:-g>)
  if(CMAKE_SIZEOF_VOID_P EQUAL 4)
    # DWARF unwind tables (.eh_frame) serve C++ exceptions and debuggers, and
    # the product is C: Windows unwinds x86 frames without them.
    add_compile_options($<$<COMPILE_LANGUAGE:C>:-fno-asynchronous-unwind-tables>)
  endif()
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  add_custom_target(size_check ALL COMMENT "size check of the release binaries")
  file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/size)
endif()

# olk_release_binary(<target>): in a release build, strips the target after
# linking, keeping its debug symbols in <file>.debug, and adds it to the size
# check (its budget is OLK_SIZE_BUDGET_<output name>).
function(olk_release_binary target)
  if(NOT OLKHELPER_RELEASE)
    return()
  endif()
  get_target_property(_name ${target} OUTPUT_NAME)
  set(_map ${CMAKE_BINARY_DIR}/size/${target}.map)
  target_link_options(${target} PRIVATE -Wl,-Map,${_map})
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_OBJCOPY} --only-keep-debug $<TARGET_FILE_NAME:${target}> $<TARGET_FILE_NAME:${target}>.debug
    COMMAND ${CMAKE_OBJCOPY} --strip-all --add-gnu-debuglink=$<TARGET_FILE_NAME:${target}>.debug
            $<TARGET_FILE_NAME:${target}>
    WORKING_DIRECTORY $<TARGET_FILE_DIR:${target}>
    COMMENT "stripping ${_name}, debug symbols in $<TARGET_FILE_NAME:${target}>.debug"
    VERBATIM)
  if(NOT DEFINED OLK_SIZE_BUDGET_${_name})
    message(FATAL_ERROR "no size budget for ${_name} (OLK_SIZE_BUDGET_${_name}, cmake/release.cmake)")
  endif()
  add_custom_target(size_${target}
    COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tools/release/size_report.py
            --binary $<TARGET_FILE:${target}> --map ${_map} --budget ${OLK_SIZE_BUDGET_${_name}}
            --objdump ${CMAKE_OBJDUMP}
    DEPENDS ${target}
    VERBATIM)
  add_dependencies(size_check size_${target})
endfunction()
