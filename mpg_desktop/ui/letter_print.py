"""Showing and printing a PlainLetter with Qt: the same content as the PDF (documents.letter_pdf).

The app ships without QtPdf, so a printed letter is laid out by QTextDocument from the same
PlainLetter the PDF is made of: what is shared is decided once (documents.referrer_letter), only
the typography differs. Each printed page carries the same header and footer as the PDF
(organisation, "Vertrouwelijk"; case number, date, "Pagina x van y"). GUI thread only.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from mpg_desktop.documents.letter_model import PlainLetter, dutch_date

BODY_PT = 13
MARGIN_MM = 25.0
BAND_MM = 12.0  # header and footer bands inside the margin area


def letter_html(letter: PlainLetter, *, point_size: int = BODY_PT, with_header: bool = False) -> str:
    """The letter as simple HTML (large type, one paragraph per sentence group)."""
    e = escape
    parts = [f'<div style="font-size:{point_size}pt;">']
    if with_header:
        parts.append(
            f'<p style="color:#555;"><b>{e(letter.organisation)}</b> · Vertrouwelijk · {e(letter.footer_text)}</p><hr>'
        )
    parts.append("<p>" + "<br>".join(e(line) for line in letter.address_lines) + "</p><p>&nbsp;</p>")
    meta = [f"Datum: {e(dutch_date(letter.letter_date))}"]
    if letter.reference:
        meta.append(f"Ons kenmerk: {e(letter.reference)}")
    parts.append('<p style="color:#555;">' + "<br>".join(meta) + "</p>")
    parts.append(f"<p><b>{e(letter.subject)}</b></p>")
    parts.append(f'<p style="font-size:{point_size + 4}pt;"><b>{e(letter.heading)}</b></p>')
    parts.append(f"<p>{e(letter.salutation)}</p>")
    parts += [f"<p>{e(paragraph)}</p>" for paragraph in letter.paragraphs]
    if letter.closing:
        parts.append(f"<p>{e(letter.closing[0])}</p><p>&nbsp;</p>")
        parts.append("<p>" + "<br>".join(e(line) for line in letter.closing[1:]) + "</p>")
    parts.append("</div>")
    return "\n".join(parts)


def print_letter(letter: PlainLetter, printer: QPrinter) -> int:
    """Lay the letter out on ``printer``'s pages and print it; returns the number of pages."""
    printer.setFullPage(True)  # we draw our own margins, header and footer
    dots_per_mm = printer.resolution() / 25.4
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    margin, band = MARGIN_MM * dots_per_mm, BAND_MM * dots_per_mm
    body = QRectF(margin, margin + band, paper.width() - 2 * margin, paper.height() - 2 * margin - 2 * band)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(printer)
    document.setDefaultFont(QFont("Helvetica", BODY_PT))
    document.setHtml(letter_html(letter))
    document.setPageSize(body.size())
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("De printer kon niet worden gestart.")
    try:
        for number in range(1, pages + 1):
            if number > 1:
                printer.newPage()
            _decorate(painter, letter, paper.width(), paper.height(), margin, number, pages)
            painter.save()
            painter.translate(body.left(), body.top() - (number - 1) * body.height())
            clip = QRectF(0, (number - 1) * body.height(), body.width(), body.height())
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = clip
            document.documentLayout().draw(painter, context)
            painter.restore()
    finally:
        painter.end()
    return pages


def _decorate(
    painter: QPainter, letter: PlainLetter, width: float, height: float, margin: float, number: int, pages: int
) -> None:
    painter.save()
    header_font = QFont("Helvetica", BODY_PT + 1)
    header_font.setBold(True)
    small = QFont("Helvetica", BODY_PT - 2)
    top = QRectF(margin, margin * 0.6, width - 2 * margin, margin * 0.4)
    bottom = QRectF(margin, height - margin, width - 2 * margin, margin * 0.4)
    painter.setFont(header_font)
    painter.drawText(top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), letter.organisation)
    painter.setFont(small)
    painter.drawText(top, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), "Vertrouwelijk")
    painter.drawLine(top.bottomLeft(), top.bottomRight())
    painter.drawLine(bottom.topLeft(), bottom.topRight())
    painter.drawText(bottom, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), letter.footer_text)
    painter.drawText(
        bottom, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), f"Pagina {number} van {pages}"
    )
    painter.restore()
