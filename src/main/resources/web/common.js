// showcall's pages: one stream of Server-Sent Events per page, fed by the server whenever the show changes.
"use strict";

const showcall = (() => {
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  };

  const clear = (node) => { while (node.firstChild) node.removeChild(node.firstChild); return node; };

  const timeIn = (zone) => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: zone });
  const clockIn = (zone) => new Intl.DateTimeFormat("en-GB",
      { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: zone });

  /** "1:05:09" for a duration in milliseconds. */
  const span = (ms) => {
    const s = Math.floor(Math.abs(ms) / 1000);
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    const two = (n) => String(n).padStart(2, "0");
    return (h > 0 ? h + ":" + two(m) : String(m)) + ":" + two(sec);
  };

  /**
   * Opens the page's stream. onState gets each state; the status line says whether the page is live, and if not,
   * how old what it shows is. EventSource reconnects by itself and sends Last-Event-ID.
   */
  const connect = (onState) => {
    const status = document.getElementById("status");
    let last = 0, live = false, standby = false, gone = false, offset = 0;
    const show = () => {
      if (!status) return;
      const age = last ? Math.round((Date.now() - last) / 1000) : null;
      status.className = "status " + (gone ? "gone" : standby ? "standby" : live ? "live" : "down");
      status.textContent = gone ? "this link no longer works: ask a producer for the new one (/screen on Discord)"
          : standby ? "standing by: this showcall is the spare; the active one takes over"
          : live ? "● live" : "reconnecting…" + (age !== null ? " showing what was true " + age + " s ago" : "");
    };
    const open = () => {
      const source = new EventSource(location.pathname + "/events");
      source.addEventListener("open", () => { live = true; show(); });
      source.addEventListener("error", () => {
        live = false;
        show();
        // the browser gives up on an answer other than a stream (a 404, a proxy's 502): is the link still good?
        if (source.readyState === EventSource.CLOSED) setTimeout(check, 3000);
      });
      source.addEventListener("tick", () => { last = Date.now(); live = true; show(); });
      source.addEventListener("standby", () => { standby = true; last = Date.now(); show(); });
      source.addEventListener("state", (e) => {
        const state = JSON.parse(e.data);
        last = Date.now(); live = true; standby = false;
        offset = state.now - Date.now();
        document.body.dataset.version = e.lastEventId;
        onState(state);
        show();
      });
    };
    const check = () => fetch(location.pathname, { cache: "no-store" })
        .then((r) => { if (r.status === 404) { gone = true; show(); } else open(); })
        .catch(() => setTimeout(check, 3000));
    open();
    // a connection that stops hearing ticks is as good as down, whatever the browser thinks
    setInterval(() => { if (last && Date.now() - last > 12000) live = false; show(); }, 1000);
    show();
    return { now: () => Date.now() + offset };
  };

  return { el, clear, timeIn, clockIn, span, connect };
})();
