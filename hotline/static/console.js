/* The counselor console's live queue: server-sent queue snapshots, drawn into the table; a critical call rings. */
(function () {
  "use strict";
  var labels = JSON.parse(document.getElementById("labels").textContent);
  var words = labels.words || {};
  var seenCritical = {};
  var first = true;
  var lastRung = 0;
  var RING_AGAIN_MS = 15000;  /* a critical call still waiting rings again */

  function word(id) { return words[id] || id || ""; }
  function minutes(seconds) {
    var m = Math.floor(seconds / 60), s = seconds % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }
  function cell(row, text, cls) {
    var td = document.createElement("td");
    td.textContent = text;
    if (cls) { td.className = cls; }
    row.appendChild(td);
    return td;
  }
  function emptyRow(tbody, span, text) {
    var row = document.createElement("tr");
    cell(row, text).colSpan = span;
    tbody.appendChild(row);
  }

  function drawQueue(calls) {
    var tbody = document.querySelector("#queue tbody");
    tbody.textContent = "";
    if (!calls.length) { emptyRow(tbody, 7, labels.none); return; }
    calls.forEach(function (call) {
      var row = document.createElement("tr");
      var urgency = call.urgency || "untriaged";
      row.className = "urgency-" + urgency + (call.overdue ? " late" : "") + (call.mine ? "" : " not-mine");
      row.dataset.callSid = call.call_sid;
      cell(row, word(urgency), "urgency");
      cell(row, word(call.category));
      cell(row, word(call.language));
      cell(row, call.line);
      cell(row, minutes(call.waiting_seconds) + (call.overdue ? " · " + labels.late : ""), "waiting");
      cell(row, minutes(call.target_seconds));
      cell(row, call.mine ? labels.yes : labels.no);
      tbody.appendChild(row);
    });
  }

  function takeForm(sid) {
    var form = document.createElement("form");
    form.method = "post";
    form.action = "/training/calls/" + encodeURIComponent(sid) + "/take";
    form.className = "inline";
    var csrf = document.createElement("input");
    csrf.type = "hidden"; csrf.name = "csrf_token";
    csrf.value = document.getElementById("training").dataset.csrf;
    var button = document.createElement("button");
    button.type = "submit"; button.textContent = labels.take;
    form.appendChild(csrf); form.appendChild(button);
    return form;
  }

  function drawTraining(calls) {
    var tbody = document.querySelector("#training tbody");
    if (!calls.length) { return; }
    tbody.textContent = "";
    calls.forEach(function (call) {
      var row = document.createElement("tr");
      row.className = "urgency-" + (call.urgency || "untriaged");
      cell(row, call.scenario);
      cell(row, word(call.urgency || "untriaged"));
      cell(row, word(call.language));
      cell(row, call.line);
      cell(row, "").appendChild(takeForm(call.call_sid));
      tbody.appendChild(row);
    });
  }

  function alertCritical(calls) {
    var fresh = calls.filter(function (c) { return c.urgency === "critical" && !seenCritical[c.call_sid]; });
    var waiting = calls.some(function (c) { return c.urgency === "critical"; });
    calls.forEach(function (c) { if (c.urgency === "critical") { seenCritical[c.call_sid] = true; } });
    var banner = document.getElementById("alert");
    banner.hidden = !waiting;
    banner.textContent = waiting ? labels.critical_alert : "";
    document.body.classList.toggle("critical-waiting", waiting);
    var now = Date.now();
    if (fresh.length || (waiting && now - lastRung > RING_AGAIN_MS)) {
      lastRung = now;
      var sound = document.getElementById("alert-sound");
      sound.currentTime = 0;
      var played = sound.play();
      if (played && played.catch) { played.catch(function () { /* autoplay refused until the page is used */ }); }
    }
  }

  function announce(calls) {
    var critical = calls.filter(function (c) { return c.urgency === "critical"; }).length;
    var text = labels.waiting_calls + ": " + calls.length + (critical ? " (" + word("critical") + ": " + critical + ")" : "");
    var summary = document.getElementById("queue-summary");
    if (summary.textContent !== text) { summary.textContent = text; }  /* read out only when it changes */
  }

  function onQueue(event) {
    var snapshot = JSON.parse(event.data);
    var status = document.getElementById("live-status");
    status.textContent = snapshot.queue_available ? labels.live + " · " + new Date(snapshot.at * 1000).toLocaleTimeString()
                                                 : labels.queue_down;
    drawQueue(snapshot.calls);
    drawTraining(snapshot.training);
    alertCritical(snapshot.calls);
    announce(snapshot.calls);
    var presence = document.getElementById("presence-now");
    presence.textContent = word(snapshot.presence);
    presence.className = "presence presence-" + snapshot.presence;
    first = false;
  }

  var source = new EventSource("/console/events");
  source.addEventListener("queue", onQueue);
  source.addEventListener("signed-out", function () {
    source.close();
    document.getElementById("live-status").textContent = labels.signed_out;
  });
  source.onerror = function () {
    if (!first) { document.getElementById("live-status").textContent = labels.offline; }
  };
}());
