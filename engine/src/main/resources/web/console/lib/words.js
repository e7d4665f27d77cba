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
  suggestions: "意见建议", queue: "本部门办理", suggestionFigures: "办理统计", department_role: "部门",
  id: "编号", topic: "领域", text: "内容", status: "状态", lead: "主办", coHandlers: "协办", dueAt: "答复期限",
  overdue: "逾期", overdueOnly: "只看逾期", filter: "筛选", all: "全部", openItem: "办理", assign: "分派",
  assignSelected: "分派所选", bulkResult: (ok, n) => `已分派 ${ok} / ${n}`, transfer: "转办", reason: "理由",
  answer: "答复", adopted: "采纳（吸纳）", plan: "落实计划", send: "提交", merge: "合并入此件", mergeInto: "合并入编号",
  similar: "相似建议（同领域，字符二元组 Jaccard）", trail: "办理轨迹", at: "时间", actor: "操作者", action: "步骤",
  detail: "说明", backToList: "返回列表", author: "提出人", coHandlerNote: "本部门为协办单位：可查看，不能答复或转办。",
  received: "已交办", answered: "已答复", answeredOnTime: "按期答复", reopened: "重新办理", satisfied: "满意",
  dissatisfied: "不满意", adoptedCount: "采纳", total: "合计", unassigned: "待分派", merged: "已合并",
  statusNames: { received: "待分派", assigned: "办理中", answered: "已答复", closed: "已办结", reopened: "重新办理", merged: "已合并" },
  none: "无",
  // The roster draw (views/roster-draw.js).
  rosterDraw: "代表抽选", drawIntro: "从候选人库按名额、轮换规则随机抽选本年度市民代表；库的哈希、种子来源和抽选记录向社会公开，任何人可复核。",
  drawHistory: "历次抽选", drawId: "编号", year: "年度", poolSha256: "候选人库 SHA-256", poolPeople: "候选人数",
  discardReason: "作废原因", drawNone: "尚未开始本年度抽选。", seedSource: "种子来源", seedKnownAt: "种子公布时间",
  seed: "种子", transcriptSha256: "抽选记录 SHA-256", poolFile: "候选人库 CSV",
  drawState_pool_published: "候选人库已公布", drawState_seed_announced: "种子来源已公告", drawState_seeded: "种子已录入",
  drawState_drawn: "已抽选", drawState_adopted: "已采用", drawState_discarded: "已作废",
  stepPool: "第一步：上传并公布候选人库", stepPoolHelp: "上传后立即公布其 SHA-256，此后库不可更改。",
  publishPool: "上传并公布", stepSeedSource: "第二步：公告种子来源", seedSourceHint: "例如：中国福利彩票双色球第2024139期开奖号码",
  stepSeedSourceHelp: "在种子产生之前公告它来自哪里、何时公布（须晚于现在）。", announceSeed: "公告",
  stepSeed: "第三步：录入种子", stepSeedHelp: (at) => `种子于 ${at} 公布后，按公布原样录入（不要前后空格）。`,
  enterSeed: "录入种子", stepDraw: "第四步：抽选", stepDrawHelp: "按名额、轮换规则抽选在任代表和备选代表。", runDraw: "抽选",
  stepInspect: "第五步：查看结果", downloadTranscript: "下载抽选记录 draw.json", downloadRoster: "下载代表名单 roster.csv",
  drawAdopted: "名单已导入，候选人库已删除。", active: "在任代表", drawNew: "新任", drawReturning: "连任", alternates: "备选",
  source_random: "随机抽取", source_recommended: "组织推荐", source_volunteer: "自愿报名", category: "类别", seats: "名额",
  cityCell: "市级", stepAdoptHelp: "采用后名单按代表名单导入，候选人库和抽选名单随即删除。", confirmAdopt: "采用此名单并导入？",
  adoptRoster: "采用并导入名单", discardDraw: "作废此次抽选", discardHelp: "作废会公开记录原因；之后可重新上传候选人库。",
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
  suggestions: "Suggestions", queue: "Our queue", suggestionFigures: "Figures", department_role: "department",
  id: "No.", topic: "Topic", text: "Text", status: "Status", lead: "Lead", coHandlers: "Co-handlers", dueAt: "Due",
  overdue: "Overdue", overdueOnly: "Overdue only", filter: "Filter", all: "All", openItem: "Open", assign: "Assign",
  assignSelected: "Assign selected", bulkResult: (ok, n) => `assigned ${ok} of ${n}`, transfer: "Transfer", reason: "Reason",
  answer: "Answer", adopted: "Adopted", plan: "Plan", send: "Submit", merge: "Merge into this one", mergeInto: "Merge into no.",
  similar: "Similar suggestions (same topic, character-bigram Jaccard)", trail: "Trail", at: "At", actor: "By",
  action: "Step", detail: "Detail", backToList: "Back to the list", author: "Author",
  coHandlerNote: "Your department co-handles this one: you may read it, not answer or transfer it.",
  received: "Received", answered: "Answered", answeredOnTime: "On time", reopened: "Reopened", satisfied: "Satisfied",
  dissatisfied: "Dissatisfied", adoptedCount: "Adopted", total: "Total", unassigned: "Unassigned", merged: "Merged",
  statusNames: { received: "received", assigned: "assigned", answered: "answered", closed: "closed", reopened: "reopened", merged: "merged" },
  none: "none",
  rosterDraw: "Roster draw", drawIntro: "Draws this year's representatives from the pool by quota and rotation rule; the pool's hash, the seed's source and the transcript are public, so anyone can check the draw.",
  drawHistory: "Draws", drawId: "Id", year: "Year", poolSha256: "Pool SHA-256", poolPeople: "People in the pool",
  discardReason: "Why discarded", drawNone: "No draw under way for this year.", seedSource: "Seed source",
  seedKnownAt: "Seed known at", seed: "Seed", transcriptSha256: "Transcript SHA-256", poolFile: "Pool CSV",
  drawState_pool_published: "pool published", drawState_seed_announced: "seed source announced", drawState_seeded: "seed entered",
  drawState_drawn: "drawn", drawState_adopted: "adopted", drawState_discarded: "discarded",
  stepPool: "Step 1: upload and publish the pool", stepPoolHelp: "Its SHA-256 is published at once; the pool cannot change afterwards.",
  publishPool: "Upload and publish", stepSeedSource: "Step 2: announce the seed's source", seedSourceHint: "e.g. the numbers of lottery draw 2024139",
  stepSeedSourceHelp: "Before the seed exists: where it will come from and when (later than now).", announceSeed: "Announce",
  stepSeed: "Step 3: enter the seed", stepSeedHelp: (at) => `Once it is published at ${at}, enter it exactly as published (no spaces around it).`,
  enterSeed: "Enter seed", stepDraw: "Step 4: draw", stepDrawHelp: "Draws the active representatives and alternates by quota and rotation rule.",
  runDraw: "Draw", stepInspect: "Step 5: inspect", downloadTranscript: "Download transcript draw.json", downloadRoster: "Download roster.csv",
  drawAdopted: "The roster is imported; the pool is deleted.", active: "Active", drawNew: "New", drawReturning: "Returning",
  alternates: "Alternates", source_random: "random", source_recommended: "recommended", source_volunteer: "volunteer",
  category: "Category", seats: "Seats", cityCell: "city", stepAdoptHelp: "Adopting imports the roster; the pool and the drawn roster are then deleted.",
  confirmAdopt: "Adopt this roster and import it?", adoptRoster: "Adopt and import", discardDraw: "Discard this draw",
  discardHelp: "A discarded draw stays public with its reason; a new pool may be uploaded afterwards.",
};

