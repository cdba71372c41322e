# SPDX-License-Identifier: MIT
# olkacct and the stand-in account manager (tests/standin_acctmgr), which the
# test prefix registers as CLSID_OlkAccountManager (wine/prefix.d/20-acctmgr.sh).
# Included from tests/CMakeLists.txt.
add_subdirectory(standin_acctmgr)

# --- unit tests: olkacct's parts, and the stand-in driven directly -----------
olk_test_exe(test_olkacct_args SOURCES test_olkacct_args.c LIBS olkacct_core)
olk_wine_test(olkacct_args COMMAND test_olkacct_args)

olk_test_exe(test_olkacct_output SOURCES test_olkacct_output.c LIBS olkacct_core)
olk_wine_test(olkacct_output COMMAND test_olkacct_output)

olk_test_exe(test_olkacct_json_reader SOURCES test_olkacct_json_reader.c LIBS olkacct_core)
olk_wine_test(olkacct_json_reader COMMAND test_olkacct_json_reader)

olk_test_exe(test_olkacct_dialog_result SOURCES test_olkacct_dialog_result.c LIBS olkacct_core)
olk_wine_test(olkacct_dialog_result COMMAND test_olkacct_dialog_result)

olk_test_exe(test_account_reading SOURCES test_account_reading.c alloc_faults.c
             LIBS olk_accounts olkstubacctmgr_test_support)
olk_wine_test(account_reading COMMAND test_account_reading)

olk_test_exe(test_account_changes SOURCES test_account_changes.c alloc_faults.c
             LIBS olk_accounts olkstubacctmgr_test_support)
olk_wine_test(account_changes COMMAND test_account_changes)

olk_test_exe(test_olkacct_standin SOURCES test_olkacct_standin.c LIBS olkstubacctmgr_test_support)
olk_wine_test(olkacct_standin COMMAND test_olkacct_standin)

# --- end to end: olkacct.exe under Wine, through the registered olkhelper.dll,
# Wine's mapi32 and the stand-in MAPI provider, and the stand-in manager -------
# python3 drives them (tools/run.sh installs it). Named, not a configure-time
# path: the suites may run inside the private root of tools/wow64-root.sh,
# whose python3 is not the host's.
find_program(OLK_PYTHON3 NAMES python3 REQUIRED)
# The registration this area's tests stand on (regsvr32 is idempotent).
olk_wine_test(olkacct_register COMMAND ${OLK_WINE} regsvr32 /s $<TARGET_FILE:olkhelper>)
set_tests_properties(olkacct_register PROPERTIES FIXTURES_SETUP olkacct_registered)

set(_olkacct_cases
  table json categories profile borrow empty_profile help_and_version bad_arguments control_characters
  unknown_profile no_default_profile logon_failed mapi_fails_to_start no_mapi_provider
  missing_data no_account_manager other_bitness_only no_helper
  show show_secret account_names set set_refused set_dry_run set_read_only restore delete order watch all_profiles
  subcommand_grammar dialog trace)
foreach(_case IN LISTS _olkacct_cases)
  olk_wine_test(olkacct_e2e_${_case}
    COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/test_olkacct.py ${_case}
            --olkacct $<TARGET_FILE:olkacct> --helper $<TARGET_FILE:olkhelper>
            --data ${CMAKE_CURRENT_SOURCE_DIR}/data/sample-accounts.ini --wine ${OLK_WINE}
    FIXTURES olkacct_registered)
endforeach()

# --- the account vocabulary (src/accounts) ------------------------------------
olk_test_exe(test_account_vocabulary SOURCES test_account_vocabulary.c LIBS olk_accounts)
olk_wine_test(account_vocabulary COMMAND test_account_vocabulary ${PROJECT_SOURCE_DIR}/docs/properties.md)

# Built to the DLL's standards: no USER32, no MinGW stdio. Needs no Wine.
execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=libuser32.a
                OUTPUT_VARIABLE OLK_USER32_LIB OUTPUT_STRIP_TRAILING_WHITESPACE)
# Without the compiler's own directory in the path: the suites may run where
# only the import libraries are (tools/wow64-root.sh).
get_filename_component(OLK_USER32_LIB "${OLK_USER32_LIB}" REALPATH)
add_test(NAME check_olk_accounts
  COMMAND ${CMAKE_COMMAND} -DNM=${CMAKE_NM} -DLIB=$<TARGET_FILE:olk_accounts> -DUSER32=${OLK_USER32_LIB}
          -P ${PROJECT_SOURCE_DIR}/cmake/check-static-lib.cmake)
