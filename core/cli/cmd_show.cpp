// forumkb show thread ID --db FILE: a stored thread with its posts, each
// author's credibility and the facts found in each post, inline.
#include "command.hpp"

#include "cli_args.hpp"

#include <forumkb/kb/thread_report.hpp>

namespace fkb::cli {

int run_show(const CliContext& ctx, std::vector<std::string> args) {
    po::options_description opts("options");
    opts.add_options()("what", po::value<std::string>()->value_name("thread"), "what to show: thread")(
        "id", po::value<std::string>()->value_name("ID"), "thread id, or SOURCE:ID")(
        "db", po::value<std::string>()->value_name("FILE")->required(), "the knowledge base")(
        "json", po::bool_switch(), "print one JSON document");
    po::positional_options_description pos;
    pos.add("what", 1).add("id", 1);
    po::variables_map vm;
    if (auto code = parse_args(ctx, "show", "show thread ID --db FILE [--json]",
                               "Prints a thread of the knowledge base with its facts inline: kind, label,\n"
                               "attributes, evidence quote and byte range, and the symptoms advice is for.",
                               opts, pos, args, vm))
        return *code;
    if (!vm.count("what") || vm["what"].as<std::string>() != "thread" || !vm.count("id")) {
        ctx.error("show", "expected: show thread ID --db FILE");
        return kExitUsage;
    }
    try {
        kb::KbReader reader(vm["db"].as<std::string>());
        auto t = kb::load_thread(reader, vm["id"].as<std::string>());
        ctx.out() << (vm["json"].as<bool>() ? kb::render_thread_json(t) : kb::render_thread_text(t));
    } catch (const kb::KbError& e) {
        throw CliError(kExitInput, e.what());
    }
    return kExitOk;
}

}  // namespace fkb::cli
