# SPDX-License-Identifier: MIT
# Runs registry_table under Wine and keeps its listing.
# cmake -DWINE=<loader> -DWINEPREFIX=<prefix> -DPROGRAM=<registry_table.exe>
#       -DMODULE_REF=<text> -DOUTPUT=<listing> -P registry-table.cmake
cmake_minimum_required(VERSION 3.25)
get_filename_component(_dir ${OUTPUT} DIRECTORY)
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
