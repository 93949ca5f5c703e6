"""Target extraction, one realistic line per phenomenon (GUIDE §3)."""

import pytest

from core.extraction import extract_targets
from core.reading import Document, Line, clean


def targets_of(*lines: str, heading: str = "2. Chỉ tiêu thi đua", title: str = "KẾ HOẠCH năm 2025"):
    texts = [title, heading, *lines] if heading else [title, *lines]
    doc = Document("t.txt", "0" * 64, [Line(clean(t), i) for i, t in enumerate(texts)])
    return [t.as_dict() for t in extract_targets(doc)]


def one(line: str, **kw) -> dict:
    found = targets_of(line, **kw)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "line, comparator, value, value_max, unit",
    [
        ("- Tổng giá trị sản xuất khoảng 28.603,61 tỷ đồng;", "~", 28603.61, None, "tỷ đồng"),
        ("- Giải quyết việc làm trong năm: 1.600 người;", "=", 1600, None, "người"),
        ("- Tỷ lệ hộ nghèo giảm còn 05%;", "reduce_to", 5, None, "%"),
        ("- Tỷ lệ giảm sinh 0,8%", "reduce_by", 0.8, None, "%"),
        ("- Tốc độ tăng trưởng kinh tế đạt 6,5-7%;", ">=", 6.5, 7, "%"),
        ("- Số xã đạt chuẩn nông thôn mới từ 13 - 14 xã;", ">=", 13, 14, "xã"),
        ("- Tỷ lệ thôn có nhà văn hóa đạt 04/09 thôn;", "=", 4, None, "thôn"),
        ("- Thu ngân sách trên địa bàn đạt 405 tỉ 449 triệu đồng;", "=", 405.449, None, "tỷ đồng"),
        ("- Tỷ lệ dân số tham gia bảo hiểm y tế trên 95%", ">", 95, None, "%"),
        ("- Tỷ lệ tăng dân số tự nhiên ở mức dưới 0,8%.", "<", 0.8, None, "%"),
        ("- Hộ gia đình đạt chuẩn văn hóa: 95% trở lên.", ">=", 95, None, "%"),
        ("- Thu ngân sách đạt/vượt mức chỉ tiêu tỉnh giao $\\geq 100$ %;", ">=", 100, None, "%"),
        ("- Tỷ lệ giải quyết khiếu nại thuộc thẩm quyền: >85%;", ">", 85, None, "%"),
        ("- Số vụ tai nạn giao thông không quá 3 vụ;", "<=", 3, None, "vụ"),
        ("- Thu nhập bình quân đầu người: 60 Tr.đ/người/năm.", "=", 60, None, "triệu đồng/người/năm"),
        ("- Tỷ lệ đất cây xanh đô thị: 8m<sup>2</sup>/người;", "=", 8, None, "m²/người"),
        ("- Tỷ lệ tăng dân số tự nhiên 5,8%0.", "=", 5.8, None, "‰"),
        ("- Tỷ lệ che phủ rừng giữ vững 35%;", "=", 35, None, "%"),
    ],
)
def test_value_unit_and_comparator(line, comparator, value, value_max, unit):
    t = one(line)
    assert (t["comparator"], t["value"], t["value_max"], t["unit"]) == (comparator, pytest.approx(value),
                                                                        value_max, unit)


def test_numbers_inside_the_indicator_are_not_values():
    t = one("- Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng giảm còn 5,8%.")
    assert (t["indicator"], t["comparator"], t["value"]) == ("Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng",
                                                              "reduce_to", 5.8)


def test_several_targets_on_one_line_share_the_head():
    found = targets_of("- (3) Cơ cấu kinh tế: Nông nghiệp khoảng 10,49%; Công nghiệp – xây dựng khoảng 37,52%;"
                       " Dịch vụ khoảng 51,99%;")
    assert [t["value"] for t in found] == [10.49, 37.52, 51.99]
    assert found[1]["indicator"] == "Cơ cấu kinh tế - Công nghiệp – xây dựng"
    assert {t["comparator"] for t in found} == {"~"}


def test_values_written_before_their_subject():
    found = targets_of("- Có 96% gia đình và 100% tổ dân phố đạt chuẩn văn hóa.")
    assert [(t["indicator"], t["value"]) for t in found] == [
        ("Tỷ lệ gia đình đạt chuẩn văn hóa", 96), ("Tỷ lệ tổ dân phố đạt chuẩn văn hóa", 100)]


