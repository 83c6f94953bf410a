// Reading one thread with its facts, and the rejects, back out of the KB
// (see forumkb/kb/thread_report.hpp).
#include <forumkb/kb/thread_report.hpp>

#include "kb/json_writer.hpp"
#include "kb/kb_reader_impl.hpp"

#include <fmt/format.h>

#include <map>

namespace fkb::kb {

namespace {

/// A fact's attributes as one JSON object: the columns that have a value
/// (in the order of the facts table), then the attributes without a column
/// (`extra`, in the order emitted).
std::string fact_attrs(const Stmt& s, int col, const std::optional<std::string>& extra) {
    static constexpr const char* kText[] = {"certainty", "polarity", "experiencer", "outcome", "condition",
                                            "dosage",    "symptom",  "cause",       "remedy"};
    JsonWriter w;
    w.begin_object();
    int c = col;
    for (const char* name : kText) {
        if (!s.is_null(c)) w.key(name).value(s.text_view(c));
        ++c;
    }
    if (!s.is_null(c)) w.key("qualifiers").raw(s.text_view(c));
    ++c;
    for (const char* name : {"signal", "basis", "value"}) {
        if (!s.is_null(c)) w.key(name).value(s.text_view(c));
        ++c;
    }
    if (!s.is_null(c)) w.key("weight").value(s.real(c));
    ++c;
    if (!s.is_null(c)) w.key("author").value(s.text_view(c));
    ++c;
    if (!s.is_null(c)) w.key("target_post").value(s.int64(c));
    w.end_object();
    std::string out = w.take();
    if (extra && extra->size() > 2) {
        out.pop_back();
        if (out.size() > 1) out += ',';
        out.append(*extra, 1);
    }
    return out;
}

}  // namespace

ThreadReport load_thread(KbReader& reader, const std::string& id) {
    KbReader::Impl& kb = reader.impl();
    std::string source, tid = id;
    std::vector<std::pair<int64_t, std::string>> found;
    auto lookup = [&](const std::string& src, const std::string& thread_id) {
        Stmt& s = kb.stmt(
            "SELECT t.id, src.name FROM threads t JOIN sources src ON src.id = t.source_id "
            "WHERE t.thread_id = ?1 AND (?2 = '' OR src.name = ?2) ORDER BY src.name");
        s.bind(1, thread_id).bind(2, src);
        while (s.step()) found.emplace_back(s.int64(0), s.text(1));
    };
    lookup("", id);
    if (found.empty()) {
        if (auto colon = id.find(':'); colon != std::string::npos) lookup(id.substr(0, colon), id.substr(colon + 1));
        if (!found.empty()) tid = id.substr(id.find(':') + 1);
    }
    if (found.empty()) throw KbError(fmt::format("{}: no thread \"{}\"", reader.path(), id));
    if (found.size() > 1) {
        std::string names;
        for (const auto& [row, src] : found) names += (names.empty() ? "" : ", ") + src + ":" + tid;
        throw KbError(fmt::format("{}: thread \"{}\" is in several sources: {}", reader.path(), id, names));
    }
    int64_t row = found[0].first;
    ThreadReport t;
    {
        Stmt& s = kb.stmt(
            "SELECT src.name, t.thread_id, t.title, t.url, t.forum, t.category FROM threads t "
            "JOIN sources src ON src.id = t.source_id WHERE t.id = ?1");
        s.bind(1, row);
        if (s.step()) {
            t.source = s.text(0);
            t.thread_id = s.text(1);
            t.title = s.opt_text(2);
            t.url = s.opt_text(3);
            t.forum = s.opt_text(4);
            t.category = s.opt_text(5);
        }
    }
    std::map<int64_t, size_t> post_at;
    {
        Stmt& s = kb.stmt(
            "SELECT p.id, p.post_index, p.post_id, a.name, p.created, p.created_text, p.likes, p.accepted, p.text, "
            "pw.weight, pw.reasons FROM posts p LEFT JOIN authors a ON a.id = p.author_id "
            "LEFT JOIN post_weights pw ON pw.post = p.id WHERE p.thread = ?1 ORDER BY p.post_index");
        s.bind(1, row);
        while (s.step()) {
            ReportPost p;
            p.index = static_cast<uint32_t>(s.int64(1));
            p.post_id = s.text(2);
            p.author = s.opt_text(3);
            p.created = s.opt_text(4);
            p.created_text = s.opt_text(5);
            p.likes = s.opt_int64(6);
            p.accepted = s.int64(7) != 0;
            p.text = s.text(8);
            if (!s.is_null(9)) p.weight = s.real(9);
            p.reasons = s.is_null(10) ? "" : s.text(10);
            post_at[s.int64(0)] = t.posts.size();
            t.posts.push_back(std::move(p));
        }
    }
    {
        Stmt& s = kb.stmt(
            "SELECT f.post, f.kind, f.concept, coalesce(f.label, ''), f.extra, f.ev_start, f.ev_end, f.ev_text, "
            "x.name, (SELECT group_concat(symptom, ',') FROM (SELECT symptom FROM fact_symptoms "
            "WHERE fact = f.id ORDER BY symptom)), "
            "f.certainty, f.polarity, f.experiencer, f.outcome, f.condition, f.dosage, f.symptom, f.cause, f.remedy, "
            "f.qualifiers, f.signal, f.basis, f.value, f.weight, a.name, f.target_index "
            "FROM posts p JOIN facts f ON f.post = p.id JOIN extractors x ON x.id = f.extractor "
            "LEFT JOIN authors a ON a.id = f.author_id WHERE p.thread = ?1 ORDER BY f.seq");
        s.bind(1, row);
        while (s.step()) {
            ReportFact f;
            f.kind = s.text(1);
            f.concept_id = s.opt_text(2);
            f.label = s.text(3);
            f.attrs = fact_attrs(s, 10, s.opt_text(4));
            f.start = static_cast<uint32_t>(s.int64(5));
            f.end = static_cast<uint32_t>(s.int64(6));
            f.quote = s.text(7);
            f.plugin = s.text(8);
            if (!s.is_null(9)) {
                std::string all = s.text(9);
                size_t pos = 0;
                while (pos <= all.size()) {
                    size_t comma = all.find(',', pos);
                    f.symptoms.push_back(all.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos));
                    if (comma == std::string::npos) break;
                    pos = comma + 1;
                }
            }
            auto at = post_at.find(s.int64(0));
            if (at != post_at.end()) t.posts[at->second].facts.push_back(std::move(f));
        }
    }
    return t;
}

