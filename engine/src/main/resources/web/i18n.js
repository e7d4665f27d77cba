// Words of the pages in Chinese (first) and English, and a human message for every problem code of the API.
window.PINGYI_I18N = {
  zh: {
    title: "市民评议", signinTitle: "请先刷脸登录", signinApp: "请在“爱山东”App 中完成刷脸认证后进入评议。",
    demoNote: "演示模式：选择一位演示代表登录。", repLabel: "代表编号", signinButton: "登录",
    waitingTitle: "暂无进行中的评议", waitingText: "评议开始后本页会自动进入评议，无需刷新。",
    closedText: "本场评议已结束，感谢您的参与。下一场开始后本页会自动进入。",
    ballotHint: "请为本组每个部门选择一个评价。", surveyTitle: "社情民意调查（可选）", submit: "提交评议",
    missing: (names) => `还有 ${names.length} 个部门未评价：${names.join("、")}`, allScored: "已全部评价，可以提交。",
    addComment: "填写意见（可选）", commentLabel: "意见（500字以内）",
    submitting: "正在提交……", retrying: (s) => `网络不稳定，${s} 秒后自动重试（您的选票不会重复提交）`,
    doneTitle: "您已完成本场评议", receiptLabel: "回执编号", checkReceipt: "查验回执",
    counted: "已查验：您的选票已计入。", notFound: "未找到该回执。",
    findLine: "封存后公布的选票明细中，您这一张选票所在行的 receiptHash 为：",
    switchTo: "EN", switchLabel: "EN · Switch to English", switchLang: "en", langName: "zh-CN",
    codes: {
      malformed_request: "请求格式有误，请刷新页面后重试。", payload_too_large: "提交内容过长。",
      unauthenticated: "请先登录。", invalid_token: "登录已失效，请重新刷脸登录。",
      not_eligible: "您不在本场评议的代表名单中。", forbidden: "无权进行此操作。",
      embargoed: "结果公布前不可查看。", not_found: "未找到。", already_voted: "您已在本场评议中投票。",
      session_not_open: "本场评议当前未开放。", invalid_transition: "当前状态下不能进行此操作。",
      not_sealed: "结果尚未封存。", invalid_ballot: "选票有误：", invalid_roster: "名单有误：",
      invalid_suggestion: "意见有误：", rate_limited: "请求过于频繁，请稍后再试。",
      unavailable: "服务繁忙，正在重试。", internal_error: "系统出现问题，请稍后再试。",
      method_not_allowed: "不支持的操作。", unsupported_media_type: "不支持的文件类型。", network: "网络连接中断。"
    }
  },
  en: {
    title: "Citizen evaluation", signinTitle: "Sign in with face authentication",
    signinApp: "Open the evaluation from the iShandong app after face authentication.",
    demoNote: "Demo mode: pick a demo representative to sign in.", repLabel: "Representative id", signinButton: "Sign in",
    waitingTitle: "No evaluation is open", waitingText: "This page moves to the ballot by itself when voting opens.",
    closedText: "This session has closed. Thank you. The page moves on when the next one opens.",
    ballotHint: "Choose a rating for every department of this group.", surveyTitle: "Public-opinion survey (optional)",
    submit: "Submit ballot", missing: (names) => `${names.length} department(s) not rated yet: ${names.join(", ")}`, allScored: "All rated: you can submit.",
    addComment: "Add a comment (optional)", commentLabel: "Comment (up to 500 characters)",
    submitting: "Submitting…", retrying: (s) => `Network trouble: retrying in ${s} s (your ballot is never counted twice)`,
    doneTitle: "You have voted in this session", receiptLabel: "Receipt", checkReceipt: "Check receipt",
    counted: "Checked: your ballot is counted.", notFound: "No ballot has this receipt.",
    findLine: "In the ballot export published after the seal, your ballot is the line whose receiptHash is:",
    switchTo: "中文", switchLabel: "中文 · 切换到中文", switchLang: "zh-CN", langName: "en",
    codes: {
      malformed_request: "The request could not be read; reload the page.", payload_too_large: "Too much text.",
      unauthenticated: "Please sign in.", invalid_token: "Your sign-in has expired; authenticate again.",
      not_eligible: "You are not on the list of representatives for this session.", forbidden: "Not allowed.",
      embargoed: "Not visible before publication.", not_found: "Not found.", already_voted: "You have already voted in this session.",
      session_not_open: "This session is not open for voting now.", invalid_transition: "Not possible in the current state.",
      not_sealed: "Results are not sealed yet.", invalid_ballot: "The ballot has problems:", invalid_roster: "The roster has problems:",
      invalid_suggestion: "The suggestion has problems:", rate_limited: "Too many requests; try again shortly.",
      unavailable: "The service is busy; retrying.", internal_error: "Something went wrong; try again later.",
      method_not_allowed: "Not supported.", unsupported_media_type: "Unsupported file type.", network: "The connection dropped."
    }
  }
};
