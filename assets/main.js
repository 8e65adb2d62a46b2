// Evident's browser code: htmx for partial page updates, and a few small
// progressive enhancements. Every page works without JavaScript.
import htmx from "htmx.org";

import "./evidence.js"; // uses window.htmx only in event handlers, set below
import "./review.js";

window.htmx = htmx;

// Copy buttons: <button data-copy-target="id">Copy</button>
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy-target]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copyTarget);
  if (!source) return;
  try {
    await navigator.clipboard.writeText(source.value ?? source.textContent);
    const label = button.textContent;
    button.textContent = "Copied";
    setTimeout(() => (button.textContent = label), 2000);
  } catch {
    source.select?.();
  }
});

// Confirmation for destructive buttons: <button data-confirm="Remove Ada?">
document.addEventListener("submit", (event) => {
  const submitter = event.submitter;
  const message = submitter?.dataset.confirm || event.target.dataset.confirm;
  if (message && !window.confirm(message)) event.preventDefault();
});

// After an htmx swap, move focus to the region that changed, for screen readers,
// but only when the swap took the focus away: someone typing in a field whose
// autosave just answered keeps typing there.
document.addEventListener("htmx:afterSwap", (event) => {
  const target = event.detail.target;
  const active = document.activeElement;
  if (active && active !== document.body && document.contains(active)) return;
  const focusable = target.querySelector("[data-focus-after-swap]") || target;
  if (focusable && typeof focusable.focus === "function") {
    if (!focusable.hasAttribute("tabindex")) focusable.setAttribute("tabindex", "-1");
    focusable.focus({ preventScroll: true });
  }
});