def test_sub_items_take_their_group_header():
    found = targets_of("- Tỷ lệ đạt chuẩn văn hóa:", "+ Hộ gia đình: 95% trở lên.", "+ Thôn: 100% (4/4 thôn).")
    assert [(t["indicator"], t["value"], t["unit"]) for t in found] == [
        ("Tỷ lệ đạt chuẩn văn hóa - Hộ gia đình", 95, "%"), ("Tỷ lệ đạt chuẩn văn hóa - Thôn", 100, "%")]


def test_group_header_with_a_count_is_not_a_target():
    found = targets_of("11 chỉ tiêu kinh tế gồm:", "- Sản lượng lương thực đạt 4.565 tấn;")
    assert [(t["value"], t["unit"], t["field"]) for t in found] == [(4565, "tấn", "kinh_te")]


def test_qualitative_targets_without_a_number():
    found = targets_of("- Công an đạt Đơn vị quyết thắng; Quân sự đạt Vững mạnh toàn diện.")
    assert [(t["indicator"], t["comparator"], t["value"]) for t in found] == [
        ("Công an đạt Đơn vị quyết thắng", "qualitative", None),
        ("Quân sự đạt Vững mạnh toàn diện", "qualitative", None)]
    assert {t["field"] for t in found} == {"quoc_phong_an_ninh"}


def test_distractors_are_not_targets():
    found = targets_of(
        "- Thực hiện Kế hoạch số 08/KH-UBND ngày 16/01/2025 của UBND tỉnh về 17 chỉ tiêu chủ yếu năm 2025;",
        "- Tổng thu ngân sách năm 2024 đạt 95 tỷ đồng, bằng 106% so với năm 2023; năm 2025 phấn đấu đạt 120 tỷ đồng.",
        "- Xây dựng xã đạt 19 tiêu chí nông thôn mới, bình quân 1 vạn dân có 10 bác sĩ.",
    )
    assert [(t["value"], t["unit"]) for t in found] == [(120, "tỷ đồng"), (10, "bác sĩ")]


def test_targets_inside_a_prose_paragraph_outside_the_list():
    found = targets_of("4. Xây dựng Đảng, chính quyền vững mạnh.",
                       "Phấn đấu có 97% tổ chức cơ sở Đảng hoàn thành tốt nhiệm vụ.", heading=None)
    assert [(t["indicator"], t["value"], t["field"]) for t in found] == [
        ("Tỷ lệ tổ chức cơ sở Đảng hoàn thành tốt nhiệm vụ", 97, "xay_dung_dang_chinh_quyen")]


def test_prose_outside_a_targets_list_gives_nothing():
    assert targets_of("I. MỤC ĐÍCH, YÊU CẦU", "- Huy động 100% cán bộ tham gia phong trào.", heading=None) == []


def test_field_comes_from_the_section_heading():
    found = targets_of("2. Phát triển toàn diện lĩnh vực văn hóa - xã hội;",
                       "* Phấn đấu thực hiện các chỉ tiêu chủ yếu:", "- Giữ vững xã đạt Nông thôn mới nâng cao.",
                       heading=None)
    assert [(t["comparator"], t["field"]) for t in found] == [("qualitative", "van_hoa_xa_hoi")]


def test_field_from_the_indicator_topic():
    found = targets_of("- Tỷ lệ chất thải rắn được thu gom: 85%;", "- Tỷ lệ hộ nghèo dưới 2%;",
                       "- Thu nhập bình quân đầu người 60 triệu đồng/người/năm;", "- Tuyển quân đạt 100% chỉ tiêu.")
    assert [t["field"] for t in found] == ["moi_truong", "van_hoa_xa_hoi", "kinh_te", "quoc_phong_an_ninh"]
    assert found[3]["indicator"] == "Tuyển quân (chỉ tiêu)"


def test_topic_words_and_units_count_only_as_whole_words():
    found = targets_of("- Diện tích lúa chất lượng cao đạt 120 ha;", "- Số hộ nuôi gà đạt 120 hay hơn;",
                       "- Tỷ lệ sinhviên tình nguyện: 80%;")
    assert [(t["value"], t["unit"]) for t in found[:1]] == [(120, "ha")]
    assert all(t["unit"] != "ha" for t in found[1:])  # "hay" is not "ha"
    assert found[-1]["field"] != "van_hoa_xa_hoi"  # "sinh" (births) is not in "sinhviên"


