// The words of one post as the cue patterns see them, built from the host's
// tokens (never a re-parse of the text).
//
// Each host token becomes one or more canonical words: the host's norm
// (already case-folded, curly apostrophes folded), contractions expanded
// from data/contractions.tsv ("I'm" -> i am, "didnt" -> did not, "we'll"
// -> we will by its suffix, a split "'ve" -> have), "+" "1" joined into
// "+1" and "/" "s" into "/s". Every
// word keeps the byte span of the token it came from, so a match maps back
// to the original text, and the hashes of its text and of the host's
// lemma (word_hash.hpp), so matching never compares strings.
//
// The views of a Word point into the host's analysis (valid during the
// extract() call), into the Lexicon's data, or into the stream's own store
// for the rare token the stream has to fold itself; a WordStream is
// therefore used within the call that built it and is not copyable.
#pragma once

#include "cred/word_hash.hpp"

#include <forumkb/plugin.h>

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::cred {

class Lexicon;

/// One canonical word.
struct Word {
    std::string_view text;   ///< canonical form ("am" for the "'m" of "I'm")
    uint64_t h = 0;          ///< word_hash(text)
    uint64_t lh = 0;         ///< word_hash of the host's lemma, or h when it has none
    uint32_t start = 0;      ///< byte span of the source token in the post text
    uint32_t end = 0;
    uint32_t sentence = 0;
    bool punct = false;
    bool number = false;
    uint8_t classes = 0;     ///< WordClass bits, looked up once when the stream is built

    bool is(uint8_t c) const noexcept { return (classes & c) != 0; }
    /// Whether the word is the canonical word hashed as `x` (text, or lemma for non-punctuation).
    bool matches(uint64_t x) const noexcept { return h == x || (!punct && lh == x); }
};

/// The word classes the matcher and the filters test on every word.
enum WordClass : uint8_t { kNegator = 1, kClauseBreak = 2, kStopword = 4, kNumberWord = 8 };

/// The canonical words of a post, with each sentence's word range.
struct WordStream {
    std::vector<Word> words;
    /// sentences[s] = {first word, one past the last word} of sentence s.
    std::vector<std::pair<size_t, size_t>> sentences;
    /// blooms[s]: the hashes (text and lemma) of the words of sentence s.
    std::vector<WordBloom> blooms;

    WordStream() = default;
    WordStream(WordStream&&) noexcept = default;
    WordStream& operator=(WordStream&&) noexcept = default;
    WordStream(const WordStream&) = delete;
    WordStream& operator=(const WordStream&) = delete;

    /// Builds the stream from the host's analysis of `text`.
    static WordStream build(std::string_view text, const fkb_post_analysis& analysis, const Lexicon& lexicon);
    /// The same into this stream, reusing its buffers (one stream per post in turn).
    void rebuild(std::string_view text, const fkb_post_analysis& analysis, const Lexicon& lexicon);

private:
    std::deque<std::string> own_;  // words the stream folded itself; deque: stable addresses
};

/// Lower-cases ASCII and folds curly apostrophes and quotes to ASCII.
std::string fold_word(std::string_view s);

}  // namespace fkb::cred
