// Drawing ingest progress on stderr (see progress_display.hpp).
#include "progress_display.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdio>

namespace fkb::cli {

std::string human_bytes(double b) {
    if (b < 1e3) return fmt::format("{:.0f} B", b);
    if (b < 1e6) return fmt::format("{:.0f} kB", b / 1e3);
    if (b < 1e9) return fmt::format("{:.1f} MB", b / 1e6);
    return fmt::format("{:.2f} GB", b / 1e9);
}

std::string human_duration(double s) {
    if (!std::isfinite(s) || s < 0) return "?";
    auto t = static_cast<uint64_t>(s + 0.5);
    if (t >= 3600) return fmt::format("{}:{:02}:{:02}", t / 3600, t / 60 % 60, t % 60);
    return fmt::format("{}:{:02}", t / 60, t % 60);
}

ProgressDisplay::ProgressDisplay(Mode mode, const pipeline::ProgressCounters& counters, uint64_t total_bytes,
                                 std::size_t n_inputs, std::chrono::milliseconds plain_every)
    : mode_(mode),
      c_(counters),
      total_(total_bytes),
      n_inputs_(n_inputs),
      every_(plain_every),
      start_(std::chrono::steady_clock::now()) {
    if (mode_ != Mode::kNone) thread_ = std::thread([this] { loop(); });
}

ProgressDisplay::~ProgressDisplay() { stop(); }

double ProgressDisplay::elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

std::string ProgressDisplay::line(bool bar) const {
    const auto rl = std::memory_order_relaxed;
    double t = std::max(elapsed(), 1e-3);
    double done = static_cast<double>(c_.bytes_done.load(rl));
    uint64_t threads = c_.threads.load(rl), facts = c_.facts.load(rl), rejects = c_.rejects.load(rl);
    std::string out = "forumkb: ingest ";
    if (total_ > 0) {
        double frac = std::min(1.0, done / static_cast<double>(total_));
        if (bar) {
            constexpr int kWidth = 24;
            int fill = static_cast<int>(frac * kWidth);
            out += '[' + std::string(fill, '#') + std::string(kWidth - fill, '-') + "] ";
        }
        out += fmt::format("{:3.0f}% {}/{}", frac * 100, human_bytes(done), human_bytes(static_cast<double>(total_)));
    } else {
        out += human_bytes(done);
    }
    out += fmt::format(", file {}/{}, {} threads ({:.0f}/s), {} facts ({:.0f}/s), {:.1f} MB/s, {} rejects",
                       c_.inputs_done.load(rl), n_inputs_, threads, threads / t, facts, facts / t, done / t / 1e6,
                       rejects);
    if (total_ > 0 && done > 0) out += ", ETA " + human_duration((static_cast<double>(total_) - done) * t / done);
    return out;
}

void ProgressDisplay::loop() {
    const auto tick = mode_ == Mode::kBar ? std::chrono::milliseconds(200) : every_;
    std::unique_lock<std::mutex> lock(mutex_);
    while (!cv_.wait_for(lock, tick, [this] { return stopping_; })) {
        std::string text = line(mode_ == Mode::kBar);
        if (mode_ == Mode::kBar) {
            text = "\r" + text + "\033[K";
            shown_ = true;
        } else {
            text += '\n';
        }
        std::fwrite(text.data(), 1, text.size(), stderr);
        std::fflush(stderr);
    }
}

void ProgressDisplay::clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shown_) std::fwrite("\r\033[K", 1, 4, stderr);
    shown_ = false;
}

void ProgressDisplay::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
    clear();
}

}  // namespace fkb::cli
