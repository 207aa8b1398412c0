#ifndef ASSESS_CLIBXML2_SHIM_H
#define ASSESS_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU; its encoding.h would then include the system ICU
// headers, which clash with Foundation's bundled ICU ("'UErrorCode' has different
// definitions"). Read the version header first and hide ICU before anything else.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

/// xmlFree is a mutable global function pointer, which Swift 6 cannot call; wrap it.
static inline void cxml_free(void *pointer) { if (pointer) xmlFree(pointer); }
#endif
