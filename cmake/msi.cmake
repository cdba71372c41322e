# SPDX-License-Identifier: MIT
#
# Makes the MSI of one architecture with wixl (msitools), from built files and
# the registry listing of tools/release/registry_table.c.
#
# cmake -DARCH=x64|x86 -DVERSION=X.Y.Z -DDLL=<olkhelper.dll> -DEXE=<olkacct.exe>
#       -DIMPLIB=<libolkhelper.dll.a> -DHEADERS=<file>|<file>... -DDOCS=<file>|<file>...
#       -DREGISTRY_TABLE=<listing> -DMODULE_REF=<[#file] of the DLL in it> -DOUTPUT=<x.msi> -DWORK_DIR=<dir>
#       -DWIXL=<wixl> -DMSIBUILD=<msibuild> -DSOURCE_DATE_EPOCH=<seconds> -P msi.cmake
#
# The package installs per machine into Program Files\olkhelper (the 32-bit
# Program Files for x86): olkhelper.dll, olkacct.exe and the docs (feature
# "Runtime"), and, when asked for (ADDLOCAL=ALL or ADDLOCAL=Runtime,SDK), the
# headers, the IDL and the import library (feature "SDK").
#
# Registration is the Registry table, one row for each value DllRegisterServer
# writes, taken from the listing (wixl 0.101 has no <Class>/<TypeLib>: it
# aborts on them). Keys below Software\Classes\CLSID and \Interface are per
# registry view: the x86 package's component is 32-bit, so they land in the
# 32-bit view; the type library's platform key (0\win32 or 0\win64) names
# this architecture's DLL, so it goes with them. The other keys (the ProgIDs,
# the type library's root) are shared by both views, so they form one
# component with the same GUID in both packages: removing one package leaves
# them to the other.
#
# Every GUID is derived (SHA-1 name-based) from one namespace: the
# UpgradeCode from the architecture alone, so that each architecture's
# packages upgrade each other; the ProductCode and PackageCode from version
# and architecture, so that the same version built twice is the same package;
# component GUIDs from what the component holds. Installing a later version
# replaces an earlier one (major upgrade).
cmake_minimum_required(VERSION 3.25)

# The namespace of every GUID of the packages. Never change it: the
# UpgradeCodes, and with them upgrades from earlier versions, depend on it.
set(OLK_MSI_NAMESPACE f4cbc382-5073-4284-a2b0-858bfc9e082b)
foreach(_var ARCH VERSION DLL EXE IMPLIB HEADERS DOCS REGISTRY_TABLE MODULE_REF OUTPUT WORK_DIR WIXL MSIBUILD SOURCE_DATE_EPOCH)
  if(NOT DEFINED ${_var} OR "${${_var}}" STREQUAL "")
    message(FATAL_ERROR "msi.cmake: ${_var} is not set")
  endif()
endforeach()
string(REPLACE "|" ";" HEADERS "${HEADERS}")
string(REPLACE "|" ";" DOCS "${DOCS}")
# The DLL's File row is the one the listing's [#...] names.
if(NOT MODULE_REF MATCHES "^\\[#([A-Za-z0-9_.]+)\\]$")
  message(FATAL_ERROR "msi.cmake: MODULE_REF '${MODULE_REF}' is not a [#file] reference")
endif()
set(_dll_file_id ${CMAKE_MATCH_1})
if(NOT EXISTS "${REGISTRY_TABLE}")
  message(FATAL_ERROR "msi.cmake: no registry listing ${REGISTRY_TABLE}: an x86 build takes its x64 peer's, "
                      "so build the x64 tree (preset x64 or release-x64) first")
endif()

function(olk_guid out name)
  string(UUID _uuid NAMESPACE ${OLK_MSI_NAMESPACE} NAME "${name}" TYPE SHA1 UPPER)
  set(${out} ${_uuid} PARENT_SCOPE)
endfunction()

