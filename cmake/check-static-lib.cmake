# SPDX-License-Identifier: MIT
#
# Checks that a static library meant for olkhelper.dll keeps to the DLL's
# imports: nothing it calls comes from USER32 or from MinGW's own stdio
# (__mingw_*printf and friends), which the DLL must not pull in.
#
# cmake -DNM=<nm> -DLIB=<libfoo.a> -DUSER32=<libuser32.a> -P check-static-lib.cmake

cmake_minimum_required(VERSION 3.25)

foreach(_var NM LIB USER32)
  if(NOT ${_var} OR NOT EXISTS "${${_var}}")
    message(FATAL_ERROR "check-static-lib: ${_var} is not set or does not exist")
  endif()
endforeach()

execute_process(COMMAND "${NM}" -u "${LIB}" OUTPUT_VARIABLE _undefined RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "check-static-lib: ${NM} -u ${LIB} failed (${_rc})")
endif()
string(REGEX MATCHALL " U [^\r\n]+" _undefined "${_undefined}")
list(TRANSFORM _undefined REPLACE "^ U " "")
list(REMOVE_DUPLICATES _undefined)

execute_process(COMMAND "${NM}" --defined-only "${USER32}" OUTPUT_VARIABLE _user32 RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "check-static-lib: ${NM} --defined-only ${USER32} failed (${_rc})")
endif()
string(REGEX MATCHALL " [TI] [^\r\n]+" _user32 "${_user32}")
list(TRANSFORM _user32 REPLACE "^ [TI] " "")

set(_bad)
foreach(_symbol IN LISTS _undefined)
  if(_symbol IN_LIST _user32)
    list(APPEND _bad "${_symbol} (USER32)")
  elseif(_symbol MATCHES "__mingw_|printf|scanf")
    list(APPEND _bad "${_symbol} (MinGW stdio)")
  endif()
endforeach()
if(_bad)
  list(JOIN _bad ", " _bad_text)
  message(FATAL_ERROR "check-static-lib: ${LIB} uses what olkhelper.dll must not: ${_bad_text}")
endif()
list(JOIN _undefined ", " _text)
message(STATUS "check-static-lib: ${LIB} needs only: ${_text}")
