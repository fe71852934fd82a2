"""The demo client Salma al-Haddad. Invented: every name, event and note is fiction."""

from ipt_desktop.domain.enums import PlanAfterEnding, ProblemArea
from ipt_desktop.domain.goals import GoalReview, GoalStatus
from ipt_desktop.domain.model import Termination
from ipt_desktop.domain.phase_tasks import Strategy as S

from ..beats import Beat
from ..story import ContractSketch, EventSketch, PersonSketch, Story
from .shorthand import ACUTE, AFFECT, DEFICITS, EQ, OTHER, RELATIONSHIP, ROLE_PLAY, SUPPORTS

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
            earlier_episodes=1,
            medication="Sertraline 50 mg daily (fictional)",
            prescriber="Her GP (fictional)",
            referrer="Her GP (fictional)",
            formulation=(
                "This is Salma's second depressive episode. She has had few close "
                "relationships since her friend left, and the loneliness and the depression "
                "feed each other. We will look at past "
                "relationships, practise reaching out, and use our own relationship as a "
                "place to try things."
            ),
            goals=("One regular social activity", "Keep in touch with Karim weekly"),
            goal_reviews=(
                GoalReview(
                    "One regular social activity",
                    ProblemArea.INTERPERSONAL_DEFICITS,
                    GoalStatus.MET,
                    "The volunteering shift every week since it started.",
                ),
                GoalReview(
                    "Keep in touch with Karim weekly",
                    ProblemArea.INTERPERSONAL_DEFICITS,
                    GoalStatus.PARTLY_MET,
                    "Answers his messages the same day but rarely writes first; PHQ-9 16 to 11.",
                ),
            ),
            work=(
                Beat(
                    "Reviewed past relationships: what made the friendship with Dina work, "
                    "and how it faded after she emigrated.",
                    mentions=("dina_left",),
                    techniques=(EQ,),
                    strategies=(S.DEFICITS_PAST_RELATIONSHIPS,),
                ),
                Beat(
                    "Used the therapeutic relationship: she noticed she waits for others to "
                    "start conversations, here too.",
                    techniques=(RELATIONSHIP,),
                    strategies=(S.DEFICITS_SOCIAL_SKILLS,),
                ),
                Beat(
                    "Role-played starting a conversation at work; she found an opening line "
                    "she can use.",
                    techniques=(ROLE_PLAY,),
                    strategies=(S.DEFICITS_SOCIAL_SKILLS,),
                ),
                Beat(
                    "Explored what she lost with the climbing club: the people more than the "
                    "sport; sadness and some anger.",
                    mentions=("climbing",),
                    techniques=(AFFECT, EQ),
                    strategies=(S.DEFICITS_PAST_RELATIONSHIPS,),
                ),
                Beat(
                    "Named her natural supports: Karim, the volunteer coordinator, one "
                    "colleague; who can help with what.",
                    mentions=("volunteering",),
                    techniques=(SUPPORTS,),
                    strategies=(S.DEFICITS_NEW_RELATIONSHIPS,),
                ),
                Beat(
                    "Reviewed the tea-break conversations: what went well, where she withdrew.",
                    mentions=("volunteering",),
                    techniques=(EQ,),
                    strategies=(
                        S.DEFICITS_NEW_RELATIONSHIPS,
                        S.DEFICITS_SOCIAL_SKILLS,
                    ),
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