def test_ocr_damaged_text_gets_its_diacritics_back():
    filler = "Phat dong phong trao thi dua thuc hien thang loi nhiem vu phat trien kinh te xa hoi. " * 4
    found = targets_of("- Ty 1¢ tang dan s6 tu nhién 5,8%0.", "- Giam ty 1¢ tré em duéi 5 tudi b suy dinh dudng 1,6%.",
                       title=f"KE HOACH nam 2024. {filler}", heading="2. Chi tiéu thi dua")
    assert [(t["indicator"], t["value"], t["unit"], t["comparator"]) for t in found] == [
        ("Tỷ lệ tăng dân số tự nhiên", 5.8, "‰", "="),
        ("Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng", 1.6, "%", "reduce_by"),  # OCR kept "b" of "bị"
    ]


def test_targets_keep_their_source_text():
    t = one("- (10) Giải quyết việc làm trong năm: 1.600 người;")
    assert t["text"] == "- (10) Giải quyết việc làm trong năm: 1.600 người;"
    assert t["indicator"] == "Giải quyết việc làm trong năm"


def test_qualitative_target_after_a_comma():
    found = targets_of("- Xây dựng lực lượng dân quân đạt 100% chỉ tiêu giao, huấn luyện dự bị động viên đạt yêu cầu.")
    assert [(t["indicator"], t["comparator"], t["value"]) for t in found] == [
        ("Xây dựng lực lượng dân quân (chỉ tiêu giao)", "=", 100),
        ("Huấn luyện dự bị động viên đạt yêu cầu", "qualitative", None)]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("- Tổng thu ngân sách 15.500 triệu đồng, đạt 105% dự toán huyện giao.", [("Tổng thu ngân sách", 15500)]),
        ("- Duy trì 100% thôn có nhà văn hóa.", [("Tỷ lệ thôn có nhà văn hóa", 100)]),
        ("- Phấn đấu có thêm 02 thôn đạt chuẩn nông thôn mới kiểu mẫu.",
         [("Số thôn đạt chuẩn nông thôn mới kiểu mẫu", 2)]),
        ("- Bê tông hóa thêm 3,5 km đường giao thông nông thôn.",
         [("Bê tông hóa thêm đường giao thông nông thôn", 3.5)]),
        ("- Xóa 15 căn nhà tạm, nhà dột nát cho hộ nghèo.", [("Xóa căn nhà tạm, nhà dột nát cho hộ nghèo", 15)]),
        ("- Trường đạt chuẩn quốc gia: 01 trường (Tỷ lệ trường đạt chuẩn 81,69%);",
         [("Trường đạt chuẩn quốc gia", 1), ("Tỷ lệ trường đạt chuẩn", 81.69)]),
    ],
)
def test_indicator_names(line, expected):
    assert [(t["indicator"], t["value"]) for t in targets_of(line)] == expected


# -- Targets stated outside a targets list: prose, resolution summaries, flattened tables (issue 10).
# Each text below is written for the test; none is copied from a real document.

def prose(*paragraphs: str, include_unlikely: bool = False) -> list[dict]:
    doc = Document("t.txt", "0" * 64, [Line(clean(t), i) for i, t in enumerate(paragraphs)])
    return [t.as_dict() for t in extract_targets(doc, include_unlikely=include_unlikely)]


def values_of(found: list[dict]) -> list[tuple]:
    return [(t["comparator"], t["value"], t["value_max"], t["unit"]) for t in found]


def test_targets_in_a_news_sentence_after_a_cue():
    found = prose("Năm 2027, xã Hòa Bắc đề ra 16 chỉ tiêu, trong đó phấn đấu thu ngân sách đạt 31,5 tỷ đồng; "
                  "tỷ lệ hộ nghèo giảm còn 0,9%; giải quyết việc làm cho 240 lao động.")
    assert values_of(found) == [("=", 31.5, None, "tỷ đồng"), ("reduce_to", 0.9, None, "%"),
                                ("=", 240, None, "lao động")]
    assert all(t["confidence"] >= 0.5 for t in found)


def test_results_of_the_previous_year_are_not_targets():
    found = prose("Năm 2026, kinh tế của xã tiếp tục phát triển. Thu ngân sách ước thực hiện 28 tỷ đồng.",
                  "Tỷ lệ hộ nghèo còn 1,4%.",
                  "Năm 2027, xã phấn đấu thu ngân sách đạt 30 tỷ đồng.")
    assert values_of(found) == [("=", 30, None, "tỷ đồng")]


