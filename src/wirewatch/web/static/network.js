// The network page: nodes and weighted edges from /network.json drawn with Cytoscape.js
// (vendored under /static/vendor), a force-directed layout, pan and zoom; clicking or
// tapping a node opens its page. The graph is exposed as window.wirewatchGraph for tests.
(function () {
  "use strict";
  var box = document.getElementById("graph");
  if (!box || typeof cytoscape === "undefined") return;
  var colours = { person: "#2f6db3", organization: "#b5651d", country: "#2e8b57" };

  fetch(box.dataset.src, { headers: { Accept: "application/json" } })
    .then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    })
    .then(function (graph) {
      if (!graph.nodes.length) {
        box.textContent = "No link in this period.";
        box.classList.add("empty");
        return;
      }
      var maxWeight = Math.max.apply(null, graph.nodes.map(function (n) { return n.weight; }));
      var maxEdge = Math.max.apply(null, graph.edges.map(function (e) { return e.weight; }).concat([1]));
      var elements = graph.nodes.map(function (n) {
        return { group: "nodes", data: { id: n.id, label: n.label, type: n.type, url: n.url,
          size: 18 + 30 * Math.sqrt(n.weight / maxWeight) } };
      }).concat(graph.edges.map(function (e) {
        return { group: "edges", data: { id: e.id, source: e.source, target: e.target, kind: e.kind,
          weight: e.weight, width: 1.5 + 5 * (e.weight / maxEdge) } };
      }));
      var cy = cytoscape({
        container: box,
        elements: elements,
        minZoom: 0.2,
        maxZoom: 4,
        wheelSensitivity: 0.3,
        style: [
          { selector: "node", style: {
            "background-color": function (n) { return colours[n.data("type")] || "#666"; },
            width: "data(size)", height: "data(size)", label: "data(label)",
            "font-size": 14, "font-family": "system-ui, sans-serif", color: "#1b1b1b",
            "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "wrap", "text-max-width": 120,
            "text-background-color": "#fff", "text-background-opacity": 0.7, "text-background-padding": 1,
            "border-width": 1, "border-color": "#fff" } },
          { selector: "node:active, node.hover", style: { "border-width": 3, "border-color": "#111" } },
          { selector: "edge", style: {
            width: "data(width)", "curve-style": "bezier", "target-arrow-shape": "triangle",
            "arrow-scale": 0.8, opacity: 0.75 } },
          { selector: "edge[kind = 'quotes']", style: { "line-color": "#8a8fd6", "target-arrow-color": "#8a8fd6", "line-style": "dashed" } },
          { selector: "edge[kind = 'acts']", style: { "line-color": "#c0504d", "target-arrow-color": "#c0504d" } }
        ],
        layout: { name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true,
          nodeRepulsion: function () { return 20000; }, idealEdgeLength: function () { return 80; },
          nodeOverlap: 40, componentSpacing: 60, numIter: 2500, padding: 24 }
      });
      var reset = document.getElementById("graph-reset");
      if (reset) {
        reset.hidden = false;
        reset.addEventListener("click", function () { cy.fit(undefined, 24); });
      }
      cy.on("tap", "node", function (ev) {
        var url = ev.target.data("url");
        if (url) window.location.assign(url);
      });
      cy.on("mouseover", "node", function (ev) { ev.target.addClass("hover"); box.style.cursor = "pointer"; });
      cy.on("mouseout", "node", function (ev) { ev.target.removeClass("hover"); box.style.cursor = ""; });
      window.wirewatchGraph = cy;
      box.dataset.ready = "true";
    })
    .catch(function (err) {
      box.textContent = "The graph could not be loaded (" + err.message + "); the links are listed below.";
      box.classList.add("empty");
    });
})();
