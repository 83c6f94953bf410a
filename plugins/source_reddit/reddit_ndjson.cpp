// simdjson On-Demand decoding of Reddit records (see reddit_ndjson.hpp). One
// pass over the object's fields in document order, dispatching on the key:
// on-demand parses only the values it is asked for.
#include "reddit_ndjson.hpp"

#include "dump_common.hpp"

#include <simdjson.h>

namespace fkb::dumps {

namespace od = simdjson::ondemand;

struct RedditJsonDecoder::Impl {
    od::parser parser;
};

RedditJsonDecoder::RedditJsonDecoder() : impl_(std::make_unique<Impl>()) {}
RedditJsonDecoder::~RedditJsonDecoder() = default;

namespace {

/// A string value as a view (valid until the next document), nullopt for
/// null, the raw JSON text for other types.
simdjson::error_code get_string(od::value v, std::optional<std::string_view>& out) {
    od::json_type t;
    if (auto e = v.type().get(t)) return e;
    if (t == od::json_type::null) {
        out.reset();
        return simdjson::SUCCESS;
    }
    if (t != od::json_type::string) {
        std::string_view raw = v.raw_json_token();
        while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t'))
            raw.remove_suffix(1);
        out = raw;
        return simdjson::SUCCESS;
    }
    std::string_view s;
    if (auto e = v.get_string().get(s)) return e;
    out = s;
    return simdjson::SUCCESS;
}

/// An integer given as a number (int or float) or as a decimal string.
simdjson::error_code get_int(od::value v, std::optional<int64_t>& out) {
    od::json_type t;
    if (auto e = v.type().get(t)) return e;
    out.reset();
    if (t == od::json_type::number) {
        od::number n;
        if (auto e = v.get_number().get(n)) return e;
        if (n.is_int64()) out = n.get_int64();
        else if (n.is_uint64()) out = static_cast<int64_t>(n.get_uint64());
        else out = static_cast<int64_t>(n.get_double());
    } else if (t == od::json_type::string) {
        std::string_view s;
        if (auto e = v.get_string().get(s)) return e;
        out = parse_int(s);
    }
    return simdjson::SUCCESS;
}

}  // namespace

bool RedditJsonDecoder::decode(const char* line, size_t len, size_t capacity, RedditRecord& r, std::string& error) {
    r.clear();
    if (capacity < len + simdjson::SIMDJSON_PADDING) {
        error = "internal: line buffer without padding";
        return false;
    }
    od::document doc;
    auto fail = [&](simdjson::error_code e) {
        error = std::string("broken JSON: ") + simdjson::error_message(e);
        return false;
    };
    if (auto e = impl_->parser.iterate(simdjson::padded_string_view(line, len, capacity)).get(doc)) return fail(e);
    od::object obj;
    if (auto e = doc.get_object().get(obj)) return fail(e);
    bool has_title = false, has_link = false, has_body = false;
    std::optional<std::string_view> name, link_id, parent_id, id;
    for (auto field : obj) {
        std::string_view key;
        if (auto e = field.unescaped_key().get(key)) return fail(e);
        od::value v;
        if (auto e = field.value().get(v)) return fail(e);
        simdjson::error_code e = simdjson::SUCCESS;
        switch (key.size() ? key[0] : 0) {
        case 'a':
            if (key == "author") e = get_string(v, r.author);
            else if (key == "author_flair_text") e = get_string(v, r.author_flair);
            break;
        case 'b':
            if (key == "body") {
                e = get_string(v, r.body);
                has_body = true;
            }
            break;
        case 'c':
            if (key == "created_utc") e = get_int(v, r.created_utc);
            break;
        case 'i':
            if (key == "id") e = get_string(v, id);
            break;
        case 'l':
            if (key == "link_id") {
                e = get_string(v, link_id);
                has_link = true;
            } else if (key == "link_flair_text") {
                e = get_string(v, r.link_flair);
            }
            break;
        case 'n':
            if (key == "name") e = get_string(v, name);
            break;
        case 'p':
            if (key == "parent_id") e = get_string(v, parent_id);
            else if (key == "permalink") e = get_string(v, r.permalink);
            break;
        case 's':
            if (key == "selftext") e = get_string(v, r.body);
            else if (key == "score") e = get_int(v, r.score);
            else if (key == "subreddit") e = get_string(v, r.subreddit);
            break;
        case 't':
            if (key == "title") {
                e = get_string(v, r.title);
                has_title = true;
            }
            break;
        case 'u':
            if (key == "url") e = get_string(v, r.url);
            break;
        default: break;
        }
        if (e) return fail(e);
    }
    if (!id && name) id = strip_fullname(*name);
    if (!id || id->empty()) {
        error = "record without an id";
        return false;
    }
    r.id = strip_fullname(*id);
    if (has_link || (has_body && !has_title)) {
        r.kind = RedditRecord::Kind::Comment;
        if (!link_id || link_id->empty()) {
            error = "comment " + std::string(r.id) + " without a link_id";
            return false;
        }
        r.link_id = strip_fullname(*link_id);
        if (parent_id) r.parent_id = strip_fullname(*parent_id);
    } else if (has_title) {
        r.kind = RedditRecord::Kind::Submission;
    } else {
        error = "neither a submission (title) nor a comment (link_id, body)";
        return false;
    }
    return true;
}

std::string_view strip_fullname(std::string_view id) {
    if (id.size() > 3 && id[0] == 't' && id[1] >= '1' && id[1] <= '6' && id[2] == '_') id.remove_prefix(3);
    return id;
}

bool is_deleted_body(std::string_view b) { return b == "[deleted]" || b == "[removed]"; }

}  // namespace fkb::dumps
