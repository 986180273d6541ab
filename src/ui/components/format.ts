/** How skills and hours read on every screen, in the member's language. */
import type { Skill, SkillList } from '../../domain/skills';
import { findSkill } from '../../domain/skills';
import type { SkillRef } from '../../domain/events';
import type { MessageKey } from '../../i18n/en';
import type { Translator } from '../../i18n/i18n';

/** A starting skill's name comes from the catalogue; a skill a member added keeps the name they gave it. */
export function skillLabel(skill: Skill, t: Translator['t']): string {
  if (skill.name !== null) return skill.name;
  return t(`skill.${skill.key ?? ''}` as MessageKey);
}

export function skillLabelOf(skills: SkillList, ref: SkillRef, t: Translator['t']): string {
  const skill = findSkill(skills, ref);
  return skill === undefined ? t('skill.unknown') : skillLabel(skill, t);
}

/** Quarter hours as hours: "1.25 h", "1,25 h", "-2 h". */
export function formatHours(quarters: number, translator: Pick<Translator, 't' | 'locale'>): string {
  const hours = new Intl.NumberFormat(translator.locale, { maximumFractionDigits: 2 }).format(quarters / 4);
  return translator.t('hours.value', { hours });
}
