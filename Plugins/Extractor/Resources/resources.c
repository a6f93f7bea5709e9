// The data files are embedded with C23's #embed, which reads them at compile time
// relative to this file; no run-time lookup of a resource folder is needed.
#pragma clang diagnostic ignored "-Wc23-extensions"
#include "ExtractorResources.h"

// A trailing zero byte makes an empty file a valid array.
static const unsigned char ner_model[] = {
#embed "ner.model" suffix(,) if_empty()
  0};
static const unsigned char syntax_model[] = {
#embed "syntax.model" suffix(,) if_empty()
  0};
static const unsigned char places[] = {
#embed "places.tsv" suffix(,) if_empty()
  0};
static const unsigned char demonyms[] = {
#embed "demonyms.tsv" suffix(,) if_empty()
  0};
static const unsigned char titles[] = {
#embed "titles.tsv" suffix(,) if_empty()
  0};
static const unsigned char countries[] = {
#embed "countries.tsv" suffix(,) if_empty()
  0};
static const unsigned char first_names[] = {
#embed "first-names.tsv" suffix(,) if_empty()
  0};
static const unsigned char organizations[] = {
#embed "organizations.tsv" suffix(,) if_empty()
  0};

// Each accessor gives a file's bytes and their number, without the trailing zero.
#define RESOURCE_ACCESSOR(name)                                   \
  const unsigned char *quarry_resource_##name(size_t *size) {     \
    *size = sizeof(name) - 1;                                     \
    return name;                                                  \
  }

RESOURCE_ACCESSOR(ner_model)
RESOURCE_ACCESSOR(syntax_model)
RESOURCE_ACCESSOR(places)
RESOURCE_ACCESSOR(demonyms)
RESOURCE_ACCESSOR(titles)
RESOURCE_ACCESSOR(countries)
RESOURCE_ACCESSOR(first_names)
RESOURCE_ACCESSOR(organizations)
