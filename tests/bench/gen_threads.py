#!/usr/bin/env python3
"""Generates realistic forum threads in the thread JSON-lines format.

Each thread is an exercise or health forum question (a body part, a
complaint, an activity, a time frame) followed by replies: diagnoses with
varied certainty ("it's probably your X", "could be X", "not X"), advice
("try X", "I suggest X", imperatives, lists), personal experience and
outcomes ("after adding X the pain lessened"), credentials ("I coach
runners"), quotes of earlier posts, thanks and off-topic chatter. All
phrasing is written for this generator; nothing is copied from real posts.

    gen_threads.py --mb 200 --seed 1 > dump.jsonl
    gen_threads.py --threads 1000 -o dump.jsonl

The output is deterministic for a given seed and size, so benchmark runs
compare like with like.
"""
import argparse
import json
import random
import sys

BODY = ["lower back", "upper back", "left knee", "right knee", "knees", "shoulders", "left shoulder", "neck",
        "hips", "right hip", "shins", "calves", "left calf", "heel", "arches", "ankle", "wrist", "elbow",
        "hamstrings", "quads", "groin", "lower abdomen", "IT band area", "achilles", "big toe", "forearms"]
COMPLAINT = ["pain", "ache", "soreness", "stiffness", "tightness", "a burning feeling", "a sharp twinge",
             "throbbing", "numbness", "tingling", "a dull ache", "swelling", "clicking", "cramps"]
ADJ = ["sore", "stiff", "tight", "achy", "tender", "swollen", "numb", "weak"]
ACTIVITY = ["running", "long runs", "cycling", "spin class", "deadlifts", "squats", "swimming", "yoga",
            "hiking downhill", "climbing", "rowing", "tennis", "playing football", "sitting at my desk",
            "a half marathon", "interval training", "jump rope", "pilates", "gardening", "carrying my toddler"]
ONSET = ["after", "during", "the morning after", "a few hours after", "right at the start of",
         "about twenty minutes into"]
DURATION = ["for two weeks", "for a month now", "since last spring", "for a few days", "on and off for a year",
            "since I upped my mileage", "for about six weeks"]
CAUSE = ["weak core muscles", "tight hip flexors", "poor running form", "overstriding", "worn out shoes",
         "too much mileage too soon", "a muscle imbalance", "flat feet", "a stress fracture", "dehydration",
         "low magnesium", "bad posture", "your saddle height", "a pinched nerve", "tendinitis",
         "plantar fasciitis", "shin splints", "runner's knee", "IT band syndrome", "tight calves",
         "weak glutes", "sleeping on a soft mattress", "lifting with a rounded back", "heel striking",
         "a lack of warm up", "inflammation", "an old injury flaring up", "your statin medication"]
REMEDY = ["core exercises", "planks", "stretching your hamstrings", "foam rolling", "ice after runs",
          "rest for a week", "new running shoes", "a proper gait analysis", "physical therapy",
          "glute bridges", "yoga twice a week", "ibuprofen", "a heat pack", "shorter strides",
          "cutting your mileage by a third", "calf raises", "massage", "compression sleeves",
          "a standing desk", "orthotic insoles", "cross training", "seeing a sports doctor",
          "magnesium supplements", "drinking more water", "a slower warm up", "strength training",
          "kinesiology tape", "lowering the saddle", "the couch stretch", "eccentric heel drops"]
OUTCOME = ["the pain lessened", "it went away completely", "it got a little better", "nothing changed",
           "it actually got worse", "I was back running within a month", "the stiffness eased off"]
CRED = ["I coach runners at a local club", "As a physical therapist I see this a lot",
        "I've been running for 20 years", "I'm a personal trainer", "I had exactly this problem last year",
        "I work in sports medicine", "I've done six marathons", "Speaking as a nurse"]
CHATTER = ["Thanks everyone, this is really helpful!", "Bump, anyone?", "Same here, following this thread.",
           "Good luck, hope you heal up soon.", "lol my knees sound like a bowl of cereal too",
           "Great thread.", "Did you ever figure it out?", "Sorry to hear that, it's frustrating."]
FORUMS = [("Running", "Injuries"), ("Fitness", "Health and Wellness"), ("Cycling", "Bike Fit"),
          ("Weightlifting", "Injuries and Recovery"), ("Yoga", "Beginners"), ("Hiking", "Gear and Health")]
NAMES = ["trailfox", "milesmom", "kneedeep", "pacer_pete", "gymrat88", "sorefeet", "coach_lin", "ptjenna",
         "runnerdan", "quietstrider", "hillbilly_hiker", "yoga_ana", "spinqueen", "liftheavy", "newbie2024",
         "doc_maybe", "slowbutsteady", "couch2k", "ultraluke", "marathonmia"]


