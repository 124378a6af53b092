// The asking page: a conversation streamed from /api/ask/stream, numbered citations that open the cited passage
// in place, feedback on each answer, a hand-off to an officer, and the commune lookup.
import { el, externalLink, formatDateTime, request, requestJson, reportUncaught, ShownError, showError } from './common.js';

const $ = (id) => document.getElementById(id);
const conversation = $('conversation');
const form = $('ask-form');
const questionBox = $('question');
const askButton = $('ask-button');
const askStatus = $('ask-status');
const askError = $('ask-error');
const handoffOpen = $('handoff-open');

const lostConnection = 'Mất kết nối trong khi đang trả lời. Phần đã nhận vẫn ở trên; bạn có thể hỏi lại.';
const documents = new Map();
const state = { conversationId: null, turns: [], busy: false, retentionDays: 90 };

reportUncaught($('page-error'));
form.addEventListener('submit', (event) => {
  event.preventDefault();
  ask(questionBox.value);
});
questionBox.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    ask(questionBox.value);
  }
});
for (const example of document.querySelectorAll('.example')) {
  example.addEventListener('click', () => {
    questionBox.value = example.textContent;
    ask(example.textContent);
  });
}
$('new-conversation').addEventListener('click', startOver);
setUpHandoff();
$('commune-form').addEventListener('submit', lookUpCommunes);
showIndexDate();

function persona() {
  return document.querySelector('input[name="persona"]:checked').value;
}

async function showIndexDate() {
  const line = $('indexed');
  try {
    const info = await requestJson('/api/index');
    line.textContent = `Nguồn văn bản cập nhật lúc ${formatDateTime(info.indexedAt)} (${info.documents} văn bản).`;
    showProvinces(info);
  } catch (error) {
    if (error.status === 503) {
      line.textContent = 'Hệ thống đang nạp dữ liệu văn bản; bạn có thể hỏi sau ít giây.';
      setTimeout(showIndexDate, 5000);
    } else {
      line.textContent = 'Chưa lấy được ngày cập nhật nguồn văn bản.';
    }
  }
}

// The province choice appears only when the deployment serves more than one; the deployment's own comes first.
function showProvinces(info) {
  const provinces = info.provinces ?? [];
  if (provinces.length < 2) return;
  const select = $('province');
  const ordered = [...provinces].sort((a, b) => (b.key === info.defaultProvince) - (a.key === info.defaultProvince));
  select.replaceChildren(...ordered.map((p) => el('option', { value: p.key }, p.name)));
  select.value = info.defaultProvince;
  $('province-choice').hidden = false;
}

function chosenProvince() {
  return $('province-choice').hidden ? undefined : $('province').value;
}

function startOver() {
  state.conversationId = null;
  state.turns = [];
  conversation.replaceChildren();
  handoffOpen.hidden = true;
  showError(askError, null);
  askStatus.textContent = 'Đã bắt đầu cuộc hỏi đáp mới.';
  questionBox.value = '';
  questionBox.focus();
}

async function ask(text) {
  const question = text.trim();
  if (state.busy) return;
  if (!question) {
    showError(askError, 'Hãy nhập câu hỏi trước khi bấm Hỏi.');
    questionBox.focus();
    return;
  }

  state.busy = true;
  askButton.disabled = true;
  showError(askError, null);
  performance.clearMarks();
  performance.clearMeasures();
  performance.mark('ask-start');
  const turn = createTurn(question);
  conversation.append(turn.node);
  conversation.setAttribute('aria-busy', 'true');
  askStatus.textContent = 'Đang tìm câu trả lời…';
  let finished = false;
  try {
    const response = await request('/api/ask/stream', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ question, persona: persona(), conversationId: state.conversationId, province: chosenProvince() }),
    });
    questionBox.value = '';
    await readEvents(response, (event, data) => {
      if (event === 'delta') turn.append(data.text);
      else if (event === 'replace') turn.replace(data.text);
      else if (event === 'done') {
        finished = true;
        turn.finish(data);
        state.conversationId = data.conversationId ?? state.conversationId;
        state.turns.push({ question, answer: data.answer });
      }
    });
    if (!finished) throw new ShownError(lostConnection);
    askStatus.textContent = 'Đã trả lời xong.';
    handoffOpen.hidden = false;
  } catch (error) {
    const message = error instanceof ShownError ? error.message : lostConnection;
    turn.fail(message);
    showError(askError, message);
    askStatus.textContent = '';
    if (state.turns.length > 0) handoffOpen.hidden = false;
  } finally {
    conversation.setAttribute('aria-busy', 'false');
    state.busy = false;
    askButton.disabled = false;
  }
}

