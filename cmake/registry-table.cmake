# SPDX-License-Identifier: MIT
# Runs registry_table under Wine and keeps its listing.
# cmake -DWINE=<loader> -DWINEPREFIX=<prefix> -DPROGRAM=<registry_table.exe>
#       -DMODULE_REF=<text> -DOUTPUT=<listing> -P registry-table.cmake
# Or, for an x86 tree on a machine whose Wine may have no 32-bit loader, the
# x64 listing made into the x86 one:
# cmake -DFROM_X64=<x64 listing> -DOUTPUT=<listing> -P registry-table.cmake
# The two differ only in the type library's platform key (0\win64, 0\win32),
# which the x86 suite checks (package_listing runs the x86 registry_table).
cmake_minimum_required(VERSION 3.25)
get_filename_component(_dir ${OUTPUT} DIRECTORY)
if(DEFINED FROM_X64)
  file(READ ${FROM_X64} _listing)
  string(REGEX REPLACE "(\\\\TypeLib\\\\[^\t\n]*\\\\0\\\\)win64\t" "\\1win32\t" _listing "${_listing}")
  file(MAKE_DIRECTORY ${_dir})
  file(WRITE ${OUTPUT}.tmp "${_listing}")
  file(RENAME ${OUTPUT}.tmp ${OUTPUT})
  return()
endif()
file(MAKE_DIRECTORY ${_dir} ${WINEPREFIX})
# Files, never the build tool's pipes: the wineserver that Wine starts
# outlives the program and would hold a pipe open.
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env WINEPREFIX=${WINEPREFIX} WINEDEBUG=-all
          WINEDLLOVERRIDES=winedbg.exe,winemenubuilder.exe=d ${WINE} ${PROGRAM} ${MODULE_REF}
  INPUT_FILE /dev/null OUTPUT_FILE ${OUTPUT}.tmp ERROR_FILE ${OUTPUT}.log RESULT_VARIABLE _rc)
file(READ ${OUTPUT}.log _log)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "registry-table: ${PROGRAM} under ${WINE} failed (${_rc}): ${_log}")
endif()
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
