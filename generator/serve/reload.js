// Live reload for `wizard serve`. Served pages load this script as
// /_wizard/reload.js#VERSION, VERSION being the build the page comes
// from. The events of /_wizard/events (Server-Sent Events) come through
// one shared worker for all the tabs of the site (/_wizard/worker.js),
// so that many open tabs hold one connection, not one each (browsers
// allow six per server); without SharedWorker, each tab connects itself.
//   hello   the site's version when the stream starts: a page that is
//           older updates, as for reload;
//   reload  the site changed: fetch the page anew and put its body in
//           place, keeping the scroll position (a full reload, which
//           keeps it too, when more than the body and title changed, or
//           the page has scripts of its own); when the page moved (a
//           new slug: the server redirects its old address), the same
//           at its new address; go to the nearest existing ancestor
//           when the page is gone;
//   css     only stylesheets changed: swap them, no reload;
//   error   the last build failed: show its problems over the page.
// Pages built by `wizard build` never load it.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.EventSource) {
    return;
  }
  var src = new URL(script.src, location.href);
  var version = src.hash.length > 1 ? Number(src.hash.slice(1)) : NaN;
  var scrollKey = "wizard-scroll:" + location.pathname;

  // Put the page back where it was before the reload.
  var saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(scrollKey) || "null");
    sessionStorage.removeItem(scrollKey);
  } catch (e) {
    saved = null;
  }
  if (saved && saved.length === 2) {
    var restore = function () { window.scrollTo(saved[0], saved[1]); };
    restore();
    window.addEventListener("load", restore);
  }

  // problems are the lines of the last failed build, null after a good
  // one: the overlay shows them, also over a body swapped in later.
  var problems = null;

  // handle acts on one event of the stream.
  function handle(name, data) {
    switch (name) {
    case "hello":
    case "reload":
      // A failed build, if any, is told next ("error").
      problems = null;
      // The page hears the server from now on; tests wait for this.
      document.documentElement.setAttribute("data-wizard-live", "");
      if (Number(data) !== version) {
        update();
      } else {
        hideOverlay();
      }
      break;
    case "css":
      problems = null;
      onCSS(data);
      break;
    case "error":
      try {
        problems = JSON.parse(data);
      } catch (err) {
        problems = [data];
      }
      showOverlay(problems);
      break;
    }
  }

  function connect() {
    if (window.SharedWorker) {
      try {
        var worker = new SharedWorker(new URL("worker.js", src).href, { name: "wizard-live-reload" });
        worker.port.onmessage = function (e) { handle(e.data.name, e.data.data); };
        worker.port.start();
        worker.port.postMessage("hello");
        window.addEventListener("pagehide", function () { worker.port.postMessage("bye"); });
        return;
      } catch (e) {
        // no worker here (a sandboxed page): connect alone
      }
    }
    var stream = new EventSource(new URL("events", src).href);
    ["hello", "reload", "css", "error"].forEach(function (name) {
      stream.addEventListener(name, function (e) {
        // "error" is also the EventSource's own event when the
        // connection drops; only the server's carries data.
        if (typeof e.data === "string") {
          handle(name, e.data);
        }
      });
    });
  }

  function onCSS(json) {
    var data;
    try {
      data = JSON.parse(json);
    } catch (err) {
      reload();
      return;
    }
    if (data.version === version) {
      return;
    }
    hideOverlay();
    if (swapStylesheets(data.swaps || [])) {
      version = data.version;
    } else {
      reload();
    }
  }

  // headKey is a page's head without its title: when it is the same in
  // the new page, swapping the body and title is the whole change.
  function headKey(doc) {
    var head = doc.head.cloneNode(true);
    Array.prototype.forEach.call(head.querySelectorAll("title"), function (t) { t.remove(); });
    return head.innerHTML.trim();
  }
  var head = headKey(document);

  // ownScripts reports whether a page has scripts besides this one,
  // which a body swap would not run.
  function ownScripts(doc) {
    return Array.prototype.some.call(doc.scripts, function (s) {
      return !s.src || new URL(s.src, location.href).pathname !== src.pathname;
    });
  }

  // update brings the page to the site's latest build. Updates run one
  // at a time; events that come meanwhile make one more run.
  var updating = false;
  var again = false;
  function update() {
    if (updating) {
      again = true;
      return;
    }
    updating = true;
    var finish = function () {
      updating = false;
      if (again) {
        again = false;
        update();
      }
    };
    var moved = null; // the page's new address, when it moved
    fetch(location.pathname + location.search, { cache: "no-store" }).then(function (r) {
      if (r.status === 404) {
        goToAncestor(location.pathname);
        return null;
      }
      if (r.redirected) {
        // The fragment stays, as a reload keeps it.
        var to = new URL(r.url);
        to.hash = location.hash;
        moved = to.href;
      }
      return r.ok ? r.text() : Promise.reject(new Error(String(r.status)));
    }).then(function (html) {
      if (html === null) {
        return;
      }
      var doc = new DOMParser().parseFromString(html, "text/html");
      if (headKey(doc) !== head || ownScripts(doc) || ownScripts(document)) {
        if (moved) {
          // Put the new page where this one was, as reload does.
          try {
            sessionStorage.setItem("wizard-scroll:" + new URL(moved).pathname, JSON.stringify([window.scrollX, window.scrollY]));
          } catch (e) {
            // no storage: load it at the top
          }
          location.replace(moved);
        } else {
          reload();
        }
        return;
      }
      if (moved) {
        // The same head: its relative links hold at the new address too.
        history.replaceState(null, "", moved);
        scrollKey = "wizard-scroll:" + location.pathname;
      }
      var x = window.scrollX;
      var y = window.scrollY;
      document.title = doc.title;
      document.body.replaceWith(doc.body);
      window.scrollTo(x, y);
      if (problems) {
        showOverlay(problems);
      }
      var own = document.querySelector('script[src*="/_wizard/"]');
      var m = own ? /#(\d+)$/.exec(own.getAttribute("src")) : null;
      version = m ? Number(m[1]) : NaN;
      finish();
    }).catch(function () {
      reload();
    });
  }

  // reload reloads the page, which puts it back at the same place.
  function reload() {
    try {
      sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
    } catch (e) {
      // no storage: reload at the top
    }
    exists(location.pathname).then(function (ok) {
      if (ok) {
        location.reload();
      } else {
        goToAncestor(location.pathname);
      }
    });
  }

  // exists asks the server whether a path still serves a page.
  function exists(path) {
    return fetch(path, { method: "HEAD", cache: "no-store" }).then(
      function (r) { return r.status !== 404; },
      function () { return true; }
    );
  }

  // parent is the folder above a page: /a/b/index.html and /a/b/ give /a/.
  function parent(path) {
    var p = path.replace(/index\.html$/, "").replace(/\/+$/, "");
    return p.slice(0, p.lastIndexOf("/") + 1) || "/";
  }

  function goToAncestor(path) {
    try {
      sessionStorage.removeItem(scrollKey);
    } catch (e) {
      // nothing saved
    }
    var up = parent(path);
    if (up === "/") {
      location.replace("/");
      return;
    }
    exists(up).then(function (ok) {
      if (ok) {
        location.replace(up);
      } else {
        goToAncestor(up);
      }
    });
  }

  // swapStylesheets puts each new stylesheet beside its old one and
  // removes the old one once the new one has loaded, so the page never
  // shows unstyled. It reports whether any link was swapped.
  function swapStylesheets(swaps) {
    var swapped = false;
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    Array.prototype.forEach.call(links, function (link) {
      var path = new URL(link.href, location.href).pathname;
      swaps.forEach(function (s) {
        if (path !== "/" + s.old) {
          return;
        }
        var fresh = link.cloneNode(false);
        if (s.old === s.new) {
          var href = new URL("/" + s.new, location.href);
          href.searchParams.set("v", String(Date.now()));
          fresh.href = href.href;
        } else {
          // Written as the new pages write it, so that the head still
          // matches theirs and the next change can swap the body.
          fresh.setAttribute("href", link.getAttribute("href").replace(base(s.old), base(s.new)));
        }
        var done = function () {
          link.remove();
          head = headKey(document);
        };
        fresh.addEventListener("load", done);
        fresh.addEventListener("error", done);
        link.after(fresh);
        swapped = true;
      });
    });
    return swapped;
  }

  function base(path) {
    return path.slice(path.lastIndexOf("/") + 1);
  }

  var overlayID = "wizard-build-problems";

  function hideOverlay() {
    var old = document.getElementById(overlayID);
    if (old) {
      old.remove();
    }
  }

  // showOverlay lists the problems over the page. It is built with DOM
  // methods and textContent only: problem messages quote the writer's
  // files and must never be read as HTML.
  function showOverlay(lines) {
    hideOverlay();
    var box = document.createElement("div");
    box.id = overlayID;
    box.setAttribute("role", "alert");
    var st = box.style;
    st.position = "fixed";
    st.left = "0";
    st.right = "0";
    st.bottom = "0";
    st.maxHeight = "60vh";
    st.overflow = "auto";
    st.zIndex = "2147483647";
    st.margin = "0";
    st.padding = "1rem 1.25rem";
    st.background = "#2b0b0b";
    st.color = "#fff";
    st.font = "14px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
    st.borderTop = "4px solid #e0362c";

    var title = document.createElement("strong");
    title.textContent = "The site did not build. The page shows the last good version.";
    var list = document.createElement("pre");
    list.style.whiteSpace = "pre-wrap";
    list.style.margin = "0.75rem 0";
    list.style.font = "inherit";
    list.textContent = lines.join("\n");
    var hint = document.createElement("div");
    hint.textContent = "Fix the file and save: this page updates by itself.";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.style.float = "right";
    close.addEventListener("click", hideOverlay);

    box.appendChild(close);
    box.appendChild(title);
    box.appendChild(list);
    box.appendChild(hint);
    document.body.appendChild(box);
  }

  connect();
})();
