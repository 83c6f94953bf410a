// Printing a QueryResult: readable text for a terminal, and one JSON
// document with the same content (field names in docs/query.md).
#include <forumkb/kb/query.hpp>

#include "kb/json_writer.hpp"

#include <fmt/format.h>

namespace fkb::kb {

namespace {

std::string plural(int n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string one_line(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string outcome_phrase(const std::string& outcome, int n, bool cause) {
    std::string who = plural(n, "author", "authors");
    if (outcome == "resolved") return fmt::format("resolved the pain for {}", who);
    if (outcome == "improved") return fmt::format("improved it for {}", who);
    if (outcome == "no_effect") return fmt::format("did nothing for {}", who);
    if (outcome == "worse") return fmt::format("made it worse for {}", who);
    (void)cause;
    return fmt::format("{}: {}", outcome, who);
}

/// "3 authors (1 endorsement); 2 probable, 1 questioned; 1 author rules it out"
std::string summary(const RankedItem& it, bool cause) {
    std::string s = plural(it.support, "author", "authors");
    if (it.endorsements > 0) s += fmt::format(" (+{})", plural(it.endorsements, "endorsement", "endorsements"));
    std::string cert;
    for (const auto& [c, n] : it.certainty) {
        if (!cert.empty()) cert += ", ";
        cert += fmt::format("{} {}", n, c);
    }
    if (!cert.empty()) s += "; " + cert;
    for (const auto& [o, n] : it.outcomes) s += "; " + outcome_phrase(o, n, cause);
    if (it.negations > 0)
        s += fmt::format("; {} {}", plural(it.negations, "author", "authors"),
                         cause ? (it.negations == 1 ? "rules it out" : "rule it out")
                               : (it.negations == 1 ? "advises against it" : "advise against it"));
    return s;
}

void text_list(std::string& out, const char* title, const std::vector<RankedItem>& items, bool cause,
               const QueryOptions& options) {
    out += fmt::format("\n{}\n", title);
    if (items.empty()) {
        out += "  (none found)\n";
        return;
    }
    int rank = 0;
    for (const auto& it : items) {
        out += fmt::format("{:3}. {:<44} score {:.2f}\n", ++rank, it.label, it.score);
        out += fmt::format("     {}\n", summary(it, cause));
        if (it.disputed) out += "     ! disputed\n";
        if (it.questioned_only) out += "     ? only asked as a question\n";
        for (const auto& c : it.conflicts) out += fmt::format("     ! conflicting advice: {}\n", c);
        if (!it.variants.empty()) {
            std::string v;
            for (size_t i = 0; i < it.variants.size() && i < 4; ++i) v += (i ? "; " : "") + it.variants[i];
            out += fmt::format("     also said as: {}\n", v);
        }
        if (!it.remedies.empty()) {
            std::string r;
            for (size_t i = 0; i < it.remedies.size() && i < 4; ++i)
                r += fmt::format("{}{} ({})", i ? ", " : "", it.remedies[i].label,
                                 plural(it.remedies[i].authors, "author", "authors"));
            out += fmt::format("     remedies: {}\n", r);
        }
        if (options.evidence)
            for (const auto& e : it.evidence) {
                out += fmt::format("       {} \"{}\"\n", e.stance == "supports" ? "+" : "-", one_line(e.quote));
                std::string who = e.author.empty() ? "anonymous" : e.author;
                out += fmt::format("         {}, post {} of \"{}\" ({}:{}); credibility {:.2f}", who, e.post,
                                   one_line(e.thread_title), e.source, e.thread_id, e.weight);
                if (!e.reasons.empty()) out += ": " + e.reasons;
                if (e.endorsements > 0) out += fmt::format("; endorsed by {}", plural(e.endorsements, "author", "authors"));
                out += '\n';
            }
    }
}

void json_items(JsonWriter& w, const std::vector<RankedItem>& items, bool cause, const QueryOptions& options) {
    w.begin_array();
    int rank = 0;
    for (const auto& it : items) {
        w.begin_object();
        w.field("rank", ++rank);
        w.field("id", it.id);
        w.field("label", it.label);
        w.field("score", it.score);
        w.field("support", it.support);
        w.field("endorsements", it.endorsements);
        w.field("negations", it.negations);
        w.field("credibility", it.credibility);
        w.key("certainty").begin_object();
        for (const auto& [c, n] : it.certainty) w.field(c, n);
        w.end_object();
        w.key("outcomes").begin_object();
        for (const auto& [o, n] : it.outcomes) w.field(o, n);
        w.end_object();
        w.field("disputed", it.disputed);
        w.field("questioned_only", it.questioned_only);
        w.field("summary", summary(it, cause));
        w.key("variants").begin_array();
        for (const auto& v : it.variants) w.value(v);
        w.end_array();
        w.key("conflicts").begin_array();
        for (const auto& c : it.conflicts) w.value(c);
        w.end_array();
        if (cause) {
            w.key("remedies").begin_array();
            for (const auto& r : it.remedies) {
                w.begin_object();
                w.field("id", r.id);
                w.field("label", r.label);
                w.field("authors", r.authors);
                w.end_object();
            }
            w.end_array();
        }
        if (options.evidence) {
            w.key("evidence").begin_array();
            for (const auto& e : it.evidence) {
                w.begin_object();
                w.field("quote", e.quote);
                w.field("label", e.label);
                w.field("stance", e.stance);
                w.field("certainty", e.certainty);
                w.field("outcome", e.outcome);
                w.field("source", e.source);
                w.field("thread_id", e.thread_id);
                w.field("thread_title", e.thread_title);
                w.field("url", e.url);
                w.field("post", e.post);
                w.field("author", e.author);
                w.field("credibility", e.weight);
                w.field("reasons", e.reasons);
                w.field("endorsements", e.endorsements);
                w.end_object();
            }
            w.end_array();
        }
        w.end_object();
    }
    w.end_array();
}

}  // namespace

std::string render_query_text(const QueryResult& r, const QueryOptions& options) {
    std::string out;
    if (r.concepts.empty()) {
        out += fmt::format("No symptom in the knowledge base matches \"{}\".\n", r.text);
        return out;
    }
    std::string matched, narrower, broader;
    for (const auto& c : r.concepts) {
        std::string& dst = c.role == "matched" ? matched : c.role == "narrower" ? narrower : broader;
        if (!dst.empty()) dst += ", ";
        dst += c.role == "matched" ? fmt::format("{} [{}]", c.label, c.id) : c.label;
    }
    out += fmt::format("Answering \"{}\" for: {}\n", r.text, matched);
    if (!narrower.empty()) out += fmt::format("  including: {}\n", narrower);
    if (!broader.empty()) out += fmt::format("  with advice given for: {}\n", broader);
    out += fmt::format("  from {} in {}\n", plural(r.facts, "claim", "claims"), plural(r.threads, "thread", "threads"));
    text_list(out, "Causes", r.causes, true, options);
    text_list(out, "Remedies", r.remedies, false, options);
    return out;
}

std::string render_query_json(const QueryResult& r, const QueryOptions& options) {
    JsonWriter w(2);
    w.begin_object();
    w.field("query", r.text);
    w.key("concepts").begin_array();
    for (const auto& c : r.concepts) {
        w.begin_object();
        w.field("id", c.id);
        w.field("label", c.label);
        w.field("role", c.role);
        if (c.role == "matched") w.field("match", c.match);
        w.end_object();
    }
    w.end_array();
    w.field("facts", r.facts);
    w.field("threads", r.threads);
    w.key("causes");
    json_items(w, r.causes, true, options);
    w.key("remedies");
    json_items(w, r.remedies, false, options);
    w.end_object();
    std::string out = w.take();
    out += '\n';
    return out;
}

}  // namespace fkb::kb
