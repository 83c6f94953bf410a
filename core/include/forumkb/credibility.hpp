// Author credibility: one documented formula (docs/credibility.md) turning
// the credibility and endorsement facts of a thread, and its authors'
// platform signals, into a weight in [0, 1] per author per thread, with
// reasons a user can read ("coaches runners; competitive runner in college").
//
// Contract between the credibility scoring (core/src/credibility/) and the
// KB writer, which stores one row per post with its author's weight.
#pragma once

#include <forumkb/model.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace fkb::credibility {

/// The weight of the author of one post, within its thread. Posts without an
/// author are each their own anonymous author.
struct PostWeight {
    uint32_t post = 0;   ///< index in the thread
    std::string author;  ///< as in the post, or "" when anonymous
    double weight = 0;   ///< in [0, 1]
    std::string reasons; ///< human readable, "; "-separated
};

/// One entry per post of the thread, in post order.
std::vector<PostWeight> post_weights(const Thread& thread, const std::vector<FactRecord>& facts);

}  // namespace fkb::credibility
