from PySide6.QtWidgets import QApplication, QWidget
from mpg_desktop.ui.records.contact_dialog import ContactDialog
from mpg_desktop.ui.records.weekly_summary_dialog import WeeklySummaryDialog

def test_focus(qtbot):
    parent = QWidget(); qtbot.addWidget(parent); parent.show()
    d = ContactDialog(None, (), parent)
    d.open()
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow, timeout=2000)
    print("focus", d.focusWidget(), QApplication.focusWidget())
    chain = []
    w = d.focusWidget()
    for _ in range(16):
        chain.append(type(w).__name__ + ":" + (w.accessibleName() or (w.text() if hasattr(w, "text") and isinstance(w.text(), str) else "")))
        w = w.nextInFocusChain()
    print(chain)