/** Reads server-sent events from a fetch response, calling onEvent(name, data) for each. */
async function readEvents(response, onEvent) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let boundary;
    while ((boundary = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary).replace(/^\r?\n\r?\n/, '');
      let name = 'message';
      const data = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length > 0) onEvent(name, JSON.parse(data.join('\n')));
    }
  }
}

function createTurn(question) {
  const text = el('div', { class: 'answer-text' });
  const extras = el('div', { class: 'answer-extras' });
  const node = el('article', { class: 'turn' },
    el('h3', { class: 'turn-question' }, el('span', { class: 'visually-hidden' }, 'Câu hỏi: '), question),
    el('div', { class: 'answer' }, el('p', { class: 'answer-label' }, 'Trả lời'), text, extras));
  let first = true;
  return {
    node,
    append(part) {
      if (first) {
        first = false;
        performance.mark('first-text');
        performance.measure('ask-to-first-text', 'ask-start', 'first-text');
      }
      text.append(part);
    },
    replace(all) {
      text.textContent = all;
    },
    finish(response) {
      const citations = response.citations ?? [];
      const passages = new Map();
      const list = el('ol', { class: 'citations', 'aria-label': 'Nguồn trích dẫn' },
        citations.map((citation) => {
          const item = citationItem(citation);
          passages.set(citation.index, item);
          return item.node;
        }));
      text.replaceChildren(...answerWithMarkers(response.answer, passages));
      if (response.abstained) {
        extras.append(el('p', { class: 'note' }, 'Chưa có đủ căn cứ để trả lời. Bạn có thể gửi câu hỏi cho cán bộ bằng nút bên dưới.'));
      }
      if (citations.length > 0) extras.append(el('h4', { class: 'citations-heading' }, 'Nguồn'), list);
      extras.append(feedbackBox(response, question));
    },
    fail(message) {
      node.classList.add('failed');
      extras.append(el('p', { class: 'error-inline' }, message));
    },
  };
}

/** The answer text with each [n] turned into a button that opens citation n; the text itself stays text. */
function answerWithMarkers(answer, passages) {
  const parts = [];
  let last = 0;
  for (const match of answer.matchAll(/\[(\d+)\]/g)) {
    const item = passages.get(Number(match[1]));
    if (!item) continue;
    parts.push(answer.slice(last, match.index));
    parts.push(el('button', {
      type: 'button',
      class: 'cite',
      'aria-label': `Nguồn ${match[1]}: ${item.title}`,
      onclick: () => item.open(true),
    }, `[${match[1]}]`));
    last = match.index + match[0].length;
  }
  parts.push(answer.slice(last));
  return parts;
}

function citationItem(citation) {
  const id = `passage-${crypto.randomUUID()}`;
  const passage = el('div', { class: 'passage', id, hidden: true, tabindex: '-1' });
  const title = [citation.title, citation.number ?? citation.code].filter(Boolean).join(' · ');
  const toggle = el('button', { type: 'button', class: 'source', 'aria-expanded': 'false', 'aria-controls': id },
    el('span', { class: 'source-number' }, `[${citation.index}]`), ' ', title,
    citation.path ? el('span', { class: 'source-path' }, citation.path) : null);
  let loaded = false;

  async function open(focus) {
    passage.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    if (!loaded) {
      loaded = true;
      passage.replaceChildren(el('p', { class: 'hint' }, 'Đang tải đoạn trích…'));
      passage.replaceChildren(...(await passageContent(citation)).filter(Boolean));
    }
    if (focus) {
      passage.scrollIntoView({ block: 'nearest' });
      passage.focus();
    }
  }

  toggle.addEventListener('click', () => {
    if (passage.hidden) open(false);
    else {
      passage.hidden = true;
      toggle.setAttribute('aria-expanded', 'false');
    }
  });
  return { node: el('li', {}, toggle, passage), open, title: citation.title };
}

