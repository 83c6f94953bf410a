// Host-side conversions across the plugin ABI (see forumkb/abi_convert.hpp).
// Struct sizes: ABI 1.0 is the only version, so every struct a plugin fills
// must be at least its 1.0 size; arrays of posts are walked with the stride
// the plugin compiled (posts[0].struct_size), so a later minor that appends
// members to fkb_post still reads correctly here.
#include <forumkb/abi_convert.hpp>
#include <forumkb/utf8.hpp>

#include <array>
#include <cstddef>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <unordered_set>

namespace fkb::plugin {
namespace {

// Sizes of the ABI 1.0 structs: the end of their last 1.0 member. Members
// appended later are read only when struct_size covers them.
constexpr std::size_t kThread10 = offsetof(fkb_thread, n_posts) + sizeof(size_t);
constexpr std::size_t kPost10 = offsetof(fkb_post, signature) + sizeof(fkb_str);
constexpr std::size_t kFact10 = offsetof(fkb_fact, n_support) + sizeof(size_t);
constexpr std::size_t kFactEvidenceText = offsetof(fkb_fact, evidence_text) + sizeof(fkb_str);

std::string n(uint64_t v) { return std::to_string(v); }

/// True when s is all ASCII: most names, ids and dates, checked inline
/// before the general validator is asked.
bool ascii(const char* s, std::size_t n) noexcept {
    unsigned char any = 0;
    for (std::size_t i = 0; i < n; ++i) any |= static_cast<unsigned char>(s[i]);
    return any < 0x80;
}

std::string req(fkb_str s) {
    if (!s.ptr) return {};
    std::string out(s.ptr, s.len);
    if (!ascii(s.ptr, s.len)) utf8::sanitize(out);
    return out;
}

std::optional<std::string> opt(fkb_str s) {
    if (!s.ptr) return std::nullopt;
    return req(s);
}

std::optional<int64_t> opt_int(int64_t v) {
    if (v == FKB_NULL_INT) return std::nullopt;
    return v;
}

}  // namespace

Thread to_thread(const fkb_thread& c, std::string_view default_source) {
    if (c.struct_size < kThread10)
        throw AbiError("thread struct_size " + n(c.struct_size) + " is smaller than ABI 1.0's " + n(kThread10));
    Thread t;
    t.source = req(c.source);
    if (t.source.empty()) t.source = std::string(default_source);
    t.thread_id = req(c.thread_id);
    if (t.thread_id.empty()) throw AbiError("thread has no thread_id");
    t.url = opt(c.url);
    t.title = opt(c.title);
    t.forum = opt(c.forum);
    t.category = opt(c.category);
    if (c.n_posts && !c.posts) throw AbiError("thread '" + t.thread_id + "' has n_posts " + n(c.n_posts) + " but no posts");
    std::size_t stride = c.n_posts ? c.posts[0].struct_size : kPost10;
    if (stride < kPost10)
        throw AbiError("thread '" + t.thread_id + "': post struct_size " + n(stride) + " is smaller than ABI 1.0's " +
                       n(kPost10));
    // Post ids must be unique: a short thread compares with the posts
    // before, a long one looks them up in a set (of views of the ids
    // already in t.posts, which never moves: it is reserved).
    constexpr std::size_t kLinearIds = 16;
    std::unordered_set<std::string_view> ids;
    auto seen = [&](std::string_view id) {
        if (t.posts.size() <= kLinearIds) {
            for (const Post& q : t.posts)
                if (q.post_id == id) return true;
            return false;
        }
        if (ids.empty())
            for (const Post& q : t.posts) ids.insert(q.post_id);
        return ids.count(id) != 0;
    };
    t.posts.reserve(c.n_posts);
    const auto* base = reinterpret_cast<const unsigned char*>(c.posts);
    for (std::size_t i = 0; i < c.n_posts; ++i) {
        const auto& cp = *reinterpret_cast<const fkb_post*>(base + i * stride);
        auto where = [&] { return "thread '" + t.thread_id + "' post " + n(i); };
        if (cp.struct_size != stride)
            throw AbiError(where() + ": struct_size " + n(cp.struct_size) + " differs from post 0's " + n(stride));
        Post p;
        p.post_id = req(cp.post_id);
        if (p.post_id.empty()) throw AbiError(where() + ": no post_id");
        if (seen(p.post_id)) throw AbiError(where() + ": post_id '" + p.post_id + "' is not unique");
        p.parent_id = opt(cp.parent_id);
        p.author = opt(cp.author);
        p.post_count = opt_int(cp.signals.post_count);
        p.role = opt(cp.signals.role);
        p.level = opt_int(cp.signals.level);
        p.reputation = opt_int(cp.signals.reputation);
        p.flair = opt(cp.signals.flair);
        p.created = opt(cp.created);
        p.created_text = opt(cp.created_text);
        p.text = cp.text.ptr ? std::string(cp.text.ptr, cp.text.len) : std::string();
        const std::size_t raw_size = p.text.size();
        std::vector<std::size_t> map;
        // Almost every text is valid UTF-8: check first, and build the offset
        // map of a repair only for the texts that need one.
        bool repaired = !utf8::valid(p.text) && utf8::sanitize(p.text, &map);
        p.likes = opt_int(cp.likes);
        p.score = opt_int(cp.score);
        p.accepted = cp.accepted != 0;
        if (cp.n_quotes && !cp.quotes) throw AbiError(where() + ": n_quotes " + n(cp.n_quotes) + " but no quotes");
        for (std::size_t q = 0; q < cp.n_quotes; ++q) {
            const fkb_quote& cq = cp.quotes[q];
            if (cq.start > cq.end || cq.end > raw_size)
                throw AbiError(where() + ": quote " + n(q) + " [" + n(cq.start) + ", " + n(cq.end) +
                               ") is not inside the text (" + n(raw_size) + " bytes)");
            Post::Quote quote;
            quote.start = repaired ? map[cq.start] : cq.start;
            quote.end = repaired ? map[cq.end] : cq.end;
            quote.post_id = req(cq.post_id);
            p.quotes.push_back(std::move(quote));
        }
        p.signature = opt(cp.signature);
        t.posts.push_back(std::move(p));
        if (!ids.empty()) ids.insert(t.posts.back().post_id);
    }
    return t;
}

bool is_known_fact_kind(std::string_view kind) noexcept {
    static constexpr std::array<std::string_view, 6> kKinds = {"symptom",     "cause",       "remedy",
                                                               "credibility", "endorsement", "triple"};
    for (auto k : kKinds)
        if (k == kind) return true;
    return false;
}

namespace {

void check_value(const std::string& key, fkb_value_type type, std::string& v) {
    auto bad = [&](const char* what) {
        throw AbiError("attribute '" + key + "' value '" + std::string(v) + "' is not " + what);
    };
    switch (type) {
        case FKB_VALUE_STRING:
        case FKB_VALUE_NULL: return;
        case FKB_VALUE_INT: {
            long long x = 0;
            auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
            if (v.empty() || ec != std::errc() || p != v.data() + v.size()) bad("an integer");
            v = std::to_string(x);  // "007" is not JSON
            return;
        }
        case FKB_VALUE_DOUBLE: {
            // JSON number grammar: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?
            std::size_t i = 0;
            auto digits = [&] {
                std::size_t s = i;
                while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
                return i > s;
            };
            if (i < v.size() && v[i] == '-') ++i;
            if (i < v.size() && v[i] == '0') ++i;
            else if (!digits()) bad("a number");
            if (i < v.size() && v[i] == '.') {
                ++i;
                if (!digits()) bad("a number");
            }
            if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
                ++i;
                if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
                if (!digits()) bad("a number");
            }
            if (i != v.size()) bad("a number");
            return;
        }
        case FKB_VALUE_BOOL:
            if (v != "true" && v != "false") bad("true or false");
            return;
    }
    throw AbiError("attribute '" + key + "' has unknown value type " + n(static_cast<uint64_t>(type)));
}

}  // namespace

