"""Conversions between the model's types and what SQLite stores: JSON and ISO-8601 text.

Timestamps are stored as fixed-width ISO-8601 UTC text (``2025-01-20T12:00:00.000000+00:00``)
so that comparing the strings in SQL compares the instants. Slots are stored as JSON that
tolerates missing and unknown keys, so rows written by an older or newer ``Slots`` still load.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from datetime import UTC, datetime
from typing import Any

from bot.errors import StorageError
from bot.model import Claim, Slots


def time_to_db(moment: datetime) -> str:
    """An aware (or naive, taken as UTC) datetime as sortable UTC text."""
    if moment.tzinfo is None:
        # Feed dates sometimes arrive without a zone; UTC is the only sane reading.
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def opt_time_to_db(moment: datetime | None) -> str | None:
    return None if moment is None else time_to_db(moment)


def time_from_db(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def opt_time_from_db(text: str | None) -> datetime | None:
    return None if text is None else time_from_db(text)


def slots_to_dict(slots: Slots) -> dict[str, Any]:
    return dataclasses.asdict(slots)


def slots_from_dict(data: dict[str, Any]) -> Slots:
    try:
        return _decode(Slots, data)  # type: ignore[no-any-return]
    except (KeyError, TypeError, ValueError) as exc:
        raise StorageError(f"stored claim details are malformed: {exc!r}") from exc


def _decode(kind: Any, value: Any) -> Any:
    """Rebuild a value of type ``kind`` from JSON, led by the dataclasses' type hints.

    Generic on purpose: fields added to the model later round-trip without changes here,
    fields missing from old rows take their defaults, and unknown keys are ignored. The
    decoder for each type is built once (``_decoder``): start-up decodes every stored claim.
    """
    return _decoder(kind)(value)


def _expect(check: type | tuple[type, ...], what: str, convert: Any = None) -> Any:
    def decode(value: Any) -> Any:
        if isinstance(value, bool) and check is not bool:
            raise TypeError(f"expected {what}, got {value!r}")
        if not isinstance(value, check):
            raise TypeError(f"expected {what}, got {value!r}")
        return convert(value) if convert else value

    return decode


@functools.cache
def _decoder(kind: Any) -> Any:
    """A function that decodes JSON into ``kind`` (see ``_decode``)."""
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = _hints(kind)
        fields = {
            f.name: (_decoder(hints[f.name]), _json_default(f), _as_is(hints[f.name]))
            for f in dataclasses.fields(kind)
        }
        name = kind.__name__

        def decode_dataclass(value: Any) -> Any:
            if not isinstance(value, dict):
                raise TypeError(f"expected an object for {name}, got {value!r}")
            # Unknown keys are ignored; a value equal to the field's default (most slots are
            # empty) is left to the default, and one of a type the decoder would return as it
            # is is taken as it is: the same results, without a call per value.
            found = {}
            for key, item in value.items():
                field = fields.get(key)
                if field is not None:
                    decode, default, as_is = field
                    kind_of = type(item)
                    if kind_of is not type(default) or item != default:
                        found[key] = item if kind_of in as_is else decode(item)
            return kind(**found)

        return decode_dataclass
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in (types.UnionType, typing.Union):
        inner = _decoder(next(arg for arg in args if arg is not type(None)))
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            strings = args[0] is str

            def decode_many(value: Any) -> tuple[Any, ...]:
                if not isinstance(value, list | tuple):
                    raise TypeError(f"expected a list, got {value!r}")
                if strings and set(map(type, value)) <= {str}:
                    return tuple(value)  # already what item() would return, item by item
                return tuple(item(v) for v in value)

            return decode_many
        items = [_decoder(arg) for arg in args]

        def decode_fixed(value: Any) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise TypeError(f"expected a list, got {value!r}")
            if len(items) != len(value):
                raise ValueError(f"expected {len(items)} items, got {value!r}")
            return tuple(dec(v) for dec, v in zip(items, value, strict=True))

        return decode_fixed
    simple = {
        bool: _expect(bool, "true or false"),
        int: _expect(int, "an integer"),
        float: _expect((int, float), "a number", float),
        str: _expect(str, "a string"),
    }
    if kind in simple:
        return simple[kind]
    raise TypeError(f"cannot decode a value of type {kind!r}")


_ABSENT = object()


def _as_is(kind: Any) -> frozenset[type]:
    """The JSON value types that the decoder of ``kind`` returns unchanged."""
    if kind in (str, int, float, bool):
        return frozenset({kind})
    if typing.get_origin(kind) in (types.UnionType, typing.Union):
        args = typing.get_args(kind)
        if len(args) == 2 and type(None) in args:
            inner = next(arg for arg in args if arg is not type(None))
            return _as_is(inner) | {type(None)} if inner in (str, int, float, bool) else frozenset()
    return frozenset()


def _json_default(field: dataclasses.Field[Any]) -> Any:
    """The field's default as JSON has it (a tuple is a list), or _ABSENT."""
    if field.default is dataclasses.MISSING:
        return _ABSENT
    default = field.default
    return list(default) if isinstance(default, tuple) else default


@functools.cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def slots_to_json(slots: Slots) -> str:
    return json.dumps(slots_to_dict(slots), ensure_ascii=False, sort_keys=True)


def slots_from_json(text: str) -> Slots:
    return slots_from_dict(_load_object(text))


def claim_to_json(claim: Claim) -> str:
    """The whole claim, slots included, as one JSON object."""
    return json.dumps(
        {
            "text": claim.text,
            "normalized": claim.normalized,
            "masked": claim.masked,
            "slots": slots_to_dict(claim.slots),
            "doc_id": claim.doc_id,
            "sentence_index": claim.sentence_index,
            "relevant": claim.relevant,
            "topic": claim.topic,
            "echo_only": claim.echo_only,
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def claim_from_json(text: str) -> Claim:
    data = _load_object(text)
    try:
        return Claim(
            text=str(data["text"]),
            normalized=str(data["normalized"]),
            masked=str(data["masked"]),
            slots=slots_from_dict(data.get("slots", {})),
            doc_id=str(data["doc_id"]),
            sentence_index=int(data["sentence_index"]),
            relevant=bool(data.get("relevant", True)),
            topic=str(data.get("topic", "general")),
            echo_only=bool(data.get("echo_only", False)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise StorageError(f"stored claim is malformed: {exc!r}") from exc


def _load_object(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StorageError(f"stored JSON is malformed: {exc}") from exc
    if not isinstance(data, dict):
        raise StorageError("stored JSON is not an object")
    return data
