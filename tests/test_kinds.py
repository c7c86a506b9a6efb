"""Field kinds are classes: each parses, shows, blanks, sorts and formats its own values, and every
declared field's kind is one of the singletons (so ``f.kind is Kind.DATE`` holds wherever it is asked)."""

from datetime import date

import pytest

from pmo_desktop.excel.value_translation import Translator
from pmo_desktop.models.errors import ValidationError
from pmo_desktop.models.fields import Context, Field, Kind
from pmo_desktop.models.kinds import DATE_FORMAT, FieldKind
from pmo_desktop.models.registers import REGISTERS

ALL = [k for k in vars(Kind).values() if isinstance(k, FieldKind)]
CTX = Context(today=date(2027, 3, 15))


def test_every_kind_is_one_instance_of_its_own_class():
    assert len(ALL) == 14
    assert len({type(k) for k in ALL}) == len(ALL)
    assert len({k.value for k in ALL}) == len(ALL)
    for reg in REGISTERS.values():
        for f in reg.fields:
            assert any(f.kind is k for k in ALL), f"{reg.name}.{f.name}"
            assert f.kind == next(k for k in ALL if k is f.kind)


@pytest.mark.parametrize("kind, raw, stored", [
    (Kind.TEXT, "  Supplier  ", "Supplier"),
    (Kind.INT, "1,250", 1250),
    (Kind.FLOAT, "12.5%", 0.125),
    (Kind.DATE, "15 Mar 2027", date(2027, 3, 15)),
    (Kind.BOOL, "y", True),
    (Kind.SCALE, "3 – Medium", 3),
    (Kind.SCALE, "High", 4),
    (Kind.ENUM, "open", "Open"),
    (Kind.MULTI_ENUM, "closed; open", "Open; Closed"),
    (Kind.REF, " Ann ", "Ann"),
    (Kind.LINKS, "Ann; Bob; Ann", ["Ann", "Bob"]),
    (Kind.PERIOD, "Nov 2026", "2026-11"),
    (Kind.PERIOD, "Week 46 2026", "2026-W46"),
    (Kind.PERIOD, date(2026, 11, 3), "2026-11"),
])
def test_each_kind_parses_its_own_values(kind, raw, stored):
    f = Field("x", "X", kind, choices=("Open", "Closed"))
    assert f.parse(raw, CTX) == stored


@pytest.mark.parametrize("kind, raw, sentence", [
    (Kind.INT, "2.5", "X: “2.5” must be a whole number."),
    (Kind.FLOAT, "lots", "X: “lots” is not a number."),
    (Kind.DATE, "31/02/2027", "X: “31/02/2027” is not a real date"),
    (Kind.BOOL, "perhaps", "X: “perhaps” is not yes or no."),
    (Kind.SCALE, "9", "X must be a level from 1 to 5 (got 9)."),
    (Kind.ENUM, "Maybe", "X: “Maybe” is not one of Open, Closed."),
    (Kind.COMPUTED, "1", "X is calculated and cannot be edited."),
])
def test_each_kind_refuses_with_its_own_sentence(kind, raw, sentence):
    f = Field("x", "X", kind, choices=("Open", "Closed"))
    with pytest.raises(ValidationError) as e:
        f.parse(raw, CTX)
    assert str(e.value).startswith(sentence)


@pytest.mark.parametrize("typed, level", [("90%", 5), ("25%", 2), ("20%", 1), ("60%", 3), ("100%", 5), ("1%", 1)])
def test_a_percentage_typed_into_a_scale_is_the_level_an_import_gives_it(typed, level):
    """One rule for a probability typed and one imported: each level an equal band, its top included (the
    typed entry rounded 90 % on five levels to 4 — 4.5 to the even — while the import read it as 5)."""
    f = REGISTERS["risks"].field("probability")
    assert f.parse(typed, CTX) == level
    assert Translator("risks").parse(f, typed, CTX) == level


def test_a_required_field_refuses_a_blank_of_any_stored_kind():
    for kind in (Kind.TEXT, Kind.INT, Kind.FLOAT, Kind.DATE, Kind.SCALE, Kind.ENUM, Kind.REF):
        with pytest.raises(ValidationError, match="cannot be empty"):
            Field("x", "X", kind, choices=("Open",), required=True).parse("", CTX)


def test_blanks_display_sort_and_excel_formats():
    assert (Kind.DATE.blank(CTX), Kind.FLOAT.blank(CTX), Kind.INT.blank(CTX), Kind.TEXT.blank(CTX)) == \
        (date(2027, 3, 15), 0.0, 0, "")
    assert Kind.FLOAT.display(1234.5) == "1,234.5" and Kind.FLOAT.edit_text(1234.5) == "1234.5"
    assert Kind.BOOL.display(False) == "No" and Kind.DATE.display(date(2027, 1, 2)) == "2 Jan 2027"
    assert Kind.LINKS.items("Ann; Bob") == ["Ann", "Bob"] and Kind.TEXT.items(None) == [""]
    values = ["b", None, 3, "A", ""]
    assert sorted(values, key=Kind.TEXT.sort_key) == [3, "A", "b", None, ""]
    assert Kind.DATE.excel_number_format == DATE_FORMAT and Kind.FLOAT.excel_number_format == "#,##0.00"
    assert [k.excel_cell for k in (Kind.INT, Kind.SCALE, Kind.BOOL, Kind.LONGTEXT, Kind.COMPUTED)] == \
        ["plain", "plain", "yes_no", "wrapped_text", "computed"]


def test_predicates_say_what_a_kind_is():
    assert [k for k in ALL if k.is_key] == [Kind.CODE]
    assert [k for k in ALL if k.refers] == [Kind.REF, Kind.LINKS]
    assert [k for k in ALL if not k.stored] == [Kind.COMPUTED]
    assert {k for k in ALL if not k.editable} == {Kind.CODE, Kind.COMPUTED}
    assert {k for k in ALL if k.numeric} == {Kind.INT, Kind.FLOAT, Kind.SCALE}