Fact to_fact(const fkb_fact& c, const Thread& t, const std::vector<text::PostAnalysis>* analysis) {
    if (c.struct_size < kFact10)
        throw AbiError("fact struct_size " + n(c.struct_size) + " is smaller than ABI 1.0's " + n(kFact10));
    Fact f;
    f.kind = req(c.kind);
    if (!is_known_fact_kind(f.kind)) throw AbiError("unknown fact kind '" + f.kind + "'");
    f.concept_id = req(c.concept_id);
    f.label = req(c.label);
    const fkb_evidence& e = c.evidence;
    if (e.post >= t.posts.size())
        throw AbiError(f.kind + " fact: evidence post " + n(e.post) + " is out of range (thread has " +
                       n(t.posts.size()) + " posts)");
    std::string_view text = t.posts[e.post].text;
    if (e.start > e.end)
        throw AbiError(f.kind + " fact: evidence start " + n(e.start) + " is after end " + n(e.end));
    if (e.end > text.size())
        throw AbiError(f.kind + " fact: evidence end " + n(e.end) + " is past the end of post " + n(e.post) + " (" +
                       n(text.size()) + " bytes)");
    if (!utf8::is_boundary(text, e.start) || !utf8::is_boundary(text, e.end))
        throw AbiError(f.kind + " fact: evidence [" + n(e.start) + ", " + n(e.end) +
                       ") does not fall on UTF-8 character boundaries");
    if (analysis && e.post < analysis->size()) {
        std::size_t ns = (*analysis)[e.post].sentences.size();
        if (ns > 0 && e.sentence >= ns)
            throw AbiError(f.kind + " fact: evidence sentence " + n(e.sentence) + " is out of range (post " +
                           n(e.post) + " has " + n(ns) + " sentences)");
    }
    f.evidence = e;
    if (c.struct_size >= kFactEvidenceText && c.evidence_text.ptr) {
        f.evidence_text = req(c.evidence_text);
        if (e.start != e.end)
            throw AbiError(f.kind + " fact: evidence_text is set but the evidence span [" + n(e.start) + ", " +
                           n(e.end) + ") is not empty");
    }
    if (c.n_attrs && !c.attrs) throw AbiError(f.kind + " fact: n_attrs " + n(c.n_attrs) + " but no attrs");
    for (std::size_t i = 0; i < c.n_attrs; ++i) {
        const fkb_attr& a = c.attrs[i];
        std::string key = req(a.key);
        if (key.empty() || key.front() == '.' || key.back() == '.' || key.find("..") != std::string::npos)
            throw AbiError(f.kind + " fact: attribute " + n(i) + " has an empty or malformed key '" + key + "'");
        std::string value = req(a.value);
        check_value(key, a.type, value);
        f.attrs.push_back({std::move(key), {a.type, std::move(value)}});
    }
    if (c.n_support && !c.support) throw AbiError(f.kind + " fact: n_support " + n(c.n_support) + " but no support");
    for (std::size_t i = 0; i < c.n_support; ++i) {
        if (c.support[i] >= t.posts.size())
            throw AbiError(f.kind + " fact: support post " + n(c.support[i]) + " is out of range");
        f.support.push_back(c.support[i]);
    }
    return f;
}

