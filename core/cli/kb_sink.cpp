// Writing pipeline results into the KB (see kb_sink.hpp).
#include "kb_sink.hpp"

#include "cli_args.hpp"
#include "run_options.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <csignal>


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
                                                                  const std::vector<FactRecord>& facts, std::string_view) const {
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

namespace {

std::atomic<bool> g_interrupted{false};  // set by SIGINT/SIGTERM only

// The first Ctrl-C asks for a clean stop; a second one kills at once.
extern "C" void on_signal(int sig) {
    g_interrupted = true;
    std::signal(sig, SIG_DFL);
}

ProgressDisplay::Mode progress_mode(const po::variables_map& vm) {
    if (vm.count("quiet") || vm.count("no-progress")) return ProgressDisplay::Mode::kNone;
    std::string m = vm.count("progress") ? vm["progress"].as<std::string>() : "auto";
    if (m == "auto") return ::isatty(STDERR_FILENO) ? ProgressDisplay::Mode::kBar : ProgressDisplay::Mode::kNone;
    if (m == "bar") return ProgressDisplay::Mode::kBar;
    if (m == "plain") return ProgressDisplay::Mode::kPlain;
    if (m == "none") return ProgressDisplay::Mode::kNone;
    throw CliError(kExitUsage, "--progress " + m + ": expected auto, bar, plain or none");
}

}  // namespace

void KbRun::add_options(po::options_description& opts) {
    opts.add_options()("db", po::value<std::string>()->value_name("FILE")->required(),
                       "the knowledge base (created if missing)")(
        "progress", po::value<std::string>()->value_name("auto|bar|plain|none")->default_value("auto"),
        "progress on stderr: bar (auto on a terminal), plain (a line every few seconds, for logs), none")(
        "no-progress", "same as --progress none")("quiet,q", "no progress and no summary line (errors still print)")(
        "batch-size", po::value<int>()->value_name("N")->default_value(1024),
        "threads per transaction; a crash loses at most the open batch");
}

KbRun::KbRun(const CliContext& ctx, const po::variables_map& vm, pipeline::ProgressCounters& counters)
    : ctx_(ctx),
      db_(vm["db"].as<std::string>()),
      quiet_(vm.count("quiet") > 0),
      mode_(progress_mode(vm)),
      counters_(counters) {
    if (vm["batch-size"].as<int>() < 1) throw CliError(kExitUsage, "--batch-size must be at least 1");
    try {
        writer_ = std::make_unique<kb::KbWriter>(db_);
    } catch (const std::exception& e) {
        throw CliError(kExitInput, e.what());
    }
    writer_->set_batch_size(vm["batch-size"].as<int>());
    g_interrupted = false;
    old_int_ = std::signal(SIGINT, on_signal);
    old_term_ = std::signal(SIGTERM, on_signal);
}

KbRun::~KbRun() {
    display_.reset();
    std::signal(SIGINT, old_int_);
    std::signal(SIGTERM, old_term_);
}

void KbRun::start(uint64_t total_bytes, std::size_t n_inputs) {
    display_ = std::make_unique<ProgressDisplay>(mode_, counters_, total_bytes, n_inputs);
    sink_ = std::make_unique<KbSink>(ctx_, *writer_, display_.get());
}

const std::atomic<bool>* KbRun::interrupt() { return &g_interrupted; }

int KbRun::finish(const std::string& verb, const pipeline::PipelineReport& report, bool strict_mode,
                  bool missing_inputs) {
    display_->stop();
    try {
        writer_->commit();
        writer_.reset();
    } catch (const std::exception& e) {
        if (sink_->kb_error().empty()) throw CliError(kExitInput, e.what());
    }
    if (!sink_->kb_error().empty()) throw CliError(kExitInput, sink_->kb_error());
    const double secs = display_->elapsed();
    const double mb = static_cast<double>(counters_.bytes_done.load()) / 1e6;
    if (!quiet_)
        ctx_.out() << fmt::format("{} {} threads ({} posts, {} facts) from {} inputs into {}; {} rejected, {} "
                                  "skipped as already ingested; {}, {:.1f} s, {:.1f} MB/s{}\n",
                                  verb, report.threads, report.posts, report.facts, report.inputs, db_,
                                  report.rejects, report.skipped, human_bytes(mb * 1e6), secs,
                                  mb / std::max(secs, 1e-3),
                                  g_interrupted ? "; interrupted (run the same command again to resume)" : "")
                   << std::flush;
    if (g_interrupted) return kExitInterrupted;
    if (missing_inputs && run_exit_code(report, strict_mode) == kExitOk) return kExitInput;
    return run_exit_code(report, strict_mode);
}

}  // namespace fkb::cli
