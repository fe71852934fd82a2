"""The demo client Ada Lindqvist. Invented: every name, event and note is fiction."""

from ipt_desktop.domain.enums import PlanAfterEnding, ProblemArea
from ipt_desktop.domain.goals import GoalReview
from ipt_desktop.domain.model import Termination
from ipt_desktop.domain.phase_tasks import Strategy as S
from ipt_desktop.domain.worksheets import Worksheet

from ..beats import Beat
from ..story import ContractSketch, EventSketch, PersonSketch, Story
from .shorthand import (
    ACUTE,
    AFFECT,
    COMMUNICATION,
    DECISION,
    EQ,
    GRIEF,
    GRIEF_AREA,
    MAINTENANCE,
    MET,
    OTHER,
    SUPPORTS,
    TRANSITION,
    WARNING_SIGNS,
)

ADA = Story(
    name="Demo – Ada Lindqvist",
    age=58,
    focus="the death of her mother and clearing the family flat",
    onset_days_ago=360,
    better=(
        "A little lighter. I slept four nights out of seven.",
        "Slightly better. I cooked a proper meal on Sunday.",
        Beat(
            "Better. I looked at the photo albums with Elin and could laugh at some of them.",
        ),
        Beat("Not as bad as I feared around Mum's birthday.", mentions=("mum_birthday",)),
        "Better. I walked to the lake and back twice this week.",
        Beat("A calmer week. I went to choir and stayed for coffee.", mentions=("choir",)),
        "Quite good, honestly. I slept most nights and cooked properly twice.",
        "Good week. I noticed I was humming in the kitchen.",
        "Good. I rang Jonas myself, and it was fine.",
        "Well. I had Elin's children for a whole Saturday and enjoyed it.",
        Beat("Steady and well. Choir twice and a long walk with Mira.", mentions=("choir",)),
        "Good month. Nothing special, which is how I like it.",
        "Well. I noticed a low evening and rang Elin instead of sitting with it.",
        "Fine. Busy with the grandchildren, and I kept my routines.",
        Beat("Sad around the anniversary, but not low; I was with people.", ("anniversary",)),
    ),
    harder=(
        "Heavy. Everything in the shops reminded me of Mum.",
        "A wobbly month. I slept badly for a few nights after a cold, then it settled.",
    ),
    recent=(
        Beat(
            "Brother rang about the money from the flat; mood dropped for two days afterwards.",
            mentions=("flat",),
        ),
        "Elin came for lunch; they did not talk about Mum; relieved, and sad afterwards.",
        "Elin's children stayed the night; exhausted, with a few good moments.",
        Beat(
            "Mother's birthday on Thursday, the first since she died; visited the grave with "
            "Elin; sad, but felt closer to her.",
            mentions=("mum_birthday", "mother_died"),
        ),
        Beat("Jonas did not call on Mum's birthday; hurt, then angry.", mentions=("mum_birthday",)),
        "Rang the choir leader to ask about coming back; nervous, and warmly welcomed.",
        Beat(
            "Back at choir after a long gap; the first evening in months she enjoyed.",
            mentions=("choir",),
        ),
        "Elin asked her to babysit on Saturday; tired but glad to be asked.",
        Beat(
            "Coffee with Mira after choir; talked about her mother without crying.",
            mentions=("choir",),
        ),
        "Jonas sent a short, friendly message; she answered the same day.",
        "Accepted a first invitation to lunch from a neighbour.",
        "Told Elin the sessions are ending; Elin said she had noticed the change.",
        "Jonas came to dinner for the first time since the sale; careful, but warm.",
        Beat("Choir concert; Elin and the grandchildren came to listen.", mentions=("choir",)),
        Beat(
            "A cold kept her home for a week; missed choir twice and phoned Mira instead.",
            mentions=("choir",),
        ),
        "A quiet month; told Elin she wants company on the anniversary.",
        Beat(
            "Spent the anniversary with Elin at the grave, then lunch with friends from choir; "
            "sad, and not alone.",
            mentions=("anniversary", "choir"),
        ),
    ),
    homework=(
        "Write a letter to Mum about the last year (not to send).",
        "One social contact this week, however small.",
        "Plan something small for Mum's birthday week: where to go, and with whom.",
        "Sort one box of Mum's things with Elin, keep three objects.",
        "Notice and note one pleasant moment a day.",
        "Ring the choir leader and ask about coming back.",
        Beat("Ask Mira about the choir's autumn concert.", mentions=("choir",)),
        "Write down what she wants to say to Jonas before calling him.",
        "Walk to the lake twice, once with Mira.",
        Beat("Keep choir and one walk a week until next month.", mentions=("choir",)),
        "Put the warning-signs list on the fridge.",
        "Go to bed at the same time for two weeks.",
        "Plan the anniversary day: who she will be with and where.",
        Beat("Note how the anniversary week went, to look at next month.", ("anniversary",)),
    ),
    people=(
        PersonSketch(
            "Birgit (died)",
            "Mother",
            1,
            support=True,
            contact="Daily calls until her illness; Ada nursed her for six months",
            likes="Her humour, Sunday dinners",
            dislikes="Never spoke about feelings",
            notes="Complicated mourning: guilt about the last weeks in hospital",
            changed_near_onset=True,
        ),
        PersonSketch("Elin", "Daughter", 1, support=True, contact="Weekly visits"),
        PersonSketch(
            "Jonas",
            "Brother",
            2,
            conflict=True,
            arguments="The sale of the flat; unresolved, he avoids the topic",
        ),
        PersonSketch("Mira", "Friend from choir", 2, support=True, likes="Easy company"),
        PersonSketch("Mr Falk", "Neighbour", 3, contact="Says hello on the stairs"),
    ),
    events=(
        EventSketch("mother_died", 400, GRIEF, "Mother died after a short illness"),
        EventSketch("flat", 330, TRANSITION, "Cleared and sold the family flat"),
        EventSketch("mum_birthday", 258, OTHER, "Mother's birthday, the first since her death"),
        EventSketch("choir", 240, OTHER, "Went back to the choir"),
        EventSketch("anniversary", 35, OTHER, "First anniversary of mother's death"),
    ),
    contracts=(
        ContractSketch(
            kind=ACUTE,
            planned=12,
            last_session_days_ago=200,
            interval_days=7,
            phq9=(19, 18, 17, 15, 13, 11, 10, 8, 6, 5, 4, 3),
            hamd={1: 21, 12: 6},
            accepted_at=3,
            problem_areas=(ProblemArea.GRIEF,),
            recurrent=False,
            referrer="Her GP (fictional)",
            formulation=(
                "Ada's depression began in the months after her mother died. She nursed her "
                "mother alone, then cleared the flat under pressure from her brother, and "
                "never had the time to grieve. We will work on mourning her mother and on "
                "filling some of the space with people and interests."
            ),
            goals=(
                "Talk about Mum with Elin without avoiding it",
                "Return to choir and keep going",
                "Decide what to do about the conflict with Jonas",
            ),
            goal_reviews=(
                GoalReview(
                    "Talk about Mum with Elin without avoiding it",
                    GRIEF_AREA,
                    MET,
                    "Looks at the albums with Elin and can laugh at them; PHQ-9 19 to 3.",
                ),
                GoalReview(
                    "Return to choir and keep going",
                    GRIEF_AREA,
                    MET,
                    "Back at choir every week since the middle of the course.",
                ),
                GoalReview(
                    "Decide what to do about the conflict with Jonas",
                    GRIEF_AREA,
                    MET,
                    "Chose to ring him herself and did; told him calmly how the sale felt.",
                ),
            ),
            worksheets=(
                Worksheet.of(
                    ProblemArea.GRIEF,
                    {
                        "good_memories": "Sunday dinners; her mother's humour; daily calls.",
                        "difficult_memories": (
                            "Her mother never spoke about feelings; the last weeks in hospital."
                        ),
                        "circumstances": (
                            "A short illness; Ada nursed her for six months, mostly alone."
                        ),
                        "what_was_lost": "Her closest daily contact, and the family flat.",
                        "mourning_tasks": (
                            "The guilt about the hospital; the first birthday and anniversary "
                            "without her; choir and walks with Mira to fill some of the space."
                        ),
                    },
                ),
            ),
            work=(
                Beat(
                    "Reconstructed the relationship with her mother: the good years and the "
                    "hard last months. Strong affect about the hospital; guilt explored.",
                    mentions=("mother_died",),
                    techniques=(AFFECT, EQ),
                    strategies=(
                        S.GRIEF_RECONSTRUCT,
                        S.GRIEF_MOURNING,
                    ),
                ),
                Beat(
                    "Talked through the day of the funeral in detail for the first time; she "
                    "cried and said it was a relief.",
                    mentions=("mother_died",),
                    techniques=(AFFECT,),
                    strategies=(S.GRIEF_MOURNING,),
                ),
                Beat(
                    "Went through the birthday week: what she did, what she missed, what she "
                    "would like to do next year.",
                    mentions=("mum_birthday",),
                    techniques=(EQ,),
                    strategies=(S.GRIEF_MOURNING,),
                ),
                Beat(
                    "Looked at the interests she gave up while caring; chose choir and walking, "
                    "with Mira as a support.",
                    techniques=(SUPPORTS,),
                    strategies=(S.GRIEF_NEW_INTERESTS,),
                ),
                Beat(
                    "Communication analysis of the last call with Jonas about the flat: what "
                    "she said, what she meant, how it ended.",
                    mentions=("flat",),
                    techniques=(COMMUNICATION,),
                    strategies=(S.GRIEF_NEW_INTERESTS,),
                ),
                Beat(
                    "Decision analysis: ways to talk with Jonas; she chose to ring him herself.",
                    techniques=(DECISION,),
                    strategies=(S.GRIEF_NEW_INTERESTS,),
                ),
            ),
            unsigned_last=0,
            termination=Termination(
                achievements=(
                    "Can talk about Mum with Elin, and laugh sometimes",
                    "Back at choir every week",
                    "Rang Jonas herself and told him calmly how the sale felt",
                ),
                relapse_prevention_skills=(
                    "Keep one social contact a week",
                    "Let sad days be sad without withdrawing",
                ),
                warning_signs=(
                    "Cancelling choir two weeks running",
                    "Sleeping badly for more than a week",
                ),
                what_to_do="Tell Elin, and call the practice for an earlier session.",
                plan_kind=PlanAfterEnding.MAINTENANCE_CONTRACT,
                plan=(
                    "Remission after 12 sessions of IPT for grief (PHQ-9 19 to 3). Monthly "
                    "maintenance IPT for a year, to cover the first anniversary."
                ),
                client_next_step=(
                    "We will meet once a month for the next year, to help you stay well, "
                    "including around the anniversary."
                ),
            ),
        ),
        ContractSketch(
            kind=MAINTENANCE,
            planned=12,
            last_session_days_ago=12,
            interval_days=28,
            phq9=(4, 3, 5, 4, 3),
            problem_areas=(ProblemArea.GRIEF,),
            formulation="Maintenance: keep the gains after the acute course for grief.",
            goals=("Stay well through the first anniversary",),
            work=(
                Beat(
                    "Reviewed the month: routines holding; choir and walking kept up.",
                    mentions=("choir",),
                    techniques=(EQ,),
                ),
                Beat(
                    "Checked the warning-signs list together; none present.",
                    tasks=frozenset({WARNING_SIGNS}),
                ),
                Beat(
                    "A harder month: explored what changed; sleep slipped after a cold. "
                    "Checked her warning signs: poor sleep for a few nights, not the week on "
                    "her list, and no withdrawal from people.",
                    techniques=(EQ,),
                    tasks=frozenset({WARNING_SIGNS}),
                ),
                "Prepared for the anniversary next month: who she will be with, what she will do.",
                Beat(
                    "After the anniversary: she let herself be sad and stayed with people; "
                    "feelings about her mother explored. Went through the warning signs again: "
                    "none of them present.",
                    mentions=("anniversary",),
                    techniques=(AFFECT, EQ),
                    tasks=frozenset({WARNING_SIGNS}),
                ),
            ),
        ),
    ),
)
