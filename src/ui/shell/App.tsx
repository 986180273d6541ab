import { useEffect } from 'preact/hooks';
import { Home } from '../circle/Home';
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

const Members = lazyScreen(() => import('../circle/Members').then((m) => m.Members));
const Create = lazyScreen(() => import('../onboarding/Create').then((m) => m.Create), { area: 'people' });
const Join = lazyScreen(() => import('../onboarding/Join').then((m) => m.Join));
const Invite = lazyScreen(() => import('../circle/Invite').then((m) => m.Invite), { area: 'people' });
const MemberDetail = lazyScreen(() => import('../circle/MemberDetail').then((m) => m.MemberDetail), { area: 'people' });
const MyCode = lazyScreen(() => import('../circle/MyCode').then((m) => m.MyCode), { area: 'people' });
const Settings = lazyScreen(() => import('../settings/Settings').then((m) => m.Settings), { area: 'ledger' });
const Diagnostics = lazyScreen(() => import('../settings/Diagnostics').then((m) => m.Diagnostics), { area: 'diagnostics' });
const NewExchange = lazyScreen(() => import('../exchange/NewExchange').then((m) => m.NewExchange), { area: 'exchange' });
const DraftShown = lazyScreen(() => import('../exchange/DraftShown').then((m) => m.DraftShown), { area: 'exchange' });
const Scan = lazyScreen(() => import('../exchange/Scan').then((m) => m.Scan), { area: 'exchange' });
const Board = lazyScreen(() => import('../board/Board').then((m) => m.Board), { area: 'board' });
const PostListing = lazyScreen(() => import('../board/PostListing').then((m) => m.PostListing), { area: 'board' });
const ListingDetail = lazyScreen(() => import('../board/ListingDetail').then((m) => m.ListingDetail), { area: 'board' });
const Statement = lazyScreen(() => import('../ledger/Statement').then((m) => m.Statement), { area: 'ledger' });
const CycleScreen = lazyScreen(() => import('../ledger/CycleScreen').then((m) => m.CycleScreen), { area: 'ledger' });
const SyncScreen = lazyScreen(() => import('../sync/SyncScreen').then((m) => m.SyncScreen), { area: 'sync' });
const ToolsScreen = lazyScreen(() => import('../tools/ToolsScreen').then((m) => m.ToolsScreen), { area: 'tools' });
const ToolPage = lazyScreen(() => import('../tools/ToolPage').then((m) => m.ToolPage), { area: 'tools' });
const RegisterTool = lazyScreen(() => import('../tools/RegisterTool').then((m) => m.RegisterTool), { area: 'tools' });
const LabelScreen = lazyScreen(() => import('../tools/LabelScreen').then((m) => m.LabelScreen), { area: 'tools' });
const AreasScreen = lazyScreen(() => import('../tools/AreasScreen').then((m) => m.AreasScreen), { area: 'tools' });
const CaretakersScreen = lazyScreen(() => import('../tools/CaretakersScreen').then((m) => m.CaretakersScreen), { area: 'tools' });
const CircleSettings = lazyScreen(() => import('../ledger/CircleSettings').then((m) => m.CircleSettings), { area: 'ledger' });
const AutoLock = lazyScreen(() => import('../lock/use-auto-lock').then((m) => m.AutoLock), { quiet: true });
const DefenseScreen = lazyScreen(() => import('../defense/DefenseScreen').then((m) => m.DefenseScreen), { area: 'defense' });
const AgreementScreen = lazyScreen(() => import('../defense/AgreementScreen').then((m) => m.AgreementScreen), { area: 'defense' });
const FundScreen = lazyScreen(() => import('../defense/FundScreen').then((m) => m.FundScreen), { area: 'defense' });
const FundTotals = lazyScreen(() => import('../defense/FundScreen').then((m) => m.FundTotals), { area: 'defense' });
const CourtScreens = lazyScreen(() => import('../defense/CourtScreens').then((m) => m.CourtScreens), { area: 'defense' });
const HousingScreen = lazyScreen(() => import('../defense/HousingScreen').then((m) => m.HousingScreen), { area: 'defense' });
const LockScreen = lazyScreen(() => import('../lock/LockScreen').then((m) => m.LockScreen), { area: 'lock' });
const LabelSheet = lazyScreen(() => import('../tools/ToolLabelSheet').then((m) => m.ToolLabelSheet), { area: 'labels' });

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
  'tools', 'tool', 'tool-new', 'label', 'labels', 'areas', 'caretakers', 'defense', 'agreement', 'fund', 'fund-totals', 'court', 'housing',
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

  if (state.lock.status === 'locked') {
    return (
      <>
        <header class="app-header">
          <span class="brand">Tally</span>
        </header>
        <UpdateBanner />
        <main id="main" tabIndex={-1}>
          <LockScreen />
        </main>
      </>
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
        {state.lock.status === 'unlocked' && (
          <button type="button" class="button-quiet header-lock" aria-label={t('common.lockNowLabel')} onClick={() => void store.lockNow()}>
            {t('common.lockNow')}
          </button>
        )}
      </header>
      {state.lock.status === 'unlocked' && <AutoLock />}
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
    case 'tools':
      return <ToolsScreen />;
    case 'tool':
      return <ToolPage key={route.id} toolId={route.id} />;
    case 'tool-new':
      return <RegisterTool label={route.label ?? null} />;
    case 'label':
      return <LabelScreen labelId={route.id} />;
    case 'areas':
      return <AreasScreen />;
    case 'caretakers':
      return <CaretakersScreen />;
    case 'labels':
      return <LabelSheet tool={route.tool} />;
    case 'defense':
      return <DefenseScreen />;
    case 'agreement':
      return <AgreementScreen />;
    case 'fund':
      return <FundScreen />;
    case 'fund-totals':
      return <FundTotals />;
    case 'court':
      return <CourtScreens key={route.date} dateId={route.date ?? null} />;
    case 'housing':
      return <HousingScreen />;
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
  { route: { name: 'tools' }, key: 'nav.tools', matches: ['tools', 'tool', 'tool-new', 'label', 'labels', 'areas', 'caretakers'] },
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
