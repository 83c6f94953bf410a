// Remedy cue grammars (Spirit X3): the phrases that announce advice or a
// remedy someone used, and on which side of them the remedy stands. "try X",
// "I would suggest X", "make sure X", "avoid X", "you should X", "your X
// should be Y", "it's a good idea to X" put the remedy after the cue; "X
// helps", "X is what I do", "X is a great way to ..." put it before. Cues in
// the past tense with "I" mark the author's own experience, and the cue
// itself may carry an outcome ("X worked", "X didn't help"). Sentence-initial
// imperatives ("Shorten your stride") are found by the extractor from the
// imperative word list, not here.
#include "x3_support.hpp"

#include <stdexcept>

namespace fkb::advice {

namespace {

using namespace x3s;
using C = Certainty;
using O = Outcome;

const Words<int> adv{{"also", 1},   {"definitely", 1}, {"really", 1}, {"probably", 1}, {"just", 1},
                     {"still", 1},  {"always", 1},     {"honestly", 1}, {"seriously", 1}, {"strongly", 1},
                     {"highly", 1}, {"first", 1},      {"then", 1},   {"absolutely", 1}, {"totally", 1},
                     {"would", 1},  {"do", 1},         {"personally", 1}, {"might", 1}, {"may", 1}, {"could", 1},
                     {"can", 1},    {"will", 1},       {"generally", 1}, {"usually", 1}, {"normally", 1},
                     {"often", 1},  {"sometimes", 1}};

const Words<int> try_words{{"try", 1}, {"tried", 1}, {"try out", 1}, {"tries", 1}, {"try adding", 1},
                           {"give", 1}};

const Words<int> suggest_verbs{{"suggest", 1},   {"recommend", 1},  {"advise", 1},    {"reccomend", 1},
                               {"recomend", 1},  {"suggested", 1},  {"recommended", 1}, {"advice", 1},
                               {"would suggest", 1}, {"would recommend", 1}, {"would advise", 1},
                               {"encourage", 1}, {"swear by", 1},   {"prescribe", 1}};
const Words<int> advice_nouns{{"advice", 1},  {"suggestion", 1}, {"suggestions", 1}, {"recommendation", 1},
                              {"tip", 1},     {"tips", 1},       {"best advice", 1}, {"answer", 1},
                              {"best bet", 1}, {"go to", 1},     {"solution", 1},    {"fix", 1},
                              {"cure", 1},    {"remedy", 1},     {"trick", 1},       {"key", 1},
                              {"secret", 1},  {"treatment", 1},  {"first step", 1}};
const Words<int> advice_be{{"is", 1}, {"would be", 1}, {"are", 1}, {"was", 1}, {"is to", 1}, {"would be to", 1}};

const Words<int> you_could{{"you could", 1},          {"you might want to", 1}, {"you may want to", 1},
                           {"you might try", 1},      {"you could try", 1},     {"might want to", 1},
                           {"may want to", 1},        {"you can try", 1},       {"you may need to", 1},
                           {"you might need to", 1},  {"consider", 1},          {"you can also", 1},
                           {"you might consider", 1}, {"you could also", 1},    {"you may wish to", 1},
                           {"u could", 1},            {"u might want to", 1},   {"you could always", 1},
                           {"maybe try", 1},          {"perhaps try", 1},       {"might help to", 1},
                           {"it helps to", 1},        {"it might help to", 1},  {"it may help to", 1},
                           {"it would help to", 1},   {"it can help to", 1},    {"it will help to", 1},
                           {"it could help to", 1},   {"it also helps to", 1},  {"it really helps to", 1},
                           {"what helped was", 1},    {"what helps is", 1},
                           {"what fixed it was", 1},  {"the only thing that helps is", 1}};
// The author's own experience: "what helped me was X".
const Words<int> what_helped_me{{"what helped me was", 1}, {"what helped me is", 1}, {"what worked for me was", 1},
                                {"what works for me is", 1}, {"what i do is", 1},    {"what i did was", 1},
                                {"what fixed it for me was", 1}, {"what fixed mine was", 1},
                                {"the only thing that helped was", 1}, {"the thing that helped me most was", 1},
                                {"the only thing that helped me was", 1}, {"what finally worked was", 1}};

const Words<int> make_sure{{"make sure", 1},        {"be sure to", 1},         {"remember to", 1},
                           {"dont forget to", 1},   {"do not forget to", 1},   {"pay attention to", 1},
                           {"pay close attention to", 1}, {"focus on", 1},      {"concentrate on", 1},
                           {"work on", 1},          {"make a point to", 1},    {"be careful to", 1},
                           {"try to", 1},           {"always", 1},             {"make it a habit to", 1},
                           {"get in the habit of", 1}, {"start with", 1},      {"start off with", 1},
                           {"start out with", 1},   {"start by", 1},           {"begin with", 1},
                           {"stick with", 1},       {"stick to", 1},           {"switch to", 1},
                           {"invest in", 1},        {"look into", 1},          {"get into", 1},
                           {"keep up with", 1},     {"build up", 1},           {"ease into", 1},
                           {"ease back into", 1},   {"work up to", 1},         {"work your way up to", 1},
                           {"be mindful of", 1},    {"watch your", 1},         {"listen to your body", 1}};

const Words<int> avoid_words{{"cut out", 1}, {"cut out the", 1}, {"avoid", 1},        {"stay away from", 1}, {"cut back on", 1}, {"cut down on", 1},
                             {"steer clear of", 1}, {"try not to", 1},   {"try to avoid", 1}, {"limit", 1},
                             {"dont overdo", 1},  {"do not overdo", 1},  {"stop", 1},        {"quit", 1},
                             {"lay off", 1},      {"back off", 1},       {"give up", 1},     {"skip", 1},
                             {"never", 1},        {"dont", 1},           {"do not", 1},      {"avoided", 1},
                             {"stopped", 1},      {"quit doing", 1},     {"no more", 1},     {"ditch", 1}};

const Words<int> you{{"you", 1}, {"u", 1}, {"ya", 1}, {"one", 1}, {"runners", 1}, {"everyone", 1}, {"we", 1},
                     {"you guys", 1}, {"yall", 1}, {"people", 1}};
const Words<int> should_words{{"should", 1},   {"need to", 1},  {"needs to", 1},  {"have to", 1},   {"must", 1},
                              {"want to", 1},  {"ought to", 1}, {"gotta", 1},     {"got to", 1},    {"will want to", 1},
                              {"will need to", 1}, {"wanna", 1}, {"better", 1},   {"should try to", 1},
                              {"should really", 1}, {"shoud", 1}, {"shld", 1},    {"would benefit from", 1},
                              {"might benefit from", 1}, {"could benefit from", 1}, {"may benefit from", 1},
                              {"definitely need to", 1}, {"should definitely", 1}, {"should also", 1},
                              {"need", 1},     {"probably need", 1}, {"might need", 1}};
// Advice in the first person conditional: "I'd ice it", "if I were you I'd get it looked at".
const Words<int> id_advice{{"id", 1},           {"i would", 1},        {"if i were you id", 1},
                           {"if i were you i would", 1}, {"id probably", 1}, {"i would probably", 1},
                           {"id definitely", 1}, {"id just", 1},       {"if i were you", 1}};
const Words<int> swear_by{{"swear by", 1}, {"swears by", 1}, {"people swear by", 1}, {"a lot of people swear by", 1},
                          {"lots of people swear by", 1}, {"many runners swear by", 1}};

const Words<int> worth_subject{{"its", 1},       {"it is", 1},     {"it would be", 1}, {"it might be", 1},
                               {"it may be", 1}, {"it could be", 1}, {"its probably", 1}, {"it is probably", 1},
                               {"its always", 1}, {"its also", 1},  {"it is also", 1}, {"its really", 1},
                               {"i think its", 1}, {"i find its", 1}, {"its very", 1}, {"it is very", 1},
                               {"its super", 1}, {"its so", 1},     {"thats why its", 1}};
const Words<int> worth_words{{"a good idea to", 1}, {"a great idea to", 1}, {"best to", 1},    {"better to", 1},
                             {"worth", 1},          {"important to", 1},    {"key to", 1},     {"wise to", 1},
                             {"helpful to", 1},     {"smart to", 1},        {"essential to", 1}, {"vital to", 1},
                             {"crucial to", 1},     {"good to", 1},         {"a good idea", 1}, {"worthwhile to", 1},
                             {"beneficial to", 1},  {"critical to", 1},     {"necessary to", 1}};

const Words<O> helps_words{
    {"helps", O::improved},        {"helped", O::improved},          {"will help", O::none},
    {"should help", O::none},      {"can help", O::none},            {"may help", O::none},
    {"might help", O::none},       {"would help", O::none},          {"could help", O::none},
    {"really helps", O::improved}, {"really helped", O::improved},   {"also helps", O::improved},
    {"also helped", O::improved},  {"helps a lot", O::improved},     {"helped a lot", O::improved},
    {"helped me", O::improved},    {"helps me", O::improved},        {"works", O::improved},
    {"worked", O::resolved},       {"works wonders", O::improved},   {"worked wonders", O::resolved},
    {"does wonders", O::improved}, {"did wonders", O::resolved},     {"did the trick", O::resolved},
    {"does the trick", O::improved}, {"is what i do", O::none},      {"is what i did", O::none},
    {"is what worked", O::resolved}, {"is what works", O::improved}, {"is what helped", O::improved},
    {"are what i do", O::none},    {"is what i use", O::none},       {"is what fixed it", O::resolved},
    {"fixed it", O::resolved},     {"fixed my", O::resolved},        {"fixed the problem", O::resolved},
    {"cured it", O::resolved},     {"cured my", O::resolved},        {"cleared it up", O::resolved},
    {"made a difference", O::improved}, {"made a big difference", O::improved},
    {"made a huge difference", O::improved}, {"makes a difference", O::improved},
    {"makes a big difference", O::improved}, {"makes a huge difference", O::improved},
    {"is a great way to", O::none}, {"is a good way to", O::none},   {"are a great way to", O::none},
    {"are a good way to", O::none}, {"is the best way to", O::none}, {"are the best way to", O::none},
    {"is an excellent way to", O::none}, {"are an excellent way to", O::none},
    {"is key", O::none},           {"is the key", O::none},          {"saved me", O::resolved},
    {"saved my", O::resolved},     {"is great for", O::none},        {"are great for", O::none},
    {"is good for", O::none},      {"are good for", O::none},        {"is your friend", O::none},
    {"are your friend", O::none},  {"is your best friend", O::none}, {"are your best friend", O::none},
    {"goes a long way", O::none},  {"go a long way", O::none},       {"took care of it", O::resolved},
    {"got rid of it", O::resolved}, {"solved it", O::resolved},      {"solved my", O::resolved},
    {"solved the problem", O::resolved}, {"is a lifesaver", O::improved}, {"was a lifesaver", O::improved},
    {"was a game changer", O::improved}, {"is a game changer", O::improved},
    {"relieves", O::improved},     {"relieved", O::improved},        {"eases", O::improved},
    {"eased", O::improved},        {"reduces", O::none},             {"will reduce", O::none},
    {"can reduce", O::none},       {"prevents", O::none},            {"will prevent", O::none},
    {"can prevent", O::none},      {"will strengthen", O::none},     {"strengthens", O::none},
    {"will loosen", O::none},      {"loosens", O::none},             {"is the answer", O::none},
    {"is the way to go", O::none}, {"are the way to go", O::none},   {"is a must", O::none},
    {"are a must", O::none},       {"is essential", O::none},        {"are essential", O::none},
    {"is recommended", O::none},   {"are recommended", O::none},     {"is really important", O::none},
    {"is important", O::none},     {"are important", O::none},       {"is crucial", O::none},
    {"didnt help", O::no_effect},  {"did not help", O::no_effect},   {"doesnt help", O::no_effect},
    {"does not help", O::no_effect}, {"didnt work", O::no_effect},   {"did not work", O::no_effect},
    {"doesnt work", O::no_effect}, {"did nothing", O::no_effect},    {"does nothing", O::no_effect},
    {"hasnt helped", O::no_effect}, {"havent helped", O::no_effect}, {"made it worse", O::worse},
    {"makes it worse", O::worse},  {"made things worse", O::worse},  {"only made it worse", O::worse},
    // Plural subjects and forum phrasings: "chin tucks help a lot", "a splint fixed mine".
    {"help", O::improved},         {"help a lot", O::improved},      {"really help", O::improved},
    {"help a ton", O::improved},   {"helps a ton", O::improved},     {"help with", O::none},
    {"helps with", O::none},       {"fixed mine", O::resolved},      {"sorted it", O::resolved},
    {"sorted mine", O::resolved},  {"sorted me out", O::resolved},   {"sorted it out", O::resolved},
    {"cleared mine up", O::resolved}, {"work well", O::improved},
    {"work better", O::improved},  {"works better", O::improved},    {"work much better", O::improved},
    {"work much faster", O::improved}, {"works well", O::improved},  {"worked for me", O::resolved},
    {"works for me", O::improved}, {"beat", O::none},                {"beats", O::none},
    {"is the best exercise for", O::none}, {"are the best exercise for", O::none},
    {"are the best exercises for", O::none}, {"is the best thing for", O::none},
    {"are the best thing for", O::none}, {"is the main treatment", O::none},
    {"is the best treatment", O::none}, {"is the standard treatment", O::none},
    {"are the standard rehab", O::none}, {"is the standard rehab", O::none},
    {"is the first line treatment", O::none}, {"are the first line treatment", O::none},
    {"is first line", O::none},    {"made it go away", O::resolved}, {"made the pain go away", O::resolved},
    {"takes load off", O::none},   {"take load off", O::none},       {"takes the pressure off", O::none},
    {"kept it away", O::resolved}, {"keeps it away", O::improved},   {"keeps it at bay", O::improved},
    {"kept it at bay", O::improved}, {"did nothing for me", O::no_effect}, {"did nothing for mine", O::no_effect},
    {"is what got me back", O::resolved}, {"are what got me back", O::resolved}, {"got me back", O::resolved},
    {"is what sorted it", O::resolved}, {"are what sorted it", O::resolved},
    {"is what finally sorted it", O::resolved}, {"are what finally sorted it", O::resolved},
    {"is what finally fixed it", O::resolved}, {"are what finally fixed it", O::resolved},
    {"finally sorted it", O::resolved}, {"finally fixed it", O::resolved}, {"is what fixed it", O::resolved},
    {"are what fixed it", O::resolved},
    {"made mine worse", O::worse}, {"made mine way worse", O::worse}, {"made it way worse", O::worse},
    {"made mine so much worse", O::worse}, {"killed the pain", O::improved}, {"took the edge off", O::improved},
    {"takes the edge off", O::improved}};
const Words<int> plan_words{{"ill", 1},          {"i will", 1},       {"im gonna", 1},     {"gonna", 1},
                            {"im going to", 1},  {"i am going to", 1}, {"will do", 1},    {"will try", 1},
                            {"will give", 1},    {"will start", 1},
                            {"i think ill", 1},  {"guess ill", 1},    {"i guess ill", 1},  {"ill definitely", 1},
                            {"ill probably", 1}, {"ill just", 1},     {"ill also", 1},     {"i will also", 1},
                            {"ill start", 1},
                            {"i plan to", 1},    {"planning to", 1},  {"im planning to", 1}, {"ill be", 1}};
const Words<int> plan_neg{{"ill skip", 1},        {"i will skip", 1},   {"not going to", 1},  {"im not going to", 1},
                          {"not gonna", 1},       {"im not gonna", 1},  {"i wont", 1},        {"wont be", 1},
                          {"ill pass on", 1},     {"ill hold off on", 1}, {"holding off on", 1}, {"not touching", 1},
                          {"not paying for", 1},  {"not doing", 1},     {"not trying", 1},    {"not quitting", 1},
                          {"im not quitting", 1}, {"im not doing", 1},  {"im not trying", 1}, {"not taking", 1},
                          {"im not taking", 1},   {"no way im", 1},     {"not risking", 1},   {"skipping", 1}};
const Words<int> relief_giver{{"gave me", 1}, {"gives me", 1}, {"give me", 1}, {"got me", 1}};

const Words<int> asked{{"have you tried", 1}, {"did you try", 1},     {"have you considered", 1},
                       {"ever tried", 1},     {"have you ever tried", 1}, {"did you ever try", 1},
                       {"you tried", 1},      {"have u tried", 1},    {"have you looked into", 1},
                       {"what about", 1},     {"how about", 1},       {"have you thought about", 1}};

// The alternatives, tried in this order at each word (the first that
// matches wins); remedy_cue_starts_in_order() below gives, in the same order, the
// words each can start with.
const auto remedy_cue_alternatives = std::make_tuple(
// have you tried X?
    cue_rule((x3::eps[start(Cue::remedy_asked, C::questioned)] >> asked >> B)),
    // I'll skip X; not going to X (a remedy the author turns down).
    cue_rule((x3::eps[start(Cue::remedy_plan)] >> plan_neg[set_neg] >> B)),
    // I'll X; gonna X; will do X.
    cue_rule((x3::eps[start(Cue::remedy_plan)] >> plan_words >> B >>
       !(_ >> (W("be") | W("let") | W("report") | W("update") | W("keep you") | W("see how") | W("post") | W("have") |
               W("feel") | W("need") | W("hurt") | W("probably") | W("never") | W("always") | W("get back to you"))))),
    // I tried X; try X; give X a try.
    cue_rule((x3::eps[start(Cue::remedy_try)] >> ((W("i") >> _)[set_author] >> -(adv >> _) >> W("tried")) >> B)),
    cue_rule((x3::eps[start(Cue::remedy_try)] >> try_words >> B >> !(_ >> (W("not") | W("to avoid"))))),
    // I would suggest X; I recommend X; my advice is X.
    cue_rule((x3::eps[start(Cue::remedy_suggest)] >> (W("i") | W("id") | W("we") | W("i would") | W("i always")) >> _ >>
       -(adv >> _) >> -(adv >> _) >> suggest_verbs >> B)),
    cue_rule((x3::eps[start(Cue::remedy_suggest)] >> (W("my") | W("the") | W("best") | W("the best") | W("one") | W("a good") |
                                                 W("another") | W("the only") | W("your best")) >>
       _ >> -(W("best") >> _) >> advice_nouns >> _ >> advice_be >> B)),
    cue_rule((x3::eps[start(Cue::remedy_suggest)] >> you_could >> B)),
    // I'd X (the extractor keeps it when X starts with a verb of advice).
    cue_rule((x3::eps[start(Cue::remedy_should)] >> id_advice >> B)),
    // people swear by X.
    cue_rule((x3::eps[start(Cue::remedy_suggest)] >> swear_by >> B)),
    cue_rule((x3::eps[start(Cue::remedy_suggest)] >> what_helped_me[set_author] >> B)),
    // it's a good idea to X; it's worth X.
    cue_rule((x3::eps[start(Cue::remedy_worth)] >> -(worth_subject >> _) >> -(adv >> _) >> worth_words >> B)),
    // make sure X; focus on X; start off with X.
    cue_rule((x3::eps[start(Cue::remedy_make_sure)] >> make_sure >> B)),
    // avoid X; stay away from X; cut back on X.
    cue_rule((x3::eps[start(Cue::remedy_avoid)] >> avoid_words >> B)),
    // your shoulders should be relaxed.
    cue_rule((x3::eps[start(Cue::remedy_should_be)] >> (W("your") | W("ur")) >> _ >> (any_word - W("should")) >>
       -(_ >> (any_word - W("should"))) >> _ >> W("should") >> _ >>
       (W("be") | W("stay") | W("feel") | W("always be") | W("remain") | W("land") | W("point") | W("hit"))) >> B),
    // you should X; you need to X; you want to X.
    cue_rule((x3::eps[start(Cue::remedy_should)] >> you >> _ >> -(adv >> _) >> should_words >> B)),
    // X helps; X is what I do; X is a great way to; X didn't help.
    cue_rule((x3::eps[start(Cue::remedy_helps)] >> -((W("really") | W("also") | W("definitely") | W("always")) >> _) >>
       helps_words[set_outcome] >> B)),
    // X gave me (three months of) relief.
    cue_rule((x3::eps[start(Cue::remedy_helps)] >> relief_giver >> _ >> *((any_word - W("relief")) >> _) >>
       W("relief")[outcome(O::improved)])));

std::vector<std::vector<std::string>> remedy_cue_starts_in_order() {
    return {
        FirstWords().add(asked).words,
        FirstWords().add(plan_neg).words,
        FirstWords().add(plan_words).words,
        FirstWords().add({"i"}).words,
        FirstWords().add(try_words).words,
        FirstWords().add({"i", "id", "we"}).words,
        FirstWords().add({"my", "the", "best", "one", "a", "another", "your"}).words,
        FirstWords().add(you_could).words,
        FirstWords().add(id_advice).words,
        FirstWords().add(swear_by).words,
        FirstWords().add(what_helped_me).words,
        FirstWords().add(worth_subject).add(adv).add(worth_words).words,
        FirstWords().add(make_sure).words,
        FirstWords().add(avoid_words).words,
        FirstWords().add({"your", "ur"}).words,
        FirstWords().add(you).words,
        FirstWords().add({"really", "also", "definitely", "always"}).add(helps_words).words,
        FirstWords().add(relief_giver).words};
}



}  // namespace

void find_remedy_cues(const PostWords& pw, const Sentence& s, std::vector<CueHit>& out) {
    scan_alternatives(pw, s, remedy_cue_alternatives, &Word::remedy_alts, out);
}


std::vector<std::vector<std::string>> remedy_cue_starts() {
    auto starts = remedy_cue_starts_in_order();
    if (starts.size() != std::tuple_size_v<decltype(remedy_cue_alternatives)>)
        throw std::logic_error("remedy_cue: the list of first words does not match the alternatives");
    return starts;
}

}  // namespace fkb::advice
