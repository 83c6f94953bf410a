// WordClasses: what the extractor needs to know of each word of a post
// (the cue word lists holding it, whether a lexicon phrase or a cue
// grammar's alternative may start at it), looked up once per distinct word
// and remembered, so a post's words cost one hash each. One instance per
// extractor instance (not shared between threads); the cache is cleared
// when it grows past a bound, so memory stays flat on any dump.
#pragma once

#include "cues.hpp"
#include "lexicon.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fkb::advice {

class WordClasses final : public WordFormCache {
public:
    WordClasses(const Lexicon& lex, const CueStarts& starts) : lex_(lex), starts_(starts) {}

    /// Sets the classes of every word of pw, then its lexicon phrases.
    void classify(PostWords& pw);
    /// The forms and classes of a word's text (PostWords::from_analysis).
    const WordForms& forms(std::string_view text, bool punct) override;
    /// Call before building a post's words: clears the caches when they have grown past their bound.
    void begin_post();

private:
    struct Classes {
        ListBits lists = 0;
        uint32_t cause_alts = 0, remedy_alts = 0, stem_id = 0;
        uint8_t cue_starts = 0;
        bool lex_first = false;
    };
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    static constexpr size_t kMaxCached = 200000;

    /// The forms of a text not seen yet.
    WordForms make_forms(std::string_view text, bool punct) const;

    const Lexicon& lex_;
    const CueStarts& starts_;
    std::unordered_map<std::string, Classes, Hash, std::equal_to<>> cache_;
    // The forms by text and punctuation flag: an open-addressing table of
    // indices into forms_ (a word costs one short hash and one compare; the
    // one-byte punctuation marks one array read).
    struct Slot {
        uint64_t hash = 0;
        uint32_t index = 0;  ///< into forms_, plus one; 0: empty
    };
    std::vector<Slot> slots_;
    std::vector<WordForms> forms_;
    std::vector<std::string> texts_;  ///< per forms_ entry, the text it was made from
    std::vector<uint32_t> punct1_;    ///< per byte, the forms_ index (plus one) of that one-byte punctuation mark
};

}  // namespace fkb::advice
