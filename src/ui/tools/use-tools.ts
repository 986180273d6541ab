import { useMemo } from 'preact/hooks';
import { toolsViewOf } from '../../app/tools-view';
import type { ToolsView } from '../../app/tools-view';
import { useAppState } from '../shell/context';

/** The tool library as of the open circle's latest snapshot, or null before a circle is open. */
export function useToolsView(): ToolsView | null {
  const { snapshot } = useAppState();
  return useMemo(() => (snapshot === null ? null : toolsViewOf(snapshot)), [snapshot]);
}
