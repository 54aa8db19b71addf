// The shared worker of `wizard serve`'s live reload: one connection to
// /_wizard/events for all the open tabs of the site, whose pages talk to
// it through reload.js. It passes every event to every tab, and tells a
// tab that joins later what it missed: the site's version, and the
// problems of the last build if it failed.
"use strict";

var ports = [];
var hello = null;  // the latest version, as a hello event
var problems = null; // the last "error" event, until a good build

function send(port, msg) {
  try {
    port.postMessage(msg);
  } catch (e) {
    drop(port);
  }
}

function drop(port) {
  var i = ports.indexOf(port);
  if (i >= 0) {
    ports.splice(i, 1);
  }
}

function broadcast(msg) {
  ports.slice().forEach(function (port) { send(port, msg); });
}

var stream = new EventSource(new URL("events", self.location.href).href);
["hello", "reload", "css", "error"].forEach(function (name) {
  stream.addEventListener(name, function (e) {
    if (typeof e.data !== "string") {
      return; // the connection dropped; it reconnects by itself
    }
    var msg = { name: name, data: e.data };
    switch (name) {
    case "hello":
      hello = msg;
      problems = null; // a new stream sends the current problems next
      break;
    case "reload":
      hello = { name: "hello", data: e.data };
      problems = null;
      break;
    case "css":
      try {
        hello = { name: "hello", data: String(JSON.parse(e.data).version) };
      } catch (err) {
        hello = null;
      }
      problems = null;
      break;
    case "error":
      problems = msg;
      break;
    }
    broadcast(msg);
  });
});

self.onconnect = function (e) {
  var port = e.ports[0];
  port.onmessage = function (m) {
    if (m.data === "hello") {
      ports.push(port);
      if (hello) {
        send(port, hello);
      }
      if (problems) {
        send(port, problems);
      }
    } else if (m.data === "bye") {
      drop(port);
    }
  };
  port.start();
};
