"""The graduation letter and clinical summary PDFs: what they say, fonts, pages, layout."""

import dataclasses
import itertools
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from ipt_desktop.domain.graduation import (
    DocumentKind,
    GraduationContent,
    PaperSize,
    default_content,
    select,
)
from ipt_desktop.domain.model import ClientRecord
from ipt_desktop.domain.timeline import Timeline, build_timeline
from ipt_desktop.reports import render_pdf
from tests.helpers import records
from tests.helpers.pdf_reading import (
    PAGE_POINTS,
    all_text,
    assert_within_margins,
    font_file,
    fonts_used,
    normalized,
    page_texts,
    placed_text,
)


def prepared(record: ClientRecord) -> tuple[GraduationContent, Timeline]:
    content = default_content(record, records.episode_id(record), records.PRACTICE, records.TODAY)
    return content, build_timeline(record, records.TODAY)


def render(
    tmp_path: Path,
    content: GraduationContent,
    timeline: Timeline | None,
    kind: DocumentKind = DocumentKind.LETTER,
    paper: PaperSize = PaperSize.A4,
) -> Path:
    out = tmp_path / f"{kind.value}-{paper.value}.pdf"
    render_pdf(content, kind, paper, out, timeline)
    return out


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (records.responder_record, records.LATIN_NAME),
        (records.nonresponder_record, records.GREEK_NAME),
        (records.maintenance_record, records.CYRILLIC_NAME),
    ],
)
@pytest.mark.parametrize("kind", [DocumentKind.LETTER, DocumentKind.CLINICAL])
def test_letter_holds_the_selected_items_names_and_dates(
    tmp_path: Path, make: Callable[[], ClientRecord], name: str, kind: DocumentKind
) -> None:
    content, timeline = prepared(make())
    text = all_text(render(tmp_path, content, timeline, kind))
    assert name in text
    for item in (*content.achievements, *content.skills, *content.warning_signs):
        assert normalized(item) in text
    start = content.episode_start
    assert f"{start.day} " in text and str(start.year) in text
    assert "2 May 2025" in text  # the letter's date
    assert records.PRACTICE.therapist_name in text
    assert records.PRACTICE.credentials in text


def test_unselected_items_are_left_out(tmp_path: Path) -> None:
    content, timeline = prepared(records.responder_record())
    kept_achievements = [records.ACHIEVEMENTS[3], records.ACHIEVEMENTS[1]]
    kept_skills = [records.SKILLS[0]]
    kept_signs = [records.WARNING_SIGNS[2]]
    chosen = select(content, achievements=kept_achievements, skills=kept_skills, signs=kept_signs)
    for kind in (DocumentKind.LETTER, DocumentKind.CLINICAL):
        text = all_text(render(tmp_path, chosen, timeline, kind))
        for item in (*kept_achievements, *kept_skills, *kept_signs):
            assert item in text
        left_out = (
            set(records.ACHIEVEMENTS) - set(kept_achievements),
            set(records.SKILLS) - set(kept_skills),
            set(records.WARNING_SIGNS) - set(kept_signs),
        )
        for item in set().union(*left_out):
            assert item not in text
    # In the chosen order, too.
    letter = all_text(render(tmp_path, chosen, timeline))
    assert letter.index(kept_achievements[0]) < letter.index(kept_achievements[1])


def test_client_letter_has_no_clinical_jargon(tmp_path: Path) -> None:
    content, timeline = prepared(records.nonresponder_record())
    letter = all_text(render(tmp_path, content, timeline))
    for word in ("formulation", "Impasse", "HAM-D", "item 9", "Risk history", "PHQ-9"):
        assert word not in letter
    clinical = all_text(render(tmp_path, content, timeline, DocumentKind.CLINICAL))
    for word in ("Interpersonal formulation", "Impasse", "HAM-D", "Risk history"):
        assert word in clinical


def test_nonresponder_letter_says_the_treatment_fell_short(tmp_path: Path) -> None:
    record = records.nonresponder_record()
    content, timeline = prepared(record)
    text = all_text(render(tmp_path, content, timeline))
    assert "It is the treatment, not you, that fell short." in text
    termination = record.episodes[0].termination
    # The client's next step is in the letter, twice at most; the clinician's plan never.
    assert normalized(termination.client_next_step) in text
    assert normalized(termination.plan) not in text


def test_clinical_summary_tables_measures_and_risk(tmp_path: Path) -> None:
    content, timeline = prepared(records.nonresponder_record())
    text = all_text(render(tmp_path, content, timeline, DocumentKind.CLINICAL))
    assert "18 (moderately severe)" in text and "15 (moderately severe)" in text
    assert "-3 (-17%)" in text
    assert "PHQ-9 (primary)" in text and "Non-response" in text
    assert "Lower (shown beside)" in text  # HAM-D 20 -> 17 is shown, never a verdict
    assert "Session 7, 24 February 2025: PHQ-9 item 9 above 0; no risk assessment documented" in (
        text
    )
    assert "Session 3, 27 January 2025" in text
    assert "Interpersonal (role) dispute" in text


