#ifndef BULKHEAD_CLIBPNG_SHIM_H
#define BULKHEAD_CLIBPNG_SHIM_H

/* libpng's simplified read API (png_image_*): it keeps libpng's setjmp error handling inside C,
   so Swift never sees a longjmp. The macros below are not imported by Swift; these wrappers are. */
#include <png.h>

static inline png_uint_32 bh_png_image_version(void) { return PNG_IMAGE_VERSION; }
static inline png_uint_32 bh_png_format_rgba(void) { return PNG_FORMAT_RGBA; }
static inline png_uint_32 bh_png_format_linear_rgba(void) { return PNG_FORMAT_LINEAR_RGB_ALPHA; }
static inline png_uint_32 bh_png_format_flag_linear(void) { return PNG_FORMAT_FLAG_LINEAR; }
static inline png_uint_32 bh_png_image_flag_16bit_srgb(void) { return PNG_IMAGE_FLAG_16BIT_sRGB; }

#endif
