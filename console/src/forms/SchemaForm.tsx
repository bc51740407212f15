import { createContext, useContext, useId, useState } from 'react'
import type { Field, Option } from './schema'
import { getAt, isShown, moveRow, parseValues, pruneHidden, setAt } from './schema'

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
      <div className="schema-form">{fields.map((f) => <FieldView key={f.name} field={f} path={[f.name]} root={value} onChange={(next) => onChange(pruneHidden(fields, next))} error={error ?? null} idPrefix={id} />)}</div>
    </Sources.Provider>
  )
}

/** `context`: the row a nested list sits in ("time range 2"), so its buttons say which list they act on. */
function FieldView({ field, path, root, onChange, error, idPrefix, context }: { field: Field; path: string[]; root: Obj; onChange: (next: Obj) => void; error: FieldError | null; idPrefix: string; context?: string }) {
  const sources = useContext(Sources)
  if (!isShown(field, (getAt(root, path.slice(0, -1)) ?? {}) as Obj)) return null
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
            {field.fields.map((f) => <FieldView key={f.name} field={f} path={[...path, f.name]} root={root} onChange={onChange} error={error} idPrefix={idPrefix} context={context} />)}
          </div>
        </details>
      )
    }
    case 'list': {
      const rows = Array.isArray(current) ? (current as Obj[]) : []
      const setRows = (next: Obj[]) => set(next.length === 0 ? undefined : next)
      const of = context ? ` of ${context}` : ''
      const itemName = (i: number) => `${field.itemLabel} ${i + 1}${of}`
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
                      <button type="button" className="secondary small" aria-label={`Move ${itemName(i)} up`} disabled={i === 0} onClick={() => setRows(moveRow(rows, i, -1))}>↑</button>
                      <button type="button" className="secondary small" aria-label={`Move ${itemName(i)} down`} disabled={i === rows.length - 1} onClick={() => setRows(moveRow(rows, i, 1))}>↓</button>
                      <button type="button" className="danger small" aria-label={`Remove ${itemName(i)}`} onClick={() => setRows(rows.filter((_, j) => j !== i))}>Remove</button>
                    </span>
                  </div>
                  <div className="group-fields">
                    {field.item.map((f) => <FieldView key={f.name} field={f} path={[...path, String(i), f.name]} root={root} onChange={onChange} error={error} idPrefix={idPrefix} context={itemName(i)} />)}
                  </div>
                </li>
              )
            })}
          </ol>
          <button type="button" className="secondary" onClick={() => setRows([...rows, structuredClone(field.newItem)])}>Add {field.itemLabel}{context ? ` to ${context}` : ''}</button>
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
    case 'checks': {
      const picked = Array.isArray(current) ? (current as unknown[]).map(String) : []
      const toggle = (v: string, on: boolean) => {
        const next = on ? [...picked.filter((p) => p !== v), v] : picked.filter((p) => p !== v)
        set(next.length === 0 ? undefined : next)
      }
      return (
        <fieldset className={`field checks${mine ? ' invalid' : ''}`} aria-describedby={describedBy} aria-invalid={!!mine} data-checks={path.join('.')}>
          <legend>{field.label}</legend>
          {field.options.map((o) => (
            <label key={String(o.value)} className="check">
              <input type="checkbox" name={`${path.join('.')}.${o.value}`} checked={picked.includes(String(o.value))} onChange={(e) => toggle(String(o.value), e.target.checked)} />
              {o.label ?? String(o.value)}
            </label>
          ))}
          {below}
        </fieldset>
      )
    }
    case 'values':
      return (
        <div className={`field${mine ? ' invalid' : ''}`}>
          <label htmlFor={id}>{field.label}</label>
          <ValuesInput id={id} name={path.join('.')} numeric={!!field.numeric} placeholder={field.placeholder} value={Array.isArray(current) ? (current as (string | number)[]) : []}
            invalid={!!mine} describedBy={describedBy} onChange={(next) => set(next.length === 0 ? undefined : next)} />
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

/** A comma-separated list kept as typed (a trailing comma survives) and sent as an array. */
function ValuesInput({ id, name, value, numeric, placeholder, invalid, describedBy, onChange }: { id: string; name: string; value: (string | number)[]; numeric: boolean; placeholder?: string; invalid: boolean; describedBy?: string; onChange: (next: (string | number)[]) => void }) {
  const [text, setText] = useState(() => value.join(', '))
  // A value changed elsewhere (the JSON tab, a reload) replaces the text; one this input produced keeps it as typed.
  const shown = JSON.stringify(parseValues(text, numeric)) === JSON.stringify(value) ? text : value.join(', ')
  return (
    <input id={id} name={name} type="text" placeholder={placeholder} value={shown} aria-invalid={invalid} aria-describedby={describedBy}
      onChange={(e) => { setText(e.target.value); onChange(parseValues(e.target.value, numeric)) }} />
  )
}
