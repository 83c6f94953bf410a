// source_example: the template source plugin, reading the small "forumkb
// example" text format (README.md in this folder describes it):
//
//   @forumkb-example 1
//   @thread knees-42
//   @title Knees after hill repeats
//   @post p1
//   @author hillgoat
//   @likes 3
//   My knees hurt after hill repeats.
//   @post p2
//   @parent p1
//   Try shorter strides on the way down.
//
// Lines starting with '@' are fields; every other line is text of the
// current post ("@@" at the start of a line stands for a literal '@'). A
// thread runs from its "@thread" line to the next one. A thread with a bad
// field is rejected with the line number of the field and reading goes on
// at the next "@thread".
//
// Everything a plugin needs is in <forumkb/sdk.hpp>: a class with sniff(),
// a constructor that receives the input, next() that emits one thread, and
// the FKB_SOURCE_PLUGIN line at the bottom.
#include <forumkb/sdk.hpp>

#include <charconv>
#include <optional>
#include <string>
#include <string_view>

namespace {

constexpr std::string_view kMagic = "@forumkb-example";

// The options table: shown by `forumkb plugins info source_example`,
// validated by the host (set with -o source_example.source_name=...).
const fkb_option_spec kOptions[] = {
    {"source_name", FKB_OPT_STRING, "example", "the source name written into each thread"},
};

class ExampleSource {
public:
    /// How sure we are that the input is ours: the magic first line is
    /// certain; the file extension alone is plausible.
    static double sniff(std::string_view head, std::string_view file_name) {
        if (head.substr(0, kMagic.size()) == kMagic) return 0.95;
        if (file_name.size() > 5 && file_name.substr(file_name.size() - 5) == ".fkbx") return 0.5;
        return 0.0;
    }

    ExampleSource(fkb::sdk::Host host, fkb::sdk::Input& input, const fkb::sdk::Options& options)
        : host_(host), input_(input), source_(options.get_or("source_name", "example")) {}

    /// Emits the next thread; false at the end of the input (or when the
    /// host asks us to stop).
    bool next(fkb::sdk::ThreadSink& sink) {
        for (;;) {
            std::optional<fkb::sdk::Thread> thread = read_thread(sink);
            if (!thread) return false;
            if (thread->thread_id.empty()) continue;  // rejected; go on
            return sink.emit(*thread);
        }
    }

private:
    // Reads lines up to the start of the next thread. Returns nullopt at the
    // end of the input; a thread with an empty id when it was rejected.
    std::optional<fkb::sdk::Thread> read_thread(fkb::sdk::ThreadSink& sink) {
        std::string line;
        // Find the "@thread" line (the pending one, or the next one).
        while (pending_.empty()) {
            if (!input_.read_line(line)) return std::nullopt;
            if (input_.line_number() == 1 && std::string_view(line).substr(0, kMagic.size()) == kMagic) continue;
            if (line.rfind("@thread ", 0) == 0) {
                pending_ = line;
                pending_line_ = input_.line_number();
            } else if (!line.empty()) {
                sink.reject("text outside a thread", input_.line_number(), input_.line_offset(), line.substr(0, 80));
            }
        }
        fkb::sdk::Thread t;
        t.source = source_;
        t.thread_id = pending_.substr(8);
        pending_.clear();
        std::optional<std::string> error;
        uint64_t error_line = 0;
        while (input_.read_line(line)) {
            if (line.rfind("@thread ", 0) == 0) {
                pending_ = line;
                break;
            }
            if (error) continue;  // skip the rest of a rejected thread
            if (auto bad = field_or_text(t, line)) {
                error = bad;
                error_line = input_.line_number();
            }
        }
        for (auto& p : t.posts) trim_text(p.text);
        if (!error && t.thread_id.empty()) error = "empty thread id", error_line = pending_line_;
        if (error) {
            sink.reject(*error, error_line);
            t.thread_id.clear();
        }
        return t;
    }

    // Applies one line to the thread; the reason when it is malformed.
    std::optional<std::string> field_or_text(fkb::sdk::Thread& t, const std::string& line) {
        if (line.empty() || line[0] != '@' || line.rfind("@@", 0) == 0) {
            if (t.posts.empty()) return std::string("text before the first @post");
            std::string& text = t.posts.back().text;
            if (!text.empty() || !line.empty()) {
                if (!text.empty()) text += '\n';
                text += line.rfind("@@", 0) == 0 ? line.substr(1) : line;
            }
            return std::nullopt;
        }
        auto space = line.find(' ');
        std::string key = line.substr(1, space == std::string::npos ? std::string::npos : space - 1);
        std::string value = space == std::string::npos ? std::string() : line.substr(space + 1);
        if (key == "title") t.title = value;
        else if (key == "forum") t.forum = value;
        else if (key == "category") t.category = value;
        else if (key == "url") t.url = value;
        else if (key == "post") {
            if (value.empty()) return std::string("@post needs an id");
            t.posts.emplace_back();
            t.posts.back().post_id = value;
        } else {
            if (t.posts.empty()) return "@" + key + " before the first @post";
            fkb::sdk::Post& p = t.posts.back();
            if (key == "author") p.author = value;
            else if (key == "parent") p.parent_id = value;
            else if (key == "created") p.created = value;
            else if (key == "accepted") p.accepted = value == "yes";
            else if (key == "likes") {
                int64_t n = 0;
                auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
                if (ec != std::errc() || end != value.data() + value.size() || value.empty())
                    return "@likes is not a number: '" + value + "'";
                p.likes = n;
            } else {
                return "unknown field @" + key;
            }
        }
        return std::nullopt;
    }

    static void trim_text(std::string& s) {
        while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    }

    fkb::sdk::Host host_;
    fkb::sdk::Input& input_;
    std::string source_;
    std::string pending_;  // a "@thread" line read ahead
    uint64_t pending_line_ = 0;
};

}  // namespace

FKB_SOURCE_PLUGIN(ExampleSource, "source_example", "1.0.0",
                  "The forumkb example text format (the template plugin authors copy)", "MIT", kOptions,
                  FKB_SDK_COUNT(kOptions))
