"""LOINC codes for the FHIR export of PHQ-9 and GAD-7 (checked sources: docs/fhir-export.md).

Item codes are in the order of ``domain.measures.PHQ9_ITEMS`` / ``GAD7_ITEMS``; the answer
codes are LOINC answer list LL358-3 ("Not at all" ... "Nearly every day"), scored 0 to 3.
"""

from dataclasses import dataclass

from ipt_desktop.domain.client_entry import Questionnaire

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
#: Canonical of LOINC's own form of a panel (as LOINC's FHIR server names them).
LOINC_QUESTIONNAIRE = "http://loinc.org/q/"

#: (code, display, ordinal) for the answers 0, 1, 2, 3.
FREQUENCY_ANSWERS: tuple[tuple[str, str], ...] = (
    ("LA6568-5", "Not at all"),
    ("LA6569-3", "Several days"),
    ("LA6570-1", "More than half the days"),
    ("LA6571-9", "Nearly every day"),
)


@dataclass(frozen=True)
class PanelCodes:
    questionnaire: Questionnaire
    panel: str
    panel_display: str
    items: tuple[str, ...]
    total: str
    total_display: str

    @property
    def canonical(self) -> str:
        return LOINC_QUESTIONNAIRE + self.panel


PHQ9_CODES = PanelCodes(
    Questionnaire.PHQ9,
    panel="44249-1",
    panel_display="PHQ-9 quick depression assessment panel",
    items=(
        "44250-9",  # little interest or pleasure in doing things
        "44255-8",  # feeling down, depressed, or hopeless
        "44259-0",  # trouble falling or staying asleep, or sleeping too much
        "44254-1",  # feeling tired or having little energy
        "44251-7",  # poor appetite or overeating
        "44258-2",  # feeling bad about yourself
        "44252-5",  # trouble concentrating on things
        "44253-3",  # moving or speaking so slowly / fidgety or restless
        "44260-8",  # thoughts that you would be better off dead, or of hurting yourself
    ),
    total="44261-6",
    total_display="Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]",
)
GAD7_CODES = PanelCodes(
    Questionnaire.GAD7,
    panel="69737-5",
    panel_display="Generalized anxiety disorder 7 item (GAD-7)",
    items=(
        "69725-0",  # feeling nervous, anxious, or on edge
        "68509-9",  # not being able to stop or control worrying
        "69733-4",  # worrying too much about different things
        "69734-2",  # trouble relaxing
        "69735-9",  # being so restless that it is hard to sit still
        "69689-8",  # becoming easily annoyed or irritable
        "69736-7",  # feeling afraid, as if something awful might happen
    ),
    total="70274-6",
    total_display="Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]",
)
PANELS: tuple[PanelCodes, ...] = (PHQ9_CODES, GAD7_CODES)
