// The JSON Schemas of the two JSON-lines formats (schemas/*.schema.json)
// against what the writers produce: a small structural validator (type,
// required, properties, items, enum, const, $ref, oneOf, minimum,
// minLength, the keywords the schemas use) checks every thread line and
// every record written for the samples, and sample records that break the
// contract are refused, so the test can fail.
#include <forumkb/fact_json.hpp>
#include <forumkb/thread_json.hpp>

#include <gtest/gtest.h>
#include <simdjson.h>

#include <fstream>
#include <sstream>

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

class MiniValidator {
public:
    explicit MiniValidator(const std::string& path) : schema_text_(simdjson::padded_string::load(path).value()) {
        root_ = parser_.parse(schema_text_).value();
    }

    /// Empty when valid, else the first problem.
    std::string validate(const std::string& json) {
        simdjson::dom::parser p;
        element doc;
        if (p.parse(json).get(doc)) return "not JSON";
        std::string error;
        check(root_, doc, "$", error);
        return error;
    }

private:
    static bool type_is(const element& v, std::string_view t) {
        switch (v.type()) {
            case element_type::OBJECT: return t == "object";
            case element_type::ARRAY: return t == "array";
            case element_type::STRING: return t == "string";
            case element_type::INT64:
            case element_type::UINT64: return t == "integer" || t == "number";
            case element_type::DOUBLE: return t == "number";
            case element_type::BOOL: return t == "boolean";
            case element_type::NULL_VALUE: return t == "null";
        }
        return false;
    }
    // (Never range-for over .value() of a temporary result: it dangles.)
    static simdjson::dom::array as_array(const element& e) {
        simdjson::dom::array a;
        if (e.get_array().get(a) != simdjson::SUCCESS) return {};
        return a;
    }
    static simdjson::dom::object as_object(const element& e) {
        simdjson::dom::object o;
        if (e.get_object().get(o) != simdjson::SUCCESS) return {};
        return o;
    }
    static bool equal(const element& a, const element& b) { return simdjson::to_string(a) == simdjson::to_string(b); }

    bool check(const element& s, const element& v, const std::string& at, std::string& error) {
        for (auto [key, sub] : as_object(s)) {
            bool ok = true;
            if (key == "$ref") {
                std::string_view ref = sub.get_string().value();
                element target = root_.at_pointer(ref.substr(1)).value();
                ok = check(target, v, at, error);
            } else if (key == "type") {
                ok = false;
                if (sub.is_string()) {
                    ok = type_is(v, sub.get_string().value());
                } else {
                    for (element t : as_array(sub)) ok = ok || type_is(v, t.get_string().value());
                }
                if (!ok && error.empty()) error = at + ": wrong type";
            } else if (key == "required" && v.is_object()) {
                for (element r : as_array(sub)) {
                    element tmp;
                    if (v.get_object().value().at_key(r.get_string().value()).get(tmp)) {
                        ok = false;
                        if (error.empty()) error = at + ": missing " + std::string(r.get_string().value());
                    }
                }
            } else if (key == "properties" && v.is_object()) {
                for (auto [name, ps] : as_object(sub)) {
                    element m;
                    if (!v.get_object().value().at_key(name).get(m))
                        ok = check(ps, m, at + "." + std::string(name), error) && ok;
                }
            } else if (key == "items" && v.is_array()) {
                std::size_t i = 0;
                for (element item : as_array(v))
                    ok = check(sub, item, at + "[" + std::to_string(i++) + "]", error) && ok;
            } else if (key == "enum") {
                ok = false;
                for (element e : as_array(sub)) ok = ok || equal(e, v);
                if (!ok && error.empty()) error = at + ": not one of the enum values";
            } else if (key == "const") {
                ok = equal(sub, v);
                if (!ok && error.empty()) error = at + ": not the const value";
            } else if (key == "oneOf") {
                int matches = 0;
                for (element alt : as_array(sub)) {
                    std::string ignored;
                    if (check(alt, v, at, ignored)) ++matches;
                }
                ok = matches == 1;
                if (!ok && error.empty()) error = at + ": matches " + std::to_string(matches) + " alternatives of oneOf";
            } else if (key == "minimum" && (v.is_int64() || v.is_uint64())) {
                ok = v.is_uint64() || v.get_int64().value() >= sub.get_int64().value();
                if (!ok && error.empty()) error = at + ": below minimum";
            } else if (key == "minLength" && v.is_string()) {
                ok = v.get_string().value().size() >= static_cast<std::size_t>(sub.get_int64().value());
                if (!ok && error.empty()) error = at + ": too short";
            }
            if (!ok) return false;
        }
        return true;
    }

