import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from './api/api-client';
import type { Role } from './api/api.types';
import { AlertsProvider, useAlerts } from './alerts/alerts';
import { canAdmin, canLead, SessionProvider, useSession } from './auth/session';
import { I18nProvider, useI18n } from './i18n/i18n';
import type { MessageKey } from './i18n/dictionary';
import { InboxPage } from './inbox/inbox.page';
import { inbox } from './inbox/inbox.store';
import { live, type LiveStatus } from './live/event-stream';
import { Link, match, navigate, usePath } from './router';
import { customerName, levelOf } from './ui/format';
import { platformName } from './ui/platform-icon';
import { AckLinkPage, NotificationsPage, OpenAlertPage } from './alerts/notifications.page';
import { AlertSettingsPage } from './alerts/alert-settings.page';
import { registerServiceWorker } from './alerts/push';

// Admin and supervisor screens are split out: staff (most users) never download them.
const BoardPage = lazy(() => import('./supervisor/board.page').then((m) => ({ default: m.BoardPage })));
const AuditPage = lazy(() => import('./supervisor/audit.page').then((m) => ({ default: m.AuditPage })));
const AccountsPage = lazy(() => import('./admin/accounts.page').then((m) => ({ default: m.AccountsPage })));
const PersonasPage = lazy(() => import('./admin/personas.page').then((m) => ({ default: m.PersonasPage })));
const PricingPage = lazy(() => import('./admin/pricing.page').then((m) => ({ default: m.PricingPage })));
const LibraryPage = lazy(() => import('./admin/library.page').then((m) => ({ default: m.LibraryPage })));
const GlossaryPage = lazy(() => import('./admin/glossary.page').then((m) => ({ default: m.GlossaryPage })));
const AlertRulesPage = lazy(() => import('./admin/alert-rules.page').then((m) => ({ default: m.AlertRulesPage })));

export function App() {
  return (
    <I18nProvider>
      <AlertsProvider>
        <SessionProvider>
          <Root />
        </SessionProvider>
      </AlertsProvider>
    </I18nProvider>
  );
}

function Root() {
  const { me } = useSession();
  const path = usePath();
  const { t } = useI18n();
  useEffect(() => {
    if (me === null && path !== '/login') navigate('/login', true);
    if (me && (path === '/login' || path === '/')) navigate('/inbox', true);
  }, [me, path]);
  // The acknowledge link of an email works without signing in (the token names the alert and the user).
  if (path === '/alerts/ack') return <AckLinkPage />;
  if (me === undefined) return <p className="splash">{t('common.loading')}</p>;
  if (me === null) return <LoginPage />;
  return <Shell role={me.role} />;
}

function LoginPage() {
  const { t } = useI18n();
  const { login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
    } catch (err) {
      setError(t('login.failed', { message: (err as Error).message }));
      setBusy(false);
    }
  };
  return (
    <main className="login" id="main">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">{t('app.title')}</h1>
        <h2 className="login-sub">{t('login.title')}</h2>
        <label>
          {t('login.email')}
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
        </label>
        <label>
          {t('login.password')}
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
        <LocaleSwitch />
      </form>
    </main>
  );
}

function LocaleSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <button
      type="button"
      className="btn btn-ghost btn-small"
      onClick={() => setLocale(locale === 'ko' ? 'en' : 'ko')}
      aria-label={`${t('lang.label')}: ${t('lang.switch')}`}
    >
      {t('lang.switch')}
    </button>
  );
}

interface NavItem {
  to: string;
  label: MessageKey;
  show: (r: Role) => boolean;
}
const NAV: NavItem[] = [
  { to: '/inbox', label: 'shell.inbox', show: () => true },
  { to: '/board', label: 'shell.board', show: canLead },
  { to: '/audit', label: 'shell.audit', show: canLead },
  { to: '/admin/accounts', label: 'shell.accounts', show: canLead },
  { to: '/admin/personas', label: 'shell.personas', show: canLead },
  { to: '/admin/pricing', label: 'shell.pricing', show: () => true },
  { to: '/admin/library', label: 'shell.library', show: () => true },
  { to: '/admin/glossary', label: 'shell.glossary', show: () => true },
  { to: '/alerts', label: 'shell.alerts', show: () => true },
  { to: '/alerts/settings', label: 'shell.alertSettings', show: () => true },
  { to: '/admin/alerts', label: 'shell.alertRules', show: canAdmin },
];

