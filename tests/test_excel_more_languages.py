"""Registers kept in Polish, Indonesian, Swedish, Czech, Chinese, Japanese and Vietnamese: a language is a words file
(``resources/import_words_<lang>.json``), no code. Each test writes a register as such an office would keep it —
its own headers, its scale and status words — and checks every field lands where an English register's would."""

from __future__ import annotations

import datetime as dt

import pytest
from imported import by_code, import_all, named, rows_of
from real_world_factory import write_xlsx

# (file name, sheet name, risk headers, two rows, stakeholder sheet name, stakeholder headers, one row)
RISKS = {
    "pl": ("Rejestr ryzyk.xlsx", "Rejestr ryzyk",
           ["Nr ryzyka", "Opis ryzyka", "Kategoria", "Właściciel ryzyka", "Data identyfikacji",
            "Prawdopodobieństwo", "Wpływ", "Status", "Strategia reakcji", "Przyczyna", "Skutki",
            "Działania zapobiegawcze", "Uwagi"],
           [["R-01", "Opóźnienie dostawy serwerów", "Techniczne", "Anna Nowak", dt.datetime(2026, 3, 2),
             "Wysokie", "Średnie", "Otwarte", "Łagodzenie", "Braki u dostawcy", "Przesunięcie wdrożenia",
             "Zamówić u drugiego dostawcy", "Do przeglądu"],
            ["R-02", "Odejście kluczowego programisty", "Zasoby", "Jan Kowalski", dt.datetime(2026, 3, 9),
             "Niskie", "Bardzo wysokie", "Zamknięte", "Akceptacja", "Rynek pracy", "Utrata wiedzy",
             "Dokumentacja kodu", ""]]),
    "id": ("Daftar Risiko.xlsx", "Register Risiko",
           ["No", "Deskripsi Risiko", "Kategori", "Pemilik Risiko", "Tanggal Identifikasi",
            "Kemungkinan", "Dampak", "Status", "Respon Risiko", "Penyebab", "Akibat",
            "Rencana Mitigasi", "Keterangan"],
           [["R-01", "Keterlambatan pengiriman server", "Teknis", "Budi Santoso", dt.datetime(2026, 3, 2),
             "Tinggi", "Sedang", "Terbuka", "Mitigasi", "Stok pemasok kosong", "Implementasi mundur",
             "Pesan dari pemasok kedua", "Ditinjau ulang"],
            ["R-02", "Programmer utama keluar", "SDM", "Siti Rahayu", dt.datetime(2026, 3, 9),
             "Rendah", "Sangat Tinggi", "Ditutup", "Terima", "Pasar tenaga kerja", "Kehilangan pengetahuan",
             "Dokumentasi kode", ""]]),
    "sv": ("Riskregister.xlsx", "Riskregister",
           ["Risk ID", "Riskbeskrivning", "Kategori", "Riskägare", "Datum",
            "Sannolikhet", "Konsekvens", "Status", "Strategi", "Orsak", "Följder",
            "Åtgärder", "Kommentar"],
           [["R-01", "Försenad leverans av servrar", "Teknik", "Anna Svensson", dt.datetime(2026, 3, 2),
             "Hög", "Medel", "Öppen", "Reducera", "Brist hos leverantören", "Driftsättning skjuts upp",
             "Beställ från en andra leverantör", "Ses över"],
            ["R-02", "Nyckelutvecklare slutar", "Resurser", "Erik Larsson", dt.datetime(2026, 3, 9),
             "Låg", "Mycket hög", "Stängd", "Acceptera", "Arbetsmarknaden", "Kunskap går förlorad",
             "Dokumentera koden", ""]]),
    "cs": ("Registr rizik.xlsx", "Registr rizik",
           ["ID rizika", "Popis rizika", "Kategorie", "Vlastník rizika", "Datum identifikace",
            "Pravděpodobnost", "Dopad", "Stav", "Strategie reakce", "Příčina", "Důsledky",
            "Opatření", "Poznámka"],
           [["R-01", "Zpoždění dodávky serverů", "Technické", "Jana Nováková", dt.datetime(2026, 3, 2),
             "Vysoká", "Střední", "Otevřené", "Zmírnění", "Nedostatek u dodavatele", "Posun nasazení",
             "Objednat u druhého dodavatele", "K revizi"],
            ["R-02", "Odchod klíčového vývojáře", "Zdroje", "Petr Svoboda", dt.datetime(2026, 3, 9),
             "Nízká", "Velmi vysoká", "Uzavřené", "Akceptace", "Trh práce", "Ztráta znalostí",
             "Dokumentace kódu", ""]]),
    "zh": ("风险登记册.xlsx", "风险登记册",
           ["风险编号", "风险描述", "风险类别", "负责人", "识别日期", "可能性", "影响程度", "状态", "应对策略",
            "原因", "后果", "应对措施", "备注"],
           [["R-01", "服务器交付延迟", "技术", "王伟", dt.datetime(2026, 3, 2), "高", "中", "进行中", "减轻",
             "供应商缺货", "上线推迟", "向第二家供应商订货", "待复核"],
            ["R-02", "核心开发人员离职", "人员", "李娜", dt.datetime(2026, 3, 9), "低", "极高", "已关闭", "接受",
             "人才市场竞争", "知识流失", "完善代码文档", ""]]),
    "ja": ("リスク管理表.xlsx", "リスク管理表",
           ["リスク番号", "リスク内容", "分類", "担当者", "識別日", "発生確率", "影響度", "ステータス", "対応方針",
            "原因", "結果", "対策", "備考"],
           [["R-01", "サーバー納品の遅延", "技術", "佐藤", dt.datetime(2026, 3, 2), "高", "中", "対応中", "軽減",
             "仕入先の在庫不足", "稼働開始の遅れ", "別の仕入先に発注する", "要確認"],
            ["R-02", "主要開発者の退職", "人材", "鈴木", dt.datetime(2026, 3, 9), "低", "極高", "完了", "受容",
             "採用市場", "ノウハウの喪失", "コードの文書化", ""]]),
    "vi": ("Quan ly rui ro.xlsx", "Quản lý rủi ro",
           ["Mã rủi ro", "Mô tả rủi ro", "Loại rủi ro", "Người phụ trách", "Ngày xác định", "Khả năng xảy ra",
            "Mức độ ảnh hưởng", "Trạng thái", "Chiến lược ứng phó", "Nguyên nhân", "Hậu quả", "Biện pháp giảm thiểu",
            "Ghi chú"],
           [["R-01", "Chậm giao máy chủ", "Kỹ thuật", "Nguyễn Văn An", dt.datetime(2026, 3, 2), "Cao", "Trung bình",
             "Đang xử lý", "Giảm thiểu", "Nhà cung cấp hết hàng", "Chậm triển khai", "Đặt hàng nhà cung cấp thứ hai",
             "Cần xem lại"],
            ["R-02", "Lập trình viên chính nghỉ việc", "Nhân sự", "Trần Thị Bình", dt.datetime(2026, 3, 9), "Thấp",
             "Rất cao", "Đã đóng", "Chấp nhận", "Thị trường lao động", "Mất kiến thức", "Viết tài liệu mã nguồn", ""]]),
}

