// The admin page: sign in once per browser session (the key is exchanged for an HttpOnly cookie and never kept by
// the page), then documents, re-index progress, feedback, hand-off requests and the audit log.
import { el, formatDateTime, request, requestJson, reportUncaught, showError } from './common.js';

const $ = (id) => document.getElementById(id);
const statusLine = $('admin-status');
const errorLine = $('admin-error');
// Requests that rely on the session cookie carry this header, which a page of another site cannot add.
const sessionHeaders = { 'X-Admin-Session': '1' };
const statusNames = { indexed: 'Đã lập chỉ mục', pending: 'Chờ lập chỉ mục', failed: 'Lỗi' };
const ratingNames = { helpful: 'Hữu ích', wrong: 'Chưa đúng' };
const reasonNames = { 'wrong-facts': 'Thông tin sai', incomplete: 'Thiếu thông tin', 'wrong-source': 'Nguồn không đúng', 'hard-to-read': 'Khó hiểu', other: 'Lý do khác' };
const jobStates = { queued: 'Đang chờ', running: 'Đang chạy', succeeded: 'Hoàn tất', failed: 'Thất bại', cancelled: 'Đã hủy' };

reportUncaught($('page-error'));
$('login-form').addEventListener('submit', signIn);
$('logout').addEventListener('click', signOut);
$('documents-refresh').addEventListener('click', () => guard(loadDocuments));
$('audit-refresh').addEventListener('click', () => guard(loadAudit));
$('upload-form').addEventListener('submit', upload);
$('reindex-incremental').addEventListener('click', () => reindex('incremental'));
$('reindex-full').addEventListener('click', () => reindex('full'));
$('feedback-filters').addEventListener('submit', (event) => { event.preventDefault(); guard(loadFeedback); });
$('handoff-filters').addEventListener('submit', (event) => { event.preventDefault(); guard(loadHandoffs); });
$('feedback-export').addEventListener('click', () => guard(() => download('/api/admin/feedback/export', feedbackQuery(), 'danh-gia.csv')));
$('handoff-export').addEventListener('click', () => guard(() => download('/api/admin/handoffs/export', handoffQuery(), 'yeu-cau.csv')));
$('replace-cancel').addEventListener('click', () => $('replace-dialog').close());
$('replace-form').addEventListener('submit', replace);
start();

function admin(url, options = {}) {
  return request(url, { ...options, credentials: 'same-origin', headers: { ...sessionHeaders, ...(options.headers ?? {}) } });
}

async function adminJson(url, options = {}) {
  const response = await admin(url, options);
  return response.status === 204 ? null : response.json();
}

/** Runs an action; a lost session brings the sign-in form back, any other failure is said in Vietnamese. */
async function guard(action) {
  showError(errorLine, null);
  try {
    await action();
  } catch (error) {
    if (error.status === 401) {
      showSignIn('Phiên làm việc đã hết. Vui lòng nhập lại khóa quản trị.');
    } else {
      showError(errorLine, error.message);
    }
  }
}

async function start() {
  try {
    await adminJson('/api/admin/documents');
    await showDashboard();
  } catch (error) {
    showSignIn(error.status === 401 || error.status === 403 ? null : error.message);
  }
}

function showSignIn(message) {
  $('dashboard').hidden = true;
  $('admin-nav').hidden = true;
  $('login').hidden = false;
  showError($('login-error'), message);
  $('admin-key').focus();
}

async function signIn(event) {
  event.preventDefault();
  const key = $('admin-key');
  if (!key.value) {
    showError($('login-error'), 'Hãy nhập khóa quản trị.');
    key.focus();
    return;
  }
  try {
    await requestJson('/api/admin/session', { method: 'POST', credentials: 'same-origin', headers: { 'X-Admin-Key': key.value } });
    key.value = '';
    showError($('login-error'), null);
    await showDashboard();
  } catch (error) {
    showError($('login-error'), error.message);
    key.select();
  }
}

async function signOut() {
  await guard(() => adminJson('/api/admin/session', { method: 'DELETE' }));
  showSignIn('Đã đăng xuất.');
}

async function showDashboard() {
  $('login').hidden = true;
  $('dashboard').hidden = false;
  $('admin-nav').hidden = false;
  $('documents-heading').setAttribute('tabindex', '-1');
  $('documents-heading').focus();
  await guard(() => Promise.all([loadDocuments(), loadAudit(), loadFeedback(), loadHandoffs()]));
}

