# SPDX-License-Identifier: MIT
# What the packages hold and how they are made.
#
# install() components: Runtime (olkhelper.dll, olkacct.exe) and Library (the
# import library) belong to one architecture; SDK (headers, IDL) and Docs
# (README, LICENSE) to both. The MSI of an architecture is made by
# cmake/msi.cmake; its registration comes from the registry listing, which
# registry_table (tools/release/registry_table.c) prints by running
# DllRegisterServer's own table through a recording registry, under Wine.
#
# An x64 tree makes the listing itself; an x86 tree makes its own from its x64
# peer's (OLK_PEER_BIN), since this machine's Wine may have no 32-bit loader
# to run the x86 registry_table at build time: the two differ only in the
# type library's platform key (0\win64 or 0\win32), and the x86 suite checks
# that the x86 registry_table prints exactly the listing made so
# (package_listing). The keys of each view (CLSID, Interface) and the
# platform key go to a component of the architecture's own, the rest (the
# ProgIDs and the type library's root) to the shared one (msi.cmake).
#
# In the release-x86 tree, cpack makes all three packages from both release
# trees: olkhelper-VERSION.zip (x64/, x86/, include/, docs) and, through the
# External generator and cmake/cpack-msi.cmake, olkhelper-VERSION-x64.msi and
# olkhelper-VERSION-x86.msi (tools/release/package.sh).

if(CMAKE_SIZEOF_VOID_P EQUAL 8)
  set(OLK_PACKAGE_ARCH x64)
else()
  set(OLK_PACKAGE_ARCH x86)
endif()
set(OLK_SDK_FILES ${OLK_GENERATED_INCLUDE}/olkacct.h ${OLK_GENERATED_INCLUDE}/olkhelper.h
                  ${OLK_GENERATED_INCLUDE}/olkauto.h ${OLK_TYPELIB_olkauto}
                  ${PROJECT_SOURCE_DIR}/include/olkacct.idl ${PROJECT_SOURCE_DIR}/include/olkhelper.idl
                  ${PROJECT_SOURCE_DIR}/include/olkauto.idl)
set(OLK_DOC_FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE)
# What stands for the DLL's path in the listing: the installer's reference to
# the DLL's File row.
set(OLK_MSI_MODULE_REF "[#olkhelper.dll]")

install(TARGETS olkhelper olkacct RUNTIME DESTINATION . COMPONENT Runtime)
install(TARGETS olkhelper ARCHIVE DESTINATION lib COMPONENT Library)
install(FILES ${OLK_SDK_FILES} DESTINATION include COMPONENT SDK)
install(FILES ${OLK_DOC_FILES} DESTINATION . COMPONENT Docs)

find_program(OLK_WIXL wixl)
find_program(OLK_MSIBUILD msibuild)

# --- the registry listing ----------------------------------------------------
add_executable(registry_table ${PROJECT_SOURCE_DIR}/tools/release/registry_table.c)
target_link_options(registry_table PRIVATE -municode)
target_link_libraries(registry_table PRIVATE olkhelper_core)

# The prefix Wine runs build-time programs in: a test tree's is the suite's
# own; the reproducibility test gives both of its trees one
# (OLK_TOOLS_WINEPREFIX in the environment).
if(DEFINED ENV{OLK_TOOLS_WINEPREFIX})
  set(_prefix $ENV{OLK_TOOLS_WINEPREFIX})
else()
  set(_prefix ${CMAKE_BINARY_DIR}/wineprefix)
endif()
set(OLK_TOOLS_WINEPREFIX ${_prefix} CACHE PATH "Wine prefix of programs run at build time")
if(OLK_PACKAGE_ARCH STREQUAL "x64")
  set(OLK_REGISTRY_TABLE ${CMAKE_BINARY_DIR}/registry/olkhelper.tsv)
  add_custom_command(OUTPUT ${OLK_REGISTRY_TABLE}
    COMMAND ${CMAKE_COMMAND} -DWINE=${OLK_WINE64} -DWINEPREFIX=${OLK_TOOLS_WINEPREFIX}
            -DPROGRAM=$<TARGET_FILE:registry_table> -DMODULE_REF=${OLK_MSI_MODULE_REF}
            -DOUTPUT=${OLK_REGISTRY_TABLE} -P ${PROJECT_SOURCE_DIR}/cmake/registry-table.cmake
    DEPENDS registry_table ${PROJECT_SOURCE_DIR}/cmake/registry-table.cmake
    COMMENT "registry listing: DllRegisterServer's table, recorded under Wine"
    VERBATIM)
  add_custom_target(registry_listing ALL DEPENDS ${OLK_REGISTRY_TABLE})
