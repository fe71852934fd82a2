"""The texts a demo note is made of (``Beat``), the ones every client shares (the initial
and termination work, the ending raised in time, the plans), and how a note's ticks are
backed by its words: each IPT task or strategy ticked points at the section of the note,
and the words in it, that describe it."""

from dataclasses import dataclass

from ipt_desktop.domain.enums import Phase, Technique
from ipt_desktop.domain.model import SessionNote
from ipt_desktop.domain.phase_tasks import PhaseTask, Strategy

_EQ, _AFFECT = Technique.EXPLORATORY_QUESTIONING, Technique.ENCOURAGEMENT_OF_AFFECT
_T = PhaseTask


@dataclass(frozen=True)
class Beat:
    """One text of a note, the life events it mentions (keys), the techniques it shows, and
    the IPT tasks and focal-area strategies it describes."""

    text: str
    mentions: tuple[str, ...] = ()
    techniques: tuple[Technique, ...] = ()
    tasks: frozenset[PhaseTask] = frozenset()
    strategies: tuple[Strategy, ...] = ()


#: The initial phase. Diagnosis comes from the clinical interview; the PHQ-9 rates severity.
INITIAL_WORK = (
    Beat(
        "Assessment interview: symptoms meet the criteria for a depressive episode; the PHQ-9 "
        "rates its severity. Explained depression as a common, treatable illness and gave the "
        "sick role: for now it is fine to do less, without blame. Agreed a contract of "
        "{planned} sessions.",
        techniques=(_EQ,),
        tasks=frozenset(
            {_T.HISTORY_REVIEWED, _T.PSYCHOEDUCATION, _T.SICK_ROLE, _T.CONTRACT_AGREED}
        ),
    ),
    Beat(
        "Interpersonal inventory: asked about the important people, who helps and where things "
        "are strained. Placed the onset and the life events around it on the timeline: "
        "{focus}.",
        techniques=(_EQ,),
        tasks=frozenset({_T.INVENTORY, _T.TIMELINE}),
    ),
    Beat(
        "Completed the inventory; looked at the closeness circle together. The client wants a "
        "little more time before settling the focus.",
    ),
)
ACCEPTANCE_WORK = Beat(
    "Shared the interpersonal formulation linking the depression to {focus}. The client "
    "recognised it and accepted it; we wrote the goals together (clarified what each goal "
    "would look like in a normal week).",
    techniques=(Technique.CLARIFICATION,),
    tasks=frozenset({_T.FORMULATION_PRESENTED}),
)
#: Said in the middle phase, ``ENDING_NOTICE_SESSIONS`` sessions before the last (IPT.md).
ENDING_NOTICE = Beat(
    "Raised the ending: three sessions remain after this one, to review the work and plan "
    "for afterwards.",
    tasks=frozenset({_T.ENDING_RAISED}),
)
TERMINATION_WORK = (
    Beat(
        "Two sessions left after this one. Reviewed the PHQ-9 scores since the first session "
        "and what helped. Some sadness about ending, and some pride; feelings about ending "
        "explored.",
        techniques=(_EQ, _AFFECT),
        tasks=frozenset({_T.PROGRESS_REVIEWED, _T.ENDING_FEELINGS}),
    ),
    Beat(
        "Reviewed achievements as the client's own doing, and the skills to keep using. "
        "Listed early warning signs of recurrence and what to do if they appear.",
        tasks=frozenset({_T.GAINS_ATTRIBUTED, _T.WARNING_SIGNS_AGREED}),
    ),
    Beat(
        "Last session of the contract: went through the written relapse-prevention plan and "
        "agreed the plan after ending.",
        tasks=frozenset({_T.PLAN_AGREED}),
    ),
)
PLANS = {
    Phase.INITIAL: "Finish the inventory; bring the formulation to agree next time.",
    Phase.MIDDLE: "Continue the problem-area work; start with the homework.",
    Phase.TERMINATION: "Prepare for ending: bring thoughts on what to keep using.",
    Phase.MAINTENANCE: "Next maintenance session in four weeks; call sooner if warning signs.",
}


@dataclass(frozen=True)
class Backing:
    """Where a session's note describes one of its ticks (a task or a strategy)."""

    item: PhaseTask | Strategy
    section: str  # the SessionNote field holding it
    text: str  # the words in that field that describe it


#: Note sections that are a phase's task by their nature (the recent events are told with
#: their link to mood; the homework is set; a maintenance plan plans the next interval).
SECTION_TASKS: dict[tuple[Phase, str], PhaseTask] = {
    (Phase.MIDDLE, "recent_events"): PhaseTask.MOOD_LINKED,
    (Phase.MIDDLE, "homework"): PhaseTask.HOMEWORK,
    (Phase.MIDDLE, "role_play"): PhaseTask.ROLE_PLAY_OR_ANALYSIS,
    (Phase.MAINTENANCE, "recent_events"): PhaseTask.EVENTS_AND_MOOD_REVIEWED,
    (Phase.MAINTENANCE, "plan"): PhaseTask.NEXT_INTERVAL_PLANNED,
}


#: Techniques that are the "role play or communication analysis" task of the middle phase.
_SHOWN_TOGETHER = {Technique.ROLE_PLAY, Technique.COMMUNICATION_ANALYSIS}


def backing_of(
    note: SessionNote, phase: Phase, work: tuple[Beat | None, ...], work_texts: list[str]
) -> tuple[Backing, ...]:
    """Each tick of the session and the words of its note that describe it."""
    found: list[Backing] = []
    written = iter(work_texts)
    for item in work:
        if item is None:
            continue
        text = next(written)
        for task in sorted(item.tasks):
            found.append(Backing(task, "problem_area_work", text))
        if phase is Phase.MIDDLE:
            found += [Backing(s, "problem_area_work", text) for s in item.strategies]
        if phase is Phase.MIDDLE and _SHOWN_TOGETHER & set(item.techniques):
            found.append(Backing(PhaseTask.ROLE_PLAY_OR_ANALYSIS, "problem_area_work", text))
    for (when, section), task in SECTION_TASKS.items():
        words = getattr(note, section)
        if when is phase and words and task not in {b.item for b in found}:
            found.append(Backing(task, section, words))
    return tuple(found)