async function loadDocuments() {
  const list = await adminJson('/api/admin/documents');
  const rows = list.documents.map((d) => el('tr', {},
    el('td', {}, d.id ?? '—'),
    el('td', { class: 'long' }, d.title ?? '—'),
    el('td', {}, d.sourcePath),
    el('td', {}, el('span', { class: `status-${d.status}` }, statusNames[d.status] ?? d.status), d.reason ? el('div', { class: 'hint' }, d.reason) : null),
    el('td', {}, d.id ? el('div', { class: 'actions' },
      el('button', { type: 'button', onclick: () => openReplace(d.id), 'aria-label': `Thay văn bản ${d.id}` }, 'Thay'),
      el('button', { type: 'button', onclick: () => withdraw(d.id), 'aria-label': `Rút văn bản ${d.id}` }, 'Rút')) : null)));
  $('documents-table').tBodies[0].replaceChildren(...rows);
}

async function loadAudit() {
  const entries = await adminJson('/api/admin/audit?last=50');
  $('audit-table').tBodies[0].replaceChildren(...entries.map((e) => el('tr', {},
    el('td', {}, formatDateTime(e.at)), el('td', {}, e.actor), el('td', {}, e.action), el('td', {}, e.target ?? ''),
    el('td', { class: 'long' }, [e.detail, e.fileName].filter(Boolean).join(' · ')))));
}

function uploadFields(form, fields) {
  for (const [name, input] of fields) {
    if (input.value) form.append(name, input.value);
  }
  return form;
}

async function upload(event) {
  event.preventDefault();
  const result = $('upload-result');
  const file = $('upload-file').files[0];
  if (!file) {
    showError(errorLine, 'Hãy chọn tệp cần tải lên.');
    $('upload-file').focus();
    return;
  }
  const form = new FormData();
  form.append('file', file);
  uploadFields(form, [['type', $('upload-type')], ['title', $('upload-title')], ['id', $('upload-id')], ['number', $('upload-number')],
    ['code', $('upload-code')], ['source', $('upload-source')], ['effective', $('upload-effective')]]);
  await guard(async () => {
    result.textContent = 'Đang tải lên…';
    try {
      const change = await adminJson('/api/admin/documents', { method: 'POST', body: form });
      result.textContent = `Đã thêm văn bản ${change.id} (${change.fileName}). Đang lập chỉ mục lại…`;
      $('upload-form').reset();
      await loadDocuments();
      await watchJob(change.reindex.jobId);
    } catch (error) {
      result.textContent = '';
      throw error;
    }
  });
}

function openReplace(id) {
  $('replace-form').reset();
  $('replace-id').textContent = id;
  showError($('replace-error'), null);
  $('replace-dialog').showModal();
}

async function replace(event) {
  event.preventDefault();
  const id = $('replace-id').textContent;
  const file = $('replace-file').files[0];
  if (!file) {
    showError($('replace-error'), 'Hãy chọn tệp mới.');
    return;
  }
  const form = new FormData();
  form.append('file', file);
  uploadFields(form, [['type', $('replace-type')], ['title', $('replace-title')]]);
  try {
    const change = await adminJson(`/api/admin/documents/${encodeURIComponent(id)}`, { method: 'PUT', body: form });
    $('replace-dialog').close();
    statusLine.textContent = `Đã thay văn bản ${change.id}. Đang lập chỉ mục lại…`;
    await guard(async () => {
      await loadDocuments();
      await watchJob(change.reindex.jobId);
    });
  } catch (error) {
    showError($('replace-error'), error.message);
  }
}

async function withdraw(id) {
  if (!window.confirm(`Rút văn bản ${id} khỏi kho? Tệp được lưu lại trong thư mục withdrawn.`)) return;
  await guard(async () => {
    const change = await adminJson(`/api/admin/documents/${encodeURIComponent(id)}`, { method: 'DELETE' });
    statusLine.textContent = `Đã rút văn bản ${change.id}. Đang lập chỉ mục lại…`;
    await loadDocuments();
    await watchJob(change.reindex.jobId);
  });
}

async function reindex(mode) {
  await guard(async () => {
    try {
      const job = await adminJson('/api/admin/reindex', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mode }) });
      await watchJob(job.id);
    } catch (error) {
      // One is already running: follow it instead.
      if (error.status === 409 && error.problem?.jobId) await watchJob(error.problem.jobId);
      else throw error;
    }
  });
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Follows a re-index job until it ends, showing its progress, then refreshes the documents and the audit log. */
async function watchJob(id) {
  $('job').hidden = false;
  const progress = $('job-progress');
  const status = $('job-status');
  for (;;) {
    const job = await adminJson(`/api/admin/jobs/${encodeURIComponent(id)}`);
    progress.max = Math.max(job.total, 1);
    progress.value = job.state === 'succeeded' ? progress.max : job.done;
    const counts = job.total > 0 ? ` ${job.done}/${job.total} văn bản.` : '';
    if (job.state === 'succeeded') {
      const r = job.result;
      status.textContent = `${jobStates.succeeded}: chỉ mục phiên bản ${r.indexVersion}, ${r.documents} văn bản, ${r.chunks} đoạn (thêm ${r.added}, thay ${r.changed}, rút ${r.removed}).`;
    } else if (job.state === 'failed' || job.state === 'cancelled') {
      status.textContent = `${jobStates[job.state]}: ${job.error ?? ''} Chỉ mục cũ vẫn đang trả lời.`;
    } else {
      status.textContent = `${jobStates[job.state] ?? job.state}…${counts}`;
    }
    if (['succeeded', 'failed', 'cancelled'].includes(job.state)) break;
    await wait(400);
  }
  await Promise.all([loadDocuments(), loadAudit()]);
}

