// Tokens: each case gives a sentence and its expected tokens as
// "norm/lemma" pairs (lemma left out when it equals the norm); token
// offsets must cover exactly the original bytes whose normalized,
// lower-cased form is the norm. A second table checks lemmas of single
// words, and a third the token flags.
#include <forumkb/text/analyzer.hpp>
#include <forumkb/text/lemmatizer.hpp>
#include <forumkb/text/normalizer.hpp>

#include <gtest/gtest.h>

namespace {

struct Case {
    const char* text;
    const char* tokens;  // space-separated norm[/lemma]
};

const Case kCases[] = {
    {"I ran 2.5 miles.", "i ran/run 2.5 miles/mile ."},
    {"Running hurts my knees", "running/run hurts/hurt my knees/knee"},
    {"She runs every day", "she runs/run every day"},
    {"I don\u2019t think so", "i don't think so"},
    {"DON'T IGNORE IT", "don't ignore it"},
    {"We went away for a week", "we went/go away for a week"},
    {"The pain went away", "the pain went/go away"},
    {"It no longer bothers me", "it no longer bothers/bother me"},
    {"I stretched and iced it", "i stretched/stretch and iced/ice it"},
    {"taking breaks helped", "taking/take breaks/break helped/help"},
    {"mid-foot landing", "mid - foot landing/land"},
    {"walking/running for a week", "walking/walk / running/run for a week"},
    {"8-10 miles every 3-4 weeks", "8 - 10 miles/mile every 3 - 4 weeks/week"},
    {"the 3rd or 4th week", "the 3rd or 4th week"},
    {"1,000 steps; 2.5km", "1,000 steps/step ; 2.5km"},
    {"my runner's knee", "my runner's/runner knee"},
    {"injuries and worries", "injuries/injury and worries/worry"},
    {"these stretches", "these stretches/stretch"},
    {"my feet were sore", "my feet/foot were/be sore"},
    {"it was stopping me", "it was/be stopping/stop me"},
    {"hoping it helps", "hoping/hope it helps/help"},
    {"caused by tight calves", "caused/cause by tight calves/calf"},
    {"this is his bus", "this is/be his bus"},
    {"Insane Abs", "insane abs"},
    {"e.g. planks", "e.g . planks/plank"},
    {"it\u2019s fine \U0001F44D", "it's fine \U0001F44D"},
    {"\u201Cpush through\u201D it", "\" push through \" it"},
    {"Caf\u00E9 na\u00EFve", "caf\u00E9 na\u00EFve"},
    {"STRASSE Stra\u00DFe", "strasse strasse"},
    {"wait\u2026 what", "wait ... what"},
    {"rest \u2014 then run", "rest -- then run"},
    // forum sentences: numbers, units, contractions, hyphens, plurals and verb forms
    {"First, 2.5 miles is probably too much.", "first , 2.5 miles/mile is/be probably too much ."},
    {"I ran 3.1 miles at a 9.5 pace.", "i ran/run 3.1 miles/mile at a 9.5 pace ."},
    {"We did 1,500 meters of intervals.", "we did/do 1,500 meters/meter of intervals/interval ."},
    {"It costs $120 for new shoes.", "it costs/cost $ 120 for new shoes/shoe ."},
    {"My HR was 165 bpm at 5:30 pace.", "my hr was/be 165 bpm at 5 : 30 pace ."},
    {"I'm 41 and fairly active.", "i'm 41 and fairly active ."},
    {"She's been running since 2019.", "she's been/be running/run since 2019 ."},
    {"They're my favorite shoes.", "they're my favorite shoes/shoe ."},
    {"We've tried everything.", "we've tried/try everything ."},
    {"You'd think rest would help.", "you'd think rest would help ."},
    {"It'll get better with time.", "it'll get better with time ."},
    {"I can't run downhill.", "i can't run downhill ."},
    {"He won't listen to his coach.", "he won't listen to his coach ."},
    {"Don't overdo it.", "don't overdo it ."},
    {"It isn't swollen anymore.", "it isn't swollen anymore ."},
    {"I havent run in weeks.", "i havent run in weeks/week ."},
    {"Im not sure.", "im not sure ."},
    {"The knees ache after runs.", "the knees/knee ache after runs/run ."},
    {"My calves were cramping.", "my calves/calf were/be cramping/cramp ."},
    {"She was stretching daily.", "she was/be stretching/stretch daily ."},
    {"He stopped running last year.", "he stopped/stop running/run last year ."},
    {"They jogged together.", "they jogged/jog together ."},
    {"Hills are killing my quads.", "hills/hill are/be killing/kill my quads/quad ."},
    {"I bought new insoles.", "i bought/buy new insoles/insole ."},
    {"The doctor prescribed anti-inflammatories.", "the doctor prescribed/prescribe anti - inflammatories/inflammatory ."},
    {"I've been icing it twice a day.", "i've been/be icing/ice it twice a day ."},
    {"My hamstrings feel tight.", "my hamstrings/hamstring feel tight ."},
    {"The pain is worse in the mornings.", "the pain is/be worse in the mornings/morning ."},
    {"Her ankles rolled twice.", "her ankles/ankle rolled/roll twice ."},
    {"I tried taping my toes.", "i tried/try taping/tape my toes/toe ."},
    {"Strides helped my form.", "strides/stride helped/help my form ."},
    {"We were walking the hills.", "we were/be walking/walk the hills/hill ."},
    {"I felt a sharp twinge.", "i felt/feel a sharp twinge ."},
    {"My IT band is tight.", "my it band is/be tight ."},
    {"The MRI showed nothing.", "the mri showed/show nothing ."},
    {"I use a foam roller.", "i use a foam roller ."},
    {"Rolling helps my calves.", "rolling/roll helps/help my calves/calf ."},
    {"Squats and lunges build strength.", "squats/squat and lunges/lunge build strength ."},
    {"Planks are good for the core.", "planks/plank are/be good for the core ."},
    {"My back hurts when I sit.", "my back hurts/hurt when i sit ."},
    {"I sat at a desk all day.", "i sat/sit at a desk all day ."},
    {"Sitting too long makes it worse.", "sitting/sit too long makes/make it worse ."},
    {"I woke up stiff.", "i woke/wake up stiff ."},
    {"I've gotten slower.", "i've gotten/get slower ."},
    {"He ran a sub-3 marathon.", "he ran/run a sub - 3 marathon ."},
    {"Heel-strikers land hard.", "heel - strikers/striker land hard ."},
    {"My mid-foot strike improved.", "my mid - foot strike improved/improve ."},
    {"I got 7-8 hours of sleep.", "i got/get 7 - 8 hours/hour of sleep ."},
    {"Rest 2-3 days a week.", "rest 2 - 3 days/day a week ."},
    {"Take 200mg of ibuprofen.", "take 200mg of ibuprofen ."},
    {"Drink 2L of water daily.", "drink 2l of water daily ."},
    {"I'm running 20km a week.", "i'm running/run 20km a week ."},
    {"It's week 3 of C25K.", "it's week 3 of c25k ."},
    {"My resting HR dropped.", "my resting/rest hr dropped/drop ."},
    {"I did a 5K on Saturday.", "i did/do a 5k on saturday ."},
    {"My watch said 180spm.", "my watch said/say 180spm ."},
    {"Try 170-180 steps per minute.", "try 170 - 180 steps/step per minute ."},
    {"I was overstriding badly.", "i was/be overstriding/overstride badly ."},
    {"Try shortening your stride.", "try shortening/shorten your stride ."},
    {"Keep your shoulders relaxed.", "keep your shoulders/shoulder relaxed/relax ."},
    {"Wiggle your arms occasionally.", "wiggle your arms/arm occasionally ."},
    {"Land under your hips.", "land under your hips/hip ."},
    {"Lean slightly from the ankles.", "lean slightly from the ankles/ankle ."},
    {"Breathe through your nose.", "breathe through your nose ."},
    {"I ran through the pain.", "i ran/run through the pain ."},
    {"Pain means stop.", "pain means/mean stop ."},
    {"My feet go numb.", "my feet/foot go numb ."},
    {"My toes tingle after 5 miles.", "my toes/toe tingle after 5 miles/mile ."},
    {"The blisters healed.", "the blisters/blister healed/heal ."},
    {"I lost a toenail.", "i lost/lose a toenail ."},
    {"My shoes are worn out.", "my shoes/shoe are/be worn/wear out ."},
    {"These shoes have 500 miles on them.", "these shoes/shoe have 500 miles/mile on them ."},
    {"Replace shoes every 300-500 miles.", "replace shoes/shoe every 300 - 500 miles/mile ."},
    {"Orthotics helped my flat feet.", "orthotics/orthotic helped/help my flat feet/foot ."},
    {"I have high arches.", "i have high arches/arch ."},
    {"She overpronates.", "she overpronates/overpronate ."},
    {"He supinates a lot.", "he supinates/supinate a lot ."},
    {"Barefoot running hurt my calves.", "barefoot running/run hurt my calves/calf ."},
    {"Minimalist shoes take time.", "minimalist shoes/shoe take time ."},
    {"Trail running is easier on joints.", "trail running/run is/be easier on joints/joint ."},
    {"Concrete is harder than asphalt.", "concrete is/be harder than asphalt ."},
    {"The track is softer.", "the track is/be softer ."},
    {"I run on the treadmill in winter.", "i run on the treadmill in winter ."},
    {"Cold weather tightens my muscles.", "cold weather tightens/tighten my muscles/muscle ."},
    {"Warm up for ten minutes.", "warm up for ten minutes/minute ."},
    {"Cool down with a walk.", "cool down with a walk ."},
    {"Stretch after, not before.", "stretch after , not before ."},
    {"Dynamic stretches are better.", "dynamic stretches/stretch are/be better ."},
    {"Static stretching feels good.", "static stretching/stretch feels/feel good ."},
    {"Yoga loosened my hips.", "yoga loosened/loosen my hips/hip ."},
    {"Pilates strengthened my core.", "pilates strengthened/strengthen my core ."},
    {"Cycling is good cross-training.", "cycling/cycle is/be good cross - training/train ."},
    {"Swimming takes load off the legs.", "swimming/swim takes/take load off the legs/leg ."},
    {"I'm cross-training twice a week.", "i'm cross - training/train twice a week ."},
    {"Listen to your body.", "listen to your body ."},
    {"Don't increase mileage by more than 10%.", "don't increase mileage by more than 10 % ."},
    {"Build up slowly.", "build up slowly ."},
    {"Rest days matter.", "rest days/day matter ."},
    {"Sleep is underrated.", "sleep is/be underrated/underrate ."},
    {"Eat enough protein.", "eat enough protein ."},
    {"I'm anemic, which explains the fatigue.", "i'm anemic , which explains/explain the fatigue ."},
    {"Hydration matters in summer.", "hydration matters/matter in summer ."},
    {"I cramp in hot weather.", "i cramp in hot weather ."},
    {"Electrolytes helped.", "electrolytes/electrolyte helped/help ."},
    {"Caffeine helps me run.", "caffeine helps/help me run ."},
    {"I always run fasted.", "i always run fasted/fast ."},
    {"Running hungry is hard.", "running/run hungry is/be hard ."},
    {"My first marathon hurt.", "my first marathon hurt ."},
    {"Marathons are tough on knees.", "marathons/marathon are/be tough on knees/knee ."},
    {"Half-marathons are my favorite.", "half - marathons/marathon are/be my favorite ."},
    {"I'm training for an ultra.", "i'm training/train for an ultra ."},
    {"Ultras are a different beast.", "ultras/ultra are/be a different beast ."},
    {"My PB is 22:30.", "my pb is/be 22 : 30 ."},
    {"I PR'd last weekend!", "i pr'd last weekend !"},
    {"Good luck with your race.", "good luck with your race ."},
    {"Hope you feel better soon.", "hope you feel better soon ."},
    {"Thanks for the advice, everyone.", "thanks/thank for the advice , everyone ."},
    {"This forum is great.", "this forum is/be great ."},
    {"My quads were burning on the climbs.", "my quads/quad were/be burning/burn on the climbs/climb ."},
    {"I iced my knee twice.", "i iced/ice my knee twice ."},
    {"She's running again after her injury.", "she's running/run again after her injury ."},
    {"The physio's exercises worked.", "the physio's/physio exercises/exercise worked/work ."},
};

std::string tokens_of(const fkb::text::PostAnalysis& r) {
    std::string out;
    for (const auto& t : r.tokens) {
        if (!out.empty()) out += ' ';
        std::string_view n(t.norm.ptr, t.norm.len), l(t.lemma.ptr, t.lemma.len);
        out += n;
        if (l != n) {
            out += '/';
            out += l;
        }
    }
    return out;
}

class TextTokens : public ::testing::TestWithParam<Case> {};

TEST_P(TextTokens, NormsLemmasAndOffsets) {
    static const fkb::text::Analyzer analyzer;
    static const fkb::text::Normalizer normalizer;
    const Case& c = GetParam();
    std::string text = c.text;
    auto r = analyzer.analyze_post(text);
    EXPECT_EQ(tokens_of(r), c.tokens) << "text: " << text;
    uint32_t last = 0;
    for (const auto& t : r.tokens) {
        ASSERT_LT(t.start, t.end);
        ASSERT_LE(t.end, text.size());
        EXPECT_GE(t.start, last);
        last = t.end;
        ASSERT_LT(t.sentence, r.sentences.size());
        // The original bytes normalize and fold to the norm.
        std::string folded;
        normalizer.fold(normalizer.normalize(text.substr(t.start, t.end - t.start)).text, folded);
        EXPECT_EQ(folded, std::string_view(t.norm.ptr, t.norm.len)) << text;
    }
}

INSTANTIATE_TEST_SUITE_P(Cases, TextTokens, ::testing::ValuesIn(kCases));

struct LemmaCase {
    const char* word;
    const char* lemma;
};

const LemmaCase kLemmas[] = {
    {"running", "run"},     {"ran", "run"},         {"runs", "run"},        {"run", "run"},
    {"stopped", "stop"},    {"hoped", "hope"},      {"hopping", "hop"},     {"taking", "take"},
    {"used", "use"},        {"using", "use"},       {"caused", "cause"},    {"causes", "cause"},
    {"moving", "move"},     {"dancing", "dance"},   {"related", "relate"},  {"eating", "eat"},
    {"warmed", "warm"},     {"landing", "land"},    {"stretches", "stretch"}, {"shoes", "shoe"},
    {"hips", "hip"},        {"aches", "ache"},      {"headaches", "headache"}, {"injuries", "injury"},
    {"tried", "try"},       {"went", "go"},         {"gone", "go"},         {"feet", "foot"},
    {"calves", "calf"},     {"was", "be"},          {"is", "be"},           {"had", "have"},
    {"felt", "feel"},       {"made", "make"},       {"this", "this"},       {"abs", "abs"},
    {"stress", "stress"},   {"tendinitis", "tendinitis"}, {"morning", "morning"}, {"bring", "bring"},
    {"feeling", "feel"},    {"swelling", "swell"},  {"needed", "need"},     {"lessened", "lessen"},
    {"bothers", "bother"},  {"focused", "focus"},   {"don't", "don't"},     {"runner's", "runner"},
};

TEST(TextLemmas, Table) {
    fkb::text::Lemmatizer l;
    for (const auto& c : kLemmas) EXPECT_EQ(l.lemma_string(c.word), c.lemma) << c.word;
}

TEST(TextTokenFlags, FlagsFollowTheToken) {
    fkb::text::Analyzer a;
    std::string text = "OK so I ran 5K \U0001F600 today, NOT fast!";
    auto r = a.analyze_post(text);
    auto flags = [&](std::string_view surface) {
        for (const auto& t : r.tokens)
            if (text.substr(t.start, t.end - t.start) == surface) return t.flags;
        ADD_FAILURE() << "no token " << surface;
        return 0u;
    };
    EXPECT_EQ(flags("OK"), FKB_TOKEN_WORD | FKB_TOKEN_UPPER);
    EXPECT_EQ(flags("so"), FKB_TOKEN_WORD);
    EXPECT_EQ(flags("5K"), FKB_TOKEN_WORD | FKB_TOKEN_NUMBER | FKB_TOKEN_UPPER);
    EXPECT_EQ(flags("\U0001F600"), FKB_TOKEN_EMOJI);
    EXPECT_EQ(flags(","), FKB_TOKEN_PUNCT);
    EXPECT_EQ(flags("NOT"), FKB_TOKEN_WORD | FKB_TOKEN_UPPER);
    EXPECT_EQ(flags("!"), FKB_TOKEN_PUNCT);
}

TEST(TextTokenFlags, AsciiAndIcuPathsAgreeOnAPost) {
    // The same words with one emoji (ICU path) and without (fast path).
    fkb::text::Analyzer a;
    std::string ascii = "Didn't help, I'd say it's 2.5 miles too far... e.g. hills.";
    auto r1 = a.analyze_post(ascii);
    auto r2 = a.analyze_post(ascii + " \U0001F600");
    ASSERT_EQ(r1.tokens.size() + 1, r2.tokens.size());
    for (size_t i = 0; i < r1.tokens.size(); ++i) {
        EXPECT_EQ(r1.tokens[i].start, r2.tokens[i].start);
        EXPECT_EQ(r1.tokens[i].end, r2.tokens[i].end);
        EXPECT_EQ(r1.tokens[i].flags, r2.tokens[i].flags);
    }
}

}  // namespace
