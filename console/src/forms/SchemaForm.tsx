import { createContext, useContext, useId } from 'react'
import type { Field, Option } from './schema'
import { getAt, moveRow, setAt } from './schema'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>

export interface FieldError { path: string[]; message: string }

/**
 * A form generated from a schema: a labelled control per field (select, number with its unit and range, switch, text),
 * groups as collapsible <details>. Every control is a native element in document order, so Tab walks the form and
 * Enter submits the surrounding <form>. A server error naming a field is shown under it (aria-invalid, and
 * aria-describedby pointing at the message).
 */
/** Options a page loads from the server for selects with `optionsFrom` (the detectable QC items, the watermark templates…). */
const Sources = createContext<Record<string, Option[]>>({})

export default function SchemaForm({ fields, value, onChange, error, optionSources }: { fields: Field[]; value: Obj; onChange: (next: Obj) => void; error?: FieldError | null; optionSources?: Record<string, Option[]> }) {
  const id = useId()
  return (
    <Sources.Provider value={optionSources ?? {}}>
      <div className="schema-form">{fields.map((f) => <FieldView key={f.name} field={f} path={[f.name]} root={value} onChange={onChange} error={error ?? null} idPrefix={id} />)}</div>
    </Sources.Provider>
  )
}

function FieldView({ field, path, root, onChange, error, idPrefix }: { field: Field; path: string[]; root: Obj; onChange: (next: Obj) => void; error: FieldError | null; idPrefix: string }) {
  const sources = useContext(Sources)
  const id = `${idPrefix}-${path.join('-')}`
  const current = getAt(root, path)
  const set = (next: unknown) => onChange(setAt(root, path, next))
  const mine = error && error.path.join('.') === path.join('.') ? error.message : null
  const errorId = `${id}-error`
  const describedBy = [mine ? errorId : null, field.help ? `${id}-help` : null].filter(Boolean).join(' ') || undefined
  const below = (
    <>
      {field.help && <span id={`${id}-help`} className="hint">{field.help}</span>}
      {mine && <span id={errorId} className="field-error" role="alert" data-field={path.join('.')}>{mine}</span>}
    </>
  )

  switch (field.kind) {
    case 'group': {
      const holdsError = error && error.path.slice(0, path.length).join('.') === path.join('.')
      return (
        <details className="field-group" open={field.open || !!holdsError || undefined}>
          <summary>{field.label}</summary>
          <div className="group-fields">
            {field.fields.map((f) => <FieldView key={f.name} field={f} path={[...path, f.name]} root={root} onChange={onChange} error={error} idPrefix={idPrefix} />)}
          </div>
        </details>
      )
    }
    case 'list': {
      const rows = Array.isArray(current) ? (current as Obj[]) : []
      const setRows = (next: Obj[]) => set(next.length === 0 ? undefined : next)
      return (
        <fieldset className={`field-list${mine ? ' invalid' : ''}`} aria-describedby={describedBy} data-list={path.join('.')}>
          <legend>{field.label} <span className="sub">({rows.length})</span></legend>
          {rows.length === 0 && <p className="hint">No {field.itemLabel}s yet.</p>}
          <ol className="list-rows">
            {rows.map((row, i) => {
              const title = field.titleField && row?.[field.titleField] !== undefined ? String(row[field.titleField]) : `${field.itemLabel} ${i + 1}`
              return (
                <li key={i} className="list-row" data-row={i}>
                  <div className="list-row-head">
                    <strong>{i + 1}. {title}</strong>
                    <span className="row-actions">
                      <button type="button" className="secondary small" aria-label={`Move ${field.itemLabel} ${i + 1} up`} disabled={i === 0} onClick={() => setRows(moveRow(rows, i, -1))}>↑</button>
                      <button type="button" className="secondary small" aria-label={`Move ${field.itemLabel} ${i + 1} down`} disabled={i === rows.length - 1} onClick={() => setRows(moveRow(rows, i, 1))}>↓</button>
                      <button type="button" className="danger small" aria-label={`Remove ${field.itemLabel} ${i + 1}`} onClick={() => setRows(rows.filter((_, j) => j !== i))}>Remove</button>
                    </span>
                  </div>
                  <div className="group-fields">
                    {field.item.map((f) => <FieldView key={f.name} field={f} path={[...path, String(i), f.name]} root={root} onChange={onChange} error={error} idPrefix={idPrefix} />)}
                  </div>
                </li>
              )
            })}
          </ol>
          <button type="button" className="secondary" onClick={() => setRows([...rows, { ...field.newItem }])}>Add {field.itemLabel}</button>
          {below}
        </fieldset>
      )
    }
    case 'select': {
      const options = [...(field.optionsFrom ? sources[field.optionsFrom] ?? [] : []), ...field.options]
      return (
        <div className={`field${mine ? ' invalid' : ''}`}>
          <label htmlFor={id}>{field.label}</label>
          <select id={id} name={path.join('.')} value={current === undefined || current === null ? '' : String(current)} aria-invalid={!!mine} aria-describedby={describedBy}
            onChange={(e) => set(e.target.value === '' ? undefined : field.numeric ? Number(e.target.value) : e.target.value)}>
            <option value="">{field.empty ?? '(default)'}</option>
            {options.map((o) => <option key={String(o.value)} value={String(o.value)}>{o.label ?? String(o.value)}</option>)}
            {current !== undefined && current !== null && current !== '' && !options.some((o) => String(o.value) === String(current)) && <option value={String(current)}>{String(current)}</option>}
          </select>
          {below}
        </div>
      )
    }
    case 'number':
      return (
        <div className={`field${mine ? ' invalid' : ''}`}>
          <label htmlFor={id}>{field.label}{field.unit && <span className="unit"> ({field.unit})</span>}</label>
          <div className="with-unit">
            <input id={id} name={path.join('.')} type="number" inputMode="decimal" min={field.min} max={field.max} step={field.step ?? 1}
              value={typeof current === 'number' ? current : ''} aria-invalid={!!mine} aria-describedby={describedBy}
              onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))} />
          </div>
          {field.min !== undefined && field.max !== undefined && <span className="hint range">{field.min}–{field.max}</span>}
          {below}
        </div>
      )
    case 'switch':
      return (
        <div className={`field switch${mine ? ' invalid' : ''}`}>
          <label htmlFor={id} className="check">
            <input id={id} name={path.join('.')} type="checkbox" role="switch" checked={current === field.on} aria-invalid={!!mine} aria-describedby={describedBy}
              onChange={(e) => set(e.target.checked ? field.on : field.off)} />
            {field.label}
          </label>
          {below}
        </div>
      )
    case 'text':
      return (
        <div className={`field${mine ? ' invalid' : ''}`}>
          <label htmlFor={id}>{field.label}</label>
          <input id={id} name={path.join('.')} type="text" required={field.required} placeholder={field.placeholder}
            value={typeof current === 'string' || typeof current === 'number' ? String(current) : ''} aria-invalid={!!mine} aria-describedby={describedBy}
            onChange={(e) => set(e.target.value === '' ? undefined : e.target.value)} />
          {below}
        </div>
      )
  }
}
