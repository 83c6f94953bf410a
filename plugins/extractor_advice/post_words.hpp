// PostWords: one post's text as this plugin reads it. Built from the host's
// analysis (sentences, tokens, scopes, quoted spans), it re-cuts tokens into
// words (contractions joined, Unicode dashes and emoji split off), gives
// every word a key and a stem (word_key.hpp), and lays all keys out in one
// string, separated by single spaces, so the cue grammars can parse a
// sentence as plain ASCII-ish text and map positions back to words and to
// byte offsets in the original post.
#pragma once

#include <forumkb/plugin.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::advice {

struct Concept;

/// A lexicon phrase found at a word: it ends before word `last` and names
/// the concepts in `concepts` (one per kind at most). Lexicon::classify
/// finds them once per post; Lexicon::match_at reads them.
struct LexHit {
    uint32_t last = 0;
    const std::vector<const Concept*>* concepts = nullptr;
};

/// One bit per cue word list of lexicon/cue_words.tsv (Word::lists), so a
/// word's membership in any list is one AND; up to 128 lists.
__extension__ typedef unsigned __int128 ListBits;

/// One word (or punctuation mark) of a post.
struct Word {
    uint32_t start = 0, end = 0;  ///< byte offsets into the post text
    uint32_t key_off = 0, key_len = 0;
    uint32_t stem_off = 0, stem_len = 0;
    uint32_t sentence = 0;  ///< index into PostWords::sentences
    bool punct = false;
    bool number = false;
    bool quoted = false;  ///< inside a span that repeats an earlier post
    char mark = 0;        ///< a one-character punctuation word's key, else 0 (is_p)
    bool lex_first = false;  ///< a lexicon phrase may start here (Lexicon::classify)
    ListBits lists = 0;      ///< the cue word lists holding this word (Lexicon::classify)
    uint32_t stem_id = 0;    ///< the stem's id in the lexicon's phrases, 0 if in none (Lexicon::classify)
    uint8_t cue_starts = 0xFF;  ///< the cue grammars a match may start at this word with (CueStarts)
    uint32_t cause_alts = ~uint32_t{0}, remedy_alts = ~uint32_t{0};  ///< their alternatives that may (CueStarts)
};

/// A sentence as a range of words.
struct Sentence {
    uint32_t first = 0, last = 0;  ///< words [first, last)
    uint32_t start = 0, end = 0;   ///< bytes
    uint32_t index = 0;            ///< the host's sentence index (for evidence)
    bool quoted = false;           ///< mostly repeats an earlier post
};

/// A context scope of the host's analysis, with its value copied.
struct Scope {
    fkb_scope_kind kind;
    uint32_t sentence;
    uint32_t trigger_start, trigger_end, start, end;
    std::string value;
};

/// What a word's text gives, worked out once per distinct text by a cache
/// the caller keeps (WordClasses): its key and stem, and its classes.
struct WordForms {
    std::string key, stem;
    bool punct = false;  ///< a word made only of apostrophes is punctuation
    bool punct_text = false;  ///< made from a text cut as punctuation (the cache's key with the text)
    ListBits lists = 0;
    uint32_t cause_alts = 0, remedy_alts = 0, stem_id = 0;
    uint8_t cue_starts = 0;
    bool lex_first = false;
    std::string spaced_key;  ///< " " + key, as a word after the first is laid out in the keys
    Word word;               ///< all of the above as a Word, for PostWords to copy (offsets, position, number unset)
};

/// The cache of WordForms by the word's text (and whether it is punctuation).
class WordFormCache {
public:
    virtual const WordForms& forms(std::string_view text, bool punct) = 0;

protected:
    ~WordFormCache() = default;
};

class PostWords {
public:
    /// Words of a post from the host's analysis of it.
    static PostWords from_analysis(std::string_view text, const fkb_post_analysis& a);
    /// The same, with every word's forms and classes from cache (then only
    /// Lexicon::find_phrases is left to do).
    static PostWords from_analysis(std::string_view text, const fkb_post_analysis& a, WordFormCache& cache);
    /// Words of a short text that has no analysis (a thread title): one
    /// sentence per line, ASCII tokenization.
    static PostWords from_plain(std::string_view text);

    std::string_view text() const noexcept { return text_; }
    const std::vector<Word>& words() const noexcept { return words_; }
    const std::vector<Sentence>& sentences() const noexcept { return sentences_; }
    const std::vector<Scope>& scopes() const noexcept { return scopes_; }
    size_t size() const noexcept { return words_.size(); }
    const Word& operator[](size_t i) const noexcept { return words_[i]; }
    Word& word(size_t i) noexcept { return words_[i]; }
    /// The lexicon phrases starting at word i, shortest first (Lexicon::classify).
    std::pair<const LexHit*, const LexHit*> lex_hits(size_t i) const noexcept {
        if (i + 1 >= lex_begin_.size()) return {nullptr, nullptr};
        return {lex_hits_.data() + lex_begin_[i], lex_hits_.data() + lex_begin_[i + 1]};
    }
    void set_lex_hits(std::vector<LexHit> hits, std::vector<uint32_t> begin) {
        lex_hits_ = std::move(hits);
        lex_begin_ = std::move(begin);
    }

    std::string_view key(size_t i) const noexcept {
        return std::string_view(keys_.data() + words_[i].key_off, words_[i].key_len);
    }
    std::string_view stem(size_t i) const noexcept {
        return std::string_view(stems_.data() + words_[i].stem_off, words_[i].stem_len);
    }
    /// The keys of words [first, last) as one string ("my back is very sore").
    std::string_view keys(size_t first, size_t last) const noexcept;
    /// All keys of the post, the string grammars parse.
    const std::string& key_text() const noexcept { return keys_; }
    /// The word whose key contains position pos of key_text() (or the word
    /// after it when pos is a separating space).
    size_t word_at_key(size_t pos) const noexcept;
    /// Original text of words [first, last).
    std::string_view span_text(size_t first, size_t last) const noexcept;

private:
    static PostWords from_analysis_with(std::string_view text, const fkb_post_analysis& a, WordFormCache* cache);
    void add_word(uint32_t start, uint32_t end, uint32_t sentence, bool punct, bool number, std::string_view key_src);
    void finish();

    std::string_view text_;
    WordFormCache* cache_ = nullptr;  ///< while building, if any
    std::vector<Word> words_;
    std::vector<Sentence> sentences_;
    std::vector<Scope> scopes_;
    std::string keys_, stems_;
    std::vector<LexHit> lex_hits_;
    std::vector<uint32_t> lex_begin_;  ///< per word, its first LexHit; one more at the end
};

/// Whether word i of pw is the punctuation mark p.
inline bool is_p(const PostWords& pw, uint32_t i, std::string_view p) {
    return p.size() == 1 ? pw[i].mark == p[0] : pw[i].punct && pw.key(i) == p;
}

}  // namespace fkb::advice
