# SPDX-License-Identifier: MIT
#
# Checks the x64 object of the Account's property slots
# (src/automation/account_slots.c), which is built without unwind tables:
# the x64 unwinder takes a function without a table entry for a leaf, whose
# return address is at the stack pointer, so every slot must stay a tail
# call that neither moves the stack pointer nor saves a register. Here: no
# .pdata or .xdata section, and no instruction but mov, xor, jmp and the
# assembler's nop padding (a push, a pop, a call or a ret would mean a frame
# or a call the unwinder cannot see through).
#
# cmake -DOBJDUMP=<objdump> -DOBJECT=<account_slots.c.obj> -P check-leaf-slots.cmake

cmake_minimum_required(VERSION 3.25)

foreach(_var OBJDUMP OBJECT)
  if(NOT ${_var})
    message(FATAL_ERROR "check-leaf-slots: ${_var} is not set")
  endif()
endforeach()

execute_process(COMMAND "${OBJDUMP}" -h -d --no-show-raw-insn "${OBJECT}"
                OUTPUT_VARIABLE _dump ERROR_VARIABLE _err RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "check-leaf-slots: ${OBJDUMP} ${OBJECT} failed (${_rc}): ${_err}")
endif()

set(_failures)
if(_dump MATCHES "[ \t]\\.(p|x)data")
  list(APPEND _failures "the object has unwind tables (.pdata or .xdata)")
endif()
string(REPLACE ";" "," _dump "${_dump}")
string(REPLACE "\n" ";" _lines "${_dump}")
set(_slots 0)
foreach(_line IN LISTS _lines)
  if(_line MATCHES "^[0-9a-f]+ <[A-Za-z_0-9]+>:$")
    math(EXPR _slots "${_slots} + 1")
  elseif(_line MATCHES "^ +[0-9a-f]+:\t([a-z0-9 ]+)")
    string(REGEX REPLACE " .*" "" _mnemonic "${CMAKE_MATCH_1}")
    if(NOT _mnemonic MATCHES "^(mov|movl|movq|xor|xorl|jmp|nop|nopw|nopl|xchg|cs|data16)$")
      list(APPEND _failures "not a leaf tail call: ${_line}")
    endif()
  endif()
endforeach()
if(_slots EQUAL 0)
  list(APPEND _failures "no function in the object")
endif()

if(_failures)
  list(JOIN _failures "\n  " _text)
  message(FATAL_ERROR "check-leaf-slots: ${OBJECT}:\n  ${_text}")
endif()
message(STATUS "check-leaf-slots: ${_slots} slots, each a leaf tail call")
