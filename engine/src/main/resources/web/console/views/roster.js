// Operators import the roster CSV (all or nothing); every bad line is listed.
import { h } from "../lib/dom.js";
import { t } from "../lib/words.js";

export default {
  path: "/roster",
  nav: "roster",
  roles: ["operator"],
  mount(root, ctx) {
    const file = h("input", { id: "rosterFile", type: "file", accept: ".csv,text/csv", "aria-label": "Roster CSV" });
    const result = h("div", { id: "rosterResult" });
    root.append(h("h2", {}, t("rosterImport")), file,
      h("button", { id: "importRoster", class: "secondary", type: "button", onclick: importRoster }, t("importButton")), result);

    async function importRoster() {
      const chosen = file.files[0];
      if (!chosen) return;
      const reply = await ctx.api("/api/v1/admin/roster", { method: "POST", headers: { "Content-Type": "text/csv" }, body: chosen });
      if (reply.status === 200) {
        result.replaceChildren(`导入 ${reply.body.imported}，更新 ${reply.body.updated} · imported ${reply.body.imported}, updated ${reply.body.updated}`);
        return;
      }
      result.replaceChildren(h("p", { class: "problem" }, reply.body.detail || `HTTP ${reply.status}`),
        h("ul", {}, (reply.body.errors || []).map((e) => h("li", {}, `${e.field}: ${e.message}`))));
    }
  },
};
