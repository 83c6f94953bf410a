// The credibility extractor as a plain class: one analyzed thread in,
// `credibility` and `endorsement` facts out. plugin.cpp wraps it in the
// ABI; the tests call it directly.
//
// credibility facts carry author, signal (expertise | experience |
// platform), basis (what kind: "coaching", "level"), value ("coaches
// runners"), weight (the signal's contribution, see docs/credibility.md)
// and evidence: the short phrase in the post, or for a platform signal the
// page's own rendering beside the post ("Lv 7") as evidence_text.
// endorsement facts carry author, target_post, stance (agree | disagree)
// and the cue as evidence.
#pragma once

#include "cred/claim_filter.hpp"
#include "cred/cue_table.hpp"
#include "cred/disclosure_finder.hpp"
#include "cred/endorsement_finder.hpp"
#include "cred/lexicon.hpp"
#include "cred/platform_signals.hpp"

#include <forumkb/sdk.hpp>

#include <memory>
#include <vector>

namespace fkb::cred {

/// Everything loaded from the data files, immutable once built.
class CredibilityExtractor {
public:
    /// Loads and checks every data file; throws DataError on a bad row.
    CredibilityExtractor();
    ~CredibilityExtractor();

    /// The facts of one thread, post by post: disclosures, platform
    /// signals, endorsements.
    std::vector<sdk::Fact> extract(const fkb_thread_view& view) const;

    const Lexicon& lexicon() const noexcept { return *lexicon_; }
    const CueTable& cues() const noexcept { return *cues_; }
    const ClaimFilter& filter() const noexcept { return *filter_; }
    const PlatformScales& scales() const noexcept { return *scales_; }

private:
    std::unique_ptr<Lexicon> lexicon_;
    std::unique_ptr<CueTable> cues_;
    std::unique_ptr<ClaimFilter> filter_;
    std::unique_ptr<PlatformScales> scales_;
};

}  // namespace fkb::cred
