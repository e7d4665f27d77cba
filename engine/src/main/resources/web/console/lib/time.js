// Times for people: a clock time in the browser's zone, and a countdown to a moment ("01:02:03", days when long).
export function clock(iso) {
  return new Date(iso).toLocaleString("zh-CN", { hour12: false, month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
}

export function countdown(iso, now = Date.now()) {
  let left = Math.max(0, Math.round((Date.parse(iso) - now) / 1000));
  const days = Math.floor(left / 86400);
  left %= 86400;
  const pad = (n) => String(n).padStart(2, "0");
  const hms = `${pad(Math.floor(left / 3600))}:${pad(Math.floor((left % 3600) / 60))}:${pad(left % 60)}`;
  return days > 0 ? `${days}d ${hms}` : hms;
}

/** What a session waits for next: {key, at} ("opensIn"/"closesIn", or "opensAtPassed"/"closesAtPassed" once the time is gone), or null. */
export function nextMoment(session, now = Date.now()) {
  const at = session.state === "scheduled" ? session.opensAt : session.state === "open" ? session.closesAt : null;
  if (!at) return null;
  const word = session.state === "scheduled" ? "opens" : "closes";
  return { key: Date.parse(at) > now ? `${word}In` : `${word}AtPassed`, at };
}

/** The countdown's text for a session: "距结束 closes in 00:12:03", or that its time has passed. */
export function momentText(t, session) {
  const next = nextMoment(session);
  if (!next) return "";
  return next.key.endsWith("Passed") ? t(next.key) : `${t(next.key)} ${countdown(next.at)}`;
}

/** Calls fn every second until the signal aborts. */
export function everySecond(signal, fn) {
  fn();
  const timer = setInterval(fn, 1000);
  signal.addEventListener("abort", () => clearInterval(timer));
}
