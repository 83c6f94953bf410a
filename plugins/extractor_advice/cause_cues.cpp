// Cause cue grammars (Spirit X3): the phrases that announce a cause and say
// on which side of them it stands. "tight hammies can cause lower back pain"
// (cause_verb: cause on the left, effect on the right), "sore because of my
// shoes" (cause_because), "sounds like a weak core" / "its probably your
// shoes" (cause_likely), "poor footwear is the culprit" (cause_culprit),
// "I get back pain when I run on concrete" (cause_when), "2.5 miles is
// probably too much" (cause_too_much), "did you warm up?" (cause_question).
// Hedges and negations inside the cue set its certainty and polarity.
#include "x3_support.hpp"

#include <stdexcept>

namespace fkb::advice {

namespace {

using namespace x3s;
using C = Certainty;

// ------------------------------------------------------------ word sets

const Words<C> modal{{"can", C::possible},        {"could", C::possible},      {"may", C::possible},
                     {"might", C::possible},      {"will", C::asserted},       {"would", C::possible},
                     {"often", C::possible},      {"usually", C::probable},    {"sometimes", C::possible},
                     {"probably", C::probable},   {"likely", C::probable},     {"definitely", C::asserted},
                     {"tend to", C::possible},    {"tends to", C::possible},   {"is known to", C::possible},
                     {"are known to", C::possible}, {"can also", C::possible}, {"could also", C::possible},
                     {"will also", C::asserted},  {"is likely to", C::probable}, {"are likely to", C::probable},
                     {"can definitely", C::possible}, {"can really", C::possible}, {"commonly", C::probable},
                     {"also", C::unknown},        {"really", C::unknown},      {"all", C::unknown},
                     {"just", C::unknown},        {"actually", C::unknown},    {"eventually", C::unknown},
                     {"can easily", C::possible}, {"could easily", C::possible}, {"might also", C::possible},
                     {"may also", C::possible},   {"can sometimes", C::possible}};

const Words<int> negation{{"not", 1},     {"cant", 1},     {"cannot", 1},  {"wont", 1},    {"doesnt", 1},
                          {"dont", 1},    {"didnt", 1},    {"wouldnt", 1}, {"never", 1},   {"does not", 1},
                          {"do not", 1},  {"did not", 1},  {"will not", 1}, {"would not", 1}, {"can not", 1},
                          {"couldnt", 1}, {"shouldnt", 1}, {"isnt", 1},    {"arent", 1},   {"wasnt", 1}};

const Words<int> cause_verb_words{
    {"cause", 1},          {"causes", 1},         {"caused", 1},          {"causing", 1},
    {"lead to", 1},        {"leads to", 1},       {"led to", 1},          {"leading to", 1},
    {"result in", 1},      {"results in", 1},     {"resulted in", 1},     {"resulting in", 1},
    {"contribute to", 1},  {"contributes to", 1}, {"contributed to", 1},  {"contributing to", 1},
    {"trigger", 1},        {"triggers", 1},       {"triggered", 1},       {"aggravate", 1},
    {"aggravates", 1},     {"aggravated", 1},     {"aggravating", 1},     {"irritate", 1},
    {"irritates", 1},      {"irritated", 1},      {"strains", 1},         {"strained", 1},
    {"wear out", 1},       {"wears out", 1},      {"wore out", 1},        {"wearing out", 1},
    {"gives me", 1},       {"gave me", 1},        {"give me", 1},         {"give you", 1},
    {"gives you", 1},      {"bring on", 1},       {"brings on", 1},       {"brought on", 1},
    {"set off", 1},        {"sets off", 1},       {"make worse", 1},      {"makes worse", 1},
    {"overload", 1},       {"overloads", 1},      {"overloaded", 1},      {"inflame", 1},
    {"inflames", 1},       {"inflamed", 1},       {"pull on", 1},         {"pulls on", 1},
    {"pulling on", 1},     {"tug on", 1},         {"tugs on", 1},         {"compress", 1},
    {"compresses", 1},     {"pinch", 1},          {"pinches", 1},         {"stress", 1},
    {"stresses", 1},       {"stressed", 1},       {"is behind", 1},       {"are behind", 1},
    {"is responsible for", 1}, {"are responsible for", 1}, {"be responsible for", 1},
    {"is linked to", 1},   {"are linked to", 1},  {"has been linked to", 1}, {"is associated with", 1},
    {"are associated with", 1}, {"is known for causing", 1}, {"are known for causing", 1},
    {"takes a toll on", 1}, {"took a toll on", 1}, {"take a toll on", 1}, {"tightens", 1},
    {"tighten up", 1},     {"tightens up", 1},    {"weakens", 1},         {"can weaken", 1},
    {"is a recipe for", 1}, {"are a recipe for", 1}, {"a recipe for", 1}, {"will do it", 1},
    {"will do that", 1},   {"would do it", 1},    {"does it", 1},         {"did it", 1},
    {"load", 1},           {"loads", 1},          {"loaded", 1},          {"squeeze", 1},
    {"squeezes", 1},       {"squeezed", 1},       {"rub", 1},             {"rubs", 1},
    {"rubbed", 1},         {"chafe", 1},          {"chafes", 1},          {"pinched", 1},
    {"wrecks", 1},         {"wrecked", 1},        {"messes up", 1},       {"messed up", 1},
    {"dries out", 1},      {"dry out", 1},        {"will give you", 1},   {"can give you", 1},
    {"=", 1},              {"squash", 1},         {"squashes", 1},        {"shears", 1},
    {"is the recipe for", 1}, {"is basically a recipe for", 1}, {"is basically the recipe for", 1},
    {"is notorious for", 1}, {"are notorious for", 1}, {"is known for", 1}, {"are known for", 1},
    {"messes with", 1},    {"mess with", 1},      {"messed with", 1},     {"messes up", 1},
    {"screws up", 1},      {"screwed up", 1},     {"throws off", 1},      {"threw off", 1},
    {"flares up", 1},      {"flare up", 1},       {"flared up", 1},       {"flares it up", 1},
    {"flared it up", 1},   {"sets it off", 1},    {"set it off", 1},      {"kicks it off", 1},
    {"is a perfect recipe for", 1}, {"the recipe for", 1}, {"are the recipe for", 1}};
const Words<int> not_it{{"a myth", 1},     {"an old myth", 1}, {"a total myth", 1}, {"overblown", 1},
                        {"overrated", 1},  {"not the issue", 1}, {"not the problem", 1}, {"not it", 1},
                        {"fine", 1},       {"totally fine", 1}, {"perfectly fine", 1}, {"not the cause", 1},
                        {"not to blame", 1}, {"a red herring", 1}, {"unlikely", 1},    {"not the culprit", 1}};
const Words<int> way_adj{{"common", 1}, {"easy", 1}, {"quick", 1}, {"surefire", 1}, {"classic", 1},
                         {"good", 1},   {"great", 1}, {"fast", 1},  {"sure", 1},     {"typical", 1}};
const Words<int> injury_verbs{{"tweak", 1}, {"hurt", 1},  {"injure", 1}, {"strain", 1}, {"pull", 1},
                              {"tear", 1},  {"get", 1},   {"wreck", 1},  {"aggravate", 1}, {"irritate", 1},
                              {"break", 1}, {"sprain", 1}, {"inflame", 1}, {"end up with", 1}};
// Diagnoses: "that's textbook X", "classic X", "my optometrist said X".
const Words<int> diag_subject{{"thats", 1}, {"that is", 1}, {"this is", 1}, {"its", 1}, {"it is", 1},
                              {"that was", 1}, {"it was", 1}, {"you have", 1}, {"youve got", 1}};
const Words<int> diag_adj{{"textbook", 1},      {"classic", 1},        {"typical", 1},       {"the classic", 1},
                          {"a classic case of", 1}, {"a textbook case of", 1}, {"a typical case of", 1},
                          {"a clear case of", 1}, {"a classic", 1},    {"a typical", 1}};
const Words<int> authority{{"doctor", 1},    {"doc", 1},         {"gp", 1},          {"physio", 1},
                           {"physiotherapist", 1}, {"pt", 1},    {"optometrist", 1}, {"ophthalmologist", 1},
                           {"dermatologist", 1}, {"podiatrist", 1}, {"chiro", 1},    {"chiropractor", 1},
                           {"dentist", 1},   {"specialist", 1},  {"ortho", 1},       {"orthopedist", 1},
                           {"surgeon", 1},   {"nurse", 1},       {"pharmacist", 1},  {"rheumatologist", 1},
                           {"eye doctor", 1}, {"sports doctor", 1}, {"consultant", 1}, {"osteopath", 1}};
const Words<int> diag_verb{{"said", 1}, {"says", 1}, {"thinks", 1}, {"thought", 1}, {"told me", 1},
                           {"diagnosed", 1}, {"diagnosed it as", 1}, {"diagnosed me with", 1}, {"called it", 1},
                           {"reckons", 1}, {"confirmed", 1}, {"suspects", 1}};
const Words<int> diag_that{{"its", 1}, {"it is", 1}, {"it was", 1}, {"i have", 1}, {"i had", 1}, {"that", 1},
                           {"its probably", 1}, {"it was probably", 1}, {"it might be", 1}, {"it could be", 1}};
const Words<int> pattern_verbs{{"means", 1}, {"usually means", 1}, {"often means", 1}, {"is a sign of", 1}, {"is usually a sign of", 1},
                               {"is a red flag for", 1}, {"points to", 1}, {"usually points to", 1}};
// Diagnoses marked after the condition: "stress reaction until proven otherwise".
const Words<int> diag_after{{"until proven otherwise", 1}, {"more or less by the book", 1}, {"by the book", 1},
                            {"for sure", 1},              {"in a nutshell", 1},           {"city", 1},
                            {"100%", 1},                  {"100 %", 1},                   {"all day long", 1},
                            {"written all over it", 1},   {"all over", 1}};
// Changes before a complaint: "since I upped my mileage", "started me on metformin".
const Words<int> since_words{{"since i", 1}, {"ever since i", 1}, {"after i", 1}, {"since", 1}, {"ever since", 1},
                             {"since starting", 1}, {"after starting", 1}, {"since switching to", 1},
                             {"since going on", 1}, {"after going on", 1}, {"since taking", 1}};
const Words<int> change_verbs{{"started", 1}, {"began", 1}, {"upped", 1}, {"increased", 1}, {"switched to", 1},
                              {"added", 1}, {"got", 1}, {"bought", 1}, {"went on", 1}, {"was put on", 1},
                              {"doubled", 1}, {"changed to", 1}, {"bumped up", 1}, {"bumped", 1}, {"jumped to", 1},
                              {"went to", 1}, {"went up to", 1}, {"moved up to", 1}, {"moved to", 1}, {"took up", 1},
                              {"started taking", 1}, {"began taking", 1}, {"started on", 1}};
const Words<int> experience_was{{"for me it was", 1}, {"in my case it was", 1}, {"for me its", 1},
                                {"mine was", 1}, {"it turned out to be", 1}, {"turned out to be", 1},
                                {"turns out it was", 1}, {"turned out it was", 1}, {"same here with", 1},
                                {"same thing with", 1}, {"same with", 1}, {"my problem was", 1},
                                {"in my case", 1}, {"for me the culprit was", 1}};

const Words<int> put_verbs{{"put", 1},    {"puts", 1},  {"putting", 1}, {"place", 1},
                           {"places", 1}, {"placing", 1}, {"adds", 1},  {"add", 1}, {"adding", 1}};
const Words<int> amount{{"a lot of", 1}, {"lots of", 1},   {"a ton of", 1}, {"extra", 1},       {"too much", 1},
                        {"more", 1},     {"unnecessary", 1}, {"added", 1}, {"excess", 1},      {"excessive", 1},
                        {"undue", 1},    {"additional", 1}, {"a great deal of", 1}, {"so much", 1}, {"much", 1},
                        {"significant", 1}, {"a bunch of", 1}};
const Words<int> stress_nouns{{"stress", 1}, {"strain", 1}, {"pressure", 1}, {"load", 1},
                              {"force", 1},  {"tension", 1}, {"impact", 1}, {"wear", 1}};
const Words<int> bad_for{{"bad for", 1},   {"hard on", 1},    {"rough on", 1},  {"tough on", 1},
                         {"murder on", 1}, {"brutal on", 1},  {"terrible for", 1}, {"awful for", 1},
                         {"the worst thing for", 1}, {"about the worst thing for", 1}, {"the worst for", 1},
                         {"the worst thing you can do for", 1}, {"hell on", 1}, {"rough for", 1},
                         {"not good for", 1}, {"harsh on", 1}, {"unkind to", 1}};
const Words<int> copula{{"is", 1}, {"are", 1}, {"was", 1}, {"were", 1}, {"can be", 1}, {"will be", 1}};

const Words<C> hedge_adv{{"probably", C::probable}, {"likely", C::probable},   {"most likely", C::probable},
                         {"more than likely", C::probable}, {"almost certainly", C::probable},
                         {"possibly", C::possible}, {"maybe", C::possible},    {"perhaps", C::possible},
                         {"partly", C::possible},   {"mostly", C::asserted},   {"definitely", C::asserted},
                         {"certainly", C::asserted}, {"obviously", C::asserted}, {"just", C::unknown},
                         {"simply", C::unknown},    {"all", C::unknown},       {"only", C::unknown},
                         {"also", C::unknown},      {"really", C::unknown},    {"actually", C::unknown},
                         {"usually", C::probable},  {"often", C::possible},    {"typically", C::probable},
                         {"generally", C::probable}, {"clearly", C::asserted}};

const Words<C> because_words{{"because of", C::unknown}, {"because", C::unknown},      {"due to", C::unknown},
                             {"caused by", C::unknown},  {"from", C::unknown},         {"as a result of", C::unknown},
                             {"brought on by", C::unknown}, {"triggered by", C::unknown}, {"the result of", C::unknown},
                             {"a result of", C::unknown}, {"owing to", C::unknown},    {"comes from", C::unknown},
                             {"coming from", C::unknown}, {"stems from", C::unknown},  {"stemming from", C::unknown},
                             {"related to", C::possible}, {"cuz", C::unknown},
                             {"bc", C::unknown},
                             {"the cause is", C::unknown}, {"a consequence of", C::unknown},
                             {"linked to", C::possible}, {"connected to", C::possible}, {"associated with", C::possible},
                             {"a symptom of", C::possible}, {"a sign of", C::possible}, {"side effect of", C::possible},
                             {"a side effect of", C::possible}, {"side effects of", C::possible},
                             {"is common with", C::possible}, {"is common in people with", C::possible},
                             {"often comes with", C::possible}, {"goes with", C::possible},
                             {"goes along with", C::possible}, {"is a complication of", C::possible},
                             {"started after", C::possible}, {"began after", C::possible}, {"came on after", C::possible},
                             {"kicked in after", C::possible}, {"flared up after", C::possible},
                             {"started right after", C::possible}, {"it started after", C::possible},
                             {"happens when", C::possible}, {"that happens when", C::possible},
                             {"happens if", C::possible}, {"usually happens when", C::probable},
                             {"thats what happens when", C::probable}};

// Subjects of "its probably X", "your probably X", "you are probably X".
const Words<int> subject{{"its", 1},   {"it is", 1},  {"thats", 1}, {"that is", 1}, {"this is", 1},
                         {"it was", 1}, {"youre", 1}, {"you are", 1}, {"your", 1}, {"ur", 1},
                         {"it", 1},    {"you", 1},    {"this", 1},  {"that", 1},   {"they are", 1},
                         {"theyre", 1}, {"you were", 1}, {"its just", 1}};
const Words<C> modal_be{{"could be", C::possible}, {"might be", C::possible},  {"may be", C::possible},
                        {"can be", C::possible},   {"must be", C::probable},   {"could well be", C::possible},
                        {"would be", C::possible}, {"might have been", C::possible}, {"could have been", C::possible},
                        {"may have been", C::possible}, {"must have been", C::probable}, {"is likely", C::probable},
                        {"is probably", C::probable}, {"are probably", C::probable}, {"was probably", C::probable},
                        {"is most likely", C::probable}, {"sounds to me like", C::probable},
                        {"is often", C::possible},  {"is very often", C::possible}, {"are often", C::possible},
                        {"is usually", C::probable}, {"are usually", C::probable},   {"is almost always", C::probable},
                        {"is most often", C::probable}, {"is typically", C::probable}, {"is generally", C::probable}};
const Words<C> belief{{"i think", C::probable},     {"i believe", C::probable}, {"i bet", C::probable},
                      {"i suspect", C::probable},   {"i guess", C::possible},   {"im guessing", C::possible},
                      {"my guess is", C::possible}, {"i would guess", C::possible}, {"id guess", C::possible},
                      {"id say", C::probable},      {"i would say", C::probable}, {"chances are", C::probable},
                      {"i reckon", C::probable},    {"i feel like", C::possible}, {"i wonder if", C::questioned},
                      {"my bet is", C::probable},   {"i imagine", C::possible}, {"im pretty sure", C::probable},
                      {"im sure", C::probable},     {"i would bet", C::probable}, {"odds are", C::probable},
                      {"it seems", C::probable},    {"it looks like", C::probable}, {"seems like", C::probable},
                      {"looks like", C::probable},  {"it sounds like", C::probable}};
// Guesses that name the cause right away: "my guess is tight calves".
const Words<C> guess_is{{"my guess is", C::possible}, {"my bet is", C::probable}, {"my money is on", C::probable},
                        {"id bet on", C::probable},   {"id put money on", C::probable}, {"my first guess is", C::possible},
                        {"my first thought is", C::possible}, {"first thing i would check is", C::possible}};
const Words<C> hedge_strong{{"probably", C::probable}, {"likely", C::probable},   {"most likely", C::probable},
                            {"very often", C::possible}, {"often", C::possible},    {"usually", C::probable},
                            {"almost always", C::probable}, {"mostly", C::probable}, {"typically", C::probable},
                            {"more than likely", C::probable}, {"almost certainly", C::probable},
                            {"possibly", C::possible}, {"maybe", C::possible},    {"perhaps", C::possible},
                            {"definitely", C::asserted}, {"probably just", C::probable}};
const Words<C> sounds{{"sounds like", C::probable}, {"sound like", C::probable},  {"sounded like", C::probable},
                      {"seems like", C::probable},  {"seem like", C::probable},   {"looks like", C::probable},
                      {"look like", C::probable},   {"sounds a lot like", C::probable},
                      {"sounds to me like", C::probable}, {"sounds more like", C::probable},
                      {"could be from", C::possible}, {"might be from", C::possible}, {"may be from", C::possible},
                      {"is probably from", C::probable}, {"are probably from", C::probable},
                      {"is likely from", C::probable}, {"probably comes from", C::probable},
                      {"is typical of", C::probable}, {"is classic", C::probable}, {"is a classic sign of", C::probable},
                      {"is a common sign of", C::probable}, {"points to", C::probable}, {"suggests", C::possible},
                      {"smells like", C::probable}, {"smell like", C::probable}, {"screams", C::probable}};
const Words<C> that_be{{"could also be", C::possible},    {"might also be", C::possible},
                       {"may also be", C::possible},      {"could just be", C::possible},
                       {"might just be", C::possible},    {"could even be", C::possible},
                       {"it may be that", C::possible},   {"it could be that", C::possible},
                       {"it might be that", C::possible}, {"it may be", C::possible},
                       {"it could be", C::possible},      {"it might be", C::possible},
                       {"could be", C::possible},         {"might be", C::possible},
                       {"may be", C::possible},           {"maybe its", C::possible},
                       {"maybe it is", C::possible},      {"perhaps its", C::possible},
                       {"maybe your", C::possible},       {"perhaps your", C::possible},
                       {"possibly your", C::possible},    {"probably your", C::probable},
                       {"it is possible that", C::possible},
                       {"its possible that", C::possible}, {"its possible", C::possible},
                       {"it is likely that", C::probable}, {"its likely that", C::probable},
                       {"its likely", C::probable},       {"it must be", C::probable},
                       {"must be", C::probable}};

const Words<int> culprit_nouns{{"culprit", 1}, {"culprits", 1}, {"suspect", 1}, {"suspects", 1},
                               {"usual suspect", 1}, {"usual suspects", 1}, {"cause", 1},   {"causes", 1},  {"problem", 1},
                               {"issue", 1},   {"reason", 1},   {"source", 1},  {"trigger", 1}, {"root cause", 1},
                               {"root of the problem", 1}, {"root of it", 1}, {"answer", 1}};
const Words<int> culprit_adj{{"main", 1},   {"real", 1},   {"likely", 1}, {"probable", 1}, {"biggest", 1},
                             {"most likely", 1}, {"underlying", 1}, {"actual", 1}, {"primary", 1}, {"big", 1},
                             {"usual", 1},  {"obvious", 1}, {"likeliest", 1}, {"true", 1}, {"only", 1}};
const Words<int> determiner{{"the", 1}, {"a", 1}, {"your", 1}, {"my", 1}, {"their", 1}, {"his", 1}, {"her", 1}};
const Words<C> copula_c{{"is", C::unknown},           {"are", C::unknown},          {"was", C::unknown},
                        {"were", C::unknown},         {"could be", C::possible},    {"might be", C::possible},
                        {"may be", C::possible},      {"is probably", C::probable}, {"are probably", C::probable},
                        {"is likely", C::probable},   {"is most likely", C::probable}, {"must be", C::probable},
                        {"could well be", C::possible}, {"was probably", C::probable}, {"is definitely", C::asserted},
                        {"is usually", C::probable},  {"is often", C::possible},    {"is also", C::unknown},
                        {"could also be", C::possible}, {"may also be", C::possible}, {"might also be", C::possible},
                        {"can be", C::possible},      {"would be", C::possible}};
const Words<int> copula_neg{{"isnt", 1},  {"is not", 1}, {"arent", 1},   {"are not", 1},  {"wasnt", 1},
                            {"was not", 1}, {"werent", 1}, {"is never", 1}, {"cant be", 1}, {"cannot be", 1},
                            {"is probably not", 1}, {"is likely not", 1}, {"shouldnt be", 1}};
const Words<int> blame{{"to blame", 1}, {"at fault", 1}, {"responsible", 1}, {"what causes it", 1},
                       {"half the problem", 1}, {"part of the problem", 1}, {"a big part of the problem", 1},
                       {"most of the problem", 1}, {"the whole problem", 1}, {"half the battle", 1},
                       {"what did it", 1}, {"what did it for me", 1}, {"what caused mine", 1}, {"what caused it for me", 1},
                       {"what is causing it", 1}, {"whats causing it", 1}, {"what causes this", 1},
                       {"what caused it", 1}, {"whats causing this", 1}, {"the one to blame", 1}};
const Words<int> of_this{{"of it", 1},    {"of this", 1},   {"of that", 1}, {"for it", 1},   {"for this", 1},
                         {"behind it", 1}, {"behind this", 1}, {"of the pain", 1}, {"of your pain", 1},
                         {"of the problem", 1}, {"here", 1}, {"of yours", 1}};

const Words<int> when_words{{"when", 1},      {"whenever", 1}, {"every time", 1}, {"everytime", 1},
                            {"each time", 1}, {"any time", 1}, {"anytime", 1},    {"if", 1},
                            {"after", 1},     {"once", 1},     {"as soon as", 1}, {"the moment", 1}};
const Words<int> person{{"i", 1}, {"you", 1}, {"u", 1}, {"we", 1}};

const Words<int> too_words{{"much", 1},    {"many", 1},  {"fast", 1},    {"soon", 1},  {"far", 1},
                           {"hard", 1},    {"quickly", 1}, {"quick", 1}, {"long", 1},  {"often", 1},
                           {"heavy", 1},   {"intense", 1}, {"early", 1}, {"little", 1}, {"tight", 1},
                           {"big", 1},     {"small", 1}, {"short", 1},   {"high", 1},  {"low", 1},
                           {"aggressive", 1}, {"aggressively", 1}, {"frequently", 1}, {"rapidly", 1},
                           {"weak", 1},    {"stiff", 1}, {"worn", 1},    {"old", 1},   {"soft", 1},
                           {"flat", 1},    {"narrow", 1}, {"steep", 1}};

const Words<int> question_start{{"did you", 1},    {"are you", 1},    {"were you", 1},  {"have you been", 1},
                                {"do you ever", 1}, {"is it possible", 1}, {"could it be", 1}, {"was it", 1},
                                {"is it", 1},      {"might it be", 1}, {"are your", 1},  {"is your", 1},
                                {"were your", 1},  {"did your", 1},   {"do your", 1},   {"does your", 1},
                                {"could you be", 1}, {"might you be", 1}, {"have you changed", 1},
                                {"have you increased", 1}, {"did you change", 1}, {"did you increase", 1},
                                {"do you have", 1},  {"are you doing", 1}, {"have you been doing", 1},
                                {"any chance you", 1}, {"any chance its", 1}};

// ------------------------------------------------------------ rules


const auto stress_phrase = put_verbs >> _ >> -(amount >> _) >> -((any_word - stress_nouns) >> _) >> stress_nouns >> _ >>
                           (W("on") | W("onto") | W("through") | W("into") | W("in"));
// The alternatives, tried in this order at each word (the first that
// matches wins); cause_cue_starts_in_order() below gives, in the same order, the
// words each can start with.
const auto cause_cue_alternatives = std::make_tuple(
    // Blame X; I'd blame X; not enough X, lack of X (a cause by what is missing).
    cue_rule((x3::eps[start(Cue::cause_likely, Certainty::probable)] >>
              (W("blame") | W("i blame") | W("id blame") | W("i would blame") | W("i'd blame")) >> B)),
    cue_rule((x3::eps[start(Cue::cause_too_much)] >> (W("not enough") | W("lack of") | W("too little") |
                                                       W("a lack of") | W("not getting enough"))[set_marked] >> B)),
    // X will do it; X can do that (before the general form, whose optional modal would take "will").
    cue_rule((x3::eps[start(Cue::cause_verb)] >> (W("will") | W("would") | W("can") | W("could")) >> _ >>
              (W("do it") | W("do that") | W("do this") | W("cause it") | W("cause that")) >> B)),
// X [can] [not] cause Y; X puts (a lot of) stress on Y; X is bad for Y.
    cue_rule((x3::eps[start(Cue::cause_verb)] >> -(modal[set_cert] >> _) >> -(negation[set_neg] >> _) >>
     -(hedge_adv[set_cert] >> _) >>
     (cause_verb_words | stress_phrase | (copula >> _ >> -((W("really") | W("very") | W("so")) >> _) >> bad_for) |
      (copula >> _ >> -(W("a") >> _ | W("an") >> _ | W("the") >> _) >> -(W("very") >> _) >> way_adj >> _ >>
       W("way") >> _ >> W("to") >> _ >> injury_verbs)) >> B)),
    // That's textbook X; classic X; sounds like a classic case of X.
    cue_rule((x3::eps[start(Cue::cause_diagnosis)] >> diag_subject >> _ >> -(hedge_strong[set_cert] >> _) >>
       diag_adj[set_marked] >> B)),
    cue_rule((x3::eps[start(Cue::cause_diagnosis)] >> diag_adj[set_marked] >> B)),
    // My optometrist said (it's) X; the doctor diagnosed me with X.
    cue_rule((x3::eps[start(Cue::cause_diagnosis)] >> -(determiner >> _) >> authority >> _ >> diag_verb[set_marked] >>
       -(_ >> diag_that) >> B)),
    cue_rule((x3::eps[start(Cue::cause_diagnosis)] >> (W("diagnosed with") | W("got diagnosed with") |
                                                W("was diagnosed with"))[set_marked] >> B)),
    // That pattern (usually) means X; that screams X.
    cue_rule((x3::eps[start(Cue::cause_diagnosis)] >> pattern_verbs >> B)),
    // For me it was X; it turned out to be X.
    cue_rule((x3::eps[start(Cue::cause_likely, Certainty::asserted)] >> experience_was[set_author] >> B)),
    // Since I upped my mileage; started me on metformin; I finished a course of X.
    cue_rule((x3::eps[start(Cue::cause_since, Certainty::possible)] >> since_words >> _ >> -(W("i") >> _) >>
       change_verbs >> B)),
    cue_rule((x3::eps[start(Cue::cause_since, Certainty::possible)] >>
       ((W("started me on") | W("put me on") | W("switched me to") | W("prescribed me") | W("gave me a course of")) |
        ((W("i") >> _) >> -(W("just") >> _ | W("recently") >> _) >>
         (W("started") | W("began") | W("switched to") | W("started taking") | W("began taking") | W("was put on") |
          W("went on") | W("upped") | W("increased") | W("added") | W("bumped up") | W("bumped") | W("jumped to") |
          W("doubled") | W("moved up to") | W("took up")))) >> B)),
    cue_rule((x3::eps[start(Cue::cause_since, Certainty::possible)] >> -(W("i") >> _) >>
       (W("finished") | W("took") | W("did") | W("was on") | W("am on") | W("completed")) >> _ >> W("a") >> _ >>
       *((any_word - W("course")) >> _) >> W("course of") >> B)),
    // "Started sertraline three weeks ago" (the extractor keeps it only at the head of a sentence).
    cue_rule((x3::eps[start(Cue::cause_since, Certainty::possible)] >>
       (W("started taking") | W("started") | W("began") | W("switched to")) >> B)),
    // "the culprit is X" (before "X is the culprit" so both orders are tried).
    cue_rule((x3::eps[start(Cue::cause_culprit_r)] >> determiner >> _ >> -(culprit_adj >> _) >> culprit_nouns >>
       -(_ >> of_this) >> _ >> copula_c[set_cert] >> B >>
       !(_ >> (W("that") | W("i") | W("you") | W("not") | W("the same"))))),
    // X is [probably] [not] the [main] culprit|cause|problem; X is to blame.
    cue_rule((x3::eps[start(Cue::cause_culprit)] >>
       ((copula_neg[set_neg] | copula_c[set_cert]) >> _ >> -(hedge_adv[set_cert] >> _) >>
        ((determiner >> _ >> -(culprit_adj >> _) >> culprit_nouns) | blame) >> B))),
    // Y because of X; Y (probably) from X; due to X; caused by X.
    cue_rule((x3::eps[start(Cue::cause_because)] >> -(hedge_adv[set_cert] >> _) >> because_words[set_cert] >> B)),
    // sounds like X; looks like X.
    cue_rule((x3::eps[start(Cue::cause_likely)] >> sounds[set_cert] >> B)),
    // I think its X; I bet you're X.
    cue_rule((x3::eps[start(Cue::cause_likely)] >> belief[set_cert] >> -(_ >> W("that")) >> _ >> subject >>
       -(_ >> hedge_adv[set_cert]) >> B)),
    // I doubt its X: a negated cause.
    cue_rule((x3::eps[start(Cue::cause_likely)] >> (W("i doubt") | W("i dont think") | W("i do not think") |
                                             W("i dont believe") | W("i do not believe"))[set_neg] >>
       -(_ >> W("that")) >> _ >> subject >> -(_ >> hedge_adv[set_cert]) >> B)),
    // its probably X; your probably X-ing; it could be X.
    // its probably not X; it's not a sprain (negated: the cause is ruled out).
    cue_rule((x3::eps[start(Cue::cause_likely)] >> subject >> _ >> -(hedge_strong[set_cert] >> _) >>
       (W("not") | W("never") | W("definitely not") | W("probably not"))[set_neg] >> B)),
    cue_rule((x3::eps[start(Cue::cause_likely)] >> subject >> _ >> (hedge_strong[set_cert] | modal_be[set_cert]) >> B)),
    // X is a myth; X is fine; X is not the issue.
    cue_rule((x3::eps[start(Cue::cause_culprit)] >> copula_c >> _ >> -(hedge_adv >> _) >> not_it[set_neg] >> B)),
    // X sets bones up for Y.
    cue_rule((x3::eps[start(Cue::cause_verb)] >> (W("set") | W("sets") | W("setting")) >> _ >>
       *((any_word - W("up")) >> _) >> W("up for") >> B)),
    // it may be that X; maybe its X; could be X.
    cue_rule((x3::eps[start(Cue::cause_likely)] >> that_be[set_cert] >> B)),
    // when I X; every time you X.
    cue_rule((x3::eps[start(Cue::cause_when)] >> when_words >> _ >> person >> B)),
    // X is too much; too many miles; too soon.
    cue_rule((x3::eps[start(Cue::cause_too_much)] >> -((W("way") | W("much") | W("a bit") | W("a little")) >> _) >>
       W("too") >> _ >> too_words >> B)),
    // did you X?; are you X?
    cue_rule((x3::eps[start(Cue::cause_question, Certainty::questioned)] >> question_start >> B)),
    // X until proven otherwise; stye city (the extractor needs a named condition on the left).
    cue_rule((x3::eps[start(Cue::cause_diag_after, Certainty::probable)] >> diag_after >> B)),
    // my guess is X.
    cue_rule((x3::eps[start(Cue::cause_likely)] >> guess_is[set_cert] >> B)),
    // That's X (last: any other reading of "that's" comes first; the slot must name a known condition).
    cue_rule((x3::eps[start(Cue::cause_diagnosis)] >> diag_subject >> B)));

std::vector<std::vector<std::string>> cause_cue_starts_in_order() {
    return {
        FirstWords().add({"blame", "i", "id"}).words,
        FirstWords().add({"not", "lack", "too", "a"}).words,
        FirstWords().add({"will", "would", "can", "could"}).words,
        FirstWords().add(modal).add(negation).add(hedge_adv).add(cause_verb_words).add(put_verbs).add(copula).words,
        FirstWords().add(diag_subject).words,
        FirstWords().add(diag_adj).words,
        FirstWords().add(determiner).add(authority).words,
        FirstWords().add({"diagnosed", "got", "was"}).words,
        FirstWords().add(pattern_verbs).words,
        FirstWords().add(experience_was).words,
        FirstWords().add(since_words).words,
        FirstWords().add({"started", "put", "switched", "prescribed", "gave", "i"}).words,
        FirstWords().add({"i", "finished", "took", "did", "was", "am", "completed"}).words,
        FirstWords().add({"started", "began", "switched"}).words,
        FirstWords().add(determiner).words,
        FirstWords().add(copula_neg).add(copula_c).words,
        FirstWords().add(hedge_adv).add(because_words).words,
        FirstWords().add(sounds).words,
        FirstWords().add(belief).words,
        FirstWords().add({"i"}).words,
        FirstWords().add(subject).words,
        FirstWords().add(subject).words,
        FirstWords().add(copula_c).words,
        FirstWords().add({"set", "sets", "setting"}).words,
        FirstWords().add(that_be).words,
        FirstWords().add(when_words).words,
        FirstWords().add({"way", "much", "a", "too"}).words,
        FirstWords().add(question_start).words,
        FirstWords().add(diag_after).words,
        FirstWords().add(guess_is).words,
        FirstWords().add(diag_subject).words};
}



}  // namespace

void find_cause_cues(const PostWords& pw, const Sentence& s, std::vector<CueHit>& out) {
    scan_alternatives(pw, s, cause_cue_alternatives, &Word::cause_alts, out);
}


std::vector<std::vector<std::string>> cause_cue_starts() {
    auto starts = cause_cue_starts_in_order();
    if (starts.size() != std::tuple_size_v<decltype(cause_cue_alternatives)>)
        throw std::logic_error("cause_cue: the list of first words does not match the alternatives");
    return starts;
}

}  // namespace fkb::advice
