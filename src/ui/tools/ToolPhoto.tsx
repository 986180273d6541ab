import { useEffect, useMemo } from 'preact/hooks';
import type { ToolState } from '../../domain/tools';
import { photoType } from '../../records/kinds/tool-registered';
import { useT } from '../shell/context';

const MIME = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;

/** A tool's thumbnail from its record, or a plain placeholder: nothing is fetched. */
export function ToolPhoto({ tool, size }: { readonly tool: ToolState; readonly size: 'small' | 'large' }) {
  const { t } = useT();
  const url = useMemo(() => {
    const type = tool.photo === null ? null : photoType(tool.photo);
    if (tool.photo === null || type === null) return null;
    return URL.createObjectURL(new Blob([tool.photo as Uint8Array<ArrayBuffer>], { type: MIME[type] }));
  }, [tool.photo]);
  useEffect(() => () => (url === null ? undefined : URL.revokeObjectURL(url)), [url]);
  if (url === null) return <span class={`tool-photo tool-photo-${size} tool-photo-none`} aria-hidden="true" />;
  return <img class={`tool-photo tool-photo-${size}`} src={url} alt={t('tools.photoOf', { name: tool.name })} />;
}
