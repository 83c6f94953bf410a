// Reading fact attributes into columns (see fact_fields.hpp).
#include "kb/fact_fields.hpp"

#include "kb/json_writer.hpp"

#include <cstdlib>

namespace fkb::kb {

namespace {

void write_attr_value(JsonWriter& w, fkb_value_type type, const std::string& v) {
    switch (type) {
        case FKB_VALUE_INT:
        case FKB_VALUE_DOUBLE:
            if (!v.empty()) {
                char* end = nullptr;
                std::strtod(v.c_str(), &end);
                if (end && *end == '\0') {
                    w.raw(v);
                    return;
                }
            }
            w.value(v);
            return;
        case FKB_VALUE_BOOL: w.value(v == "true"); return;
        case FKB_VALUE_NULL: w.null(); return;
        default: w.value(v); return;
    }
}

}  // namespace

namespace {

// The attributes with a column of their own, in the order of Column.
enum Column {
    kCertainty, kPolarity, kExperiencer, kOutcome, kCondition, kDosage, kSymptom, kCause, kRemedy, kSignal, kBasis,
    kValue, kAuthor, kWeight, kTargetPost, kNoColumn
};
constexpr std::string_view kColumns[] = {"certainty", "polarity", "experiencer", "outcome", "condition",
                                         "dosage",    "symptom",  "cause",       "remedy",  "signal",
                                         "basis",     "value",    "author",      "weight",  "target_post"};

/// The column of an attribute key (qualifiers.* not included): one pass over
/// the names, by length and first byte before any compare.
Column column_of(std::string_view key) {
    if (key.empty()) return kNoColumn;
    for (int c = 0; c < kNoColumn; ++c) {
        const std::string_view name = kColumns[c];
        if (name.size() == key.size() && name[0] == key[0] && name == key) return static_cast<Column>(c);
    }
    return kNoColumn;
}

}  // namespace

bool has_fact_column(std::string_view key) { return key.starts_with("qualifiers.") || column_of(key) != kNoColumn; }

FactFields FactFields::from(const Fact& fact) {
    FactFields f;
    JsonWriter extra;
    JsonWriter quals;
    bool any_qual = false, any_extra = false;
    for (const auto& [key, tv] : fact.attrs) {
        const auto& [type, v] = tv;
        if (key.starts_with("qualifiers.")) {
            if (!any_qual) quals.begin_object();
            quals.key(std::string_view(key).substr(11));
            write_attr_value(quals, type, v);
            any_qual = true;
            continue;
        }
        const Column column = column_of(key);
        if (column == kNoColumn) {
            if (!any_extra) extra.begin_object();
            extra.key(key);
            write_attr_value(extra, type, v);
            any_extra = true;
            if (key == "parent" && type != FKB_VALUE_NULL) f.parent = v;  // the last one, as before
            continue;
        }
        if (type == FKB_VALUE_NULL) continue;
        switch (column) {
            case kCertainty: f.certainty = v; break;
            case kPolarity: f.polarity = v; break;
            case kExperiencer: f.experiencer = v; break;
            case kOutcome: f.outcome = v; break;
            case kCondition: f.condition = v; break;
            case kDosage: f.dosage = v; break;
            case kSymptom: f.symptom = v; break;
            case kCause: f.cause = v; break;
            case kRemedy: f.remedy = v; break;
            case kSignal: f.signal = v; break;
            case kBasis: f.basis = v; break;
            case kValue: f.value = v; break;
            case kAuthor: f.author = v; break;
            case kWeight: f.weight = std::strtod(v.c_str(), nullptr); break;
            case kTargetPost: f.target_post = std::strtoll(v.c_str(), nullptr, 10); break;
            case kNoColumn: break;
        }
    }
    if (any_qual) {
        quals.end_object();
        f.qualifiers = quals.take();
    }
    if (any_extra) {
        extra.end_object();
        f.extra = extra.take();
    }
    if (!fact.support.empty()) {
        JsonWriter s;
        s.begin_array();
        for (uint32_t p : fact.support) s.value(p);
        s.end_array();
        f.support = s.take();
    }
    return f;
}

std::string concept_slug(std::string_view phrase) {
    std::string out;
    bool sep = false;
    for (char ch : phrase) {
        auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
            if (sep && !out.empty()) out += '_';
            sep = false;
            out += ch;
        } else if (c >= 'A' && c <= 'Z') {
            if (sep && !out.empty()) out += '_';
            sep = false;
            out += static_cast<char>(c - 'A' + 'a');
        } else {
            sep = true;
        }
    }
    return out;
}

std::string fact_concept(const Fact& fact) {
    if (!fact.concept_id.empty()) return fact.concept_id;
    return concept_slug(fact.label);
}

}  // namespace fkb::kb
