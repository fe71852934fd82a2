"""Word and sentence pools for the synthetic practice. Every name and sentence is invented.

The sentences read like plausible IPT session notes so that search, snippets and PDFs
work on text of a realistic shape (mostly ASCII prose with a few accented names), but
nothing here describes a real person. ``{p}`` stands for a person of the client's
interpersonal inventory.
"""

import random

FIRST_NAMES = (
    "Ada", "Bram", "Cora", "Dmitri", "Elodie", "Farid", "Greta", "Hugo", "Ines", "Jonas",
    "Kaia", "Lior", "Maren", "Nils", "Odile", "Pavel", "Quinn", "Rosa", "Soren", "Talia",
    "Ugo", "Vera", "Wren", "Xavi", "Yara", "Zeno", "Amara", "Bastien", "Celeste", "Dario",
    "Esme", "Felix", "Gwen", "Henrik", "Isolde", "Jude", "Kofi", "Lena", "Mateo", "Noor",
    "Orla", "Piet", "Rhea", "Stellan", "Tove", "Ulla", "Valentin", "Wilma", "Yusuf", "Zoé",
)  # fmt: skip
LAST_NAMES = (
    "Abernathy", "Birchwood", "Castellane", "Dunmore", "Eriksdottir", "Fairweather",
    "Galloway", "Hartigan", "Ivanova", "Jessop", "Kowalczyk", "Lindqvist", "Marchetti",
    "Northcote", "Okonkwo", "Pemberton", "Quillfeather", "Rasmussen", "Sandoval", "Thornbury",
    "Underhill", "Vasquez", "Whitlock", "Yardley", "Zabriskie", "Ashdown", "Brennagh",
    "Crowther", "Delacroix", "Elsworth", "Fenwick", "Grünewald", "Holloway", "Inglewood",
    "Jankowski", "Kettleby", "Larkspur", "Moorcroft", "Nettleton", "Oakhurst",
)  # fmt: skip
RELATIONSHIPS = (
    "partner", "mother", "father", "sister", "brother", "daughter", "son", "friend",
    "colleague", "manager", "neighbour", "aunt", "grandmother", "former partner", "flatmate",
)  # fmt: skip