    simdjson::padded_string schema_text_;
    simdjson::dom::parser parser_;
    element root_;
};

std::vector<fkb::Thread> samples() {
    std::vector<fkb::Thread> out;
    fkb::ThreadJsonReader reader;
    std::ifstream in(std::string(FORUMKB_SOURCE_DIR) + "/corpora/jsonl/running_pain.jsonl");
    for (std::string line; std::getline(in, line);) out.push_back(reader.parse(line));
    return out;
}

std::vector<fkb::FactRecord> sample_facts() {
    std::vector<fkb::FactRecord> facts;
    fkb::Fact s;
    s.kind = "symptom";
    s.concept_id = "knee_pain";
    s.label = "knee pain";
    s.evidence = fkb_evidence{0, 45, 84, 0};
    s.set("qualifiers.location", "knees").set("qualifiers.activity", "running").set("experiencer", "author");
    s.set("certainty", "asserted").set("polarity", "affirmed");
    facts.push_back({"extractor_test", s});
    fkb::Fact t;
    t.kind = "triple";
    t.label = "knee pain / ramping up / gradual increase";
    t.evidence = fkb_evidence{1, 0, 35, 0};
    t.set("symptom", "knee_pain").set("cause", "overtraining").set_null("remedy");
    t.support = {1, 2};
    facts.push_back({"extractor_test", t});
    fkb::Fact e;
    e.kind = "endorsement";
    e.evidence = fkb_evidence{2, 0, 10, 0};
    e.set_int("target_post", 1);
    facts.push_back({"extractor_test", e});
    return facts;
}

TEST(FoundationSchema, ThreadLinesValidate) {
    MiniValidator v(std::string(FORUMKB_SOURCE_DIR) + "/schemas/thread.schema.json");
    for (const auto& t : samples()) {
        std::string line;
        fkb::append_thread_json(line, t);
        EXPECT_EQ(v.validate(line), "") << line;
    }
    EXPECT_NE(v.validate(R"({"source":"x","thread_id":"","url":null,"title":null,"forum":null,"category":null,"posts":[]})"), "");
    EXPECT_NE(v.validate(R"({"source":"x","thread_id":"t","title":null,"forum":null,"category":null,"posts":[]})"), "");
    EXPECT_NE(v.validate(R"({"source":"x","thread_id":"t","url":null,"title":null,"forum":null,"category":null,"posts":[{"post_id":"p"}]})"), "");
}

TEST(FoundationSchema, FactRecordsValidate) {
    MiniValidator v(std::string(FORUMKB_SOURCE_DIR) + "/schemas/facts.schema.json");
    auto threads = samples();
    std::string out;
    fkb::append_thread_records(out, "corpora/jsonl/running_pain.jsonl", threads[0], sample_facts());
    std::istringstream in(out);
    int n = 0;
    for (std::string line; std::getline(in, line); ++n) EXPECT_EQ(v.validate(line), "") << line;
    EXPECT_EQ(n, 1 + 3 + 3);
    EXPECT_NE(v.validate(R"({"kind":"rumour","source_file":"f","thread":"t"})"), "");
    EXPECT_NE(v.validate(R"({"kind":"endorsement","source_file":"f","thread":"t","post":1,"post_id":"p","concept":null,"label":"","evidence":{"text":"x","start":0,"end":1,"sentence":0}})"),
              "")
        << "endorsement without target_post";
    EXPECT_NE(v.validate(R"({"kind":"cause","source_file":"f","thread":"t","post":1,"post_id":"p","concept":"c","label":"c","polarity":"maybe","evidence":{"text":"x","start":0,"end":1,"sentence":0}})"),
              "");
}

}  // namespace
