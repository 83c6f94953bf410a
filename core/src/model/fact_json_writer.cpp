// Writer of fact JSON lines (see forumkb/fact_json.hpp). Fact attributes
// with dotted keys are gathered into nested objects at the position of the
// first key of each group; a key set twice keeps its last value in its
// first position, so a record never has duplicate members.
#include <forumkb/fact_json.hpp>
#include <forumkb/json_writer.hpp>

#include <memory>

namespace fkb {
namespace {

void begin_record(json::Writer& w, std::string_view kind, std::string_view source_file, const Thread& t) {
    w.begin_object();
    w.key("kind").string(kind);
    w.key("source_file").string(source_file);
    w.key("thread").string(t.thread_id);
}

// An ordered tree of attribute members.
struct AttrNode {
    std::string name;
    const std::pair<fkb_value_type, std::string>* value = nullptr;
    std::vector<std::unique_ptr<AttrNode>> children;

    AttrNode* child(std::string_view n) {
        for (auto& c : children)
            if (c->name == n) return c.get();
        children.push_back(std::make_unique<AttrNode>());
        children.back()->name = std::string(n);
        return children.back().get();
    }
};

void write_value(json::Writer& w, const std::pair<fkb_value_type, std::string>& v) {
    switch (v.first) {
        case FKB_VALUE_STRING: w.string(v.second); break;
        case FKB_VALUE_INT:
        case FKB_VALUE_DOUBLE: w.raw(v.second); break;
        case FKB_VALUE_BOOL: w.boolean(v.second == "true"); break;
        default: w.null(); break;
    }
}

void write_members(json::Writer& w, const AttrNode& node) {
    for (const auto& c : node.children) {
        w.key(c->name);
        if (c->children.empty()) {
            if (c->value) write_value(w, *c->value); else w.null();
        } else {
            w.begin_object();
            write_members(w, *c);
            w.end_object();
        }
    }
}

}  // namespace

void append_thread_record(std::string& out, std::string_view source_file, const Thread& t) {
    json::Writer w(out);
    begin_record(w, "thread", source_file, t);
    w.key("title").string(t.title);
    w.key("forum").string(t.forum);
    w.key("category").string(t.category);
    w.key("url").string(t.url);
    w.key("posts").uinteger(t.posts.size());
    w.key("source").string(t.source);
    w.end_object();
}

void append_post_record(std::string& out, std::string_view source_file, const Thread& t, std::size_t index) {
    const Post& p = t.posts.at(index);
    json::Writer w(out);
    begin_record(w, "post", source_file, t);
    w.key("post").uinteger(index);
    w.key("post_id").string(p.post_id);
    w.key("author").string(p.author);
    w.key("author_signals").begin_object();
    w.key("post_count").integer(p.post_count);
    w.key("role").string(p.role);
    w.key("level").integer(p.level);
    w.key("reputation").integer(p.reputation);
    w.key("flair").string(p.flair);
    w.end_object();
    w.key("created").string(p.created);
    w.key("likes").integer(p.likes);
    w.key("score").integer(p.score);
    w.key("accepted").boolean(p.accepted);
    w.key("text").string(p.text);
    w.key("quotes").begin_array();
    for (const auto& q : p.quotes) {
        w.begin_object();
        w.key("start").uinteger(q.start);
        w.key("end").uinteger(q.end);
        w.key("post_id").string(q.post_id);
        w.end_object();
    }
    w.end_array();
    w.key("parent_id").string(p.parent_id);
    w.key("created_text").string(p.created_text);
    w.key("signature").string(p.signature);
    w.end_object();
}

void append_fact_record(std::string& out, std::string_view source_file, const Thread& t, const FactRecord& r) {
    const Fact& f = r.fact;
    const Post& p = t.posts.at(f.evidence.post);
    json::Writer w(out);
    begin_record(w, f.kind, source_file, t);
    w.key("post").uinteger(f.evidence.post);
    w.key("post_id").string(p.post_id);
    w.key("concept");
    if (f.concept_id.empty()) w.null(); else w.string(f.concept_id);
    w.key("label").string(f.label);

    AttrNode root;
    for (const auto& [key, value] : f.attrs) {
        AttrNode* node = &root;
        std::string_view k = key;
        for (std::size_t dot; (dot = k.find('.')) != std::string_view::npos; k.remove_prefix(dot + 1))
            node = node->child(k.substr(0, dot));
        AttrNode* leaf = node->child(k);
        leaf->value = &value;
        leaf->children.clear();
    }
    write_members(w, root);

    if (f.kind == "triple" || !f.support.empty()) {
        w.key("support").begin_array();
        for (uint32_t s : f.support) w.uinteger(s);
        w.end_array();
    }
    w.key("evidence").begin_object();
    // Evidence beside the post (a platform signal) has its own text and an
    // empty span; any other evidence is the slice of the post's text.
    if (!f.evidence_text.empty())
        w.key("text").string(f.evidence_text);
    else
        w.key("text").string(std::string_view(p.text).substr(f.evidence.start, f.evidence.end - f.evidence.start));
    w.key("start").uinteger(f.evidence.start);
    w.key("end").uinteger(f.evidence.end);
    w.key("sentence").uinteger(f.evidence.sentence);
    w.end_object();
    w.key("extractor").string(r.plugin);
    w.end_object();
}

void append_thread_records(std::string& out, std::string_view source_file, const Thread& t,
                           const std::vector<FactRecord>& facts) {
    append_thread_record(out, source_file, t);
    out += '\n';
    for (std::size_t i = 0; i < t.posts.size(); ++i) {
        append_post_record(out, source_file, t, i);
        out += '\n';
    }
    for (const auto& f : facts) {
        append_fact_record(out, source_file, t, f);
        out += '\n';
    }
}

}  // namespace fkb
