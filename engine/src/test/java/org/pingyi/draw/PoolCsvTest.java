package org.pingyi.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingyi.http.FieldError;

/** A pool file is checked line by line: every bad line is reported, by line and column, never with its content. */
class PoolCsvTest {
  static final String HEADER = "id,name,phone,district,category,source,subject,servedYears\n";

  static PoolCsv.Parse parse(byte[] bytes) throws Exception {
    return PoolCsv.parse(new ByteArrayInputStream(bytes), TestPools.tiny(), 2025);
  }

  static PoolCsv.Parse parse(String text) throws Exception {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void everyBadLineIsListedInLineOrderWithoutThePersonalDataInIt() throws Exception {
    var parse = parse(HEADER
        + "A1,张三,10012345671,east,resident,random,face-secret-1,\n"          // 2 fine
        + "A2,李四,10012345672,north,resident,random,face-secret-2,\n"         // 3 unknown district
        + "A3,王五,10012345673,east,astronaut,random,face-secret-3,\n"         // 4 unknown category
        + "A4,赵六,10012345674,east,resident,lottery,face-secret-4,\n"         // 5 bad source
        + "A1,孙七,10012345675,east,resident,random,face-secret-5,\n"          // 6 duplicate id
        + "A6,周八,10012345676,east,resident,random,face-secret-1,\n"          // 7 duplicate subject
        + "A7,吴九,not-a-phone,east,resident,random,face-secret-7,\n"          // 8 bad phone
        + "A8,郑十,10012345678,east,resident,random,face-secret-8,2024;20x5\n" // 9 bad year
        + "A9,钱一,10012345679,east,resident,random,face-secret-9,2025\n"      // 10 not before the draw
        + "A10,,10012345680,east,resident,random,face-secret-10,\n"           // 11 missing name
        + "A11,陈二,10012345681,east,resident\n");                           // 12 too few fields
    assertFalse(parse.ok());
    List<String> lines = parse.errors().stream().map(FieldError::field).toList();
    assertEquals(List.of("line 3", "line 4", "line 5", "line 6", "line 7", "line 8", "line 9", "line 10", "line 11", "line 12"), lines);
    String all = parse.errors().toString();
    for (String expected : List.of("unknown district 'north'", "unknown category 'astronaut'", "source must be random, recommended or volunteer",
        "duplicate id (first on line 2)", "duplicate subject (first on line 2)", "phone is not a phone number",
        "servedYears must be years separated by ';'", "servedYears names 2025, not before the draw's year 2025",
        "missing name", "expected 8 fields, found 5")) {
      assertTrue(all.contains(expected), expected + " in " + all);
    }
    for (String personal : List.of("张三", "孙七", "1001234567", "face-secret", "not-a-phone")) {
      assertFalse(all.contains(personal), personal + " must not appear in " + all);
    }
  }

  @Test
  void aWrongHeaderAnEmptyFileAnUnclosedQuoteAndBytesThatAreNotUtf8AreEachOneClearProblem() throws Exception {
    assertEquals("line 1", parse("id,name,phone,district,category,status,subject\n").errors().get(0).field());
    assertTrue(parse("").errors().get(0).message().startsWith("empty file"));
    var quote = parse(HEADER + "A1,\"张三,10012345671,east,resident,random,face-1,\n");
    assertTrue(quote.errors().get(0).message().contains("unclosed quote"), quote.errors().toString());
    byte[] latin1 = (HEADER + "A1,M\u00fcller,10012345671,east,resident,random,face-1,\n").getBytes(StandardCharsets.ISO_8859_1);
    assertEquals("not UTF-8 text (at or after this line)", parse(latin1).errors().get(0).message());
  }

  @Test
  void aByteOrderMarkAndSpacesAroundFieldsAreAcceptedAndStandingFollowsTheRotationRule() throws Exception {
    var parse = parse("\uFEFF" + HEADER
        + " B1 ,甲,10012345671,east,resident,random,face-1,\n"
        + "B2,乙,10012345672,east,resident,volunteer,face-2, 2024 \n"
        + "B3,丙,10012345673,west,resident,recommended,face-3,2023;2024\n"
        + "B4,丁,10012345674,west,expert,random,face-4,2022;2023\n");
    assertTrue(parse.ok(), parse.errors().toString());
    Pool pool = parse.pool();
    assertEquals(4, pool.size);
    assertEquals("B1", pool.ids[0]);
    assertEquals(List.of(Standing.fresh, Standing.returning, Standing.ineligible, Standing.fresh),
        List.of(pool.standing(0), pool.standing(1), pool.standing(2), pool.standing(3)),
        "the tiny edition allows two years running; 2022-2023 ended before 2024");
    assertEquals(Source.volunteer, pool.source(1));
  }

  @Test
  void drawnRowsWithQuotedCommasLineBreaksAndAByteOrderMarkComeOutAsThePoolHasThem() throws Exception {
    StringBuilder pool = new StringBuilder("\uFEFF" + HEADER);
    String[] cells = {"east,resident", "east,resident", "east,resident", "west,resident", "west,resident", "west,resident",
        "east,expert", "west,expert", "east,expert", "west,expert"};
    for (int i = 0; i < cells.length; i++) {
      pool.append(String.format("Q%d,\"名, \"\"甲\"\"\n第%d行\",10012345%03d,%s,random,face-q%d,%n", i, i, i, cells[i], i));
    }
    var run = TestPools.draw(pool.toString().getBytes(StandardCharsets.UTF_8), TestPools.tiny(), 2025, "quoted");
    var roster = org.pingyi.roster.RosterCsv.parse(new java.io.StringReader(run.rosterText()), TestPools.tiny());
    assertTrue(roster.ok(), roster.errors().toString());
    assertEquals(9, roster.entries().size(), "7 seats and 2 alternates");
    for (var e : roster.entries()) {
      int i = Integer.parseInt(e.id().substring(1));
      assertEquals("名, \"甲\"\n第" + i + "行", e.name());
      assertEquals(String.format("10012345%03d", i), e.phone());
      assertEquals("face-q" + i, e.subject());
    }
  }
}
