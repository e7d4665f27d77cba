// The console's words, one table per language; the console shows both, Chinese first.
const zh = {
  sessions: "场次", roster: "代表名单", session: "场次", group: "组别", state: "状态", actions: "操作",
  view: "查看", open: "开启", close: "关闭", seal: "封存", publish: "公布", back: "返回场次",
  turnout: "参评情况", district: "区市", eligible: "应评", voted: "已评",
  liveRanking: "实时排名（仅审计）", reconcile: "核对 Redis 与数据库", results: "结果", showResults: "查看结果",
  downloadCsv: "下载 CSV", rank: "名次", department: "部门", score: "得分", satisfaction: "满意率", votes: "票数",
  recount: "按数据库重新计数", rosterImport: "代表名单导入", importButton: "导入", operator: "操作员", auditor: "审计",
  notAllowed: "此角色不能使用该页面。", confirmClose: "关闭后不再接受选票。确定关闭？",
  confirmSeal: "封存后结果固定，不可更改。确定封存？", confirmPublish: "公布后所有人可见结果。确定公布？",
  confirmRecount: "按数据库重建实时计数？",
};
const en = {
  sessions: "Sessions", roster: "Roster", session: "Session", group: "Group", state: "State", actions: "Actions",
  view: "View", open: "Open", close: "Close", seal: "Seal", publish: "Publish", back: "Back to sessions",
  turnout: "Turnout", district: "District", eligible: "Eligible", voted: "Voted",
  liveRanking: "Live ranking (auditors only)", reconcile: "Reconcile", results: "Results", showResults: "Show results",
  downloadCsv: "Download CSV", rank: "Rank", department: "Department", score: "Score", satisfaction: "Satisfaction",
  votes: "Votes", recount: "Recount live counters", rosterImport: "Roster import", importButton: "Import",
  operator: "operator", auditor: "auditor", notAllowed: "This role may not use this page.",
  confirmClose: "Close: no more ballots. Continue?", confirmSeal: "Seal: results become final. Continue?",
  confirmPublish: "Publish: results become public. Continue?", confirmRecount: "Rebuild live counters from PostgreSQL?",
};

/** Both languages of a word, Chinese first ("查看 View"); a function word takes its arguments. */
export function t(key, ...args) {
  const pick = (table) => (typeof table[key] === "function" ? table[key](...args) : table[key]);
  const a = pick(zh);
  const b = pick(en);
  if (a == null) return key;
  return b == null || a === b ? a : `${a} ${b}`;
}
