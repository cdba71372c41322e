# SPDX-License-Identifier: MIT
# Automation: the type library inside olkhelper.dll, and the objects.

olk_test_exe(test_typelib SOURCES test_typelib.c LIBS olk_accounts)
add_dependencies(test_typelib olkhelper)
target_compile_definitions(test_typelib PRIVATE
  "OLK_TLB_VERSION=L\"${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}\"")
olk_wine_test(test_typelib COMMAND test_typelib)

# --- scripts: VBScript and JScript through Wine's own cscript.exe, against the
# registered DLL, the stand-in MAPI and the stand-in account manager; python3
# by name, as for olkacct_e2e (the suites may run in the private root) -------
set(_automation_cases vbs_read js_read vbs_change vbs_errors vbs_delete vbs_remove vbs_order js_order)
foreach(_case IN LISTS _automation_cases)
  olk_wine_test(automation_${_case}
    COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/test_automation.py ${_case}
            --data ${CMAKE_CURRENT_SOURCE_DIR}/data/sample-accounts.ini --wine ${OLK_WINE}
    FIXTURES olkacct_registered)
endforeach()

# --- the objects in C: dispatch of every member, error information, events,
# reference counts; olkhelper.dll loaded from the build, not activated -----
olk_test_exe(test_automation_objects SOURCES test_automation_objects.c LIBS olkstubacctmgr_test_support)
add_dependencies(test_automation_objects olkhelper)
olk_wine_test(automation_objects COMMAND test_automation_objects)

# --- every allocation of the objects failed in turn: the objects linked in,
# with the type library as the test program's own resource ------------------
olk_test_exe(test_automation_faults
  SOURCES test_automation_faults.c alloc_faults.c ${CMAKE_BINARY_DIR}/src/typelib.rc
  LIBS olk_automation olkstubacctmgr_test_support)
set_source_files_properties(${CMAKE_BINARY_DIR}/src/typelib.rc PROPERTIES OBJECT_DEPENDS ${OLK_TYPELIB_olkauto})
add_dependencies(test_automation_faults olkauto_tlb)
olk_wine_test(automation_faults COMMAND test_automation_faults)

# Built to the DLL's standards, as olk_accounts is: no USER32, no MinGW stdio.
add_test(NAME check_olk_automation
  COMMAND ${CMAKE_COMMAND} -DNM=${CMAKE_NM} -DLIB=$<TARGET_FILE:olk_automation> -DUSER32=${OLK_USER32_LIB}
          -P ${PROJECT_SOURCE_DIR}/cmake/check-static-lib.cmake)
