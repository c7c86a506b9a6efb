"""The words files (``resources/import_words_*.json``) say each key once: JSON keeps only the last of two equal
keys, so two changes each adding one register's "@action_due" would lose one change's words without a word."""
from __future__ import annotations

import pytest

from pmo_desktop.excel import vocabulary


def test_every_words_file_of_the_program_says_each_key_once():
    files = sorted(vocabulary.RESOURCES.glob("import_words_*.json"))
    assert len(files) >= 4  # English, French, German and Spanish at least (issue 12)
    for path in files:
        data = vocabulary.read_words_file(path)
        assert "headers" in data, path.name


def test_a_words_file_with_a_key_written_twice_is_refused_naming_the_file_and_the_key(tmp_path):
    path = tmp_path / "import_words_xx.json"
    path.write_text('{"headers": {"risks": {"@action_due": ["Tenggat"], "@action_due": ["Batas waktu"]}}}',
                    encoding="utf-8")
    with pytest.raises(ValueError, match=r"import_words_xx\.json: the key '@action_due' is written twice"):
        vocabulary.read_words_file(path)
