# SPDX-License-Identifier: MIT
#
# Checks the built olkhelper.dll with objdump, for either architecture:
#   - it exports exactly the names def/olkhelper.def lists, undecorated (an
#     i686 stdcall symbol left as Name@N would fail here);
#   - it imports only DLLs that ship with Windows (no MinGW runtime DLL, no
#     static import of mapi32);
#   - it carries a VERSIONINFO resource;
#   - with IMPLIB and NM given: the import library offers each public export
#     under the name a caller's compiler asks for (Name on x86_64, the
#     stdcall-decorated _Name@N on i686) and none of the PRIVATE ones.
#
# cmake -DOBJDUMP=<objdump> -DDLL=<olkhelper.dll> -DDEF=<olkhelper.def>
#       [-DIMPLIB=<libolkhelper.dll.a> -DNM=<nm>] -P check-pe.cmake

cmake_minimum_required(VERSION 3.25)

foreach(_var OBJDUMP DLL DEF)
  if(NOT ${_var})
    message(FATAL_ERROR "check-pe: ${_var} is not set (usage: cmake -DOBJDUMP=... -DDLL=... -DDEF=... -P check-pe.cmake)")
  endif()
endforeach()
foreach(_file "${DLL}" "${DEF}")
  if(NOT EXISTS "${_file}")
    message(FATAL_ERROR "check-pe: ${_file} does not exist")
  endif()
endforeach()

# Windows' own DLLs the product may import, upper case.
set(_allowed_imports KERNEL32.DLL ADVAPI32.DLL OLE32.DLL OLEAUT32.DLL MSVCRT.DLL)

set(_failures)

execute_process(COMMAND "${OBJDUMP}" -p "${DLL}"
                OUTPUT_VARIABLE _dump ERROR_VARIABLE _err RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "check-pe: ${OBJDUMP} -p ${DLL} failed (${_rc}): ${_err}")
endif()
string(REPLACE ";" "," _dump "${_dump}")
string(REPLACE "\n" ";" _lines "${_dump}")

# --- exports: the names in the .def -------------------------------------------
file(STRINGS "${DEF}" _def_lines)
set(_expected)
set(_public)
set(_in_exports FALSE)
foreach(_line IN LISTS _def_lines)
  string(REGEX REPLACE ";.*" "" _line "${_line}")
  string(STRIP "${_line}" _line)
  if(_line STREQUAL "")
    continue()
  elseif(_line MATCHES "^EXPORTS")
    set(_in_exports TRUE)
  elseif(_line MATCHES "^(LIBRARY|NAME|DESCRIPTION|STACKSIZE|HEAPSIZE|SECTIONS|VERSION)")
    set(_in_exports FALSE)
  elseif(_in_exports)
    # name[=internal] [@ordinal] [NONAME|PRIVATE|DATA]: the exported name.
    string(REGEX MATCH "^[^ \t=@]+" _name "${_line}")
    list(APPEND _expected "${_name}")
    if(NOT _line MATCHES "[ \t]PRIVATE([ \t]|$)")
      list(APPEND _public "${_name}")
    endif()
  endif()
endforeach()

# --- exports and imports as objdump reports them -----------------------------------
set(_exported)
set(_imported)
set(_in_names FALSE)
foreach(_line IN LISTS _lines)
  if(_line MATCHES "^\\[Ordinal/Name Pointer\\] Table")
    set(_in_names TRUE)
  elseif(_in_names AND _line MATCHES "^\t\\[ *[0-9]+\\] (.+)$")
    list(APPEND _exported "${CMAKE_MATCH_1}")
  elseif(_in_names)
    set(_in_names FALSE)
  endif()
  if(_line MATCHES "^\tDLL Name: (.+)$")
    list(APPEND _imported "${CMAKE_MATCH_1}")
  endif()
endforeach()

list(SORT _expected)
list(SORT _exported)
if(NOT _expected)
  list(APPEND _failures "no export names found in ${DEF}")
