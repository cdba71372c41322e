# SPDX-License-Identifier: MIT
# CPACK_PRE_BUILD_SCRIPTS: every staged file gets the sources' time
# (SOURCE_DATE_EPOCH of the release build), not the time it was built.
execute_process(COMMAND find ${CPACK_TEMPORARY_INSTALL_DIRECTORY} -exec touch -h -d @${CPACK_OLK_SOURCE_DATE_EPOCH} {} +
                RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "cpack-times: could not set the staged files' time")
endif()