def test_results_of_the_previous_term_before_the_new_term_targets():
    found = prose("Nhiệm kỳ 2025-2030, Đảng bộ xã đã đạt được nhiều kết quả quan trọng.",
                  "Thu nhập bình quân đầu người đạt 52 triệu đồng/năm.",
                  "Đại hội đặt mục tiêu đến năm 2035, thu nhập bình quân đầu người đạt trên 80 triệu đồng/năm.")
    assert values_of(found) == [(">", 80, None, "triệu đồng/năm")]


def test_unlikely_candidates_are_kept_apart_with_a_low_confidence():
    text = ("Năm 2026, thu ngân sách ước thực hiện 28 tỷ đồng.", "Năm 2027, xã phấn đấu thu ngân sách đạt 30 tỷ đồng.")
    everything = prose(*text, include_unlikely=True)
    assert [(t["value"], t["confidence"] < 0.5) for t in everything] == [(28, True), (30, False)]


def test_a_plain_statement_before_any_cue_is_ticked_and_a_vague_one_is_only_listed():
    # the ticking threshold lies between these two: an indicator with its wording (ticked) and a bare amount
    assert values_of(prose("Thu ngân sách đạt 30 tỷ đồng.")) == [("=", 30, None, "tỷ đồng")]
    assert prose("Xã có 30 tỷ đồng.") == []
    assert values_of(prose("Xã có 30 tỷ đồng.", include_unlikely=True)) == [("=", 30, None, "tỷ đồng")]


def test_a_change_restated_after_an_absolute_value_is_not_a_target():
    found = prose("Các chỉ tiêu chủ yếu năm 2027: giá trị sản xuất công nghiệp 410,5 tỷ đồng, "
                  "tăng 7,2% so với năm 2026; tổng chi ngân sách 55 tỷ đồng, tăng 4%.")
    assert values_of(found) == [("=", 410.5, None, "tỷ đồng"), ("=", 55, None, "tỷ đồng")]


def test_a_growth_rate_stated_alone_is_a_target():
    found = prose("Các chỉ tiêu chủ yếu: tốc độ tăng giá trị sản xuất 12%, trong đó nông nghiệp tăng 4,5%; "
                  "dịch vụ tăng 15%.")
    assert [t["value"] for t in found] == [12, 4.5, 15]


def test_a_parenthetical_restatement_is_not_a_target_but_a_sub_target_is():
    found = prose("Các chỉ tiêu chủ yếu: tỷ lệ thôn đạt chuẩn nông thôn mới 60% (9 thôn); "
                  "tỷ lệ hộ nghèo giảm 2% (còn 5,5%); "
                  "tỷ lệ hộ dùng nước hợp vệ sinh trên 97% (trong đó, nước sạch đạt trên 70%).")
    assert values_of(found) == [("=", 60, None, "%"), ("reduce_by", 2, None, "%"), (">", 97, None, "%"),
                                (">", 70, None, "%")]


def test_counts_of_targets_and_years_are_not_values():
    found = prose("Năm 2027, phường đề ra 14 chỉ tiêu, hoàn thành kế hoạch 5 năm 2026 - 2030: "
                  "tỷ lệ gia đình văn hóa đạt 92%.")
    assert values_of(found) == [("=", 92, None, "%")]


def test_resolution_groups_give_the_field():
    found = prose("Về kinh tế: tốc độ tăng trưởng bình quân đạt 8%/năm. Về xã hội: tỷ lệ lao động có việc làm đạt 95%. "
                  "Về môi trường: tỷ lệ che phủ rừng đạt 45%.",
                  "Về quốc phòng - an ninh: hoàn thành 100% chỉ tiêu giao quân.")
    assert [(t["value"], t["unit"], t["field"]) for t in found] == [
        (8, "%/năm", "kinh_te"), (95, "%", "van_hoa_xa_hoi"), (45, "%", "moi_truong"), (100, "%", "quoc_phong_an_ninh")]


def test_counted_groups_give_the_field_and_not_a_value():
    found = prose("Thành phố xác định 9 chỉ tiêu chủ yếu.", "2 chỉ tiêu về xã hội: tỷ lệ thất nghiệp dưới 3,5%; "
                  "giải quyết việc làm cho 12.000 lượt người.")
    assert [(t["value"], t["unit"], t["field"]) for t in found] == [
        (3.5, "%", "van_hoa_xa_hoi"), (12000, "lượt người", "van_hoa_xa_hoi")]


