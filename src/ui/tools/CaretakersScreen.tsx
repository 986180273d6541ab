import { useMemo, useState } from 'preact/hooks';
import { setToolRules, volunteerAsCaretaker } from '../../app/tools';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { useNow } from '../board/use-now';
import { memberName } from '../circle/people';
import { useAppState, useAppStore, useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { caretakerAlerts, duosThisCycle } from './duos';
import { useBusy } from '../components/use-busy';
import { useToolsView } from './use-tools';
import './tools.css';

/** This cycle's caretaker pairs, volunteering, what needs a caretaker's attention, and the circle's tool rules. */
export function CaretakersScreen() {
  const translator = useT();
  const { t } = translator;
  const store = useAppStore();
  const { circle, view } = useAppState();
  const tools = useToolsView();
  const now = useNow();
  const [maxHeld, setMaxHeld] = useState<string | null>(null);
  const [holdHours, setHoldHours] = useState<string | null>(null);
  const [rulesProblem, setRulesProblem] = useState(false);
  const { busy, run: act } = useBusy();
  const duos = useMemo(() => (tools === null || view === null ? null : duosThisCycle(tools.state, view, now)), [tools, view, now]);
  if (circle === null || view === null || tools === null || duos === null) return null;
  const me = circle.membership.memberKey;
  const name = (key: string): string => memberName(view.membership, key, t);
  const willing = tools.state.volunteers.get(me)?.willing === true;
  const volunteerCount = [...tools.state.volunteers.values()].filter((entry) => entry.willing).length;
  const myDuo = duos.duos.find((duo) => duo.members.includes(me)) ?? null;
  const alerts = myDuo === null ? [] : caretakerAlerts(tools.state, myDuo.tools, view, now);

  const saveRules = async (): Promise<void> => {
    const result = await setToolRules(circle, Number(maxHeld ?? tools.state.rules.maxHeld), Number(holdHours ?? tools.state.rules.holdHours), store.deps);
    setRulesProblem(!result.ok);
    if (result.ok) store.notify({ tone: 'success', message: t('tools.duos.rulesSaved') });
  };

  return (
    <Page title={t('tools.duos.title')}>
      <p>{t('tools.duos.lead')}</p>
      <section class="panel" aria-labelledby="duos-title">
        <h2 id="duos-title">{t('tools.duos.thisCycle')}</h2>
        {duos.duos.length === 0 ? (
          <p>{t('tools.duos.none')}</p>
        ) : (
          <ul class="duo-list" data-testid="duo-list">
            {duos.duos.map((duo) => (
              <li key={duo.members.join()}>{t('tools.duos.pair', { a: name(duo.members[0]), b: name(duo.members[1]), count: duo.tools.length })}</li>
            ))}
          </ul>
        )}
        <p class="muted">{t('tools.duos.volunteers', { count: volunteerCount })}</p>
        {willing && <p>{t('tools.duos.volunteering')}</p>}
        <button type="button" class="button" disabled={busy} onClick={() => void act(() => volunteerAsCaretaker(circle, !willing, store.deps))}>
          {willing ? t('tools.duos.stop') : t('tools.duos.volunteer')}
        </button>
      </section>
      {myDuo !== null && (
        <section class="panel" aria-labelledby="duo-alerts-title">
          <h2 id="duo-alerts-title">{t('tools.duos.alerts')}</h2>
          {alerts.length === 0 ? (
            <p class="muted">{t('tools.duos.noAlerts')}</p>
          ) : (
            <ul class="tool-log" data-testid="duo-alerts">
              {alerts.map((alert) => (
                <li key={`${alert.kind}-${alert.tool.id}-${alert.at}`}>
                  <a href={hrefFor({ name: 'tool', id: alert.tool.id })}>
                    {alert.kind === 'flagged'
                      ? t('tools.duos.alertFlagged', {
                          tool: alert.tool.name,
                          date: translator.date(alert.at),
                          flags: alert.flags.map((flag) => t(flag === 'damaged' ? 'tools.log.damaged' : 'tools.log.missingAccessories')).join(', '),
                        })
                      : alert.kind === 'overdue'
                        ? t('tools.duos.alertOverdue', { tool: alert.tool.name, standing: t('tools.overdue', { days: alert.days, waiting: alert.waiting }) })
                        : t('tools.duos.alertConflict', { tool: alert.tool.name })}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('tools.duos.yours')}</h3>
          <ul class="tool-log">
            {myDuo.tools.map((id) => {
              const tool = tools.state.tools.get(id);
              return tool === undefined ? null : (
                <li key={id}>
                  <a href={hrefFor({ name: 'tool', id })}>{tool.name}</a>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <form
        class="panel"
        onSubmit={(event) => {
          event.preventDefault();
          void saveRules();
        }}
      >
        <h2>{t('tools.duos.rules')}</h2>
        <Field label={t('tools.duos.maxHeld')} value={maxHeld ?? String(tools.state.rules.maxHeld)} onInput={setMaxHeld} inputMode="numeric" />
        <Field label={t('tools.duos.holdHours')} value={holdHours ?? String(tools.state.rules.holdHours)} onInput={setHoldHours} inputMode="numeric" />
        {rulesProblem && (
          <p class="error" role="alert">
            {t('tools.duos.rulesProblem')}
          </p>
        )}
        <button type="submit" class="button">
          {t('tools.duos.saveRules')}
        </button>
      </form>
    </Page>
  );
}
