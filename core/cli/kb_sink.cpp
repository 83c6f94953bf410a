// Writing pipeline results into the KB (see kb_sink.hpp).
#include "kb_sink.hpp"

#include "cli_args.hpp"


namespace fkb::cli {

KbSink::KbSink(const CliContext& ctx, kb::KbWriter& writer, ProgressDisplay* display)
    : ctx_(ctx), writer_(writer), display_(display) {}

template <class Fn>
bool KbSink::guarded(Fn&& fn) {
    if (!kb_error_.empty()) return false;
    try {
        std::lock_guard<std::mutex> lock(mutex_);
        fn();
        return true;
    } catch (const std::exception& e) {
        kb_error_ = e.what();
        return false;
    }
}

bool KbSink::skip_input(const pipeline::InputInfo& input) {
    if (input.path == "-" || input.hash.empty()) return false;
    bool done = false;
    guarded([&] { done = writer_.file_done(input.path, input.size, input.hash); });
    return done;
}

void KbSink::begin_input(const pipeline::InputInfo& input) {
    guarded([&] { file_id_ = writer_.begin_file(input.path, input.size, input.hash); });
}

bool KbSink::thread(const pipeline::InputInfo& /*input*/, std::string_view /*source_file*/, const Thread& thread,
                    const std::vector<FactRecord>& facts) {
    return guarded([&] { writer_.write_thread(file_id_, thread, facts); });
}

namespace {
struct PreparedRows final : pipeline::PipelineSink::Prepared {
    kb::ThreadRowsPtr rows;
};
}  // namespace

std::unique_ptr<pipeline::PipelineSink::Prepared> KbSink::prepare(const Thread& thread,
                                                                  const std::vector<FactRecord>& facts) const {
    auto p = std::make_unique<PreparedRows>();
    p->rows = kb::KbWriter::prepare(thread, facts);
    return p;
}

bool KbSink::thread_prepared(const pipeline::InputInfo& input, std::string_view source_file, const Thread& thread,
                             const std::vector<FactRecord>& facts, Prepared* prepared) {
    auto* rows = dynamic_cast<PreparedRows*>(prepared);
    if (!rows || !rows->rows) return this->thread(input, source_file, thread, facts);
    return guarded([&] { writer_.write_thread(file_id_, thread, facts, *rows->rows); });
}

void KbSink::reject(const pipeline::InputInfo& /*input*/, const pipeline::Reject& reject) {
    guarded([&] { writer_.write_reject(file_id_, reject); });
}

void KbSink::end_input(const pipeline::InputInfo& /*input*/, bool complete) {
    guarded([&] { writer_.finish_file(file_id_, complete ? "done" : "partial"); });
    file_id_ = -1;
}

void KbSink::diagnostic(std::string_view message) {
    if (display_) display_->clear();
    ctx_.error("", message);
}

}  // namespace fkb::cli
