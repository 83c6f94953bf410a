// source_stackexchange: the loadable plugin over StackExchangeParser.
//
// A thin shell: options from the fkb_option_spec table become
// StackExchangeOptions, the parser's rejects go to the current sink, and
// threads go out one per next_thread() call.
#include "se_sniff.hpp"
#include "stackexchange_parser.hpp"

#include <forumkb/sdk.hpp>

namespace {

const fkb_option_spec kOptions[] = {
    {"siblings", FKB_OPT_BOOL, "true", "read Users.xml and Comments.xml from the directory of Posts.xml"},
    {"users", FKB_OPT_STRING, nullptr, "path of Users.xml (overrides the sibling)"},
    {"comments", FKB_OPT_STRING, nullptr, "path of Comments.xml (overrides the sibling)"},
    {"site", FKB_OPT_STRING, nullptr, "site host name for forum and urls (default: the input's directory name)"},
    {"memory_mb", FKB_OPT_INT, "256", "memory for waiting posts before they spill to a temporary file"},
    {"temp_dir", FKB_OPT_STRING, nullptr, "directory of the spill file (default: SQLITE_TMPDIR or /var/tmp)"},
};

class StackExchangeSource {
public:
    static double sniff(std::string_view head, std::string_view name) {
        return fkb::dumps::sniff_stackexchange(head, name);
    }

    StackExchangeSource(fkb::sdk::Host host, fkb::sdk::Input& input, const fkb::sdk::Options& options)
        : host_(host), parser_(input, make_options(options), [this](const fkb::dumps::Reject& r) {
              if (sink_) sink_->reject(r.reason, r.line, r.offset, r.excerpt);
          }) {}

    bool next(fkb::sdk::ThreadSink& sink) {
        sink_ = &sink;
        bool got = parser_.next(thread_);
        if (!got && !reported_) {
            reported_ = true;
            const auto& s = parser_.stats();
            if (parser_.kind() == "posts")
                host_.log(FKB_LOG_INFO, std::to_string(s.questions) + " questions, " + std::to_string(s.answers) +
                                            " answers, " + std::to_string(s.comments) + " comments, " +
                                            std::to_string(s.users) + " users");
            else
                host_.log(FKB_LOG_INFO, "<" + parser_.kind() + "> is read as a sibling of Posts.xml: no threads");
        }
        sink_ = nullptr;
        if (!got) return false;
        return sink.emit(thread_);
    }

private:
    static fkb::dumps::StackExchangeOptions make_options(const fkb::sdk::Options& o) {
        fkb::dumps::StackExchangeOptions s;
        s.siblings = o.get_bool("siblings", true);
        s.users_path = o.get_or("users", "");
        s.comments_path = o.get_or("comments", "");
        s.site = o.get_or("site", "");
        s.store.cache_bytes = o.get_int("memory_mb", 256) << 20;
        s.store.temp_dir = o.get_or("temp_dir", "");
        return s;
    }

    fkb::sdk::Host host_;
    fkb::sdk::ThreadSink* sink_ = nullptr;
    fkb::dumps::StackExchangeParser parser_;
    fkb::sdk::Thread thread_;
    bool reported_ = false;
};

}  // namespace

FKB_SOURCE_PLUGIN(StackExchangeSource, "source_stackexchange", "1.0.0",
                  "Stack Exchange data dump (Posts.xml with Users.xml and Comments.xml)", "MIT", kOptions,
                  FKB_SDK_COUNT(kOptions))
