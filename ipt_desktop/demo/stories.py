"""Six invented clients for the demo practice. Every name, event and note is fiction.

Together they show each phase, all four problem areas, a finished acute course followed
by a monthly maintenance contract, a remitter, a responder and a non-responder, PHQ-9
item 9 answered above 0 (once assessed and signed, once recent and still to assess), and
names in Latin, Greek, Cyrillic and Arabic script.
"""

from ipt_desktop.domain.enums import (
    DisputeStage,
    EpisodeKind,
    LifeEventKind,
    PlanAfterEnding,
    ProblemArea,
)
from ipt_desktop.domain.model import Termination

from .story import ContractSketch, EventSketch, PersonSketch, Story

ACUTE, MAINTENANCE = EpisodeKind.ACUTE, EpisodeKind.MAINTENANCE
GRIEF, DISPUTE = LifeEventKind.GRIEF, LifeEventKind.ROLE_DISPUTE
TRANSITION, DEFICITS = LifeEventKind.ROLE_TRANSITION, LifeEventKind.INTERPERSONAL_DEFICITS
OTHER = LifeEventKind.OTHER

ADA = Story(
    name="Demo – Ada Lindqvist",
    age=58,
    focus="the death of her mother and clearing the family flat",
    better=(
        "A calmer week. I went to choir and stayed for coffee afterwards.",
        "Better. I looked at the photo albums with Elin and could laugh at some of them.",
        "Quite good, honestly. I slept most nights and cooked properly twice.",
    ),
    harder=(
        "Heavy. Everything in the shops reminded me of Mum.",
        "Not good. Jonas rang about the flat again and I cried for an hour after.",
        "Tired and flat. I cancelled lunch with Mira.",
    ),
    recent=(
        "Phone call with brother about the estate; mood dropped for two days afterwards.",
        "Visited the grave with daughter; sad but felt closer to her; mood lifted at the weekend.",
        "Back at choir after a long gap; first evening in months she enjoyed.",
        "Mother's birthday this week; low mood expected and talked through.",
    ),
    homework=(
        "Write a letter to Mum about the last year (not to send).",
        "One social contact this week: coffee with Mira after choir.",
        "Sort one box of Mum's things with Elin, keep three objects.",
        "Notice and note one pleasant moment a day.",
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
        EventSketch(400, GRIEF, "Mother died after a short illness"),
        EventSketch(330, TRANSITION, "Cleared and sold the family flat"),
        EventSketch(150, OTHER, "Went back to the choir"),
        EventSketch(35, GRIEF, "First anniversary of mother's death"),
    ),
    contracts=(
        ContractSketch(
            kind=ACUTE,
            planned=16,
            last_session_days_ago=200,
            interval_days=7,
            phq9=(19, 18, 18, 16, 15, 13, 12, 11, 9, 8, 7, 6, 5, 4, 4, 3),
            hamd={1: 21, 16: 6},
            accepted_at=3,
            problem_areas=(ProblemArea.GRIEF,),
            formulation=(
                "Ada's depression began in the months after her mother died. She nursed her "
                "mother alone, then cleared the flat under pressure from her brother, and "
                "never had the time to grieve. We will work on mourning the loss and on "
                "filling some of the space with people and interests."
            ),
            goals=(
                "Talk about Mum with Elin without avoiding it",
                "Return to choir and keep going",
                "Decide what to do about the conflict with Jonas",
            ),
            work=(
                "Reconstructed the relationship with her mother: the good years and the "
                "hard last months. Strong affect about the hospital; guilt explored.",
                "Talked through the day of the funeral in detail for the first time.",
                "Looked at which interests she gave up while caring; choir and walking chosen.",
                "Discussed how to talk with Jonas about the flat without blaming.",
            ),
            unsigned_last=0,
            termination=Termination(
                achievements=(
                    "Can talk about Mum with Elin, and laugh sometimes",
                    "Back at choir every week",
                    "Told Jonas calmly how the sale felt",
                ),
                relapse_prevention_skills=(
                    "Keep one social contact a week",
                    "Let sad days be sad without withdrawing",
                ),
                warning_signs=(
                    "Cancelling choir two weeks running",
                    "Sleeping badly for more than a week",
                ),
                what_to_do="Tell Elin, and call the practice for a booster session.",
                plan_kind=PlanAfterEnding.MAINTENANCE_CONTRACT,
                plan="Monthly maintenance sessions for a year, around the anniversary too.",
            ),
        ),
        ContractSketch(
            kind=MAINTENANCE,
            planned=12,
            last_session_days_ago=12,
            interval_days=28,
            phq9=(4, 3, 5, 3, 4, 6, 3),
            problem_areas=(ProblemArea.GRIEF,),
            formulation="Maintenance: keep the gains after the acute course for grief.",
            goals=("Stay well through the first anniversary",),
            work=(
                "Reviewed the month: routines holding; choir and walking kept up.",
                "Prepared for the anniversary: who she will be with and what she will do.",
                "Checked the warning-signs list together; none present.",
            ),
        ),
    ),
)

