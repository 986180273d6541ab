import { useState } from 'preact/hooks';
import { writeTutorial } from '../../app/tools';
import type { TutorialProblem } from '../../app/tools';
import type { Tutorial, ToolState } from '../../domain/tools';
import { TUTORIAL_LIMITS } from '../../records/kinds/tool-circle';
import { memberName } from '../circle/people';
import { Field } from '../components/Field';
import { useAppState, useAppStore, useT } from '../shell/context';
import { PhotoField } from './PhotoField';
import { photoStrings } from './photo-strings';
import { usePhotoUrl } from './use-photo-url';
import { useToolsView } from './use-tools';

type Editing = { readonly replaces: Tutorial | null } | null;

/** Two pictures and the text must fit one record: these are smaller than a tool's photo. */
const TUTORIAL_PHOTO_BOX = 240;

function TutorialPhoto({ photo, label }: { readonly photo: Uint8Array; readonly label: string }) {
  const url = usePhotoUrl(photo);
  return url === null ? null : <img class="tool-tutorial-photo" src={url} alt={label} />;
}

/**
 * Repair tutorials linked to the tool, written together: anyone can write one
 * or edit the one shown, each edit is a new version, and versions written at
 * the same time on phones apart are all kept and named, for a person to merge.
 */
export function Tutorials({ tool }: { readonly tool: ToolState }) {
  const translator = useT();
  const { t } = translator;
  const store = useAppStore();
  const { circle, view } = useAppState();
  const tools = useToolsView();
  const [editing, setEditing] = useState<Editing>(null);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<readonly (Uint8Array | null)[]>([null, null]);
  const [problem, setProblem] = useState<TutorialProblem | null>(null);
  const [busy, setBusy] = useState(false);
  if (circle === null || view === null || tools === null) return null;
  const tutorials = tool.tutorials.map((id) => tools.state.tutorials.get(id)).filter((entry): entry is Tutorial => entry !== undefined);

  const open = (replaces: Tutorial | null): void => {
    setEditing({ replaces });
    setTitle(replaces?.title ?? '');
    setText(replaces?.text ?? '');
    setPhotos([replaces?.photos[0] ?? null, replaces?.photos[1] ?? null]);
    setProblem(null);
  };
  const save = async (): Promise<void> => {
    if (editing === null) return;
    setBusy(true);
    try {
      const linked = editing.replaces === null ? [tool.id] : [...new Set([...editing.replaces.tools, tool.id])];
      const result = await writeTutorial(circle, tools, { replaces: editing.replaces?.current ?? null, tools: linked, title, text, photos: photos.filter((photo): photo is Uint8Array => photo !== null) }, store.deps);
      if (!result.ok) {
        setProblem(result.error);
        return;
      }
      setEditing(null);
      store.notify({ tone: 'success', message: t('tools.tutorial.saved') });
    } catch {
      store.notify({ tone: 'error', message: t('common.saveFailed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="tool-tutorials-title">
      <h2 id="tool-tutorials-title">{t('tools.tutorial.title')}</h2>
      {tutorials.length === 0 && <p class="muted">{t('tools.tutorial.none')}</p>}
      {tutorials.map((tutorial) => {
        const latest = tutorial.versions.find((version) => version.id === tutorial.current);
        return (
          <article key={tutorial.id} class="tool-tutorial" data-testid="tool-tutorial">
            <h3>{tutorial.title}</h3>
            <p class="tool-care-notes">{tutorial.text}</p>
            {tutorial.photos.map((photo, index) => (
              <TutorialPhoto key={index} photo={photo} label={t('tools.tutorial.photoOf', { title: tutorial.title, number: index + 1 })} />
            ))}
            <p class="muted">
              {t('tools.tutorial.by', {
                name: memberName(view.membership, latest?.author ?? null, t),
                date: translator.date(latest?.at ?? 0),
                count: tutorial.versions.length,
              })}
            </p>
            {tutorial.otherHeads.length > 0 && <p class="notice notice-warning">{t('tools.tutorial.otherVersions', { count: tutorial.otherHeads.length })}</p>}
            <button type="button" class="button" onClick={() => open(tutorial)}>
              {t('tools.tutorial.edit', { title: tutorial.title })}
            </button>
          </article>
        );
      })}
      {editing === null ? (
        <button type="button" class="button" onClick={() => open(null)}>
          {t('tools.tutorial.write')}
        </button>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <Field label={t('tools.tutorial.titleField')} value={title} onInput={setTitle} maxLength={80} error={problem === 'title' ? t('tools.tutorial.problem.title') : null} />
          <label class="field">
            <span>{t('tools.tutorial.text')}</span>
            <textarea value={text} rows={8} maxLength={8000} onInput={(event) => setText(event.currentTarget.value)} />
          </label>
          {[0, 1].map((index) => (
            <PhotoField
              key={index}
              strings={photoStrings(t, t('tools.tutorial.photo', { number: index + 1 }), t('tools.tutorial.photoHint'))}
              value={photos[index] ?? null}
              onChange={(bytes) => setPhotos((current) => current.map((photo, at) => (at === index ? bytes : photo)))}
              maxBytes={TUTORIAL_LIMITS.photoBytes}
              box={TUTORIAL_PHOTO_BOX}
            />
          ))}
          {(problem === 'text' || problem === 'tools' || problem === 'photos') && (
            <p class="error" role="alert">
              {t(`tools.tutorial.problem.${problem}`)}
            </p>
          )}
          <div class="actions-row">
            <button type="submit" class="button button-primary" disabled={busy}>
              {t('tools.tutorial.save')}
            </button>
            <button type="button" class="button" onClick={() => setEditing(null)}>
              {t('tools.handover.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