/** A suggestion status in both languages. */
export function statusName(status) {
  const a = zh.statusNames[status];
  const b = en.statusNames[status];
  return a == null ? status : `${a} ${b}`;
}
// The evening's live operations: schedule, turnout charts, reminders, survey, audit log (filter, at, detail: above).
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
  answeredBy: (n) => `作答 ${n} 人`, mean: "平均分", audit: "审计日志", auditAction: "操作", auditActor: "操作人",
  target: "对象", from: "起", to: "止", older: "更早的记录",
  venues: "社区会场", venue: "会场", bar: "图示", venueBallots: "各会场选票", noVenues: "本届评议未设社区会场。",
  venueTotal: (n) => `社区会场平板共提交 ${n} 张（只计数，不记录哪张选票、哪位代表在哪个会场）`,
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
  answeredBy: (n) => `${n} answered`, mean: "mean", audit: "Audit log", auditAction: "Action", auditActor: "Actor",
  target: "Target", from: "From", to: "To", older: "Older entries",
  venues: "Community venues", venue: "Venue", bar: "Bar", venueBallots: "Ballots per venue", noVenues: "This edition has no community venues.",
  venueTotal: (n) => `${n} ballots from the venues' tablets (counts only: no ballot or person is tied to a venue)`,
});

// The dress rehearsal (views/rehearsal.js).
Object.assign(zh, {
  rehearsal: "演练", rehearsalOnLive: "这是正式评议引擎，没有演练。在同一部署旁启动演练引擎（独立数据库、Redis 命名空间和密钥，合成代表与手机，绝不触及正式选票），再打开它的控制台：",
  syntheticRepresentatives: "合成代表",
  rehearsalHint: "在场次页面开启场次；播出结束时按下按钮，合成手机经真实接口登录并在所选秒数内投票。随后在场次页面关闭、封存、公布，在此核验。",
  phonesCount: "手机数", withinSeconds: "在（秒）内投票", broadcastEnded: "播出结束，开始投票",
  rehearsalRun: (id, n, s) => `${id}：${n} 部手机，${s} 秒内`, acknowledged: "已确认", errors: "出错", retried: "重试",
  underWay: "进行中", ballotsPerSecond: "每秒确认选票", outcome: "结果", reminderWaves: "短信提醒批次",
  waveSent: "已发", waveFailed: "失败", waveSkipped: "已跳过", waveQueuedNow: "待发", verifySealed: "核验所选（已封存）场次",
  rehearsalEnd: "结束演练", rehearsalReset: "重置并删除演练", confirmRehearsalReset: "删除演练的数据库、Redis 数据和文件，并停止演练引擎？正式评议不受影响。",
  rehearsalRemoved: "演练已删除，演练引擎已停止。",
});
Object.assign(en, {
  rehearsal: "Rehearsal", rehearsalOnLive: "This is the live engine; it runs no rehearsal. Start a rehearsal engine beside this deployment (its own database, Redis namespace and keys, synthetic representatives and phones, never a real ballot), then open its console:",
  syntheticRepresentatives: "synthetic representatives",
  rehearsalHint: "Open a session in its session view; when the broadcast ends press the button: synthetic phones sign in through the real API and vote within the seconds chosen. Then close, seal and publish in the session view, and verify here.",
  phonesCount: "Phones", withinSeconds: "Vote within (seconds)", broadcastEnded: "Broadcast ended: start voting",
  rehearsalRun: (id, n, s) => `${id}: ${n} phones within ${s} s`, acknowledged: "acknowledged", errors: "errors", retried: "retried",
  underWay: "under way", ballotsPerSecond: "Ballots acknowledged per second", outcome: "Outcome", reminderWaves: "Reminder waves",
  waveSent: "Sent", waveFailed: "Failed", waveSkipped: "Skipped", waveQueuedNow: "Queued", verifySealed: "Verify the chosen (sealed) session",
  rehearsalEnd: "End the rehearsal", rehearsalReset: "Reset and remove the rehearsal", confirmRehearsalReset: "Remove the rehearsal's database, Redis data and files and stop the rehearsal engine? The real evaluation is not touched.",
  rehearsalRemoved: "The rehearsal is removed and its engine has stopped.",
});

