import type { CircleState, Member } from '../../domain/circle';
import type { Translator } from '../../i18n/i18n';

/** A member's name as others see it, or a neutral label for someone not yet known here. */
export function memberName(state: CircleState, key: string | null, t: Translator['t']): string {
  if (key === null) return t('members.nobody');
  return state.members.get(key)?.name ?? t('members.unknown');
}

export function membersByName(state: CircleState, locale: string): Member[] {
  return [...state.members.values()].sort((a, b) => a.name.localeCompare(b.name, locale) || (a.key < b.key ? -1 : 1));
}

export function recentArrivals(state: CircleState, count: number): Member[] {
  return [...state.members.values()].sort((a, b) => b.since - a.since).slice(0, count);
}
