import { useEffect, useMemo } from 'preact/hooks';
import { photoType } from '../../records/kinds/tool-registered';

const MIME = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;

/** An object URL for a photo carried in a record, released when the photo changes or the screen goes. */
export function usePhotoUrl(photo: Uint8Array | null): string | null {
  const url = useMemo(() => {
    const type = photo === null ? null : photoType(photo);
    if (photo === null || type === null) return null;
    return URL.createObjectURL(new Blob([photo.slice()], { type: MIME[type] }));
  }, [photo]);
  useEffect(() => () => (url === null ? undefined : URL.revokeObjectURL(url)), [url]);
  return url;
}
