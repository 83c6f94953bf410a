// source_reddit: the loadable plugin over RedditParser.
#include "reddit_parser.hpp"
#include "reddit_sniff.hpp"

#include <forumkb/sdk.hpp>

namespace {

const fkb_option_spec kOptions[] = {
    {"partial_threads", FKB_OPT_BOOL, "true",
     "emit comments whose submission is not in the input as a thread without title, keyed by the submission id"},
    {"memory_mb", FKB_OPT_INT, "256", "memory for waiting posts before they spill to a temporary file"},
    {"temp_dir", FKB_OPT_STRING, nullptr, "directory of the spill file (default: SQLITE_TMPDIR or /var/tmp)"},
};

class RedditSource {
public:
    static double sniff(std::string_view head, std::string_view name) { return fkb::dumps::sniff_reddit(head, name); }

    RedditSource(fkb::sdk::Host host, fkb::sdk::Input& input, const fkb::sdk::Options& options)
        : host_(host), parser_(input, make_options(options), [this](const fkb::dumps::Reject& r) {
              if (sink_) sink_->reject(r.reason, r.line, r.offset, r.excerpt);
          }) {}

    bool next(fkb::sdk::ThreadSink& sink) {
        sink_ = &sink;
        bool got = parser_.next(thread_);
        sink_ = nullptr;
        if (!got) {
            if (!reported_) {
                reported_ = true;
                const auto& s = parser_.stats();
                host_.log(FKB_LOG_INFO, std::to_string(s.submissions) + " submissions, " +
                                            std::to_string(s.comments) + " comments, " + std::to_string(s.deleted) +
                                            " deleted or removed, " + std::to_string(s.partial_threads) +
                                            " partial threads");
            }
            return false;
        }
        return sink.emit(thread_);
    }

private:
    static fkb::dumps::RedditOptions make_options(const fkb::sdk::Options& o) {
        fkb::dumps::RedditOptions r;
        r.partial_threads = o.get_bool("partial_threads", true);
        r.store.cache_bytes = o.get_int("memory_mb", 256) << 20;
        r.store.temp_dir = o.get_or("temp_dir", "");
        return r;
    }

    fkb::sdk::Host host_;
    fkb::sdk::ThreadSink* sink_ = nullptr;
    fkb::dumps::RedditParser parser_;
    fkb::sdk::Thread thread_;
    bool reported_ = false;
};

}  // namespace

FKB_SOURCE_PLUGIN(RedditSource, "source_reddit", "1.0.0", "Reddit dumps: Pushshift NDJSON and CSV listing exports",
                  "MIT", kOptions, FKB_SDK_COUNT(kOptions))
