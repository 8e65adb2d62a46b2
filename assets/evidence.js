// The work page: resumable uploads (tus), autosave with a copy kept on this
// device, word counts. Without JavaScript the same forms post normally.
import { Upload } from "tus-js-client";

const csrfToken = () => document.querySelector("[name=csrfmiddlewaretoken]")?.value ?? "";

// --- Resumable uploads -----------------------------------------------------

function setStatus(form, text, progress) {
  const box = form.querySelector(".upload-progress");
  box.hidden = false;
  form.querySelector(".upload-status").textContent = text;
  if (progress !== undefined) form.querySelector("progress").value = progress;
}

function refreshFiles(form, errorText) {
  const url = new URL(form.dataset.refresh, window.location.href);
  window.htmx.ajax("GET", url.toString(), { target: form.dataset.target, swap: "outerHTML" }).then(() => {
    if (!errorText) return;
    const box = document.querySelector(form.dataset.target)?.querySelector(".evidence-files");
    const message = document.createElement("p");
    message.className = "message message--error";
    message.setAttribute("role", "alert");
    message.textContent = errorText;
    message.tabIndex = -1;
    box?.prepend(message);
    message.focus();
  });
}

function startUpload(form, file) {
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  setStatus(form, `Uploading ${file.name}…`, 0);
  const upload = new Upload(file, {
    endpoint: new URL(form.dataset.tusEndpoint, window.location.href).toString(),
    chunkSize: 8 * 1024 * 1024,
    retryDelays: [0, 1000, 3000, 5000, 10000, 20000, 30000, 60000],
    headers: { "X-CSRFToken": csrfToken() },
    metadata: {
      filename: file.name,
      filetype: file.type,
      submission: form.dataset.submission,
      requirement: form.dataset.requirement,
    },
    // Survives a closed tab: choosing the same file again resumes where it stopped.
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    onProgress(sent, total) {
      const percent = total ? Math.floor((sent / total) * 100) : 0;
      setStatus(form, `Uploading ${file.name}: ${percent}%`, percent);
    },
    onAfterResponse(_request, response) {
      const refused = response.getHeader("Evident-Upload-Error");
      if (refused) form.dataset.refused = decodeURIComponent(refused);
    },
    onError(error) {
      button.disabled = false;
      const body = error?.originalResponse?.getBody?.();
      let text = "The upload stopped. Check your connection and choose the file again: it resumes where it stopped.";
      try {
        text = JSON.parse(body).message || text;
      } catch {
        /* not JSON: keep the general message */
      }
      setStatus(form, text);
    },
    onSuccess() {
      button.disabled = false;
      const refused = form.dataset.refused;
      delete form.dataset.refused;
      setStatus(form, refused ? "The file was refused." : `${file.name} uploaded.`, 100);
      refreshFiles(form, refused);
    },
  });
  upload.findPreviousUploads().then((previous) => {
    if (previous.length) {
      upload.resumeFromPreviousUpload(previous[0]);
      setStatus(form, `Resuming ${file.name}…`);
    }
    upload.start();
  });
}

document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-tus-endpoint]");
  if (!form) return;
  const input = form.querySelector("input[type=file]");
  const file = input?.files?.[0];
  if (!file) return; // the server answers "choose a file first"
  event.preventDefault();
  startUpload(form, file);
  input.value = "";
});

// --- Autosave, with a copy on this device until the server has it ----------

const STORE = "evident:draft:";

function remember(field) {
  try {
    localStorage.setItem(STORE + field.dataset.draftKey, JSON.stringify({ value: field.value, at: Date.now() }));
  } catch {
    /* storage full or disabled: the server copy is still saved */
  }
}

function forget(field, savedValue) {
  const key = STORE + field.dataset.draftKey;
  try {
    const kept = JSON.parse(localStorage.getItem(key) || "null");
    if (kept && kept.value === savedValue) localStorage.removeItem(key);
  } catch {
    localStorage.removeItem(key);
  }
}

function restore(field) {
  let kept = null;
  try {
    kept = JSON.parse(localStorage.getItem(STORE + field.dataset.draftKey) || "null");
  } catch {
    return;
  }
  if (!kept || kept.value === field.value) return;
  field.value = kept.value;
  updateCount(field);
  const status = field.closest("form")?.querySelector(".save-status");
  if (status) status.textContent = "Restored what you typed on this device earlier; saving it now…";
  window.htmx.trigger(field, "change");
}

function updateCount(field) {
  const target = field.dataset.wordCount && document.getElementById(field.dataset.wordCount);
  if (!target) return;
  const words = (field.value.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) || []).length;
  const min = Number(field.dataset.minWords || 0);
  const max = Number(field.dataset.maxWords || 0);
  let text = `${words} word${words === 1 ? "" : "s"}`;
  if (min && words < min) text += ` (at least ${min})`;
  else if (max && words > max) text += ` (at most ${max}: ${words - max} over)`;
  target.textContent = text;
}

function setUp(root) {
  root.querySelectorAll("[data-draft-key]").forEach((field) => {
    if (field.dataset.draftReady) return;
    field.dataset.draftReady = "1";
    restore(field);
  });
  // With JavaScript, saving is automatic; the buttons stay for keyboard users who want to be sure.
}

document.addEventListener("input", (event) => {
  const field = event.target.closest?.("[data-draft-key]");
  if (!field) return;
  remember(field);
  updateCount(field);
  const status = field.closest("form")?.querySelector(".save-status");
  if (status) status.textContent = "Not saved yet…";
});

document.addEventListener("htmx:beforeRequest", (event) => {
  const field = event.detail.elt;
  if (field?.dataset?.draftKey) field.dataset.sending = field.value;
});

document.addEventListener("htmx:afterRequest", (event) => {
  const field = event.detail.elt;
  if (!field?.dataset?.draftKey) return;
  const xhr = event.detail.xhr;
  const status = field.closest("form")?.querySelector(".save-status");
  // An expired session answers with the sign-in page: that is not a save.
  const signedOut = xhr.responseURL && new URL(xhr.responseURL).pathname.startsWith("/accounts/login");
  if (event.detail.successful && !signedOut) {
    forget(field, field.dataset.sending);
    return;
  }
  if (!status || xhr.status === 422) return; // a 422 shows the server's own reason
  if (signedOut) {
    status.textContent = "You have been signed out. What you typed is kept on this device: sign in again and it will be saved.";
  } else if (xhr.status === 403) {
    status.textContent = "Not saved: your session changed in another tab. What you typed is kept on this device: reload the page to save it.";
  } else {
    status.textContent = "Not saved: the connection failed. What you typed is kept on this device and saves on your next change.";
  }
});

document.addEventListener("htmx:beforeSwap", (event) => {
  const xhr = event.detail.xhr;
  if (xhr.responseURL && new URL(xhr.responseURL).pathname.startsWith("/accounts/login")) {
    event.detail.shouldSwap = false;
  }
});

document.addEventListener("DOMContentLoaded", () => setUp(document));
document.addEventListener("htmx:load", (event) => setUp(event.detail.elt));
