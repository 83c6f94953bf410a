// The phrases a lexicon curator may want to add: causes and remedies that
// the extractors found but could not map to a lexicon concept, counted
// across a knowledge base (`forumkb lexicon suggest`). The SQL lives in
// core/data/kb/lexicon_suggest.sql.
#pragma once

#include <forumkb/kb/kb_reader.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace fkb::kb {

struct LexiconSuggestion {
    std::string kind;     ///< cause | remedy
    std::string concept_id;  ///< the normalized phrase id ("cause:run_old_shoe")
    std::string label;    ///< its commonest spelling in the text
    int64_t mentions = 0; ///< facts naming it (quoted copies left out)
    int64_t threads = 0;  ///< distinct threads
    int64_t authors = 0;  ///< distinct authors
};

struct LexiconSuggestOptions {
    std::string kind;       ///< "" for both, "cause" or "remedy"
    int64_t min_count = 1;  ///< at least this many mentions
    int64_t limit = 0;      ///< at most this many rows (0: all)
};

/// The unmapped phrases, most mentioned first (then more threads, more
/// authors, kind, id). Throws KbError on a database error.
std::vector<LexiconSuggestion> suggest_lexicon_entries(KbReader& kb, const LexiconSuggestOptions& options);

/// One line per phrase: mentions, threads, authors, kind, label, id.
std::string render_suggestions_text(const std::vector<LexiconSuggestion>& rows);
/// A JSON array of objects {kind, concept, label, mentions, threads, authors}.
std::string render_suggestions_json(const std::vector<LexiconSuggestion>& rows);

}  // namespace fkb::kb
