// A stored thread with its facts inline (`forumkb show thread ID`) and the
// rejected records of a KB (`forumkb rejects`).
#pragma once

#include <forumkb/kb/kb_reader.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fkb::kb {

struct ReportFact {
    std::string kind;
    std::optional<std::string> concept_id;
    std::string label;
    std::string attrs;  ///< JSON object: its attributes (columns with a value, then the others as emitted)
    uint32_t start = 0, end = 0;
    std::string quote;
    std::string plugin;
    std::vector<std::string> symptoms;  ///< symptom concepts it is advice for
};

struct ReportPost {
    uint32_t index = 0;
    std::string post_id;
    std::optional<std::string> author, created, created_text;
    std::optional<int64_t> likes;
    bool accepted = false;
    std::string text;
    std::optional<double> weight;
    std::string reasons;
    std::vector<ReportFact> facts;
};

struct ThreadReport {
    std::string source, thread_id;
    std::optional<std::string> title, url, forum, category;
    std::vector<ReportPost> posts;
};

/// The thread "ID" or "SOURCE:ID". Throws KbError when it is not in the KB
/// or the id is ambiguous across sources.
ThreadReport load_thread(KbReader& kb, const std::string& id);
std::string render_thread_text(const ThreadReport& t);
std::string render_thread_json(const ThreadReport& t);

struct RejectRow {
    std::string file;
    std::optional<int64_t> line, offset;
    std::string plugin, reason;
    std::optional<std::string> excerpt;
};

/// Rejected records, in file and line order; file_filter keeps one file's.
std::vector<RejectRow> list_rejects(KbReader& kb, const std::string& file_filter = {}, int limit = 0);
std::string render_rejects_text(const std::vector<RejectRow>& rows);
std::string render_rejects_json(const std::vector<RejectRow>& rows);

}  // namespace fkb::kb
