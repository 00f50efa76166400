"use strict";
(() => {
  const { el, clear, connect } = showcall;
  const $ = (id) => document.getElementById(id);

  const render = (state) => {
    $("show").textContent = state.show + " · lineup";
    $("ready").textContent = state.ready + "/" + state.total;
    const body = clear($("looks"));
    // from the next look to walk; the looks that walked at the end
    const order = state.looks.filter((l) => !l.walked).concat(state.looks.filter((l) => l.walked));
    for (const look of order) {
      const row = el("tr", [look.walked ? "walked" : "", look.ready ? "ready" : "", look.number === state.next ? "next" : "",
          look.withoutModel ? "nomodel" : ""].filter(Boolean).join(" "));
      row.dataset.look = look.number;
      const number = el("td", "number", look.number);
      if (look.quickChange) number.appendChild(el("div", "quick", "⚡ quick change"));
      row.appendChild(number);
      const model = el("td", "model", look.model || "no model");
      if (look.replaces) model.appendChild(el("div", "replaces", "for " + look.replaces));
      if (look.noShow) model.appendChild(el("div", "noshow", "no-show"));
      else if (look.model && !look.arrived) model.appendChild(el("div", "notyet", "not here yet"));
      model.appendChild(el("div", "description", look.description));
      row.appendChild(model);
      row.appendChild(el("td", "dresser", look.dresser || ""));
      row.appendChild(el("td", "done", look.walked ? "walked" : look.done.join(", ")));
      row.appendChild(el("td", "missing", look.walked ? "" : look.ready ? "ready" : look.missing.join(", ")));
      body.appendChild(row);
    }
  };
  connect(render);

  // On a TV nobody scrolls: the list goes down by itself and starts again. A hand on a tablet stops it a while.
  const scroller = document.scrollingElement;
  let pausedUntil = 0;
  const pause = () => { pausedUntil = Date.now() + 30000; };
  ["touchstart", "wheel", "keydown", "mousedown"].forEach((e) => window.addEventListener(e, pause, { passive: true }));
  setInterval(() => {
    if (Date.now() < pausedUntil) return;
    if (scroller.scrollTop + window.innerHeight >= scroller.scrollHeight - 2) {
      pausedUntil = Date.now() + 5000;
      setTimeout(() => window.scrollTo(0, 0), 4000);
    } else {
      window.scrollBy(0, 1);
    }
  }, 40);
})();
