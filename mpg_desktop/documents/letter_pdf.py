"""A short letter in plain language as a PDF (reportlab): large type, short lines, left aligned.

Spec process-and-forms 4.7: many parents read Dutch with difficulty, so letters use short sentences
and a large, plain font; professionals benefit too. Every page has a header (organisation,
"Vertrouwelijk") and a footer (organisation, case number, date, "Pagina x van y").

``letter_pdf_bytes`` is pure computation: it returns the file content and writes nothing, not even
a temporary file. Run it on a worker, not on the GUI thread (it takes some tens of milliseconds).
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from mpg_desktop.documents.letter_model import PlainLetter, dutch_date

BODY_PT = 13  # large enough to read without glasses; 4.7 asks for a large-font option
LEADING_PT = 19
MARGIN = 25 * mm
HEADER_Y = A4[1] - 15 * mm
FOOTER_Y = 12 * mm
GREY = (0.33, 0.33, 0.33)


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=BODY_PT, leading=LEADING_PT, spaceAfter=9)
    return {
        "body": body,
        "address": ParagraphStyle("address", parent=body, spaceAfter=0),
        "meta": ParagraphStyle("meta", parent=body, spaceAfter=0, textColor=GREY),
        "subject": ParagraphStyle("subject", parent=body, fontName="Helvetica-Bold", spaceBefore=6, spaceAfter=12),
        "heading": ParagraphStyle(
            "heading", parent=body, fontName="Helvetica-Bold", fontSize=BODY_PT + 4, leading=LEADING_PT + 5
        ),
    }


def _numbered_canvas(letter: PlainLetter) -> type[Canvas]:
    """A canvas that draws header and footer once the page count is known ("Pagina x van y")."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's method name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width = A4[0]
            self.saveState()
            self.setFont("Helvetica-Bold", BODY_PT + 1)
            self.drawString(MARGIN, HEADER_Y, letter.organisation)
            self.setFont("Helvetica", BODY_PT - 2)
            self.setFillColorRGB(*GREY)
            self.drawRightString(width - MARGIN, HEADER_Y, "Vertrouwelijk")
            self.setStrokeColorRGB(*GREY)
            self.setLineWidth(0.6)
            self.line(MARGIN, HEADER_Y - 3 * mm, width - MARGIN, HEADER_Y - 3 * mm)
            self.line(MARGIN, FOOTER_Y + 5 * mm, width - MARGIN, FOOTER_Y + 5 * mm)
            self.drawString(MARGIN, FOOTER_Y, letter.footer_text)
            self.drawRightString(width - MARGIN, FOOTER_Y, f"Pagina {number} van {total}")
            self.restoreState()

    return NumberedCanvas


def _text(value: str) -> str:
    """Escape for reportlab's mini-markup: case data must never be read as tags."""
    return escape(value)


def letter_pdf_bytes(letter: PlainLetter, *, invariant: bool = False) -> bytes:
    """The letter as a PDF. ``invariant`` fixes the timestamps and id (same input, same bytes)."""
    styles = _styles()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 8 * mm,
        bottomMargin=MARGIN,
        title=letter.title,
        author=letter.organisation,
        creator="mpg_desktop",
        subject="",
        invariant=1 if invariant else 0,
    )
    story: list[Any] = [Paragraph(_text(line), styles["address"]) for line in letter.address_lines]
    story += [
        Spacer(1, 10 * mm),
        Paragraph(f"Datum: {_text(dutch_date(letter.letter_date))}", styles["meta"]),
    ]
    if letter.reference:
        story.append(Paragraph(f"Ons kenmerk: {_text(letter.reference)}", styles["meta"]))
    story += [
        Paragraph(_text(letter.subject), styles["subject"]),
        Paragraph(_text(letter.heading), styles["heading"]),
        Spacer(1, 3 * mm),
        Paragraph(_text(letter.salutation), styles["body"]),
    ]
    story += [Paragraph(_text(paragraph), styles["body"]) for paragraph in letter.paragraphs]
    closing: list[Any] = [Spacer(1, 3 * mm)]
    for number, line in enumerate(letter.closing):
        closing.append(Paragraph(_text(line), styles["address"]))
        if number == 0:
            closing.append(Spacer(1, 12 * mm))  # room for a signature
    story.append(KeepTogether(closing))
    document.build(story, canvasmaker=_numbered_canvas(letter))
    return buffer.getvalue()
