"""QApplication bootstrap: language, translator, database, main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from branchdesk import i18n
from branchdesk.errors import BranchDeskError
from branchdesk.settings import SettingsStore


class CatalogTranslator(QTranslator):
    """Serves Qt's tr() calls from branchdesk.i18n's catalog (read from the .ts file)."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return i18n.translate(source)

    def isEmpty(self) -> bool:
        return False


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("BranchDesk")
    app.setOrganizationName("BranchDesk")
    return app


def install_translator(app: QApplication, language: str) -> CatalogTranslator:
    i18n.set_language(language)
    translator = CatalogTranslator(app)
    app.installTranslator(translator)
    return translator


def run_gui() -> int:
    from branchdesk.db.engine import open_database
    from branchdesk.ui.main_window import MainWindow

    app = create_app()
    settings = SettingsStore()
    install_translator(app, settings.get("language"))
    try:
        db = open_database()
    except BranchDeskError as exc:
        QMessageBox.critical(None, app.translate("app", "BranchDesk"), str(exc))
        return 1
    window = MainWindow(db, settings)
    window.show()
    QTimer.singleShot(0, window.offer_sample)
    code = app.exec()
    db.dispose()
    return code
