#ifndef QUARRY_EXTRACTOR_RESOURCES_H
#define QUARRY_EXTRACTOR_RESOURCES_H

#include <stddef.h>

/// The extractor's data files, compiled into the binary so that `quarry` is one file.
/// Each returns the bytes of a file in this folder and stores its length in `size`.
const unsigned char *quarry_resource_ner_model(size_t *size);
const unsigned char *quarry_resource_places(size_t *size);
const unsigned char *quarry_resource_demonyms(size_t *size);
const unsigned char *quarry_resource_titles(size_t *size);
const unsigned char *quarry_resource_countries(size_t *size);

#endif
