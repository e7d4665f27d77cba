// The operations console: sign in with an admin token, then one view at a time by hash route
// (#/sessions, #/session/econ1-2024, #/roster …). Each view says which roles may use it and ties its timers,
// fetches and streams to the signal it is given, so leaving a view stops them. Parts of a view meant for one role
// carry data-role="operator auditor …" and are hidden from the others (the API refuses them anyway).
import { api, getToken, setToken } from "./lib/api.js";
import { h, showProblem } from "./lib/dom.js";
import { t } from "./lib/words.js";
import sessions from "./views/sessions.js";
import session from "./views/session.js";
import roster from "./views/roster.js";
import suggestions from "./views/suggestions.js";
import suggestion from "./views/suggestion.js";
import queue from "./views/queue.js";
import suggestionFigures from "./views/suggestion-figures.js";
import rosterDraw from "./views/roster-draw.js";
import reminders from "./views/reminders.js";
import survey from "./views/survey.js";
import audit from "./views/audit.js";
import rehearsal from "./views/rehearsal.js";
import report from "./views/report.js";

const VIEWS = [sessions, session, reminders, survey, audit, report, roster, rosterDraw, suggestions, queue, suggestion,
  suggestionFigures, rehearsal];
const $ = (id) => document.getElementById(id);
const state = { role: null, edition: null, current: null };

/** A role named in a view or a data-role list: "department" stands for every department:<code> role. */
export function allows(roles, role) {
  return roles.some((r) => r === role || (r === "department" && role.startsWith("department:")));
}

function applyRoles(root) {
  root.querySelectorAll("[data-role]").forEach((el) => { el.hidden = !allows(el.dataset.role.split(" "), state.role); });
}

function match(path) {
  const parts = path.split("/").filter(Boolean);
  for (const view of VIEWS) {
    const pattern = view.path.split("/").filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params = {};
    if (pattern.every((p, i) => (p.startsWith(":") ? (params[p.slice(1)] = decodeURIComponent(parts[i])) : p === parts[i]))) {
      return { view, params };
    }
  }
  return null;
}

function go(path) {
  if (location.hash === "#" + path) route(); else location.hash = path;
}

function route() {
  if (!state.role) return;
  if (state.current) state.current.abort();
  const controller = new AbortController();
  state.current = controller;
  const root = $("view");
  root.replaceChildren();
  const home = VIEWS.find((v) => v.nav && allows(v.roles, state.role)).path;
  const found = match(location.hash.replace(/^#/, "") || home) || match(home);
  if (!allows(found.view.roles, state.role)) {
    root.append(h("p", { class: "problem", role: "alert" }, t("notAllowed")));
    return;
  }
  found.view.mount(root, { api, params: found.params, signal: controller.signal, role: state.role,
    edition: state.edition, go, applyRoles });
  applyRoles(root);
}

function renderNav() {
  const nav = $("nav");
  nav.replaceChildren(...VIEWS.filter((v) => v.nav && allows(v.roles, state.role))
    .map((v) => h("a", { href: "#" + v.path }, t(v.nav))));
  nav.hidden = false;
}

async function signIn(event) {
  if (event) {
    event.preventDefault();
    setToken($("token").value.trim());
  }
  const who = await api("/api/v1/admin/whoami");
  if (who.status !== 200) {
    showProblem($("loginProblem"), who);
    setToken(null);
    return;
  }
  state.role = who.body.role;
  state.edition = await fetch("/api/v1/edition").then((r) => r.json());
  $("rehearsalBanner").hidden = !state.edition.id.endsWith("-rehearsal");
  const department = state.role.startsWith("department:") ? state.role.slice("department:".length) : null;
  const departmentName = department && (state.edition.groups.flatMap((g) => g.departments).find((d) => d.code === department) || {}).name;
  const roleName = department ? `${t("department_role")} ${department} ${departmentName || ""}` : t(state.role);
  $("who").textContent = `${roleName} · ${who.body.tokenId}`;
  $("login").hidden = true;
  $("app").hidden = false;
  renderNav();
  route();
}

window.addEventListener("hashchange", route);
$("loginForm").addEventListener("submit", signIn);
if (getToken()) signIn();
