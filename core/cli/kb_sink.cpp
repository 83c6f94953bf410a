// Writing pipeline results into the KB (see kb_sink.hpp).
#include "kb_sink.hpp"

#include "cli_args.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace fkb::cli {

KbSink::KbSink(const CliContext& ctx, kb::KbWriter& writer, std::size_t n_inputs, bool progress)
    : ctx_(ctx), writer_(writer), n_inputs_(n_inputs), progress_(progress) {}

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
    progress(true);
}

bool KbSink::thread(const pipeline::InputInfo& /*input*/, std::string_view /*source_file*/, const Thread& thread,
                    const std::vector<FactRecord>& facts) {
    ++threads_;
    bool ok = guarded([&] { writer_.write_thread(file_id_, thread, facts); });
    progress(false);
    return ok;
}

void KbSink::reject(const pipeline::InputInfo& /*input*/, const pipeline::Reject& reject) {
    ++rejects_;
    guarded([&] { writer_.write_reject(file_id_, reject); });
}

void KbSink::end_input(const pipeline::InputInfo& /*input*/, bool complete) {
    ++done_inputs_;
    guarded([&] { writer_.finish_file(file_id_, complete ? "done" : "partial"); });
    file_id_ = -1;
    progress(true);
}

void KbSink::diagnostic(std::string_view message) {
    finish_progress();
    ctx_.error("", message);
}

void KbSink::progress(bool force) {
    if (!progress_) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last_progress_ < std::chrono::milliseconds(200)) return;
    last_progress_ = now;
    std::string line = fmt::format("\rforumkb: ingest: file {}/{}, {} threads, {} rejects ", done_inputs_, n_inputs_,
                                   threads_, rejects_);
    std::fwrite(line.data(), 1, line.size(), stderr);
    progress_shown_ = true;
}

void KbSink::finish_progress() {
    if (!progress_shown_) return;
    std::fwrite("\r\033[K", 1, 4, stderr);
    progress_shown_ = false;
}

}  // namespace fkb::cli
