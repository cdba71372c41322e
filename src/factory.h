/*
 * The class factory of CLSID_OlkAccountHelper.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef OLKHELPER_FACTORY_H
#define OLKHELPER_FACTORY_H

#include <windows.h>

/* DllGetClassObject's body: a new class factory for CLSID_OlkAccountHelper,
 * QueryInterface'd for riid (IClassFactory or IUnknown).
 * E_POINTER for a NULL ppv; otherwise *ppv is NULL on any failure:
 * E_INVALIDARG for a NULL rclsid or riid; CLASS_E_CLASSNOTAVAILABLE for
 * another CLSID; E_NOINTERFACE; E_OUTOFMEMORY.
 * Each factory holds a server lock while it is alive, and
 * IClassFactory::LockServer(TRUE) takes one until the matching
 * LockServer(FALSE); a LockServer(FALSE) without one answers E_UNEXPECTED. */
HRESULT factory_get_class_object(REFCLSID rclsid, REFIID riid, void **ppv);

/* A class a factory makes: create answers IClassFactory::CreateInstance
 * (a new object QI'd for riid) once outer and the arguments are checked. */
typedef HRESULT (*factory_create_instance)(REFIID riid, void **ppv);
struct factory_class
{
    const CLSID *clsid;
    factory_create_instance create;
};

/* As factory_get_class_object, for any of count classes. */
HRESULT factory_get_class_object_of(const struct factory_class *classes, size_t count, REFCLSID rclsid,
                                    REFIID riid, void **ppv);

#endif
