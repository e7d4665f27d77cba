package org.pingyi.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** The report's workbook read back with fastexcel-reader: every sheet's rows by name, and typed looks at a cell. */
final class ReportSheets {
  private final Map<String, List<Row>> sheets = new LinkedHashMap<>();

  ReportSheets(byte[] xlsx) throws IOException {
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Sheet sheet : workbook.getSheets().toList()) {
        sheets.put(sheet.getName(), sheet.read());
      }
    }
  }

  List<String> names() {
    return List.copyOf(sheets.keySet());
  }

  List<Row> sheet(String name) {
    List<Row> rows = sheets.get(name);
    if (rows == null) {
      throw new AssertionError("no sheet " + name + " in " + sheets.keySet());
    }
    return rows;
  }

  /** Every text of a sheet, cell after cell: to look for something anywhere in it. */
  String text(String name) {
    StringBuilder all = new StringBuilder();
    sheet(name).forEach(row -> row.forEach(cell -> all.append(cell == null ? "" : cell.getText()).append('\t')));
    return all.toString();
  }

  /** The index of the first row whose first cell says {@code text}. */
  static int rowStarting(List<Row> rows, String text) {
    for (int i = 0; i < rows.size(); i++) {
      if (text.equals(text(rows.get(i), 0))) {
        return i;
      }
    }
    throw new AssertionError("no row starts with " + text);
  }

  static String text(Row row, int column) {
    Cell cell = column < row.getCellCount() ? row.getCell(column) : null;
    return cell == null ? "" : cell.getText();
  }

  /** A number cell's exact value; fails when the cell holds anything else (text such as "suppressed"). */
  static BigDecimal number(Row row, int column) {
    Cell cell = column < row.getCellCount() ? row.getCell(column) : null;
    if (cell == null || cell.getType() != CellType.NUMBER) {
      throw new AssertionError("row " + row.getRowNum() + " column " + column + " is no number: " + (cell == null ? null : cell.getText()));
    }
    return cell.asNumber();
  }

  static boolean isNumber(Row row, int column) {
    Cell cell = column < row.getCellCount() ? row.getCell(column) : null;
    return cell != null && cell.getType() == CellType.NUMBER;
  }
}
