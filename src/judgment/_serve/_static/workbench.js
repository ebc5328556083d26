// The workbench page's script: post each edit as JSON with the page's token, and put the returned
// fragments in place. Served as a file of its own (the content security policy allows no inline script).
// The fragments are HTML the server escaped; nothing typed here is inserted as HTML.
"use strict";
(function () {
  const token = document.querySelector('meta[name="workbench-token"]').content;
  const status = document.getElementById("status");
  const forms = document.getElementById("evidence");

  function valueOf(control) {
    const raw = control.value;
    if (raw === "") return null;
    switch (control.dataset.type) {
      case "number": { const n = Number(raw); return Number.isFinite(n) ? n : raw; }
      case "bool": return raw === "true";
      default: return raw;
    }
  }

  function clearErrors() {
    for (const slot of document.querySelectorAll(".field-error")) slot.textContent = "";
    forms.querySelectorAll(".invalid").forEach((c) => c.classList.remove("invalid"));
  }

  function showError(error, control) {
    let slot = null;
    for (const candidate of document.querySelectorAll(".field-error")) {
      if (candidate.dataset.record === error.record && candidate.dataset.path === error.path) slot = candidate;
    }
    // The message arrives escaped for HTML: decode it into text, never into markup.
    const text = new DOMParser().parseFromString(error.message, "text/html").documentElement.textContent;
    if (slot) slot.textContent = text; else status.textContent = text;
    if (control) control.classList.add("invalid");
  }

  async function send(route, body, control, replaceForms) {
    status.textContent = "judging\u2026";
    const answer = await fetch(route, {
      method: "POST", credentials: "same-origin",
      headers: { "content-type": "application/json", "x-workbench-token": token },
      body: JSON.stringify(body || {}),
    });
    const data = await answer.json();
    clearErrors();
    if (!answer.ok) { status.textContent = "not judged: see the message"; showError(data.error, control); return; }
    for (const [name, html] of Object.entries(data.fragments)) {
      document.getElementById(name).innerHTML = html;
    }
    if (replaceForms) forms.innerHTML = "<h2>Evidence</h2>" + data.forms;
    status.textContent = "judged";
    latest = data.version;
    analyse();
  }

  // The what-if with its reasons and the counterfactuals take longer than an edit: fetched after it,
  // and dropped when another edit has been judged since.
  let latest = Number(document.getElementById("counterfactuals").dataset.version);
  async function analyse() {
    const answer = await fetch("/analysis", { credentials: "same-origin" });
    const data = await answer.json();
    if (!answer.ok || data.version !== latest) return;
    if (data.changes) document.getElementById("changes").innerHTML = data.changes;
    document.getElementById("counterfactuals").innerHTML = data.counterfactuals;
  }

  forms.addEventListener("change", (event) => {
    const control = event.target;
    if (!control.dataset || !control.dataset.path) return;
    send("/edit", { op: "set", record: control.dataset.record, path: control.dataset.path, value: valueOf(control) },
         control, false);
  });
  forms.addEventListener("submit", (event) => event.preventDefault());
  forms.addEventListener("click", (event) => {
    const button = event.target;
    if (button.classList && button.classList.contains("drop")) {
      send("/edit", { op: "drop", record: button.dataset.record }, null, true);
    }
  });
  document.getElementById("add-record").addEventListener("submit", (event) => {
    event.preventDefault();
    let data;
    try { data = JSON.parse(document.getElementById("new-record").value); }
    catch (error) { status.textContent = "not judged: the record is not valid JSON"; return; }
    send("/edit", { op: "add", data: data }, null, true);
  });
  document.getElementById("undo").addEventListener("click", () => send("/undo", {}, null, true));
  document.getElementById("reset").addEventListener("click", () => send("/reset", {}, null, true));
  analyse();
})();