function(xml_escape out text)
  string(REPLACE "&" "&amp;" text "${text}")
  string(REPLACE "<" "&lt;" text "${text}")
  string(REPLACE ">" "&gt;" text "${text}")
  string(REPLACE "\"" "&quot;" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

if(ARCH STREQUAL "x64")
  set(_win64 " Win64=\"yes\"")
  set(_program_files ProgramFiles64Folder)
  set(_template "x64;1033")
elseif(ARCH STREQUAL "x86")
  set(_win64 "")
  set(_program_files ProgramFilesFolder)
  set(_template "Intel;1033")
else()
  message(FATAL_ERROR "msi.cmake: ARCH must be x64 or x86, not '${ARCH}'")
endif()

olk_guid(_product_code "ProductCode/${VERSION}/${ARCH}")
olk_guid(_package_code "PackageCode/${VERSION}/${ARCH}")
olk_guid(_upgrade_code "UpgradeCode/${ARCH}")

# --- the files, copied where wixl wants them (relative to its working directory)
set(_files_dir ${WORK_DIR}/files)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${_files_dir}/include ${_files_dir}/lib)
file(COPY ${DLL} ${EXE} ${DOCS} DESTINATION ${_files_dir})
file(COPY ${HEADERS} DESTINATION ${_files_dir}/include)
file(COPY ${IMPLIB} DESTINATION ${_files_dir}/lib)
# The cabinet records each file's time: the sources' time, not the build's.
execute_process(COMMAND find ${_files_dir} -exec touch -h -d @${SOURCE_DATE_EPOCH} {} +
                RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "msi.cmake: could not set the files' time")
endif()

