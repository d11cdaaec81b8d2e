#ifndef QLIFT_CLIBXML2_SHIM_H
#define QLIFT_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU, so <libxml/encoding.h> includes the system's
// <unicode/ucnv.h>; Swift's Foundation ships its own ICU headers (_FoundationICU) whose
// UErrorCode differs, and the module fails to import next to Foundation. qlift never
// touches the ICU fields of xmlCharEncodingHandler (only pointers to it), so the ICU
// part of libxml2's headers is switched off here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlsave.h>

/// Frees memory libxml2 allocated. libxml2 exposes xmlFree as a global
/// function pointer, which Swift 6 strict concurrency rejects; this inline
/// function is the one place that reads it.
static inline void qlift_xmlFree(void *ptr) { xmlFree(ptr); }
#endif
