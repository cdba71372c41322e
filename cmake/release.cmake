# SPDX-License-Identifier: MIT
# Release builds (the release-x64 and release-x86 presets): optimised for
# size, stripped, with each binary's debug symbols kept beside it in
# <binary>.debug (found by debuggers through the .gnu_debuglink section), and
# a size check with a budget that says what takes the space.
#
# They are reproducible: the same commit built in two clean trees, anywhere,
# gives the same bytes. Nothing records when: the linker writes a PE
# TimeDateStamp of 0 and objcopy, rewriting the file, SOURCE_DATE_EPOCH (the
# commit's time, which packaged files carry too). Nothing records where:
# paths in the debug information are relative to the source and build trees.
option(OLKHELPER_RELEASE "stripped binaries with separate debug files, and a size check" OFF)

# Bytes each release binary may take, stripped, per architecture. The DLL,
# with the automation objects and the type library, must fit in 64 KiB on
# both (x64 65,043 bytes and x86 61,981 today); olkacct, with its eight
# subcommands, is 88.5 KiB (x64) and 86.5 KiB (x86), and its budgets keep it
# from growing unnoticed. The x64 DLL is within a few hundred bytes of its
# budget: the file grows in 512-byte steps, and README ("Release builds")
# says what takes the space.
if(CMAKE_SIZEOF_VOID_P EQUAL 8)
  set(OLK_SIZE_BUDGET_olkhelper 65536)
  set(OLK_SIZE_BUDGET_olkacct 92160)
else()
  set(OLK_SIZE_BUDGET_olkhelper 65536)
  set(OLK_SIZE_BUDGET_olkacct 90112)
endif()
# Runtime code no release binary may link: MinGW's own printf (its
# format engine, about 20 KB), which msvcrt's makes unnecessary
# (__USE_MINGW_ANSI_STDIO=0 in CMakeLists.txt).
set(OLK_SIZE_FORBIDDEN "mingw_w?pformat")

# The time packaged files carry: the environment's SOURCE_DATE_EPOCH, else the
# time of the commit being built. A release needs one; the test packages
# (tests/packages.cmake) of a tree that is no git checkout make do with 0.
if(DEFINED ENV{SOURCE_DATE_EPOCH})
  set(OLK_SOURCE_DATE_EPOCH $ENV{SOURCE_DATE_EPOCH})
else()
  execute_process(COMMAND git -C ${PROJECT_SOURCE_DIR} log -1 --format=%ct
                  OUTPUT_VARIABLE OLK_SOURCE_DATE_EPOCH OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE _rc ERROR_QUIET)
  if(NOT _rc EQUAL 0 OR NOT OLK_SOURCE_DATE_EPOCH MATCHES "^[0-9]+$")
    if(OLKHELPER_RELEASE)
      message(FATAL_ERROR "release build outside a git checkout: set SOURCE_DATE_EPOCH "
                          "(seconds since 1970, the time of the sources)")
    endif()
    set(OLK_SOURCE_DATE_EPOCH 0)
  endif()
endif()

if(OLKHELPER_RELEASE)
  # Debug information only ever goes to the .debug files.
  add_compile_options($<$<COMPILE_LANGUAGE:C,CXX>:-g>)
  # The last map that matches wins: the build tree may lie inside the source tree.
  add_compile_options($<$<COMPILE_LANGUAGE:C,CXX>:-ffile-prefix-map=${PROJECT_SOURCE_DIR}=.>
                      $<$<COMPILE_LANGUAGE:C,CXX>:-ffile-prefix-map=${CMAKE_BINARY_DIR}=build>)
  add_link_options(-Wl,--no-insert-timestamp)
  # -Oz: GCC's smallest code (MinSizeRel's -Os trades a few bytes for speed).
  # No -ffunction-sections: the assembler pads each COFF section to 16 bytes,
  # which cost the x64 DLL 2 KB more than unused functions save; the linker
  # still drops sections that nothing reaches.
  add_compile_options($<$<COMPILE_LANGUAGE:C,CXX>:-Oz> $<$<COMPILE_LANGUAGE:C,CXX>:-malign-data=abi>)
  add_link_options(-Wl,--gc-sections)
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
    COMMAND ${CMAKE_COMMAND} -E env SOURCE_DATE_EPOCH=${OLK_SOURCE_DATE_EPOCH}
            ${CMAKE_OBJCOPY} --only-keep-debug $<TARGET_FILE_NAME:${target}> $<TARGET_FILE_NAME:${target}>.debug
    COMMAND ${CMAKE_COMMAND} -E env SOURCE_DATE_EPOCH=${OLK_SOURCE_DATE_EPOCH}
            ${CMAKE_OBJCOPY} --strip-all --add-gnu-debuglink=$<TARGET_FILE_NAME:${target}>.debug
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
            --objdump ${CMAKE_OBJDUMP} --forbid ${OLK_SIZE_FORBIDDEN}
    DEPENDS ${target}
    VERBATIM)
  add_dependencies(size_check size_${target})
endfunction()
