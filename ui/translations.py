"""Qt's own words in Vietnamese: the standard buttons, file dialogs, text context menus, print preview and the
print dialog (Linux; Windows shows its own, in the system's language).

Qt ships no Vietnamese translation (there is no ``qtbase_vi.qm`` in the PySide6 wheel), so the few strings
of Qt a clerk meets are translated here. Keys are (Qt's translation context, Qt's English text).
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

QT_VIETNAMESE = {
    ("QPlatformTheme", "OK"): "Đồng ý",
    ("QPlatformTheme", "Cancel"): "Hủy",
    ("QPlatformTheme", "&Yes"): "&Có",
    ("QPlatformTheme", "&No"): "&Không",
    ("QPlatformTheme", "Save"): "Lưu",
    ("QPlatformTheme", "&Save"): "&Lưu",
    ("QPlatformTheme", "Open"): "Mở",
    ("QPlatformTheme", "Close"): "Đóng",
    ("QPlatformTheme", "Discard"): "Bỏ",
    ("QPlatformTheme", "Apply"): "Áp dụng",
    ("QPlatformTheme", "Reset"): "Đặt lại",
    ("QPlatformTheme", "Help"): "Trợ giúp",
    ("QPlatformTheme", "Retry"): "Thử lại",
    ("QPlatformTheme", "Ignore"): "Bỏ qua",
    ("QPlatformTheme", "Abort"): "Dừng",
    ("QFileDialog", "Look in:"): "Thư mục:",
    ("QFileDialog", "&Look in:"): "&Thư mục:",
    ("QFileDialog", "Files of &type:"): "&Loại tệp:",
    ("QFileDialog", "File &name:"): "&Tên tệp:",
    ("QFileDialog", "Files of type:"): "Loại tệp:",
    ("QFileDialog", "Directory:"): "Thư mục:",  # choosing a folder: the name field and the type list
    ("QFileDialog", "Directories"): "Thư mục",
    ("QFileDialog", "&Open"): "&Mở",
    ("QFileDialog", "&Save"): "&Lưu",
    ("QFileDialog", "&Choose"): "&Chọn",
    ("QFileDialog", "Cancel"): "Hủy",
    ("QFileDialog", "Back"): "Quay lại",
    ("QFileDialog", "Forward"): "Tiến",
    ("QFileDialog", "Parent Directory"): "Thư mục cha",
    ("QFileDialog", "Create New Folder"): "Tạo thư mục mới",
    ("QFileDialog", "New Folder"): "Thư mục mới",
    ("QFileDialog", "List View"): "Dạng danh sách",
    ("QFileDialog", "Detail View"): "Dạng chi tiết",
    ("QFileDialog", "Open"): "Mở",
    ("QFileDialog", "Save As"): "Lưu thành",
    ("QFileDialog", "All Files (*)"): "Mọi tệp (*)",
    ("QFileDialog", "%1 already exists.\nDo you want to replace it?"): "%1 đã có.\nGhi đè lên tệp đó?",
    ("QFileDialog", "&Delete"): "&Xóa",
    ("QFileDialog", "&Rename"): "Đổi &tên",
    ("QFileDialog", "Show &hidden files"): "Hiện tệp ẩn",
    ("QFileSystemModel", "Name"): "Tên",
    ("QFileSystemModel", "Size"): "Cỡ",
    ("QFileSystemModel", "Type"): "Loại",
    ("QFileSystemModel", "Date Modified"): "Ngày sửa",
    ("QFileSystemModel", "My Computer"): "Máy tính",
    ("QFileSystemModel", "Computer"): "Máy tính",
    ("QWidgetTextControl", "&Undo"): "&Hoàn tác",
    ("QWidgetTextControl", "&Redo"): "&Làm lại",
    ("QWidgetTextControl", "Cu&t"): "&Cắt",
    ("QWidgetTextControl", "&Copy"): "&Chép",
    ("QWidgetTextControl", "&Paste"): "&Dán",
    ("QWidgetTextControl", "Delete"): "Xóa",
    ("QWidgetTextControl", "Select All"): "Chọn hết",
    ("QLineEdit", "&Undo"): "&Hoàn tác",
    ("QLineEdit", "&Redo"): "&Làm lại",
    ("QLineEdit", "Cu&t"): "&Cắt",
    ("QLineEdit", "&Copy"): "&Chép",
    ("QLineEdit", "&Paste"): "&Dán",
    ("QLineEdit", "Delete"): "Xóa",
    ("QLineEdit", "Select All"): "Chọn hết",
    ("QPrintPreviewDialog", "Print Preview"): "Xem trước khi in",
    ("QPrintPreviewDialog", "Print"): "In",
    ("QPrintPreviewDialog", "Close"): "Đóng",
    ("QPrintPreviewDialog", "Zoom in"): "Phóng to",
    ("QPrintPreviewDialog", "Zoom out"): "Thu nhỏ",
    ("QPrintPreviewDialog", "Fit width"): "Vừa chiều ngang",
    ("QPrintPreviewDialog", "Fit page"): "Vừa trang",
    ("QPrintPreviewDialog", "First page"): "Trang đầu",
    ("QPrintPreviewDialog", "Previous page"): "Trang trước",
    ("QPrintPreviewDialog", "Next page"): "Trang sau",
    ("QPrintPreviewDialog", "Last page"): "Trang cuối",
    ("QPrintPreviewDialog", "Page setup"): "Thiết lập trang",
    ("QPrintPreviewDialog", "Portrait"): "Trang dọc",
    ("QPrintPreviewDialog", "Landscape"): "Trang ngang",
    ("QPrintPreviewDialog", "Show single page"): "Xem từng trang",
    ("QPrintPreviewDialog", "Show facing pages"): "Xem hai trang cạnh nhau",
    ("QPrintPreviewDialog", "Show overview of all pages"): "Xem tất cả các trang",
    ("QPrintDialog", "Print"): "In",
    ("QPrintDialog", "&Print"): "&In",
    ("QPrintDialog", "&Options >>"): "&Tùy chọn >>",
    ("QPrintDialog", "&Options <<"): "&Tùy chọn <<",
    ("QPrintDialog", "All Pages"): "Mọi trang",
    ("QPrintDialog", "Odd Pages"): "Trang lẻ",
    ("QPrintDialog", "Even Pages"): "Trang chẵn",
    ("QPrintDialog", "Print to File (PDF)"): "In ra tệp (PDF)",
    ("QPrintDialog", "Local file"): "Tệp trên máy",
    ("QPrintDialog", "Write PDF file"): "Ghi tệp PDF",
    ("QPrintWidget", "Printer"): "Máy in",
    ("QPrintWidget", "&Name:"): "&Tên:",
    ("QPrintWidget", "P&roperties"): "&Thuộc tính",
    ("QPrintWidget", "Location:"): "Vị trí:",
    ("QPrintWidget", "Preview"): "Xem trước",
    ("QPrintWidget", "Type:"): "Loại:",
    ("QPrintWidget", "Output &file:"): "&Tệp ra:",
    ("QPrintSettingsOutput", "Copies"): "Số bản",
    ("QPrintSettingsOutput", "Copies:"): "Số bản:",
    ("QPrintSettingsOutput", "Print range"): "Phạm vi in",
    ("QPrintSettingsOutput", "Print all"): "In tất cả",
    ("QPrintSettingsOutput", "Pages from"): "Từ trang",
    ("QPrintSettingsOutput", "to"): "đến",
    ("QPrintSettingsOutput", "Pages"): "Các trang",
    ("QPrintSettingsOutput", "Current Page"): "Trang hiện tại",
    ("QPrintSettingsOutput", "Selection"): "Phần đã chọn",
    ("QPrintSettingsOutput", "Output Settings"): "Cách in",
    ("QPrintSettingsOutput", "Collate"): "Theo bộ",
    ("QPrintSettingsOutput", "Reverse"): "In ngược",
    ("QPrintSettingsOutput", "Options"): "Tùy chọn",
    ("QPrintSettingsOutput", "Color Mode"): "Màu",
    ("QPrintSettingsOutput", "Color"): "In màu",
    ("QPrintSettingsOutput", "Grayscale"): "Đen trắng",
    ("QPrintSettingsOutput", "Double Sided Printing"): "In hai mặt",
    ("QPrintSettingsOutput", "Off"): "Không",
    ("QPrintSettingsOutput", "Long side binding"): "Lật theo cạnh dài",
    ("QPrintSettingsOutput", "Short side binding"): "Lật theo cạnh ngắn",
    ("QPrintSettingsOutput", "Page &Set:"): "&Trang in:",
    ("QPrintSettingsOutput", "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
                             "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9."):
        "Ghi các trang hoặc khoảng trang, cách nhau bởi dấu phẩy; khoảng trang là hai số nối bằng dấu gạch. "
        "Ví dụ: 3,5-7,9 in các trang 3, 5, 6, 7 và 9.",
    ("QShortcut", "Ctrl"): "Ctrl",
}


class VietnameseQt(QTranslator):
    """A translator answering from :data:`QT_VIETNAMESE`; anything else stays as Qt wrote it."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        """Qt's lookup: the Vietnamese text of ``source_text`` in ``context``, or None to keep Qt's."""
        return QT_VIETNAMESE.get((context, source_text))

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return False


def install(app) -> VietnameseQt:
    """Make ``app`` speak Vietnamese in Qt's own dialogs and buttons; returns the translator (kept by ``app``)."""
    translator = VietnameseQt(app)
    app.installTranslator(translator)
    return translator
