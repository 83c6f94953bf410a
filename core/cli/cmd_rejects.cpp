// forumkb rejects --db FILE: the records set aside during ingest, each with
// its file, line or offset, the plugin that rejected it and why.
#include "command.hpp"

#include "cli_args.hpp"

#include <forumkb/kb/thread_report.hpp>

namespace fkb::cli {

int run_rejects(const CliContext& ctx, std::vector<std::string> args) {
    po::options_description opts("options");
    int limit = 0;
    opts.add_options()("db", po::value<std::string>()->value_name("FILE")->required(), "the knowledge base")(
        "file", po::value<std::string>()->value_name("PATH")->default_value(""), "only the rejects of this input file")(
        "limit", po::value<int>(&limit)->default_value(0)->value_name("N"), "at most N records (0: all)")(
        "json", po::bool_switch(), "print one JSON array");
    po::positional_options_description pos;
    po::variables_map vm;
    if (auto code = parse_args(ctx, "rejects", "rejects --db FILE [--file PATH] [--limit N] [--json]",
                               "Lists the records set aside during ingest, in file and line order.", opts, pos,
                               args, vm))
        return *code;
    try {
        kb::KbReader reader(vm["db"].as<std::string>());
        auto rows = kb::list_rejects(reader, vm["file"].as<std::string>(), limit);
        ctx.out() << (vm["json"].as<bool>() ? kb::render_rejects_json(rows) : kb::render_rejects_text(rows));
    } catch (const kb::KbError& e) {
        throw CliError(kExitInput, e.what());
    }
    return kExitOk;
}

}  // namespace fkb::cli