async function passageContent(citation) {
  // A source that is not a passage of the index (a commune-merger resolution, cited from the commune mapping) has no
  // chunk: its snippet is the line it supports.
  if (!citation.chunkId) {
    return [el('p', { class: 'passage-path' }, [citation.number ? `Nghị quyết ${citation.number}` : citation.title, citation.path].filter(Boolean).join(', ')),
      el('blockquote', { class: 'passage-text' }, citation.snippet)];
  }
  let detail = null;
  try {
    if (!documents.has(citation.documentId)) {
      documents.set(citation.documentId, await requestJson(`/api/documents/${encodeURIComponent(citation.documentId)}`));
    }
    detail = documents.get(citation.documentId);
  } catch (error) {
    // The snippet that came with the answer still shows the passage.
    return [el('p', { class: 'error-inline' }, error.message), el('blockquote', {}, citation.snippet)];
  }
  const chunk = detail.chunks.find((c) => c.chunkId === citation.chunkId);
  const link = externalLink(citation.url ?? detail.document.source, 'Xem văn bản gốc');
  return [
    el('p', { class: 'passage-path' }, chunk?.path ?? citation.path ?? detail.document.title),
    el('blockquote', { class: 'passage-text' }, chunk?.text ?? citation.snippet),
    detail.document.inForce ? null : el('p', { class: 'note' }, 'Lưu ý: văn bản này không còn hiệu lực.'),
    link ? el('p', {}, link) : null,
  ];
}

function feedbackBox(response, question) {
  const status = el('p', { class: 'feedback-status', role: 'status' });
  const reason = el('select', { id: `reason-${crypto.randomUUID()}` },
    el('option', { value: '' }, 'Chọn lý do (không bắt buộc)'),
    el('option', { value: 'wrong-facts' }, 'Thông tin sai'),
    el('option', { value: 'incomplete' }, 'Thiếu thông tin'),
    el('option', { value: 'wrong-source' }, 'Nguồn không đúng'),
    el('option', { value: 'hard-to-read' }, 'Khó hiểu'),
    el('option', { value: 'other' }, 'Lý do khác'));
  const comment = el('textarea', { id: `comment-${crypto.randomUUID()}`, rows: '2', maxlength: '2000' });
  const details = el('form', { class: 'feedback-form', hidden: true, novalidate: true },
    el('label', { for: reason.id }, 'Lý do'), reason,
    el('label', { for: comment.id }, 'Góp ý thêm (không bắt buộc)'), comment,
    el('button', { type: 'submit' }, 'Gửi góp ý'));
  const helpful = el('button', { type: 'button', 'aria-pressed': 'false' }, 'Hữu ích');
  const wrong = el('button', { type: 'button', 'aria-pressed': 'false', 'aria-expanded': 'false' }, 'Chưa đúng');

  async function send(rating) {
    helpful.disabled = wrong.disabled = true;
    try {
      await requestJson('/api/feedback', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          rating,
          question,
          answer: response.answer,
          decisionRule: response.decision?.rule ?? 'unknown',
          citations: (response.citations ?? []).map((c) => ({ index: c.index, documentId: c.documentId, chunkId: c.chunkId, title: c.title?.slice(0, 500) })),
          reason: rating === 'wrong' ? reason.value || null : null,
          comment: rating === 'wrong' ? comment.value.trim() || null : null,
          persona: response.persona,
          conversationId: response.conversationId,
        }),
      });
      (rating === 'helpful' ? helpful : wrong).setAttribute('aria-pressed', 'true');
      details.hidden = true;
      status.textContent = 'Cảm ơn bạn đã đánh giá.';
    } catch (error) {
      helpful.disabled = wrong.disabled = false;
      status.textContent = error.message;
    }
  }

  helpful.addEventListener('click', () => send('helpful'));
  wrong.addEventListener('click', () => {
    details.hidden = !details.hidden;
    wrong.setAttribute('aria-expanded', String(!details.hidden));
    if (!details.hidden) reason.focus();
  });
  details.addEventListener('submit', (event) => {
    event.preventDefault();
    send('wrong');
  });
  return el('div', { class: 'feedback', role: 'group', 'aria-label': 'Đánh giá câu trả lời' },
    el('span', { class: 'feedback-label' }, 'Câu trả lời này:'), helpful, wrong, details, status);
}

