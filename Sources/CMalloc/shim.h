#ifndef BRIEFING_CMALLOC_SHIM_H
#define BRIEFING_CMALLOC_SHIM_H
// glibc's allocator tuning (mallopt), which Swift's Glibc module does not import.
#include <malloc.h>
#endif