STAKEHOLDERS = {
    "pl": ("Interesariusze", ["Interesariusz", "Organizacja", "Rola w projekcie", "Wpływ", "Zainteresowanie",
                               "Oczekiwania"],
           ["Zarząd", "Firma X", "Sponsor", "Wysoki", "Wysokie", "Terminowe wdrożenie"]),
    "id": ("Pemangku Kepentingan", ["Nama Stakeholder", "Organisasi", "Peran", "Pengaruh", "Kepentingan",
                                      "Harapan"],
           ["Direksi", "PT Maju", "Sponsor", "Tinggi", "Tinggi", "Implementasi tepat waktu"]),
    "sv": ("Intressenter", ["Intressent", "Organisation", "Roll", "Inflytande", "Intresse", "Förväntningar"],
           ["Ledningsgruppen", "Företaget AB", "Sponsor", "Hög", "Hög", "Leverans i tid"]),
    "cs": ("Zainteresované strany", ["Zainteresovaná strana", "Organizace", "Role", "Vliv", "Zájem", "Očekávání"],
           ["Vedení", "Firma s.r.o.", "Sponzor", "Vysoký", "Vysoký", "Včasné nasazení"]),
    "zh": ("干系人登记册", ["干系人", "单位", "项目角色", "权力", "利益", "期望"],
           ["管理层", "甲公司", "发起人", "高", "高", "按时上线"]),
    "ja": ("ステークホルダー", ["ステークホルダー", "所属", "役割", "影響力", "関心度", "期待"],
           ["経営陣", "株式会社X", "スポンサー", "高", "高", "予定どおりの稼働"]),
    "vi": ("Các bên liên quan", ["Bên liên quan", "Tổ chức", "Vai trò", "Quyền lực", "Mức độ quan tâm", "Kỳ vọng"],
           ["Ban giám đốc", "Công ty X", "Nhà tài trợ", "Cao", "Cao", "Triển khai đúng hạn"]),
}


@pytest.mark.parametrize("lang", sorted(RISKS))
def test_a_risk_register_in_this_language_lands_field_by_field(sqlite_store, tmp_path, lang):
    name, sheet, head, rows = RISKS[lang]
    path = write_xlsx(tmp_path / name, {sheet: [head, *rows]})
    plan = import_all(sqlite_store, path)
    assert not plan.errors
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["R-01", "R-02"]
    first, second = got["R-01"], got["R-02"]
    assert first["title"] == rows[0][1] and second["title"] == rows[1][1]
    assert (first["owner"], second["owner"]) == (rows[0][3], rows[1][3])
    assert first["raised_on"] == dt.date(2026, 3, 2)
    # high / medium, then low / very high, on the office's 1–5 scale
    assert (first["probability"], first["impact"], second["probability"], second["impact"]) == (4, 3, 2, 5)
    assert (first["status"], second["status"]) == ("Open", "Closed")
    assert (first["response"], second["response"]) == ("Reduce", "Accept")
    assert (first["cause"], first["effect"]) == (rows[0][9], rows[0][10])
    assert rows[0][12] in (first["notes"] or "")
    plans = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert plans == {rows[0][11], rows[1][11]}


@pytest.mark.parametrize("lang", sorted(STAKEHOLDERS))
def test_a_stakeholder_register_in_this_language_lands_field_by_field(sqlite_store, tmp_path, lang):
    sheet, head, row = STAKEHOLDERS[lang]
    path = write_xlsx(tmp_path / f"{sheet}.xlsx", {sheet: [head, row]})
    plan = import_all(sqlite_store, path)
    assert not plan.errors
    got = named(sqlite_store, "stakeholders")
    assert list(got) == [row[0]]
    one = got[row[0]]
    assert (one["organisation"], one["role"]) == (row[1], row[2])
    assert (one["power"], one["interest"]) == (4, 4)
    assert row[5] in (one["concerns"] or "")
