"""Invented clients for the demo practice (part 1). Every name, event and note is fiction.

Each client is one story: a note mentions a life event only once it has happened (the
``mentions`` of a ``Beat``), the techniques ticked are the ones the note describes, and the
opening answer follows the measures (a better week when the PHQ-9 fell or is minimal).
Grief is used only for a death; other losses are role transitions.
"""

from ipt_desktop.domain.enums import (
    DisputeStage,
    EpisodeKind,
    LifeEventKind,
    PlanAfterEnding,
    ProblemArea,
    Technique,
)
from ipt_desktop.domain.model import Termination

from .story import Beat, ContractSketch, EventSketch, PersonSketch, Story

ACUTE, MAINTENANCE = EpisodeKind.ACUTE, EpisodeKind.MAINTENANCE
GRIEF, DISPUTE = LifeEventKind.GRIEF, LifeEventKind.ROLE_DISPUTE
TRANSITION, DEFICITS = LifeEventKind.ROLE_TRANSITION, LifeEventKind.INTERPERSONAL_DEFICITS
OTHER = LifeEventKind.OTHER
EQ, AFFECT = Technique.EXPLORATORY_QUESTIONING, Technique.ENCOURAGEMENT_OF_AFFECT
CLARIFY, COMMUNICATION = Technique.CLARIFICATION, Technique.COMMUNICATION_ANALYSIS
DECISION, ROLE_PLAY = Technique.DECISION_ANALYSIS, Technique.ROLE_PLAY
RELATIONSHIP, SUPPORTS = Technique.THERAPEUTIC_RELATIONSHIP, Technique.NATURAL_SUPPORTS