def test_numbered_items_run_together_on_one_line():
    found = prose("CÁC CHỈ TIÊU CHỦ YẾU I. Về kinh tế (3 chỉ tiêu) 1. Thu nhập bình quân đầu người: 65 triệu đồng. "
                  "2. Sản lượng lương thực: 8.200 tấn. II. Về xã hội (2 chỉ tiêu) 3. Tỷ lệ lao động qua đào tạo 70%.")
    assert [(t["value"], t["unit"]) for t in found] == [(65, "triệu đồng"), (8200, "tấn"), (70, "%")]


def test_bulleted_items_run_together_on_one_line():
    found = prose("Các chỉ tiêu: - Sản lượng lúa 5.000 tấn trở lên. "
                  "- Lương thực bình quân đầu người 650kg/ năm trở lên.")
    assert values_of(found) == [(">=", 5000, None, "tấn"), (">=", 650, None, "kg/năm")]


def test_a_range_states_the_least_to_reach():
    found = prose("Các chỉ tiêu: tăng trưởng kinh tế từ 7% đến 7,5%; "
                  "thu nhập bình quân từ 70 triệu đồng đến 72 triệu đồng; "
                  "tỷ lệ đô thị hóa 40 - 42%; dân số tăng khoảng 0,9 - 1%/năm.")
    assert values_of(found) == [(">=", 7, 7.5, "%"), (">=", 70, 72, "triệu đồng"), (">=", 40, 42, "%"),
                                ("~", 0.9, 1, "%/năm")]


def test_a_reduction_governs_the_clauses_after_it():
    found = prose("UBND tỉnh giao chỉ tiêu giảm tỷ lệ hộ nghèo năm 2027: xã An Lạc giảm từ 3-3,5%; "
                  "xã Bình Minh 2-2,5%; phường Đông Hòa 0,5-1%.")
    assert values_of(found) == [("reduce_by", 3, 3.5, "%"), ("reduce_by", 2, 2.5, "%"), ("reduce_by", 0.5, 1, "%")]


def test_a_headline_question_and_the_distribution_list_are_not_targets():
    found = prose("Những xã nào đạt tỷ lệ hộ nghèo dưới 1%? (Ảnh: minh họa)",
                  "Kế hoạch năm 2027: phấn đấu tỷ lệ hộ nghèo dưới 1%.",
                  "Nơi nhận:", "- 06 thôn;", "- Lưu: VT.")
    assert values_of(found) == [("<", 1, None, "%")]


def test_a_flattened_table_gives_the_planned_column_only():
    cells = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2027", "Ước thực hiện năm 2026",
             "1.", "Tỷ lệ hộ nghèo", "%", "Dưới 2", "2,4",
             "- Trong đó: Giảm tỷ lệ hộ cận nghèo", "%", "1", "0,8",
             "2.", "Số bác sĩ trên 1 vạn dân", "bác sĩ", "9", "8,5",
             "3.", "Tỷ lệ lao động qua đào tạo", "%", "65-67", "63"]
    found = prose("Các chỉ tiêu kinh tế - xã hội năm 2027 như sau:", *cells)
    assert values_of(found) == [("<", 2, None, "%"), ("reduce_by", 1, None, "%"), ("=", 9, None, "bác sĩ"),
                                (">=", 65, 67, "%")]
    assert found[0]["indicator"] == "Tỷ lệ hộ nghèo"


def test_an_allocation_table_takes_its_unit_from_the_header():
    cells = ["TT", "Chỉ tiêu giao thu ngân sách năm 2027 (tỷ đồng)", "I", "Khu vực phía Bắc",
             "1", "Xã An Lạc", "12,5", "2", "Phường Đông Hòa", "30"]
    found = prose("Phân bổ chỉ tiêu như sau:", *cells)
    assert [(t["indicator"], t["value"], t["unit"]) for t in found] == [
        ("Thu ngân sách năm 2027 – Xã An Lạc", 12.5, "tỷ đồng"),
        ("Thu ngân sách năm 2027 – Phường Đông Hòa", 30, "tỷ đồng")]


