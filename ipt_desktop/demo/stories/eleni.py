"""The demo client Eleni Papadopoulou. Invented: every name, event and note is fiction."""

from ipt_desktop.domain.enums import PlanAfterEnding, ProblemArea
from ipt_desktop.domain.goals import GoalReview, GoalStatus
from ipt_desktop.domain.model import Termination
from ipt_desktop.domain.phase_tasks import Strategy as S

from ..beats import Beat
from ..story import ContractSketch, EventSketch, PersonSketch, Story
from .shorthand import (
    ACUTE,
    AFFECT,
    CLARIFY,
    COMMUNICATION,
    DECISION,
    EQ,
    ROLE_PLAY,
    SUPPORTS,
    TRANSITION,
)

ELENI = Story(
    name="Demo – Ελένη Παπαδοπούλου",
    age=34,
    focus="becoming a mother soon after moving away from family and work",
    onset_days_ago=180,
    better=(
        "A little better. Nikos took the baby on Saturday morning and I slept.",
        "Better. I met Ines at the park and we talked for an hour.",
        "Okay. My sister called and we laughed about our old flat in Athens.",
        "Better week. I went to the parents' group and stayed to the end.",
        "Good. I asked Nikos for an evening off and took it without guilt.",
        Beat("Good week. Work was hard but I felt like myself there.", mentions=("work",)),
        "Better. The baby slept and so did I; I read a book for the first time in months.",
        "Steady. I handled my mother's advice calmly this time.",
        "Good. Ines and I took the babies to the museum.",
    ),
    harder=(
        "Long week. Nikos travelled and the nights were lonely.",
        "Hard. My mother criticised how I feed the baby and I felt small.",
        "Flat. Rain all week and nobody to see.",
        Beat("Tired. Work and the baby, and nothing left for me.", mentions=("work",)),
        "A bit low. Ending here feels strange.",
    ),
    recent=(
        "Phone call with mother about baby care; felt judged; mood dipped that evening.",
        "Went to the parents' group for the first time; said very little but went back.",
        "Made a friend at the parents' group (Ines); felt less alone.",
        "Nikos away for work four nights; coped, called Katerina twice.",
        Beat("First week back at work part-time; tired but proud.", mentions=("work",)),
        Beat(
            "Nikos took a day off to cover her first week back; she felt a team again.",
            mentions=("work",),
        ),
        "The baby had a fever; Nikos stayed home and she felt looked after.",
        "Katerina visited from Athens for a weekend; felt like herself again.",
        "Ines invited her for coffee; she went, baby and all.",
        "Her mother visited for a week; two arguments, one good talk.",
        "Met her old employer's local office about part-time work; nervous, and it went well.",
        Beat("Colleague Marta invited her to lunch; she accepted.", mentions=("work",)),
        Beat(
            "Gave up the morning parents' group now that she works; sad, kept in touch with Ines.",
            mentions=("work",),
        ),
        "Told her mother calmly that feeding is her decision; the call ended kindly.",
    ),
    homework=(
        "List what she misses from the old life and what is good in the new one.",
        "Ask Nikos for one evening a week to herself.",
        "Go to the parents' group once.",
        "Call Katerina just to talk, not about the baby.",
        "Write down what she wants to say to her mother about feeding the baby.",
        Beat("Have lunch with a colleague once.", mentions=("work",)),
        "Take the baby to the library's rhyme time.",
        "Tell Nikos one thing she needs this week.",
        "Write down three things she does well as a mother.",
        "Plan the first week back at work with Nikos.",
        Beat("Keep one evening a week for herself, now that she works.", mentions=("work",)),
    ),
    people=(
        PersonSketch("Nikos", "Partner", 1, support=True, contact="Every day"),
        PersonSketch(
            "Sofia",
            "Mother, in Thessaloniki",
            2,
            support=True,
            conflict=True,
            arguments="Advice about the baby; Eleni goes quiet",
        ),
        PersonSketch("Katerina", "Sister", 2, support=True),
        PersonSketch("Ines", "Friend from the parents' group", 3, support=True),
        PersonSketch("Marta", "Colleague", 3),
    ),
    events=(
        EventSketch("move", 280, TRANSITION, "Moved country for partner's job"),
        EventSketch("daughter", 210, TRANSITION, "Daughter born"),
        EventSketch("work", 30, TRANSITION, "Returned to work part-time"),
    ),
    contracts=(
        ContractSketch(
            kind=ACUTE,
            planned=14,
            last_session_days_ago=2,
            interval_days=7,
            phq9=(17, 16, 16, 15, 13, 12, 12, 11, 10, 9, 9, 8, 8, 7),
            hamd={1: 19, 14: 10},
            accepted_at=3,
            problem_areas=(ProblemArea.ROLE_TRANSITION,),
            recurrent=False,
            referrer="Health visitor (fictional)",
            formulation=(
                "Eleni's depression began after two big changes close together: a move "
                "away from her family and her work, and becoming a mother. We will mourn "
                "what was lost, see the good in the new role, and build support here."
            ),
            goals=("Build two local friendships", "Feel competent as a mother"),
            goal_reviews=(
                GoalReview(
                    "Build two local friendships",
                    ProblemArea.ROLE_TRANSITION,
                    GoalStatus.MET,
                    "Sees Ines and Marta every week; PHQ-9 17 to 7.",
                ),
                GoalReview(
                    "Feel competent as a mother",
                    ProblemArea.ROLE_TRANSITION,
                    GoalStatus.MET,
                    "Asks Nikos for help without apologising; back at work part-time.",
                ),
            ),
            work=(
                Beat(
                    "Mourned the old role: her job, her city, her friends in Thessaloniki; she "
                    "cried about her old office and we stayed with the sadness.",
                    mentions=("move",),
                    techniques=(AFFECT,),
                    strategies=(S.TRANSITION_MOURN_OLD,),
                ),
                Beat(
                    "Looked at the new role's good and hard sides; clarified what she wants "
                    "as a mother.",
                    mentions=("daughter",),
                    techniques=(CLARIFY,),
                    strategies=(S.TRANSITION_BOTH_SIDES,),
                ),
                Beat(
                    "Communication analysis of the phone call with her mother: what was said, "
                    "what she felt, what she did not say.",
                    techniques=(COMMUNICATION,),
                    strategies=(S.TRANSITION_SUPPORT,),
                ),
                Beat(
                    "Practised asking Nikos for help without apologising: a role-play of "
                    "Sunday's conversation.",
                    techniques=(ROLE_PLAY,),
                    strategies=(S.TRANSITION_MASTERY,),
                ),
                Beat(
                    "Found natural supports near home: the parents' group, Ines, a neighbour; "
                    "who can help with what.",
                    techniques=(SUPPORTS,),
                    strategies=(S.TRANSITION_SUPPORT,),
                ),
                Beat(
                    "Decision analysis: when and how to go back to work; she chose three days "
                    "a week.",
                    techniques=(DECISION,),
                    strategies=(S.TRANSITION_MASTERY,),
                ),
                Beat(
                    "Reviewed the return to work: what it gives back of the old role.",
                    mentions=("work",),
                    techniques=(EQ,),
                    strategies=(S.TRANSITION_BOTH_SIDES,),
                ),
                Beat(
                    "Explored her confidence as a mother and as a professional: both are real.",
                    techniques=(EQ,),
                    strategies=(
                        S.TRANSITION_MASTERY,
                        S.TRANSITION_SUPPORT,
                    ),
                ),
            ),
            unsigned_last=0,
            termination=Termination(
                achievements=(
                    "Two new friends, Ines and Marta",
                    "Back at work part-time",
                    "Asks Nikos for help without apologising",
                ),
                relapse_prevention_skills=(
                    "Ask for help early",
                    "Keep one evening a week for herself",
                ),
                warning_signs=("Staying in for days", "Not answering Katerina"),
                what_to_do="Call Katerina, and call the practice to book an earlier session.",
                plan_kind=PlanAfterEnding.BOOSTER_SESSIONS,
                plan=(
                    "Response without remission after 14 sessions of IPT for a role "
                    "transition (PHQ-9 17 to 7). Two booster sessions over six months; review "
                    "residual symptoms."
                ),
                client_next_step=(
                    "Two booster sessions over the next six months, to check in and keep you "
                    "on track."
                ),
            ),
        ),
    ),
    ended=True,
    preferred_name="Eleni",
)
