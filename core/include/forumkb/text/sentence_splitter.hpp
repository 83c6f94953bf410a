// Forum-aware sentence splitting. Candidate boundaries come from the Unicode
// sentence break rules (UAX #29): an exact re-implementation of the rules
// for ASCII lines (the fast path), used also for lines with non-ASCII text
// by standing in for each character an ASCII one of its Sentence_Break
// class (from ICU), and ICU's iterator for lines with classes ASCII lacks
// (letters without case, paragraph separators); tests hold all equal. Rules for what forums do are then
// applied on top: no break after abbreviations (Dr., e.g., vs.); a break
// where a full stop has no space after it ("sore.Then"), after "lol" or an
// emoji that is followed by a capitalized word, and before a bullet in the
// middle of a line; an emoji or punctuation-only piece joins the sentence
// before it on its line; a long line that ends mid-sentence and continues in
// lower case on the next line is one sentence. Every line break otherwise
// ends a sentence (forum posts often leave out the final full stop).
// Sentences exclude surrounding white space and bullet markers (>>, >, •,
// "- ", "* ", "1. ").
#pragma once

#include <forumkb/plugin.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::text {

class SentenceSplitter {
public:
    /// Loads data/text/abbreviations.txt and data/text/sentence_enders.txt.
    SentenceSplitter();
    /// Uses the given file contents (for tests).
    SentenceSplitter(std::string_view abbreviations_txt, std::string_view enders_txt);

    /// The sentences of `text` (normalized text: ASCII punctuation), as
    /// spans into it, in order, non-empty and non-overlapping.
    std::vector<fkb_span> split(std::string_view text) const;
    void split(std::string_view text, std::vector<fkb_span>& out) const;
    /// Same, told whether `text` is all ASCII (is_ascii(text)).
    void split(std::string_view text, bool ascii, std::vector<fkb_span>& out) const;

    /// UAX #29 sentence boundaries of `text` (offsets > 0, the last one is
    /// text.size()): with the ASCII rules where they can read a line, else
    /// through ICU's iterator (force_icu: ICU for every line). Exposed for
    /// tests.
    static void uax29_breaks(std::string_view text, bool force_icu, std::vector<uint32_t>& out);

    /// True if `word` (lower case, without its final '.') is a known
    /// abbreviation.
    bool is_abbreviation(std::string_view word) const;

private:
    struct Words;
    std::shared_ptr<const Words> words_;
};

}  // namespace fkb::text
