// AdviceExtractor: the extraction logic of the extractor_advice plugin, as a
// plain library the tests and benchmarks link directly. It reads one
// analyzed thread (the fkb_thread_view the host hands to extractors) and
// returns the symptom, cause, remedy and triple facts of DESIGN.md, each
// with evidence: the clause that carries the claim, as byte offsets into the
// post text. Text that repeats an earlier post is skipped (it is an
// endorsement, not a new claim).
//
// Steps per thread: words and sentences per post (post_words.hpp); symptom
// mentions (symptom_finder.hpp); cue hits (cues.hpp) turned into claims
// with slot extents (slots.hpp) and context (context_rules.hpp);
// imperatives, advice lists, first-person plans and reported outcomes;
// dosage; concept mapping through the lexicon; linking and triples
// (linker.hpp); facts.
#pragma once

#include "claims.hpp"
#include "lexicon.hpp"

#include <forumkb/sdk.hpp>

#include <memory>
#include <vector>

namespace fkb::advice {

class AdviceExtractor {
public:
    /// Uses the lexicon compiled into the plugin.
    AdviceExtractor();
    /// Uses the given lexicon (tests).
    explicit AdviceExtractor(std::shared_ptr<const Lexicon> lexicon);
    ~AdviceExtractor();

    /// The facts of one analyzed thread, in post order; triples last.
    std::vector<sdk::Fact> extract(const fkb_thread_view& view) const;

    const Lexicon& lexicon() const noexcept { return *lex_; }

private:
    struct Impl;
    std::shared_ptr<const Lexicon> lex_;
    std::unique_ptr<Impl> impl_;
};

}  // namespace fkb::advice
