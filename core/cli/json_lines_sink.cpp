// JSON-lines output of parse and extract (see json_lines_sink.hpp).
#include "json_lines_sink.hpp"

#include "cli_args.hpp"

#include <forumkb/fact_json.hpp>
#include <forumkb/thread_json.hpp>

#include <ostream>

namespace fkb::cli {

bool JsonLinesSink::thread(const pipeline::InputInfo& /*input*/, std::string_view source_file, const Thread& thread,
                           const std::vector<FactRecord>& facts) {
    if (format_ == Format::kThreads) {
        append_thread_json(buffer_, thread);
        buffer_ += '\n';
    } else {
        append_thread_records(buffer_, source_file, thread, facts);
    }
    if (buffer_.size() >= (1u << 20)) return flush();
    return true;
}

bool JsonLinesSink::flush() {
    if (!buffer_.empty()) {
        ctx_.out().write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
    }
    ctx_.out().flush();
    return static_cast<bool>(ctx_.out());
}

void JsonLinesSink::reject(const pipeline::InputInfo& /*input*/, const pipeline::Reject& r) {
    ctx_.error(location(r.file, r.line, r.offset), r.reason);
}

void JsonLinesSink::diagnostic(std::string_view message) { ctx_.error("", message); }

}  // namespace fkb::cli
