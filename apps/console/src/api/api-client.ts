import type { SessionUser, TokenPair } from './api.types';

/** A failed API call: the HTTP status, the API's stable code and its message (and details, e.g. a 409's holder). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const REFRESH_KEY = 'hub.console.refreshToken';
const CLINIC_KEY = 'hub.console.clinicId';

type Listener = (user: SessionUser | null) => void;

/**
 * Access token in memory only; the refresh token in localStorage so a reload (or a second tab) stays
 * signed in. Refreshes shortly before expiry and once on a 401. Refresh tokens rotate and a reused one
 * ends every session, so tabs take turns through a Web Lock and always use the newest stored token.
 */
export class ApiClient {
  private accessToken: string | null = null;
  private user: SessionUser | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<boolean> | null = null;
  private readonly listeners = new Set<Listener>();
  /** A superadmin acts on one clinic at a time (X-Clinic-Id). */
  clinicId: string | null = localStorage.getItem(CLINIC_KEY);

  constructor(private readonly base = '') {}

  get token(): string | null {
    return this.accessToken;
  }

  get currentUser(): SessionUser | null {
    return this.user;
  }

  onSession(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  setClinic(id: string | null): void {
    this.clinicId = id;
    if (id) localStorage.setItem(CLINIC_KEY, id);
    else localStorage.removeItem(CLINIC_KEY);
  }

  async login(email: string, password: string): Promise<SessionUser> {
    const pair = await this.raw<TokenPair>('POST', '/api/auth/login', { email, password }, false);
    this.accept(pair);
    return pair.user;
  }

  /** Resumes a session from the stored refresh token; false when there is none or it is no longer valid. */
  async resume(): Promise<boolean> {
    if (!localStorage.getItem(REFRESH_KEY)) return false;
    return this.refresh();
  }

  async logout(): Promise<void> {
    const refreshToken = localStorage.getItem(REFRESH_KEY) ?? undefined;
    try {
      if (this.accessToken) await this.raw('POST', '/api/auth/logout', { refreshToken }, true);
    } catch {
      // Signing out locally matters more than telling the server.
    }
    this.clear();
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body ?? {});
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /** A URL that carries the token in the query (EventSource, <img src>, /media). */
  withToken(path: string): string {
    const sep = path.includes('?') ? '&' : '?';
    return `${this.base}${path}${sep}access_token=${encodeURIComponent(this.accessToken ?? '')}`;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    try {
      return await this.raw<T>(method, path, body, true);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401 && (await this.refresh())) return this.raw<T>(method, path, body, true);
      throw err;
    }
  }

  /** Gets a fresh access token; concurrent callers share one refresh. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.lockedRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async lockedRefresh(): Promise<boolean> {
    const run = async (): Promise<boolean> => {
      const refreshToken = localStorage.getItem(REFRESH_KEY);
      if (!refreshToken) {
        this.clear();
        return false;
      }
      try {
        this.accept(await this.raw<TokenPair>('POST', '/api/auth/refresh', { refreshToken }, false));
        return true;
      } catch (err) {
        // Network trouble keeps the session for the next try; a rejected token ends it.
        if (err instanceof ApiError && (err.status === 401 || err.status === 400)) this.clear();
        return false;
      }
    };
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    return locks ? locks.request('hub-console-refresh', run) : run();
  }

  private accept(pair: TokenPair): void {
    this.accessToken = pair.accessToken;
    localStorage.setItem(REFRESH_KEY, pair.refreshToken);
    const changed = this.user?.id !== pair.user.id;
    this.user = pair.user;
    clearTimeout(this.refreshTimer);
    // Refresh at 80 % of the lifetime; an expired token also triggers one on the next 401.
    this.refreshTimer = setTimeout(() => void this.refresh(), Math.max(10, pair.expiresIn * 0.8) * 1000);
    if (changed) this.listeners.forEach((l) => l(this.user));
  }

  private clear(): void {
    const had = this.user !== null;
    this.accessToken = null;
    this.user = null;
    clearTimeout(this.refreshTimer);
    localStorage.removeItem(REFRESH_KEY);
    if (had) this.listeners.forEach((l) => l(null));
  }

  private async raw<T>(method: string, path: string, body: unknown, auth: boolean): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (auth && this.accessToken) headers.Authorization = `Bearer ${this.accessToken}`;
    if (auth && this.clinicId && this.user?.role === 'superadmin') headers['X-Clinic-Id'] = this.clinicId;
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch (err) {
      throw new ApiError(0, 'network', (err as Error).message || 'network error');
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!res.ok) {
      const b = (json ?? {}) as { error?: string; message?: string } & Record<string, unknown>;
      const { error, message, ...details } = b;
      throw new ApiError(res.status, error ?? `http_${res.status}`, message ?? res.statusText, details);
    }
    return json as T;
  }
}

export const api = new ApiClient();
