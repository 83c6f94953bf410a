// Mapped JSON reading with simdjson's DOM (see json_source_parser.hpp). The
// DOM parser picks the best SIMD kernel at run time; records are small, so
// building each one's tape costs little next to the spill store.
#include "json_source_parser.hpp"

#include <simdjson.h>

#include <algorithm>
#include <functional>
#include <set>

namespace fkb::dumps {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

/// The element at a dotted path ("user.name"), if every step exists.
std::optional<element> at_path(element e, std::string_view path) {
    while (true) {
        size_t dot = path.find('.');
        std::string_view step = path.substr(0, dot);
        if (!e.is_object()) return std::nullopt;
        element child;
        if (e.get_object().value().at_key(step).get(child)) return std::nullopt;
        if (dot == std::string_view::npos) return child;
        e = child;
        path.remove_prefix(dot + 1);
    }
}

/// A value as text: strings as they are, numbers and booleans as written,
/// null as absent, arrays and objects as minified JSON.
std::optional<std::string> as_text(element e) {
    switch (e.type()) {
    case element_type::STRING: return std::string(e.get_string().value());
    case element_type::NULL_VALUE: return std::nullopt;
    case element_type::INT64: return std::to_string(e.get_int64().value());
    case element_type::UINT64: return std::to_string(e.get_uint64().value());
    case element_type::BOOL: return e.get_bool().value() ? "true" : "false";
    default: return simdjson::minify(e);
    }
}

}  // namespace

MappedJsonParser::MappedJsonParser(sdk::Input& input, JsonOptions options, RejectFn reject)
    : input_(input), options_(std::move(options)), reject_(std::move(reject)) {}

MappedJsonParser::~MappedJsonParser() = default;

void MappedJsonParser::load() {
    loaded_ = true;
    std::string file(input_.name());
    FieldMap map = FieldMap::parse(options_.map, options_.map_text);
    JsonRecordReader reader(input_);
    simdjson::dom::parser parser;
    std::string text;
    std::set<Field> seen;  // mapped fields found in at least one record
    bool defaults_done = false;
    uint64_t records = 0;
    auto given = [&](Field f) {
        return std::find(map.given().begin(), map.given().end(), f) != map.given().end();
    };
    MappedRecord rec;

    // Walks one object and its replies; returns nothing, adds posts.
    std::function<void(element, uint64_t, int64_t, const MappedThreads::Defaults&, const std::string&)> walk =
        [&](element obj, uint64_t line, int64_t offset, const MappedThreads::Defaults& d, const std::string& parent) {
            for (size_t i = 0; i < rec.values.size(); ++i) {
                rec.values[i].reset();
                const auto& col = map.column(static_cast<Field>(i));
                if (!col) continue;
                if (auto v = at_path(obj, *col)) {
                    seen.insert(static_cast<Field>(i));
                    rec.values[i] = as_text(*v);
                }
            }
            if (!parent.empty() && !rec.get(Field::ParentId)) rec.at(Field::ParentId) = parent;
            std::string post_id = threads_->add(rec, line, offset, text, d);
            if (post_id.empty()) return;
            element replies;
            if (obj.get_object().value().at_key(options_.replies).get(replies) || !replies.is_array()) return;
            // Children join this post's thread (unless they name another one).
            MappedThreads::Defaults child;
            child.thread_key = rec.get(Field::ThreadId).value_or(d.thread_key.empty() ? post_id : d.thread_key);
            size_t n = 0;
            simdjson::dom::array list = replies.get_array().value();
            for (element r : list) {
                ++n;
                if (!r.is_object()) {
                    reject_(Reject{line, offset, "reply " + std::to_string(n) + " of post " + post_id + " is not an object", {}});
                    continue;
                }
                child.post_id = post_id + "." + std::to_string(n);
                std::string keep_thread = child.thread_key;
                walk(r, line, offset, child, post_id);
                child.thread_key = keep_thread;
            }
        };

    for (;;) {
        auto r = reader.next(text);
        if (r == JsonRecordReader::Result::End) break;
        if (r == JsonRecordReader::Result::Error) {
            reject_(Reject{reader.line(), reader.offset(), reader.error_message(), excerpt(text)});
            continue;
        }
        element doc;
        if (auto e = parser.parse(text.data(), text.size(), false).get(doc)) {
            reject_(Reject{reader.line(), reader.offset(), std::string("broken JSON: ") + simdjson::error_message(e),
                           excerpt(text)});
            continue;
        }
        if (!doc.is_object()) {
            reject_(Reject{reader.line(), reader.offset(), "a record that is not a JSON object", excerpt(text)});
            continue;
        }
        if (!defaults_done) {
            // Without a map, fields map to keys of the same name in the first record.
            defaults_done = true;
            // Fields without a mapping read the key of their own name; keys
            // may be missing from some records, so every name is taken.
            bool text_given = map.column(Field::Text).has_value();
            map.default_to_names([](const std::string&) { return true; });
            element ignored;
            if (!text_given && doc.get_object().value().at_key("text").get(ignored))
                throw sdk::Error(file + ":" + std::to_string(reader.line()) +
                                 ": no key for the post text: map one with text=<key>");
            threads_ = std::make_unique<MappedThreads>(options_.source, given(Field::ThreadId), given(Field::PostId),
                                               options_.store, reject_);
        }
        MappedThreads::Defaults top;
        top.fallback_id = std::to_string(++records);  // JSON arrays may sit on one line
        walk(doc, reader.line(), reader.offset(), top, std::string());
    }
    if (!threads_) {
        threads_ = std::make_unique<MappedThreads>(options_.source, given(Field::ThreadId), given(Field::PostId),
                                               options_.store, reject_);
        return;
    }
    for (Field f : map.given()) {
        if (!seen.count(f))
            throw sdk::Error(file + ": mapped key '" + *map.column(f) + "' (for " + std::string(field_name(f)) +
                             ") is in no record");
    }
}

bool MappedJsonParser::next(sdk::Thread& out) {
    if (!loaded_) load();
    return threads_->next(out);
}

}  // namespace fkb::dumps
