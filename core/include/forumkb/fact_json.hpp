// Fact JSON lines: what `forumkb extract` prints (schemas/facts.schema.json,
// DESIGN.md "Formats"), one record per line.
//
// For each thread: one "thread" record, one "post" record per post, then the
// facts. Every record starts with kind, source_file and thread (the
// thread_id); post and fact records go on with post (index in the thread,
// 0 = opening post) and post_id. Then:
//   thread: title, forum, category, url, posts (count), source
//   post:   author, author_signals, created, likes, score, accepted, text,
//           quotes, then parent_id, created_text, signature (so a post
//           record carries everything the thread format does)
//   fact:   concept, label, the fact's attributes in the order the extractor
//           set them (a dotted key "qualifiers.location" becomes a member of
//           a nested object), support (triples, or when not empty),
//           evidence {text, start, end, sentence}, extractor.
// Evidence offsets are bytes into the post's text as printed in its post
// record, and evidence.text is exactly that slice, except for evidence shown
// beside the post (fkb_fact::evidence_text, a platform signal such as
// "Lv 7"): then start == end and evidence.text is that text.
#pragma once

#include <forumkb/model.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace fkb {

/// Appends the "thread" record of t (no newline).
void append_thread_record(std::string& out, std::string_view source_file, const Thread& t);
/// Appends the "post" record of t.posts[index] (no newline).
void append_post_record(std::string& out, std::string_view source_file, const Thread& t, std::size_t index);
/// Appends one fact record (no newline). The fact must have been validated
/// against t (fkb::plugin::to_fact does), so its evidence lies in the post.
void append_fact_record(std::string& out, std::string_view source_file, const Thread& t, const FactRecord& f);

/// Appends every record of a thread, each followed by '\n'.
void append_thread_records(std::string& out, std::string_view source_file, const Thread& t,
                           const std::vector<FactRecord>& facts);

}  // namespace fkb
