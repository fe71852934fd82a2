"""The plain-language default wording of the graduation letter (IPT.md, "What the graduation
summary holds").

Written for the client: warm, plain, no jargon and no diagnosis codes. When the treatment
did not help enough, IPT puts the failure on the treatment, never on the person, and names
the next step; the wording here does the same. Every text is only a default that the
therapist edits before printing.
"""

import re

from .enums import DisputeStage, EpisodeKind, PlanAfterEnding, ProblemArea
from .model import Client
from .verdict import EpisodeJudgement, Verdict

SIGN_OFF = "With warm wishes,"

_FOCUS: dict[ProblemArea, str] = {
    ProblemArea.GRIEF: (
        "Coming to terms with the death of someone close to you, and finding your way back "
        "to the people and activities that matter to you."
    ),
    ProblemArea.ROLE_DISPUTE: (
        "Working through a disagreement with someone important to you: understanding what "
        "each of you expects, and finding ways to say what you need."
    ),
    ProblemArea.ROLE_TRANSITION: (
        "Adjusting to a big change in your life: letting go of what the old situation gave "
        "you, seeing what the new one can offer, and growing confident and supported in it."
    ),
    ProblemArea.INTERPERSONAL_DEFICITS: (
        "Feeling less alone: building and deepening relationships, and growing more "
        "confident in reaching out to people."
    ),
}

_DISPUTE_FOCUS: dict[DisputeStage, str] = {
    DisputeStage.IMPASSE: (
        "Getting a stuck disagreement with someone important to you moving again: "
        "understanding what each of you expects, and finding ways to say what you need."
    ),
    DisputeStage.DISSOLUTION: (
        "Coming to terms with the ending of an important relationship, and building a life "
        "and support beyond it."
    ),
}

_NEXT_STEP: dict[PlanAfterEnding, str] = {
    PlanAfterEnding.MAINTENANCE_CONTRACT: (
        "to carry on with monthly maintenance sessions, to help you stay well"
    ),
    PlanAfterEnding.BOOSTER_SESSIONS: (
        "a few booster sessions over the coming months, to check in and keep you on track"
    ),
    PlanAfterEnding.REFERRAL: (
        "a referral to another service that can offer a different kind of help"
    ),
    PlanAfterEnding.ALTERNATIVE_TREATMENT: "to try a different treatment that may suit you better",
    PlanAfterEnding.NONE: "",
}

PLAN_LABELS: dict[PlanAfterEnding, str] = {
    PlanAfterEnding.MAINTENANCE_CONTRACT: "Maintenance contract",
    PlanAfterEnding.BOOSTER_SESSIONS: "Booster sessions",
    PlanAfterEnding.REFERRAL: "Referral",
    PlanAfterEnding.ALTERNATIVE_TREATMENT: "Alternative treatment",
    PlanAfterEnding.NONE: "No further sessions planned",
}


def focus_words(area: ProblemArea, stage: DisputeStage | None = None) -> str:
    """What the work on ``area`` was about, in the client's words rather than the manual's."""
    if area is ProblemArea.ROLE_DISPUTE and stage in _DISPUTE_FOCUS:
        return _DISPUTE_FOCUS[stage]
    return _FOCUS[area]


def next_step_words(kind: PlanAfterEnding, client_next_step: str) -> str:
    """The client's next step: the words written for the client, else a phrase for the plan
    kind. Never the clinician's plan, which is written for another reader."""
    return client_next_step.strip() or _NEXT_STEP[kind]


def _lead_lower(text: str) -> str:
    """Lower-case an opening article ("A referral" -> "a referral") to follow a colon;
    anything else (a name, "GP") is left as the therapist wrote it."""
    first, _, rest = text.partition(" ")
    if first in ("A", "An", "The", "To") and rest:
        return f"{first.lower()} {rest}"
    return text


#: A label in front of a record name, e.g. "Demo – " on the demo practice's clients.
_LABEL = re.compile(r"^\s*demo\s*[\u2013\u2014:-]\s*", re.IGNORECASE)


def without_label(name: str) -> str:
    """A record name without a leading "Demo – " label (for what the client reads)."""
    return _LABEL.sub("", name).strip() or name.strip()


def preferred_name(client: Client) -> str:
    """The name the client wants to be called: their own choice, else the first name of the
    record name without any "Demo – " label. The therapist can edit it in the preview."""
    chosen = client.preferred_name.strip()
    if chosen:
        return chosen
    name = _LABEL.sub("", client.name).strip()
    return name.split()[0] if name.split() else client.name.strip()


def salutation(name: str) -> str:
    return f"Dear {name.strip()},"


def _sessions(count: int, kind: EpisodeKind) -> str:
    noun = "session" if count == 1 else "sessions"
    if kind is EpisodeKind.MAINTENANCE:
        return f"our {count} maintenance {noun}"
    return f"our {count} {noun}"


