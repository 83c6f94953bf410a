// source_json: the loadable plugin over MappedJsonParser.
#include "json_sniff.hpp"
#include "json_source_parser.hpp"
#include "mapped_options.hpp"

#include <forumkb/sdk.hpp>

namespace {

const fkb_option_spec kOptions[] = {
    {"map", FKB_OPT_STRING, nullptr,
     "field=key pairs (dotted keys reach nested objects), e.g. title=subject,text=body,author=user.name"},
    {"map_file", FKB_OPT_STRING, nullptr, "file of field=key lines (default: <input>.map when it exists)"},
    {"replies", FKB_OPT_STRING, "replies", "key of nested reply arrays"},
    {"source", FKB_OPT_STRING, "json", "the source name given to the threads"},
    {"memory_mb", FKB_OPT_INT, "256", "memory for waiting records before they spill to a temporary file"},
    {"temp_dir", FKB_OPT_STRING, nullptr, "directory of the spill file (default: SQLITE_TMPDIR or /var/tmp)"},
};

class JsonSource {
public:
    static double sniff(std::string_view head, std::string_view name) { return fkb::dumps::sniff_json(head, name); }

    JsonSource(fkb::sdk::Host, fkb::sdk::Input& input, const fkb::sdk::Options& options)
        : parser_(input, make_options(input, options), [this](const fkb::dumps::Reject& r) {
              if (sink_) sink_->reject(r.reason, r.line, r.offset, r.excerpt);
          }) {}

    bool next(fkb::sdk::ThreadSink& sink) {
        sink_ = &sink;
        bool got = parser_.next(thread_);
        sink_ = nullptr;
        return got && sink.emit(thread_);
    }

private:
    static fkb::dumps::JsonOptions make_options(fkb::sdk::Input& input, const fkb::sdk::Options& o) {
        fkb::dumps::JsonOptions j;
        j.map = o.get_or("map", "");
        j.map_text = fkb::dumps::read_map_text(o.get_or("map_file", ""), input.name());
        j.replies = o.get_or("replies", "replies");
        j.source = o.get_or("source", "json");
        j.store.cache_bytes = o.get_int("memory_mb", 256) << 20;
        j.store.temp_dir = o.get_or("temp_dir", "");
        return j;
    }

    fkb::sdk::ThreadSink* sink_ = nullptr;
    fkb::dumps::MappedJsonParser parser_;
    fkb::sdk::Thread thread_;
};

}  // namespace

FKB_SOURCE_PLUGIN(JsonSource, "source_json", "1.0.0", "JSON exports (arrays or JSON lines) mapped to threads", "MIT",
                  kOptions, FKB_SDK_COUNT(kOptions))