def test_a_target_without_a_number_inside_a_long_sentence():
    found = prose("Tại kỳ họp, Hội đồng nhân dân xã đã thông qua nghị quyết về nhiệm vụ năm 2027 "
                  "với 15 chỉ tiêu chủ yếu là: "
                  "thu nhập bình quân đầu người đạt 68 triệu đồng; tỷ lệ trẻ em suy dinh dưỡng dưới 8%, tỷ lệ tham gia "
                  "bảo hiểm y tế đạt 95% trở lên; trật tự an toàn xã hội được giữ vững.")
    assert [(t["comparator"], t["value"]) for t in found] == [("=", 68), ("<", 8), (">=", 95), ("qualitative", None)]
    assert found[-1]["indicator"] == "Trật tự an toàn xã hội được giữ vững"


# --- the value rules themselves (core.extraction.values, core.extraction.numbers), clause by clause ---------------

def values_in(clause: str, plan_year: int | None = 2025, keep_skipped: bool = False):
    from core.extraction.values import find_values

    return [(v.value, v.value_max, v.unit, v.cue) for v in find_values(clause, plan_year, keep_skipped)]


@pytest.mark.parametrize("written, number", [
    ("28.603,61", 28603.61), ("1.600", 1600), ("1.600.000", 1600000), ("1 600", 1600), ("1\u00a0600", 1600),
    ("5.8", 5.8), ("5,8", 5.8), ("05", 5), (" 12 ", 12), ("0,75", 0.75), ("2.5", 2.5),
])
def test_a_vietnamese_number_is_read_as_written(written, number):
    from core.extraction.numbers import parse_number

    assert parse_number(written) == pytest.approx(number)


@pytest.mark.parametrize("written", ["", "năm", "1,600.5", "5%", "1.600,", ",5", "1.6.0"])
def test_what_is_not_a_number_is_refused(written):
    from core.extraction.numbers import parse_number

    with pytest.raises(ValueError):
        parse_number(written)


@pytest.mark.parametrize("written, unit", [
    ("Tr.đ/người/năm", "triệu đồng/người/năm"), ("m2/người", "m²/người"), ("tỉ đồng", "tỷ đồng"), (" ha ", "ha"),
    ("%", "%"), ("Tấn/ha/năm", "tấn/ha/năm"), ("kg/ năm", "kg/năm"), ("%/GRDP", "%/GRDP"), ("%/năm/năm", "%/năm/năm"),
    ("con vật", "con vật"),  # a unit the list does not know stays as the clerk wrote it
])
def test_a_unit_cell_is_written_in_its_normal_spelling(written, unit):
    from core.extraction.numbers import normalise_unit

    assert normalise_unit(written) == unit


def test_an_empty_unit_cell_has_no_unit():
    from core.extraction.numbers import normalise_unit

    assert normalise_unit("") is None and normalise_unit("  ") is None


@pytest.mark.parametrize("folded, found", [
    ("%", ("%", 1)), ("  tan,", ("tấn", 5)), ("hay", None), ("ha", ("ha", 2)), ("m2/nguoi", ("m²/người", 8)),
    ("m2²", None), ("kg/ nam;", ("kg/năm", 7)), ("%/nam/nam", ("%/năm", 5)), ("tan/ha/nam", ("tấn/ha/năm", 10)),
    ("trieu dong/nguoi/nam", ("triệu đồng/người/năm", 20)), ("trieu usd", ("triệu USD", 9)),
    ("", None), ("nguoi/ha", ("người/ha", 8)), ("ho/1 van dan", ("hộ/vạn dân", 12)),
])
def test_a_unit_is_read_whole_after_the_number(folded, found):
    from core.extraction.numbers import match_unit

    assert match_unit(folded, 0) == found


@pytest.mark.parametrize("folded, found", [
    ("405 ti 449 trieu dong", (405.449, "tỷ đồng", 21)), ("2 trieu 500 nghin", (2.5, "triệu đồng", 17)),
    ("1,5 ty 20 trieu", (1.52, "tỷ đồng", 15)), ("2 trieu 500 ngan dong", (2.5, "triệu đồng", 21)),
    ("3 ty 200 nghin", None), ("405 tỷ", None),
])
def test_an_amount_in_words_is_one_value(folded, found):
    from core.extraction.numbers import match_word_amount

    result = match_word_amount(folded, 0)
    assert result == (pytest.approx(found[0]), *found[1:]) if found else result is None


