"""The evidence as forms, made from the vocabulary: one fieldset per record, one control per field.

Ordered scales and choices are selects (worst first), booleans a yes/no select, figures their value,
margin and each comparator's value, dates a date input, numbers and text inputs. Every control names
its record and field path in data attributes (escaped): the page's script posts them as a SetField.
"""

from __future__ import annotations

from typing import Any

from judgment._bundle import Bundle
from judgment._render._safe import html_text as escape
from judgment.evidence import FieldSpec, Record, Vocabulary


def evidence_forms(bundle: Bundle, vocabulary: Vocabulary) -> str:
    return "\n".join(_record(record, vocabulary) for record in bundle.records)


def _record(record: Record, vocabulary: Vocabulary) -> str:
    data = record.model_dump(mode="json", exclude_none=True)
    rid = escape(record.id)
    parts = [f'<fieldset class="record" data-record="{rid}"><legend>{rid} <span class="small">'
             f'({escape(record.kind)})</span> <button type="button" class="drop" data-record="{rid}">'
             "drop</button></legend>"]
    for name, spec in vocabulary.fields(record.kind).items():
        parts.append(_field(record.id, spec, data.get(name)))
    parts.append("</fieldset>")
    return "\n".join(parts)


def _field(record: str, spec: FieldSpec, value: Any) -> str:
    if spec.kind == "measure":
        return _figure(record, spec, value if isinstance(value, dict) else {})
    return _row(spec.name, _control(record, spec.name, spec, value), record, spec.name)


def _figure(record: str, spec: FieldSpec, figure: dict[str, Any]) -> str:
    unit = escape(str(figure.get("unit", "")))
    rows = [_row(f"{spec.name} value ({unit})", _number(record, f"{spec.name}.value", figure.get("value")),
                 record, f"{spec.name}.value"),
            _row(f"{spec.name} margin (\u00b1)", _number(record, f"{spec.name}.margin", _margin(figure)),
                 record, f"{spec.name}.margin")]
    comparators = figure.get("comparators", {})
    for name in dict.fromkeys([*spec.comparators, *comparators]):
        path = f"{spec.name}.comparators.{name}.value"
        shown = comparators.get(name, {}).get("value") if isinstance(comparators.get(name), dict) else None
        rows.append(_row(f"{spec.name} {name}", _number(record, path, shown), record, path))
    return '<div class="figure">' + "".join(rows) + "</div>"


def _margin(figure: dict[str, Any]) -> float | None:
    interval, value = figure.get("interval"), figure.get("value")
    if not isinstance(interval, dict) or not isinstance(value, (int, float)):
        return None
    return round(max(value - float(interval["lower"]), float(interval["upper"]) - value), 10)


def _control(record: str, path: str, spec: FieldSpec, value: Any) -> str:
    if spec.kind == "enum":
        return _select(record, path, "enum", spec.members, value, spec.optional)
    if spec.kind == "bool":
        shown = None if value is None else ("true" if value else "false")
        return _select(record, path, "bool", ("true", "false"), shown, spec.optional)
    if spec.kind == "number":
        return _number(record, path, value)
    kind = "date" if spec.kind == "date" else "text"
    return _input(record, path, kind, spec.kind, "" if value is None else str(value))


def _select(record: str, path: str, kind: str, members: tuple[str, ...], value: Any, optional: bool) -> str:
    options = ['<option value=""' + (" selected" if value is None else "") + ">(not given)</option>"] \
        if optional or value is None else []
    for member in members:
        chosen = " selected" if member == value else ""
        options.append(f'<option value="{escape(member)}"{chosen}>{escape(member)}</option>')
    return (f'<select data-record="{escape(record)}" data-path="{escape(path)}" data-type="{kind}">'
            + "".join(options) + "</select>")


def _number(record: str, path: str, value: Any) -> str:
    return _input(record, path, "number", "number", "" if value is None else repr(value), ' step="any"')


def _input(record: str, path: str, html_type: str, kind: str, value: str, extra: str = "") -> str:
    return (f'<input type="{html_type}"{extra} data-record="{escape(record)}" data-path="{escape(path)}" '
            f'data-type="{kind}" value="{escape(value)}">')


def _row(label: str, control: str, record: str, path: str) -> str:
    return (f'<label class="field"><span class="name">{escape(label)}</span> {control}'
            f'<span class="field-error" data-record="{escape(record)}" data-path="{escape(path)}"></span></label>')
