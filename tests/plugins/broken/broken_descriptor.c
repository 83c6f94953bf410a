/*
 * Deliberately broken plugin modules for the loader tests, in plain C (the
 * ABI is C). One source, compiled once per BROKEN_CASE; each case breaks
 * exactly one rule the loader checks, in the loader's order:
 *   no_entry      the module does not export fkb_plugin_entry
 *   null_entry    fkb_plugin_entry returns NULL
 *   abi_major     built for ABI 2.0
 *   abi_minor     built for ABI 1.(host minor + 1)
 *   struct_size   descriptor struct_size 16
 *   no_name       descriptor name NULL
 *   null_function source api with next_thread NULL
 *   unknown_kind  kind 7
 *   duplicate     a valid source plugin named "source_jsonl"
 *   options       a valid extractor with an options table (for option
 *                 validation), emitting no facts
 */
#include <forumkb/plugin.h>

#include <string.h>

static double sniff(fkb_str head, fkb_str name) {
    (void)head;
    (void)name;
    return 0.0;
}
static fkb_status open_input(const fkb_host* host, const fkb_input* input, const fkb_option* options, size_t n,
                             void** state) {
    (void)host;
    (void)input;
    (void)options;
    (void)n;
    *state = NULL;
    return FKB_OK;
}
static fkb_status next_thread(void* state, const fkb_thread_sink* sink) {
    (void)state;
    (void)sink;
    return FKB_END;
}
static void close_input(void* state) { (void)state; }

static fkb_status create(const fkb_host* host, const fkb_option* options, size_t n, void** state) {
    (void)host;
    (void)options;
    (void)n;
    *state = NULL;
    return FKB_OK;
}
static fkb_status extract(void* state, const fkb_thread_view* view, const fkb_fact_sink* sink) {
    (void)state;
    (void)view;
    (void)sink;
    return FKB_OK;
}
static void destroy(void* state) { (void)state; }

static const fkb_source_api source_api = {sizeof(fkb_source_api), sniff, open_input, next_thread, close_input};
static const fkb_source_api source_api_null = {sizeof(fkb_source_api), sniff, open_input, NULL, close_input};
static const fkb_extractor_api extractor_api = {sizeof(fkb_extractor_api), create, extract, destroy};

static const fkb_option_spec options[] = {
    {"threshold", FKB_OPT_INT, "3", "minimum count"},
    {"mode", FKB_OPT_STRING, NULL, "how to run"},
    {"ratio", FKB_OPT_DOUBLE, "0.5", "a ratio"},
    {"strict", FKB_OPT_BOOL, "false", "be strict"},
};

static fkb_plugin_descriptor make(const char* name, fkb_plugin_kind kind) {
    fkb_plugin_descriptor d;
    memset(&d, 0, sizeof d);
    d.struct_size = sizeof d;
    d.abi_major = FKB_ABI_MAJOR;
    d.abi_minor = FKB_ABI_MINOR;
    d.kind = kind;
    d.name = name;
    d.version = "0.0.1";
    d.description = "a deliberately broken plugin for the loader tests";
    d.license = "MIT";
    if (kind == FKB_KIND_SOURCE) d.source = &source_api;
    if (kind == FKB_KIND_EXTRACTOR) d.extractor = &extractor_api;
    return d;
}

#define STR2(x) #x
#define STR(x) STR2(x)
#define CASE_IS(n) (strcmp(STR(BROKEN_CASE), n) == 0)

static fkb_plugin_descriptor descriptor;

static const fkb_plugin_descriptor* entry(void) {
    if (CASE_IS("null_entry")) return NULL;
    if (CASE_IS("duplicate")) {
        descriptor = make("source_jsonl", FKB_KIND_SOURCE);
    } else if (CASE_IS("options")) {
        descriptor = make("broken_options", FKB_KIND_EXTRACTOR);
        descriptor.options = options;
        descriptor.n_options = sizeof options / sizeof options[0];
    } else {
        descriptor = make("broken_" STR(BROKEN_CASE), FKB_KIND_SOURCE);
        if (CASE_IS("abi_major")) descriptor.abi_major = FKB_ABI_MAJOR + 1;
        if (CASE_IS("abi_minor")) descriptor.abi_minor = FKB_ABI_MINOR + 1;
        if (CASE_IS("struct_size")) descriptor.struct_size = 16;
        if (CASE_IS("no_name")) descriptor.name = NULL;
        if (CASE_IS("null_function")) descriptor.source = &source_api_null;
        if (CASE_IS("unknown_kind")) descriptor.kind = (fkb_plugin_kind)7;
    }
    return &descriptor;
}

#ifdef BROKEN_NO_ENTRY
FKB_EXPORT const fkb_plugin_descriptor* fkb_plugin_entry_misspelled(void) { return entry(); }
#else
FKB_EXPORT const fkb_plugin_descriptor* fkb_plugin_entry(void) { return entry(); }
#endif
