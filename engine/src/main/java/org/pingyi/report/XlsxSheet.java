package org.pingyi.report;

import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Position;
import org.dhatim.fastexcel.StyleSetter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One sheet of the xlsx report, written top to bottom: titles, notes, a table's header and rows, each cell styled in
 * one go (fastexcel replaces a cell's style on every set). Printed on A4, fitted to the page's width, the table's
 * header repeated on every page, the edition's name above and the page number below. Text is written as text cells,
 * never as formulas.
 */
final class XlsxSheet {
  /** A decimal shown with a number format; the cell holds the exact value. */
  record Figure(BigDecimal value, String format) {}

  /** A label over {@code width} columns from {@code column}. */
  record Span(int column, int width, String label) {}

  static final String BORDER = "thin";
  static final String HEADER_FILL = "DDE4EE";

  private final Worksheet ws;
  private int row;
  /** The first header row of the table being written (its spans' row, if it has one). */
  private int headerFrom = -1;

  XlsxSheet(Workbook workbook, String name, boolean landscape, String editionName) {
    ws = workbook.newWorksheet(name);
    ws.paperSize(PaperSize.A4_PAPER);
    ws.pageOrientation(landscape ? "landscape" : "portrait");
    ws.setFitToPage(true);
    ws.fitToWidth((short) 1);
    ws.fitToHeight((short) 0);
    ws.header(editionName, Position.LEFT);
    ws.header(name, Position.RIGHT);
    ws.footer("page 1 of ?", Position.CENTER);
  }

  static Figure decimal(BigDecimal value) {
    return new Figure(value, "0.00");
  }

  static Figure percent(BigDecimal value) {
    return new Figure(value, "0.00%");
  }

  void widths(double... widths) {
    for (int c = 0; c < widths.length; c++) {
      ws.width(c, widths[c]);
    }
  }

  void title(String text) {
    ws.value(row, 0, text);
    ws.style(row, 0).bold().fontSize(14).set();
    row += 2;
  }

  void line(String text) {
    ws.value(row++, 0, text);
  }

  void note(String text) {
    ws.value(row, 0, text);
    ws.style(row++, 0).italic().fontSize(9).set();
  }

  void skip() {
    row++;
  }

  /** Labels over groups of the next header row's columns. */
  void spans(List<Span> spans) {
    headerFrom = row;
    for (Span span : spans) {
      ws.value(row, span.column(), span.label());
      ws.range(row, span.column(), row, span.column() + span.width() - 1).style().bold().fillColor(HEADER_FILL).borderStyle(BORDER)
          .horizontalAlignment("center").merge().set();
    }
    row++;
  }

  /** A table's header row, repeated (with its spans' row) at the top of every printed page. */
  void header(List<String> labels) {
    for (int c = 0; c < labels.size(); c++) {
      ws.value(row, c, labels.get(c));
      ws.style(row, c).bold().fillColor(HEADER_FILL).borderStyle(BORDER).wrapText(true).verticalAlignment("center").set();
    }
    ws.repeatRows(headerFrom >= 0 ? headerFrom : row, row);
    headerFrom = -1;
    row++;
  }

  void cells(Object... values) {
    write(false, values);
  }

  void totals(Object... values) {
    write(true, values);
  }

  private void write(boolean bold, Object... values) {
    for (int c = 0; c < values.length; c++) {
      Object value = values[c];
      StyleSetter style = ws.style(row, c).borderStyle(BORDER);
      if (value instanceof Figure f && f.value() != null) {
        ws.value(row, c, f.value());
        style = style.format(f.format()).horizontalAlignment("right");
      } else if (value instanceof Figure) {
        ws.value(row, c, ReportWords.NONE);
        style = style.horizontalAlignment("right");
      } else if (value instanceof Number n) {
        ws.value(row, c, n);
        style = style.format("0");
      } else if (value != null) {
        ws.value(row, c, value.toString());
      }
      if (bold) {
        style = style.bold();
      }
      style.set();
    }
    row++;
  }
}
