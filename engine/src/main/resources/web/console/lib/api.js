// The console's one way to the API: it holds the admin token (for this tab only) and answers {status, body}.
const KEY = "pingyi.admin";
let token = sessionStorage.getItem(KEY);

export function setToken(value) {
  token = value;
  if (value) sessionStorage.setItem(KEY, value); else sessionStorage.removeItem(KEY);
}

export function getToken() {
  return token;
}

export function authHeaders(extra = {}) {
  return Object.assign({ Authorization: "Bearer " + token }, extra);
}

/** fetch with the admin token; the body parsed as JSON when it is JSON. A dropped connection is status 0. */
export async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(path, Object.assign({}, options, { headers: authHeaders(options.headers) }));
  } catch (e) {
    if (e.name === "AbortError") throw e;
    return { status: 0, body: { code: "network", detail: String(e) } };
  }
  const text = await response.text();
  let body = text;
  try { body = JSON.parse(text); } catch (e) { /* not JSON */ }
  return { status: response.status, body };
}

/** Saves what the path answers as a file; answers the problem when it is not a 200. */
export async function download(path, filename) {
  const response = await fetch(path, { headers: authHeaders() });
  if (response.status !== 200) {
    let body = null;
    try { body = await response.json(); } catch (e) { /* not JSON */ }
    return { status: response.status, body };
  }
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
  return { status: 200, body: null };
}
