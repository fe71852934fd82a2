"""The interchange format "ipt-desktop/1": export one client, import clients (DESIGN.md 4).

Import reads the whole file and builds every domain object before anything is written;
the first problem is named by its JSON path (``clients[0].episodes[0].sessions[2].phq9[4]:
must be from 0 to 3, not 4``) and the vault is left untouched. A valid file is written in
one transaction. Imported objects get new ids, so a file can be imported twice.
See docs/interchange-format.md.
"""

import codecs
import dataclasses
import json
from pathlib import Path
from typing import Any

from ipt_desktop.domain.contract import session_numbers
from ipt_desktop.domain.enums import Phase
from ipt_desktop.domain.errors import ValidationError
from ipt_desktop.domain.model import ClientRecord, Episode, Session, new_id
from ipt_desktop.domain.phases import effective_phase, suggest_phase
from ipt_desktop.domain.risk import risk_assessment_missing
from ipt_desktop.vault import codec, risk_codec
from ipt_desktop.vault import rows as client_rows
from ipt_desktop.vault.audit_log import AuditEvent
from ipt_desktop.vault.json_fields import JsonObject, show_key
from ipt_desktop.vault.vault import Vault

from . import clients, practice_memory
from .plaintext_file import write_plaintext

FORMAT = "ipt-desktop/1"
MAX_IMPORT_BYTES = 200 * 1024 * 1024
#: The value count a file may hold: MIN_VALUES plus one per BYTES_PER_VALUE of its size.
MIN_VALUES = 10_000
BYTES_PER_VALUE = 8
#: The objects it may hold: MIN_OBJECTS plus one per BYTES_PER_OBJECT (exports have one per
#: 200 bytes with empty notes, one per 390 for the demo practice). At this limit, parsing and
#: validating cost under 8 times the file size (tests/security/test_import_memory.py).
MIN_OBJECTS = 20_000
BYTES_PER_OBJECT = 150
_MB = 1024 * 1024


# -- export ------------------------------------------------------------------------------
def _session_json(session: Session, episode: Episode, number: int) -> dict[str, Any]:
    return {
        "id": session.id,
        "date": session.date.isoformat(),
        "phase": effective_phase(session, episode, number).value,
        "phase_set_by_therapist": session.phase_override is not None,
        **codec.session_json(session),
    }


def record_json(record: ClientRecord) -> dict[str, Any]:
    """One client of the file (ids included for reference; import does not reuse them)."""
    numbers = session_numbers(record.sessions)
    episodes = [
        {
            "id": episode.id,
            **codec.episode_json(episode),
            "sessions": [
                _session_json(s, episode, numbers[s.id]) for s in record.sessions_of(episode.id)
            ],
        }
        for episode in record.episodes
    ]
    return {
        "id": record.client.id,
        **codec.client_json(record.client),
        "episodes": episodes,
        "inventory": [{"id": p.id, **codec.person_json(p)} for p in record.inventory],
        "life_events": [{"id": e.id, **codec.life_event_json(e)} for e in record.life_events],
        **_risk_json(record),
    }


def _risk_json(record: ClientRecord) -> dict[str, Any]:
    plan = record.safety_plan
    return {
        "risk_reviews": [
            {"id": r.id, **risk_codec.risk_review_json(r)} for r in record.risk_reviews
        ],
        "safety_plan": None if plan is None else risk_codec.safety_plan_json(plan),
        "risk_decisions": [
            {"id": d.id, **risk_codec.risk_decision_json(d)} for d in record.risk_decisions
        ],
    }


def _read_risk_items(obj: JsonObject, client_id: str) -> list[risk_codec.RiskItem]:
    """The client's risk records (all optional: files from before the risk layer have none)."""
    items: list[risk_codec.RiskItem] = []
    for review in obj.objects("risk_reviews"):
        review.ignore("id")
        items.append(risk_codec.read_risk_review(review, review_id=new_id(), client_id=client_id))
        review.finish()
    plan = obj.optional_object("safety_plan")
    if plan is not None:
        items.append(risk_codec.read_safety_plan(plan, plan_id=new_id(), client_id=client_id))
        plan.finish()
    for decision in obj.objects("risk_decisions"):
        decision.ignore("id")
        items.append(
            risk_codec.read_risk_decision(decision, decision_id=new_id(), client_id=client_id)
        )
        decision.finish()
    return items


