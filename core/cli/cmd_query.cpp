// forumkb query TEXT --db FILE: ranked causes and remedies for a complaint,
// with support, credibility, disputes, conflicts and (--evidence) quotes.
// The ranking is documented in docs/query.md.
#include "command.hpp"

#include "cli_args.hpp"

#include <forumkb/kb/query.hpp>

namespace fkb::cli {

int run_query(const CliContext& ctx, std::vector<std::string> args) {
    po::options_description opts("options");
    kb::QueryOptions q;
    opts.add_options()("text", po::value<std::vector<std::string>>()->value_name("TEXT"), "the complaint")(
        "db", po::value<std::string>()->value_name("FILE")->required(), "the knowledge base")(
        "json", po::bool_switch(), "print one JSON document")(
        "evidence", po::bool_switch(), "print the evidence quotes with thread, post, author and credibility")(
        "limit", po::value<int>(&q.limit)->default_value(10)->value_name("N"), "causes and remedies to list")(
        "min-support", po::value<int>(&q.min_support)->default_value(1)->value_name("N"),
        "leave out items backed by fewer independent authors")(
        "max-evidence", po::value<int>(&q.max_evidence)->default_value(0)->value_name("N"),
        "quotes per item with --evidence (0: all)");
    po::positional_options_description pos;
    pos.add("text", -1);
    po::variables_map vm;
    if (auto code = parse_args(ctx, "query", "query TEXT --db FILE [--json] [--evidence] [--limit N] [--min-support N]",
                               "Answers a complaint (\"lower back pain after running\") from the knowledge base:\n"
                               "the symptom it resolved to, then causes and remedies ranked by independent\n"
                               "authors, their credibility, certainty and reported outcomes (docs/query.md).",
                               opts, pos, args, vm))
        return *code;
    if (!vm.count("text")) {
        ctx.error("query", "no question given (forumkb query TEXT --db FILE)");
        return kExitUsage;
    }
    std::string text;
    for (const auto& w : vm["text"].as<std::vector<std::string>>()) text += (text.empty() ? "" : " ") + w;
    q.evidence = vm["evidence"].as<bool>();
    bool json = vm["json"].as<bool>();
    try {
        kb::KbReader reader(vm["db"].as<std::string>());
        auto result = kb::run_query(reader, text, q);
        ctx.out() << (json ? kb::render_query_json(result, q) : kb::render_query_text(result, q));
    } catch (const kb::KbError& e) {
        throw CliError(kExitInput, e.what());
    }
    return kExitOk;
}

}  // namespace fkb::cli
