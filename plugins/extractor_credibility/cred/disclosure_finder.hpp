// Self-disclosed expertise and experience in one post: every cue of
// data/disclosures.tsv matched over the post's sentences, kept when the
// claim filter says it is the author's own claim, overlaps resolved in
// favour of the earlier row, one signal per (signal, basis, value).
#pragma once

#include "cred/claim_filter.hpp"
#include "cred/cue_table.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace fkb::cred {

/// A self-disclosure found in a post.
struct Disclosure {
    std::string signal;  ///< expertise | experience
    std::string basis;   ///< the cue's basis ("coaching")
    std::string value;   ///< "coaches runners"
    double weight = 0;   ///< contribution before the formula's caps
    uint32_t start = 0, end = 0, sentence = 0;  ///< evidence bytes in the post
    std::string outcome; ///< for experience: the outcome the post reports, if any
    size_t cue_line = 0; ///< the row of data/disclosures.tsv
};

/// A match the filter set aside, for tests and debugging.
struct SetAside {
    size_t cue_line = 0;
    Rejection why = Rejection::None;
    uint32_t start = 0, end = 0;
};

/// Finds the disclosures of one post; set-aside matches go to `rejected`
/// when it is not null.
std::vector<Disclosure> find_disclosures(const CueTable& cues, const ClaimFilter& filter, const PostContext& post,
                                         std::vector<SetAside>* rejected = nullptr);

}  // namespace fkb::cred