@pytest.mark.parametrize("paper", list(PaperSize))
def test_paper_size_and_page_numbers(tmp_path: Path, paper: PaperSize) -> None:
    content, timeline = prepared(records.responder_record())
    out = render(tmp_path, content, timeline, DocumentKind.CLINICAL, paper)
    reader = PdfReader(out)
    width, height = PAGE_POINTS[paper]
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(width, abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(height, abs=0.5)
    texts = page_texts(out)
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {len(texts)}" in text


def test_both_starts_the_clinical_summary_on_a_new_page_with_its_own_numbers(
    tmp_path: Path,
) -> None:
    content, timeline = prepared(records.responder_record())
    texts = page_texts(render(tmp_path, content, timeline, DocumentKind.BOTH))
    letter_pages = [i for i, t in enumerate(texts) if "Looking back, and looking ahead" in t]
    clinical_pages = [i for i, t in enumerate(texts) if "Clinical termination summary" in t]
    assert letter_pages == [0]
    first_clinical = clinical_pages[0]
    assert first_clinical > 0
    # The letter ends (signed) before the summary's page begins.
    assert "With warm wishes," in " ".join(texts[:first_clinical])
    assert "With warm wishes," not in " ".join(texts[first_clinical:])
    letter_total, clinical_total = first_clinical, len(texts) - first_clinical
    for i in range(letter_total):
        assert f"Page {i + 1} of {letter_total}" in texts[i]
    for i in range(clinical_total):
        assert f"Page {i + 1} of {clinical_total}" in texts[first_clinical + i]


def test_fonts_are_embedded(tmp_path: Path) -> None:
    content, timeline = prepared(records.nonresponder_record())
    out = render(tmp_path, content, timeline, DocumentKind.BOTH)
    fonts = fonts_used(out)
    assert fonts, "the PDF names no fonts"
    for name, font in fonts.items():
        assert font_file(font) is not None, f"{name} is not embedded"
        assert "DejaVu" in name
    assert any("DejaVuSerif" in name for name in fonts)
    assert any("DejaVuSans" in name for name in fonts)


def test_metadata_leaves_out_the_client(tmp_path: Path) -> None:
    content, timeline = prepared(records.responder_record())
    meta = PdfReader(render(tmp_path, content, timeline)).metadata
    assert meta is not None
    assert meta.title == "Graduation letter"
    assert meta.author == records.PRACTICE.therapist_name
    assert all(records.LATIN_NAME not in str(value) for value in meta.values())


def test_forty_achievements_flow_over_pages_without_overlap(tmp_path: Path) -> None:
    content, timeline = prepared(records.responder_record())
    many = [f"Achievement {n:02d}: a fictional step forward, written out in full." for n in
            range(1, 41)]  # fmt: skip
    out = render(tmp_path, select(content, achievements=many), timeline)
    texts = page_texts(out)
    assert len(texts) > 2
    whole = " ".join(texts)
    for item in many:
        assert whole.count(item) == 1
    positions: dict[int, list[float]] = {}
    for run in placed_text(out):
        if re.match(r"Achievement \d\d:", run.text):
            positions.setdefault(run.page, []).append(run.y)
    assert sum(len(ys) for ys in positions.values()) == 40
    assert len(positions) > 1  # the list itself spans pages
    for ys in positions.values():
        gaps = [a - b for a, b in itertools.pairwise(ys)]
        assert all(gap >= 10 for gap in gaps), "list lines overlap or run out of order"


@pytest.mark.parametrize("paper", list(PaperSize))
def test_nothing_is_printed_outside_the_margins(tmp_path: Path, paper: PaperSize) -> None:
    content, timeline = prepared(records.maintenance_record())
    long_word = "Unbreakable" * 12
    content = select(content, achievements=[*content.achievements, long_word])
    out = render(tmp_path, content, timeline, DocumentKind.BOTH, paper)
    assert_within_margins(out, *PAGE_POINTS[paper])
    # The long word wrapped: its pieces add up to the whole, none ran past the margin.
    assert long_word in "".join(all_text(out).split())


def test_without_timeline_or_mood_the_chart_is_left_out(tmp_path: Path) -> None:
    content, timeline = prepared(records.responder_record())
    without = all_text(render(tmp_path, content, None))
    assert "Your mood over our sessions" not in without
    assert records.ACHIEVEMENTS[0] in without
    hidden = dataclasses.replace(content, include_mood_chart=False, include_phq9_chart=False)
    assert "Your mood over our sessions" not in all_text(render(tmp_path, hidden, timeline))
    shown = all_text(render(tmp_path, content, timeline))
    assert "Your mood over our sessions" in shown
    assert "Mood (0 = worst, 10 = best)" in shown
    assert "PHQ-9 (lower is better)" in shown


def test_practice_details_may_be_empty(tmp_path: Path) -> None:
    content, timeline = prepared(records.responder_record())
    bare = dataclasses.replace(content, practice=dataclasses.replace(
        records.PRACTICE, therapist_name="", credentials="", practice_name="", address="",
        phone="", email=""))  # fmt: skip
    text = all_text(render(tmp_path, bare, timeline, DocumentKind.BOTH))
    assert records.PRACTICE.practice_name not in text
    assert records.ACHIEVEMENTS[0] in text