@pytest.mark.parametrize("clause, values", [
    ("đạt 85% kế hoạch", [(85, None, "%", "=")]),  # a cue at the clause's start
    ("Chọn 12 hộ làm mô hình điểm", [(12, None, "hộ", None)]),  # "chọn" is no "hơn"
    ("Tổng vốn đầu tư 500 tỷ đồng", [(500, None, "tỷ đồng", None)]),  # "đầu tư" is no "từ"
    ("tăng từ 10% trở lên", [(10, None, "%", ">=")]),
    ("giảm tai nạn giao thông từ 5-10%", [(5, 10, "%", "reduce_by")]),
    ("Số hộ nghèo giảm 3% trở lên", [(3, None, "%", "reduce_by")]),
    ("Số hộ nghèo giảm còn 3% trở xuống", [(3, None, "%", "reduce_to")]),
    ("tỷ lệ 5% trở xuống", [(5, None, "%", "<=")]),
    ("ở mức dưới 2,3%", [(2.3, None, "%", "<")]),
    ("giảm còn: 5%", [(5, None, "%", "reduce_to")]),
    ("đạt trên 90%", [(90, None, "%", ">")]),
    ("phấn đấu đạt 90%", [(90, None, "%", "=")]),
    ("không dưới 95%", [(95, None, "%", ">=")]),
    ("tối đa 3 vụ", [(3, None, "vụ", "<=")]),
    ("khoảng 28.603,61 tỷ đồng", [(28603.61, None, "tỷ đồng", "~")]),
    ("Tổng thu 405 tỉ 449 triệu đồng", [(405.449, None, "tỷ đồng", None)]),
    ("từ 65,0 đến 65,5%", [(65, 65.5, "%", ">=")]),
    ("7,5% - 8%", [(7.5, 8, "%", None)]),
    ("80,4 triệu đồng đến 80,8 triệu đồng", [(80.4, 80.8, "triệu đồng", None)]),
    ("7,5% - 8 ha", [(7.5, None, "%", None), (8, None, "ha", None)]),  # another unit: not a range
    ("04/09 thôn đạt chuẩn", [(4, None, "thôn", None)]),
    ("Tỷ lệ 100% (4/4 thôn)", [(100, None, "%", None)]),  # the fraction only restates
    ("Tử vong mẹ 45/100.000 trẻ đẻ ra sống", [(45, None, "/100.000 trẻ đẻ ra sống", None)]),
    ("tỷ suất 20/1.000 dân năm 2025", [(20, None, "/1.000 dân", None)]),
    ("Kế hoạch số 08/KH-UBND ngày 15/3/2026 đạt 5 ha", [(5, None, "ha", "=")]),
    ("đạt 3/5 tiêu chí", []),
    ("trẻ em dưới 5 tuổi", []), ("tuổi thọ đạt 75,5 tuổi", [(75.5, None, "tuổi", "=")]),
    ("với trên 90,5% đại biểu tán thành", []),
    ("đạt 300 bể", [(300, None, "bể", "=")]), ("đạt 19 tiêu chí", []), ("có 300 bể", []),
    ("tuổi thọ khoảng 75 tuổi", [(75, None, "tuổi", "~")]),
    ("tối thiểu đạt 90%", [(90, None, "%", ">=")]),  # the stronger cue before "đạt"
    ("đạt 100%, 4/4 thôn", [(100, None, "%", "=")]),  # the fraction only restates
])
def test_each_value_of_a_clause_with_its_unit_and_cue(clause, values):
    assert values_in(clause) == values