namespace {
using sdk::str;
int64_t ni(const std::optional<int64_t>& v) { return v ? *v : FKB_NULL_INT; }
}  // namespace

ThreadAbi::ThreadAbi(const Thread& t) : posts_(t.posts.size()), quotes_(t.posts.size()) {
    for (std::size_t i = 0; i < t.posts.size(); ++i) {
        const Post& p = t.posts[i];
        for (const auto& q : p.quotes) quotes_[i].push_back(fkb_quote{q.start, q.end, str(q.post_id)});
        fkb_post& c = posts_[i];
        c.struct_size = sizeof(fkb_post);
        c.post_id = str(p.post_id);
        c.parent_id = str(p.parent_id);
        c.author = str(p.author);
        c.signals = fkb_author_signals{ni(p.post_count), str(p.role), ni(p.level), ni(p.reputation), str(p.flair)};
        c.created = str(p.created);
        c.created_text = str(p.created_text);
        c.text = str(p.text);
        c.likes = ni(p.likes);
        c.score = ni(p.score);
        c.accepted = p.accepted ? 1 : 0;
        c.quotes = quotes_[i].data();
        c.n_quotes = quotes_[i].size();
        c.signature = str(p.signature);
    }
    thread_.struct_size = sizeof(fkb_thread);
    thread_.source = str(t.source);
    thread_.thread_id = str(t.thread_id);
    thread_.url = str(t.url);
    thread_.title = str(t.title);
    thread_.forum = str(t.forum);
    thread_.category = str(t.category);
    thread_.posts = posts_.data();
    thread_.n_posts = posts_.size();
}

ThreadViewAbi::ThreadViewAbi(const Thread& t, const std::vector<text::PostAnalysis>& analysis,
                             std::string_view source_file)
    : thread_(t), posts_(t.posts.size()) {
    for (std::size_t i = 0; i < posts_.size(); ++i) {
        if (i < analysis.size()) {
            posts_[i] = analysis[i].abi();
        } else {
            posts_[i] = fkb_post_analysis{};
            posts_[i].struct_size = sizeof(fkb_post_analysis);
        }
    }
    view_.struct_size = sizeof(fkb_thread_view);
    view_.thread = thread_.get();
    view_.posts = posts_.data();
    view_.n_posts = posts_.size();
    view_.source_file = str(source_file);
}

}  // namespace fkb::plugin
