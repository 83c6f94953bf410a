// Quoted text in threads copied as plain text.
//
// A page copied from a browser loses the markup that set a quote apart, so a
// reply that quotes an earlier post shows up as that post's lines repeated
// verbatim, followed by the reply's own words. find_quotes() finds those
// repeated line runs and records them as quotes {start, end, post_id} on the
// quoting post; the text itself stays in the post.
#pragma once

#include <forumkb/sdk.hpp>

#include <cstddef>
#include <vector>

namespace fkb::seedsrc {

/// Thresholds of find_quotes().
struct QuoteRules {
    /// A run of repeated lines shorter than this (in bytes) is not a quote...
    size_t min_bytes = 40;
    /// ...unless it repeats the whole earlier post and is at least this long.
    size_t min_whole_post_bytes = 16;
};

/// For every post, finds the maximal runs of consecutive non-blank lines that
/// repeat consecutive lines of an earlier post (compared after trimming
/// blanks) and appends a quote per run, naming the earliest post that has
/// the run (the original author, not someone who quoted it before).
void find_quotes(std::vector<sdk::Post>& posts, const QuoteRules& rules = {});

}  // namespace fkb::seedsrc
