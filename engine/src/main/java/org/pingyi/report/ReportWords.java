package org.pingyi.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.pingyi.session.SessionState;
import org.pingyi.suggestion.SuggestionFigures;

/** The report's words, Chinese first and English second, and how its figures are written as text. */
final class ReportWords {
  private ReportWords() {}

  static final String TITLE = "评议结果报告 Edition report";
  static final String OVERVIEW = "概况 Overview";
  static final String RANKING = "最终排名 Final ranking";
  static final String TURNOUT = "参评情况 Turnout";
  static final String SURVEY = "社情民意调查 Survey";
  static final String SUGGESTIONS = "意见建议办理 Suggestions";
  static final String VERIFICATION = "核验 Verification";

  static final String EDITION = "评议活动 Edition";
  static final String GENERATED_AT = "生成时间 Generated at";
  static final String PUBLIC = "全部场次已公布，本报告公开。All sessions are published: this report is public.";
  static final String EMBARGOED = "尚有场次未公布：本报告仅供审计，不得外传。Not every session is published: for auditors only.";
  static final String SEALED_ONLY = "仅含已封存的数据（PostgreSQL），不含实时计数。Sealed figures only (PostgreSQL), never live counters.";

  static final String SESSION = "场次 Session";
  static final String GROUP = "组别 Group";
  static final String STATE = "状态 State";
  static final String SEALED_AT = "封存时间 Sealed at";
  static final String BALLOTS = "选票 Ballots";
  static final String NOT_SEALED = "尚未封存 Not sealed yet";

  static final String RANK = "名次 Rank";
  static final String CODE = "代码 Code";
  static final String DEPARTMENT = "部门 Department";
  static final String SCORE = "得分 Score";
  static final String RAW_MEAN = "原始均分 Raw mean";
  static final String SATISFACTION = "满意率 Satisfaction";
  static final String VOTES = "票数 Votes";
  static final String GRADES = "评价分布 Grades";
  static final String WEIGHT_CLASSES = "各类代表均分 Weight-class means";
  static final String MEAN = "均分 mean";
  static final String CLASS_VOTES = "票数 votes";
  static final String SUPPRESSED = "不予显示 suppressed";
  static final String NONE = "—";

  static final String DISTRICT = "区市 District";
  static final String ELIGIBLE = "应评 Eligible";
  static final String VOTED = "已评 Voted";
  static final String RATIO = "参评率 Turnout";
  static final String TOTAL = "合计 Total";

  static final String RESPONDENTS = "答卷人数 Respondents";
  static final String AREA = "领域 Area";
  static final String QUESTION = "问题 Question";
  static final String ANSWER = "选项 Answer";
  static final String COUNT = "人数 Count";
  static final String ANSWERED = "作答人数 Answered";
  static final String SCALE_MEAN = "平均分 Mean";
  static final String TEXT_ANSWERS = "文字意见只计人数，不予公开。Texts are counted, never shown.";

  static final String AS_OF = "截至 As of";
  static final String UNASSIGNED = "待分派 Unassigned";
  static final String MERGED = "已合并 Merged";

  static final String EDITION_SHA256 = "版本哈希 Edition SHA-256";
  static final String EDITION_SHA256_SEALED = "封存时版本哈希 Edition SHA-256 at seal";
  static final String CHAIN_ROOT = "选票链根 Chain root";
  static final String SEAL_KEY = "封存签名密钥 Seal key id";
  static final String PUBLISH_KEY = "公布签名密钥 Publication key id";
  static final String VERIFY_HOW = "复核：导出选票（ballots.ndjson）和结果（results.json），以公开密钥（/api/v1/keys）运行 "
      + "java -jar pingyi-engine.jar verify --ballots … --results … --keys …  To verify: export the ballots and the "
      + "results, then run the verify command with the published keys.";

  /** The suggestion loop's columns ({@link SuggestionFigures#COLUMNS}) with their words. */
  static final List<String> SUGGESTION_COLUMNS = List.of("已交办 Received", "已答复 Answered", "按期答复 On time",
      "逾期 Overdue", "重新办理 Reopened", "满意 Satisfied", "不满意 Dissatisfied", "采纳 Adopted");

  static List<Long> suggestionFigures(SuggestionFigures.Row r) {
    return List.of(r.received(), r.answered(), r.answeredOnTime(), r.overdue(), r.reopened(), r.satisfied(),
        r.dissatisfied(), r.adopted());
  }

  static String state(SessionState state) {
    return switch (state) {
      case scheduled -> "未开始 scheduled";
      case open -> "进行中 open";
      case closed -> "已结束 closed";
      case sealed -> "已封存 sealed";
      case published -> "已公布 published";
    };
  }

  static String smallCells(int minCellSize) {
    return "不予显示：该格人数少于 " + minCellSize + " 人（小单元格规则），以免推知个人的评议。"
        + "Suppressed: a cell of fewer than " + minCellSize + " people (small-cell rule), so no one's vote can be inferred.";
  }

  static String notSealed(SessionState state) {
    return NOT_SEALED + " · " + STATE + ": " + state(state);
  }

  /** A moment in the edition's time zone, to the minute, with the zone's name. */
  static String time(Instant at, ZoneId zone) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(at) + " (" + zone.getId() + ")";
  }

  /** A published decimal at its published scale, or a dash when there is none (nobody scored). */
  static String fixed(BigDecimal value, int scale) {
    return value == null ? NONE : value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }

  /** A rate (0.9234) as a percentage with two decimals (92.34%): exact, the rate has four. */
  static String percent(BigDecimal rate) {
    return rate == null ? NONE : rate.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
  }
}
