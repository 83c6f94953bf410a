// Option validation against a plugin's options table: unknown names and
// values of the wrong type are refused with exact messages before the
// plugin sees them; defaults are filled in; settings for other plugins are
// ignored.
#include <forumkb/pipeline/pipeline.hpp>
#include <forumkb/plugin_loader.hpp>
#include <forumkb/plugin_options.hpp>
#include <forumkb/plugin_registry.hpp>

#include <gtest/gtest.h>

namespace {

using fkb::plugin::OptionSetting;
using fkb::plugin::OptionValues;

std::shared_ptr<const fkb::plugin::Plugin> options_plugin() {
    auto r = fkb::plugin::load_plugin(std::string(FORUMKB_BROKEN_PLUGIN_DIR) + "/broken_options.so");
    EXPECT_TRUE(r.ok());
    return r.plugin;
}

TEST(LoaderOptions, TableIsCopied) {
    auto p = options_plugin();
    ASSERT_EQ(p->options().size(), 4u);
    EXPECT_EQ(p->options()[0].name, "threshold");
    EXPECT_EQ(p->options()[0].type, FKB_OPT_INT);
    EXPECT_EQ(p->options()[0].default_value.value_or(""), "3");
    EXPECT_FALSE(p->options()[1].default_value.has_value());
}

TEST(LoaderOptions, UnknownOptionIsAnError) {
    auto p = options_plugin();
    std::string error;
    auto v = OptionValues::validate(*p, {{"broken_options", "treshold", "4"}}, &error);
    EXPECT_FALSE(v.has_value());
    EXPECT_EQ(error, "broken_options: unknown option 'treshold' (options: threshold, mode, ratio, strict)");
}

TEST(LoaderOptions, BadTypeIsAnError) {
    auto p = options_plugin();
    std::string error;
    EXPECT_FALSE(OptionValues::validate(*p, {{"broken_options", "threshold", "many"}}, &error));
    EXPECT_EQ(error, "broken_options: option 'threshold' expects an integer, got 'many'");
    EXPECT_FALSE(OptionValues::validate(*p, {{"broken_options", "ratio", "1.5x"}}, &error));
    EXPECT_EQ(error, "broken_options: option 'ratio' expects a number, got '1.5x'");
    EXPECT_FALSE(OptionValues::validate(*p, {{"broken_options", "strict", "yes"}}, &error));
    EXPECT_EQ(error, "broken_options: option 'strict' expects true or false, got 'yes'");
}

TEST(LoaderOptions, DefaultsFilledAndUserValuesWin) {
    auto p = options_plugin();
    std::string error;
    auto v = OptionValues::validate(*p, {{"broken_options", "ratio", "0.25"}, {"other_plugin", "x", "1"}}, &error);
    ASSERT_TRUE(v.has_value()) << error;
    using KV = std::pair<std::string, std::string>;
    // "mode" has no default and was not given: not passed.
    EXPECT_EQ(v->values(), (std::vector<KV>{{"threshold", "3"}, {"ratio", "0.25"}, {"strict", "false"}}));
    ASSERT_EQ(v->size(), 3u);
    EXPECT_EQ(std::string(v->data()[1].name.ptr, v->data()[1].name.len), "ratio");
    OptionValues copy = *v;  // the ABI array follows copies
    EXPECT_EQ(std::string(copy.data()[1].value.ptr, copy.data()[1].value.len), "0.25");
}

TEST(LoaderOptions, PluginWithoutOptions) {
    auto r = fkb::plugin::load_plugin(std::string(FORUMKB_BROKEN_PLUGIN_DIR) + "/broken_throws.so");
    ASSERT_TRUE(r.ok());
    std::string error;
    EXPECT_FALSE(OptionValues::validate(*r.plugin, {{"broken_throws", "nope", "1"}}, &error));
    EXPECT_EQ(error, "broken_throws: unknown option 'nope' (options: bad_fact)");
}

TEST(LoaderOptions, SettingSyntax) {
    auto s = fkb::plugin::parse_option_setting("source_jsonl.max_line_bytes=100");
    ASSERT_TRUE(s);
    EXPECT_EQ(s->plugin, "source_jsonl");
    EXPECT_EQ(s->name, "max_line_bytes");
    EXPECT_EQ(s->value, "100");
    EXPECT_TRUE(fkb::plugin::parse_option_setting("a.b=c=d").has_value());
    EXPECT_FALSE(fkb::plugin::parse_option_setting("nodot=1"));
    EXPECT_FALSE(fkb::plugin::parse_option_setting("a.b"));
    EXPECT_FALSE(fkb::plugin::parse_option_setting(".b=1"));
}

TEST(LoaderOptions, PipelineRefusesUnknownPluginAndOption) {
    fkb::plugin::PluginRegistry registry;
    ASSERT_TRUE(registry.load_file(std::string(FORUMKB_BROKEN_PLUGIN_DIR) + "/broken_options.so").ok());
    fkb::pipeline::PipelineOptions o;
    o.run_extractors = false;
    o.plugin_options = {{"nosuch", "x", "1"}};
    try {
        fkb::pipeline::Pipeline p(registry, nullptr, o);
        FAIL() << "accepted";
    } catch (const fkb::pipeline::PipelineError& e) {
        EXPECT_STREQ(e.what(), "-o nosuch.x=1: no plugin named 'nosuch'");
    }
    o.plugin_options = {{"broken_options", "bogus", "1"}};
    EXPECT_THROW(fkb::pipeline::Pipeline(registry, nullptr, o), fkb::pipeline::PipelineError);
    o.plugin_options = {};
    o.forced_source = "broken_options";
    try {
        fkb::pipeline::Pipeline p(registry, nullptr, o);
        FAIL() << "accepted";
    } catch (const fkb::pipeline::PipelineError& e) {
        EXPECT_STREQ(e.what(), "--source broken_options: broken_options is not a source plugin");
    }
}

}  // namespace
