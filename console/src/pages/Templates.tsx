import { useState } from 'react'
import type { FormEvent } from 'react'
import type { Wire } from '../api'
import { ApiError, describeNodeTypes, describeTemplates, mps } from '../api'
import SchemaForm from '../forms/SchemaForm'
import type { FieldError } from '../forms/SchemaForm'
import { fallbackSchema, fieldForError, hotwordOptions, qcItemOptions, templateSchemas } from '../forms/schema'
import { href } from '../router'
import { Empty, ErrorBox, Loading, PageHeader, useLoad } from '../ui'

/** Families: every TemplateFamily in the node catalogue, plus watermarks. */
async function families(): Promise<string[]> {
  const types = await describeNodeTypes()
  return [...new Set([...types.map((t) => t.TemplateFamily).filter((f): f is string => !!f), 'Watermark'])]
}

const readOnlyFields = new Set(['Definition', 'Type', 'CreateTime', 'UpdateTime', 'AsrHotWordsLibraryName'])

export default function Templates({ family }: { family?: string }) {
  const list = useLoad(families, [])
  const chosen = family ?? list.data?.[0]
  return (
    <>
      <PageHeader title="Templates" />
      {list.error && <ErrorBox error={list.error} />}
      {!list.data && !list.error && <Loading what="template families" />}
      {list.data && (
        <nav className="tabs wrap" aria-label="Template families">
          {list.data.map((f) => <a key={f} href={href('templates', f)} className={f === chosen ? 'active' : ''}>{f}</a>)}
        </nav>
      )}
      {chosen && <Family key={chosen} family={chosen} />}
    </>
  )
}

