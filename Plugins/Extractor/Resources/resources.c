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

const unsigned char *quarry_resource_ner_model(size_t *size) {
  *size = sizeof(ner_model) - 1;
  return ner_model;
}
const unsigned char *quarry_resource_syntax_model(size_t *size) {
  *size = sizeof(syntax_model) - 1;
  return syntax_model;
}
const unsigned char *quarry_resource_places(size_t *size) {
  *size = sizeof(places) - 1;
  return places;
}
const unsigned char *quarry_resource_demonyms(size_t *size) {
  *size = sizeof(demonyms) - 1;
  return demonyms;
}
const unsigned char *quarry_resource_titles(size_t *size) {
  *size = sizeof(titles) - 1;
  return titles;
}
const unsigned char *quarry_resource_countries(size_t *size) {
  *size = sizeof(countries) - 1;
  return countries;
}
const unsigned char *quarry_resource_first_names(size_t *size) {
  *size = sizeof(first_names) - 1;
  return first_names;
}
const unsigned char *quarry_resource_organizations(size_t *size) {
  *size = sizeof(organizations) - 1;
  return organizations;
}
