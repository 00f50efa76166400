"use strict";
(() => {
  const { el, clear, timeIn, clockIn, span, connect } = showcall;
  const $ = (id) => document.getElementById(id);
  let state = null, time = null, clock = null;

  const lookLine = (look) => look ? look.number + " · " + look.model + " · " + look.description : "—";

  const render = () => {
    $("show").textContent = state.show;
    $("out").textContent = lookLine(state.looks.out);
    $("next").textContent = lookLine(state.looks.next);
    const next = state.looks.next;
    $("next-missing").textContent = next ? (next.ready ? "ready" : "missing: " + next.missing.join(", ")) : "";
    $("next-missing").className = "missing" + (next && !next.ready ? " warn" : "");
    $("ready").textContent = state.looks.ready + "/" + state.looks.total;
    $("arrived").textContent = state.models.arrived + "/" + state.models.expected;
    $("late").textContent = state.models.late.length ? "late: " + state.models.late.join(", ") : "";
    $("noshows").textContent = state.models.noShows.length ? "no-show: " + state.models.noShows.join(", ") : "";
    const crew = clear($("crew"));
    for (const d of state.crew) {
      const row = el("li", d.confirmed < d.total ? "short" : "full");
      row.appendChild(el("span", "name", d.name));
      row.appendChild(el("span", "count", d.confirmed + "/" + d.total));
      crew.appendChild(row);
    }
    $("milestone").textContent = state.nextMilestone
        ? state.nextMilestone.name + " " + time.format(new Date(state.nextMilestone.at)) : "—";
    const log = clear($("log"));
    for (const line of state.log.slice().reverse().slice(0, 8)) {
      const row = el("li");
      row.appendChild(el("span", "at", time.format(new Date(line.at))));
      row.appendChild(el("span", "text", line.text + (line.by ? " — " + line.by : "")));
      log.appendChild(row);
    }
    $("start").textContent = time.format(new Date(state.start))
        + (state.delayMinutes ? " (" + (state.delayMinutes > 0 ? "+" : "") + state.delayMinutes + " min)" : "");
  };

  const stream = connect((s) => {
    if (!state || state.zone !== s.zone) { time = timeIn(s.zone); clock = clockIn(s.zone); }
    state = s;
    render();
    tick();
  });

  const tick = () => {
    if (!state) return;
    const now = stream.now();
    $("clock").textContent = clock.format(new Date(now));
    const left = state.start - now;
    $("start-label").textContent = left >= 0 ? "Show starts in" : "Show started";
    $("countdown").textContent = (left >= 0 ? "" : "+") + span(left);
  };
  setInterval(tick, 250);
})();
