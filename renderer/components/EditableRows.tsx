import { useTranslation } from 'react-i18next';

/** The keys of a row that hold text or a number (what a cell can edit). */
type CellKey<T> = { [K in keyof T]-?: T[K] extends string | number ? K : never }[keyof T] & string;

export interface RowColumn<T> {
  key: CellKey<T>;
  label: string;
  type?: 'text' | 'url' | 'number';
  min?: number;
  max?: number;
}

/**
 * A small table of editable rows (the paper's sections, its website links): one input per column,
 * a remove button per row, an add button below. Keeps at least `minRows` rows.
 */
export function EditableRows<T extends object>({
  legend,
  columns,
  rows,
  onChange,
  newRow,
  addLabel,
  rowName,
  minRows = 0,
}: {
  legend: string;
  columns: RowColumn<T>[];
  rows: T[];
  onChange: (rows: T[]) => void;
  newRow: () => T;
  addLabel: string;
  rowName: (row: T) => string;
  minRows?: number;
}) {
  const { t } = useTranslation();
  const setCell = (index: number, key: CellKey<T>, raw: string, type: RowColumn<T>['type']) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [key]: type === 'number' ? Number(raw) : raw } : row)));
  return (
    <fieldset>
      <legend>{legend}</legend>
      <table className="rows">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t('library.colActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {columns.map((column) => (
                <td key={column.key}>
                  <input
                    aria-label={column.label}
                    type={column.type ?? 'text'}
                    min={column.min}
                    max={column.max}
                    value={row[column.key] as string | number}
                    onChange={(e) => setCell(index, column.key, e.target.value, column.type)}
                  />
                </td>
              ))}
              <td>
                <button
                  type="button"
                  aria-label={t('settings.removeRow', { name: rowName(row) })}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                  disabled={rows.length <= minRows}
                >
                  {t('settings.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => onChange([...rows, newRow()])}>
        {addLabel}
      </button>
    </fieldset>
  );
}
