import type { ToolState } from '../../domain/tools';
import { useT } from '../shell/context';
import { usePhotoUrl } from './use-photo-url';

/** A tool's thumbnail from its record, or a plain placeholder: nothing is fetched. */
export function ToolPhoto({ tool, size }: { readonly tool: ToolState; readonly size: 'small' | 'large' }) {
  const { t } = useT();
  const url = usePhotoUrl(tool.photo);
  if (url === null) return <span class={`tool-photo tool-photo-${size} tool-photo-none`} aria-hidden="true" />;
  return <img class={`tool-photo tool-photo-${size}`} src={url} alt={t('tools.photoOf', { name: tool.name })} />;
}
