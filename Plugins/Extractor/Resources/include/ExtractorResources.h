#ifndef QUARRY_EXTRACTOR_RESOURCES_H
#define QUARRY_EXTRACTOR_RESOURCES_H

#include <stddef.h>

/// The extractor's data files, compiled into the binary so that `quarry` is one file.
/// Each returns the bytes of a file in this folder and stores its length in `size`.
const unsigned char *quarry_resource_ner_model(size_t *size);
const unsigned char *quarry_resource_syntax_model(size_t *size);
const unsigned char *quarry_resource_places(size_t *size);
const unsigned char *quarry_resource_demonyms(size_t *size);
const unsigned char *quarry_resource_titles(size_t *size);
const unsigned char *quarry_resource_countries(size_t *size);
const unsigned char *quarry_resource_first_names(size_t *size);
const unsigned char *quarry_resource_organizations(size_t *size);

/// Asks for the cache line holding `address` ahead of its use. The parser looks up a
/// hundred features at a time in tables larger than the cache; asking for all of them
/// first lets their loads overlap instead of waiting for each in turn.
static inline void quarry_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

/// Adds `count` signed-byte weights times `scale` to `scores`: the dense rows of the
/// syntax model's weight tables. In C so that the conversion from bytes vectorises; Swift's
/// generic SIMD conversions are not specialised here and run element by element.
static inline void quarry_add_scaled_bytes(float *restrict scores, const signed char *restrict weights,
                                           float scale, int count) {
  for (int i = 0; i < count; i++) scores[i] += (float)weights[i] * scale;
}

#endif