function setUpHandoff() {
  const dialog = $('handoff-dialog');
  const consent = $('handoff-consent');
  const contact = $('handoff-contact');
  const handoffForm = $('handoff-form');
  const send = $('handoff-send');
  const error = $('handoff-error');
  const result = $('handoff-result');

  handoffOpen.addEventListener('click', () => {
    handoffForm.reset();
    contact.disabled = true;
    send.disabled = false;
    showError(error, null);
    result.textContent = '';
    $('handoff-question').value = state.turns.at(-1)?.question ?? questionBox.value.trim();
    for (const span of dialog.querySelectorAll('.retention-days')) span.textContent = String(state.retentionDays);
    dialog.showModal();
    $('handoff-question').focus();
  });
  consent.addEventListener('change', () => {
    contact.disabled = !consent.checked;
    if (consent.checked) $('handoff-name').focus();
  });
  $('handoff-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => handoffOpen.focus());
  handoffForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const question = $('handoff-question').value.trim();
    if (!question) {
      showError(error, 'Hãy nhập câu hỏi cho cán bộ.');
      $('handoff-question').focus();
      return;
    }
    if (consent.checked && !$('handoff-phone').value.trim()) {
      showError(error, 'Khi đồng ý để lại thông tin, hãy nhập số điện thoại để cán bộ gọi lại.');
      $('handoff-phone').focus();
      return;
    }
    showError(error, null);
    send.disabled = true;
    try {
      const receipt = await requestJson('/api/handoffs', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          question,
          conversation: state.turns.slice(-20).map((t) => ({ question: t.question.slice(0, 2000), answer: t.answer.slice(0, 20000) })),
          consent: consent.checked,
          name: consent.checked ? $('handoff-name').value.trim() || null : null,
          phone: consent.checked ? $('handoff-phone').value.trim() || null : null,
          commune: $('handoff-commune').value.trim() || null,
          persona: persona(),
          conversationId: state.conversationId,
        }),
      });
      state.retentionDays = receipt.retentionDays;
      result.replaceChildren(
        'Đã gửi. Mã yêu cầu của bạn là ', el('strong', { class: 'reference' }, receipt.reference),
        `. Hãy ghi lại mã này để tra cứu khi liên hệ Trung tâm Phục vụ hành chính công. Yêu cầu được lưu ${receipt.retentionDays} ngày.`);
      $('handoff-close').focus();
    } catch (failure) {
      send.disabled = false;
      showError(error, failure.message);
    }
  });
}

async function lookUpCommunes(event) {
  event.preventDefault();
  const error = $('commune-error');
  const result = $('commune-result');
  const name = $('commune-name').value.trim();
  const province = $('commune-province').value.trim();
  showError(error, null);
  if (!name) {
    showError(error, 'Hãy nhập tên xã, phường cần tra cứu.');
    $('commune-name').focus();
    return;
  }
  const query = new URLSearchParams({ q: name });
  if (province) query.set('province', province);
  result.replaceChildren(el('p', { class: 'hint' }, 'Đang tra cứu…'));
  try {
    const lookup = await requestJson(`/api/communes?${query}`);
    result.replaceChildren(...communeMatches(lookup));
  } catch (failure) {
    result.replaceChildren();
    showError(error, failure.status === 404
      ? 'Chức năng tra cứu xã, phường chưa có trên máy chủ này.'
      : failure.message);
  }
}

function communeMatches(lookup) {
  if (!lookup.matches || lookup.matches.length === 0) {
    return [el('p', {}, `Không tìm thấy xã, phường nào tên "${lookup.query}".`)];
  }
  return [
    el('p', { class: 'hint' }, `${lookup.matches.length} kết quả cho "${lookup.query}".`),
    el('ul', { class: 'commune-matches' }, lookup.matches.map((match) => el('li', { class: 'commune-match' },
      el('p', { class: 'commune-name' }, match.name, ' ',
        el('span', { class: 'badge' }, match.matchedAs === 'old' ? 'tên trước 1/7/2025' : 'tên từ 1/7/2025')),
      match.matchedAs === 'old' && match.oldProvince ? el('p', {}, match.district ? `Huyện, tỉnh cũ: ${match.district}, ${match.oldProvince}` : `Tỉnh cũ: ${match.oldProvince}`) : null,
      match.matchedAs !== 'old' && match.province ? el('p', {}, `Thuộc: ${match.province}`) : null,
      match.newCommunes?.length ? el('div', {}, el('p', {}, 'Nay thuộc:'), el('ul', {}, match.newCommunes.map((c) => el('li', {},
        el('strong', {}, c.name), `, ${c.province}`, c.partial ? ' (một phần)' : '',
        c.resolution ? ` — theo Nghị quyết ${c.resolution}${c.article ? `, ${c.article}` : ''}` : '')))) : null,
      match.oldCommunes?.length ? el('p', {}, `Hình thành từ: ${match.oldCommunes.join(', ')}`) : null))),
  ];
}
