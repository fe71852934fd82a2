"""Three more invented clients for the demo practice (see demo_stories.py). All fiction."""

from ipt_desktop.domain.enums import DisputeStage, PlanAfterEnding, ProblemArea
from ipt_desktop.domain.model import Termination

from .stories import ACUTE, DEFICITS, DISPUTE, OTHER, TRANSITION
from .story import ContractSketch, EventSketch, PersonSketch, Story

SALMA = Story(
    name="Demo – سلمى الحداد",
    age=29,
    focus="a long drift into isolation after her closest friend emigrated",
    better=("A bit better. I went to the volunteering shift and talked to two people.",),
    harder=(
        "The same. I stayed in most evenings.",
        "Worse, I think. I didn't answer my brother's messages.",
        "Not much has changed. Work, home, sleep.",
    ),
    recent=(
        "Skipped a colleague's birthday drinks; relieved, then lonely; mood low all weekend.",
        "Brother visited; pleasant but she found little to say.",
        "Volunteering shift at the library; small conversations, mood slightly up that day.",
    ),
    homework=(
        "Say hello to one colleague each morning.",
        "Reply to Karim's message the same day.",
        "Go to the library shift and stay for the tea break.",
    ),
    people=(
        PersonSketch("Karim", "Brother", 2, support=True, contact="Messages, a visit a month"),
        PersonSketch(
            "Dina",
            "Former best friend, emigrated",
            2,
            support=True,
            changed_near_onset=True,
            notes="Contact faded to birthday messages",
        ),
        PersonSketch(
            "Huda",
            "Mother",
            2,
            support=True,
            conflict=True,
            arguments="Why she is not married; Salma ends the call",
        ),
        PersonSketch("Tomás", "Colleague", 3),
        PersonSketch("Volunteer coordinator", "Library", 3, support=True),
    ),
    events=(
        EventSketch(500, OTHER, "Closest friend emigrated"),
        EventSketch(300, DEFICITS, "Stopped going to the climbing club"),
        EventSketch(160, OTHER, "Started a volunteering shift at the library"),
    ),
    contracts=(
        ContractSketch(
            kind=ACUTE,
            planned=12,
            last_session_days_ago=130,
            interval_days=7,
            phq9=(16, 16, 15, 17, 15, 14, 15, 14, 16, 15, 14, 15),
            gad7=(11, 12, 11, 12, 11, 10),
            accepted_at=3,
            problem_areas=(ProblemArea.INTERPERSONAL_DEFICITS,),
            formulation=(
                "Salma has had few close relationships since her friend left, and the "
                "loneliness and the depression feed each other. We will look at past "
                "relationships, practise reaching out, and use our own relationship as a "
                "place to try things."
            ),
            goals=("One regular social activity", "Keep in touch with Karim weekly"),
            work=(
                "Reviewed past relationships: what made the friendship with Dina work.",
                "Used the therapeutic relationship: she noticed she waits for others to "
                "start conversations, here too.",
                "Role-played starting a conversation at the library tea break.",
            ),
            unsigned_last=0,
            termination=Termination(
                achievements=("Kept the volunteering shift going every week",),
                relapse_prevention_skills=("Answer messages the same day",),
                warning_signs=("Not leaving the flat at weekends", "Thoughts of giving up"),
                what_to_do="See the GP, and call the practice or a crisis line if worse.",
                plan_kind=PlanAfterEnding.REFERRAL,
                plan=(
                    "The therapy did not bring the change we hoped for; that is not her "
                    "failure. Referred to the GP to review medication, and to a group "
                    "programme for social confidence."
                ),
            ),
        ),
    ),
    ended=True,
)

TIMOFEY = Story(
    name="Demo – Тимофей Волков",
    age=66,
    focus="retiring from the rail depot after 35 years",
    better=("A little better. I fixed the neighbour's bicycle.",),
    harder=(
        "Bad. I don't know what the days are for any more.",
        "Empty. I sat by the window most of the week.",
    ),
    recent=(
        "Wife started longer hours; alone at home all day; mood lowest in the afternoons.",
        "Former colleague phoned; he did not call back.",
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
        EventSketch(120, TRANSITION, "Retired from the rail depot"),
        EventSketch(60, OTHER, "Wife started working longer hours"),
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
            formulation="Working draft: depression linked to the loss of his working role.",
            work=(),
        ),
    ),
)

MARISOL = Story(
    name="Demo – Marisol Quintero",
    age=52,
    focus="her divorce and a falling-out with her daughter over the family house",
    better=("Somewhat better. Andrés came for dinner and we laughed.",),
    harder=(
        "Lucía still isn't talking to me. I check my phone all the time.",
        "Bad week. I found the divorce papers while tidying.",
        "I keep thinking she's right that I ruined everything.",
    ),
    recent=(
        "Daughter missed her birthday; cried all evening; mood very low since.",
        "Son visited; a warm evening; slept better after.",
        "Ex-husband's new partner at a family event; felt replaced.",
    ),
    homework=(
        "Write what she wants Lucía to understand, and what she wants to understand.",
        "One activity that is hers alone (the pottery class).",
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
        EventSketch(180, TRANSITION, "Divorce finalised"),
        EventSketch(90, DISPUTE, "Daughter stopped answering calls after an argument"),
        EventSketch(12, DISPUTE, "Daughter did not come to her birthday"),
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
            formulation=(
                "Marisol's depression follows her divorce and a dispute with her daughter "
                "about selling the family house. The dispute is at an impasse: no contact. "
                "We will work on the move to life after marriage and on reopening contact."
            ),
            goals=("Reopen contact with Lucía", "Build a life of her own after the divorce"),
            work=(
                "Explored the dispute: each one's expectations about the house.",
                "Mourned the marriage and the family life that ended with it.",
                "Decision analysis: ways to reopen contact; chose a short letter first.",
            ),
        ),
    ),
)
