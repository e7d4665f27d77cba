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

// The evening's live operations: schedule, turnout charts, reminders, survey, audit log.
Object.assign(zh, {
  times: "时间", countdown: "倒计时", opensAt: "开始", closesAt: "结束", automatic: "自动", manual: "手动",
  opensIn: "距开始", closesIn: "距结束", opensAtPassed: "开始时间已过", closesAtPassed: "结束时间已过", extendBy: "延长（分钟）", extend: "延长", turnoutByDistrict: "各区市参评进度",
  progress: "进度", perMinute: "每分钟选票", noBallotsYet: "尚无选票。", ballots: "选票", suppressed: "人数过少，不予显示",
  quality: "选票质量提示（仅审计）", refresh: "刷新",
  qualityLine: (n, straight, fast, unmeasured, seconds) =>
    `共 ${n} 张：全部同一评价 ${straight} 张；${seconds} 秒内提交 ${fast} 张；无表单时间 ${unmeasured} 张（不影响计票）`,
  reminders: "短信提醒", backToSession: "返回本场次", allDistricts: "全部区市", sendWave: "发送提醒",
  nonVotersCsv: "下载未评名单", startedAt: "发起时间", kind: "方式", queued: "待发", sent: "已发", failed: "失败",
  skipped: "已跳过", confirmWave: (scope) => `向${scope}尚未评议的代表发送短信提醒？`,
  waveQueued: (scope, n) => `已向${scope}排队 ${n} 条提醒`, survey: "社情民意调查", respondents: (n) => `答卷人数 ${n}`,
  answered: (n) => `作答 ${n} 人`, mean: "平均分", audit: "审计日志", action: "操作", actor: "操作人", target: "对象",
  from: "起", to: "止", filter: "筛选", older: "更早的记录", at: "时间", detail: "详情",
});
Object.assign(en, {
  times: "Times", countdown: "Countdown", opensAt: "opens", closesAt: "closes", automatic: "automatic", manual: "by hand",
  opensIn: "opens in", closesIn: "closes in", opensAtPassed: "its opening time has passed",
  closesAtPassed: "its closing time has passed", extendBy: "Extend by (minutes)", extend: "Extend",
  turnoutByDistrict: "Turnout per district", progress: "Progress", perMinute: "Ballots per minute",
  noBallotsYet: "No ballots yet.", ballots: "ballots", suppressed: "too few people to show", quality: "Ballot quality (auditors)",
  refresh: "Refresh",
  qualityLine: (n, straight, fast, unmeasured, seconds) =>
    `${n} ballots: ${straight} one grade for all; ${fast} within ${seconds} s; ${unmeasured} without a form time (counts unchanged)`,
  reminders: "Reminders", backToSession: "Back to the session", allDistricts: "all districts", sendWave: "Send reminders",
  nonVotersCsv: "Non-voters CSV", startedAt: "Started", kind: "Kind", queued: "Queued", sent: "Sent", failed: "Failed",
  skipped: "Skipped", confirmWave: (scope) => `Send an SMS reminder to every non-voter of ${scope}?`,
  waveQueued: (scope, n) => `${n} reminders queued for ${scope}`, survey: "Survey", respondents: (n) => `${n} respondents`,
  answered: (n) => `${n} answered`, mean: "mean", audit: "Audit log", action: "Action", actor: "Actor", target: "Target",
  from: "From", to: "To", filter: "Filter", older: "Older entries", at: "At", detail: "Detail",
});

/** Both languages of a word, Chinese first ("查看 View"); a function word takes its arguments. */
export function t(key, ...args) {
  const pick = (table) => (typeof table[key] === "function" ? table[key](...args) : table[key]);
  const a = pick(zh);
  const b = pick(en);
  if (a == null) return key;
  return b == null || a === b ? a : `${a} ${b}`;
}