def opening_words(
    sessions: int,
    kind: EpisodeKind,
    responded: bool | None,
    next_step: str,
    *,
    remaining: int = 0,
    partial: bool = False,
) -> str:
    """The first paragraph. ``responded`` is None when there is no verdict (mid-course, a
    maintenance contract, nothing to compare); mid-course, the sessions still to come are
    named instead of any outcome. ``partial`` (a partial response at the end of the course)
    tells the client what did lift, never that nothing helped."""
    if kind is EpisodeKind.MAINTENANCE:
        start = (
            f"Over {_sessions(sessions, kind)} we have kept an eye together on how you are "
            "feeling and on what is happening with the people in your life."
        )
    else:
        start = (
            f"Over {_sessions(sessions, kind)} we have looked together at how you have been "
            "feeling and at what has been happening with the people in your life."
        )
    keep = (
        "This letter sums up what we did, what you achieved, and how you can look after "
        "yourself from here. Please keep it somewhere you can find it again."
    )
    if remaining > 0:
        return (
            f"{start} Our work together is not finished yet: this letter sums up where we "
            "are so far, what you have done, and how you can look after yourself between "
            "our sessions."
        )
    if responded is False:
        step = (
            f"The next step we agreed on: {_lead_lower(next_step.strip().rstrip('.'))}."
            if next_step.strip()
            else "We will agree the next step together, and I will help you take it."
        )
        if partial:
            return (
                f"{start} Your depression has lifted part of the way, but not as far as we "
                "both hoped. That is not your failure: you came and did the work, and the "
                "change you made is real. It often takes more than one step to get all the "
                f"way, and there is more that can help. {step}"
            )
        return (
            f"{start} I want to be honest with you: your depression has not lifted as much "
            "as we both hoped. It is the treatment, not you, that fell short. You came, you "
            "did the work, and this kind of therapy was not enough this time. That happens "
            "with every treatment for depression, and another approach often helps when the "
            f"first one has not. {step}"
        )
    if responded and kind is EpisodeKind.MAINTENANCE:
        return f"{start} You have held on to the gains you made and met new challenges. {keep}"
    if responded:
        return f"{start} You have worked hard, and things have changed for the better. {keep}"
    return f"{start} {keep}"


def closing_words(responded: bool | None, *, remaining: int = 0) -> str:
    if remaining > 0:
        return (
            "Thank you for the care and effort you bring to our sessions. If things get "
            "harder before we next meet, please get in touch."
        )
    if responded is False:
        return (
            "Thank you for the honesty and effort you brought to our sessions. Feeling better "
            "is still a realistic hope, and the next step is there to help you get there. "
            "Please get in touch before then if things get harder."
        )
    if responded:
        return (
            "The changes you made are yours: you did the work that made them. Depression can "
            "come back, and if it does, it is not something you caused. It is a signal to use "
            "what you have learned and to get in touch early. I wish you every good thing for "
            "the time ahead."
        )
    return (
        "Thank you for the care and effort you brought to our sessions. If low mood returns, "
        "it is not something you caused: it is a signal to use what you have learned and to "
        "get in touch early. I wish you every good thing for the time ahead."
    )


def recommendations(judgement: EpisodeJudgement, remaining: int) -> str:
    """A default for the clinician's summary; the therapist is expected to rewrite it."""
    verdict = judgement.verdict
    if judgement.kind is EpisodeKind.MAINTENANCE:
        if verdict is Verdict.RECURRENCE:
            return (
                "Recurrence during maintenance IPT. Review the treatment plan (for example "
                "a return to acute treatment, a medication review, or a combination)."
            )
        if verdict is Verdict.STAYING_WELL:
            return (
                "Staying well on maintenance IPT so far. Watch for the early warning signs "
                "listed above; if they persist, an early return to treatment is advised."
            )
        return "No PHQ-9 during the maintenance contract yet; review the clinical picture."
    if remaining > 0:
        return (
            f"Course in progress ({remaining} contracted sessions remain): outcome not yet "
            "judged. Progress so far is shown in the measures above."
        )
    if verdict is Verdict.NON_RESPONSE:
        return (
            "Inadequate response to this course of IPT. Recommend a review of the diagnosis "
            "and of treatment options (for example a medication review, another "
            "evidence-based psychotherapy, or a combination)."
        )
    if verdict is Verdict.PARTIAL_RESPONSE:
        return (
            "Partial response (25% to 49% below baseline). Consider continuing or "
            "augmenting treatment (for example more sessions, a medication review, or a "
            "combination) and review the formulation."
        )
    if verdict is Verdict.REMISSION:
        return (
            "Remission reached. Watch for the early warning signs listed above; given the "
            "risk of recurrence, consider maintenance IPT if there is a history of recurrent "
            "episodes."
        )
    if verdict is Verdict.RESPONSE:
        return (
            "Response without remission: residual symptoms raise the risk of relapse. "
            "Consider continuation or maintenance treatment."
        )
    return "No repeated measures to judge the outcome by; review the clinical picture."
