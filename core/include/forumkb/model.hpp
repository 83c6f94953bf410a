// The host's in-memory model of threads, posts and facts.
//
// The host uses the same value types a plugin builds with the SDK, so a
// thread or fact has one definition on both sides of the ABI; what differs is
// only how it crosses (see core/src/plugin/abi_convert.*).
#pragma once

#include <forumkb/sdk.hpp>

#include <string>

namespace fkb {

using Post = sdk::Post;
using Thread = sdk::Thread;
using Fact = sdk::Fact;

/// A fact with where it came from: the extractor that made it and the thread.
struct FactRecord {
    std::string plugin;
    Fact fact;
};

}  // namespace fkb
