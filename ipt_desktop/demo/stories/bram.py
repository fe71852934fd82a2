"""The demo client Bram Okafor. Invented: every name, event and note is fiction."""

from ipt_desktop.domain.enums import DisputeStage, ProblemArea
from ipt_desktop.domain.phase_tasks import Strategy as S
from ipt_desktop.domain.worksheets import Worksheet

from ..beats import Beat
from ..story import ContractSketch, EventSketch, PersonSketch, Story
from .shorthand import ACUTE, AFFECT, CLARIFY, COMMUNICATION, DECISION, DISPUTE, EQ, OTHER

BRAM = Story(
    name="Demo – Bram Okafor",
    age=41,
    focus="growing arguments with his partner since her job moved to another city",
    onset_days_ago=120,
    better=(
        "A bit better. We didn't argue on Sunday, for once.",
        "Better week. Sanne and I went for a walk, just us.",
        "Okay. I got through a hard phone call without shouting.",
        "We had a proper talk on Sunday. It didn't end in silence.",
        Beat(
            "Good week. The planning evening was the best hour we've had in months.",
            mentions=("planning",),
        ),
        "Better. I told Kwame how things are, which I never do.",
    ),
    harder=(
        "Rough. She was away four nights and we only texted.",
        "Bad. I said something harsh on the phone and regretted it all week.",
    ),
    recent=(
        "Argument about who does the school run; felt useless afterwards, mood low for days.",
        "Boss criticised his report; came home irritable and picked a fight.",
        "Sanne's sister rang to ask how he was; surprised and touched.",
        Beat(
            "First Thursday planning evening; they agreed the school runs for a month; mood "
            "best in weeks.",
            mentions=("planning",),
        ),
        "Sanne came home a day early as a surprise; a good evening, a tense morning.",
        "Missed his son's match because of a late meeting; Sanne angry; he apologised.",
        "Told Kwame about the arguments over a football match; felt lighter.",
        "His mother asked if they are all right; he said yes, then told her the truth.",
    ),
    homework=(
        "Notice the moment an argument turns, and write it down.",
        "Use the 'I feel ... when ...' sentence once with Sanne.",
        "Write down what he wants from the weekday arrangement, and what he can give.",
        "Suggest a weekly planning evening to Sanne.",
        Beat("Keep the Thursday planning evening.", mentions=("planning",)),
        "Ask Sanne what she misses most about the old weekdays.",
        "Tell one friend how things really are.",
        "Plan one evening out with Sanne.",
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
        EventSketch(
            "job_moved", 150, DISPUTE, "Partner's job moved to another city; weekday commuting"
        ),
        EventSketch(
            "big_argument", 70, DISPUTE, "Big argument; partner stayed at her sister's for a week"
        ),
        EventSketch("planning", 17, OTHER, "Agreed a weekly planning evening with partner"),
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
            referrer="Self-referral",
            formulation=(
                "Bram's depression grew with a dispute with Sanne about how to live since "
                "her job moved. Both still want the relationship: the dispute is in "
                "renegotiation. We will look at what each expects and how they talk."
            ),
            goals=(
                "Agree a weekday arrangement both can live with",
                "Argue without the silent days afterwards",
            ),
            worksheets=(
                Worksheet.of(
                    ProblemArea.ROLE_DISPUTE,
                    {
                        "other_person": "Sanne, his partner; they have a son.",
                        "client_expectations": "That she is home on Wednesdays.",
                        "other_expectations": "That he handles the school run.",
                        "stage": "Renegotiation: both still want the relationship.",
                        "options": "A weekly planning evening; a fixed weekday arrangement.",
                        "communication": ("Phone calls that turn sharp, then a day of silence."),
                        "plan": "Say what he feels before it turns; keep the planning evening.",
                    },
                ),
            ),
            work=(
                Beat(
                    "Communication analysis of Tuesday's phone call: what he said, what he "
                    "meant, what she heard. Found the moment it turned.",
                    techniques=(COMMUNICATION,),
                    strategies=(S.DISPUTE_COMMUNICATION,),
                ),
                Beat(
                    "Went back over the week she spent at her sister's after the big argument; "
                    "anger and fear explored.",
                    mentions=("big_argument",),
                    techniques=(AFFECT, EQ),
                    strategies=(S.DISPUTE_STAGE,),
                ),
                Beat(
                    "Clarified the non-reciprocal expectations: he expects her home on "
                    "Wednesdays, she expects him to handle the school run.",
                    techniques=(CLARIFY,),
                    strategies=(S.DISPUTE_STAGE,),
                ),
                Beat(
                    "Decision analysis: options for the weekday arrangement, pros and cons.",
                    techniques=(DECISION,),
                    strategies=(S.DISPUTE_PLAN,),
                ),
                Beat(
                    "Reviewed the first planning evening: what made it work, what to keep.",
                    mentions=("planning",),
                    techniques=(EQ,),
                    strategies=(
                        S.DISPUTE_PLAN,
                        S.DISPUTE_COMMUNICATION,
                    ),
                ),
            ),
            role_play={
                6: "Rehearsed raising the Wednesday question calmly; second try much better.",
                7: "Role-played Sanne's side of the argument; he was surprised how it felt.",
            },
        ),
    ),
)