endif()
if(NOT _exported STREQUAL _expected)
  set(_missing ${_expected})
  set(_extra ${_exported})
  if(_exported)
    list(REMOVE_ITEM _missing ${_exported})
  endif()
  if(_expected)
    list(REMOVE_ITEM _extra ${_expected})
  endif()
  list(JOIN _missing ", " _missing)
  list(JOIN _extra ", " _extra)
  list(APPEND _failures "exports differ from ${DEF}: missing [${_missing}], unexpected [${_extra}]")
endif()

if(NOT _imported)
  list(APPEND _failures "no imported DLL found: is this a PE file objdump can read?")
endif()
set(_bad_imports)
foreach(_dll IN LISTS _imported)
  string(TOUPPER "${_dll}" _upper)
  if(NOT _upper IN_LIST _allowed_imports)
    list(APPEND _bad_imports "${_dll}")
  endif()
endforeach()
if(_bad_imports)
  list(JOIN _allowed_imports ", " _allowed_text)
  list(JOIN _bad_imports ", " _bad_text)
  list(APPEND _failures "imports DLLs that are not Windows' own: [${_bad_text}] (allowed: ${_allowed_text})")
endif()

# --- VERSIONINFO: a resource of type 16 (RT_VERSION) at the top of .rsrc --------------
if(NOT _dump MATCHES "Resource Directory \\[\\.rsrc\\]")
  list(APPEND _failures "no .rsrc resource directory")
elseif(NOT _dump MATCHES "\n[0-9a-f]+   Entry: ID: 0x0*10,")
  list(APPEND _failures "no VERSIONINFO (RT_VERSION) resource in .rsrc")
else()
  file(STRINGS "${DLL}" _version_strings ENCODING UTF-16LE REGEX "^(FileVersion|OriginalFilename|olkhelper\\.dll)$")
  if(NOT "OriginalFilename" IN_LIST _version_strings OR NOT "olkhelper.dll" IN_LIST _version_strings)
    list(APPEND _failures "VERSIONINFO lacks OriginalFilename olkhelper.dll")
  endif()
endif()

# --- the import library ---------------------------------------------------------------
if(IMPLIB)
  if(NOT NM OR NOT EXISTS "${IMPLIB}")
    message(FATAL_ERROR "check-pe: IMPLIB needs NM, and ${IMPLIB} must exist")
  endif()
  execute_process(COMMAND "${NM}" "${IMPLIB}" OUTPUT_VARIABLE _nm ERROR_VARIABLE _err RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "check-pe: ${NM} ${IMPLIB} failed (${_rc}): ${_err}")
  endif()
  string(REGEX MATCHALL "__imp_[^\r\n]+" _imports_offered "${_nm}")
  if(_dump MATCHES "file format pei-i386")
    set(_decoration "_([^@]+)@[0-9]+") # stdcall: __imp__Name@N
  else()
    set(_decoration "([^@]+)")
  endif()
  set(_offered)
  foreach(_symbol IN LISTS _imports_offered)
    if(_symbol MATCHES "^__imp_${_decoration}$")
      list(APPEND _offered "${CMAKE_MATCH_1}")
    else()
      list(APPEND _failures "import library symbol ${_symbol} is not decorated as callers ask for it")
    endif()
  endforeach()
  list(SORT _public)
  list(SORT _offered)
  if(NOT _offered STREQUAL _public)
    list(JOIN _public ", " _public_text)
    list(JOIN _offered ", " _offered_text)
    list(APPEND _failures "import library offers [${_offered_text}], expected the public exports [${_public_text}]")
  endif()
endif()

if(_failures)
  list(JOIN _failures "\n  - " _text)
  message(FATAL_ERROR "check-pe: ${DLL}:\n  - ${_text}")
endif()
list(JOIN _exported ", " _exports_text)
list(JOIN _imported ", " _imports_text)
message(STATUS "check-pe: ${DLL}: exports ${_exports_text}; imports ${_imports_text}; VERSIONINFO present")
if(IMPLIB)
  list(JOIN _imports_offered ", " _offered_text)
  message(STATUS "check-pe: ${IMPLIB}: ${_offered_text}")
endif()
