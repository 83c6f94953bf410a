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

bool has_fact_column(std::string_view key) {
    static constexpr std::string_view kColumns[] = {"certainty", "polarity", "experiencer", "outcome", "condition",
                                                    "dosage",    "symptom",  "cause",       "remedy",  "signal",
                                                    "basis",     "value",    "author",      "weight",  "target_post"};
    if (key.starts_with("qualifiers.")) return true;
    for (std::string_view c : kColumns)
        if (c == key) return true;
    return false;
}

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
        if (!has_fact_column(key)) {
            if (!any_extra) extra.begin_object();
            extra.key(key);
            write_attr_value(extra, type, v);
            any_extra = true;
            continue;
        }
        if (type == FKB_VALUE_NULL) continue;
        if (key == "certainty") f.certainty = v;
        else if (key == "polarity") f.polarity = v;
        else if (key == "experiencer") f.experiencer = v;
        else if (key == "outcome") f.outcome = v;
        else if (key == "condition") f.condition = v;
        else if (key == "dosage") f.dosage = v;
        else if (key == "symptom") f.symptom = v;
        else if (key == "cause") f.cause = v;
        else if (key == "remedy") f.remedy = v;
        else if (key == "signal") f.signal = v;
        else if (key == "basis") f.basis = v;
        else if (key == "value") f.value = v;
        else if (key == "author") f.author = v;
        else if (key == "weight") f.weight = std::strtod(v.c_str(), nullptr);
        else if (key == "target_post") f.target_post = std::strtoll(v.c_str(), nullptr, 10);
    }
    for (const auto& [key, tv] : fact.attrs)
        if (key == "parent" && tv.first != FKB_VALUE_NULL) f.parent = tv.second;
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
