/** The words of a photo field, in the member's language: a tool's photo and a tutorial's share all but the name and hint. */
import type { Translator } from '../../i18n/i18n';
import type { PhotoFieldStrings } from './PhotoField';

export function photoStrings(t: Translator['t'], label: string, hint: string): PhotoFieldStrings {
  return {
    label,
    hint,
    take: t('tools.new.photoTake'),
    choose: t('tools.new.photoChoose'),
    replace: t('tools.new.photoReplace'),
    remove: t('tools.new.photoRemove'),
    preview: t('tools.new.photoPreview'),
    working: t('tools.new.photoWorking'),
    problems: {
      'not-an-image': t('tools.new.photoNotImage'),
      'too-large': t('tools.new.photoTooLarge'),
      unreadable: t('tools.new.photoUnreadable'),
    },
  };
}