std::string render_thread_text(const ThreadReport& t) {
    std::string out = fmt::format("{} ({}:{})\n", t.title.value_or("(untitled)"), t.source, t.thread_id);
    if (t.forum || t.category)
        out += fmt::format("  in {}{}{}\n", t.forum.value_or(""), t.forum && t.category ? " / " : "",
                           t.category.value_or(""));
    if (t.url) out += fmt::format("  {}\n", *t.url);
    for (const auto& p : t.posts) {
        out += fmt::format("\n#{} {}", p.index, p.author.value_or("anonymous"));
        if (p.created_text || p.created) out += fmt::format(", {}", p.created_text ? *p.created_text : *p.created);
        if (p.likes && *p.likes > 0) out += fmt::format(", {} likes", *p.likes);
        if (p.accepted) out += ", accepted answer";
        if (p.weight) {
            out += fmt::format(", credibility {:.2f}", *p.weight);
            if (!p.reasons.empty()) out += fmt::format(" ({})", p.reasons);
        }
        out += "\n";
        size_t pos = 0;
        while (pos < p.text.size()) {
            size_t nl = p.text.find('\n', pos);
            out += "  | " + p.text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos) + "\n";
            if (nl == std::string::npos) break;
            pos = nl + 1;
        }
        for (const auto& f : p.facts) {
            out += fmt::format("    [{}] {}", f.kind, f.label.empty() ? f.concept_id.value_or("") : f.label);
            if (f.attrs != "{}") out += " " + f.attrs;
            out += fmt::format(" \"{}\" @{}-{}", f.quote, f.start, f.end);
            if (!f.symptoms.empty()) {
                std::string s;
                for (const auto& x : f.symptoms) s += (s.empty() ? "" : ", ") + x;
                out += " -> " + s;
            }
            out += "\n";
        }
    }
    return out;
}

