// The extractor's intermediate results for one thread: symptom mentions and
// cause/remedy claims, as word spans of a post plus what the context rules
// and the linker found out about them. advice_extractor.cpp turns them into
// facts.
#pragma once

#include "cues.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace fkb::advice {

enum class Experiencer : uint8_t { unknown, author, addressee, other, generic };

std::string_view experiencer_name(Experiencer e);
std::string_view certainty_name(Certainty c);
std::string_view outcome_name(Outcome o);

/// A symptom named in a post ("my back is very sore", "sore shoulders").
struct SymptomMention {
    uint32_t post = 0, sentence = 0;
    uint32_t first = 0, last = 0;          ///< the words of the mention
    uint32_t ev_first = 0, ev_last = 0;    ///< evidence: mention plus adjacent qualifiers
    std::string concept_id, label;
    std::string body_part;  ///< body part concept id (empty for named conditions)
    std::string sited_in;   ///< for a named condition: the body part it is in ("arthritis in my knee")
    std::string complaint;  ///< complaint concept id
    std::string location, onset, duration, activity;
    Experiencer experiencer = Experiencer::unknown;
    bool negated = false;
    bool reported = false;  ///< emitted as a symptom fact (someone has it)
    bool anaphoric = false; ///< a complaint whose body part is the one named before ("it's sore")
};

/// A cause or remedy claim.
struct Claim {
    bool remedy = false;
    Cue cue = Cue::cause_verb;
    uint32_t post = 0, sentence = 0;
    WordSpan slot;      ///< the phrase naming the cause or remedy
    WordSpan evidence;  ///< the clause carrying the claim
    WordSpan effect;    ///< for causes: the words naming the effect, if any
    bool trigger = false;  ///< causes: what was done before the complaint began ("started after X"), named as is
    uint32_t clause_first = 0;  ///< the claim's clause starts no earlier (a leading condition with no comma stays out)
    std::string concept_id, label;
    Certainty certainty = Certainty::unknown;
    bool negated = false;
    std::string condition;
    Experiencer experiencer = Experiencer::unknown;
    Outcome outcome = Outcome::none;
    std::string dosage;
    std::string symptom;        ///< linked symptom concept id
    std::string cause;          ///< remedies: linked cause concept id
    int cause_claim = -1;       ///< remedies: index of the linked cause claim
    bool dropped = false;
};

}  // namespace fkb::advice
