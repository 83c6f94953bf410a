// source_csv: the loadable plugin over MappedCsvParser.
#include "csv_sniff.hpp"
#include "csv_source_parser.hpp"
#include "mapped_options.hpp"

#include <forumkb/sdk.hpp>

namespace {

const fkb_option_spec kOptions[] = {
    {"map", FKB_OPT_STRING, nullptr,
     "field=column pairs, e.g. title=Subject,text=Body,author=User,thread_id=ThreadId,post_id=Id,"
     "parent_id=ReplyTo,created=Date"},
    {"map_file", FKB_OPT_STRING, nullptr, "file of field=column lines (default: <input>.map when it exists)"},
    {"delimiter", FKB_OPT_STRING, nullptr, "comma or tab (default: from the file name or the header)"},
    {"source", FKB_OPT_STRING, "csv", "the source name given to the threads"},
    {"memory_mb", FKB_OPT_INT, "256", "memory for waiting rows before they spill to a temporary file"},
    {"temp_dir", FKB_OPT_STRING, nullptr, "directory of the spill file (default: SQLITE_TMPDIR or /var/tmp)"},
};

class CsvSource {
public:
    static double sniff(std::string_view head, std::string_view name) { return fkb::dumps::sniff_csv(head, name); }

    CsvSource(fkb::sdk::Host, fkb::sdk::Input& input, const fkb::sdk::Options& options)
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
    static fkb::dumps::CsvOptions make_options(fkb::sdk::Input& input, const fkb::sdk::Options& o) {
        fkb::dumps::CsvOptions c;
        c.map = o.get_or("map", "");
        c.map_text = fkb::dumps::read_map_text(o.get_or("map_file", ""), input.name());
        std::string d = o.get_or("delimiter", "");
        if (d == "tab" || d == "\t" || d == "\\t") c.delimiter = '\t';
        else if (d == "comma" || d == ",") c.delimiter = ',';
        else if (d == "semicolon" || d == ";") c.delimiter = ';';
        else if (!d.empty()) throw fkb::sdk::Error("delimiter: '" + d + "' is not comma, tab or semicolon");
        c.source = o.get_or("source", "csv");
        c.store.cache_bytes = o.get_int("memory_mb", 256) << 20;
        c.store.temp_dir = o.get_or("temp_dir", "");
        return c;
    }

    fkb::sdk::ThreadSink* sink_ = nullptr;
    fkb::dumps::MappedCsvParser parser_;
    fkb::sdk::Thread thread_;
};

}  // namespace

FKB_SOURCE_PLUGIN(CsvSource, "source_csv", "1.0.0", "CSV / TSV exports with a header, mapped to threads", "MIT",
                  kOptions, FKB_SDK_COUNT(kOptions))
