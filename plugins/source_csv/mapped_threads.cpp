// Grouping of mapped records into threads (see mapped_threads.hpp).
#include "mapped_threads.hpp"

namespace fkb::dumps {

MappedThreads::MappedThreads(std::string source, bool require_thread_id, bool require_post_id, StoreOptions store,
                             RejectFn reject)
    : source_(std::move(source)),
      has_thread_id_(require_thread_id),
      has_post_id_(require_post_id),
      reject_(std::move(reject)),
      store_(std::move(store)) {}

std::string MappedThreads::add(const MappedRecord& r, uint64_t line, int64_t offset, std::string_view raw,
                               const Defaults& defaults) {
    auto missing = [&](Field f) {
        const auto& v = r.get(f);
        return !v || v->empty();
    };
    for (Field f : {Field::Text, Field::ThreadId, Field::PostId}) {
        if (f == Field::ThreadId && (!has_thread_id_ || !defaults.thread_key.empty())) continue;
        if (f == Field::PostId && (!has_post_id_ || !defaults.post_id.empty())) continue;
        if (missing(f)) {
            reject_(Reject{line, offset, "record without " + std::string(field_name(f)), excerpt(raw)});
            return {};
        }
    }
    sdk::Post p;
    try {
        p = post_from_record(r);
    } catch (const sdk::Error& e) {
        reject_(Reject{line, offset, e.what(), excerpt(raw)});
        return {};
    }
    if (p.post_id.empty()) p.post_id = defaults.post_id;
    if (p.post_id.empty()) p.post_id = defaults.fallback_id.empty() ? std::to_string(line) : defaults.fallback_id;
    std::string key;
    if (const auto& t = r.get(Field::ThreadId); t && !t->empty()) key = *t;
    else if (!defaults.thread_key.empty()) key = defaults.thread_key;
    else key = p.post_id;
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
    return p.post_id;
}

bool MappedThreads::next(sdk::Thread& out) {
    if (!store_.next(stored_)) return false;
    take_stored_thread(stored_, source_, out);
    return true;
}

}  // namespace fkb::dumps
