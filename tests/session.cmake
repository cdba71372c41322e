# SPDX-License-Identifier: MIT
# Sessions: the MAPI unit, the session owner, and the stand-in MAPI provider
# they reach through Wine's mapi32.dll (see docs/sessions.md).

# --- olkstubmapi.dll: the stand-in Extended MAPI provider ----------------------
# tests/wine/prefix.d/10-stubmapi.sh makes it the default mail client's
# DLLPathEx in the test prefix. olkstubnologon.dll is the same provider
# without MAPILogonEx.
add_library(olkstubmapi_objects OBJECT
  stubmapi/allocator.c
  stubmapi/environment.c
  stubmapi/profile_admin.c
  stubmapi/profile_section.c
  stubmapi/profile_table.c
  stubmapi/provider.c
  stubmapi/session.c
  stubmapi/stats.c)
target_link_libraries(olkstubmapi_objects PUBLIC olk_guids)
target_include_directories(olkstubmapi_objects PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/stubmapi)

foreach(_stub olkstubmapi olkstubnologon)
  add_library(${_stub} SHARED $<TARGET_OBJECTS:olkstubmapi_objects> stubmapi/${_stub}.def)
  set_target_properties(${_stub} PROPERTIES PREFIX "" IMPORT_PREFIX "lib")
  target_link_libraries(${_stub} PRIVATE olk_guids uuid)
endforeach()

# A second, independent copy of the stand-in (an allocator of its own) under
# the name the loader attaches to first, for the test of a host that holds a
# session of another MAPI than the one olkhelper would load.
add_custom_command(TARGET olkstubmapi POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/bin/foreign
  COMMAND ${CMAKE_COMMAND} -E copy $<TARGET_FILE:olkstubmapi> ${CMAKE_BINARY_DIR}/bin/foreign/olmapi32.dll
  VERBATIM)

# A DLL that records being loaded and refuses to load, planted by
# test_mapi where a careless search would find it.
add_library(olkplant SHARED stubmapi/olkplant.c)
set_target_properties(olkplant PROPERTIES PREFIX "" IMPORT_PREFIX "lib")

# --- test programs ------------------------------------------------------------
olk_test_exe(test_mapi SOURCES test_mapi.c LIBS olk_mapi)
olk_test_exe(test_logon SOURCES test_logon.c fake_session.c LIBS olkhelper_core)
olk_test_exe(test_session SOURCES test_session.c fake_session.c alloc_faults.c LIBS olkhelper_core)
olk_test_exe(test_session_threads SOURCES test_session_threads.c LIBS olkhelper_core)
target_include_directories(test_session PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/stubmapi)
target_include_directories(test_session_threads PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/stubmapi)
add_dependencies(test_mapi olkplant olkstubmapi)
add_dependencies(test_session olkstubmapi olkstubnologon)
add_dependencies(test_session_threads olkstubmapi)

# --- tests --------------------------------------------------------------------
# Wine's mapi32 reads the mail client from the registry once, when it loads;
# each provider variant (none, a missing DLL, one lacking MAPILogonEx) is
# therefore a process of its own.
olk_wine_test(mapi COMMAND test_mapi)
foreach(_group borrowed foreign_mapi owned blocking_load failures no_provider provider_missing provider_lacks_export)
  olk_wine_test(session_${_group} COMMAND test_session ${_group})
endforeach()
olk_wine_test(session_threads COMMAND test_session_threads)
olk_wine_test(logon COMMAND test_logon)