def export_client(vault: Vault, client_id: str) -> dict[str, Any]:
    """The client's whole record as interchange data (the export is written to the audit log)."""
    record = clients.read_record(vault, client_id)
    with practice_memory.tracked(vault):
        vault.record_event(AuditEvent.EXPORT_JSON, client_id)
    return {"format": FORMAT, "clients": [record_json(record)]}


def write_export(vault: Vault, client_id: str, path: Path) -> None:
    """Write the export as UTF-8 JSON (plaintext!), owner-readable only, atomically."""
    text = json.dumps(export_client(vault, client_id), ensure_ascii=False, indent=2) + "\n"
    write_plaintext(Path(path), text)


# -- reading a file ----------------------------------------------------------------------
class _ObjectReader:
    """The parser's object hook: refuses duplicate keys, and stops the parse as soon as the
    file holds more objects than its size allows (each becomes a record part in memory)."""

    def __init__(self, allowed: int) -> None:
        self.left = allowed

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        self.left -= 1
        if self.left < 0:
            raise ValidationError(
                "file",
                "holds more objects than an ipt-desktop export of its size has; it was not read",
            )
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise ValidationError("file", f"has the field {show_key(key)} twice in one object")
            result[key] = value
        return result


def _no_constants(name: str) -> Any:
    raise ValidationError("file", f"holds {name}, which is not a JSON number")


def _check_value_count(raw: bytes) -> None:
    """Refuse, before parsing, a file of very many tiny values.

    Parsed JSON costs about 50 to 100 bytes of memory per value whatever its size in the
    file, so a file of a million empty objects (3 bytes each) would need some 40 times its
    size. An upper bound of the number of values (the commas and opening braces, those
    inside strings included) is counted at C speed; allowing one per 8 bytes of file keeps
    the parsed file within a small multiple of its size, and no real export comes near it
    (every value carries a key, and notes are text)."""
    values = raw.count(b",") + raw.count(b"{")
    allowed = MIN_VALUES + len(raw) // BYTES_PER_VALUE
    if values > allowed:
        raise ValidationError(
            "file",
            f"holds about {values:,} values in {len(raw) / _MB:.1f} MB, far more small values "
            "than an ipt-desktop export has; it was not read",
        )


