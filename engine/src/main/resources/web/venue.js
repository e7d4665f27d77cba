// Venue mode of the phone page (社区会场): a shared tablet in a community hall where representatives vote one after
// another. The tablet opens /?venue=<code> (or #venue=<code>); in production the government app on it adds
// #idToken=<ID token> for each person after face authentication, in demo mode the page's demo sign-in stands in.
// Nothing of a person stays on the tablet: app.js keeps the access token, the Idempotency-Key and the receipt in
// memory only (never localStorage, sessionStorage, cookies, the address or history), and once the receipt has been
// shown for a while, or on "完成，下一位", wipes them and shows the start screen. A signed-in screen left alone asks
// "still there?" and then wipes too. This file holds the venue's start screen and timers; app.js calls in through
// window.PingyiVenue (null on a phone).
(() => {
  const $ = (id) => document.getElementById(id);
  const code = new URLSearchParams(location.search).get("venue") || new URLSearchParams(location.hash.slice(1)).get("venue");
  if (!code) { window.PingyiVenue = null; return; }

  /** The receipt stays this long unless the person taps "done"; "more time" starts it again. */
  const RECEIPT_SECONDS = 90;
  /** A signed-in screen untouched this long asks "still there?" … */
  const IDLE_SECONDS = 120;
  /** … and is wiped this long after the question, unless the person answers it. */
  const WARN_SECONDS = 30;

  let app = null;       // { t, codeText, show, wipe, message, busy, current } from app.js
  let known = false;    // the venue is one of the edition's
  let phase = null;     // "idle" | "warn" | "receipt" | null
  let deadline = 0;
  let timer = null;
  let resumeTo = "ballot";

  /** Storage-shaped, living as long as the page; app.js empties it after each person. */
  function memory() {
    const items = new Map();
    return {
      getItem: (key) => (items.has(key) ? items.get(key) : null),
      setItem: (key, value) => { items.set(key, String(value)); },
      removeItem: (key) => { items.delete(key); },
      clear: () => { items.clear(); },
    };
  }

  const secondsLeft = () => Math.max(0, Math.ceil((deadline - Date.now()) / 1000));

  function arm(next, seconds) {
    phase = next;
    deadline = Date.now() + seconds * 1000;
    if (!timer) timer = setInterval(tick, 1000);
    render();
  }

  function disarm() {
    phase = null;
    clearInterval(timer);
    timer = null;
  }

  function render() {
    if (phase === "receipt") $("venueCountdown").textContent = app.t("venueCountdown", secondsLeft());
    if (phase === "warn") $("idleText").textContent = app.t("idleText", secondsLeft());
  }

  function tick() {
    if (secondsLeft() > 0) { render(); return; }
    if (phase !== "idle") { app.wipe(); return; }
    if (app.busy()) { arm("idle", IDLE_SECONDS); return; }  // a submit under way (retrying) keeps its person
    resumeTo = app.current();
    app.show("idle");
  }

  /** Whatever the person touches or types puts the "still there?" question off. */
  function activity() {
    if (phase === "idle") deadline = Date.now() + IDLE_SECONDS * 1000;
  }

  /** app.js shows a section: the venue's timer follows, and the focus moves to its heading for the next reader. */
  function shown(section) {
    if (!known || section === "signin") disarm();
    else if (section === "done") arm("receipt", RECEIPT_SECONDS);
    else if (section === "idle") arm("warn", WARN_SECONDS);
    else arm("idle", IDLE_SECONDS);
    const heading = $(section).querySelector("h2");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }

  /**
   * Shows the venue's start screen parts and names the venue; false (after saying so) when the edition does not
   * declare this venue, and the tablet then offers no sign-in at all.
   */
  async function begin(hooks) {
    app = hooks;
    document.documentElement.classList.add("venue");
    document.querySelectorAll(".venue-only").forEach((el) => { el.hidden = false; });
    $("rep").defaultValue = "";  // the phone's demo default (R000001) is nobody's on a shared tablet
    ["pointerdown", "keydown", "input", "scroll"].forEach((type) =>
      document.addEventListener(type, activity, { capture: true, passive: true }));
    ["venueDone", "waitingHome", "messageHome", "idleLeave"].forEach((id) => $(id).addEventListener("click", () => app.wipe()));
    $("venueLeave").addEventListener("click", () => { if (!app.busy()) app.wipe(); });
    $("venueMore").addEventListener("click", () => arm("receipt", RECEIPT_SECONDS));
    $("idleStay").addEventListener("click", () => app.show(resumeTo));
    // A page the browser keeps for its back button (back-forward cache) keeps nobody's traces either.
    window.addEventListener("pagehide", () => { if (known) app.wipe(); });
    const edition = await fetch("/api/v1/edition").then((r) => r.json()).catch(() => null);
    if (!edition) {
      $("messageHome").hidden = true;
      app.message(app.codeText("network"));
      setTimeout(() => location.reload(), 10000);  // nobody signed in yet: nothing to lose
      return false;
    }
    const venue = (edition.venues || []).find((v) => v.code === code);
    if (!venue) {
      $("messageHome").hidden = true;
      app.message(app.t("unknownVenue", code));
      $("lang").addEventListener("click", () => { $("messageText").textContent = app.t("unknownVenue", code); });
      return false;
    }
    known = true;
    $("venueName").textContent = venue.name;
    return true;
  }

  window.PingyiVenue = {
    code,
    /** Where the tablet stays between people: the venue and nothing else. */
    home: location.pathname + "?venue=" + encodeURIComponent(code),
    /** On the ballot POST, so the engine counts the ballot for this venue (never on the ballot itself). */
    headers: { "Pingyi-Venue": code },
    memory,
    begin,
    shown,
  };
})();
