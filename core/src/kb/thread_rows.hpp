// The rows of one thread, computed before the KB writer touches SQLite: its
// content hash, the columns of every fact, which symptom each cause and
// remedy is advice for and which cause each remedy addresses, the index of
// each quoted post, each post's author weight, and the thread's advice
// claims as the advice index stores them (advice_claims.hpp). prepare_thread_rows() is
// a pure function of the thread and its facts, so the pipeline runs it on
// its worker threads, in parallel; the one writer then only binds and steps
// prepared statements (docs/performance.md).
#pragma once

#include <forumkb/credibility.hpp>
#include <forumkb/kb/kb_writer.hpp>

#include "kb/fact_fields.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::kb {

/// One fact row: views point into the FactRecord and the thread it was
/// prepared from, which must outlive it.
struct FactRow {
    const FactRecord* record = nullptr;
    std::string cid;          ///< concept id, "" when none
    FactFields fields;
    std::string_view evidence;  ///< the quote: evidence_text, or the slice of the post's text
    std::optional<int64_t> target_index;  ///< endorsement: the endorsed post, when in the thread
};

/// A derived link of a fact (fact_symptoms, fact_causes).
struct LinkRow {
    uint32_t fact = 0;  ///< index into ThreadRows::facts
    std::string target;  ///< symptom or cause concept id
    const char* link = "";
};

/// One advice claim of the thread: a cause or remedy for one of its symptoms,
/// encoded with zeros for the ids only the writer knows (advice_claims.hpp:
/// the fact row, the thread row, the author keys).
struct ClaimRow {
    uint32_t link = 0;  ///< index into ThreadRows::symptoms: the fact and the symptom
    std::string bytes;
    size_t endorsers_at = 0;              ///< offset of the first endorser in bytes
    std::vector<uint32_t> endorser_posts;  ///< per endorser: the post whose author it is
};

struct ThreadRows {
    std::string hash;   ///< of the thread and its facts: unchanged => not rewritten
    std::string error;  ///< why the thread cannot be written ("thread X: ..."), empty when it can
    std::vector<std::vector<std::optional<int64_t>>> quoted_index;  ///< per post, per quote
    std::vector<FactRow> facts;
    std::vector<LinkRow> symptoms, causes;
    std::vector<credibility::PostWeight> weights;  ///< one per post
    std::vector<ClaimRow> claims;
};

ThreadRows prepare_thread_rows(const Thread& thread, const std::vector<FactRecord>& facts);

}  // namespace fkb::kb
