# SPDX-License-Identifier: MIT
# CPACK_EXTERNAL_PACKAGE_SCRIPT: the MSI of each architecture, from the staged
# files (x64/, x86/, include/, docs; cmake/packaging.cmake).
set(_stage ${CPACK_TEMPORARY_DIRECTORY})
file(GLOB _headers ${_stage}/include/*)
list(JOIN _headers "|" _headers)
set(_docs ${_stage}/README.md ${_stage}/LICENSE)
list(JOIN _docs "|" _docs)
set(_built)
foreach(_arch x64 x86)
  set(_msi ${CPACK_TOPLEVEL_DIRECTORY}/olkhelper-${CPACK_PACKAGE_VERSION}-${_arch}.msi)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -DARCH=${_arch} -DVERSION=${CPACK_PACKAGE_VERSION}
            -DDLL=${_stage}/${_arch}/olkhelper.dll -DEXE=${_stage}/${_arch}/olkacct.exe
            -DIMPLIB=${_stage}/${_arch}/lib/libolkhelper.dll.a -DHEADERS=${_headers} -DDOCS=${_docs}
            -DREGISTRY_TABLE=${CPACK_OLK_REGISTRY_TABLE} -DMODULE_REF=${CPACK_OLK_MODULE_REF}
            -DOUTPUT=${_msi} -DWORK_DIR=${CPACK_TOPLEVEL_DIRECTORY}/msi-${_arch}
            -DWIXL=${CPACK_OLK_WIXL} -DMSIBUILD=${CPACK_OLK_MSIBUILD}
            -DSOURCE_DATE_EPOCH=${CPACK_OLK_SOURCE_DATE_EPOCH} -P ${CPACK_OLK_MSI_SCRIPT}
    RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "cpack-msi: the ${_arch} MSI failed")
  endif()
  list(APPEND _built ${_msi})
endforeach()
set(CPACK_EXTERNAL_BUILT_PACKAGES ${_built})
