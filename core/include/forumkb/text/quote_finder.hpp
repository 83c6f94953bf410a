// Quoted text across a thread: the spans of a post that repeat an earlier
// post, whatever the source plugin marked. Posts are compared as sequences
// of normalized word tokens (so case, curly quotes, punctuation and white
// space do not matter): shared runs of 4 words are found through a hash
// index of the earlier posts, then extended word by word, allowing a few
// single-word edits (a typo fixed, a word dropped) for near-exact repeats.
// A run counts when it is at least a clause long (6 words and 40 bytes by
// default); the span then also takes the punctuation that closes it in both
// posts.
#pragma once

#include <forumkb/plugin.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace fkb::text {

struct PostAnalysis;

class QuoteFinder {
public:
    struct Options {
        uint32_t min_words = 6;  ///< at least this many words ...
        uint32_t min_bytes = 40; ///< ... and this many bytes of the post
        uint32_t max_edit_per_10_words = 1; ///< near-exact: edits allowed
    };
    QuoteFinder() = default;
    explicit QuoteFinder(Options o) : opt_(o) {}

    /// Fills posts[i].quoted for every post of a thread, from the posts'
    /// texts and tokens (posts[i] analyzes texts[i]).
    void find(const std::vector<std::string_view>& texts, std::vector<PostAnalysis>& posts) const;

private:
    Options opt_;
};

}  // namespace fkb::text
