"""Classes of problem found on round 53 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

from imported import import_all, rows_of
from real_world_factory import write_xlsx


def test_a_finnish_risk_list_under_category_headings_is_read(sqlite_store, tmp_path):
    """A course team's risks in Finnish: "Riski (1-5) | Vakavuus | Toden-näköisyys | Ensioire | Miten välttää |
    Miten selviytyä riskin toteutuessa" (risk, severity, likelihood broken over two lines, first symptom, how
    to avoid it, how to cope when it happens), the header written again under each category heading. No words
    file spoke Finnish: the workbook was refused whole. Finnish is a words file now (``import_words_fi.json``)."""
    header = ["", "Riski (1-5)", "Vakavuus", "Toden-\nnäköisyys", "Ensioire", "Miten\nvälttää",
              "Miten selviytyä riskin\ntoteutuessa"]
    path = write_xlsx(tmp_path / "Riskit.xlsx", {"Taul1": [
        [],
        header,
        ["", "Henkilön sairastuminen", 3, 3, "Sairasilmoitus", "", "Tehdään töitä kotona"],
        ["", "Poissaolo tai myöhästyminen", 4, 2, "Ei tule ajoissa", "Sovitaan säännöt", "Odotetaan hetki"],
        [],
        [],
        ["", "Laitteisiin liittyvät riskit"],
        [],
        header,
        ["", "Tiedostojen häviäminen", 5, 1, "Ei löydä tiedostojaan", "Varmuuskopiot", "Aloitetaan alusta"],
        [],
        [],
        ["", "Hallintaan liittyvät riskit"],
        [],
        header,
        ["", "Ei valmistu ajallaan", 4, 3, "Aikataulu venyy", "Tehdään ahkerasti", "Tehdään myös kotona"]]})
    import_all(sqlite_store, path)
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert set(risks) == {"Henkilön sairastuminen", "Poissaolo tai myöhästyminen", "Tiedostojen häviäminen",
                          "Ei valmistu ajallaan"}
    lost = risks["Tiedostojen häviäminen"]
    assert (lost["impact"], lost["probability"], lost["trigger"]) == (5, 1, "Ei löydä tiedostojaan")
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert {"Varmuuskopiot", "Aloitetaan alusta", "Tehdään töitä kotona"} <= actions


def test_a_turkish_risk_with_its_plan_b_is_read(sqlite_store, tmp_path):
    """A systems-analysis course's risks in Turkish, in capitals with the dotted İ: "RİSK | RİSK DERECESİ |
    B PLANI" (risk, its level, plan B). Only the title was read, so the sheet was refused: "B planı" (the
    fallback plan, as Russian "план Б" already is) is the risk's response plan."""
    path = write_xlsx(tmp_path / "Risk Değerlendirmesi.xlsx", {"Sayfa1": [
        [],
        ["", "", "    RİSK", " RİSK DERECESİ", "  B PLANI"],
        ["", "", "* Takım anlaşmazlığı", "Yüksek", "*Takım içinde arabuluculuk yapma"],
        ["", "", "* Bütçe yetersizliği", "Çok yüksek", "*Ek finans kaynağı bulma"]]})
    import_all(sqlite_store, path)
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert set(risks) == {"* Takım anlaşmazlığı", "* Bütçe yetersizliği"}
    assert "Yüksek" in risks["* Takım anlaşmazlığı"]["notes"]
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert actions == {"*Takım içinde arabuluculuk yapma", "*Ek finans kaynağı bulma"}


def test_a_polish_likelihood_abbreviated_prawd_is_the_probability(sqlite_store, tmp_path):
    """A Polish qualitative risk analysis: "Ryzyko | Kategoria | Prawd. | Wpływ | Plan reakcji na ryzyko", the
    likelihood abbreviated "Prawd." and given as a fraction. It was kept in the notes: every risk had an
    impact and no probability."""
    path = write_xlsx(tmp_path / "Rejestr ryzyka.xlsx", {"Jakościowa analiza ryzyka": [
        ["", "Szacowanie Ryzyka"],
        [],
        ["", "Ryzyko", "Kategoria", "Prawd.", "Wpływ", "Plan reakcji na ryzyko"],
        ["", "Produkt nie spełnia oczekiwań klienta", "Mission and Goals", 0.5, 2, "Konsultacje z klientem"],
        ["", "Rotacja w zespole", "Team Members", 0.75, 2, "Szkolenia, premie"]]})
    import_all(sqlite_store, path)
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert risks["Produkt nie spełnia oczekiwań klienta"]["probability"] == 3
    assert risks["Rotacja w zespole"]["probability"] == 4


