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

FactFields FactFields::from(const Fact& fact) {
    FactFields f;
    JsonWriter all;
    JsonWriter quals;
    bool any_qual = false;
    all.begin_object();
    quals.begin_object();
    for (const auto& [key, tv] : fact.attrs) {
        const auto& [type, v] = tv;
        all.key(key);
        write_attr_value(all, type, v);
        if (key.starts_with("qualifiers.")) {
            quals.key(key.substr(11));
            write_attr_value(quals, type, v);
            any_qual = true;
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
        else if (key == "value") f.value = v;
        else if (key == "author") f.author = v;
        else if (key == "parent") f.parent = v;
        else if (key == "weight") f.weight = std::strtod(v.c_str(), nullptr);
        else if (key == "target_post") f.target_post = std::strtoll(v.c_str(), nullptr, 10);
    }
    all.end_object();
    quals.end_object();
    f.attrs = all.take();
    if (any_qual) f.qualifiers = quals.take();
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
