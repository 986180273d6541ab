import { courtOf } from '../../app/court-view';
import { courtReminders } from '../../app/defense/court-reminders';
import { useNow } from '../board/use-now';
import { useAppState, useAppStore, useT } from '../shell/context';
import { hrefFor } from '../shell/router';
import { reminderText } from './court-format';

/**
 * Hearings within two days that this member goes to or posted, on the home
 * and defense screens. Only an unlocked phone opens when and where.
 */
export function CourtReminders() {
  const translator = useT();
  const store = useAppStore();
  const { circle, snapshot, lock } = useAppState();
  // Read again every minute, so "tomorrow" turns into "today" and a reminder leaves after the hearing.
  useNow();
  if (circle === null || snapshot === null || lock.status !== 'unlocked') return null;
  const reminders = courtReminders(circle, courtOf(snapshot), store.deps);
  if (reminders.length === 0) return null;
  return (
    <section aria-labelledby="court-reminders-title" class="panel">
      <h2 id="court-reminders-title">{translator.t('court.remindersTitle')}</h2>
      <ul class="list">
        {reminders.map((reminder) => (
          <li key={reminder.date}>
            <a href={hrefFor({ name: 'court', date: reminder.date })}>{reminderText(reminder, translator)}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
