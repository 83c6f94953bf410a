// forumkb kb import FACTS.jsonl... --db FILE: loads fact JSON-lines shards
// (what `forumkb extract` prints: thread, post and fact records, possibly
// made on other machines, see DESIGN.md "Scale") into a knowledge base with
// the guarantees of ingest: batched transactions, a file done before with
// the same size and content skipped (resume), a changed thread replaced in
// one transaction, unreadable records stored as rejects (plugin "import").
// No plugin runs: the facts are taken as they are, so this is also the
// benchmark of the KB writer alone (tests/bench/run_benchmarks.sh).
#include "command.hpp"

#include "cli_args.hpp"
#include "kb_sink.hpp"
#include "run_options.hpp"

#include <forumkb/pipeline/fact_import.hpp>

#include <algorithm>
#include <thread>

namespace fkb::cli {

namespace {

int run_kb_import(const CliContext& ctx, std::vector<std::string> args) {
    po::options_description opts("options");
    opts.add_options()("input", po::value<std::vector<std::string>>()->value_name("PATH"), "inputs")(
        "jobs,j", po::value<unsigned>()->value_name("N")->default_value(std::max(1u, std::thread::hardware_concurrency())),
        "worker threads for parsing the records")("strict", "exit 3 when any record was rejected")(
        "include", po::value<std::vector<std::string>>()->value_name("GLOB")->composing(),
        "in walked directories, read only files matching GLOB (repeatable)")(
        "exclude", po::value<std::vector<std::string>>()->value_name("GLOB")->composing(),
        "in walked directories, skip files and directories matching GLOB (repeatable)");
    KbRun::add_options(opts);
    po::positional_options_description pos;
    pos.add("input", -1);
    po::variables_map vm;
    if (auto code = parse_args(ctx, "kb import", "kb import FACTS.jsonl... --db FILE [-j N] [--strict]",
                               "Loads fact JSON lines (the output of forumkb extract: files, directories, archives,\n"
                               "- for stdin) into a SQLite knowledge base, as ingest would have written them.\n"
                               "Running it again skips shards already imported unchanged; Ctrl-C stops cleanly.",
                               opts, pos, args, vm))
        return *code;
    if (!vm.count("input")) {
        ctx.error("kb import", "no input given (see forumkb kb import --help)");
        return kExitUsage;
    }
    pipeline::ImportOptions options;
    options.jobs = vm["jobs"].as<unsigned>();
    if (options.jobs == 0) throw CliError(kExitUsage, "-j 0: need at least one job");
    options.hash_inputs = true;

    std::vector<std::string> missing;
    auto inputs = pipeline::collect_inputs(vm["input"].as<std::vector<std::string>>(), &missing, input_filter(vm));
    uint64_t total_bytes = 0;
    for (const auto& in : inputs) total_bytes += in.size > 0 ? static_cast<uint64_t>(in.size) : 0;
    for (const auto& m : missing) ctx.error("", m);

    pipeline::ProgressCounters counters;
    options.interrupt = KbRun::interrupt();
    options.progress = &counters;
    KbRun run(ctx, vm, counters);
    run.start(total_bytes, inputs.size());
    auto report = pipeline::import_fact_lines(inputs, run.sink(), options);
    return run.finish("imported", report, strict(vm), !missing.empty());
}

}  // namespace

int run_kb(const CliContext& ctx, std::vector<std::string> args) {
    const std::string usage = "usage: forumkb kb import FACTS.jsonl... --db FILE   (forumkb kb import --help)\n";
    if (args.empty() || args[0] == "-h" || args[0] == "--help") {
        (args.empty() ? ctx.err() : ctx.out())
            << usage << "\nKnowledge base maintenance.\n\n  import   load fact JSON-lines shards made by forumkb extract\n";
        return args.empty() ? kExitUsage : kExitOk;
    }
    std::string sub = args[0];
    args.erase(args.begin());
    if (sub == "import") return run_kb_import(ctx, std::move(args));
    ctx.error("kb", "unknown subcommand '" + sub + "' (see forumkb kb --help)");
    return kExitUsage;
}

}  // namespace fkb::cli