def test_russian_impact_words_of_a_four_step_scale_are_read(sqlite_store, tmp_path):
    """A Russian risk register rating its impact "Небольшая | Умеренная | Значительная | Существенная" (small,
    moderate, considerable, substantial) and a likelihood "Крайне маловероятно" (extremely unlikely): none of
    the four impact words was read, so the column went to the notes and no risk had an impact."""
    path = write_xlsx(tmp_path / "Реестр рисков.xlsx", {"Лист1": [
        ["Реестр рисков"],
        [],
        ["Категория риска", "Описание риска", "Вероятность", "Влияние", "Владелец риска"],
        ["Чистые риски", "Уход вендора", "Вероятно", "Существенная", "PM"],
        ["Чистые риски", "Внесение изменений", "Вероятно", "Значительная", "PM"],
        ["Чистые риски", "Болезни", "Маловероятно", "Небольшая", "PM"],
        ["Чистые риски", "Несовместимость систем", "Маловероятно", "Умеренная", "PM"],
        ["Бизнес риски", "Прекращение проекта", "Крайне маловероятно", "Существенная", "PM"]]})
    import_all(sqlite_store, path)
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert [risks[t]["impact"] for t in ("Болезни", "Несовместимость систем", "Внесение изменений",
                                         "Уход вендора")] == [2, 3, 4, 4]
    assert risks["Прекращение проекта"]["probability"] == 1
    assert (risks["Уход вендора"]["probability"], risks["Болезни"]["probability"]) == (4, 2)


def test_a_checklist_of_cues_per_level_is_no_register(sqlite_store, tmp_path):
    """A risk workbook holding a template's checklist of generic risk factors: "ID | Risk Factors | Low Risk
    Cues | Medium Risk Cues | High Risk Cues | Low | Medium | High | Not Applic | Notes", each factor with what
    it looks like at each level and an X under the level the team chose, the factors grouped under captions.
    Its 59 factors were imported as risks titled by their "High Risk Cues" (junk): a column saying what one
    level of a scale looks like, beside the same words for other levels, describes a level, not the records.
    The workbook's own register, beside it, is read as before."""
    path = write_xlsx(tmp_path / "Rejestr ryzyka.xlsx", {
        "Generic Project Risk Factors": [
            ["ID", "Risk Factors", "Low Risk Cues", "Medium Risk Cues", "High Risk Cues", "Low", "Medium", "High",
             "Not Applic", "Notes"],
            ["", "Mission and Goals"],
            [1, "Project Fit to Customer Organization", "directly supports customer organization mission",
             "indirectly impacts one or more goals of customer", "does not support or relate to the mission",
             "", "X"],
            [2, "Customer Perception", "customer expects this organization to provide this product",
             "organization is working on project in area not expected", "project is mismatch with prior products",
             "", "X"],
            ["", "Decision Drivers"],
            [7, "Convenient Date", "date for delivery has been set by reasonable commitments",
             "date is being partially driven by marketing demos", "date is being totally driven by a demo",
             "", "", "X"],
            [8, "Use of Attractive Technology", "technology selected has been in use for some time",
             "project is being done in a sub-optimal way", "project is being done to show a new technology",
             "", "", "X"]],
        "Jakościowa analiza ryzyka": [
            ["", "Ryzyko", "Kategoria", "Prawd.", "Wpływ", "Plan reakcji na ryzyko"],
            ["", "Produkt nie spełnia oczekiwań klienta", "Mission and Goals", 0.5, 2, "Konsultacje z klientem"],
            ["", "Zmiana technologii", "Decision Drivers", 0.75, 2, "Badania technologiczne"]]})
    import_all(sqlite_store, path)
    titles = {r["title"] for r in rows_of(sqlite_store, "risks")}
    assert titles == {"Produkt nie spełnia oczekiwań klienta", "Zmiana technologii"}
    assert not rows_of(sqlite_store, "issues")


def test_a_bare_date_under_a_deadline_caption_is_the_plans_due_date(sqlite_store, tmp_path):
    """A manufacturer's process risk analysis (an FMEA: S, O, D, RPN) whose header takes three lines: long
    names, then captions over the improvement actions ("Мероприятия или ПКД | Ответственный | Сроки"), then
    short codes ("ПКД | Ответственный | Дата"), read as the header. "Дата" alone was the risks' raised date: 20
    risks were given their action's deadline as the day raised, and 17 rows whose deadline was a quarter
    ("4КВ 2018"), a list of months or "01 апреля 2018" were left out. A bare "Date" under a caption naming
    another date is that date (here the plan's due date, "Сроки"); "ПКД" (the corrective action plan) is the
    plan; and Russian month names are read in a date."""
    path = write_xlsx(tmp_path / "Анализ рисков.xlsx", {"Анализ Рисков": [
        ["", "", "", "Анализ рисков процессов СМК"],
        ["№", "", "Процесс\nДеятельность", "Потенциальное несоответствие\nРиск", "Последствия", "S - Значимость",
         "O - Возникновение", "D - Обнаружение", "ПЧР", "Действия по улучшению процесса"],
        ["", "Описание", "", "", "", "", "", "", "", "Мероприятия или ПКД", "Ответственный", "Сроки"],
        ["Процесс", "Описание", "Деятельность", "Риск", "Последствие", "S", "O", "D", "RPN", "ПКД",
         "Ответственный", "Дата"],
        ["QM", "", "Лаборатория", "Отсутствие средства измерения", "Задержка одобрения", 7, 1, 2, 14,
         "Договор с внешней лабораторией", "Мацегора", dt.datetime(2018, 3, 1)],
        ["PR", "", "Литьё", "Не термостатируется форма", "Брак", 6, 3, 3, 54,
         "Закупка запасного термостата", "Горбунов А.", "4КВ 2018"],
        ["PR", "", "Сборка", "Нет графика ППР", "Простой", 5, 2, 2, 20,
         "Включить в график ППР оборудование", "Глушинский Д.Б.", "01 апреля 2018"],
        ["BM", "", "Обслуживание", "Отсутствие электроэнергии", "Останов всех систем", 8, 4, 2, 64]]})
    import_all(sqlite_store, path)
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert set(risks) == {"Отсутствие средства измерения", "Не термостатируется форма", "Нет графика ППР",
                          "Отсутствие электроэнергии"}
    assert not any(r["raised_on"] for r in risks.values())
    assert "4КВ 2018" in risks["Не термостатируется форма"]["notes"]
    due = {a["description"]: a["due"] for a in rows_of(sqlite_store, "risk_actions")}
    assert due["Договор с внешней лабораторией"] == dt.date(2018, 3, 1)
    assert due["Включить в график ППР оборудование"] == dt.date(2018, 4, 1)


