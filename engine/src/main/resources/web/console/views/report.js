// The edition report for auditors the morning after: every session's state, and the report as a workbook (xlsx) or a
// printable page (html). Until every session is published only an auditor may have it (the engine refuses everyone
// else with 403 embargoed); once all are, anyone may, and the printable page opens in a tab of its own.
import { download } from "../lib/api.js";
import { h, showProblem } from "../lib/dom.js";
import { t } from "../lib/words.js";

export default {
  path: "/report",
  nav: "report",
  roles: ["auditor", "operator"],
  mount(root, ctx) {
    const body = h("tbody");
    const status = h("p", { id: "reportStatus", class: "big" });
    const problem = h("p", { id: "reportProblem", class: "problem", role: "alert", hidden: true });
    const xlsx = h("button", { id: "reportXlsx", class: "primary", type: "button", onclick: () => save("xlsx") }, t("downloadXlsx"));
    const html = h("button", { id: "reportHtml", class: "secondary", type: "button", onclick: () => save("html") }, t("downloadHtml"));
    const open = h("a", { id: "reportOpen", href: "/api/v1/admin/report.html", target: "_blank", rel: "noopener", hidden: true }, t("openPrintable"));
    root.append(h("h2", {}, t("report")), h("p", { class: "hint" }, t("reportIntro")), status,
      h("div", { class: "inline" }, xlsx, html, open), problem,
      h("table", { id: "reportSessions", class: "grid" },
        h("thead", {}, h("tr", {}, [t("session"), t("group"), t("state")].map((c) => h("th", { scope: "col" }, c)))), body));

    async function load() {
      const list = await fetch("/api/v1/sessions", { signal: ctx.signal }).then((r) => r.json());
      body.replaceChildren(...list.map((s) => h("tr", { "data-session": s.id },
        h("td", {}, s.id), h("td", {}, s.group.name), h("td", { class: "state-" + s.state, "data-state": s.state }, s.state))));
      const published = list.every((s) => s.state === "published");
      status.textContent = t(published ? "reportPublic" : "reportEmbargoed");
      xlsx.disabled = html.disabled = !(published || ctx.role === "auditor");
      open.hidden = !published;
    }

    async function save(kind) {
      const reply = await download(`/api/v1/admin/report.${kind}`, `${ctx.edition.id}-report.${kind}`);
      showProblem(problem, reply.status === 200 ? null : reply);
    }

    load().catch(() => {});
  },
};
