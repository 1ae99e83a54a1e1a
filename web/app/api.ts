/** The web app's only way to the server: JSON over fetch, with the session's CSRF token on writes. */
let csrfToken: string | null = null;
let language = 'vi';

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}
export function setApiLanguage(lang: string) {
  language = lang;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': language };
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const payload = body === undefined ? undefined : form ? (body as FormData) : JSON.stringify(body);
  const res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, data.code ?? 'HTTP', data.message ?? res.statusText, data.details);
  return data as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
  delete: <T>(url: string) => request<T>('DELETE', url),
  /** multipart upload (files) */
  upload: <T>(url: string, form: FormData) => request<T>('POST', url, form),
  /** the same with the bytes sent so far reported (large files: fetch cannot tell an upload's progress) */
  uploadWithProgress: <T>(url: string, form: FormData, onProgress: (sent: number, total: number) => void) =>
    new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.withCredentials = true;
      xhr.setRequestHeader('accept-language', language);
      if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
      xhr.upload.onprogress = (e) => onProgress(e.loaded, e.total);
      xhr.onerror = () => reject(new ApiError(0, 'NETWORK', language === 'vi' ? 'Mất kết nối khi gửi tệp.' : 'The connection failed while sending the file.'));
      xhr.onload = () => {
        let data: { code?: string; message?: string; details?: Record<string, unknown> } = {};
        try {
          data = JSON.parse(xhr.responseText);
        } catch {
          data = {};
        }
        if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
        else reject(new ApiError(xhr.status, data.code ?? 'HTTP', data.message ?? xhr.statusText, data.details));
      };
      xhr.send(form);
    }),
};
