// The words of one post as the cue patterns see them, built from the host's
// tokens (never a re-parse of the text).
//
// Each host token becomes one or more canonical words: lower case, curly
// apostrophes folded, contractions expanded from data/contractions.tsv
// ("I'm" -> i am, "didnt" -> did not, a split "'ve" -> have), "+" "1"
// joined into "+1" and "/" "s" into "/s". Every word keeps the byte span of
// the token it came from, so a match maps back to the original text.
#pragma once

#include <forumkb/plugin.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::cred {

class Lexicon;

/// One canonical word.
struct Word {
    std::string text;   ///< canonical form ("am" for the "'m" of "I'm")
    std::string lemma;  ///< the host's lemma, or text when it has none
    uint32_t start = 0; ///< byte span of the source token in the post text
    uint32_t end = 0;
    uint32_t sentence = 0;
    bool punct = false;
    bool number = false;
};

/// The canonical words of a post, with each sentence's word range.
struct WordStream {
    std::vector<Word> words;
    /// sentences[s] = {first word, one past the last word} of sentence s.
    std::vector<std::pair<size_t, size_t>> sentences;

    /// Builds the stream from the host's analysis of `text`.
    static WordStream build(std::string_view text, const fkb_post_analysis& analysis, const Lexicon& lexicon);
};

/// Lower-cases ASCII and folds curly apostrophes and quotes to ASCII.
std::string fold_word(std::string_view s);

}  // namespace fkb::cred