// The edition report (views/report.js).
Object.assign(zh, {
  report: "评议结果报告", reportIntro: "各组最终排名、参评情况、社情民意调查、意见建议办理统计和核验数据（选票链根、签名密钥、版本哈希），仅含已封存的数据，可按 A4 打印。",
  downloadXlsx: "下载 Excel（xlsx）", downloadHtml: "下载打印版（HTML）", openPrintable: "打开打印版",
  reportPublic: "全部场次已公布：报告公开。", reportEmbargoed: "尚有场次未公布：报告仅供审计。",
});
Object.assign(en, {
  report: "Edition report", reportIntro: "Every group's final ranking, turnout, the survey, the suggestion figures and what to verify them by (chain roots, key ids, edition hash): sealed figures only, printable on A4.",
  downloadXlsx: "Download the workbook (xlsx)", downloadHtml: "Download the printable page (HTML)", openPrintable: "Open the printable page",
  reportPublic: "Every session is published: the report is public.", reportEmbargoed: "Not every session is published: auditors only.",
});

/** Both languages of a word, Chinese first ("查看 View"); a function word takes its arguments. */
export function t(key, ...args) {
  const pick = (table) => (typeof table[key] === "function" ? table[key](...args) : table[key]);
  const a = pick(zh);
  const b = pick(en);
  if (a == null) return key;
  return b == null || a === b ? a : `${a} ${b}`;
}
