package org.pingyi.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

/** Spreadsheet formulas in CSV cells, neutralised as API.md says, and read back exactly. */
class CsvTest {

  @Test
  void aTextCellBeginningWithAFormulaCharacterIsPrefixedWithAnApostrophe() {
    for (String formula : List.of("=HYPERLINK(\"http://evil.example\",\"点我\")", "+86 138 0000 0000", "-2+3", "@SUM(A1:A9)",
        "\tcmd", "\r=1+1")) {
      assertEquals("'" + formula, Csv.cell(formula), formula);
    }
    for (String harmless : List.of("建议在老城区增加公共停车位。", "O'Connor", "'quoted", "1=1", "", " =x")) {
      assertEquals(harmless, Csv.cell(harmless), harmless);
    }
    assertEquals(-1, Csv.cell(-1), "a number is data, not a formula");
  }

  @Test
  void everyCellOfADownloadIsNeutralisedHeaderIncluded() throws Exception {
    String csv = Csv.withBom(List.of("id", "=label"), out -> {
      out.printRecord("R1", "=1+1");
      out.printRecord(List.of("R2", "@me"));
    });
    var records = CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
    assertEquals(List.of("id", "'=label"), records.get(0).toList());
    assertEquals(List.of("R1", "'=1+1"), records.get(1).toList());
    assertEquals(List.of("R2", "'@me"), records.get(2).toList());
    assertTrue(csv.startsWith("\uFEFF"));
  }

  @Test
  void restoreTakesOffExactlyThePrefixCellAdded() {
    for (String value : List.of("+8613800000000", "=x", "-", "@", "\tx", "'quoted", "O'Connor", "plain", "'")) {
      assertEquals(value, Csv.restore(String.valueOf(Csv.cell(value))), value);
    }
  }
}
