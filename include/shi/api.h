/*
 * shi/api.h - export macro. The library is built with -fvisibility=hidden, so
 * only declarations marked SHI_API are part of libshi's public interface.
 */
#ifndef SHI_API_H
#define SHI_API_H

#if defined(_WIN32) && defined(SHI_BUILDING_SHARED)
#    define SHI_API __declspec(dllexport)
#elif defined(__GNUC__)
#    define SHI_API __attribute__((visibility("default")))
#else
#    define SHI_API
#endif

#endif
