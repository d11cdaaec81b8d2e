#ifndef QLIFT_CLIBXML2_SHIM_H
#define QLIFT_CLIBXML2_SHIM_H
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
