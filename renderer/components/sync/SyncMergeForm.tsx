import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../shared/model/article';
import { blocksToLines, type Block } from '../../../shared/model/body';
import { MERGE_CHOICES, mergeBodies, mergedBody, mergedField, UNCHOSEN, type MergeChoice } from '../../../shared/review/mergeBodies';
import type { VersionLabel } from '../../review/DiffContent';

export interface MergeVersion {
  rev: string;
  article: Article;
}

interface Props<V extends MergeVersion> {
  versions: V[];
  /** The version the merge starts from (its details are kept). */
  from: string;
  /** The version both grew from, when still known: a three-way merge. */
  common: Article | null;
  label: (version: V) => VersionLabel;
  busy: boolean;
  onSave: (merged: Pick<Article, 'headline' | 'sapo' | 'body'>) => void;
  onCancel: () => void;
}

/**
 * Merging two versions of an article by hand (a sync conflict): the headline and the sapo to edit,
 * starting from the chosen version (the other's where only the other changed them), and the body
 * merged block by block (shared/review/mergeBodies): changes made on one side only are taken, and
 * at each place both changed the user keeps one side or both (both until chosen: nothing lost).
 */
export function SyncMergeForm<V extends MergeVersion>({ versions, from, common, label, busy, onSave, onCancel }: Props<V>) {
  const { t } = useTranslation();
  const ids = useId();
  const mine = versions.find((version) => version.rev === from) ?? versions[0]!;
  const others = versions.filter((version) => version !== mine);
  const [partnerRev, setPartnerRev] = useState(others[0]?.rev ?? mine.rev);
  const partner = others.find((version) => version.rev === partnerRev) ?? others[0] ?? mine;
  const startFields = (other: V) => ({
    headline: mergedField(mine.article.headline, other.article.headline, common?.headline ?? null),
    sapo: mergedField(mine.article.sapo, other.article.sapo, common?.sapo ?? null),
  });
  const [fields, setFields] = useState(() => startFields(partner));
  const [choices, setChoices] = useState<MergeChoice[]>([]);
  const merge = mergeBodies(mine.article.body, partner.article.body, common?.body ?? null);
  const headline = useRef<HTMLTextAreaElement>(null);

  // The form opens below the versions: the keyboard goes to its first field.
  useEffect(() => headline.current?.focus(), []);

  const choosePartner = (rev: string) => {
    const next = others.find((version) => version.rev === rev);
    if (!next) return;
    setPartnerRev(rev);
    setFields(startFields(next));
    setChoices([]);
  };
  const mineTitle = label(mine).title;
  const partnerTitle = label(partner).title;
  const choiceText: Record<MergeChoice, string> = {
    mine: t('sync.conflict.takeVersion', { version: mineTitle }),
    theirs: t('sync.conflict.takeVersion', { version: partnerTitle }),
    both: t('sync.conflict.takeBoth', { version: mineTitle }),
  };
  const lines = (blocks: Block[]) => {
    const text = blocksToLines(blocks).filter((line) => line.trim() !== '');
    return text.length ? text.map((line, index) => <p key={index}>{line}</p>) : <p className="muted">{t('sync.conflict.noBlocks')}</p>;
  };

  /** One version's blocks at a place of choice, under its name. */
  const side = (title: string, blocks: Block[]) => (
    <div className="sync-merge-side" aria-label={title}>
      <p className="sync-merge-side-title" aria-hidden="true">
        {title}
      </p>
      {lines(blocks)}
    </div>
  );

  let choiceIndex = -1;
  return (
    <section className="sync-merge" aria-labelledby={`${ids}-merge`} data-testid="sync-merge">
      <h2 id={`${ids}-merge`}>{t('sync.conflict.mergeTitle')}</h2>
      <p className="muted">{t('sync.conflict.mergeIntro')}</p>
      {others.length > 1 ? (
        <div className="field">
          <label htmlFor={`${ids}-partner`}>{t('sync.conflict.mergeWith')}</label>
          <select id={`${ids}-partner`} value={partner.rev} onChange={(e) => choosePartner(e.target.value)} data-testid="merge-partner">
            {others.map((version) => (
              <option key={version.rev} value={version.rev}>
                {`${label(version).title} — ${label(version).detail}`}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p data-testid="merge-partner">{t('sync.conflict.mergeWithOne', { version: `${partnerTitle} — ${label(partner).detail}` })}</p>
      )}
      <div className="field">
        <label htmlFor={`${ids}-headline`}>{t('editor.headline')}</label>
        <textarea id={`${ids}-headline`} ref={headline} rows={2} value={fields.headline} onChange={(e) => setFields({ ...fields, headline: e.target.value.replace(/\n/g, ' ') })} data-testid="merge-headline" />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-sapo`}>{t('editor.sapo')}</label>
        <textarea id={`${ids}-sapo`} rows={4} value={fields.sapo} onChange={(e) => setFields({ ...fields, sapo: e.target.value })} data-testid="merge-sapo" />
      </div>
      <h3 className="sync-merge-body-title">{t('sync.conflict.bodyTitle')}</h3>
      <div className="sync-merge-summary" data-testid="merge-summary">
        {common && merge.taken > 0 && <p>{t('sync.conflict.bodyTaken', { count: merge.taken })}</p>}
        <p>{merge.choices ? t('sync.conflict.bodyChoices', { count: merge.choices }) : t('sync.conflict.bodyNoChoice')}</p>
      </div>
      {merge.parts.map((part, partIndex) => {
        if (part.kind === 'same') return null;
        const index = ++choiceIndex;
        const chosen = choices[index] ?? UNCHOSEN;
        const name = `${ids}-choice-${index}`;
        const choose = (choice: MergeChoice) => setChoices((current) => Object.assign([...current], { [index]: choice }));
        return (
          <fieldset key={partIndex} className="sync-merge-choice" data-testid="merge-choice" data-choice={chosen}>
            <legend>{t('sync.conflict.choiceLegend', { n: index + 1, total: merge.choices })}</legend>
            <div className="sync-merge-sides">
              {side(mineTitle, part.mine)}
              {side(partnerTitle, part.theirs)}
            </div>
            <div className="sync-merge-options">
              {MERGE_CHOICES.map((choice) => (
                <label key={choice}>
                  <input type="radio" name={name} value={choice} checked={chosen === choice} onChange={() => choose(choice)} />
                  {choiceText[choice]}
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <div className="row-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => onSave({ ...fields, body: mergedBody(merge, choices) })} data-testid="save-merge">
          {t('sync.conflict.saveMerge')}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('sync.conflict.cancelMerge')}
        </button>
      </div>
    </section>
  );
}
