"use strict";
(() => {
  const { el, clear, timeIn, connect } = showcall;
  const $ = (id) => document.getElementById(id);
  let time = null;

  const pick = (name) => { $("model").value = name; $("model").focus(); };

  const render = (state) => {
    time = time || timeIn(state.zone);
    $("show").textContent = state.show + " · door";
    $("acting").textContent = "Marks are made in the name of " + state.actingFor;
    const names = clear($("names"));
    const expected = clear($("expected")), here = clear($("here"));
    const models = state.models.slice().sort((a, b) => (a.call || 0) - (b.call || 0));
    for (const m of models) {
      names.appendChild(el("option", null, m.name)).value = m.name;
      const row = el("li", m.noShow ? "noshow" : m.late ? "late" : "");
      const button = el("button", "model", m.name);
      button.type = "button";
      button.addEventListener("click", () => pick(m.name));
      row.appendChild(button);
      row.appendChild(el("span", "call", m.call ? "call " + time.format(new Date(m.call)) : ""));
      if (m.noShow) row.appendChild(el("span", "flag", "no-show"));
      else if (m.late) row.appendChild(el("span", "flag", "late"));
      (m.arrived ? here : expected).appendChild(row);
    }
  };
  connect(render);

  const send = async (action) => {
    const model = $("model").value.trim();
    const answer = $("answer");
    clear($("suggestions"));
    if (!model) { answer.textContent = "Type or pick a model first."; answer.className = "answer warn"; return; }
    answer.textContent = "…"; answer.className = "answer";
    try {
      const response = await fetch(location.pathname + "/mark", {
        method: "POST", headers: { "Content-Type": "application/json" }, credentials: "same-origin",
        body: JSON.stringify({ model, action }),
      });
      if (!response.ok) {
        answer.textContent = await response.text(); answer.className = "answer warn"; return;
      }
      const result = await response.json();
      answer.textContent = result.text;
      answer.className = "answer " + (result.done ? "done" : "warn");
      for (const s of result.suggestions || []) {
        const b = el("button", "suggestion", s);
        b.type = "button";
        b.addEventListener("click", () => pick(s));
        $("suggestions").appendChild(b);
      }
      if (result.done) $("model").value = "";
    } catch (e) {
      answer.textContent = "showcall cannot be reached; the mark was not made. Try again."; answer.className = "answer warn";
    }
  };
  $("arrived").addEventListener("click", () => send("arrived"));
  $("undo").addEventListener("click", () => send("undo"));
  $("noshow").addEventListener("click", () => send("noshow"));
})();
