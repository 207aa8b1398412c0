#ifndef ASSESS_CLIBZIP_SHIM_H
#define ASSESS_CLIBZIP_SHIM_H
#include <zip.h>
#endif
