# SPDX-License-Identifier: MIT
# COM server: the factory, the exports, self-registration, regsvr32, and COM
# activation of the registered DLL. Included from tests/CMakeLists.txt.

olk_test_exe(test_factory SOURCES test_factory.c alloc_faults.c LIBS olkhelper_core)
olk_wine_test(test_factory COMMAND test_factory)

olk_test_exe(test_registry SOURCES test_registry.c LIBS olkhelper_core)
target_compile_definitions(test_registry PRIVATE
  "OLK_TLB_VERSION=L\"${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}\"")
olk_wine_test(test_registry COMMAND test_registry)

# Black box: the DLL is loaded at run time by full path, never linked.
olk_test_exe(test_module SOURCES test_module.c)
add_dependencies(test_module olkhelper)
olk_wine_test(test_module COMMAND test_module)

# Wine's own regsvr32 and reg: machine-wide, per-user (/n /i:user), bad
# command line, missing file. It ends with the DLL registered machine-wide,
# the state the "registered" fixture stands for.
olk_wine_test(test_registration
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/registration.sh $<TARGET_FILE:olkhelper>)
# About a hundred Wine processes (regsvr32, reg): 20-40 s on a busy machine.
set_tests_properties(test_registration PROPERTIES FIXTURES_SETUP registered TIMEOUT 300)

olk_test_exe(test_activation SOURCES test_activation.c)
add_dependencies(test_activation olkhelper)
olk_wine_test(test_activation COMMAND test_activation FIXTURES registered)

# The DLL's exports, imports and version resource, and its import library's
# names, read with objdump and nm: needs no Wine, so it runs for both
# architectures.
add_test(NAME check_pe
  COMMAND ${CMAKE_COMMAND} -DOBJDUMP=${CMAKE_OBJDUMP} -DDLL=$<TARGET_FILE:olkhelper>
          -DDEF=${PROJECT_SOURCE_DIR}/def/olkhelper.def
          -DIMPLIB=$<TARGET_LINKER_FILE:olkhelper> -DNM=${CMAKE_NM}
          -P ${PROJECT_SOURCE_DIR}/cmake/check-pe.cmake)

# The Account's property slots, built without unwind tables on x64, are
# leaf tail calls (cmake/check-leaf-slots.cmake).
if(CMAKE_SIZEOF_VOID_P EQUAL 8)
  add_test(NAME check_leaf_slots
    COMMAND ${CMAKE_COMMAND} -DOBJDUMP=${CMAKE_OBJDUMP} -DOBJECT=$<TARGET_OBJECTS:olk_account_slots>
            -P ${PROJECT_SOURCE_DIR}/cmake/check-leaf-slots.cmake)
endif()

# The x64 and x86 DLLs registered side by side in one prefix, each activated
# by a process of its own bitness: in the x86 suite, which has both loaders
# (32-bit Wine implies the 64-bit one here), with the x64 build of the same
# checkout (OLK_PEER_BIN, set by the x86 preset).
if(CMAKE_SIZEOF_VOID_P EQUAL 4)
  set(OLK_PEER_BIN "" CACHE PATH "bin directory of the x64 build, for the side-by-side test")
  if(NOT OLK_PEER_BIN)
    message(FATAL_ERROR "OLK_PEER_BIN (the x64 build's bin directory) is not set: use the x86 preset")
  endif()
  olk_wine_test(side_by_side
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/side_by_side.sh ${CMAKE_BINARY_DIR}/bin ${OLK_PEER_BIN}
    FIXTURES registered)
  set_tests_properties(side_by_side PROPERTIES TIMEOUT 300)
endif()
