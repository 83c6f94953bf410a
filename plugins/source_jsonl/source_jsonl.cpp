// source_jsonl: thread JSON lines in, threads out.
//
// One thread per line (schemas/thread.schema.json). Blank lines are
// skipped; a line that is not a valid thread record is rejected with its
// line number and the reason, and reading goes on with the next line. A
// UTF-8 byte order mark on the first line is ignored.
//
// Sniffing: a first non-blank line that opens a JSON object with
// "thread_id" and "posts" members is certain (0.95); an object on a file
// named *.jsonl / *.ndjson is plausible (0.6); a .jsonl name alone, 0.3.
#include <forumkb/sdk.hpp>
#include <forumkb/thread_json.hpp>

#include <string>
#include <string_view>

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool has_suffix(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view first_line(std::string_view head) {
    if (head.substr(0, kBom.size()) == kBom) head.remove_prefix(kBom.size());
    while (!head.empty() && (head.front() == '\n' || head.front() == '\r' || head.front() == ' ' || head.front() == '\t'))
        head.remove_prefix(1);
    return head.substr(0, head.find('\n'));
}

const fkb_option_spec kOptions[] = {
    {"max_line_bytes", FKB_OPT_INT, "268435456", "reject lines longer than this many bytes"},
};

class JsonlSource {
public:
    static double sniff(std::string_view head, std::string_view file_name) {
        bool named = has_suffix(file_name, ".jsonl") || has_suffix(file_name, ".ndjson");
        std::string_view line = first_line(head);
        bool object = !line.empty() && line.front() == '{';
        if (object && line.find("\"thread_id\"") != std::string_view::npos &&
            line.find("\"posts\"") != std::string_view::npos)
            return 0.95;
        if (object && named) return 0.6;
        return named ? 0.3 : 0.0;
    }

    JsonlSource(fkb::sdk::Host /*host*/, fkb::sdk::Input& input, const fkb::sdk::Options& options)
        : input_(input), max_line_(static_cast<std::size_t>(options.get_int("max_line_bytes", 268435456))) {}

    bool next(fkb::sdk::ThreadSink& sink) {
        while (input_.read_line(line_)) {
            std::string_view text = line_;
            if (input_.line_number() == 1 && text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
            if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
            if (text.size() > max_line_) {
                sink.reject("line is longer than max_line_bytes (" + std::to_string(max_line_) + ")",
                            input_.line_number(), input_.line_offset(), text.substr(0, 80));
                continue;
            }
            fkb::Thread thread;
            try {
                thread = reader_.parse(text);
            } catch (const fkb::ThreadJsonError& e) {
                sink.reject(e.what(), input_.line_number(), input_.line_offset(), text.substr(0, 80));
                continue;
            }
            return sink.emit(thread);  // false: the host asked to stop
        }
        return false;
    }

private:
    fkb::sdk::Input& input_;
    std::size_t max_line_;
    std::string line_;
    fkb::ThreadJsonReader reader_;
};

}  // namespace

FKB_SOURCE_PLUGIN(JsonlSource, "source_jsonl", "1.0.0", "Thread JSON lines, one thread per line (forumkb parse output)",
                  "MIT", kOptions, FKB_SDK_COUNT(kOptions))
