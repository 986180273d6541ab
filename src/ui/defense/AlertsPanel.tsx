import { alertsView } from '../../app/defense/alerts';
import type { OpenCircle } from '../../app/open-circle';
import type { RosterState } from '../../domain/roster';
import type { ReplicaSnapshot } from '../../replica/replica';
import { useAppStore, useT } from '../shell/context';
import { AlertCard } from './AlertCard';
import { RaiseAlert } from './RaiseAlert';

const MINUTE = 60_000;

/** Open alerts with their coverage, raising a new one, and the history of drills. */
export function AlertsPanel({ circle, snapshot, roster, unlocked }: { readonly circle: OpenCircle; readonly snapshot: ReplicaSnapshot; readonly roster: RosterState; readonly unlocked: boolean }) {
  const translator = useT();
  const { t } = translator;
  const store = useAppStore();
  const now = store.deps.now();
  const view = alertsView(snapshot, roster, now);
  const byId = new Map(view.overview.alerts.map((coverage) => [coverage.alert.id, coverage]));
  const { drills } = view;
  return (
    <section aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('defense.alertsTitle')}</h2>
      <RaiseAlert circle={circle} />
      {view.live.length === 0 && <p>{t('defense.alertsNone')}</p>}
      {view.live.map((id) => {
        const raised = view.raised.get(id);
        const coverage = byId.get(id);
        return raised === undefined || coverage === undefined ? null : (
          <AlertCard key={id} circle={circle} snapshot={snapshot} roster={roster} raised={raised} coverage={coverage} unlocked={unlocked} now={now} />
        );
      })}
      {drills.length > 0 && (
        <>
          <h3>{t('defense.drillsTitle')}</h3>
          <ul class="list">
            {drills.map((drill) => (
              <li key={drill.alert}>
                {drill.timeTo90 === null
                  ? t('defense.drillRowNever', { date: translator.date(drill.at) })
                  : t('defense.drillRow', { date: translator.date(drill.at), minutes: Math.max(1, Math.round(drill.timeTo90 / MINUTE)) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
