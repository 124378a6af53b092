// What both pages share: building elements from server text (always as text, never as HTML), Vietnamese error
// messages for every failure the API can answer with, and safe links.

/** An element with attributes and children; strings become text nodes, so server text is never parsed as HTML. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The URL when it is an absolute http(s) link, else null: a javascript: or data: link from a document is never followed. */
export function safeLink(url) {
  if (typeof url !== 'string' || url.length === 0) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link that opens outside the page, or plain text when the address is not http(s). */
export function externalLink(url, text) {
  const href = safeLink(url);
  return href
    ? el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text, el('span', { class: 'visually-hidden' }, ' (mở trang mới)'))
    : null;
}

const fieldNames = {
  question: 'Câu hỏi',
  persona: 'Đối tượng',
  topk: 'Số nguồn',
  conversationid: 'Mã hội thoại',
  rating: 'Đánh giá',
  reason: 'Lý do',
  comment: 'Góp ý',
  answer: 'Câu trả lời',
  decisionrule: 'Quy tắc trả lời',
  citations: 'Nguồn trích dẫn',
  consent: 'Đồng ý để lại thông tin',
  name: 'Họ tên',
  phone: 'Số điện thoại',
  commune: 'Xã/phường',
  conversation: 'Hội thoại',
  q: 'Tên xã/phường',
  province: 'Tỉnh',
  file: 'Tệp',
  id: 'Mã văn bản',
  type: 'Loại văn bản',
  title: 'Tên văn bản',
  number: 'Số hiệu',
  code: 'Mã thủ tục',
  source: 'Nguồn',
  effective: 'Ngày hiệu lực',
  mode: 'Chế độ',
  from: 'Từ ngày',
  to: 'Đến ngày',
  note: 'Ghi chú',
};

// Messages the page knows better than the server's English: what the person should do about each field.
const fieldAdvice = {
  question: 'Hãy nhập câu hỏi (không quá 2.000 ký tự).',
  phone: 'Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng 0 (hoặc +84).',
  consent: 'Chỉ gửi họ tên và số điện thoại khi bạn đã đánh dấu đồng ý.',
  from: 'Ngày phải theo dạng năm-tháng-ngày.',
  to: 'Ngày phải theo dạng năm-tháng-ngày, không trước "Từ ngày".',
};

/** The field names of a ValidationProblem, as keys like "Question" or "Citations[0].DocumentId" give them. */
function fields(problem) {
  return Object.keys(problem?.errors ?? {}).map((key) => key.split(/[.[]/)[0].toLowerCase());
}

/** A Vietnamese sentence for a failed response: its status and ProblemDetails body (or null). */
export function problemMessage(status, problem) {
  switch (status) {
    case 400: {
      const names = [...new Set(fields(problem))];
      if (names.length === 0) return 'Yêu cầu chưa hợp lệ. Vui lòng kiểm tra lại thông tin đã nhập.';
      const advice = names.map((n) => fieldAdvice[n]).filter(Boolean);
      const labels = names.map((n) => fieldNames[n] ?? n).join(', ');
      return `Thông tin chưa hợp lệ ở mục: ${labels}.` + (advice.length ? ' ' + advice.join(' ') : '');
    }
    case 401:
      return 'Cần nhập khóa quản trị (phiên làm việc đã hết hoặc chưa đăng nhập).';
    case 403:
      return 'Khóa quản trị không đúng.';
    case 404:
      return 'Không tìm thấy nội dung yêu cầu.';
    case 409:
      return 'Thao tác bị từ chối vì xung đột: ' + (problem?.detail ?? 'nội dung đã tồn tại hoặc đang có việc khác chạy.');
    case 413:
      return 'Tệp quá lớn để tải lên.';
    case 415:
      return 'Loại tệp không được hỗ trợ, hoặc nội dung không khớp với đuôi tệp.';
    case 429:
      return [problem?.title ?? 'Bạn gửi quá nhiều yêu cầu.', problem?.detail ?? 'Vui lòng thử lại sau ít phút.'].join(' ');
    case 503:
      return 'Hệ thống đang nạp dữ liệu văn bản, chưa sẵn sàng trả lời. Vui lòng thử lại sau ít giây.';
    default:
      return status >= 500
        ? 'Máy chủ gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.'
        : `Yêu cầu không thực hiện được (mã ${status}).`;
  }
}

export const networkMessage = 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng rồi thử lại.';

/** An error the page can show as it is. */
export class ShownError extends Error {
  constructor(message, status = 0, problem = null) {
    super(message);
    this.status = status;
    this.problem = problem;
  }
}

/** fetch that turns every failure into a ShownError in Vietnamese. */
export async function request(url, options = {}) {
  let response;
  try {
    response = await fetch(url, options);
  } catch {
    throw new ShownError(networkMessage);
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      // Not JSON: the status alone says enough.
    }
    throw new ShownError(problemMessage(response.status, problem), response.status, problem);
  }
  return response;
}

export async function requestJson(url, options = {}) {
  const response = await request(url, options);
  return response.status === 204 ? null : response.json();
}

/** Shows a message in an alert region (or hides it with null). */
export function showError(region, message) {
  region.textContent = message ?? '';
  region.hidden = !message;
}

/** Whatever goes wrong that no handler caught is still said on the page, never a blank screen. */
export function reportUncaught(region) {
  const show = () => showError(region, 'Trang gặp lỗi không mong muốn. Vui lòng tải lại trang.');
  window.addEventListener('error', show);
  window.addEventListener('unhandledrejection', show);
}

const dateTime = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function formatDateTime(value) {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : dateTime.format(date);
}