@pytest.mark.parametrize("clause, values", [
    ("3.621 tỷ đồng, tăng 8,53% so với năm 2023", [(3621, None, "tỷ đồng", None)]),
    ("11.892 tỷ đồng, tăng 3,07%", [(11892, None, "tỷ đồng", None)]),
    ("10 tỷ đồng, đạt 681,8% so với chỉ tiêu giao", [(10, None, "tỷ đồng", None)]),
    ("50% (8 xã)", [(50, None, "%", None)]),
    ("đạt 95% (còn 7%)", [(95, None, "%", "=")]),
    ("đạt 95% (trong đó, nước sạch đạt trên 90%)", [(95, None, "%", "="), (90, None, "%", ">")]),
    ("đạt 80% (Tỷ lệ trường đạt chuẩn 81,69%)", [(80, None, "%", "="), (81.69, None, "%", None)]),
    ("đạt 80% (8 xã); thêm 5 xã", [(80, None, "%", "="), (5, None, "xã", None)]),
    ("3.621 tỷ đồng; tăng 8,53% so với năm 2023", [(3621, None, "tỷ đồng", None), (8.53, None, "%", None)]),
    ("thu 10 tỷ đồng. Đạt 60% so với kế hoạch", [(10, None, "tỷ đồng", None), (60, None, "%", "=")]),
    ("tăng 5% và tăng 8% so với năm trước", [(5, None, "%", None), (8, None, "%", None)]),
    ("đạt 10 tỷ đồng, tăng 2 tỷ đồng", [(10, None, "tỷ đồng", "="), (2, None, "tỷ đồng", None)]),
    ("đạt 90%, 95% so với kế hoạch", [(90, None, "%", "=")]),
    ("11.892 tỷ đồng, tăng 3.000 tỷ đồng so với năm 2023", [(11892, None, "tỷ đồng", None)]),
    ("Tổng thu 10 tỷ đồng, ngân sách xã; tăng 8,53% so với năm 2023",
     [(10, None, "tỷ đồng", None), (8.53, None, "%", None)]),  # another sentence part: its own target
    ("Tổng thu 10 tỷ đồng, ngân sách xã. Tăng 8,53% so với năm 2023",
     [(10, None, "tỷ đồng", None), (8.53, None, "%", None)]),
])
def test_a_value_that_only_restates_the_one_before_is_skipped(clause, values):
    assert values_in(clause) == values


def test_a_restated_ratio_and_last_years_result_are_kept_only_when_asked():
    ratio = "bằng 106% so với năm 2022"
    assert values_in(ratio) == [] and values_in(ratio, keep_skipped=True) == [(106, None, "%", None)]
    assert values_in("bằng 106% tổng số hộ") == [(106, None, "%", None)]  # "bằng" without a comparison
    past = "năm 2024 đạt 95%"
    assert values_in(past, 2025) == []
    assert values_in(past, 2024) == [(95, None, "%", "=")]  # this year's own target
    assert values_in(past, None) == [(95, None, "%", "=")]
    assert values_in(past, 2025, keep_skipped=True) == [(95, None, "%", "=")]
    assert values_in("so với năm 2024 đạt 95%", 2025) == [(95, None, "%", "=")]


def test_whether_a_clause_holds_a_value():
    from core.extraction.values import holds_value

    assert holds_value("Tỷ lệ hộ nghèo dưới 2%", 2025)
    assert not holds_value("Nâng cao chất lượng phong trào thi đua", 2025)
    assert not holds_value("năm 2024 đạt 95%", 2025) and holds_value("năm 2024 đạt 95%")


def test_a_cue_far_before_the_value_is_not_its_cue():
    filler = "x" * 300
    assert values_in(f"không dưới {filler} 95%") == [(95, None, "%", None)]
    assert values_in(f"{filler} không dưới 95%") == [(95, None, "%", ">=")]


@pytest.mark.parametrize("clause, indicator", [
    ("Giải quyết việc làm trong năm: 1.600 người", "Giải quyết việc làm trong năm"),
    ("Tỷ lệ hộ dùng nước sạch đạt mức 90%", "Tỷ lệ hộ dùng nước sạch"),
    ("Tỷ lệ che phủ rừng giữ vững đạt 35%", "Tỷ lệ che phủ rừng giữ vững"),
    ("Tỷ lệ hộ phấn đấu 90%", "Tỷ lệ hộ phấn đấu"),
])
def test_the_indicator_ends_where_the_cue_begins(clause, indicator):
    from core.extraction.values import find_values

    (value,) = find_values(clause)
    assert clause[: value.cue_start].strip() == indicator


def test_a_rate_per_a_base_runs_to_the_end_of_its_unit():
    from core.extraction.values import find_values

    clause = "Tỷ suất tử vong mẹ 45/100.000 trẻ đẻ ra sống"
    (value,) = find_values(clause)
    assert (value.unit, clause[value.start : value.end]) == ("/100.000 trẻ đẻ ra sống", "45/100.000 trẻ đẻ ra sống")


def test_parentheses_are_counted_again_when_asked_about_an_earlier_place():
    from core.extraction.values import _Parentheses

    parentheses = _Parentheses("(đạt 50% (8 xã) và 30%")
    assert parentheses.at(12) == (2, 9)
    assert parentheses.at(20) == (1, 0)
    assert parentheses.at(3) == (1, 0)  # back to the start: read again
