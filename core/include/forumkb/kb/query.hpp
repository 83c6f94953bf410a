// The advice query: from a question ("lower back pain after running") to
// the symptom concepts it is about, and for them the ranked causes and
// remedies with how many independent authors back each, how credible they
// are, what was ruled out or disputed, which advice conflicts, and the
// evidence quotes. The score is documented in docs/query.md.
#pragma once

#include <forumkb/kb/kb_reader.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::kb {

struct QueryOptions {
    int limit = 10;          ///< items per list (causes, remedies)
    int min_support = 1;     ///< items backed by fewer independent authors are left out
    bool evidence = false;   ///< attach the evidence quotes
    int max_evidence = 0;    ///< quotes per item when evidence is on (0: all)
};

/// A symptom concept the question was answered for.
struct ResolvedConcept {
    std::string id, label;
    std::string role;   ///< "matched" | "narrower" | "broader"
    std::string match;  ///< the alias that matched (matched concepts only)
};

/// One quote backing (or ruling out) an item.
struct EvidenceQuote {
    std::string quote;         ///< the evidence text, as in the post
    std::string label;         ///< the fact's own label ("planks")
    std::string stance;        ///< "supports" | "rules out"
    std::optional<std::string> certainty, outcome;
    std::string source, thread_id, thread_title;
    std::optional<std::string> url;
    uint32_t post = 0;         ///< index in the thread, 0 = opening post
    std::string author;        ///< "" when anonymous
    double weight = 0;         ///< the author's credibility weight in that thread
    std::string reasons;       ///< why that weight
    int endorsements = 0;      ///< other authors who endorsed or quoted this post
};

/// A remedy linked to a cause ("weak core" -> "core strengthening").
struct LinkedItem {
    std::string id, label;
    int authors = 0;  ///< independent authors who gave it for that cause
};

/// A ranked cause or remedy.
struct RankedItem {
    std::string id, label;
    double score = 0;
    int support = 0;        ///< independent authors affirming it
    int endorsements = 0;   ///< other authors endorsing or quoting those claims
    int negations = 0;      ///< authors ruling it out (causes) or advising against it (remedies)
    double credibility = 0; ///< mean weight of the supporting authors
    std::map<std::string, int> certainty;  ///< claims per certainty
    std::map<std::string, int> outcomes;   ///< authors per reported outcome (remedies)
    bool disputed = false;                 ///< affirmed by some, ruled out by others
    bool questioned_only = false;          ///< only ever asked as a question
    std::vector<std::string> variants;     ///< other labels found for it ("planks")
    std::vector<std::string> conflicts;    ///< human readable
    std::vector<LinkedItem> remedies;      ///< causes only
    std::vector<EvidenceQuote> evidence;   ///< with QueryOptions::evidence
};

struct QueryResult {
    std::string text;
    std::vector<ResolvedConcept> concepts;  ///< empty: nothing matched
    int facts = 0, threads = 0;             ///< advice considered
    std::vector<RankedItem> causes, remedies;
};

/// Answers a question against the KB.
QueryResult run_query(KbReader& kb, std::string_view text, const QueryOptions& options = {});

/// The answer as text for a terminal.
std::string render_query_text(const QueryResult& result, const QueryOptions& options);

/// The answer as one JSON document (pretty-printed, stable bytes).
std::string render_query_json(const QueryResult& result, const QueryOptions& options);

}  // namespace fkb::kb
