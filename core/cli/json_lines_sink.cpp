// JSON-lines output of parse and extract (see json_lines_sink.hpp).
#include "json_lines_sink.hpp"

#include "cli_args.hpp"

#include <forumkb/fact_json.hpp>
#include <forumkb/thread_json.hpp>

#include <ostream>

namespace fkb::cli {

namespace {

struct PreparedLines final : pipeline::PipelineSink::Prepared {
    std::string text;
};

void append_lines(std::string& out, JsonLinesSink::Format format, std::string_view source_file, const Thread& thread,
                  const std::vector<FactRecord>& facts) {
    if (format == JsonLinesSink::Format::kThreads) {
        append_thread_json(out, thread);
        out += '\n';
    } else {
        append_thread_records(out, source_file, thread, facts);
    }
}

}  // namespace

std::unique_ptr<pipeline::PipelineSink::Prepared> JsonLinesSink::prepare(const Thread& thread,
                                                                          const std::vector<FactRecord>& facts,
                                                                          std::string_view source_file) const {
    auto p = std::make_unique<PreparedLines>();
    append_lines(p->text, format_, source_file, thread, facts);
    return p;
}

bool JsonLinesSink::thread_prepared(const pipeline::InputInfo& input, std::string_view source_file,
                                    const Thread& thread, const std::vector<FactRecord>& facts, Prepared* prepared) {
    auto* lines = dynamic_cast<PreparedLines*>(prepared);
    if (!lines) return this->thread(input, source_file, thread, facts);
    buffer_ += lines->text;
    if (buffer_.size() >= (1u << 20)) return flush();
    return true;
}

bool JsonLinesSink::thread(const pipeline::InputInfo& /*input*/, std::string_view source_file, const Thread& thread,
                           const std::vector<FactRecord>& facts) {
    append_lines(buffer_, format_, source_file, thread, facts);
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
