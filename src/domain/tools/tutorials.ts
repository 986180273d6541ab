/**
 * Repair tutorials as versions that anyone may edit offline. Edits made at
 * the same time both survive: the newest is shown and the others are listed
 * as heads for someone to merge, so no one's writing is lost.
 */
import { compareEvents } from './core';
import type { RecordId, TutorialWritten } from './core';
import type { ToolIgnoredReason, Tutorial, TutorialVersion } from './types';

/** `versions` are sorted. A version whose chain leads to one not on this phone waits for it. */
export function resolveTutorials(versions: readonly TutorialWritten[]): {
  readonly tutorials: ReadonlyMap<RecordId, Tutorial>;
  readonly ignored: ReadonlyMap<RecordId, ToolIgnoredReason>;
} {
  const byId = new Map<RecordId, TutorialWritten>();
  for (const version of versions) byId.set(version.id, version);
  const rootOf = new Map<RecordId, RecordId | null>();
  const findRoot = (start: TutorialWritten): RecordId | null => {
    const path: RecordId[] = [];
    const onPath = new Set<RecordId>();
    let current: TutorialWritten | undefined = start;
    let root: RecordId | null = null;
    while (current !== undefined) {
      const known = rootOf.get(current.id);
      if (known !== undefined) {
        root = known;
        break;
      }
      if (onPath.has(current.id)) break;
      path.push(current.id);
      onPath.add(current.id);
      if (current.replaces === null) {
        root = current.id;
        break;
      }
      current = byId.get(current.replaces);
    }
    for (const id of path) rootOf.set(id, root);
    return root;
  };

  const ignored = new Map<RecordId, ToolIgnoredReason>();
  const grouped = new Map<RecordId, TutorialWritten[]>();
  for (const version of versions) {
    const root = findRoot(version);
    if (root === null) {
      ignored.set(version.id, 'awaiting-history');
      continue;
    }
    const group = grouped.get(root);
    if (group === undefined) grouped.set(root, [version]);
    else group.push(version);
  }

  const tutorials = new Map<RecordId, Tutorial>();
  for (const [id, group] of grouped) {
    const replaced = new Set<RecordId>();
    for (const version of group) if (version.replaces !== null) replaced.add(version.replaces);
    const heads = group.filter((version) => !replaced.has(version.id)).sort(compareEvents);
    // Versions follow from what they replace, so heads are never empty.
    const current = heads[heads.length - 1]!;
    tutorials.set(id, {
      id,
      title: current.title,
      text: current.text,
      photos: current.photos,
      tools: current.tools,
      current: current.id,
      otherHeads: heads.slice(0, -1).map((head) => head.id),
      versions: group.map(versionOf),
    });
  }
  return { tutorials, ignored };
}

function versionOf(version: TutorialWritten): TutorialVersion {
  return {
    id: version.id,
    author: version.author,
    at: version.at,
    replaces: version.replaces,
    title: version.title,
    text: version.text,
    photos: version.photos,
    tools: version.tools,
  };
}
