"""Invented clients for the demo practice (part 2; see stories.py). All fiction."""

from ipt_desktop.domain.enums import DisputeStage, PlanAfterEnding, ProblemArea
from ipt_desktop.domain.model import Termination

from .stories import (
    ACUTE,
    AFFECT,
    CLARIFY,
    COMMUNICATION,
    DECISION,
    DEFICITS,
    DISPUTE,
    EQ,
    OTHER,
    RELATIONSHIP,
    ROLE_PLAY,
    SUPPORTS,
    TRANSITION,
)
from .story import Beat, ContractSketch, EventSketch, PersonSketch, Story

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
            goals_met=("Build two local friendships", "Feel competent as a mother"),
            work=(
                Beat(
                    "Mourned the old role: her job, her city, her friends in Thessaloniki; she "
                    "cried about her old office and we stayed with the sadness.",
                    mentions=("move",),
                    techniques=(AFFECT,),
                ),
                Beat(
                    "Looked at the new role's good and hard sides; clarified what she wants "
                    "as a mother.",
                    mentions=("daughter",),
                    techniques=(CLARIFY,),
                ),
                Beat(
                    "Communication analysis of the phone call with her mother: what was said, "
                    "what she felt, what she did not say.",
                    techniques=(COMMUNICATION,),
                ),
                Beat(
                    "Practised asking Nikos for help without apologising: a role-play of "
                    "Sunday's conversation.",
                    techniques=(ROLE_PLAY,),
                ),
                Beat(
                    "Found natural supports near home: the parents' group, Ines, a neighbour; "
                    "who can help with what.",
                    techniques=(SUPPORTS,),
                ),
                Beat(
                    "Decision analysis: when and how to go back to work; she chose three days "
                    "a week.",
                    techniques=(DECISION,),
                ),
                Beat(
                    "Reviewed the return to work: what it gives back of the old role.",
                    mentions=("work",),
                    techniques=(EQ,),
                ),
                Beat(
                    "Explored her confidence as a mother and as a professional: both are real.",
                    techniques=(EQ,),
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

SALMA = Story(
    name="Demo – سلمى الحداد",
    age=29,
    focus="a long drift into isolation after her closest friend emigrated",
    onset_days_ago=420,
    better=(
        "A bit better. I answered Karim the same day.",
        "Slightly better. I said good morning to Tomás and he told me about his dog.",
        "Better than usual. I went for a walk with Karim on Sunday.",
        Beat(
            "A little better. I went to the volunteering shift and talked to two people.",
            mentions=("volunteering",),
        ),
        Beat("Okay. I stayed for the tea break at the library.", mentions=("volunteering",)),
        "Better. Dina called from abroad and I told her how I am.",
    ),
    harder=(
        "The same. I stayed in most evenings.",
        "Not much has changed. Work, home, sleep.",
        "Worse, I think. I didn't answer my brother's messages.",
        Beat(
            "The same. The shift was fine but I went straight home after.",
            mentions=("volunteering",),
        ),
        "Flat. My mother asked again why I'm not married.",
        "Not much different. Ending here feels like losing another person.",
    ),
    recent=(
        "Skipped a colleague's birthday drinks; relieved, then lonely; mood low all weekend.",
        "Brother visited; pleasant, but she found little to say.",
        Beat(
            "Walked past the climbing club and did not go in; low that evening.",
            mentions=("climbing",),
        ),
        Beat(
            "First volunteering shift at the library; small conversations, mood slightly up.",
            mentions=("volunteering",),
        ),
        "Lunch with Tomás and another colleague; said little, but stayed.",
        "Dina sent a photo from abroad; glad, and left behind.",
        "Mother's phone call about marriage; she ended the call early.",
        "Applied to volunteer at the library; waiting to hear.",
        "Karim's birthday; she called him first.",
        Beat(
            "Second shift at the library; the coordinator asked her to help with the reading "
            "group.",
            mentions=("volunteering",),
        ),
        "A weekend alone; noticed the old pull to stay in, and went out for an hour.",
        "Told Karim the sessions are ending; he offered to come to the first group meeting.",
    ),
    homework=(
        "Say hello to one colleague each morning.",
        "Reply to Karim's message the same day.",
        "Write down what made the friendship with Dina work.",
        "Find one regular activity with people; look at the library's volunteer list.",
        Beat("Go to the library shift and stay for the tea break.", mentions=("volunteering",)),
        "Eat lunch in the staff room once this week.",
        "Send Dina a message about something ordinary.",
        Beat("Ask the volunteer coordinator about a second shift.", mentions=("volunteering",)),
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
        EventSketch("dina_left", 500, OTHER, "Closest friend emigrated"),
        EventSketch("climbing", 300, DEFICITS, "Stopped going to the climbing club"),
        EventSketch("volunteering", 160, OTHER, "Started a volunteering shift at the library"),
    ),
    contracts=(
        ContractSketch(
            kind=ACUTE,
            planned=12,
            last_session_days_ago=130,
            interval_days=7,
            phq9=(16, 16, 15, 17, 15, 14, 13, 13, 12, 12, 11, 11),
            gad7=(11, 12, 11, 12, 11, 10),
            accepted_at=3,
            problem_areas=(ProblemArea.INTERPERSONAL_DEFICITS,),
            recurrent=True,
            medication="Sertraline 50 mg daily (fictional)",
            prescriber="Her GP (fictional)",
            referrer="Her GP (fictional)",
            formulation=(
                "Salma has had few close relationships since her friend left, and the "
                "loneliness and the depression feed each other. We will look at past "
                "relationships, practise reaching out, and use our own relationship as a "
                "place to try things."
            ),
            goals=("One regular social activity", "Keep in touch with Karim weekly"),
            goals_met=("One regular social activity",),
            work=(
                Beat(
                    "Reviewed past relationships: what made the friendship with Dina work, "
                    "and how it faded after she emigrated.",
                    mentions=("dina_left",),
                    techniques=(EQ,),
                ),
                Beat(
                    "Used the therapeutic relationship: she noticed she waits for others to "
                    "start conversations, here too.",
                    techniques=(RELATIONSHIP,),
                ),
                Beat(
                    "Role-played starting a conversation at work; she found an opening line "
                    "she can use.",
                    techniques=(ROLE_PLAY,),
                ),
                Beat(
                    "Explored what she lost with the climbing club: the people more than the "
                    "sport; sadness and some anger.",
                    mentions=("climbing",),
                    techniques=(AFFECT, EQ),
                ),
                Beat(
                    "Named her natural supports: Karim, the volunteer coordinator, one "
                    "colleague; who can help with what.",
                    mentions=("volunteering",),
                    techniques=(SUPPORTS,),
                ),
                Beat(
                    "Reviewed the tea-break conversations: what went well, where she withdrew.",
                    mentions=("volunteering",),
                    techniques=(EQ,),
                ),
            ),
            unsigned_last=0,
            termination=Termination(
                achievements=(
                    "Kept the volunteering shift going every week",
                    "Answers Karim's messages the same day",
                ),
                relapse_prevention_skills=("Answer messages the same day",),
                warning_signs=("Not leaving the flat at weekends", "Thoughts of giving up"),
                what_to_do="See the GP, and call the practice or a crisis line if you feel worse.",
                plan_kind=PlanAfterEnding.REFERRAL,
                plan=(
                    "Partial response after 12 sessions of IPT for interpersonal deficits "
                    "(PHQ-9 16 to 11). Referred to the GP for a medication review and to a "
                    "group programme for social confidence."
                ),
                client_next_step=(
                    "Your GP will look at whether a change of medication could help, and you "
                    "have a place in a group that builds confidence with people."
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
                ),
                Beat(
                    "Mourned the marriage and the family life that ended with it; affect "
                    "encouraged.",
                    mentions=("divorce",),
                    techniques=(AFFECT,),
                ),
                Beat(
                    "Decision analysis: ways to reopen contact with Lucía; she chose a short "
                    "letter first.",
                    mentions=("daughter_stopped",),
                    techniques=(DECISION,),
                ),
                Beat(
                    "Went through the birthday and what it meant to her; sadness and anger "
                    "explored.",
                    mentions=("birthday",),
                    techniques=(AFFECT, EQ),
                ),
            ),
        ),
    ),
)
