# SPDX-License-Identifier: MIT
# The MSI packages, made from this tree's binaries as the release packages are
# from the release build's (cmake/msi.cmake), and installed under Wine's
# msiexec, each case in a fresh prefix (tests/package.sh). The upgrade case
# needs a later version: the same objects linked again as OLK_NEXT_VERSION.
# Included from tests/CMakeLists.txt.

olk_add_dll(olkhelper_next VERSION ${OLK_NEXT_VERSION} OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/next)
olk_add_olkacct(olkacct_next VERSION ${OLK_NEXT_VERSION} OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/next)

set(_packages ${CMAKE_BINARY_DIR}/packages)
set(OLK_TEST_MSI ${_packages}/olkhelper-${PROJECT_VERSION}-${OLK_PACKAGE_ARCH}.msi)
set(OLK_TEST_NEXT_MSI ${_packages}/olkhelper-${OLK_NEXT_VERSION}-${OLK_PACKAGE_ARCH}.msi)
olk_msi(msi_package VERSION ${PROJECT_VERSION} DLL olkhelper EXE olkacct OUTPUT ${OLK_TEST_MSI})
olk_msi(msi_package_next VERSION ${OLK_NEXT_VERSION} DLL olkhelper_next EXE olkacct_next OUTPUT ${OLK_TEST_NEXT_MSI})

add_executable(activate_installed activate_installed.c)
target_link_options(activate_installed PRIVATE -municode)
target_link_libraries(activate_installed PRIVATE olk_idl olk_guids ole32 uuid)

set(_work ${CMAKE_BINARY_DIR}/package-tests)
set(_package_env
  "OLK_PACKAGE_WORK=${_work}"
  "OLK_MSI=${OLK_TEST_MSI}"
  "OLK_VERSION=${PROJECT_VERSION}"
  "OLK_STAGE=${CMAKE_BINARY_DIR}/msi/msi_package/files"
  "OLK_NEXT_MSI=${OLK_TEST_NEXT_MSI}"
  "OLK_NEXT_VERSION=${OLK_NEXT_VERSION}"
  "OLK_NEXT_BIN=${CMAKE_BINARY_DIR}/next")
if(OLK_PACKAGE_ARCH STREQUAL "x86")
  list(APPEND _package_env
    "OLK_PEER_BIN=${OLK_PEER_BIN}"
    "OLK_PEER_MSI=${OLK_PEER_BUILD}/packages/olkhelper-${PROJECT_VERSION}-x64.msi"
    "OLK_PEER_STAGE=${OLK_PEER_BUILD}/msi/msi_package/files")
endif()

# olk_package_test(<case>): tests/package.sh <case>, in a prefix of its own.
function(olk_package_test case)
  add_test(NAME package_${case} COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/package.sh ${case})
  set_tests_properties(package_${case} PROPERTIES
    ENVIRONMENT "${OLK_TEST_ENV};${_package_env}"
    FIXTURES_REQUIRED package_prefix
    TIMEOUT 300)
endfunction()

add_test(NAME package_prefix COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/package.sh template)
set_tests_properties(package_prefix PROPERTIES
  ENVIRONMENT "${OLK_TEST_ENV};${_package_env}" FIXTURES_SETUP package_prefix TIMEOUT 300)
olk_package_test(install)
olk_package_test(upgrade)
if(OLK_PACKAGE_ARCH STREQUAL "x86")
  # Both packages side by side need both loaders: the x86 suite has them.
  olk_package_test(both)
  olk_wine_test(package_listing COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/package.sh listing
    ENVIRONMENT "OLK_PACKAGE_WORK=${_work}" "OLK_REGISTRY_TABLE=${OLK_REGISTRY_TABLE}"
                "OLK_MODULE_REF=${OLK_MSI_MODULE_REF}")
endif()

# Two release builds of this checkout, in two directories, compared
# (tests/reproducible.sh): it builds both architectures, so it is in the x64
# suite only, and only on the host: tools/run.sh leaves it out of the run in
# the private root, which has no compilers.
if(OLK_PACKAGE_ARCH STREQUAL "x64")
  add_test(NAME reproducible COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/reproducible.sh
                                    ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR}/reproducible)
  set_tests_properties(reproducible PROPERTIES
    ENVIRONMENT "WINEDEBUG=-all" TIMEOUT 900 RUN_SERIAL TRUE)
endif()
