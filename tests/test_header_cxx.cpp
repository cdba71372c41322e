/*
 * The generated header used from C++: a helper written as a C++ class
 * against IOlkAccountHelper's abstract class, __uuidof, and the corrected
 * IOlkAccountManager signatures. Compiling is most of the test; running it
 * checks that the C++ vtable matches the C one.
 *
 * SPDX-License-Identifier: MIT
 */
#include <windows.h>
#include <cstdio>
#include <cstring>
#include <cwchar>
#include <type_traits>

#include "olkhelper.h"

extern "C" int olk_call_helper_from_c(IOlkAccountHelper *helper, WCHAR *buffer, DWORD cch);

namespace {

class CxxHelper final : public IOlkAccountHelper
{
public:
    STDMETHODIMP QueryInterface(REFIID riid, void **ppv) override
    {
        if (!ppv)
            return E_POINTER;
        *ppv = nullptr;
        if (riid != IID_IUnknown && riid != __uuidof(IOlkAccountHelper))
            return E_NOINTERFACE;
        *ppv = static_cast<IOlkAccountHelper *>(this);
        AddRef();
        return S_OK;
    }
    STDMETHODIMP_(ULONG) AddRef() override { return InterlockedIncrement(&ref_); }
    STDMETHODIMP_(ULONG) Release() override { return InterlockedDecrement(&ref_); }
    STDMETHODIMP PlaceHolder1(void *) override { return E_NOTIMPL; }
    STDMETHODIMP GetIdentity(LPWSTR identity, DWORD *pcch) override
    {
        static const WCHAR name[] = L"Cxx";
        if (!pcch)
            return E_INVALIDARG;
        if (!identity || *pcch < ARRAYSIZE(name))
        {
            *pcch = ARRAYSIZE(name);
            return E_OUTOFMEMORY;
        }
        std::memcpy(identity, name, sizeof(name));
        *pcch = ARRAYSIZE(name);
        return S_OK;
    }
    STDMETHODIMP GetMapiSession(IUnknown **session) override
    {
        if (!session)
            return E_INVALIDARG;
        *session = nullptr;
        return E_OLK_NOT_INITIALIZED;
    }
    STDMETHODIMP HandsOffSession() override { return E_NOTIMPL; }

private:
    LONG ref_ = 1;
};

int failures;
int checks;

void check(bool ok, const char *what)
{
    checks++;
    if (!ok)
    {
        std::printf("FAILED: %s\n", what);
        failures++;
    }
}

} // namespace

static_assert(std::is_same<decltype(&IOlkAccountManager::Unadvise), HRESULT (STDMETHODCALLTYPE IOlkAccountManager::*)(DWORD)>::value,
              "Unadvise takes the cookie by value");
static_assert(std::is_same<decltype(&IOlkAccountManager::SetOrder),
                           HRESULT (STDMETHODCALLTYPE IOlkAccountManager::*)(const CLSID *, DWORD, DWORD *)>::value,
              "SetOrder takes a count and an array");
static_assert(std::is_abstract<IOlkAccountNotify>::value, "Notify is virtual");

int main()
{
    CxxHelper helper;
    IOlkAccountHelper *iface = &helper;
    WCHAR buffer[8];
    DWORD cch = 0;
    IUnknown *unk = nullptr;

    check(__uuidof(IOlkAccountHelper) == IID_IOlkAccountHelper, "__uuidof(IOlkAccountHelper)");
    check(__uuidof(IOlkEnum) == IID_IOlkEnum, "__uuidof(IOlkEnum)");
    check(IID_IOlkEnum != IID_IOlkErrorUnknown, "IID_IOlkEnum is not IOlkErrorUnknown's");
    check(iface->QueryInterface(IID_IOlkAccountHelper, reinterpret_cast<void **>(&unk)) == S_OK && unk == iface,
          "QueryInterface");
    if (unk)
        unk->Release();

    /* The C side calls the C++ object through the C vtable layout... */
    check(olk_call_helper_from_c(iface, buffer, ARRAYSIZE(buffer)) == 0, "C calls into a C++ helper");
    check(std::wcscmp(buffer, L"Cxx") == 0, "GetIdentity through the C vtable");

    /* ...and C++ calls the product's C object through the C++ declaration. */
    IOlkAccountHelper *product = nullptr;
    check(OlkHelperCreate(nullptr, L"Outlook", 0, IID_IOlkAccountHelper, reinterpret_cast<void **>(&product)) == S_OK
          && product, "OlkHelperCreate from C++");
    if (product)
    {
        cch = ARRAYSIZE(buffer);
        check(product->PlaceHolder1(nullptr) == E_NOTIMPL, "PlaceHolder1 of the C object");
        check(product->GetIdentity(buffer, &cch) == S_OK && cch == 8 && std::wcscmp(buffer, L"Outlook") == 0,
              "GetIdentity of the C object");
        check(product->GetMapiSession(nullptr) == E_INVALIDARG, "GetMapiSession(NULL) of the C object");
        check(product->Release() == 0, "Release of the C object");
    }

    std::printf("%d passed, %d failed\n", checks - failures, failures);
    return failures ? 1 : 0;
}
