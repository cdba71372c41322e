# SPDX-License-Identifier: MIT
# The stand-in account manager's dialogs (DisplayAccountList, in
# tests/standin_acctmgr/dialog.c), driven with a real olkhelper against the
# stand-in MAPI. Included from tests/CMakeLists.txt.
olk_test_exe(test_standin_dialog SOURCES test_standin_dialog.c LIBS olkstubacctmgr_test_support olkhelper)
target_include_directories(test_standin_dialog PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/stubmapi)
add_dependencies(test_standin_dialog olkstubmapi)

# Windows paths take forward slashes; Wine maps the Unix root to drive Z:.
set(_dialog_env "OLK_STANDIN_ACCOUNTS=Z:${CMAKE_CURRENT_SOURCE_DIR}/data/sample-accounts.ini")

# Refused before any window: no display needed.
olk_wine_test(standin_dialog_contract COMMAND test_standin_dialog contract ENVIRONMENT "${_dialog_env}")

# The windows, in a Wine virtual desktop on Xvfb; their pictures (BMP and
# PNG) land in the build tree's dialogs/ directory.
olk_wine_test(standin_dialog_windows
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/dialog_x.sh $<TARGET_FILE:test_standin_dialog> ${CMAKE_BINARY_DIR}/dialogs
          windows
  ENVIRONMENT "${_dialog_env}")
