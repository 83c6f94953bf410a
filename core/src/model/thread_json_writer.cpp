// Writer of thread JSON lines (see forumkb/thread_json.hpp). The member
// order is the contract of DESIGN.md; a test diffs it against a golden file.
// The shape is fixed, so member names and the punctuation between them are
// written as literal runs ("," "\"text\":" ...), and only values go through
// the string escaper: this is the hot loop of `forumkb parse`.
#include <forumkb/json_writer.hpp>
#include <forumkb/thread_json.hpp>

#include <charconv>

namespace fkb {
namespace {

void put_string(std::string& out, const std::optional<std::string>& s) {
    if (s) json::append_string(out, *s);
    else out += "null";
}

void put_int(std::string& out, int64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<size_t>(r.ptr - buf));
}

void put_int(std::string& out, const std::optional<int64_t>& v) {
    if (v) put_int(out, *v);
    else out += "null";
}

void put_uint(std::string& out, uint64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<size_t>(r.ptr - buf));
}

}  // namespace

void append_thread_json(std::string& out, const Thread& t) {
    out += "{\"source\":";
    json::append_string(out, t.source);
    out += ",\"thread_id\":";
    json::append_string(out, t.thread_id);
    out += ",\"url\":";
    put_string(out, t.url);
    out += ",\"title\":";
    put_string(out, t.title);
    out += ",\"forum\":";
    put_string(out, t.forum);
    out += ",\"category\":";
    put_string(out, t.category);
    out += ",\"posts\":[";
    bool first_post = true;
    for (const Post& p : t.posts) {
        out += first_post ? "{\"post_id\":" : ",{\"post_id\":";
        first_post = false;
        json::append_string(out, p.post_id);
        out += ",\"parent_id\":";
        put_string(out, p.parent_id);
        out += ",\"author\":";
        put_string(out, p.author);
        out += ",\"author_signals\":{\"post_count\":";
        put_int(out, p.post_count);
        out += ",\"role\":";
        put_string(out, p.role);
        out += ",\"level\":";
        put_int(out, p.level);
        out += ",\"reputation\":";
        put_int(out, p.reputation);
        out += ",\"flair\":";
        put_string(out, p.flair);
        out += "},\"created\":";
        put_string(out, p.created);
        out += ",\"created_text\":";
        put_string(out, p.created_text);
        out += ",\"text\":";
        json::append_string(out, p.text);
        out += ",\"likes\":";
        put_int(out, p.likes);
        out += ",\"score\":";
        put_int(out, p.score);
        out += p.accepted ? ",\"accepted\":true,\"quotes\":[" : ",\"accepted\":false,\"quotes\":[";
        bool first_quote = true;
        for (const auto& q : p.quotes) {
            out += first_quote ? "{\"start\":" : ",{\"start\":";
            first_quote = false;
            put_uint(out, q.start);
            out += ",\"end\":";
            put_uint(out, q.end);
            out += ",\"post_id\":";
            json::append_string(out, q.post_id);
            out += '}';
        }
        out += "],\"signature\":";
        put_string(out, p.signature);
        out += '}';
    }
    out += "]}";
}

}  // namespace fkb