function Family({ family }: { family: string }) {
  const templates = useLoad(() => describeTemplates(family), [family])
  // A smart subtitle template's hot-word library is one of the account's (DescribeAsrHotwordsList).
  const hotwords = useLoad(() => (family === 'SmartSubtitle' ? mps('DescribeAsrHotwordsList', {}).then((r) => (r.AsrHotwordsSet ?? []) as Wire[]) : Promise.resolve([] as Wire[])), [family])
  const schema = templateSchemas[family] ?? fallbackSchema
  const [editing, setEditing] = useState<{ definition: number | null; value: Wire; tab: 'form' | 'json'; text: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [fieldError, setFieldError] = useState<FieldError | null>(null)

  const startEdit = (t: Wire | null) => {
    const body = t ? Object.fromEntries(Object.entries(t).filter(([k]) => !readOnlyFields.has(k))) : { Name: '' }
    setEditing({ definition: t?.Definition ?? null, value: body, tab: 'form', text: JSON.stringify(body, null, 2) })
    setError(null)
    setFieldError(null)
  }

  /** Switching tabs carries the edit over: the form's value becomes the JSON text, valid JSON text becomes the form's value. */
  function switchTab(tab: 'form' | 'json') {
    if (!editing || editing.tab === tab) return
    if (tab === 'json') { setEditing({ ...editing, tab, text: JSON.stringify(editing.value, null, 2) }); return }
    try { setEditing({ ...editing, tab, value: JSON.parse(editing.text) }); setError(null) } catch (e) { setError(`The JSON does not parse: ${(e as Error).message}`) }
  }

  async function save(e?: FormEvent) {
    e?.preventDefault()
    if (!editing) return
    setError(null)
    setFieldError(null)
    try {
      const body = editing.tab === 'json' ? JSON.parse(editing.text) : editing.value
      if (editing.definition === null) await mps(`Create${family}Template`, body)
      else await mps(`Modify${family}Template`, { ...body, Definition: editing.definition })
      setEditing(null)
      templates.reload()
    } catch (err) {
      const path = err instanceof ApiError && editing.tab === 'form' ? fieldForError(schema, err.code, err.message, editing.value) : null
      if (path) setFieldError({ path, message: `${err instanceof ApiError ? err.code + ': ' : ''}${(err as Error).message}` })
      else setError(err instanceof ApiError ? `${err.code}: ${err.message}` : (err as Error).message)
    }
  }

  async function remove(definition: number) {
    if (!window.confirm(`Delete template ${definition}?`)) return
    try { await mps(`Delete${family}Template`, { Definition: definition }); templates.reload() } catch (e) { setError((e as Error).message) }
  }

  if (templates.loading && !templates.data) return <Loading what={`${family} templates`} />
  if (templates.error) return <ErrorBox error={templates.error} retry={templates.reload} />
  const all = templates.data ?? []
  const presets = all.filter((t) => t.Type === 'Preset')
  const custom = all.filter((t) => t.Type !== 'Preset')
  // Selects filled from the server: the QC items are those of the presets (preset 10 lists every item this build detects).
  const optionSources = { qcItems: qcItemOptions(all), hotwords: hotwordOptions(hotwords.data ?? []) }

  return (
    <div className="templates">
      <div className="row"><button onClick={() => startEdit(null)}>New {family} template</button></div>
      {error && !editing && <ErrorBox error={error} />}
      {editing && (
        <form className="card editor-card template-form" onSubmit={save} aria-labelledby="template-form-title">
          <h3 id="template-form-title">{editing.definition === null ? `New ${family} template` : `Edit template ${editing.definition}`}</h3>
          <div className="tabs" role="tablist" aria-label="Edit as">
            <button type="button" role="tab" aria-selected={editing.tab === 'form'} className={editing.tab === 'form' ? 'active' : ''} onClick={() => switchTab('form')}>Form</button>
            <button type="button" role="tab" aria-selected={editing.tab === 'json'} className={editing.tab === 'json' ? 'active' : ''} onClick={() => switchTab('json')}>JSON</button>
          </div>
          {editing.tab === 'form' ? (
            <>
              <SchemaForm fields={schema} value={editing.value} onChange={(value) => setEditing({ ...editing, value })} error={fieldError} optionSources={optionSources} />
              {!templateSchemas[family] && <p className="hint">The other fields of Create{family}Template are in the JSON tab.</p>}
            </>
          ) : (
            <>
              <textarea aria-label="Template JSON" rows={14} spellCheck={false} value={editing.text} onChange={(e) => setEditing({ ...editing, text: e.target.value })} />
              <p className="hint">The fields of Create{family}Template (reference/mps-api.md); invalid fields are refused by the server with their name.</p>
            </>
          )}
          {error && <ErrorBox error={error} />}
          <div className="row"><button type="submit">Save</button><button type="button" className="secondary" onClick={() => setEditing(null)}>Cancel</button></div>
        </form>
      )}
      <h2>Custom templates</h2>
      {custom.length === 0 ? <Empty title={`No custom ${family} templates`}><p>Create one, or use a preset below.</p></Empty> : (
        <table className="grid"><thead><tr><th>Definition</th><th>Name</th><th>Comment</th><th aria-label="Actions" /></tr></thead>
          <tbody>{custom.map((t) => (
            <tr key={t.Definition}><td>{t.Definition}</td><td>{t.Name}</td><td>{t.Comment}</td>
              <td className="row-actions"><button className="secondary" onClick={() => startEdit(t)}>Edit</button><button className="danger" onClick={() => remove(t.Definition)}>Delete</button></td></tr>
          ))}</tbody></table>
      )}
      <h2>Presets <span className="sub">(read-only)</span></h2>
      {presets.length === 0 ? <p className="sub">This family has no presets.</p> : (
        <table className="grid"><thead><tr><th>Definition</th><th>Name</th><th>Details</th></tr></thead>
          <tbody>{presets.map((t) => (
            <tr key={t.Definition}><td>{t.Definition}</td><td>{t.Name}</td><td><details><summary>fields</summary><pre className="mono">{JSON.stringify(t, null, 2)}</pre></details></td></tr>
          ))}</tbody></table>
      )}
    </div>
  )
}