def read_json_file(path: Path, max_bytes: int = MAX_IMPORT_BYTES) -> Any:
    """Parse an import file; every way it can fail is one ValidationError("file", ...)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ValidationError(
                "file",
                f"is {size / _MB:.0f} MB; import reads files of up to {max_bytes / _MB:.0f} MB",
            )
        with path.open("rb") as stream:
            raw = stream.read(max_bytes + 1)
    except FileNotFoundError:
        raise ValidationError("file", f"{path} does not exist") from None
    except OSError as exc:
        raise ValidationError("file", f"cannot be read ({exc.strerror or 'error'})") from None
    if len(raw) > max_bytes:
        raise ValidationError("file", "grew beyond the size import accepts while being read")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ValidationError("file", "is UTF-16 text; save it as UTF-8")
    try:
        text = raw.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationError("file", f"is not UTF-8 text (byte {exc.start})") from None
    _check_value_count(raw)
    try:
        reader = _ObjectReader(MIN_OBJECTS + len(raw) // BYTES_PER_OBJECT)
        return json.loads(text, object_pairs_hook=reader, parse_constant=_no_constants)
    except ValidationError:
        raise
    except json.JSONDecodeError as exc:
        raise ValidationError(
            "file", f"is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise ValidationError("file", "is nested too deeply to be an ipt-desktop file") from None
    except ValueError:
        raise ValidationError("file", "holds a number too long to read") from None


# -- validating --------------------------------------------------------------------------
def _check_signature(obj: JsonObject, session: Session) -> None:
    if session.signed_at is None:
        if session.amendments:
            raise ValidationError(obj.at("amendments"), "only a signed note has amendments")
        return
    # The rule of the time the file may come from: signed with some risk assessment (new
    # signatures in this version need a real sentence, ``signing.signing_problems``).
    if risk_assessment_missing(session):
        raise ValidationError(
            obj.at("signed_at"),
            "a note with PHQ-9 item 9 above 0 is signed only with a risk assessment "
            "(note_sections.risk_assessment)",
        )
    for i, amendment in enumerate(session.amendments):
        if amendment.written_at < session.signed_at:
            raise ValidationError(
                obj.at(f"amendments[{i}].written_at"), "an amendment cannot predate the signature"
            )


def _read_session(obj: JsonObject, episode: Episode) -> tuple[Session, bool | None]:
    obj.ignore("id")
    phase = obj.optional_choice("phase", Phase)
    chosen = obj.optional_flag("phase_set_by_therapist")
    if chosen and phase is None:
        raise ValidationError(obj.at("phase"), "is needed when phase_set_by_therapist is true")
    session = codec.read_session(
        obj,
        session_id=new_id(),
        episode_id=episode.id,
        client_id=episode.client_id,
        phase_override=None if chosen is False else phase,
        fresh_ids=True,
    )
    _check_signature(obj, session)
    obj.finish()
    return session, chosen


def _read_episode(obj: JsonObject, client_id: str) -> tuple[Episode, list[Session]]:
    obj.ignore("id")
    episode = codec.read_episode(obj, episode_id=new_id(), client_id=client_id)
    read = [_read_session(s, episode) for s in obj.objects("sessions")]
    obj.finish()
    numbers = session_numbers([s for s, _ in read])
    sessions = []
    for session, chosen in read:
        # A file that does not say who chose the phase: only a phase other than the
        # suggested one is kept as the therapist's choice.
        if chosen is None and session.phase_override is suggest_phase(
            episode, numbers[session.id], session.date
        ):
            session = dataclasses.replace(session, phase_override=None)
        sessions.append(session)
    return episode, sessions


def _read_client(obj: JsonObject) -> ClientRecord:
    obj.ignore("id")
    client = codec.read_client(obj, client_id=new_id())
    episodes: list[Episode] = []
    sessions: list[Session] = []
    for episode_obj in obj.objects("episodes"):
        episode, episode_sessions = _read_episode(episode_obj, client.id)
        episodes.append(episode)
        sessions.extend(episode_sessions)
    people = []
    for person in obj.objects("inventory"):
        person.ignore("id")
        people.append(codec.read_person(person, person_id=new_id(), client_id=client.id))
        person.finish()
    events = []
    for event in obj.objects("life_events"):
        event.ignore("id")
        events.append(codec.read_life_event(event, event_id=new_id(), client_id=client.id))
        event.finish()
    risk_items = _read_risk_items(obj, client.id)
    obj.finish()
    return client_rows.make_record(client, episodes, sessions, people, events, risk_items)


def validate_import(data: object) -> list[ClientRecord]:
    """Every client of a parsed file as domain records (fresh ids); ValidationError naming
    the first problem by its JSON path."""
    top = JsonObject(data, "")
    fmt = top.required("format")
    if fmt != FORMAT:
        raise ValidationError(
            "format", f'must be "{FORMAT}" (the file is not an ipt-desktop export of this version)'
        )
    client_objs = top.objects("clients", required=True)
    top.finish()
    if not client_objs:
        raise ValidationError("clients", "holds no client")
    return [_read_client(obj) for obj in client_objs]


def import_file(vault: Vault, path: Path, max_bytes: int = MAX_IMPORT_BYTES) -> list[str]:
    """Add every client of the file in one transaction; the new client ids, in file order.
    Nothing is written unless the whole file is valid."""
    return import_records(vault, validate_import(read_json_file(path, max_bytes)))


def import_records(vault: Vault, records: list[ClientRecord]) -> list[str]:
    """Write records from ``validate_import`` in one transaction; the new client ids."""
    with practice_memory.tracked(vault) as changes:
        ids = client_rows.add_records(vault, records, AuditEvent.IMPORT)
        for record in records:
            changes.whole_record(record)
    return ids
