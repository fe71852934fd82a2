"""The de-identified supervision summary (issue 19): no client-identifying text reaches the
PDF. Every name, every date (in the forms a PDF might print it) and every free-text field
of a record that uses every field is looked for in the PDF's text (pypdf)."""

import calendar
import dataclasses
import datetime as dt
import enum
import io
from collections.abc import Iterator
from pathlib import Path

from pypdf import PdfReader

from ipt_desktop.crypto.kdf import floor_params
from ipt_desktop.domain.graduation import PaperSize
from ipt_desktop.domain.model import ClientRecord, LifeEvent
from ipt_desktop.domain.supervision import supervision_report
from ipt_desktop.reports import build_supervision_pdf
from ipt_desktop.vault.vault import Vault
from tests.helpers.cli_process import run_cli
from tests.helpers.samples import full_record, store

MARKER = " Qxzvj"
MONTHS = tuple(calendar.month_name)[1:]


def values(obj: object) -> Iterator[object]:
    """Every str and date inside a record (dataclasses, tuples, dicts), enums left out."""
    if isinstance(obj, enum.Enum):
        return
    if isinstance(obj, str | dt.date):
        yield obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from values(getattr(obj, f.name))
    elif isinstance(obj, tuple | list | frozenset | set):
        for item in obj:
            yield from values(item)
    elif isinstance(obj, dict):
        for key, item in obj.items():
            yield from values(key)
            yield from values(item)


def date_forms(d: dt.date) -> list[str]:
    month = MONTHS[d.month - 1]
    return [
        d.isoformat(),
        f"{d.day} {month} {d.year}",
        f"{d.day} {month[:3]} {d.year}",
        f"{month} {d.year}",
        f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{d.month:02d}/{d.day:02d}/{d.year}",
        str(d.year),
    ]


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def rich_record() -> ClientRecord:
    record = full_record(name="Demo – Identifiable Person", marker=MARKER)
    event = LifeEvent(record.client.id, dt.date(2025, 11, 3), description=f"Moved{MARKER}")
    return dataclasses.replace(record, life_events=(*record.life_events, event))


def test_no_name_date_or_free_text_reaches_the_supervision_pdf() -> None:
    record = rich_record()
    episode = record.episodes[0]
    text = pdf_text(build_supervision_pdf(supervision_report(record, episode.id), PaperSize.A4))
    # The PDF does carry the de-identified facts.
    assert "IPT supervision summary" in text
    assert "Interpersonal (role) dispute" in text and "Grief" in text
    assert "Task completion per phase" in text and "Sessions" in text
    assert "Measures by week" in text
    found = list(values(record))
    texts = [v for v in found if isinstance(v, str) and len(v.strip()) >= 5]
    dates = [v for v in found if isinstance(v, dt.date)]
    assert len(texts) > 40 and len(dates) > 5  # the walk really saw the record
    assert MARKER.strip() not in text
    leaked = [t for t in texts if t.strip() in text]
    assert leaked == []
    for d in dates:
        day = d.date() if isinstance(d, dt.datetime) else d
        assert not [form for form in date_forms(day) if form in text], day
    assert "Demo" not in text and "Tess" not in text


def test_the_cli_writes_it_and_audits_without_the_name(tmp_path: Path) -> None:
    root = tmp_path / "v"
    vault, _ = Vault.create(root, "candle river orbit maple", kdf=floor_params())
    record = rich_record()
    with vault:
        store(vault, record)
    out = tmp_path / "supervision.pdf"
    result = run_cli(
        "summary", "--vault", root, "--client", record.client.id, "--out", out, "--supervision"
    )
    assert result.returncode == 0, result.stderr
    assert "de-identified" in result.stdout
    text = " ".join((p.extract_text() or "") for p in PdfReader(out).pages)
    assert "IPT supervision summary" in text
    assert MARKER.strip() not in text and "Identifiable" not in text
    assert PdfReader(out).metadata is None or "Identifiable" not in str(PdfReader(out).metadata)
