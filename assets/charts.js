// Dashboard charts: <figure data-chart> holding a <canvas> and a JSON script
// {type: "bar"|"line", labels: [...], series: [{name, values}]}. The same
// numbers are always in a table beside the chart, which screen readers read.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

// Colour-blind-safe (Okabe–Ito), in the order series are drawn.
const COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"];

function draw(figure) {
  const source = figure.querySelector('script[type="application/json"]');
  const canvas = figure.querySelector("canvas");
  if (!source || !canvas) return;
  const data = JSON.parse(source.textContent);
  new Chart(canvas, {
    type: data.type === "line" ? "line" : "bar",
    data: {
      labels: data.labels,
      datasets: data.series.map((series, index) => ({
        label: series.name,
        data: series.values,
        backgroundColor: COLOURS[index % COLOURS.length],
        borderColor: COLOURS[index % COLOURS.length],
        tension: 0.2,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: "bottom" } },
    },
  });
}

function drawAll(root) {
  root.querySelectorAll("figure[data-chart]").forEach(draw);
}

document.addEventListener("DOMContentLoaded", () => drawAll(document));
