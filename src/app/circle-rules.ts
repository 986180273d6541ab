/** Changing the circle's rules for credits, its list of skills, and a cycle's theme. */
import { normalizeName } from '../domain/names';
import type { NameProblem } from '../domain/names';
import { areValidSettings, circleSettingsBody } from '../records/kinds/circle-settings';
import type { SettingsFields } from '../records/kinds/circle-settings';
import { cycleThemeBody, MAX_THEME } from '../records/kinds/cycle-theme';
import { MAX_SKILL_NAME, skillAddedBody, skillMarkedBody } from '../records/kinds/skill-added';
import { customSkillRef } from '../records/kinds/skill-codes';
import { err, ok } from '../records/result';
import type { Result } from '../records/result';
import type { AppDeps } from './deps';
import type { OpenCircle } from './open-circle';
import { signAndStore } from './records';

export async function changeSettings(circle: OpenCircle, fields: SettingsFields, deps: AppDeps): Promise<Result<void, 'invalid'>> {
  if (!areValidSettings(fields)) return err('invalid');
  await signAndStore(circle, 'circle.settings', circleSettingsBody(fields), deps);
  return ok(undefined);
}

/** Adds a skill; resolves with its ref, which exchanges and listings then name. */
export async function addSkill(circle: OpenCircle, name: string, essential: boolean, deps: AppDeps): Promise<Result<string, NameProblem>> {
  const normalized = normalizeName(name, MAX_SKILL_NAME);
  if (!normalized.ok) return err(normalized.problem);
  const record = await signAndStore(circle, 'skill.added', skillAddedBody({ name: normalized.value, essential }), deps);
  return ok(customSkillRef(record.id));
}

export async function setCycleTheme(circle: OpenCircle, cycle: number, theme: string, deps: AppDeps): Promise<Result<void, NameProblem>> {
  const normalized = normalizeName(theme, MAX_THEME);
  if (!normalized.ok) return err(normalized.problem);
  await signAndStore(circle, 'cycle.theme', cycleThemeBody({ cycle, theme: normalized.value }), deps);
  return ok(undefined);
}

export async function markSkillEssential(circle: OpenCircle, skill: string, essential: boolean, deps: AppDeps): Promise<void> {
  await signAndStore(circle, 'skill.marked', skillMarkedBody({ skill, essential }), deps);
}
