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
        ("Công an đạt Đơn vị quyết thắng", "qualitative", None), ("Quân sự đạt Vững mạnh toàn diện", "qualitative", None)]
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


def test_ocr_damaged_text_gets_its_diacritics_back():
    filler = "Phat dong phong trao thi dua thuc hien thang loi nhiem vu phat trien kinh te xa hoi. " * 4
    found = targets_of("- Ty 1¢ tang dan s6 tu nhién 5,8%0.", "- Giam ty 1¢ tré em duéi 5 tudi b suy dinh dudng 1,6%.",
                       title=f"KE HOACH nam 2024. {filler}", heading="2. Chi tiéu thi dua")
    assert [(t["indicator"], t["value"], t["unit"], t["comparator"]) for t in found] == [
        ("Tỷ lệ tăng dân số tự nhiên", 5.8, "‰", "="),
        ("Tỷ lệ trẻ em dưới 5 tuổi b suy dinh dưỡng", 1.6, "%", "reduce_by"),
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
        ("- Bê tông hóa thêm 3,5 km đường giao thông nông thôn.", [("Bê tông hóa thêm đường giao thông nông thôn", 3.5)]),
        ("- Xóa 15 căn nhà tạm, nhà dột nát cho hộ nghèo.", [("Xóa căn nhà tạm, nhà dột nát cho hộ nghèo", 15)]),
        ("- Trường đạt chuẩn quốc gia: 01 trường (Tỷ lệ trường đạt chuẩn 81,69%);",
         [("Trường đạt chuẩn quốc gia", 1), ("Tỷ lệ trường đạt chuẩn", 81.69)]),
    ],
)
def test_indicator_names(line, expected):
    assert [(t["indicator"], t["value"]) for t in targets_of(line)] == expected
