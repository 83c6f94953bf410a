// Resolving a question to symptom concepts. Candidates come from the FTS5
// index over concept aliases (the question's words and their synonyms, OR-ed);
// a concept matches when every content term of one of its aliases appears in
// the question (word order free: "back sore" = "sore back"). Among matches
// the most specific win ("lower back pain" over "back pain"); their narrower
// concepts are included and their broader ones kept as context. When no
// alias matches whole, the best partial alias match is used, and when none
// does either, the symptom facts of the posts that match the question.
#pragma once

#include <forumkb/kb/query.hpp>

#include "kb/kb_reader_impl.hpp"
#include "kb/term_normalizer.hpp"

#include <string_view>
#include <vector>

namespace fkb::kb {

class ConceptResolver {
public:
    ConceptResolver(KbReader::Impl& kb, const TermNormalizer& terms) : kb_(kb), terms_(terms) {}

    /// Matched, narrower and broader symptom concepts, in that order.
    std::vector<ResolvedConcept> resolve(std::string_view question);

private:
    KbReader::Impl& kb_;
    const TermNormalizer& terms_;
};

/// An FTS5 query that ORs the given words, each quoted.
std::string fts_or_query(const std::vector<std::string>& words);

}  // namespace fkb::kb