function feedbackQuery() {
  return filterQuery({ rating: $('feedback-rating').value, from: $('feedback-from').value, to: $('feedback-to').value });
}

function handoffQuery() {
  return filterQuery({ status: $('handoff-status').value, from: $('handoff-from').value, to: $('handoff-to').value });
}

function filterQuery(values) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) query.set(name, value);
  return query;
}

function longText(text, limit = 160) {
  if (!text || text.length <= limit) return text ?? '';
  return el('details', {}, el('summary', {}, text.slice(0, limit) + '…'), el('p', { class: 'answer-text' }, text));
}

async function loadFeedback() {
  const list = await adminJson(`/api/admin/feedback?${feedbackQuery()}`);
  $('feedback-count').textContent = `${list.items.length} đánh giá.`;
  $('feedback-table').tBodies[0].replaceChildren(...list.items.map((f) => el('tr', {},
    el('td', {}, formatDateTime(f.createdAt)),
    el('td', {}, ratingNames[f.rating] ?? f.rating),
    el('td', { class: 'long' }, [reasonNames[f.reason], f.comment].filter(Boolean).join(' — ')),
    el('td', { class: 'long' }, f.question),
    el('td', { class: 'long' }, longText(f.answer)),
    el('td', {}, f.citations.map((c) => `[${c.index}] ${c.documentId}`).join(', ')),
    el('td', {}, f.decisionRule))));
}

async function loadHandoffs() {
  const list = await adminJson(`/api/admin/handoffs?${handoffQuery()}`);
  $('retention-days').textContent = String(list.retentionDays);
  $('handoff-count').textContent = `${list.items.length} yêu cầu.`;
  $('handoff-table').tBodies[0].replaceChildren(...list.items.map(handoffRow));
}

function handoffRow(h) {
  const conversation = h.conversation.length > 0
    ? el('details', {}, el('summary', {}, `Hội thoại trước (${h.conversation.length})`),
      el('ol', {}, h.conversation.map((t) => el('li', {}, el('p', {}, el('strong', {}, 'Hỏi: '), t.question), el('p', { class: 'answer-text' }, longText(t.answer, 240))))))
    : null;
  const contact = h.consent
    ? el('div', {}, h.name ? el('div', {}, h.name) : null, h.phone ? el('div', {}, el('a', { href: `tel:${h.phone}` }, h.phone)) : null)
    : el('span', { class: 'hint' }, 'Không để lại (không đồng ý)');
  const status = h.status === 'answered'
    ? el('div', {}, `Đã trả lời ${formatDateTime(h.answeredAt)}`, h.answerNote ? el('div', { class: 'hint' }, h.answerNote) : null)
    : el('strong', {}, 'Chưa trả lời');
  let action = null;
  if (h.status !== 'answered') {
    const noteId = `note-${h.reference}`;
    const note = el('input', { id: noteId, type: 'text', maxlength: '2000' });
    action = el('form', { class: 'answer-form', novalidate: true, onsubmit: (event) => { event.preventDefault(); markAnswered(h.reference, note.value); } },
      el('label', { for: noteId }, `Ghi chú trả lời ${h.reference}`), note,
      el('button', { type: 'submit' }, 'Đánh dấu đã trả lời'));
  }
  return el('tr', {},
    el('td', {}, el('strong', {}, h.reference)),
    el('td', {}, formatDateTime(h.createdAt), el('div', { class: 'hint' }, `Xóa sau ${formatDateTime(h.deleteAfter)}`)),
    el('td', { class: 'long' }, el('p', {}, h.question), conversation),
    el('td', {}, h.commune ?? ''),
    el('td', {}, contact),
    el('td', {}, status),
    el('td', {}, action));
}

async function markAnswered(reference, note) {
  await guard(async () => {
    await adminJson(`/api/admin/handoffs/${encodeURIComponent(reference)}/answered`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ note: note.trim() || null }),
    });
    statusLine.textContent = `Đã đánh dấu yêu cầu ${reference} là đã trả lời.`;
    await Promise.all([loadHandoffs(), loadAudit()]);
  });
}

async function download(url, query, fileName) {
  const response = await admin(`${url}?${query}`);
  const link = el('a', { href: URL.createObjectURL(await response.blob()), download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  statusLine.textContent = `Đã tải ${fileName}.`;
}
