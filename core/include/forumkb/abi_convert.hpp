// Moving threads and facts across the plugin ABI, host side.
//
// Into the host, everything is copied and checked: a plugin's fkb_thread
// becomes an fkb::Thread (struct sizes checked, required ids present, quote
// offsets inside their post, text repaired to valid UTF-8 with offsets
// remapped), and a plugin's fkb_fact becomes an fkb::Fact only if it is
// valid for its thread (known kind, evidence inside the post and on UTF-8
// boundaries, typed attribute values that parse). Out of the host, a model
// thread is lent to plugins as ABI views over its own storage.
#pragma once

#include <forumkb/model.hpp>
#include <forumkb/plugin.h>
#include <forumkb/text/analyzer.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fkb::plugin {

/// A record from a plugin that breaks the ABI contract; what() is one line.
struct AbiError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Copies a plugin's thread into the model. Throws AbiError. An empty
/// source is filled with default_source.
Thread to_thread(const fkb_thread& thread, std::string_view default_source = {});

/// The fact kinds of schemas/facts.schema.json.
bool is_known_fact_kind(std::string_view kind) noexcept;

/// Validates a plugin's fact against its thread (and, when given, the
/// thread's analysis, for the sentence index) and copies it. Throws AbiError.
Fact to_fact(const fkb_fact& fact, const Thread& thread, const std::vector<text::PostAnalysis>* analysis = nullptr);

/// A model thread as an fkb_thread; views into `thread`, which must outlive
/// this object and stay unchanged.
class ThreadAbi {
public:
    explicit ThreadAbi(const Thread& thread);
    ThreadAbi(const ThreadAbi&) = delete;
    ThreadAbi& operator=(const ThreadAbi&) = delete;
    const fkb_thread* get() const noexcept { return &thread_; }

private:
    std::vector<fkb_post> posts_;
    std::vector<std::vector<fkb_quote>> quotes_;
    fkb_thread thread_{};
};

/// A model thread with its analysis as an fkb_thread_view.
class ThreadViewAbi {
public:
    ThreadViewAbi(const Thread& thread, const std::vector<text::PostAnalysis>& analysis, std::string_view source_file);
    ThreadViewAbi(const ThreadViewAbi&) = delete;
    ThreadViewAbi& operator=(const ThreadViewAbi&) = delete;
    const fkb_thread_view* get() const noexcept { return &view_; }

private:
    ThreadAbi thread_;
    std::vector<fkb_post_analysis> posts_;
    fkb_thread_view view_{};
};

}  // namespace fkb::plugin
