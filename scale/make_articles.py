"""Writes N generated news articles (invented people, organisations and places; quotes,
pronouns, aliases) as a folder of .txt files and as JSON lines with the same ids, for
testing that every way of running broadsheet gives the same reports.

    python3 scale/make_articles.py N FOLDER JSONL [SEED]

Deterministic for a given N and seed. Half the JSON records carry the headline in
`title`, the other half inside `text`, as a file would.
"""

import json
import os
import random
import sys

PEOPLE = [
    ("Amara", "Okonkwo-Reyes", "she"),
    ("Callum", "Vance", "he"),
    ("Tobias", "Kendrick", "he"),
    ("Fiona", "Gallagher-Stone", "she"),
    ("Idris", "Marchetti", "he"),
    ("Lena", "Vasquez-Holt", "she"),
    ("Oren", "Blackwood", "he"),
    ("Priya", "Anand-Sole", "she"),
]
TITLES = ["Finance Minister", "President", "Chief Executive", "Senator", "Mayor"]
ORGS = [
    "National Energy Regulator",
    "Harbour Workers Union",
    "Central Bank of Norland",
    "Meridian Shipping",
    "Coastal Power Authority",
]
PLACES = ["Leeds", "Felixstowe", "Aberdeen", "Port Elstow", "Norland", "Caldmoor"]
TOPICS = [
    ("energy prices", ["bills", "gas", "tariff", "supply", "winter", "households"]),
    ("port strike", ["dockworkers", "pay", "containers", "union", "ballot", "shipping"]),
    ("interest rates", ["inflation", "mortgage", "borrowing", "markets", "bank", "growth"]),
    ("flood defences", ["rain", "river", "homes", "barrier", "council", "insurance"]),
]
CUES = ["said", "told reporters", "said in a statement", "added"]
QUOTES = [
    "We will not back down on this",
    "This is painful news for millions of families",
    "The figures speak for themselves",
    "No deal is better than a bad deal",
    "We expect a difficult winter but the system will hold",
    "Nobody wants a long dispute",
    "It is too early to say what this means for {place}",
]


def sentence(rng, topic, words, people, seen):
    first, last, pron = rng.choice(people)
    name = f"{first} {last}"
    who = name if name not in seen else rng.choice([last, pron.capitalize()])
    seen.add(name)
    org = rng.choice(ORGS)
    place = rng.choice(PLACES)
    w = rng.sample(words, 3)
    quote = rng.choice(QUOTES).format(place=place)
    open_q, close_q = rng.choice([('"', '"'), ("\u201c", "\u201d")])
    forms = [
        f"{rng.choice(TITLES)} {name} met officials of the {org} in {place} to discuss {topic}.",
        f"{open_q}{quote},{close_q} {who} {rng.choice(CUES)}.",
        f"{who} {rng.choice(CUES)} the {w[0]} and {w[1]} in {place} would change.",
        f"The {org} said {w[0]} {w[1]} rose while {w[2]} fell in {place}.",
        f"According to the {org}, {topic} in {place} depend on {w[0]} and {w[2]}.",
        f"{name} and {rng.choice(people)[1]} spoke about {w[1]} on Monday.",
    ]
    return rng.choice(forms)


def article(rng):
    topic, words = rng.choice(TOPICS)
    people = rng.sample(PEOPLE, 3)
    place = rng.choice(PLACES)
    title = f"{topic.title()} in {place}: {people[0][1]} Speaks"
    seen = set()
    paragraphs = []
    for _ in range(rng.randint(2, 6)):
        paragraphs.append(
            " ".join(sentence(rng, topic, words, people, seen) for _ in range(rng.randint(1, 4)))
        )
    return title, "\n\n".join(paragraphs) + "\n"


def main():
    n, folder, jsonl = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 8)
    os.makedirs(folder, exist_ok=True)
    with open(jsonl, "w", encoding="utf-8") as out:
        for i in range(n):
            title, body = article(rng)
            rel = f"{['world', 'business', 'uk'][i % 3]}/{i:05d}.txt"
            path = os.path.join(folder, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            text = f"{title}\n\n{body}"
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            if i % 2:
                record = {"id": rel, "title": title, "text": body}
            else:
                record = {"id": rel, "text": text}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        # A blank file is skipped the same way whichever route it takes.
        rel = "uk/blank.txt"
        with open(os.path.join(folder, rel), "w") as f:
            f.write("  \n")
        out.write(json.dumps({"id": rel, "text": "  \n"}) + "\n")


if __name__ == "__main__":
    main()
