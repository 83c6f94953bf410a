// Cue grammars: the Spirit X3 recognizers of the phrases that announce a
// cause or a remedy ("X can cause Y", "sounds like X", "try X", "X helps"),
// of reported outcomes ("went away", "didn't help") and of dosages ("three
// sets of 30-40 seconds"). Grammars only find cues, in a sentence's keys
// (PostWords::key_text); the extractor decides the extent of the phrase in
// the slot (slots.hpp) and maps it to a concept. The grammars live in three
// translation units (cause_cues.cpp, remedy_cues.cpp, detail_cues.cpp) to
// keep compile time and memory bounded.
#pragma once

#include "post_words.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fkb::advice {

/// What a cue announces, and where its phrase is.
enum class Cue : uint8_t {
    // Causes.
    cause_verb,       ///< X [can] cause|lead to|put stress on Y: cause left, effect right
    cause_because,    ///< Y because [of]|due to|from|caused by X: effect left, cause right
    cause_likely,     ///< sounds like X, its probably X, could be X: cause right
    cause_culprit,    ///< X is the culprit|cause|problem: cause left
    cause_culprit_r,  ///< the culprit|cause is X: cause right
    cause_when,       ///< [Y] when|whenever|every time I X [Y]: cause right
    cause_too_much,   ///< X is too much|too fast|too soon: cause is the clause
    cause_question,   ///< did you X?, are you X?: cause right, questioned
    cause_diagnosis,  ///< that's (textbook) X, classic X, my doctor said X, X pattern means Y: cause right
    cause_since,      ///< since I started X, started me on X, I finished a course of X: cause right
    cause_diag_after, ///< X until proven otherwise, X by the book, X for sure: a named condition on the left
    // Remedies.
    remedy_try,        ///< try X, I tried X
    remedy_suggest,    ///< I suggest|recommend X, my advice is X, you could X
    remedy_make_sure,  ///< make sure X, focus on X, pay attention to X, work on X
    remedy_avoid,      ///< avoid X, stay away from X, cut back on X
    remedy_should,     ///< you should|need to|want to X
    remedy_should_be,  ///< your X should be Y: the clause
    remedy_worth,      ///< it's a good idea|best|worth|important to X
    remedy_helps,      ///< X helps|worked|is what I do|is a great way to: remedy left
    remedy_asked,      ///< have you tried X?: remedy right, questioned
    remedy_plan,       ///< I'll X, gonna X, will do X; negated: I'll skip X, not going to X: remedy right, the author's
};

/// Certainty of a claim.
enum class Certainty : uint8_t { unknown, asserted, probable, possible, questioned };

/// Reported outcome of a remedy.
enum class Outcome : uint8_t { none, resolved, improved, no_effect, worse };

/// One cue found in a sentence: its words [first, last) and what the cue
/// itself says about certainty, negation and outcome.
struct CueHit {
    Cue cue = Cue::cause_verb;
    uint32_t first = 0, last = 0;
    Certainty certainty = Certainty::unknown;
    bool negated = false;
    Outcome outcome = Outcome::none;
    bool author = false;  ///< the cue names the author ("I tried", "is what I do")
    bool marked = false;  ///< the cue itself says it is a diagnosis ("textbook", "classic", "my doctor said")
};

/// A span of words with a value.
struct OutcomeHit {
    uint32_t first = 0, last = 0;
    Outcome outcome = Outcome::none;
};

struct WordSpan {
    uint32_t first = 0, last = 0;
    bool empty() const noexcept { return first >= last; }
};

/// The cue grammars, as bits of Word::cue_starts.
enum CueGrammar : uint8_t {
    kCauseGrammar = 1,
    kRemedyGrammar = 2,
    kOutcomeGrammar = 4,
    kQuantityGrammar = 8,
    kHedgeGrammar = 16,
};

/// The words each grammar's matches can start with (each grammar's own
/// translation unit says, beside its rules).
std::vector<std::vector<std::string>> cause_cue_starts();   ///< per alternative, in order
std::vector<std::vector<std::string>> remedy_cue_starts();  ///< per alternative, in order
std::vector<std::string> outcome_first_words();
std::vector<std::string> quantity_first_words();
std::vector<std::string> hedge_first_words();

/// Marks in each word of a post the grammars that may match from it, so
/// the scans skip the rest (most words start no cue).
class CueStarts {
public:
    CueStarts();
    void classify(PostWords& pw) const;
    /// The grammar bits and alternative masks of one word key.
    void classify_word(std::string_view key, uint8_t& grammars, uint32_t& cause, uint32_t& remedy) const;

private:
    struct Starts {
        uint32_t cause = 0, remedy = 0;  ///< bits of the alternatives of each grammar
        uint8_t grammars = 0;            ///< CueGrammar bits of the single-rule grammars
    };
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, Starts, Hash, std::equal_to<>> starts_;
};

/// Cause cues of sentence s, in word order.
void find_cause_cues(const PostWords& pw, const Sentence& s, std::vector<CueHit>& out);
/// Remedy cues of sentence s, in word order.
void find_remedy_cues(const PostWords& pw, const Sentence& s, std::vector<CueHit>& out);
/// Outcome phrases of sentence s ("went away", "didn't help").
void find_outcomes(const PostWords& pw, const Sentence& s, std::vector<OutcomeHit>& out);
/// Quantities in words [first, last) ("3 sets", "30-40 seconds", "twice a
/// day", "8-10 miles every 3-4 weeks"), merged into dosage spans when only
/// a few words separate them.
void find_dosages(const PostWords& pw, uint32_t first, uint32_t last, std::vector<WordSpan>& out);
/// Hedge words in words [first, last): the strongest certainty they give
/// (probable > possible), or unknown.
Certainty find_hedge(const PostWords& pw, uint32_t first, uint32_t last);

}  // namespace fkb::advice
