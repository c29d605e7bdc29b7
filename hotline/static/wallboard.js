/* The supervisor's wallboard: server-sent snapshots redrawn in place; a new critical call rings. */
(function () {
  "use strict";
  var labels = JSON.parse(document.getElementById("labels").textContent);
  var words = labels.words || {};
  var seen = null;

  function word(id) { return words[id] || id || ""; }
  function row(cells, cls) {
    var tr = document.createElement("tr");
    if (cls) { tr.className = cls; }
    cells.forEach(function (content) {
      var td = document.createElement("td");
      if (content instanceof Node) { td.appendChild(content); } else { td.textContent = content; }
      tr.appendChild(td);
    });
    return tr;
  }
  function fill(id, rows) {
    var tbody = document.querySelector("#" + id + " tbody");
    tbody.textContent = "";
    rows.forEach(function (r) { tbody.appendChild(r); });
  }
  function share(value) { return value === null || value === undefined ? "–" : Math.round(value * 100) + " %"; }
  function link(sid) {
    var a = document.createElement("a");
    a.href = "/console/calls/" + encodeURIComponent(sid);
    a.textContent = sid.slice(-6);
    return a;
  }

  function draw(board) {
    fill("by-urgency", board.by_urgency.map(function (u) {
      return row([word(u.urgency), u.waiting, u.longest_seconds + " s", u.target_seconds + " s", u.late],
                 "urgency-" + u.urgency + (u.late ? " late" : ""));
    }));
    document.querySelectorAll("#today [data-key]").forEach(function (el) {
      var value = board.today[el.dataset.key];
      el.textContent = el.dataset.share ? share(value) : value;
    });
    fill("floor", board.counselors.map(function (c) {
      return row([c.username, word(c.presence), c.for_seconds === null ? "" : c.for_seconds + " s"], "presence-" + c.presence);
    }));
    fill("critical", board.critical.map(function (c) {
      var refs = c.referrals.map(function (r) { return word(r.partner_type) + ": " + word(r.status); }).join(", ");
      return row([link(c.call_sid), c.line, word(c.status), refs], "status-" + c.status);
    }));
    fill("recent", board.recent.map(function (c) {
      return row([link(c.call_sid), c.line, word(c.language), word(c.urgency || "untriaged"), word(c.category),
                  word(c.status)], "urgency-" + (c.urgency || "untriaged"));
    }));
  }

  function alertCritical(board) {
    var critical = board.by_urgency.filter(function (u) { return u.urgency === "critical"; })[0];
    var waiting = critical && critical.waiting > 0;
    var banner = document.getElementById("alert");
    banner.hidden = !waiting;
    banner.textContent = waiting ? labels.critical_alert : "";
    if (waiting && seen !== null && critical.waiting > seen) {
      var played = document.getElementById("alert-sound").play();
      if (played && played.catch) { played.catch(function () {}); }
    }
    seen = critical ? critical.waiting : 0;
  }

  var source = new EventSource("/wallboard/events");
  source.addEventListener("wallboard", function (event) {
    var board = JSON.parse(event.data);
    document.getElementById("live-status").textContent = board.queue_available
      ? labels.live + " · " + new Date(board.at * 1000).toLocaleTimeString() : labels.queue_down;
    draw(board);
    alertCritical(board);
  });
  source.addEventListener("signed-out", function () {
    source.close();
    document.getElementById("live-status").textContent = labels.signed_out;
  });
  source.onerror = function () { document.getElementById("live-status").textContent = labels.offline; };
}());
