import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Section } from '../../shared/model/settings';
import { checklistRuleIds, DEFAULT_SEVERITIES, FIXED_RULES, type Abbreviation, type ChecklistRuleId, type ChecklistSettings as Checklist, type SectionChecklist, type Severity } from '../../shared/review/checklist';
import { EditableRows } from './EditableRows';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'off'];
type LengthKey = 'headlineMin' | 'sapoMin' | 'sapoMax';
const LENGTHS: readonly LengthKey[] = ['headlineMin', 'sapoMin', 'sapoMax'];
/** The scope select's value for the whole newsroom; a section is chosen by its place in the list (a new one has no slug yet). */
const HOUSE = 'house';
const HOUSE_SEVERITY = '';

/**
 * Settings of the pre-publish checklist: for the whole newsroom, or for one section over it
 * (each rule an error, a warning or off; the length limits), and the house-wide quotes and
 * abbreviations. A section's setting left at "as the newsroom" follows the house-wide one.
 */
export function ChecklistSettings({
  checklist,
  sections,
  onChange,
}: {
  checklist: Checklist;
  sections: Section[];
  onChange: (checklist: Checklist, sections: Section[]) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [scope, setScope] = useState(HOUSE);
  const index = scope === HOUSE ? -1 : Number(scope);
  const section = sections[index];
  const own: SectionChecklist = section?.checklist ?? {};

  const houseSeverity = (rule: ChecklistRuleId): Severity => checklist.severities[rule] ?? DEFAULT_SEVERITIES[rule];
  const setSection = (next: SectionChecklist) => onChange(checklist, sections.map((s, i) => (i === index ? { ...s, checklist: next } : s)));

  const setSeverity = (rule: ChecklistRuleId, value: string) => {
    if (!section) return onChange({ ...checklist, severities: { ...checklist.severities, [rule]: value as Severity } }, sections);
    const { [rule]: _dropped, ...others } = own.severities ?? {};
    setSection({ ...own, severities: value === HOUSE_SEVERITY ? others : { ...others, [rule]: value as Severity } });
  };
  const setLength = (key: LengthKey, raw: string) => {
    if (!section) return onChange({ ...checklist, [key]: Number(raw) }, sections);
    const { [key]: _dropped, ...others } = own;
    setSection(raw === '' ? others : { ...others, [key]: Number(raw) });
  };

  return (
    <fieldset className="checklist-settings" data-testid="checklist-settings">
      <legend>{t('checklistSettings.title')}</legend>
      <p className="muted">{t('checklistSettings.intro')}</p>
      <div className="field">
        <label htmlFor={`${ids}-scope`}>{t('checklistSettings.scope')}</label>
        <select id={`${ids}-scope`} value={scope} onChange={(event) => setScope(event.target.value)} data-testid="checklist-scope">
          <option value={HOUSE}>{t('checklistSettings.house')}</option>
          {sections.map((s, i) => (
            <option key={i} value={String(i)}>
              {s.name || t('checklistSettings.newSection')}
            </option>
          ))}
        </select>
      </div>
      <div className="length-fields">
        {LENGTHS.map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`${ids}-${key}`}>{t(`checklistSettings.${key}`)}</label>
            <input
              id={`${ids}-${key}`}
              type="number"
              min={0}
              max={key === 'headlineMin' ? 300 : 1000}
              value={section ? (own[key] ?? '') : checklist[key]}
              placeholder={section ? String(checklist[key]) : undefined}
              onChange={(event) => setLength(key, event.target.value)}
            />
          </div>
        ))}
      </div>
      {section && <p className="muted">{t('checklistSettings.sectionHint', { limit: section.headlineLimit })}</p>}
      <table className="rows rule-table">
        <caption className="visually-hidden">{t('checklistSettings.rules')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('checklistSettings.rule')}</th>
            <th scope="col">{t('checklistSettings.severity')}</th>
          </tr>
        </thead>
        <tbody>
          {checklistRuleIds.map((rule) => (
            <tr key={rule}>
              <th scope="row" id={`${ids}-rule-${rule}`}>
                {t(`checklist.rules.${rule}`)}
              </th>
              <td>
                {FIXED_RULES.has(rule) ? (
                  <span data-rule={rule}>{t('checklistSettings.alwaysError')}</span>
                ) : (
                  <select aria-labelledby={`${ids}-rule-${rule}`} value={section ? (own.severities?.[rule] ?? HOUSE_SEVERITY) : houseSeverity(rule)} onChange={(event) => setSeverity(rule, event.target.value)} data-rule={rule}>
                    {section && <option value={HOUSE_SEVERITY}>{t('checklistSettings.asHouse', { severity: t(`checklistSettings.severities.${houseSeverity(rule)}`) })}</option>}
                    {SEVERITIES.map((severity) => (
                      <option key={severity} value={severity}>
                        {t(`checklistSettings.severities.${severity}`)}
                      </option>
                    ))}
                  </select>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="field check">
        <input id={`${ids}-curly`} type="checkbox" checked={checklist.curlyQuotes} onChange={(event) => onChange({ ...checklist, curlyQuotes: event.target.checked }, sections)} />
        <label htmlFor={`${ids}-curly`}>{t('checklistSettings.curlyQuotes')}</label>
      </div>
      <EditableRows<Abbreviation>
        legend={t('checklistSettings.abbreviations')}
        columns={[
          { key: 'short', label: t('checklistSettings.short') },
          { key: 'long', label: t('checklistSettings.long') },
        ]}
        rows={checklist.abbreviations}
        onChange={(abbreviations) => onChange({ ...checklist, abbreviations }, sections)}
        newRow={() => ({ short: '', long: '' })}
        addLabel={t('checklistSettings.addAbbreviation')}
        rowName={(row) => row.short}
      />
    </fieldset>
  );
}
