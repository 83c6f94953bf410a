// Quoted text across a thread: each case is a small thread; the expected
// quoted spans are given as (post, quoted text, source post, source text),
// checked against the original bytes of both posts.
#include <forumkb/text/analyzer.hpp>

#include <gtest/gtest.h>

namespace {

struct Quote {
    uint32_t post;
    const char* text;
    uint32_t source;
    const char* source_text;
};

struct Case {
    const char* name;
    std::vector<const char*> posts;
    std::vector<Quote> quotes;
};

const std::vector<Case> kCases = {
    {"reply repeats two sentences then agrees",
     {"My calves ache after every run.",
      "Nobody asked but here goes.",
      "Try wider shoes.",
      "If its the inside of the shin your probably overpronating a bit.\nIf its the outside its probably your shoes.",
      "Thanks!",
      "If its the inside of the shin your probably overpronating a bit.\nIf its the outside its probably your shoes.\nI agree with this.\nAlso rest more."},
     {{5, "If its the inside of the shin your probably overpronating a bit.\nIf its the outside its probably your shoes.", 3,
       "If its the inside of the shin your probably overpronating a bit.\nIf its the outside its probably your shoes."}}},
    {"near-exact: curly apostrophe, case and a fixed typo",
     {"Honestly you don't need fancy gear, just a decent pair of shoes and patience.",
      "honestly you don\u2019t need fancy gear, just a decent pair of running shoes and patience. So true."},
     {{1, "honestly you don\u2019t need fancy gear, just a decent pair of running shoes and patience.", 0,
       "Honestly you don't need fancy gear, just a decent pair of shoes and patience."}}},
    {"short shared phrase is not a quote",
     {"I think it is your shoes.", "I think it is your form."}, {}},
    {"quote in the middle of a reply",
     {"Rolling a frozen bottle under the arch every morning fixed my heel pain.",
      "You said: rolling a frozen bottle under the arch every morning fixed my heel pain - did you also stretch?"},
     {{1, "rolling a frozen bottle under the arch every morning fixed my heel pain", 0,
       "Rolling a frozen bottle under the arch every morning fixed my heel pain"}}},
    {"quote of a quote points at the original",
     {"Ease back into it with walk run intervals for the first two weeks.",
      "Ease back into it with walk run intervals for the first two weeks. Good call.",
      "Ease back into it with walk run intervals for the first two weeks. Agreed."},
     {{1, "Ease back into it with walk run intervals for the first two weeks.", 0,
       "Ease back into it with walk run intervals for the first two weeks."},
      {2, "Ease back into it with walk run intervals for the first two weeks.", 0,
       "Ease back into it with walk run intervals for the first two weeks."}}},
    {"first post quotes nothing", {"A single post with enough words to look like a clause, really."}, {}},
    {"two separate quotes from two posts",
     {"Strength work for the glutes takes care of most knee trouble in runners.",
      "Cadence around one hundred seventy steps a minute keeps you from overstriding.",
      "Strength work for the glutes takes care of most knee trouble in runners. And: cadence around one hundred seventy steps a minute keeps you from overstriding."},
     {{2, "Strength work for the glutes takes care of most knee trouble in runners.", 0,
       "Strength work for the glutes takes care of most knee trouble in runners."},
      {2, "cadence around one hundred seventy steps a minute keeps you from overstriding.", 1,
       "Cadence around one hundred seventy steps a minute keeps you from overstriding."}}},
    {"shin splints thread: a reply quotes the advice and adds to it",
     {"My shins hurt after every run. I started two months ago. Is this normal?",
      "Classic shin splints. You are probably ramping up the mileage too quickly for your legs. Cut back for a week.",
      "You are probably ramping up the mileage too quickly for your legs. This. Also check your shoes.",
      "Thanks both. I will cut back and see how it goes."},
     {{2, "You are probably ramping up the mileage too quickly for your legs.", 1,
       "You are probably ramping up the mileage too quickly for your legs."}}},
    {"two replies quote different sentences of one post",
     {"Lower back pain after long runs. It starts around mile six. Any ideas?",
      "Weak glutes are a common reason for lower back pain in runners. Planks and bridges three times a week help a lot. Also look at your posture.",
      "Weak glutes are a common reason for lower back pain in runners. I had the same thing.",
      "Planks and bridges three times a week help a lot. Can confirm after a month of doing them."},
     {{2, "Weak glutes are a common reason for lower back pain in runners.", 1,
       "Weak glutes are a common reason for lower back pain in runners."},
      {3, "Planks and bridges three times a week help a lot.", 1,
       "Planks and bridges three times a week help a lot."}}},
    {"a retyped quote with one word changed still counts",
     {"My heel is sore first thing in the morning. It eases after a few minutes of walking.",
      "That sounds like plantar fasciitis to me. Roll a frozen water bottle under your foot every morning and every evening.",
      "Roll a frozen water bottle under the foot every morning and every evening. Worked for me within two weeks."},
     {{2, "Roll a frozen water bottle under the foot every morning and every evening.", 1,
       "Roll a frozen water bottle under your foot every morning and every evening."}}},
    {"common phrases are not quotes",
     {"I think it is your shoes. How old are they?",
      "I think it is your form. Do you heel strike?",
      "I think it is both, to be honest. Get a gait analysis."},
     {}},
    {"a reply in capitals and without punctuation still quotes",
     {"Never increase your weekly mileage by more than ten percent from one week to the next.",
      "NEVER INCREASE YOUR WEEKLY MILEAGE BY MORE THAN TEN PERCENT FROM ONE WEEK TO THE NEXT\nso true"},
     {{1, "NEVER INCREASE YOUR WEEKLY MILEAGE BY MORE THAN TEN PERCENT FROM ONE WEEK TO THE NEXT", 0,
       "Never increase your weekly mileage by more than ten percent from one week to the next"}}},
    {"a long thread where only the last post quotes the first",
     {"Knee pain on the outside of my right knee after about four miles. It goes away when I stop running.",
      "Sounds like the IT band. Foam roll the outside of your thigh.",
      "Hip strength matters too. Try side planks and clamshells.",
      "Also check if the road camber tilts you to one side.",
      "Knee pain on the outside of my right knee after about four miles is exactly what I had. It was my IT band."},
     {{4, "Knee pain on the outside of my right knee after about four miles", 0,
       "Knee pain on the outside of my right knee after about four miles"}}},
    {"quoting a quote points at the first post",
     {"Sleep is the most underrated recovery tool that runners have at their disposal.",
      "Sleep is the most underrated recovery tool that runners have at their disposal. Agreed.",
      "Sleep is the most underrated recovery tool that runners have at their disposal. So true, I need more of it."},
     {{1, "Sleep is the most underrated recovery tool that runners have at their disposal.", 0,
       "Sleep is the most underrated recovery tool that runners have at their disposal."},
      {2, "Sleep is the most underrated recovery tool that runners have at their disposal.", 0,
       "Sleep is the most underrated recovery tool that runners have at their disposal."}}},
    {"a short agreement repeats too few words",
     {"Ice it for fifteen minutes at a time.",
      "Ice it, yes. And rest.",
      "Rest is key. Nothing else will fix it."},
     {}},
    {"the source quote is inside a longer post",
     {"New runner here. My calves cramp at night after runs. I drink plenty of water. What else can I do?",
      "Try magnesium and stretch your calves gently before bed, it made a big difference for me. Also eat a banana after runs.",
      "Thanks! Try magnesium and stretch your calves gently before bed, it made a big difference for me, you said. Will do."},
     {{2, "Try magnesium and stretch your calves gently before bed, it made a big difference for me", 1,
       "Try magnesium and stretch your calves gently before bed, it made a big difference for me"}}},
    {"curly quotes and a dropped word",
     {"Don\u2019t run through sharp pain, because that is how a small niggle becomes a real injury.",
      "don't run through sharp pain, that is how a small niggle becomes a real injury. Learned this the hard way."},
     {{1, "don't run through sharp pain, that is how a small niggle becomes a real injury.", 0,
       "Don\u2019t run through sharp pain, because that is how a small niggle becomes a real injury."}}},
    {"the same advice written by two people independently is matched only where the words match",
     {"Get fitted for proper running shoes at a specialist store. It made all the difference for my knees.",
      "Go to a running store and get your gait checked. Cheap shoes wrecked my knees.",
      "Get fitted for proper running shoes at a specialist store, seriously. Best money I ever spent."},
     {{2, "Get fitted for proper running shoes at a specialist store", 0,
       "Get fitted for proper running shoes at a specialist store"}}},
    {"replies to a question about hydration",
     {"How much water should I drink before a long run? I always feel thirsty by mile eight.",
      "Drink about half a litre an hour or two before you start, then sip during the run.",
      "Drink about half a litre an hour or two before you start. Carry a small bottle too.",
      "I never drink before runs and I am fine. Everyone is different."},
     {{2, "Drink about half a litre an hour or two before you start", 1,
       "Drink about half a litre an hour or two before you start"}}},
    {"repeated short sentences are below a clause's length",
     {"I run five days a week. My left hip aches on the inside. It is worse after speed work. Should I stop the intervals?",
      "My left hip aches on the inside. Same for me last spring. It is worse after speed work, yes, I noticed that too. Drop the intervals for two weeks."},
     {}},
    {"nobody quotes anybody",
     {"Started running in January. Loving it so far. My ankles are a bit sore though.",
      "Welcome! Sore ankles are common at first. Give it time.",
      "Make sure you are not running on a slanted road. That got me once.",
      "And strengthen the ankles with calf raises. Slowly, with control."},
     {}},
    {"a sign-off is not a quote",
     {"Try walking breaks every ten minutes. Hope this helps. Good luck!",
      "Walking breaks are a great idea for beginners. Hope this helps. Good luck!"},
     {}},
    {"a quote across two lines of the reply",
     {"Strengthen your hips and glutes with side planks, clamshells and single leg bridges every other day.",
      "Quoting this:\nStrengthen your hips and glutes with side planks, clamshells and single leg bridges every other day.\nThat fixed my knees."},
     {{1, "Strengthen your hips and glutes with side planks, clamshells and single leg bridges every other day.", 0,
       "Strengthen your hips and glutes with side planks, clamshells and single leg bridges every other day."}}},
    {"a typo fixed in the quote",
     {"Replace your shoes every four hundred miles or so, the foam breaks down faster than you think.",
      "Replace your shoes every four hundred miles or so, the foam breaks down faster than you thnik. Good point."},
     {{1, "Replace your shoes every four hundred miles or so, the foam breaks down faster than you", 0,
       "Replace your shoes every four hundred miles or so, the foam breaks down faster than you"}}},
    {"advice repeated by the asker as a plan",
     {"My calves are always tight after runs and sometimes they cramp at night.",
      "Stretch your calves for thirty seconds on each side after every run and foam roll them at night.",
      "Ok so my plan: stretch your calves for thirty seconds on each side after every run and foam roll them at night. Then see.",
      "Sounds like a plan. Report back in two weeks."},
     {{2, "stretch your calves for thirty seconds on each side after every run and foam roll them at night.", 1,
       "Stretch your calves for thirty seconds on each side after every run and foam roll them at night."}}},
    {"a repeated sentence shorter than a clause is not a quote",
     {"Please remember that this forum is not a substitute for medical advice. See a doctor for persistent pain.",
      "My achilles has been sore for a month. It creaks when I press on it. I keep running anyway.",
      "See a doctor for persistent pain, like the note says. A creaking achilles needs rest. Stop running for now.",
      "Agreed with the above. I ignored mine and lost a whole season. Do not be me."},
     {}},
    {"a later post is never the source",
     {"I agree completely.", "Running every single day without rest is how I got my stress fracture."},
     {}},
};

TEST(TextQuotes, Threads) {
    fkb::text::Analyzer a;
    for (const auto& c : kCases) {
        fkb::Thread t;
        for (const char* p : c.posts) {
            fkb::Post post;
            post.text = p;
            t.posts.push_back(post);
        }
        auto r = a.analyze_thread(t);
        ASSERT_EQ(r.size(), c.posts.size()) << c.name;
        std::vector<Quote> got;
        for (uint32_t i = 0; i < r.size(); ++i)
            for (const auto& q : r[i].quoted) {
                ASSERT_LT(q.source_post, i) << c.name;
                const std::string& text = t.posts[i].text;
                const std::string& src = t.posts[q.source_post].text;
                ASSERT_LE(q.span.end, text.size());
                ASSERT_LE(q.source_span.end, src.size());
                got.push_back(Quote{i, nullptr, q.source_post, nullptr});
                bool found = false;
                for (const auto& e : c.quotes)
                    if (e.post == i && e.source == q.source_post &&
                        text.substr(q.span.start, q.span.end - q.span.start) == e.text &&
                        src.substr(q.source_span.start, q.source_span.end - q.source_span.start) == e.source_text)
                        found = true;
                EXPECT_TRUE(found) << c.name << ": unexpected quote in post " << i << ": ["
                                   << text.substr(q.span.start, q.span.end - q.span.start) << "] from post " << q.source_post
                                   << ": [" << src.substr(q.source_span.start, q.source_span.end - q.source_span.start) << "]";
            }
        EXPECT_EQ(got.size(), c.quotes.size()) << c.name;
    }
}

}  // namespace
