// Endorsements in one post: agreement ("I agree with this", "+1", "this!",
// "this worked for me too") and disagreement ("I disagree", "that's a
// myth") from data/endorsements.tsv, each with the post it answers.
//
// The target is, in order: the post whose text this post quotes before the
// cue (the host's quoted spans, then the source's quote markup), the post
// named in the cue ("what Shaun said"), the post this one replies to
// (parent_id), and otherwise the post just before it.
#pragma once

#include "cred/claim_filter.hpp"
#include "cred/cue_table.hpp"

#include <forumkb/plugin.h>

#include <cstdint>
#include <string>
#include <vector>

namespace fkb::cred {

/// An endorsement found in a post.
struct Endorsement {
    uint32_t target_post = 0;
    std::string stance;  ///< agree | disagree
    std::string via;     ///< how the target was found: quote | name | parent | previous
    uint32_t start = 0, end = 0, sentence = 0;
};

/// Finds the endorsements of post `index` of the thread; one per (target,
/// stance), the first cue wins.
std::vector<Endorsement> find_endorsements(const CueTable& cues, const ClaimFilter& filter,
                                           const fkb_thread_view& thread, size_t index, const PostContext& post);

}  // namespace fkb::cred
