// Grouping of mapped records into threads (see mapped_threads.hpp).
#include "mapped_threads.hpp"

namespace fkb::dumps {

MappedThreads::MappedThreads(std::string source, const FieldMap& map, StoreOptions store, RejectFn reject)
    : source_(std::move(source)),
      has_thread_id_(map.column(Field::ThreadId).has_value()),
      has_post_id_(map.column(Field::PostId).has_value()),
      reject_(std::move(reject)),
      store_(std::move(store)) {}

void MappedThreads::add(const MappedRecord& r, uint64_t line, int64_t offset, std::string_view raw) {
    auto missing = [&](Field f) {
        const auto& v = r.get(f);
        return !v || v->empty();
    };
    for (Field f : {Field::Text, Field::ThreadId, Field::PostId}) {
        if (f == Field::ThreadId && !has_thread_id_) continue;
        if (f == Field::PostId && !has_post_id_) continue;
        if (missing(f)) {
            reject_(Reject{line, offset, "record without " + std::string(field_name(f)), excerpt(raw)});
            return;
        }
    }
    sdk::Post p;
    try {
        p = post_from_record(r);
    } catch (const sdk::Error& e) {
        reject_(Reject{line, offset, e.what(), excerpt(raw)});
        return;
    }
    if (!has_post_id_) p.post_id = std::to_string(line);
    std::string key = has_thread_id_ ? *r.get(Field::ThreadId) : p.post_id;
    int64_t thread = store_.thread(key);
    if (r.get(Field::Title) || r.get(Field::Url) || r.get(Field::Forum) || r.get(Field::Category)) {
        // The first record that names a member sets it; later ones only fill gaps
        // (replies often carry the board but not the subject).
        ThreadHeader h = store_.header(thread).value_or(ThreadHeader{});
        auto opt = [&](Field f) -> std::optional<std::string> {
            const auto& v = r.get(f);
            return v && !v->empty() ? v : std::nullopt;
        };
        bool changed = false;
        auto fill = [&](std::optional<std::string>& member, Field f) {
            if (member) return;
            member = opt(f);
            changed = changed || member.has_value();
        };
        fill(h.title, Field::Title);
        fill(h.url, Field::Url);
        fill(h.forum, Field::Forum);
        fill(h.category, Field::Category);
        if (changed) store_.set_header(thread, h);
    }
    store_.add_post(thread, 0, records_++, p);
}

bool MappedThreads::next(sdk::Thread& out) {
    if (!store_.next(stored_)) return false;
    out = sdk::Thread{};
    out.source = source_;
    out.thread_id = stored_.key;
    if (stored_.header) {
        out.url = std::move(stored_.header->url);
        out.title = std::move(stored_.header->title);
        out.forum = std::move(stored_.header->forum);
        out.category = std::move(stored_.header->category);
    }
    out.posts = std::move(stored_.posts);
    return true;
}

}  // namespace fkb::dumps
