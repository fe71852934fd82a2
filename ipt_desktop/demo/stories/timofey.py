"""The demo client Timofey Volkov. Invented: every name, event and note is fiction."""

from ipt_desktop.domain.enums import ProblemArea

from ..beats import Beat
from ..story import ContractSketch, EventSketch, PersonSketch, Story
from .shorthand import ACUTE, OTHER, TRANSITION

TIMOFEY = Story(
    name="Demo – Тимофей Волков",
    age=66,
    focus="retiring from the rail depot after 35 years",
    onset_days_ago=90,
    better=("A little better. I fixed the neighbour's bicycle.",),
    harder=(
        "Bad. I don't know what the days are for any more.",
        "Empty. I sat by the window most of the week.",
    ),
    recent=(
        Beat(
            "Wife started working longer hours; alone at home all day; mood lowest in the "
            "afternoons.",
            mentions=("wife_hours",),
        ),
        Beat("Former colleague Sergei phoned; he did not call back.", mentions=("retired",)),
    ),
    homework=("Keep a simple day plan with one outing.", "Call Sergei back."),
    people=(
        PersonSketch(
            "Irina",
            "Wife",
            1,
            support=True,
            conflict=True,
            arguments="She wants him to 'find a hobby'; he feels pushed",
        ),
        PersonSketch("Pavel", "Son", 2, support=True),
        PersonSketch("Misha", "Grandson", 1, support=True, likes="Chess on Sundays"),
        PersonSketch(
            "Sergei",
            "Former colleague",
            2,
            support=True,
            changed_near_onset=True,
            notes="Saw him daily for 20 years; not since retiring",
        ),
        PersonSketch("Depot manager", "Former boss", 3, conflict=True),
    ),
    events=(
        EventSketch("retired", 120, TRANSITION, "Retired from the rail depot"),
        EventSketch("wife_hours", 60, OTHER, "Wife started working longer hours"),
    ),
    contracts=(
        ContractSketch(
            kind=ACUTE,
            planned=16,
            last_session_days_ago=2,
            interval_days=7,
            phq9=(21, 19),
            item9={1: 1},
            risk_assessments={
                1: (
                    "PHQ-9 item 9 answered 1 (several days). Passive thoughts that 'it would "
                    "not matter if I didn't wake up'; no plan, no intent, no past attempts; "
                    "no access to means he would use. Protective: wife, grandson. Risk judged "
                    "low. Safety plan written together: warning signs, calling Pavel, GP, "
                    "crisis line number. Reassess at every session."
                )
            },
            problem_areas=(ProblemArea.ROLE_TRANSITION,),
            referrer="His GP (fictional)",
            formulation="Working draft: depression linked to the loss of his working role.",
            work=(),
        ),
    ),
)
