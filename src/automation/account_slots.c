/*
 * The Account's property slots (account_slots.h). Each is a tail call that
 * neither moves the stack pointer nor saves a register, which the x64
 * calling convention calls a leaf function: the unwinder needs no table
 * entry for it (src/automation/CMakeLists.txt builds this file without,
 * and a test checks that every slot stays such a tail call): 38 entries
 * of .pdata and .xdata less.
 *
 * SPDX-License-Identifier: MIT
 */
#include "account_slots.h"

#define LONG_GET(name, id) \
    HRESULT STDMETHODCALLTYPE account_get_##name(IOlkHelperAccount *iface, LONG *value) \
    { return account_get_long(iface, id, value); }
#define TEXT_GET(name, id) \
    HRESULT STDMETHODCALLTYPE account_get_##name(IOlkHelperAccount *iface, BSTR *value) \
    { return account_get_text(iface, id, value); }
#define TEXT_PUT(name, id) \
    HRESULT STDMETHODCALLTYPE account_put_##name(IOlkHelperAccount *iface, BSTR value) \
    { return account_put_text(iface, id, value); }

ACCOUNT_PROPERTY_SLOTS(LONG_GET, TEXT_GET, TEXT_PUT)