def test_a_caption_over_sub_columns_names_each_in_the_notes(sqlite_store, tmp_path):
    """A Russian risk register with a three-line header: "Воздействие на" (impact on) merged over four areas
    (Содержание, Качество, Расписание, Стоимость), each merged over "Степень влияния | Весовой коэффициент"
    (degree, weight), the other headers merged down over the three lines. The eight cells were kept in the notes
    as "Воздействие на: 0" eight times: which area and which measure each was, lost. A column kept in the notes
    under a caption spanning several columns is named by the header lines under it too."""
    path = write_xlsx(tmp_path / "Реестр рисков.xlsx", {"Акрамова": [
        ["", "РЕЕСТР РИСКОВ ПРОЕКТА"],
        [],
        ["", "Код риска", "Описание риска", "Вероятность", "Воздействие на", None, None, None, None, None, None,
         None, "Стратегия реагирования на риск", "Действия в рамках стратегии реагирования",
         "Ответственный за риск"],
        ["", None, None, None, "Содержание", None, "Качество", None, "Расписание", None, "Стоимость"],
        ["", None, None, None, "Степень влияния", "Весовой коэффициент", "Степень влияния", "Весовой коэффициент",
         "Степень влияния", "Весовой коэффициент", "Степень влияния", "Весовой коэффициент"],
        ["", "1", "Несоблюдение сроков начала проекта", 0.2, 0, 0, 0, 0, 0.4, "7дн.", 0.4, "11200р.",
         "Назначение заместителя", "Подписание документов заместителем", "Заказчик проекта"],
        ["", "2", "Поломка техники", 0.3, 0, 0, 0, 0, 0.2, "2дн.", 0.3, "3536р.", "Резервная техника",
         "Предоставление нового рабочего места", "Разработчик"]]},
        merges={"Акрамова": ["B3:B5", "C3:C5", "D3:D5", "E3:L3", "E4:F4", "G4:H4", "I4:J4", "K4:L4", "M3:M5",
                             "N3:N5", "O3:O5"]})
    import_all(sqlite_store, path)
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert set(risks) == {"Несоблюдение сроков начала проекта", "Поломка техники"}
    notes = risks["Поломка техники"]["notes"]
    assert "Воздействие на — Расписание — Весовой коэффициент: 2дн." in notes
    assert "Воздействие на — Стоимость — Весовой коэффициент: 3536р." in notes
    assert "Воздействие на — Расписание — Степень влияния: 0.2" in notes


def test_an_owner_cell_written_as_a_numbered_list_names_its_first_person(sqlite_store, tmp_path):
    """The same FMEA numbers its improvement actions in one cell ("1) Закупка термостата\\n2) Сигнализация")
    and their people likewise ("1) Горбунов А\\n2) Глушинский Д"): each such cell became one person, the
    numbers and both names together ("1) Горбунов А 2) Глушинский Д", "1) Мацегора"). A person's cell written
    as a numbered list names the first item's person; the whole cell is kept in the notes."""
    path = write_xlsx(tmp_path / "risks.xlsx", {"Risks": [
        ["Risk", "Cause", "Likelihood", "Impact", "Owner"],
        ["Mould not heated", "Thermostat fails", "High", "Medium", "1) Горбунов А\n2) Глушинский Д"],
        ["Filter clogged", "No cleaning", "Low", "Medium", "1) Мацегора"],
        ["Wrong regrind ratio", "No instruction", "Medium", "High", "Горбунов А"]]})
    import_all(sqlite_store, path)
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert risks["Mould not heated"]["owner"] == "Горбунов А"
    assert risks["Filter clogged"]["owner"] == "Мацегора"
    assert {p["name"] for p in rows_of(sqlite_store, "people")} == {"Горбунов А", "Мацегора"}
    assert "1) Горбунов А 2) Глушинский Д" in risks["Mould not heated"]["notes"]
