// Writer of thread JSON lines (see forumkb/thread_json.hpp). The member
// order is the contract of DESIGN.md; a test diffs it against a golden file.
// The shape is fixed, so member names and the punctuation between them are
// written as literal runs ("," "\"text\":" ...) whose lengths the compiler
// knows, and only values go through the string escaper: this is the hot
// loop of `forumkb parse`. The line is reserved once from the sizes of its
// values, so it never grows by copying itself.
#include <forumkb/json_writer.hpp>
#include <forumkb/thread_json.hpp>

#include <charconv>

namespace fkb {
namespace {

/// Appends a string literal without measuring it at run time.
template <std::size_t N>
void lit(std::string& out, const char (&s)[N]) {
    out.append(s, N - 1);
}

void put_string(std::string& out, const std::optional<std::string>& s) {
    if (s) json::append_string(out, *s);
    else lit(out, "null");
}

void put_int(std::string& out, int64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<size_t>(r.ptr - buf));
}

void put_int(std::string& out, const std::optional<int64_t>& v) {
    if (v) put_int(out, *v);
    else lit(out, "null");
}

void put_uint(std::string& out, uint64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<size_t>(r.ptr - buf));
}

std::size_t size_of(const std::optional<std::string>& s) { return s ? s->size() : 0; }

/// The line's length when nothing needs escaping, near enough: names,
/// punctuation and numbers of a post take about 250 bytes.
std::size_t estimate(const Thread& t) {
    std::size_t n = 128 + t.source.size() + t.thread_id.size() + size_of(t.url) + size_of(t.title) +
                    size_of(t.forum) + size_of(t.category);
    for (const Post& p : t.posts)
        n += 256 + p.post_id.size() + size_of(p.parent_id) + size_of(p.author) + size_of(p.role) +
             size_of(p.flair) + size_of(p.created) + size_of(p.created_text) + p.text.size() + size_of(p.signature) +
             64 * p.quotes.size();
    return n;
}

}  // namespace

void append_thread_json(std::string& out, const Thread& t) {
    out.reserve(out.size() + estimate(t));
    lit(out, "{\"source\":");
    json::append_string(out, t.source);
    lit(out, ",\"thread_id\":");
    json::append_string(out, t.thread_id);
    lit(out, ",\"url\":");
    put_string(out, t.url);
    lit(out, ",\"title\":");
    put_string(out, t.title);
    lit(out, ",\"forum\":");
    put_string(out, t.forum);
    lit(out, ",\"category\":");
    put_string(out, t.category);
    lit(out, ",\"posts\":[");
    bool first_post = true;
    for (const Post& p : t.posts) {
        if (first_post) lit(out, "{\"post_id\":");
        else lit(out, ",{\"post_id\":");
        first_post = false;
        json::append_string(out, p.post_id);
        lit(out, ",\"parent_id\":");
        put_string(out, p.parent_id);
        lit(out, ",\"author\":");
        put_string(out, p.author);
        lit(out, ",\"author_signals\":{\"post_count\":");
        put_int(out, p.post_count);
        lit(out, ",\"role\":");
        put_string(out, p.role);
        lit(out, ",\"level\":");
        put_int(out, p.level);
        lit(out, ",\"reputation\":");
        put_int(out, p.reputation);
        lit(out, ",\"flair\":");
        put_string(out, p.flair);
        lit(out, "},\"created\":");
        put_string(out, p.created);
        lit(out, ",\"created_text\":");
        put_string(out, p.created_text);
        lit(out, ",\"text\":");
        json::append_string(out, p.text);
        lit(out, ",\"likes\":");
        put_int(out, p.likes);
        lit(out, ",\"score\":");
        put_int(out, p.score);
        if (p.accepted) lit(out, ",\"accepted\":true,\"quotes\":[");
        else lit(out, ",\"accepted\":false,\"quotes\":[");
        bool first_quote = true;
        for (const auto& q : p.quotes) {
            if (first_quote) lit(out, "{\"start\":");
            else lit(out, ",{\"start\":");
            first_quote = false;
            put_uint(out, q.start);
            lit(out, ",\"end\":");
            put_uint(out, q.end);
            lit(out, ",\"post_id\":");
            json::append_string(out, q.post_id);
            out += '}';
        }
        lit(out, "],\"signature\":");
        put_string(out, p.signature);
        out += '}';
    }
    lit(out, "]}");
}

}  // namespace fkb