else()
  set(OLK_PEER_BIN "" CACHE PATH "bin directory of the x64 build of this checkout")
  if(NOT OLK_PEER_BIN)
    message(FATAL_ERROR "OLK_PEER_BIN (the x64 build's bin directory) is not set: use the x86 or release-x86 preset")
  endif()
  get_filename_component(OLK_PEER_BUILD ${OLK_PEER_BIN} DIRECTORY)
  set(OLK_REGISTRY_TABLE ${CMAKE_BINARY_DIR}/registry/olkhelper.tsv)
  add_custom_command(OUTPUT ${OLK_REGISTRY_TABLE}
    COMMAND ${CMAKE_COMMAND} -DFROM_X64=${OLK_PEER_BUILD}/registry/olkhelper.tsv -DOUTPUT=${OLK_REGISTRY_TABLE}
            -P ${PROJECT_SOURCE_DIR}/cmake/registry-table.cmake
    DEPENDS ${OLK_PEER_BUILD}/registry/olkhelper.tsv ${PROJECT_SOURCE_DIR}/cmake/registry-table.cmake
    COMMENT "registry listing: the x64 tree's, for x86"
    VERBATIM)
  add_custom_target(registry_listing ALL DEPENDS ${OLK_REGISTRY_TABLE})
endif()

# olk_msi(<target> VERSION <X.Y.Z> DLL <dll target> EXE <exe target> OUTPUT <msi>)
# A target that makes the MSI of this architecture from built targets.
function(olk_msi target)
  cmake_parse_arguments(M "" "VERSION;DLL;EXE;OUTPUT" "" ${ARGN})
  if(NOT OLK_WIXL OR NOT OLK_MSIBUILD)
    message(FATAL_ERROR "wixl and msibuild (Debian packages wixl, msitools) are needed for ${M_OUTPUT}; "
                        "tools/run.sh installs them")
  endif()
  list(JOIN OLK_SDK_FILES "|" _headers)
  list(JOIN OLK_DOC_FILES "|" _docs)
  add_custom_command(OUTPUT ${M_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DARCH=${OLK_PACKAGE_ARCH} -DVERSION=${M_VERSION}
            -DDLL=$<TARGET_FILE:${M_DLL}> -DEXE=$<TARGET_FILE:${M_EXE}> -DIMPLIB=$<TARGET_LINKER_FILE:${M_DLL}>
            -DHEADERS=${_headers} -DDOCS=${_docs} -DREGISTRY_TABLE=${OLK_REGISTRY_TABLE}
            -DMODULE_REF=${OLK_MSI_MODULE_REF} -DOUTPUT=${M_OUTPUT} -DWORK_DIR=${CMAKE_BINARY_DIR}/msi/${target}
            -DWIXL=${OLK_WIXL} -DMSIBUILD=${OLK_MSIBUILD} -DSOURCE_DATE_EPOCH=${OLK_SOURCE_DATE_EPOCH}
            -P ${PROJECT_SOURCE_DIR}/cmake/msi.cmake
    DEPENDS ${M_DLL} ${M_EXE} ${OLK_SDK_FILES} ${OLK_DOC_FILES} ${OLK_REGISTRY_TABLE}
            ${PROJECT_SOURCE_DIR}/cmake/msi.cmake
    COMMENT "MSI ${M_OUTPUT}"
    VERBATIM)
  add_custom_target(${target} ALL DEPENDS ${M_OUTPUT})
endfunction()

# --- cpack: both architectures' packages, from the release-x86 tree ---------
if(OLKHELPER_RELEASE AND OLK_PACKAGE_ARCH STREQUAL "x86")
  if(NOT OLK_WIXL OR NOT OLK_MSIBUILD)
    message(FATAL_ERROR "wixl and msibuild (Debian packages wixl, msitools) make the MSIs; tools/run.sh installs them")
  endif()
  set(CPACK_PACKAGE_NAME olkhelper)
  set(CPACK_PACKAGE_VENDOR "olkhelper project")
  set(CPACK_PACKAGE_FILE_NAME olkhelper-${PROJECT_VERSION})
  set(CPACK_GENERATOR "ZIP;External")
  set(CPACK_INSTALL_CMAKE_PROJECTS
      ${OLK_PEER_BUILD} olkhelper Runtime /x64
      ${OLK_PEER_BUILD} olkhelper Library /x64
      ${CMAKE_BINARY_DIR} olkhelper Runtime /x86
      ${CMAKE_BINARY_DIR} olkhelper Library /x86
      ${CMAKE_BINARY_DIR} olkhelper SDK /
      ${CMAKE_BINARY_DIR} olkhelper Docs /)
  set(CPACK_EXTERNAL_ENABLE_STAGING ON)
  set(CPACK_EXTERNAL_PACKAGE_SCRIPT ${PROJECT_SOURCE_DIR}/cmake/cpack-msi.cmake)
  # Read by cmake/cpack-msi.cmake and cmake/cpack-times.cmake.
  set(CPACK_OLK_MSI_SCRIPT ${PROJECT_SOURCE_DIR}/cmake/msi.cmake)
  set(CPACK_OLK_REGISTRY_TABLE ${OLK_REGISTRY_TABLE})
  set(CPACK_OLK_MODULE_REF ${OLK_MSI_MODULE_REF})
  set(CPACK_OLK_WIXL ${OLK_WIXL})
  set(CPACK_OLK_MSIBUILD ${OLK_MSIBUILD})
  set(CPACK_OLK_SOURCE_DATE_EPOCH ${OLK_SOURCE_DATE_EPOCH})
  # Staged files carry the sources' time, so the ZIP's entries do too.
  set(CPACK_PRE_BUILD_SCRIPTS ${PROJECT_SOURCE_DIR}/cmake/cpack-times.cmake)
  include(CPack)
endif()
