// forumkb search TEXT --db FILE: full-text search over posts, bm25-ranked,
// with the matching words highlighted in a snippet of each post.
#include "command.hpp"

#include "cli_args.hpp"

#include <forumkb/kb/search.hpp>

#include <unistd.h>

#include <iostream>

namespace fkb::cli {

int run_search(const CliContext& ctx, std::vector<std::string> args) {
    po::options_description opts("options");
    kb::SearchOptions s;
    opts.add_options()("text", po::value<std::vector<std::string>>()->value_name("TEXT"), "words to find")(
        "db", po::value<std::string>()->value_name("FILE")->required(), "the knowledge base")(
        "json", po::bool_switch(), "print one JSON document")(
        "limit", po::value<int>(&s.limit)->default_value(20)->value_name("N"), "posts to list")(
        "raw", po::bool_switch(), "TEXT is an FTS5 query expression (AND, OR, NEAR, \"phrases\", prefix*)");
    po::positional_options_description pos;
    pos.add("text", -1);
    po::variables_map vm;
    if (auto code = parse_args(ctx, "search", "search TEXT --db FILE [--json] [--limit N] [--raw]",
                               "Finds the posts with all the words (or, when none has them all, any of\n"
                               "them), best bm25 first, with the matches highlighted.",
                               opts, pos, args, vm))
        return *code;
    if (!vm.count("text")) {
        ctx.error("search", "no words given (forumkb search TEXT --db FILE)");
        return kExitUsage;
    }
    std::string text;
    for (const auto& w : vm["text"].as<std::vector<std::string>>()) text += (text.empty() ? "" : " ") + w;
    s.raw = vm["raw"].as<bool>();
    bool json = vm["json"].as<bool>();
    if (!json && ctx.out_stream == &std::cout && isatty(STDOUT_FILENO)) {
        s.open = "\033[1m";
        s.close = "\033[0m";
    }
    try {
        kb::KbReader reader(vm["db"].as<std::string>());
        auto result = kb::run_search(reader, text, s);
        ctx.out() << (json ? kb::render_search_json(result) : kb::render_search_text(result));
    } catch (const kb::KbError& e) {
        throw CliError(s.raw ? kExitUsage : kExitInput, e.what());
    }
    return kExitOk;
}

}  // namespace fkb::cli