BRAM = Story(
    name="Demo – Bram Okafor",
    age=41,
    focus="growing arguments with his partner since her job moved to another city",
    better=(
        "We had a proper talk on Sunday. It didn't end in shouting.",
        "Better week. Sanne and I went for a walk, just us.",
    ),
    harder=(
        "Rough. She was away four nights and we only texted.",
        "Bad. I said something harsh on the phone and regretted it all week.",
    ),
    recent=(
        "Argument about who does the school run; felt useless afterwards, mood low for days.",
        "Planning evening with partner went well; mood best in weeks.",
        "Boss criticised his report; came home irritable and picked a fight.",
    ),
    homework=(
        "Use the 'I feel ... when ... ' sentence once with Sanne.",
        "Write down what he wants from the weekday arrangement, and what he can give.",
        "Keep the Thursday planning evening.",
    ),
    people=(
        PersonSketch(
            "Sanne",
            "Partner",
            1,
            support=True,
            conflict=True,
            arguments="Time apart, childcare; often end in silence for a day",
            changed_near_onset=True,
        ),
        PersonSketch("Grace", "Mother", 2, support=True, contact="Phone on Sundays"),
        PersonSketch("Kwame", "Best friend", 2, support=True, likes="Football, honesty"),
        PersonSketch("Pieter", "Manager", 3, conflict=True, dislikes="Public criticism"),
        PersonSketch("Lotte", "Partner's sister", 3),
    ),
    events=(
        EventSketch(150, DISPUTE, "Partner's job moved to another city; weekday commuting"),
        EventSketch(70, DISPUTE, "Big argument; partner stayed at her sister's for a week"),
        EventSketch(17, OTHER, "Agreed a weekly planning evening with partner"),
    ),
    contracts=(
        ContractSketch(
            kind=ACUTE,
            planned=16,
            last_session_days_ago=3,
            interval_days=7,
            phq9=(18, 17, 17, 16, 14, 13, 11, 10),
            gad7=(14, 13, 13, 12, 11, 10, 9, 9),
            accepted_at=3,
            problem_areas=(ProblemArea.ROLE_DISPUTE,),
            dispute_stage=DisputeStage.RENEGOTIATION,
            formulation=(
                "Bram's depression grew with a dispute with Sanne about how to live since "
                "her job moved. Both still want the relationship: the dispute is in "
                "renegotiation. We will look at what each expects and how they talk."
            ),
            goals=(
                "Agree a weekday arrangement both can live with",
                "Argue without the silent days afterwards",
            ),
            work=(
                "Communication analysis of Tuesday's phone call: what he said, what he "
                "meant, what she heard. Found the moment it turned.",
                "Clarified the non-reciprocal expectations: he expects her home on "
                "Wednesdays, she expects him to handle the school run.",
                "Decision analysis: options for the weekday arrangement, pros and cons.",
            ),
            role_play={
                6: "Rehearsed raising the Wednesday question calmly; second try much better.",
                7: "Role-played Sanne's side of the argument; he was surprised how it felt.",
            },
        ),
    ),
)

ELENI = Story(
    name="Demo – Ελένη Παπαδοπούλου",
    age=34,
    focus="becoming a mother soon after moving away from family and work",
    better=(
        "Better. I met Ines at the park and we talked for an hour.",
        "Good week. Work was hard but I felt like myself there.",
    ),
    harder=(
        "Long week. Nikos travelled and the nights were lonely.",
        "Hard. My mother criticised how I feed the baby and I felt small.",
    ),
    recent=(
        "Phone call with mother about baby care; felt judged, mood dipped that evening.",
        "First week back at work part-time; tired but proud.",
        "Made a friend at the parents' group; felt less alone.",
    ),
    homework=(
        "List what she misses from the old life and what is good in the new one.",
        "Ask Nikos for one evening a week to herself.",
        "Go to the parents' group once.",
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
        EventSketch(280, TRANSITION, "Moved country for partner's job"),
        EventSketch(210, TRANSITION, "Daughter born"),
        EventSketch(30, TRANSITION, "Returned to work part-time"),
    ),
    contracts=(
        ContractSketch(
            kind=ACUTE,
            planned=16,
            last_session_days_ago=2,
            interval_days=7,
            phq9=(17, 16, 16, 15, 13, 12, 12, 11, 10, 9, 9, 8, 8, 7),
            hamd={1: 19, 12: 10},
            accepted_at=3,
            problem_areas=(ProblemArea.ROLE_TRANSITION,),
            formulation=(
                "Eleni's depression began after two big changes close together: a move "
                "away from her family and her work, and becoming a mother. We will mourn "
                "what was lost, see the good in the new role, and build support here."
            ),
            goals=("Build two local friendships", "Feel competent as a mother"),
            work=(
                "Mourned the old role: her job, her city, her friends. Affect encouraged.",
                "Looked at the new role's good and hard sides; clarified what she wants.",
                "Practised asking Nikos for help without apologising.",
            ),
            termination=Termination(
                achievements=("Two new friends", "Back at work part-time"),
                relapse_prevention_skills=("Ask for help early",),
                warning_signs=("Staying in for days",),
                what_to_do="Call Katerina; book a booster session.",
                plan_kind=PlanAfterEnding.BOOSTER_SESSIONS,
                plan="Two booster sessions in the next six months.",
            ),
        ),
    ),
)
