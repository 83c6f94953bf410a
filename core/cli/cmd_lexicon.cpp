// forumkb lexicon suggest --db FILE: the cause and remedy phrases the
// extractors found but could not map to a lexicon concept, most frequent
// first, with the number of threads and authors that use them, so that a
// curator can grow the lexicon from real dumps.
#include "command.hpp"

#include "cli_args.hpp"

#include <forumkb/kb/lexicon_suggest.hpp>

namespace fkb::cli {

int run_lexicon(const CliContext& ctx, std::vector<std::string> args) {
    po::options_description opts("options");
    int64_t min_count = 2, limit = 50;
    opts.add_options()("action", po::value<std::string>()->value_name("ACTION"), "suggest")(
        "db", po::value<std::string>()->value_name("FILE"), "the knowledge base")(
        "kind", po::value<std::string>()->value_name("cause|remedy")->default_value(""),
        "only causes or only remedies (default: both)")(
        "min-count", po::value<int64_t>(&min_count)->default_value(2)->value_name("N"),
        "only phrases mentioned at least N times")(
        "limit", po::value<int64_t>(&limit)->default_value(50)->value_name("N"), "at most N phrases (0: all)")(
        "json", po::bool_switch(), "print one JSON array");
    po::positional_options_description pos;
    pos.add("action", 1);
    po::variables_map vm;
    if (auto code = parse_args(ctx, "lexicon",
                               "lexicon suggest --db FILE [--kind cause|remedy] [--min-count N] [--limit N] [--json]",
                               "suggest: the cause and remedy phrases of a knowledge base that no lexicon concept\n"
                               "         names (their concept id starts with cause: or remedy:), most mentioned\n"
                               "         first, with the number of mentions, threads and authors; text quoted\n"
                               "         from another post is not counted again",
                               opts, pos, args, vm))
        return *code;
    std::string action = vm.count("action") ? vm["action"].as<std::string>() : "";
    if (action != "suggest") {
        ctx.error("lexicon", "expected suggest (see forumkb lexicon --help)");
        return kExitUsage;
    }
    if (!vm.count("db")) {
        ctx.error("lexicon", "the option '--db' is required but missing (see forumkb lexicon --help)");
        return kExitUsage;
    }
    kb::LexiconSuggestOptions o;
    o.kind = vm["kind"].as<std::string>();
    if (!o.kind.empty() && o.kind != "cause" && o.kind != "remedy") {
        ctx.error("lexicon", "--kind must be cause or remedy, not '" + o.kind + "'");
        return kExitUsage;
    }
    if (min_count < 1 || limit < 0) {
        ctx.error("lexicon", "--min-count must be at least 1 and --limit at least 0");
        return kExitUsage;
    }
    o.min_count = min_count;
    o.limit = limit;
    try {
        kb::KbReader reader(vm["db"].as<std::string>());
        auto rows = kb::suggest_lexicon_entries(reader, o);
        ctx.out() << (vm["json"].as<bool>() ? kb::render_suggestions_json(rows) : kb::render_suggestions_text(rows));
    } catch (const kb::KbError& e) {
        throw CliError(kExitInput, e.what());
    }
    return kExitOk;
}

}  // namespace fkb::cli
