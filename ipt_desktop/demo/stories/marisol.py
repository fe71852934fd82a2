"""The demo client Marisol Quintero. Invented: every name, event and note is fiction."""

from ipt_desktop.domain.enums import DisputeStage, ProblemArea
from ipt_desktop.domain.phase_tasks import Strategy as S

from ..beats import Beat
from ..story import ContractSketch, EventSketch, PersonSketch, Story
from .shorthand import ACUTE, AFFECT, DECISION, DISPUTE, EQ, TRANSITION

MARISOL = Story(
    name="Demo – Marisol Quintero",
    age=52,
    focus="her divorce and a falling-out with her daughter over the family house",
    onset_days_ago=150,
    better=(
        "Somewhat better. Andrés came for dinner and we laughed.",
        "A bit better. I went to the pottery class and forgot everything for two hours.",
        "Better. Pilar stayed the weekend.",
    ),
    harder=(
        Beat(
            "Lucía still isn't talking to me. I check my phone all the time.",
            mentions=("daughter_stopped",),
        ),
        Beat("Bad week. I found the divorce papers while tidying.", mentions=("divorce",)),
        Beat(
            "Bad. She didn't come to my birthday. I keep thinking she's right that I ruined "
            "everything.",
            mentions=("birthday",),
        ),
        Beat("Worse. I haven't slept properly since my birthday.", mentions=("birthday",)),
    ),
    recent=(
        Beat("Ex-husband's new partner at a family event; felt replaced.", mentions=("divorce",)),
        "Son visited; a warm evening; slept better after.",
        Beat("Sent Lucía a short message; no answer yet.", mentions=("daughter_stopped",)),
        Beat(
            "Daughter did not come to her birthday; cried all evening; mood very low since.",
            mentions=("birthday",),
        ),
        Beat(
            "Pilar took her to the cinema; the first evening out since the divorce.",
            mentions=("divorce",),
        ),
        "Work was busy; no time to brood, and she slept better.",
        Beat("A friend of Lucía's said Lucía asks about her.", mentions=("daughter_stopped",)),
    ),
    homework=(
        "Write what she wants Lucía to understand, and what she wants to understand.",
        "One activity that is hers alone (the pottery class).",
        "Ask Pilar to come with her to the family lunch.",
        "Call Andrés just to talk.",
        "Draft a short letter to Lucía; bring it next time.",
        "Go to the Tuesday pottery class even on a low day.",
    ),
    people=(
        PersonSketch(
            "Lucía",
            "Daughter",
            1,
            conflict=True,
            arguments="Sale of the family house; no contact for three months",
            changed_near_onset=True,
        ),
        PersonSketch("Andrés", "Son", 2, support=True),
        PersonSketch("Rafael", "Former husband", 3, conflict=True),
        PersonSketch("Pilar", "Sister", 1, support=True, contact="Calls most days"),
        PersonSketch("Colleagues", "Work", 3),
        PersonSketch("Pottery teacher", "Class on Tuesdays", 3, support=True),
    ),
    events=(
        EventSketch("divorce", 180, TRANSITION, "Divorce finalised"),
        EventSketch(
            "daughter_stopped", 90, DISPUTE, "Daughter stopped answering calls after an argument"
        ),
        EventSketch("birthday", 12, DISPUTE, "Daughter did not come to her birthday"),
    ),
    contracts=(
        ContractSketch(
            kind=ACUTE,
            planned=16,
            last_session_days_ago=1,
            interval_days=7,
            phq9=(15, 14, 13, 14, 12, 13, 14),
            item9={7: 1},
            gad7=(9, 9, 8, 9, 8, 8, 9),
            accepted_at=3,
            problem_areas=(ProblemArea.ROLE_DISPUTE, ProblemArea.ROLE_TRANSITION),
            dispute_stage=DisputeStage.IMPASSE,
            referrer="Self-referral",
            formulation=(
                "Marisol's depression follows her divorce and a dispute with her daughter "
                "about selling the family house. The dispute is at an impasse: no contact. "
                "We will work on the move to life after marriage and on reopening contact."
            ),
            goals=("Reopen contact with Lucía", "Build a life of her own after the divorce"),
            work=(
                Beat(
                    "Explored the dispute: each one's expectations about the house; it is at "
                    "an impasse.",
                    mentions=("daughter_stopped",),
                    techniques=(EQ,),
                    strategies=(S.DISPUTE_STAGE,),
                ),
                Beat(
                    "Mourned the marriage and the family life that ended with it; affect "
                    "encouraged.",
                    mentions=("divorce",),
                    techniques=(AFFECT,),
                    strategies=(S.TRANSITION_MOURN_OLD,),
                ),
                Beat(
                    "Decision analysis: ways to reopen contact with Lucía; she chose a short "
                    "letter first.",
                    mentions=("daughter_stopped",),
                    techniques=(DECISION,),
                    strategies=(S.DISPUTE_PLAN,),
                ),
                Beat(
                    "Went through the birthday and what it meant to her; sadness and anger "
                    "explored.",
                    mentions=("birthday",),
                    techniques=(AFFECT, EQ),
                    strategies=(S.DISPUTE_STAGE,),
                ),
            ),
        ),
    ),
)