# <Component> with one <File> for each file of a directory.
function(file_components out subdir)
  set(_xml "")
  file(GLOB _names RELATIVE ${_files_dir}/${subdir} LIST_DIRECTORIES false ${_files_dir}/${subdir}/*)
  list(SORT _names)
  foreach(_name IN LISTS _names)
    set(_rel ${_name})
    if(subdir)
      set(_rel ${subdir}/${_name})
    endif()
    string(MAKE_C_IDENTIFIER "${_rel}" _id)
    olk_guid(_guid "Component/${ARCH}/${_rel}")
    set(_file_id ${_id})
    if(_rel STREQUAL "olkhelper.dll")
      set(_file_id ${_dll_file_id})
    endif()
    string(APPEND _xml "          <Component Id=\"C_${_id}\" Guid=\"${_guid}\"${_win64}>\n"
                       "            <File Id=\"${_file_id}\" Name=\"${_name}\" Source=\"${_rel}\" KeyPath=\"yes\"/>\n"
                       "          </Component>\n")
    list(APPEND _refs "C_${_id}")
  endforeach()
  set(${out} "${_xml}" PARENT_SCOPE)
  set(${out}_refs "${_refs}" PARENT_SCOPE)
endfunction()

file_components(_runtime_xml "")
file_components(_include_xml include)
file_components(_lib_xml lib)

# --- the registry, from the listing ----------------------------------------------
file(STRINGS ${REGISTRY_TABLE} _rows ENCODING UTF-8)
if(NOT _rows)
  message(FATAL_ERROR "msi.cmake: ${REGISTRY_TABLE} lists no registry values")
endif()
set(_class_values "")
set(_shared_values "")
foreach(_row IN LISTS _rows)
  if(NOT _row MATCHES "^([^\t]+)\t([^\t]+)\t([^\t]*)\tREG_SZ\t([^\t]*)$")
    message(FATAL_ERROR "msi.cmake: unexpected line in ${REGISTRY_TABLE}: '${_row}'")
  endif()
  set(_root ${CMAKE_MATCH_1})
  set(_key ${CMAKE_MATCH_2})
  set(_name ${CMAKE_MATCH_3})
  set(_value ${CMAKE_MATCH_4})
  # Text the installer would format ([property], [#file]) must not pass
  # unnoticed: only the DLL's reference may.
  if(NOT _value STREQUAL MODULE_REF AND (_value MATCHES "[][]" OR _value MATCHES "^#"))
    message(FATAL_ERROR "msi.cmake: value '${_value}' of ${_key} would be formatted by the installer")
  endif()
  if(_key MATCHES "[][]" OR _name MATCHES "[][]")
    message(FATAL_ERROR "msi.cmake: key '${_key}' or name '${_name}' would be formatted by the installer")
  endif()
  xml_escape(_key "${_key}")
  xml_escape(_value "${_value}")
  set(_attrs "Root=\"${_root}\" Key=\"${_key}\"")
  if(NOT _name STREQUAL "")
    xml_escape(_name "${_name}")
    string(APPEND _attrs " Name=\"${_name}\"")
  endif()
  string(APPEND _attrs " Type=\"string\" Value=\"${_value}\"")
  # Each view's own keys (CLSID, Interface), and the type library's
  # platform key, which names this architecture's DLL.
  if(_key MATCHES "^Software\\\\Classes\\\\(CLSID|Interface)\\\\" OR _key MATCHES "\\\\0\\\\win(32|64)$")
    if(_class_values STREQUAL "")
      string(APPEND _attrs " KeyPath=\"yes\"")
    endif()
    string(APPEND _class_values "            <RegistryValue ${_attrs}/>\n")
  else()
    if(_shared_values STREQUAL "")
      string(APPEND _attrs " KeyPath=\"yes\"")
    endif()
    string(APPEND _shared_values "            <RegistryValue ${_attrs}/>\n")
  endif()
endforeach()
if(_class_values STREQUAL "" OR _shared_values STREQUAL "")
  message(FATAL_ERROR "msi.cmake: ${REGISTRY_TABLE} lacks the class or the ProgID keys")
endif()
olk_guid(_class_guid "Component/${ARCH}/registry/class")
# The same in both packages: these keys are one in both registry views.
olk_guid(_shared_guid "Component/shared/registry/progids")

function(component_refs out)
  set(_xml "")
  foreach(_ref IN LISTS ARGN)
    string(APPEND _xml "      <ComponentRef Id=\"${_ref}\"/>\n")
  endforeach()
  set(${out} "${_xml}" PARENT_SCOPE)
endfunction()
component_refs(_runtime_refs ${_runtime_xml_refs} C_registry_class C_registry_progids)
component_refs(_sdk_refs ${_include_xml_refs} ${_lib_xml_refs})

set(_wxs "<?xml version=\"1.0\" encoding=\"utf-8\"?>
<Wix xmlns=\"http://schemas.microsoft.com/wix/2006/wi\">
  <Product Id=\"${_product_code}\" Name=\"olkhelper ${VERSION} (${ARCH})\" Language=\"1033\" Version=\"${VERSION}\"
           Manufacturer=\"olkhelper project\" UpgradeCode=\"${_upgrade_code}\">
    <Package InstallerVersion=\"200\" Compressed=\"yes\" InstallScope=\"perMachine\"
             Description=\"olkhelper: IOlkAccountHelper for Outlook's Account Management API, and olkacct\"/>
    <MajorUpgrade DowngradeErrorMessage=\"A later version of olkhelper (${ARCH}) is already installed.\"/>
    <Media Id=\"1\" Cabinet=\"olkhelper.cab\" EmbedCab=\"yes\"/>
    <Directory Id=\"TARGETDIR\" Name=\"SourceDir\">
      <Directory Id=\"${_program_files}\">
        <Directory Id=\"INSTALLDIR\" Name=\"olkhelper\">
${_runtime_xml}          <Component Id=\"C_registry_class\" Guid=\"${_class_guid}\"${_win64}>
${_class_values}          </Component>
          <Component Id=\"C_registry_progids\" Guid=\"${_shared_guid}\"${_win64}>
${_shared_values}          </Component>
          <Directory Id=\"INCLUDEDIR\" Name=\"include\">
${_include_xml}          </Directory>
          <Directory Id=\"LIBDIR\" Name=\"lib\">
${_lib_xml}          </Directory>
        </Directory>
      </Directory>
    </Directory>
    <Feature Id=\"Runtime\" Title=\"olkhelper\" Level=\"1\">
${_runtime_refs}    </Feature>
    <Feature Id=\"SDK\" Title=\"SDK: headers, IDL and import library\" Level=\"1000\">
${_sdk_refs}    </Feature>
  </Product>
</Wix>
")
set(_wxs_file ${WORK_DIR}/olkhelper-${ARCH}.wxs)
file(WRITE ${_wxs_file} "${_wxs}")

get_filename_component(_output ${OUTPUT} ABSOLUTE)
file(REMOVE ${_output})
execute_process(COMMAND ${WIXL} -a ${ARCH} -o ${_output} ${_wxs_file}
                WORKING_DIRECTORY ${_files_dir} RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "msi.cmake: wixl failed (${_rc}) on ${_wxs_file}")
endif()

# wixl leaves File.Version empty, and Windows Installer decides by it whether
# an installed file is replaced; it also ignores Package/@Id and makes up a
# PackageCode of its own.
# The FILEVERSION of a binary's VERSIONINFO: VS_FIXEDFILEINFO begins with the
# signature 0xFEEF04BD, followed by the structure's version and the file
# version's two DWORDs (major << 16 | minor, build << 16 | revision).
function(file_version out binary)
  file(READ ${binary} _hex HEX)
  set(_from 0)
  while(TRUE)
    string(SUBSTRING "${_hex}" ${_from} -1 _rest)
    string(FIND "${_rest}" "bd04effe" _at)
    if(_at LESS 0)
      message(FATAL_ERROR "msi.cmake: ${binary} has no VERSIONINFO")
    endif()
    math(EXPR _at "${_from} + ${_at}")
    math(EXPR _odd "${_at} % 2")
    if(NOT _odd)
      break()
    endif()
    math(EXPR _from "${_at} + 1")
  endwhile()
  set(_parts)
  foreach(_offset 20 16 28 24) # the words, high word first, each little-endian
    math(EXPR _pos "${_at} + ${_offset}")
    string(SUBSTRING "${_hex}" ${_pos} 4 _word)
    string(SUBSTRING "${_word}" 2 2 _high)
    string(SUBSTRING "${_word}" 0 2 _low)
    math(EXPR _n "0x${_high}${_low}")
    list(APPEND _parts ${_n})
  endforeach()
  list(JOIN _parts "." _version)
  set(${out} ${_version} PARENT_SCOPE)
endfunction()

set(_queries)
foreach(_binary ${DLL} ${EXE})
  get_filename_component(_name ${_binary} NAME)
  file_version(_file_version ${_binary})
  if(NOT _file_version STREQUAL "${VERSION}.0")
    message(FATAL_ERROR "msi.cmake: ${_binary} is version ${_file_version}, the package ${VERSION}")
  endif()
  string(MAKE_C_IDENTIFIER "${_name}" _file_id)
  if(_name STREQUAL "olkhelper.dll")
    set(_file_id ${_dll_file_id})
  endif()
  list(APPEND _queries -q "UPDATE File SET Version='${_file_version}', Language='1033' WHERE File='${_file_id}'")
endforeach()
execute_process(COMMAND ${MSIBUILD} ${_output} ${_queries}
                        -s "olkhelper ${VERSION} (${ARCH})" "olkhelper project" "${_template}" "{${_package_code}}"
                RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "msi.cmake: msibuild failed (${_rc}) on ${_output}")
endif()
message(STATUS "msi.cmake: ${_output} (ProductCode {${_product_code}}, PackageCode {${_package_code}})")
