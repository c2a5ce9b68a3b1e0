/*
 * TEST ONLY: never shipped. Wine 8 (Debian 12) has no bcryptprimitives.dll, whose
 * ProcessPrng is how Rust's standard library gets random bytes on Windows 10 and
 * later, so gachi.exe cannot start under it. scripts/windows-smoke.sh builds this
 * with MinGW into a temporary folder beside a copy of the exe; real Windows has
 * the system DLL. scripts/build-windows.sh checks that no such DLL is in the zip.
 */
#include <windows.h>

/* RtlGenRandom, exported by advapi32 under this name. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
