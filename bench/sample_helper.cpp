/*
 * SPDX-License-Identifier: MIT
 */
#include "sample_helper.h"

#include <cwchar>
#include <new>

namespace {

class SampleHelper final : public IOlkAccountHelper
{
public:
    SampleHelper(IUnknown *session, WCHAR *profile) : ref_(1), session_(session), profile_(profile)
    {
        session_->AddRef();
    }

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

    STDMETHODIMP_(ULONG) Release() override
    {
        ULONG ref = InterlockedDecrement(&ref_);

        if (!ref)
            delete this;
        return ref;
    }

    STDMETHODIMP PlaceHolder1(void *) override { return E_NOTIMPL; }

    STDMETHODIMP GetIdentity(LPWSTR identity, DWORD *pcch) override
    {
        DWORD needed;

        if (!pcch)
            return E_INVALIDARG;
        needed = static_cast<DWORD>(std::wcslen(profile_)) + 1;
        if (!identity || *pcch < needed)
        {
            *pcch = needed;
            return E_OUTOFMEMORY;
        }
        std::wcscpy(identity, profile_);
        *pcch = needed;
        return S_OK;
    }

    STDMETHODIMP GetMapiSession(IUnknown **session) override
    {
        if (!session)
            return E_INVALIDARG;
        session_->AddRef();
        *session = session_;
        return S_OK;
    }

    STDMETHODIMP HandsOffSession() override { return E_NOTIMPL; }

private:
    ~SampleHelper()
    {
        session_->Release();
        delete[] profile_;
    }

    LONG ref_;
    IUnknown *session_;
    WCHAR *profile_;
};

}

extern "C" IOlkAccountHelper *sample_helper_create(IUnknown *session, const WCHAR *profile)
{
    size_t cch = std::wcslen(profile) + 1;
    WCHAR *copy = new (std::nothrow) WCHAR[cch];
    SampleHelper *helper;

    if (!copy)
        return nullptr;
    std::wmemcpy(copy, profile, cch);
    if (!(helper = new (std::nothrow) SampleHelper(session, copy)))
    {
        delete[] copy;
        return nullptr;
    }
    return helper;
}
