import { useState } from 'react'
import type { Wire } from '../api'
import { describeNodeTypes, describeTemplates, mps } from '../api'
import { href } from '../router'
import { Empty, ErrorBox, Loading, PageHeader, useLoad } from '../ui'

/** Families: every TemplateFamily in the node catalogue, plus watermarks. */
async function families(): Promise<string[]> {
  const types = await describeNodeTypes()
  return [...new Set([...types.map((t) => t.TemplateFamily).filter((f): f is string => !!f), 'Watermark'])]
}

const readOnlyFields = new Set(['Definition', 'Type', 'CreateTime', 'UpdateTime'])

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
  const [editing, setEditing] = useState<{ definition: number | null; text: string } | null>(null)
  const [error, setError] = useState<string | null>(null)

  const startEdit = (t: Wire | null) => {
    const body = t ? Object.fromEntries(Object.entries(t).filter(([k]) => !readOnlyFields.has(k))) : { Name: '' }
    setEditing({ definition: t?.Definition ?? null, text: JSON.stringify(body, null, 2) })
    setError(null)
  }

  async function save() {
    if (!editing) return
    try {
      const body = JSON.parse(editing.text)
      if (editing.definition === null) await mps(`Create${family}Template`, body)
      else await mps(`Modify${family}Template`, { ...body, Definition: editing.definition })
      setEditing(null)
      templates.reload()
    } catch (e) {
      setError((e as Error).message)
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

  return (
    <div className="templates">
      <div className="row"><button onClick={() => startEdit(null)}>New {family} template</button></div>
      {error && <ErrorBox error={error} />}
      {editing && (
        <div className="card editor-card">
          <h3>{editing.definition === null ? `New ${family} template` : `Edit template ${editing.definition}`}</h3>
          <textarea aria-label="Template JSON" rows={14} spellCheck={false} value={editing.text} onChange={(e) => setEditing({ ...editing, text: e.target.value })} />
          <p className="hint">The fields of Create{family}Template (reference/mps-api.md); invalid fields are refused by the server with their name.</p>
          <div className="row"><button onClick={save}>Save</button><button className="secondary" onClick={() => setEditing(null)}>Cancel</button></div>
        </div>
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
