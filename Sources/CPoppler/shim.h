#ifndef ASSESS_CPOPPLER_SHIM_H
#define ASSESS_CPOPPLER_SHIM_H
// poppler-glib: PDF text through GObject handles. Swift sees only this header; the
// helpers below stand in for what Swift 6 cannot call (macros, mutable globals,
// variadic or type-checking casts).
#include <poppler.h>

/// POPPLER_ERROR is a macro around a function call.
static inline GQuark cpoppler_error_quark(void) { return POPPLER_ERROR; }

/// g_object_unref takes a gpointer; name the types Swift passes.
static inline void cpoppler_document_free(PopplerDocument *document) { if (document) g_object_unref(document); }
static inline void cpoppler_page_free(PopplerPage *page) { if (page) g_object_unref(page); }

/// Frees a GError and its message.
static inline void cpoppler_error_free(GError *error) { if (error) g_error_free(error); }

/// Frees memory that poppler-glib allocated with g_malloc (text, rectangles).
static inline void cpoppler_free(void *pointer) { g_free(pointer); }
#endif