function Shell({ role }: { role: Role }) {
  const { t } = useI18n();
  const { me, logout } = useSession();
  const path = usePath();
  const alerts = useAlerts();
  const [status, setStatus] = useState<LiveStatus>(live.status);

  // One stream and one store per signed-in session.
  useEffect(() => {
    const off = live.onStatus(setStatus);
    live.start();
    inbox.start();
    void registerServiceWorker();
    return () => {
      off();
      live.stop();
      inbox.stop();
    };
  }, []);

  useEffect(
    () =>
      live.on((e) => {
        const id = typeof e.conversationId === 'string' ? e.conversationId : undefined;
        const c = id ? inbox.get(id) : undefined;
        const name = c ? customerName(c.customer) : '—';
        if (e.type === 'alert' && e.kind === 'handoff')
          alerts.push({ tone: 'warning', text: t('alert.handoff', { name }), ...(id ? { conversationId: id } : {}) });
        if (e.type === 'alert' && e.kind === 'satisfaction_drop') {
          const score = typeof e.score === 'number' ? e.score : 0;
          const level = typeof e.level === 'string' ? e.level : levelOf(score);
          alerts.push({
            tone: level === 'red' ? 'danger' : 'warning',
            text: t('alert.drop', { name, level: t(`level.${level as 'red'}`), score }),
            ...(id ? { conversationId: id } : {}),
          });
        }
        if (e.type === 'send.failed') alerts.push({ tone: 'danger', text: t('alert.sendFailed', { name }), ...(id ? { conversationId: id } : {}) });
        if (e.type === 'account.disconnected' && canLead(role))
          alerts.push({ tone: 'danger', text: t('alert.disconnected', { platform: platformName(String(e.platform ?? '')), reason: String(e.reason ?? '') }) });
      }),
    [alerts, t, role],
  );

  const conv = match('/inbox/:id', path);
  const openAlert = path !== '/alerts/settings' ? match('/alerts/:id', path) : null;
  const page = (() => {
    if (path === '/inbox' || conv) return <InboxPage selectedId={conv?.id ?? null} />;
    if (path === '/board') return canLead(role) ? <BoardPage /> : <Forbidden />;
    if (path === '/audit') return canLead(role) ? <AuditPage /> : <Forbidden />;
    if (path === '/admin/accounts') return canLead(role) ? <AccountsPage canManage={canAdmin(role)} /> : <Forbidden />;
    if (path === '/admin/personas') return canLead(role) ? <PersonasPage canManage={canAdmin(role)} /> : <Forbidden />;
    if (path === '/admin/pricing') return <PricingPage canManage={canAdmin(role)} />;
    if (path === '/admin/library') return <LibraryPage canManage={canLead(role)} />;
    if (path === '/admin/glossary') return <GlossaryPage canManage={canLead(role)} />;
    if (path === '/alerts') return <NotificationsPage />;
    if (path === '/alerts/settings') return <AlertSettingsPage />;
    if (openAlert?.id) return <OpenAlertPage id={openAlert.id} />;
    if (path === '/admin/alerts') return canAdmin(role) ? <AlertRulesPage /> : <Forbidden />;
    return <InboxPage selectedId={null} />;
  })();

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <ClinicPicker role={role} />
        <span className={`live live-${status}`} role="status" data-testid="live-status" data-status={status}>
          <span className="live-dot" aria-hidden="true" />
          {t(status === 'open' ? 'shell.live.open' : status === 'connecting' ? 'shell.live.connecting' : 'shell.live.closed')}
        </span>
        <span className="spacer" />
        <label className="toggle">
          <input type="checkbox" checked={alerts.sound} onChange={(e) => alerts.setSound(e.target.checked)} />
          {t('shell.sound')}
        </label>
        <LocaleSwitch />
        <span className="me" data-testid="me">
          {me?.name} · {t(`role.${role}`)}
          {me?.clinic ? ` · ${me.clinic.name}` : ''}
        </span>
        <button type="button" className="btn btn-small" onClick={() => void logout()}>
          {t('shell.logout')}
        </button>
      </header>
      <nav className="sidenav" aria-label={t('shell.nav')}>
        <ul>
          {NAV.filter((n) => n.show(role)).map((n) => {
            const current = path === n.to || (n.to === '/inbox' && !!conv);
            return (
              <li key={n.to}>
                <Link to={n.to} aria-current={current ? 'page' : undefined}>
                  {t(n.label)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        <Suspense fallback={<p className="muted pad">{t('common.loading')}</p>}>{page}</Suspense>
      </main>
    </div>
  );
}

function Forbidden() {
  const { t } = useI18n();
  return <p className="pad">{t('admin.forbidden')}</p>;
}

/** A superadmin has no clinic of their own: they pick the one to act on. */
function ClinicPicker({ role }: { role: Role }) {
  const { t } = useI18n();
  const [clinics, setClinics] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    if (role !== 'superadmin') return;
    api
      .get<{ items: { id: string; name: string }[] }>('/api/clinics')
      .then((r) => {
        setClinics(r.items);
        if (!api.clinicId && r.items[0]) {
          api.setClinic(r.items[0].id);
          location.reload();
        }
      })
      .catch((err: ApiError) => console.warn(err.message));
  }, [role]);
  if (role !== 'superadmin') return null;
  return (
    <label className="inline-field">
      {t('shell.clinic')}
      <select
        value={api.clinicId ?? ''}
        onChange={(e) => {
          api.setClinic(e.target.value);
          location.reload();
        }}
      >
        {clinics.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