def pick(r, xs):
    return xs[r.randrange(len(xs))]


def question(r):
    body, comp, act = pick(r, BODY), pick(r, COMPLAINT), pick(r, ACTIVITY)
    forms = [
        f"I get {comp} in my {body} {pick(r, ONSET)} {act} and it has been going {pick(r, DURATION)}. Any idea what causes this?",
        f"My {body} is really {pick(r, ADJ)} {pick(r, ONSET)} {act}. It started {pick(r, DURATION)}. What should I do?",
        f"Hi all. New here. {pick(r, DURATION).capitalize()} I've had {comp} in my {body}, mostly {pick(r, ONSET)} {act}.\n"
        f"I stretch before and after. Is this something to worry about?",
        f"Quick question: {comp} in the {body} {pick(r, ONSET)} {act}, normal or not? I'm 41 and fairly active.",
    ]
    title = f"{body.capitalize()} {comp.replace('a ', '')} {pick(r, ['after', 'from', 'when'])} {act}"
    return title, pick(r, forms)


def reply(r, opener):
    c, c2, rem, rem2 = pick(r, CAUSE), pick(r, CAUSE), pick(r, REMEDY), pick(r, REMEDY)
    parts = []
    if r.random() < 0.25:
        parts.append(pick(r, CRED) + ".")
    kind = r.random()
    if kind < 0.3:
        parts.append(pick(r, [f"It's probably {c}.", f"Sounds like {c} to me.", f"Could be {c}, or maybe {c2}.",
                              f"{c.capitalize()} can cause exactly that.", f"I doubt it's {c}, more likely {c2}.",
                              f"It is not {c}, that would hurt all the time."]))
        parts.append(pick(r, [f"Try {rem}.", f"I suggest {rem} and {rem2}.", f"Start with {rem}.",
                              f"Avoid {pick(r, ACTIVITY)} for a while and do {rem}."]))
    elif kind < 0.55:
        parts.append(f"I had the same thing in my {pick(r, BODY)}. After adding {rem} {pick(r, OUTCOME)}.")
        if r.random() < 0.5:
            parts.append(f"My physio said it was {c}.")
    elif kind < 0.75:
        items = r.sample(REMEDY, 3)
        parts.append("A few things that helped me:\n- " + "\n- ".join(i.capitalize() for i in items))
    elif kind < 0.85:
        parts.append(f"Have you tried {rem}? It might be {c}, but get it checked if it lasts.")
    else:
        parts.append(pick(r, CHATTER))
    text = " ".join(parts)
    if r.random() < 0.15 and opener:
        q = opener[: r.randrange(30, min(len(opener), 120) + 1)] if len(opener) > 30 else opener
        text = q + "\n\n" + text
        return text, {"start": 0, "end": len(q.encode("utf-8"))}
    return text, None


def thread(r, n):
    forum, category = pick(r, FORUMS)
    title, opener = question(r)
    tid = f"gen-{n}"
    posts = []
    for i in range(1 + min(int(r.expovariate(1 / 5.0)), 40)):
        author = pick(r, NAMES) + str(r.randrange(100))
        if i == 0:
            text, quote = opener, None
        else:
            text, quote = reply(r, opener)
        post = {"post_id": f"{tid}-p{i}", "parent_id": None if i == 0 else f"{tid}-p0", "author": author,
                "author_signals": {"post_count": r.randrange(1, 5000), "role": pick(r, ["Member", "Member", "Moderator"]),
                                   "level": r.randrange(1, 8), "reputation": r.randrange(0, 900), "flair": None},
                "created": f"2023-{r.randrange(1, 13):02}-{r.randrange(1, 29):02}T{r.randrange(24):02}:00:00Z",
                "created_text": None, "text": text, "likes": r.randrange(0, 30), "score": None,
                "accepted": i > 0 and r.random() < 0.05, "quotes": []}
        if quote:
            quote["post_id"] = f"{tid}-p0"
            post["quotes"].append(quote)
        posts.append(post)
    return {"source": "gen", "thread_id": tid, "url": f"https://forum.example.org/t/{tid}", "title": title,
            "forum": forum, "category": category, "posts": posts}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, help="stop after about this many megabytes (10^6 bytes)")
    ap.add_argument("--threads", type=int, help="stop after this many threads")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", help="output file (default stdout)")
    a = ap.parse_args()
    if a.mb is None and a.threads is None:
        a.threads = 1000
    r = random.Random(a.seed)
    out = open(a.output, "w", encoding="utf-8") if a.output else sys.stdout
    written, n = 0, 0
    while (a.threads is None or n < a.threads) and (a.mb is None or written < a.mb * 1e6):
        line = json.dumps(thread(r, n), ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode("utf-8"))
        n += 1
    out.flush()


if __name__ == "__main__":
    main()
