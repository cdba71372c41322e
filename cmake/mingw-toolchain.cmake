# Shared body of the MinGW-w64 toolchain files; the caller sets OLK_MINGW_TRIPLE
# and CMAKE_SYSTEM_PROCESSOR first.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_C_COMPILER   ${OLK_MINGW_TRIPLE}-gcc)
set(CMAKE_CXX_COMPILER ${OLK_MINGW_TRIPLE}-g++)
set(CMAKE_RC_COMPILER  ${OLK_MINGW_TRIPLE}-windres)
set(CMAKE_FIND_ROOT_PATH /usr/${OLK_MINGW_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
# ONLY, or cmocka's find_library(rt) picks up the host's librt.
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# The tests name the Wine loader of their own bitness: Debian's /usr/bin/wine
# starts the 32-bit loader whenever wine32:i386 is installed, and a 64-bit
# suite run through it would use the 32-bit registry view. The loaders need
# not exist at configure time: tools/run.sh may run the suites inside a root
# that has them (tools/wow64-root.sh).
set(OLK_WINE64 /usr/lib/wine/wine64 CACHE FILEPATH "Wine's 64-bit loader")
set(OLK_WINE32 /usr/lib/wine/wine CACHE FILEPATH "Wine's 32-bit loader (Debian package wine32:i386)")
if(CMAKE_SYSTEM_PROCESSOR STREQUAL "x86")
  set(OLK_WINE ${OLK_WINE32})
else()
  set(OLK_WINE ${OLK_WINE64})
endif()
set(CMAKE_CROSSCOMPILING_EMULATOR ${OLK_WINE})
