// The scoring page: notes pinned to the moment of a video, and seeking to them.

function formatTime(seconds) {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

// Keep each note form's moment in step with its video.
document.addEventListener("timeupdate", (event) => {
  const video = event.target;
  if (!(video instanceof HTMLVideoElement)) return;
  document.querySelectorAll(`form[data-note-for="${video.id}"]`).forEach((form) => {
    form.querySelector("[name=seconds]").value = video.currentTime.toFixed(1);
    form.querySelector("[data-note-time]").textContent = formatTime(video.currentTime);
  });
}, true);

document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-seek]");
  if (!button) return;
  const video = document.getElementById(button.dataset.video);
  if (!video) return;
  video.currentTime = Number(button.dataset.seek);
  video.focus();
});

// Finishing a scoring first saves every requirement as it stands on the page, so
// feedback typed a moment ago (its autosave still waiting) is not left behind.
document.addEventListener("submit", async (event) => {
  const finish = event.target.closest("form[data-save-all-first]");
  if (!finish || finish.dataset.saved) return;
  event.preventDefault();
  const saves = [...document.querySelectorAll("form[data-score-form]")].map((form) =>
    fetch(form.action, { method: "POST", body: new FormData(form), headers: { "HX-Request": "true" } }),
  );
  await Promise.allSettled(saves);
  finish.dataset.saved = "1";
  finish.requestSubmit();
});
