// Reader of thread JSON lines (see forumkb/thread_json.hpp), on simdjson's
// DOM parser: one parse per line, then a typed walk that names the member
// at fault ("posts[2].likes: expected an integer or null").
//
// This file depends only on the model (sdk.hpp) and simdjson, so the
// source_jsonl plugin compiles it in without linking the host library.
#include <forumkb/thread_json.hpp>

#include <simdjson.h>

#include <cstring>
#include <limits>

namespace fkb {

struct ThreadJsonReader::Impl {
    simdjson::dom::parser parser;
    simdjson::padded_string buffer;
};

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

[[noreturn]] void fail(const std::string& where, std::string_view what) {
    throw ThreadJsonError(where + ": " + std::string(what));
}

std::string member_path(const std::string& prefix, std::string_view key) {
    return prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
}

// Looks a member up; a missing member is reported as a null element (empty
// optional), like an explicit null.
std::optional<element> find(const object& o, std::string_view key) {
    element e;
    if (o.at_key(key).get(e) != simdjson::SUCCESS) return std::nullopt;
    if (e.type() == element_type::NULL_VALUE) return std::nullopt;
    return e;
}

std::optional<std::string> opt_string(const object& o, std::string_view key, const std::string& prefix) {
    auto e = find(o, key);
    if (!e) return std::nullopt;
    std::string_view s;
    if (e->get_string().get(s) != simdjson::SUCCESS) fail(member_path(prefix, key), "expected a string or null");
    return std::string(s);
}

std::string req_string(const object& o, std::string_view key, const std::string& prefix) {
    auto s = opt_string(o, key, prefix);
    if (!s) fail(member_path(prefix, key), "missing (a string is required)");
    return std::move(*s);
}

std::optional<int64_t> opt_int(const object& o, std::string_view key, const std::string& prefix) {
    auto e = find(o, key);
    if (!e) return std::nullopt;
    int64_t v;
    if (e->get_int64().get(v) != simdjson::SUCCESS) fail(member_path(prefix, key), "expected an integer or null");
    if (v == std::numeric_limits<int64_t>::min()) fail(member_path(prefix, key), "integer out of range");
    return v;
}

uint64_t req_offset(const object& o, std::string_view key, const std::string& prefix) {
    auto e = find(o, key);
    uint64_t v;
    if (!e || e->get_uint64().get(v) != simdjson::SUCCESS)
        fail(member_path(prefix, key), "expected a non-negative integer");
    return v;
}

bool opt_bool(const object& o, std::string_view key, const std::string& prefix) {
    auto e = find(o, key);
    if (!e) return false;
    bool v;
    if (e->get_bool().get(v) != simdjson::SUCCESS) fail(member_path(prefix, key), "expected true, false or null");
    return v;
}

Post read_post(const element& e, const std::string& prefix) {
    object o;
    if (e.get_object().get(o) != simdjson::SUCCESS) fail(prefix, "expected an object");
    Post p;
    p.post_id = req_string(o, "post_id", prefix);
    p.parent_id = opt_string(o, "parent_id", prefix);
    p.author = opt_string(o, "author", prefix);
    if (auto sig = find(o, "author_signals")) {
        std::string sp = member_path(prefix, "author_signals");
        object so;
        if (sig->get_object().get(so) != simdjson::SUCCESS) fail(sp, "expected an object or null");
        p.post_count = opt_int(so, "post_count", sp);
        p.role = opt_string(so, "role", sp);
        p.level = opt_int(so, "level", sp);
        p.reputation = opt_int(so, "reputation", sp);
        p.flair = opt_string(so, "flair", sp);
    }
    p.created = opt_string(o, "created", prefix);
    p.created_text = opt_string(o, "created_text", prefix);
    p.text = req_string(o, "text", prefix);
    p.likes = opt_int(o, "likes", prefix);
    p.score = opt_int(o, "score", prefix);
    p.accepted = opt_bool(o, "accepted", prefix);
    if (auto qs = find(o, "quotes")) {
        std::string qp = member_path(prefix, "quotes");
        simdjson::dom::array arr;
        if (qs->get_array().get(arr) != simdjson::SUCCESS) fail(qp, "expected an array or null");
        std::size_t i = 0;
        for (element q : arr) {
            std::string ip = qp + "[" + std::to_string(i++) + "]";
            object qo;
            if (q.get_object().get(qo) != simdjson::SUCCESS) fail(ip, "expected an object");
            Post::Quote quote;
            quote.start = req_offset(qo, "start", ip);
            quote.end = req_offset(qo, "end", ip);
            quote.post_id = req_string(qo, "post_id", ip);
            if (quote.start > quote.end) fail(ip, "start is after end");
            if (quote.end > p.text.size()) fail(ip, "end is past the end of the text");
            p.quotes.push_back(std::move(quote));
        }
    }
    p.signature = opt_string(o, "signature", prefix);
    return p;
}

}  // namespace

ThreadJsonReader::ThreadJsonReader() : impl_(std::make_unique<Impl>()) {}
ThreadJsonReader::~ThreadJsonReader() = default;

Thread ThreadJsonReader::parse(std::string_view line) {
    // Copy into a padded buffer kept between calls (simdjson reads past the
    // end of its input by up to SIMDJSON_PADDING bytes).
    if (impl_->buffer.size() < line.size() || impl_->buffer.size() > 4 * line.size() + 4096)
        impl_->buffer = simdjson::padded_string(line.size());
    std::memcpy(impl_->buffer.data(), line.data(), line.size());
    element root;
    auto err = impl_->parser.parse(impl_->buffer.data(), line.size(), false).get(root);
    if (err) throw ThreadJsonError(std::string("not valid JSON: ") + simdjson::error_message(err));
    object o;
    if (root.get_object().get(o) != simdjson::SUCCESS) throw ThreadJsonError("expected a JSON object");
    const std::string top;
    Thread t;
    t.source = req_string(o, "source", top);
    t.thread_id = req_string(o, "thread_id", top);
    t.url = opt_string(o, "url", top);
    t.title = opt_string(o, "title", top);
    t.forum = opt_string(o, "forum", top);
    t.category = opt_string(o, "category", top);
    auto posts = find(o, "posts");
    simdjson::dom::array arr;
    if (!posts || posts->get_array().get(arr) != simdjson::SUCCESS) fail("posts", "expected an array");
    std::size_t i = 0;
    for (element pe : arr) t.posts.push_back(read_post(pe, "posts[" + std::to_string(i++) + "]"));
    return t;
}

}  // namespace fkb
