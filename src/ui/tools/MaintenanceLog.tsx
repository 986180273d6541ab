import type { ToolsState, ToolState } from '../../domain/tools';
import { memberName } from '../circle/people';
import { useAppState, useT } from '../shell/context';
import { conditionKey, roleKey, statusKey } from './tool-format';

const SHOWN = 30;

/** The public record of a tool's life: whose hands it passed through, its condition, repairs and statuses. */
export function MaintenanceLog({ tool }: { readonly tool: ToolState; readonly tools: ToolsState }) {
  const translator = useT();
  const { t } = translator;
  const { view } = useAppState();
  if (view === null) return null;
  const name = (key: string): string => memberName(view.membership, key, t);
  const custody = [...tool.custody].reverse().slice(0, SHOWN);
  const repairs = [...tool.repairs].reverse();
  const audits = [...tool.audits].reverse().slice(0, SHOWN);

  return (
    <section class="panel" aria-labelledby="tool-log-title">
      <h2 id="tool-log-title">{t('tools.log.title')}</h2>
      <h3>{t('tools.log.custody')}</h3>
      <ol class="tool-log" reversed data-testid="tool-custody">
        {custody.map((step) => {
          const flags = step.flags.map((flag) => t(flag === 'damaged' ? 'tools.log.damaged' : 'tools.log.missingAccessories'));
          return (
            <li key={step.handoff} class={flags.length > 0 ? 'tool-log-flagged' : undefined}>
              {t('tools.log.custodyItem', {
                date: translator.date(step.at),
                from: name(step.from),
                to: name(step.to),
                role: t(roleKey(step.role)),
                condition: t(conditionKey(step.condition)),
              })}
              {flags.length > 0 && <strong> · {flags.join(', ')}</strong>}
              {step.note !== '' && <span class="muted"> · {step.note}</span>}
            </li>
          );
        })}
        <li>{t('tools.log.registeredItem', { date: translator.date(tool.registeredAt), name: name(tool.registeredBy) })}</li>
      </ol>
      <h3>{t('tools.log.repairs')}</h3>
      {repairs.length === 0 ? (
        <p class="muted">{t('tools.log.noRepairs')}</p>
      ) : (
        <ul class="tool-log">
          {repairs.map((repair) => (
            <li key={repair.id}>
              {repair.closed === null
                ? t('tools.log.repairOpen', { date: translator.date(repair.openedAt), problem: repair.problem, name: name(repair.openedBy) })
                : t('tools.log.repairClosed', {
                    date: translator.date(repair.closed.at),
                    problem: repair.problem,
                    name: name(repair.closed.by),
                    fix: repair.closed.fix,
                    parts: repair.closed.parts || '—',
                    minutes: repair.closed.minutes,
                  })}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('tools.log.conditions')}</h3>
      {audits.length === 0 && tool.statusMarks.length === 0 ? (
        <p class="muted">{t('tools.log.none')}</p>
      ) : (
        <ul class="tool-log">
          {tool.statusMarks.map((mark) => (
            <li key={mark.id}>
              {t('tools.log.statusItem', {
                date: translator.date(mark.at),
                name: name(mark.by),
                status: t(statusKey(mark.status === 'found' ? 'available' : mark.status)),
              })}
              {mark.note !== '' && <span class="muted"> · {mark.note}</span>}
            </li>
          ))}
          {audits.map((audit) => (
            <li key={audit.id}>
              {t('tools.log.audit', { date: translator.date(audit.at), name: name(audit.by), condition: t(conditionKey(audit.condition)) })}
              {audit.note !== '' && <span class="muted"> · {audit.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
