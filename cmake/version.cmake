# SPDX-License-Identifier: MIT
# The product's one version is project(VERSION): X.Y.Z, with X and Y at most
# 255 and Z at most 65535, the range of an MSI ProductVersion (which ignores a
# fourth part, so there is none). Everything that shows a version takes it
# from here: each binary's VERSIONINFO, olkacct --version, the MSI's
# ProductVersion and File.Version, and the type library (X.Y,
# OLK_TYPELIB_VERSION, handed to widl).

# olk_check_version(<X.Y.Z>): fails the configuration for a version MSI cannot carry.
function(olk_check_version version)
  if(NOT version MATCHES "^([0-9]+)\\.([0-9]+)\\.([0-9]+)$")
    message(FATAL_ERROR "version '${version}' is not X.Y.Z")
  endif()
  if(CMAKE_MATCH_1 GREATER 255 OR CMAKE_MATCH_2 GREATER 255 OR CMAKE_MATCH_3 GREATER 65535)
    message(FATAL_ERROR "version '${version}': MSI needs X and Y at most 255 and Z at most 65535")
  endif()
endfunction()

olk_check_version(${PROJECT_VERSION})
set(OLK_TYPELIB_VERSION ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR})

# The next patch version: the upgrade test builds the product a second time,
# from the same sources, as this version.
math(EXPR _olk_next_patch "${PROJECT_VERSION_PATCH} + 1")
set(OLK_NEXT_VERSION ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}.${_olk_next_patch})
olk_check_version(${OLK_NEXT_VERSION})

# olk_version_resource(<target> VERSION <X.Y.Z> FILENAME <name> DESCRIPTION <text>)
# Adds a VERSIONINFO resource to a DLL or EXE target.
function(olk_version_resource target)
  cmake_parse_arguments(V "" "VERSION;FILENAME;DESCRIPTION" "" ${ARGN})
  string(REPLACE "." "," OLK_RC_VERSION_COMMAS "${V_VERSION}")
  set(OLK_RC_VERSION ${V_VERSION})
  set(OLK_RC_FILENAME ${V_FILENAME})
  set(OLK_RC_DESCRIPTION ${V_DESCRIPTION})
  get_filename_component(OLK_RC_INTERNAL_NAME ${V_FILENAME} NAME_WE)
  if(V_FILENAME MATCHES "\\.[eE][xX][eE]$")
    set(OLK_RC_FILETYPE VFT_APP)
  else()
    set(OLK_RC_FILETYPE VFT_DLL)
  endif()
  set(_rc ${CMAKE_CURRENT_BINARY_DIR}/${target}.version.rc)
  configure_file(${PROJECT_SOURCE_DIR}/src/version.rc.in ${_rc} @ONLY)
  target_sources(${target} PRIVATE ${_rc})
endfunction()
