# SPDX-License-Identifier: MIT
# Automation: the type library inside olkhelper.dll, and the objects.

olk_test_exe(test_typelib SOURCES test_typelib.c LIBS olk_accounts)
add_dependencies(test_typelib olkhelper)
target_compile_definitions(test_typelib PRIVATE
  "OLK_TLB_VERSION=L\"${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}\"")
olk_wine_test(test_typelib COMMAND test_typelib)
