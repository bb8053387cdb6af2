import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleDiff, BlockDiff, DiffPart, FieldDiff, PieceRef } from '../../shared/review/diff';

export type DiffMode = 'side' | 'inline';

/** A photo's fields compared, in the order shown. */
const FIGURE_FIELDS = ['caption', 'alt', 'credit'] as const;
/** The element that marks a changed word: underlined when inserted, struck through when deleted. */
const CHANGE_TAG = { insert: 'ins', delete: 'del' } as const;

/** How a version is named above its column: "Bản 3 · 28/11/2026 10:15 · Minh Anh". */
export interface VersionLabel {
  title: string;
  detail: string;
}

/**
 * The diff of two versions (shared/review/diff.ts) as the editor and the legal desk read it:
 * the fields that changed, then the whole body, block by block, with inserted words underlined
 * and deleted words struck through (never colour alone). Side by side (a table: before | after)
 * or inline (one column). Every change carries `data-change` (its number, in reading order) so
 * the view can move from one to the next; the exported record renders this same component.
 */
export function DiffContent({
  diff,
  mode,
  before,
  after,
  sectionName,
  headingLevel = 2,
}: {
  diff: ArticleDiff;
  mode: DiffMode;
  before: VersionLabel;
  after: VersionLabel;
  sectionName: (slug: string) => string;
  /** Its two headings' level (3 where it sits under a heading of its own, as in the sync conflict screen). */
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const changedFields = diff.fields.filter((field) => field.changed);
  let counter = changedFields.length;
  const bodyIndex = diff.body.map((block) => (block.change === 'equal' ? null : counter++));

  const value = (field: FieldDiff, side: 'before' | 'after'): string => {
    if (field.kind !== 'value') return '';
    const raw = field[side];
    if (!raw) return t('compare.none');
    if (field.field === 'section') return sectionName(raw) || raw;
    if (field.field === 'status') return t(`status.${raw}`);
    if (field.field === 'featuredImage') return t('compare.photoId', { id: raw.slice(0, 10) });
    return raw;
  };

  const fieldCell = (field: FieldDiff, side: 'before' | 'after' | 'both'): ReactNode => {
    if (field.kind === 'text') return <Parts parts={field.parts} side={side} />;
    if (field.kind === 'list') {
      return (
        <>
          {field.kept.map((tag) => (
            <span key={`k-${tag}`} className="diff-tag">
              {tag}
            </span>
          ))}
          {side !== 'after' &&
            field.removed.map((tag) => (
              <del key={`r-${tag}`} className="diff-tag">
                {tag}
              </del>
            ))}
          {side !== 'before' &&
            field.added.map((tag) => (
              <ins key={`a-${tag}`} className="diff-tag">
                {tag}
              </ins>
            ))}
        </>
      );
    }
    if (side === 'before') return <del>{value(field, side)}</del>;
    if (side === 'after') return <ins>{value(field, side)}</ins>;
    return (
      <>
        {/* eslint-disable-next-line i18next/no-literal-string -- which version's value, not text */}
        <del>{value(field, 'before')}</del> → <ins>{value(field, 'after')}</ins>
      </>
    );
  };

  const fields =
    changedFields.length === 0 ? (
      <p className="muted">{t('compare.noFieldChanges')}</p>
    ) : mode === 'side' ? (
      <table className="diff-table diff-fields">
        <caption className="visually-hidden">{t('compare.fieldsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.field')}</th>
            <th scope="col">{before.title}</th>
            <th scope="col">{after.title}</th>
          </tr>
        </thead>
        <tbody>
          {changedFields.map((field, index) => (
            <tr key={field.field} data-change={index} id={`change-${index}`} tabIndex={-1}>
              <th scope="row">{t(`compare.fields.${field.field}`)}</th>
              {/* eslint-disable-next-line i18next/no-literal-string -- which version's column, not text */}
              <td>{fieldCell(field, 'before')}</td>
              {/* eslint-disable-next-line i18next/no-literal-string -- which version's column, not text */}
              <td>{fieldCell(field, 'after')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : (
      <dl className="diff-fields-inline">
        {changedFields.map((field, index) => (
          <div key={field.field} className="diff-field" data-change={index} id={`change-${index}`} tabIndex={-1}>
            <dt>{t(`compare.fields.${field.field}`)}</dt>
            {/* eslint-disable-next-line i18next/no-literal-string -- both versions inline, not text */}
            <dd>{fieldCell(field, 'both')}</dd>
          </div>
        ))}
      </dl>
    );

  const badge = (block: BlockDiff) =>
    block.change === 'equal' ? null : (
      <span className={`diff-badge change-${block.change}`}>
        {t(`compare.changes.${block.change}`)}
        {block.typeChanged ? ` · ${t('compare.typeChanged')}` : ''}
      </span>
    );

  const body =
    mode === 'side' ? (
      <table className="diff-table diff-body">
        <caption className="visually-hidden">{t('compare.bodyTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{before.title}</th>
            <th scope="col">{after.title}</th>
          </tr>
        </thead>
        <tbody>
          {diff.body.map((block, index) => {
            const n = bodyIndex[index];
            return (
              <tr key={index} className={`change-${block.change}`} {...(n !== null ? { 'data-change': n, id: `change-${n}`, tabIndex: -1 } : {})}>
                <td>
                  {block.before.length > 0 && badge(block)}
                  <Block block={block} refs={block.before} side="before" />
                </td>
                <td>
                  {block.after.length > 0 && badge(block)}
                  <Block block={block} refs={block.after} side="after" />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    ) : (
      <div className="diff-inline">
        {diff.body.map((block, index) => {
          const n = bodyIndex[index];
          return (
            <div key={index} className={`diff-block change-${block.change}`} {...(n !== null ? { 'data-change': n, id: `change-${n}`, tabIndex: -1 } : {})}>
              {badge(block)}
              <Block block={block} refs={block.after.length ? block.after : block.before} side="both" />
            </div>
          );
        })}
      </div>
    );

  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <div className={`diff diff-mode-${mode}`}>
      <Heading>{t('compare.fieldsTitle')}</Heading>
      {fields}
      <Heading>{t('compare.bodyTitle')}</Heading>
      {diff.body.length === 0 ? <p className="muted">{t('compare.emptyBody')}</p> : body}
    </div>
  );
}

/** One entry of the body's diff, on one side (or both, inline). */
function Block({ block, refs, side }: { block: BlockDiff; refs: PieceRef[]; side: 'before' | 'after' | 'both' }) {
  const { t } = useTranslation();
  if (refs.length === 0) return null;
  const first = refs[0]!;
  if (first.kind === 'rule') return <p className="diff-rule">{t('compare.rule')}</p>;
  if (first.kind === 'figure' || block.figure) {
    const figure = block.figure;
    return (
      <div className="diff-figure">
        <p className="diff-figure-title">
          {t('compare.photo')}
          {figure?.assetChanged ? ` · ${t('compare.photoReplaced')}` : ''}
        </p>
        {FIGURE_FIELDS.map((key) =>
          figure && figure[key].length > 0 ? (
            <p key={key}>
              <span className="diff-figure-key">{t(`compare.figure.${key}`)}: </span>
              <Parts parts={figure[key]} side={side} />
            </p>
          ) : null,
        )}
        {!figure && <Parts parts={block.parts} side={side} />}
      </div>
    );
  }
  return (
    <p className={`diff-text piece-${first.type}${first.context.length ? ' piece-nested' : ''}`} data-piece={[...first.context, first.type].join(' ')}>
      <Parts parts={block.parts} side={side} />
    </p>
  );
}

/** Word parts on one side: the other side's words are left out; inline shows both. */
export function Parts({ parts, side }: { parts: DiffPart[]; side: 'before' | 'after' | 'both' }) {
  const { t } = useTranslation();
  return (
    <>
      {parts.map((part, index) => {
        if (part.op === 'equal') {
          return part.formatChanged ? (
            <mark key={index} className="diff-format" title={t('compare.formatChanged')}>
              {part.text}
            </mark>
          ) : (
            <Fragment key={index}>{part.text}</Fragment>
          );
        }
        if ((part.op === 'insert' && side === 'before') || (part.op === 'delete' && side === 'after')) return null;
        const Tag = CHANGE_TAG[part.op];
        if (part.boundary) {
          return (
            <Tag key={index} className="diff-break">
              {' ¶ '}
              <span className="visually-hidden">{t(part.op === 'insert' ? 'compare.splitHere' : 'compare.joinedHere')}</span>
            </Tag>
          );
        }
        return (
          <Tag key={index} className={part.moveId !== undefined ? 'diff-moved' : undefined}>
            {part.text}
          </Tag>
        );
      })}
    </>
  );
}
