# Headers are generated from include/*.idl by widl; nothing of them is written by hand.
find_program(OLK_WIDL NAMES widl-stable widl ${OLK_MINGW_TRIPLE}-widl REQUIRED)
set(OLK_WIDL_IDL_INCLUDE "/usr/include/wine/wine/windows" CACHE PATH "directory holding unknwn.idl")
if(CMAKE_SIZEOF_VOID_P EQUAL 8)
  set(_olk_widl_arch -m64)
else()
  set(_olk_widl_arch -m32)
endif()

# The type library's version is the product's major.minor (olkauto.idl;
# cmake/version.cmake).
set(_olk_widl_defs -DOLK_TLB_MAJOR=${PROJECT_VERSION_MAJOR} -DOLK_TLB_MINOR=${PROJECT_VERSION_MINOR})
# widl -t imports stdole2.tlb; Wine ships it for x86_64 only without wine32,
# and it serves the 32-bit library as well.
find_path(OLK_STDOLE2_DIR stdole2.tlb
          PATHS /usr/lib/x86_64-linux-gnu/wine/x86_64-windows /usr/lib/i386-linux-gnu/wine/i386-windows
                /usr/lib/wine/x86_64-windows /usr/lib/wine/i386-windows
          NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)

set(OLK_GENERATED_INCLUDE ${CMAKE_BINARY_DIR}/include)
file(MAKE_DIRECTORY ${OLK_GENERATED_INCLUDE})

# olk_idl_headers(<target> <name>...): <name>.h from include/<name>.idl, exposed
# through the INTERFACE library <target>.
function(olk_idl_headers target)
  set(_headers)
  foreach(_name IN LISTS ARGN)
    set(_idl ${PROJECT_SOURCE_DIR}/include/${_name}.idl)
    set(_h ${OLK_GENERATED_INCLUDE}/${_name}.h)
    add_custom_command(OUTPUT ${_h}
      COMMAND ${OLK_WIDL} ${_olk_widl_arch} -I include -I ${OLK_WIDL_IDL_INCLUDE}
              ${_olk_widl_defs} -h -o ${_h} include/${_name}.idl
      DEPENDS ${_idl} ${PROJECT_SOURCE_DIR}/include/olkacct.idl
      # From the source tree, with a relative path: the header names the .idl
      # it came from, and a shipped header must not name a build machine's path.
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
      COMMENT "widl ${_name}.idl"
      VERBATIM)
    list(APPEND _headers ${_h})
  endforeach()
  add_custom_target(${target}_gen DEPENDS ${_headers})
  add_library(${target} INTERFACE)
  add_dependencies(${target} ${target}_gen)
  target_include_directories(${target} INTERFACE ${OLK_GENERATED_INCLUDE})
endfunction()

# olk_idl_typelib(<name>): <name>.tlb from include/<name>.idl for this
# architecture; its path in OLK_TYPELIB_<name>.
function(olk_idl_typelib name)
  if(NOT OLK_STDOLE2_DIR)
    message(FATAL_ERROR "stdole2.tlb not found (Wine's, from the wine64 package): set OLK_STDOLE2_DIR")
  endif()
  set(_idl ${PROJECT_SOURCE_DIR}/include/${name}.idl)
  set(_tlb ${OLK_GENERATED_INCLUDE}/${name}.tlb)
  # widl stamps the library with a creation time: the sources' own
  # (cmake/release.cmake), in UTC, so that two builds give the same bytes.
  add_custom_command(OUTPUT ${_tlb}
    COMMAND ${CMAKE_COMMAND} -E env WIDL_TIME_OVERRIDE=${OLK_SOURCE_DATE_EPOCH} TZ=UTC
            ${OLK_WIDL} ${_olk_widl_arch} -I include -I ${OLK_WIDL_IDL_INCLUDE}
            -L ${OLK_STDOLE2_DIR} ${_olk_widl_defs} -t -o ${_tlb} include/${name}.idl
    DEPENDS ${_idl} ${PROJECT_SOURCE_DIR}/include/olkacct.idl
    # Relative, as for the headers: nothing of a build machine's paths in it.
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    COMMENT "widl -t ${name}.idl"
    VERBATIM)
  add_custom_target(${name}_tlb DEPENDS ${_tlb})
  set(OLK_TYPELIB_${name} ${_tlb} PARENT_SCOPE)
endfunction()
