// Counting the unmapped cause and remedy phrases of a KB for the lexicon
// curator (see forumkb/kb/lexicon_suggest.hpp); the query is the data file
// core/data/kb/lexicon_suggest.sql.
#include <forumkb/kb/lexicon_suggest.hpp>

#include "kb/json_writer.hpp"
#include "kb/kb_reader_impl.hpp"

#include <fmt/format.h>

#include <string_view>

namespace fkb::data {
std::string_view embedded_file(std::string_view name);
}  // namespace fkb::data

namespace fkb::kb {

std::vector<LexiconSuggestion> suggest_lexicon_entries(KbReader& reader, const LexiconSuggestOptions& options) {
    std::string_view sql = fkb::data::embedded_file("data/kb/lexicon_suggest.sql");
    if (sql.empty()) throw KbError("core/data/kb/lexicon_suggest.sql is not compiled in");
    Stmt s(reader.impl().db, sql);
    s.bind(1, options.kind).bind(2, options.min_count).bind(3, options.limit > 0 ? options.limit : int64_t{-1});
    std::vector<LexiconSuggestion> out;
    while (s.step())
        out.push_back(LexiconSuggestion{s.text(0), s.text(1), s.text(2), s.int64(3), s.int64(4), s.int64(5)});
    return out;
}

std::string render_suggestions_text(const std::vector<LexiconSuggestion>& rows) {
    std::string out = fmt::format("{:>8} {:>7} {:>7}  {:<6}  {}\n", "MENTIONS", "THREADS", "AUTHORS", "KIND", "PHRASE (ID)");
    for (const auto& r : rows) {
        std::string label = r.label;
        for (char& c : label)
            if (c == '\n' || c == '\t' || c == '\r') c = ' ';
        out += fmt::format("{:>8} {:>7} {:>7}  {:<6}  {} ({})\n", r.mentions, r.threads, r.authors, r.kind, label,
                           r.concept_id);
    }
    out += fmt::format("{} unmapped phrase{}\n", rows.size(), rows.size() == 1 ? "" : "s");
    return out;
}

std::string render_suggestions_json(const std::vector<LexiconSuggestion>& rows) {
    JsonWriter w(2);
    w.begin_array();
    for (const auto& r : rows) {
        w.begin_object();
        w.field("kind", r.kind);
        w.field("concept", r.concept_id);
        w.field("label", r.label);
        w.field("mentions", r.mentions);
        w.field("threads", r.threads);
        w.field("authors", r.authors);
        w.end_object();
    }
    w.end_array();
    return w.take() + "\n";
}

}  // namespace fkb::kb