OPENING = (
    "Said the week had been heavy, mostly because of tension with {p}.",
    "Reported sleeping a little better and getting out for two short walks.",
    "Described the days since we last met as flat, with little pleasure in anything.",
    "Came in brighter than last time and linked it to a good conversation with {p}.",
    "Said mornings remain the hardest part of the day and evenings are easier.",
    "Felt irritable most of the week and withdrew from {p} after a disagreement.",
    "Noticed more energy at work and managed to finish a task put off for a month.",
    "Talked about missing the routine of the old job and feeling without a place.",
)
EVENTS = (
    "An argument with {p} about household tasks ended without either of them listening.",
    "Met {p} for coffee for the first time in months and felt understood.",
    "Was left out of a family plan and read it as a sign of not mattering to {p}.",
    "Started the new role at work; the first days were confusing and lonely.",
    "The anniversary of the death came up this week and brought back a lot of sadness.",
    "Asked {p} for help with the move and was surprised by how willingly it was given.",
    "Cancelled plans twice because of low mood, then felt guilty towards {p}.",
    "Had a calm talk with {p} about money, the first in a long time.",
)
PROBLEM_WORK = (
    "We looked at the expectations each of them holds in the dispute and where they differ.",
    "Explored the feelings about the loss that had not been spoken about with anyone.",
    "Reviewed what was good and what was hard in the old role, and what the new one offers.",
    "Communication analysis of the last argument: what was said, what was meant, what was heard.",
    "Decision analysis of the options for raising the issue with {p}, with pros and cons.",
    "Linked the drop in mood to the conflict with {p}, which the client found convincing.",
    "Worked on building a small network of contacts outside the immediate family.",
    "Named the stage of the dispute as renegotiation; both still want things to change.",
    "Encouraged the expression of anger at {p}, which had been held back for months.",
    "Reconstructed the relationship with the deceased, both the warm and the difficult parts.",
)
HOMEWORK = (
    "Plan one pleasant activity with {p} before the next session.",
    "Try the rehearsed opening sentence when the topic comes up with {p}.",
    "Write down moments of low mood and what happened with others just before.",
    "Call one friend this week, even briefly.",
    "Notice one thing about the new routine that is better than expected.",
)
PLANS = (
    "Continue with the focus on the role dispute; review homework next time.",
    "Next session: role play of the conversation with {p}.",
    "Review progress on the goals; two sessions before we discuss the ending.",
    "Keep the focus on the transition; bring the list of new contacts.",
)
FREE_TEXT = (
    "Affect was congruent and the client engaged well with the work of the session.",
    "There was more tearfulness today than in previous sessions, which felt productive.",
    "The client asked whether the sessions could continue after the contract ends.",
    "We agreed to keep the focus narrow rather than opening a second problem area.",
    "The client's sense of humour was more visible today.",
    "Reflected together on how much has changed since the first session.",
    "Some ambivalence about the goals; we agreed to revisit them in two weeks.",
    "Discussed the link between sleep, mood and the contact with {p}.",
)
RISK = (
    "Passive thoughts of being better off dead this week, no plan or intent; safety plan "
    "reviewed and {p} is aware. Protective factors discussed.",
    "Item 9 endorsed at 1: fleeting thoughts, no intent. Crisis numbers confirmed.",
)
AMENDMENT = (
    "Correction: the conversation with {p} took place on the weekend, not on Friday.",
    "Addendum: the client phoned afterwards to confirm the next appointment.",
)
FORMULATION = (
    "The depression began when the relationship with {p} became a dispute that neither "
    "could resolve; the work will focus on what each expects and how they communicate.",
    "The onset followed the death of someone close, and the grief has not been shared; "
    "the work will focus on mourning and on finding new connections.",
    "The move to a new role took away structure and contacts; the work will focus on "
    "mourning the old role and building skills and supports for the new one.",
)
GOALS = (
    "Talk with {p} about the household without the conversation ending in a fight.",
    "Spend time with at least two friends each month.",
    "Visit the grave with {p} and talk about the good memories.",
    "Feel competent enough in the new job to ask colleagues for help.",
)
ACHIEVEMENTS = (
    "Can now raise a difficult topic with {p} calmly.",
    "Rebuilt regular contact with two friends.",
    "Speaks about the loss without feeling overwhelmed.",
)
SKILLS = (
    "Notice the link between a mood dip and a recent interpersonal event.",
    "Use the rehearsed opening sentence when a dispute starts.",
    "Ask for support early rather than withdrawing.",
)
WARNING_SIGNS = (
    "Sleeping badly for more than a week.",
    "Cancelling plans with friends twice in a row.",
    "Avoiding conversations with {p}.",
)
LIFE_EVENTS = (
    "Separation from the partner after a long dispute.",
    "Death of a grandparent after a short illness.",
    "Move to another city for work.",
    "Retirement after thirty years at the same company.",
    "Birth of the first child.",
    "Redundancy at work.",
    "Best friend moved abroad.",
)
INVENTORY_NOTES = (
    "Sees each other most weekends; the closest relationship and also the most strained.",
    "Supportive but far away; they speak on the phone every couple of weeks.",
    "Rarely in touch since the argument last year.",
    "Reliable in practical matters, less so when feelings are involved.",
)
#: Planted in a small share of notes so that a search has a known, modest number of hits.
RARE_WORD = "lighthouse"
RARE_SENTENCE = "Mentioned the old {w} by the harbour, where {p} used to take the children."


def fill(template: str, person: str) -> str:
    return template.replace("{p}", person).replace("{w}", RARE_WORD)


def paragraph(pool: tuple[str, ...], target_chars: int, person: str, rng: random.Random) -> str:
    """Sentences drawn from ``pool`` until the text reaches about ``target_chars``."""
    parts: list[str] = []
    size = 0
    while size < target_chars:
        sentence = fill(rng.choice(pool), person)
        parts.append(sentence)
        size += len(sentence) + 1
    return " ".join(parts)