std::string render_thread_json(const ThreadReport& t) {
    JsonWriter w(2);
    w.begin_object();
    w.field("source", t.source);
    w.field("thread_id", t.thread_id);
    w.field("title", t.title);
    w.field("url", t.url);
    w.field("forum", t.forum);
    w.field("category", t.category);
    w.key("posts").begin_array();
    for (const auto& p : t.posts) {
        w.begin_object();
        w.field("post", p.index);
        w.field("post_id", p.post_id);
        w.field("author", p.author);
        w.field("created", p.created);
        w.field("created_text", p.created_text);
        w.key("likes");
        p.likes ? w.value(*p.likes) : w.null();
        w.field("accepted", p.accepted);
        w.field("text", p.text);
        w.key("credibility");
        p.weight ? w.value(*p.weight) : w.null();
        w.field("reasons", p.reasons);
        w.key("facts").begin_array();
        for (const auto& f : p.facts) {
            w.begin_object();
            w.field("kind", f.kind);
            w.field("concept", f.concept_id);
            w.field("label", f.label);
            w.key("attrs").raw(f.attrs);
            w.key("evidence").begin_object();
            w.field("text", f.quote);
            w.field("start", f.start);
            w.field("end", f.end);
            w.end_object();
            w.field("plugin", f.plugin);
            w.key("symptoms").begin_array();
            for (const auto& s : f.symptoms) w.value(s);
            w.end_array();
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.end_object();
    return w.take() + "\n";
}

std::vector<RejectRow> list_rejects(KbReader& reader, const std::string& file_filter, int limit) {
    Stmt& s = reader.impl().stmt(
        "SELECT coalesce(fl.path, ''), r.line, r.offset, r.plugin, r.reason, r.excerpt FROM rejects r "
        "LEFT JOIN files fl ON fl.id = r.file WHERE ?1 = '' OR fl.path = ?1 "
        "ORDER BY fl.path, r.line, r.offset, r.id LIMIT ?2");
    s.bind(1, file_filter).bind(2, limit > 0 ? limit : -1);
    std::vector<RejectRow> out;
    while (s.step()) out.push_back(RejectRow{s.text(0), s.opt_int64(1), s.opt_int64(2), s.text(3), s.text(4), s.opt_text(5)});
    return out;
}

std::string render_rejects_text(const std::vector<RejectRow>& rows) {
    std::string out;
    for (const auto& r : rows) {
        out += r.file;
        if (r.line) out += fmt::format(":{}", *r.line);
        else if (r.offset) out += fmt::format(":@{}", *r.offset);
        out += fmt::format(": {}: {}", r.plugin, r.reason);
        if (r.excerpt) {
            std::string e = r.excerpt->substr(0, 60);
            for (char& c : e)
                if (c == '\n' || c == '\t' || c == '\r') c = ' ';
            out += fmt::format("  [{}{}]", e, r.excerpt->size() > 60 ? "…" : "");
        }
        out += "\n";
    }
    out += fmt::format("{} rejected record{}\n", rows.size(), rows.size() == 1 ? "" : "s");
    return out;
}

std::string render_rejects_json(const std::vector<RejectRow>& rows) {
    JsonWriter w(2);
    w.begin_array();
    for (const auto& r : rows) {
        w.begin_object();
        w.field("file", r.file);
        w.key("line");
        r.line ? w.value(*r.line) : w.null();
        w.key("offset");
        r.offset ? w.value(*r.offset) : w.null();
        w.field("plugin", r.plugin);
        w.field("reason", r.reason);
        w.field("excerpt", r.excerpt);
        w.end_object();
    }
    w.end_array();
    return w.take() + "\n";
}

}  // namespace fkb::kb
