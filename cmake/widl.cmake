# Headers are generated from include/*.idl by widl; nothing of them is written by hand.
find_program(OLK_WIDL NAMES widl-stable widl ${OLK_MINGW_TRIPLE}-widl REQUIRED)
set(OLK_WIDL_IDL_INCLUDE "/usr/include/wine/wine/windows" CACHE PATH "directory holding unknwn.idl")
if(CMAKE_SIZEOF_VOID_P EQUAL 8)
  set(_olk_widl_arch -m64)
else()
  set(_olk_widl_arch -m32)
endif()

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
      # OLKHELPER_TYPELIB_VERSION (X.Y of the product's version) is for the
      # version() attribute of the type library's library block.
      COMMAND ${OLK_WIDL} ${_olk_widl_arch} -DOLKHELPER_TYPELIB_VERSION=${OLK_TYPELIB_VERSION} -I include -I ${OLK_WIDL_IDL_INCLUDE}
              -h -o ${_h} include/${_name}.idl
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
