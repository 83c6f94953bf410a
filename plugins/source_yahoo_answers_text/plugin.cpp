// The source_yahoo_answers_text plugin: glue between the SDK and the Yahoo
// Answers page parser. One input file is one page is one thread; the page is read whole
// (pages are small; max_bytes guards against a huge file sent here by
// --source), parsed, and emitted, with rejects passed to the host.
#include "yahoo_parser.hpp"

#include <forumkb/sdk.hpp>

#include <string>

namespace {

const fkb_option_spec kOptions[] = {
    {"max_bytes", FKB_OPT_INT, "16777216",
     "Largest page accepted, in bytes; a larger input is rejected whole (a copied page is a few KiB)"},
};

class YahooAnswersTextSource {
public:
    static double sniff(std::string_view head, std::string_view file_name) {
        return fkb::seedsrc::sniff_yahoo_answers_text(head, file_name);
    }

    YahooAnswersTextSource(fkb::sdk::Host host, fkb::sdk::Input& input, const fkb::sdk::Options& options)
        : host_(host), input_(input), max_bytes_(options.get_int("max_bytes", 16 << 20)) {}

    bool next(fkb::sdk::ThreadSink& sink) {
        if (done_) return false;
        done_ = true;
        std::string bytes;
        if (!fkb::seedsrc::read_page(input_, max_bytes_, bytes)) {
            sink.reject("page larger than max_bytes (" + std::to_string(max_bytes_) +
                            " bytes): not a thread page copied as text",
                        0, -1);
            return false;
        }
        auto parsed = fkb::seedsrc::parse_yahoo_answers_text(
            bytes,
            [&](uint64_t line, int64_t offset, std::string_view reason, std::string_view excerpt) {
                sink.reject(reason, line, offset, excerpt);
            },
            input_.name());
        if (parsed.invalid_utf8)
            host_.log(FKB_LOG_WARN, std::string(input_.name()) + ": replaced " + std::to_string(parsed.invalid_utf8) +
                                        " invalid UTF-8 byte(s) with U+FFFD");
        if (!parsed.thread) return false;
        return sink.emit(*parsed.thread);
    }

private:
    fkb::sdk::Host host_;
    fkb::sdk::Input& input_;
    long long max_bytes_;
    bool done_ = false;
};

}  // namespace

FKB_SOURCE_PLUGIN(YahooAnswersTextSource, "source_yahoo_answers_text", "1.0.0",
                  "Yahoo Answers question pages copied as plain text", "MIT", kOptions,
                  FKB_SDK_COUNT(kOptions))
