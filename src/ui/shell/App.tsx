import { useEffect } from 'preact/hooks';
import { Home } from '../circle/Home';
import { Members } from '../circle/Members';
import { NoticeBar } from '../components/Notice';
import { Page } from '../components/Page';
import { Start } from '../onboarding/Start';
import { lazyScreen } from './lazy';
import { StoreContext, useAppState, useAppStore, useT } from './context';
import { hrefFor, useRoute } from './router';
import type { Route } from './router';
import type { AppStore } from './store';
import { UpdateBanner } from './UpdateBanner';
import { SyncIndicator } from './SyncIndicator';

const Create = lazyScreen(() => import('../onboarding/Create').then((m) => m.Create));
const Join = lazyScreen(() => import('../onboarding/Join').then((m) => m.Join));
const Invite = lazyScreen(() => import('../circle/Invite').then((m) => m.Invite));
const MemberDetail = lazyScreen(() => import('../circle/MemberDetail').then((m) => m.MemberDetail));
const MyCode = lazyScreen(() => import('../circle/MyCode').then((m) => m.MyCode));
const Settings = lazyScreen(() => import('../settings/Settings').then((m) => m.Settings), { area: 'ledger' });
const Diagnostics = lazyScreen(() => import('../settings/Diagnostics').then((m) => m.Diagnostics));
const NewExchange = lazyScreen(() => import('../exchange/NewExchange').then((m) => m.NewExchange), { area: 'exchange' });
const DraftShown = lazyScreen(() => import('../exchange/DraftShown').then((m) => m.DraftShown), { area: 'exchange' });
const Scan = lazyScreen(() => import('../exchange/Scan').then((m) => m.Scan), { area: 'exchange' });
const Board = lazyScreen(() => import('../board/Board').then((m) => m.Board), { area: 'board' });
const PostListing = lazyScreen(() => import('../board/PostListing').then((m) => m.PostListing), { area: 'board' });
const ListingDetail = lazyScreen(() => import('../board/ListingDetail').then((m) => m.ListingDetail), { area: 'board' });
const Statement = lazyScreen(() => import('../ledger/Statement').then((m) => m.Statement), { area: 'ledger' });
const CycleScreen = lazyScreen(() => import('../ledger/CycleScreen').then((m) => m.CycleScreen), { area: 'ledger' });
const SyncScreen = lazyScreen(() => import('../sync/SyncScreen').then((m) => m.SyncScreen), { area: 'sync' });
const CircleSettings = lazyScreen(() => import('../ledger/CircleSettings').then((m) => m.CircleSettings), { area: 'ledger' });
const LabelSheet = lazyScreen(() => import('../tools/LabelSheet').then((m) => m.LabelSheetScreen), { area: 'labels' });

export function App({ store }: { readonly store: AppStore }) {
  return (
    <StoreContext.Provider value={store}>
      <Shell />
    </StoreContext.Provider>
  );
}

/** Screens that need an open circle; without one, the start screen shows instead. */
const CIRCLE_SCREENS = new Set<Route['name']>([
  'home', 'members', 'member', 'invite', 'me', 'exchange', 'draft', 'scan', 'statement', 'cycle', 'board', 'post', 'listing', 'circle-settings', 'sync',
]);

function Shell() {
  const { t } = useT();
  const store = useAppStore();
  const state = useAppState();
  const route = useRoute();
  useEffect(() => {
    document.documentElement.lang = state.locale;
  }, [state.locale]);

  if (state.phase === 'loading') {
    return (
      <main id="main" class="loading" aria-busy="true">
        <p>{t('common.loading')}</p>
      </main>
    );
  }
  if (state.phase === 'failed') {
    return (
      <main id="main">
        <Page title={t('failure.title')}>
          <p>{t('failure.lead')}</p>
          <pre class="failure">{state.failure}</pre>
        </Page>
      </main>
    );
  }

  const hasCircle = state.circle !== null;
  const screen = CIRCLE_SCREENS.has(route.name) && !hasCircle ? <Start /> : renderRoute(route);
  return (
    <>
      <a class="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header class="app-header">
        <a class="brand" href={hrefFor({ name: 'home' })}>
          Tally
        </a>
        {state.circle !== null && <span class="header-circle">{state.snapshot?.circle.circle?.name ?? state.circle.membership.circleName}</span>}
        {state.circle !== null && <SyncIndicator />}
      </header>
      <UpdateBanner />
      <NoticeBar notice={state.notice} onDismiss={() => store.notify(null)} />
      <main id="main" tabIndex={-1}>
        {screen}
      </main>
      {hasCircle && <TabBar current={route.name} />}
    </>
  );
}

function renderRoute(route: Route) {
  switch (route.name) {
    case 'home':
      return <Home />;
    case 'start':
      return <Start />;
    case 'create':
      return <Create />;
    case 'join':
      return <Join />;
    case 'members':
      return <Members />;
    case 'member':
      return <MemberDetail memberKey={route.key} />;
    case 'invite':
      return <Invite />;
    case 'me':
      return <MyCode />;
    case 'settings':
      return <Settings />;
    case 'diagnostics':
      return <Diagnostics />;
    case 'exchange':
      return <NewExchange role={route.role ?? null} listing={route.listing ?? null} />;
    case 'draft':
      return <DraftShown draftId={route.id} />;
    case 'scan':
      return <Scan />;
    case 'statement':
      return <Statement />;
    case 'cycle':
      return <CycleScreen />;
    case 'board':
      return <Board />;
    case 'post':
      return <PostListing side={route.side ?? null} />;
    case 'listing':
      return <ListingDetail listingId={route.id} />;
    case 'circle-settings':
      return <CircleSettings />;
    case 'sync':
      return <SyncScreen />;
    case 'labels':
      return <LabelSheet tool={route.tool} />;
    case 'tools':
    case 'tool':
    case 'tool-new':
    case 'label':
    case 'areas':
    case 'caretakers':
    case 'not-found':
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useT();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.lead')}</p>
      <a class="button" href={hrefFor({ name: 'home' })}>
        {t('notFound.home')}
      </a>
    </Page>
  );
}

const TABS = [
  { route: { name: 'home' }, key: 'nav.home', matches: ['home', 'cycle', 'statement'] },
  { route: { name: 'scan' }, key: 'nav.scan', matches: ['scan', 'exchange', 'draft'] },
  { route: { name: 'board' }, key: 'nav.board', matches: ['board', 'post', 'listing'] },
  { route: { name: 'members' }, key: 'nav.members', matches: ['members', 'member', 'invite', 'me'] },
  { route: { name: 'settings' }, key: 'nav.settings', matches: ['settings', 'circle-settings', 'diagnostics'] },
] as const;

function TabBar({ current }: { readonly current: Route['name'] }) {
  const { t } = useT();
  return (
    <nav class="tab-bar" aria-label={t('nav.label')}>
      {TABS.map((tab) => (
        <a key={tab.key} href={hrefFor(tab.route)} aria-current={(tab.matches as readonly string[]).includes(current) ? 'page' : undefined}>
          {t(tab.key)}
        </a>
      ))}
    </nav>
  );
}
