// The columns of a fact row, read from an sdk::Fact's attribute list: the
// named members of the fact JSON-lines format (certainty, polarity, symptom,
// ...), the nested "qualifiers.*" members as one JSON object, and every
// attribute as emitted as another JSON object (nothing is lost).
#pragma once

#include <forumkb/model.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace fkb::kb {

struct FactFields {
    std::optional<std::string> certainty, polarity, experiencer, outcome, condition, dosage;
    std::optional<std::string> symptom, cause, remedy;
    std::optional<std::string> signal, value, author, parent;
    std::optional<double> weight;
    std::optional<int64_t> target_post;
    std::optional<std::string> qualifiers;  ///< JSON object, absent when no qualifier
    std::string attrs;                      ///< JSON object of all attributes
    std::string support;                    ///< JSON array of post indexes ("" when empty)

    static FactFields from(const Fact& fact);
};

/// A concept id made from a phrase: lower-case ASCII letters and digits, runs
/// of anything else become one '_' ("Weak core!" -> "weak_core"). Bytes above
/// 0x7F are kept as they are.
std::string concept_slug(std::string_view phrase);

/// The concept id a fact stands for: its concept, or the slug of its label.
std::string fact_concept(const Fact& fact);

}  // namespace fkb::kb
