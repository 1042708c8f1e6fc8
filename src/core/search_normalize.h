// Search normalisation: the one place that decides when two spellings are
// "the same" for search. Used for the index (src/store/cases.cpp writes the
// folded text into the FTS5 table) and for the query, so both sides agree.
// Design and examples: docs/cases.md, "Search".
//
// fold_for_search(): lower case; ä→a, ö→o, ü→u, ß/ẞ→ss, æ→ae, œ→oe, and the
// common Latin diacritics removed (é→e, ł→l, ş→s, č→c, ı→i, ø→o, ...);
// combining marks dropped; Greek and Cyrillic lower-cased; every character
// that is not a letter or digit becomes a single space.
//   "Müller-Lüdenscheidt, Straße 3" → "muller ludenscheidt strasse 3"
//
// The German transliteration ä=ae, ö=oe, ü=ue is handled on the QUERY side:
// each query word expands to its variants, so "mueller" looks for "mueller"
// and "muller", and "müller" for "muller" and "mueller". The index keeps one
// folded form per word (no "ue"→"u" rewriting of documents, which would break
// words like "Feuer" or "Bauer" for infix matching).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bb::search {

std::string fold_for_search(std::string_view utf8);

// The words of already folded text (split at spaces).
std::vector<std::string> split_words(std::string_view folded);

// One query word → its folded variants (at most kMaxVariants, first = plain fold).
constexpr size_t kMaxVariants = 8;
std::vector<std::string> query_variants(std::string_view raw_word);

// A parsed query: every term must match (AND), a term matches a word that
// starts with one of its variants (prefix search, so results appear as you type).
struct Query {
  std::vector<std::vector<std::string>> terms;
  bool empty() const { return terms.empty(); }
};
Query parse_query(std::string_view text);

// True if some word of the folded text starts with one of the term's variants.
bool term_matches(std::string_view folded_text, const std::vector<std::string>& variants);
bool matches_all(std::string_view folded_text, const Query& q);

// A short excerpt of `original` around the first word that matches one of
// the query's terms ("" if none): about `width` characters, cut at word
// boundaries, "…" where text was left out.
std::string match_context(std::string_view original, const Query& q, size_t width = 60);

}  // namespace bb::search
