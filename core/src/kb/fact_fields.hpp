// The columns of a fact row, read from an sdk::Fact's attribute list: the
// named members of the fact JSON-lines format (certainty, polarity, symptom,
// signal, weight, ...) each get a column, the nested "qualifiers.*" members
// become one JSON object, and every other attribute goes, in the order
// emitted, into one more JSON object (`extra`), so nothing is lost.
#pragma once

#include <forumkb/model.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace fkb::kb {

struct FactFields {
    std::optional<std::string> certainty, polarity, experiencer, outcome, condition, dosage;
    std::optional<std::string> symptom, cause, remedy;
    std::optional<std::string> signal, basis, value, author, parent;
    std::optional<double> weight;
    std::optional<int64_t> target_post;
    std::optional<std::string> qualifiers;  ///< JSON object, absent when no qualifier
    std::optional<std::string> extra;       ///< JSON object of the attributes without a column, absent when none
    std::string support;                    ///< JSON array of post indexes ("" when empty)

    static FactFields from(const Fact& fact);
};

/// True for the attribute keys that have a column of their own in `facts`
/// (qualifiers.* included: they are the qualifiers column).
bool has_fact_column(std::string_view key);

/// A concept id made from a phrase: lower-case ASCII letters and digits, runs
/// of anything else become one '_' ("Weak core!" -> "weak_core"). Bytes above
/// 0x7F are kept as they are.
std::string concept_slug(std::string_view phrase);

/// The concept id a fact stands for: its concept, or the slug of its label.
std::string fact_concept(const Fact& fact);

}  // namespace fkb::kb