ADA = Story(
    name="Demo – Ada Lindqvist",
    age=58,
    focus="the death of her mother and clearing the family flat",
    onset_days_ago=360,
    better=(
        "A little lighter. I slept four nights out of seven.",
        "Slightly better. I cooked a proper meal on Sunday.",
        Beat(
            "Better. I looked at the photo albums with Elin and could laugh at some of them.",
        ),
        Beat("Not as bad as I feared around Mum's birthday.", mentions=("mum_birthday",)),
        "Better. I walked to the lake and back twice this week.",
        Beat("A calmer week. I went to choir and stayed for coffee.", mentions=("choir",)),
        "Quite good, honestly. I slept most nights and cooked properly twice.",
        "Good week. I noticed I was humming in the kitchen.",
        "Good. I rang Jonas myself, and it was fine.",
        "Well. I had Elin's children for a whole Saturday and enjoyed it.",
        Beat("Steady and well. Choir twice and a long walk with Mira.", mentions=("choir",)),
        "Good month. Nothing special, which is how I like it.",
        "Well. I noticed a low evening and rang Elin instead of sitting with it.",
        "Fine. Busy with the grandchildren, and I kept my routines.",
        Beat("Sad around the anniversary, but not low; I was with people.", ("anniversary",)),
    ),
    harder=(
        "Heavy. Everything in the shops reminded me of Mum.",
        "A wobbly month. I slept badly for a few nights after a cold, then it settled.",
    ),
    recent=(
        Beat(
            "Brother rang about the money from the flat; mood dropped for two days afterwards.",
            mentions=("flat",),
        ),
        "Elin came for lunch; they did not talk about Mum; relieved, and sad afterwards.",
        "Elin's children stayed the night; exhausted, with a few good moments.",
        Beat(
            "Mother's birthday on Thursday, the first since she died; visited the grave with "
            "Elin; sad, but felt closer to her.",
            mentions=("mum_birthday", "mother_died"),
        ),
        Beat("Jonas did not call on Mum's birthday; hurt, then angry.", mentions=("mum_birthday",)),
        "Rang the choir leader to ask about coming back; nervous, and warmly welcomed.",
        Beat(
            "Back at choir after a long gap; the first evening in months she enjoyed.",
            mentions=("choir",),
        ),
        "Elin asked her to babysit on Saturday; tired but glad to be asked.",
        Beat(
            "Coffee with Mira after choir; talked about her mother without crying.",
            mentions=("choir",),
        ),
        "Jonas sent a short, friendly message; she answered the same day.",
        "Accepted a first invitation to lunch from a neighbour.",
        "Told Elin the sessions are ending; Elin said she had noticed the change.",
        "Jonas came to dinner for the first time since the sale; careful, but warm.",
        Beat("Choir concert; Elin and the grandchildren came to listen.", mentions=("choir",)),
        Beat(
            "A cold kept her home for a week; missed choir twice and phoned Mira instead.",
            mentions=("choir",),
        ),
        "A quiet month; told Elin she wants company on the anniversary.",
        Beat(
            "Spent the anniversary with Elin at the grave, then lunch with friends from choir; "
            "sad, and not alone.",
            mentions=("anniversary", "choir"),
        ),
    ),
    homework=(
        "Write a letter to Mum about the last year (not to send).",
        "One social contact this week, however small.",
        "Plan something small for Mum's birthday week: where to go, and with whom.",
        "Sort one box of Mum's things with Elin, keep three objects.",
        "Notice and note one pleasant moment a day.",
        "Ring the choir leader and ask about coming back.",
        Beat("Ask Mira about the choir's autumn concert.", mentions=("choir",)),
        "Write down what she wants to say to Jonas before calling him.",
        "Walk to the lake twice, once with Mira.",
        Beat("Keep choir and one walk a week until next month.", mentions=("choir",)),
        "Put the warning-signs list on the fridge.",
        "Go to bed at the same time for two weeks.",
        "Plan the anniversary day: who she will be with and where.",
        Beat("Note how the anniversary week went, to look at next month.", ("anniversary",)),
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
        EventSketch("mother_died", 400, GRIEF, "Mother died after a short illness"),
        EventSketch("flat", 330, TRANSITION, "Cleared and sold the family flat"),
        EventSketch("mum_birthday", 258, OTHER, "Mother's birthday, the first since her death"),
        EventSketch("choir", 240, OTHER, "Went back to the choir"),
        EventSketch("anniversary", 35, OTHER, "First anniversary of mother's death"),
    ),
    contracts=(
        ContractSketch(
            kind=ACUTE,
            planned=12,
            last_session_days_ago=200,
            interval_days=7,
            phq9=(19, 18, 17, 15, 13, 11, 10, 8, 6, 5, 4, 3),
            hamd={1: 21, 12: 6},
            accepted_at=3,
            problem_areas=(ProblemArea.GRIEF,),
            recurrent=False,
            referrer="Her GP (fictional)",
            formulation=(
                "Ada's depression began in the months after her mother died. She nursed her "
                "mother alone, then cleared the flat under pressure from her brother, and "
                "never had the time to grieve. We will work on mourning her mother and on "
                "filling some of the space with people and interests."
            ),
            goals=(
                "Talk about Mum with Elin without avoiding it",
                "Return to choir and keep going",
                "Decide what to do about the conflict with Jonas",
            ),
            goals_met=(
                "Talk about Mum with Elin without avoiding it",
                "Return to choir and keep going",
                "Decide what to do about the conflict with Jonas",
            ),
            work=(
                Beat(
                    "Reconstructed the relationship with her mother: the good years and the "
                    "hard last months. Strong affect about the hospital; guilt explored.",
                    mentions=("mother_died",),
                    techniques=(AFFECT, EQ),
                ),
                Beat(
                    "Talked through the day of the funeral in detail for the first time; she "
                    "cried and said it was a relief.",
                    mentions=("mother_died",),
                    techniques=(AFFECT,),
                ),
                Beat(
                    "Went through the birthday week: what she did, what she missed, what she "
                    "would like to do next year.",
                    mentions=("mum_birthday",),
                    techniques=(EQ,),
                ),
                Beat(
                    "Looked at the interests she gave up while caring; chose choir and walking, "
                    "with Mira as a support.",
                    techniques=(SUPPORTS,),
                ),
                Beat(
                    "Communication analysis of the last call with Jonas about the flat: what "
                    "she said, what she meant, how it ended.",
                    mentions=("flat",),
                    techniques=(COMMUNICATION,),
                ),
                Beat(
                    "Decision analysis: ways to talk with Jonas; she chose to ring him herself.",
                    techniques=(DECISION,),
                ),
            ),
            unsigned_last=0,
            termination=Termination(
                achievements=(
                    "Can talk about Mum with Elin, and laugh sometimes",
                    "Back at choir every week",
                    "Rang Jonas herself and told him calmly how the sale felt",
                ),
                relapse_prevention_skills=(
                    "Keep one social contact a week",
                    "Let sad days be sad without withdrawing",
                ),
                warning_signs=(
                    "Cancelling choir two weeks running",
                    "Sleeping badly for more than a week",
                ),
                what_to_do="Tell Elin, and call the practice for an earlier session.",
                plan_kind=PlanAfterEnding.MAINTENANCE_CONTRACT,
                plan=(
                    "Remission after 12 sessions of IPT for grief (PHQ-9 19 to 3). Monthly "
                    "maintenance IPT for a year, to cover the first anniversary."
                ),
                client_next_step=(
                    "We will meet once a month for the next year, to help you stay well, "
                    "including around the anniversary."
                ),
            ),
        ),
        ContractSketch(
            kind=MAINTENANCE,
            planned=12,
            last_session_days_ago=12,
            interval_days=28,
            phq9=(4, 3, 5, 4, 3),
            problem_areas=(ProblemArea.GRIEF,),
            formulation="Maintenance: keep the gains after the acute course for grief.",
            goals=("Stay well through the first anniversary",),
            work=(
                Beat(
                    "Reviewed the month: routines holding; choir and walking kept up.",
                    mentions=("choir",),
                    techniques=(EQ,),
                ),
                "Checked the warning-signs list together; none present.",
                Beat(
                    "A harder month: explored what changed; sleep slipped after a cold, with no "
                    "withdrawal from people.",
                    techniques=(EQ,),
                ),
                "Prepared for the anniversary next month: who she will be with, what she will do.",
                Beat(
                    "After the anniversary: she let herself be sad and stayed with people; "
                    "feelings about her mother explored.",
                    mentions=("anniversary",),
                    techniques=(AFFECT, EQ),
                ),
            ),
        ),
    ),
)

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
            work=(
                Beat(
                    "Communication analysis of Tuesday's phone call: what he said, what he "
                    "meant, what she heard. Found the moment it turned.",
                    techniques=(COMMUNICATION,),
                ),
                Beat(
                    "Went back over the week she spent at her sister's after the big argument; "
                    "anger and fear explored.",
                    mentions=("big_argument",),
                    techniques=(AFFECT, EQ),
                ),
                Beat(
                    "Clarified the non-reciprocal expectations: he expects her home on "
                    "Wednesdays, she expects him to handle the school run.",
                    techniques=(CLARIFY,),
                ),
                Beat(
                    "Decision analysis: options for the weekday arrangement, pros and cons.",
                    techniques=(DECISION,),
                ),
                Beat(
                    "Reviewed the first planning evening: what made it work, what to keep.",
                    mentions=("planning",),
                    techniques=(EQ,),
                ),
            ),
            role_play={
                6: "Rehearsed raising the Wednesday question calmly; second try much better.",
                7: "Role-played Sanne's side of the argument; he was surprised how it felt.",
            },
        ),
    ),
)
