import { useEffect, useState } from 'react'
import type { NodeType, Wire } from '../api'
import { describeTemplates } from '../api'
import type { FlowNode } from './model'
import { label } from './model'
import SchemaForm from '../forms/SchemaForm'
import { fieldForError, nodeOptionSchemas, templateOptions, templateSchemas } from '../forms/schema'

const templateCache = new Map<string, Promise<Wire[]>>()
function templatesOf(family: string): Promise<Wire[]> {
  if (!templateCache.has(family)) templateCache.set(family, describeTemplates(family).catch((e) => { templateCache.delete(family); throw e }))
  return templateCache.get(family)!
}

interface Props {
  node: FlowNode
  type: NodeType | undefined
  candidates: { id: string; name: string; connected: boolean }[]
  readOnly: boolean
  onPara: (para: Wire) => void
  onToggleSuccessor: (id: string) => void
  onDelete: () => void
}

/** An action node's panel: its template (presets and custom, from Describe*Templates) and the rest of its ActivityPara as JSON. */
export default function NodePanel({ node, type, candidates, readOnly, onPara, onToggleSuccessor, onDelete }: Props) {
  const family = type?.TemplateFamily ?? null
  const [templates, setTemplates] = useState<Wire[] | null>(null)
  const [templateError, setTemplateError] = useState<string | null>(null)
  const { Definition, ...options } = node.data.para ?? {}
  const [optionsText, setOptionsText] = useState(() => JSON.stringify(options, null, 2))
  const [optionsError, setOptionsError] = useState<string | null>(null)
  const optionSchema = nodeOptionSchemas[node.data.paraMember ?? ''] ?? null
  const [tab, setTab] = useState<'form' | 'json'>(optionSchema ? 'form' : 'json')
  // A server error on this node that names an options field (InvalidParameterValue.<Field>) is shown next to it.
  const errorCode = /((?:InvalidParameterValue|MissingParameter)\.\w+)/.exec(node.data.error ?? '')?.[1]
  const optionFieldError = optionSchema && errorCode ? fieldForError(optionSchema, errorCode, node.data.error ?? '', options) : null
  const chosenTemplate = templates?.find((t) => t.Definition === Definition)
  // The watermark list's Definition select: the account's watermark templates and the presets.
  const wantsWatermarks = !!optionSchema?.some((f) => f.kind === 'list' && f.item.some((i) => i.kind === 'select' && i.optionsFrom === 'watermarks'))
  const [watermarks, setWatermarks] = useState<Wire[]>([])
  useEffect(() => {
    if (!wantsWatermarks) return
    templatesOf('Watermark').then(setWatermarks, () => setWatermarks([]))
  }, [wantsWatermarks])

  useEffect(() => {
    if (!family) return
    templatesOf(family).then(setTemplates, (e: Error) => setTemplateError(e.message))
  }, [family])

  function applyOptions(text: string) {
    setOptionsText(text)
    try {
      const parsed = text.trim() ? JSON.parse(text) : {}
      if (typeof parsed !== 'object' || Array.isArray(parsed) || parsed === null) throw new Error('Options must be a JSON object.')
      setOptionsError(null)
      onPara(Definition === undefined ? parsed : { Definition, ...parsed })
    } catch (e) {
      setOptionsError((e as Error).message)
    }
  }

  const setDefinition = (value: string) => onPara({ ...options, Definition: value === '' ? undefined : Number(value) })

  return (
    <div className="node-panel">
      <h2>{label(node.data.activityType)}</h2>
      <div className="sub">{node.data.activityType}{type && !type.Implemented && ' · not executed by this build yet (saving is refused)'}</div>
      {node.data.error && <div className="state error" role="alert">{node.data.error}</div>}
      {family && (
        <label>Template
          <select aria-label="Template" value={Definition ?? ''} disabled={readOnly} onChange={(e) => setDefinition(e.target.value)}>
            <option value="">— choose a template —</option>
            {Definition !== undefined && !templates?.some((t) => t.Definition === Definition) && <option value={Definition}>{Definition}</option>}
            {['Preset', 'Custom'].map((kind) => {
              const list = (templates ?? []).filter((t) => (t.Type ?? 'Custom') === kind)
              return list.length > 0 && (
                <optgroup key={kind} label={kind === 'Preset' ? 'Presets' : 'Custom templates'}>
                  {list.map((t) => <option key={t.Definition} value={t.Definition}>{t.Definition} · {t.Name}</option>)}
                </optgroup>
              )
            })}
          </select>
          {templates === null && !templateError && <span className="hint">Loading templates…</span>}
          {templateError && <span className="hint error">{templateError}</span>}
          {templates?.length === 0 && <span className="hint">No {family} templates; enter the Definition in the options or create one on the Templates page.</span>}
        </label>
      )}
      {chosenTemplate && (
        <details className="template-fields">
          <summary>Template fields ({chosenTemplate.Type ?? 'Custom'}, read-only here)</summary>
          <dl className="mono small">{(templateSchemas[family ?? ''] ?? []).filter((f) => f.kind !== 'group' && chosenTemplate[f.name] !== undefined && chosenTemplate[f.name] !== '').map((f) => (
            <div key={f.name}><dt>{f.label}</dt><dd>{String(chosenTemplate[f.name])}</dd></div>))}
            {(templateSchemas[family ?? ''] ?? []).filter((f) => f.kind === 'group' && chosenTemplate[f.name]).map((f) => (
              <div key={f.name}><dt>{f.label}</dt><dd>{Object.entries(chosenTemplate[f.name] as object).filter(([, v]) => v !== null && v !== '' && typeof v !== 'object').map(([k, v]) => `${k} ${v}`).join(' · ')}</dd></div>))}
          </dl>
        </details>
      )}
      <div className="node-options">
        <div className="tabs" role="tablist" aria-label="Node options as">
          {optionSchema && <button type="button" role="tab" aria-selected={tab === 'form'} className={tab === 'form' ? 'active' : ''} onClick={() => setTab('form')}>Options</button>}
          <button type="button" role="tab" aria-selected={tab === 'json'} className={tab === 'json' ? 'active' : ''} onClick={() => { setOptionsText(JSON.stringify(options, null, 2)); setTab('json') }}>JSON</button>
        </div>
        {tab === 'form' && optionSchema ? (
          <fieldset disabled={readOnly}>
            <SchemaForm fields={optionSchema} value={options} optionSources={{ watermarks: templateOptions(watermarks) }} error={optionFieldError ? { path: optionFieldError, message: node.data.error ?? '' } : null}
              onChange={(next) => { setOptionsText(JSON.stringify(next, null, 2)); onPara(Definition === undefined ? next : { Definition, ...next }) }} />
            <span className="hint">Other fields of {node.data.paraMember} (OverrideParameter, HeadTailParameter, OutputStorage, RawParameter…) are in the JSON tab.</span>
          </fieldset>
        ) : (
          <label>Node options ({node.data.paraMember})
            <textarea aria-label="Node options" rows={8} spellCheck={false} value={optionsText} disabled={readOnly} onChange={(e) => applyOptions(e.target.value)} />
            <span className="hint">The rest of {node.data.paraMember} as JSON: output path, watermarks, time offsets…</span>
            {optionsError && <span className="hint error">{optionsError}</span>}
          </label>
        )}
      </div>
      <fieldset className="targets">
        <legend>Next nodes</legend>
        {candidates.map((c) => (
          <label key={c.id} className="check"><input type="checkbox" disabled={readOnly} checked={c.connected} onChange={() => onToggleSuccessor(c.id)} />{c.name}</label>
        ))}
      </fieldset>
      {!readOnly && <button className="danger" onClick={onDelete}>Delete node</button>}
    </div>
  )
}
