import { useState } from 'react'
import type { Rule } from './model'
import { newId } from './model'

interface Props {
  rules: Rule[]
  successors: { id: string; name: string }[]
  conditionKeys: string[]
  onChange: (rules: Rule[]) => void
}

/**
 * The IF node's branches: tested top to bottom, the first that holds runs its nodes (DESIGN §7.4). Branches are
 * reordered by dragging (or with the arrow buttons); the else branch (no conditions) always holds and stays last.
 */
export default function IfPanel({ rules, successors, conditionKeys, onChange }: Props) {
  const branches = rules.filter((r) => !r.isElse)
  const elseBranch = rules.find((r) => r.isElse)
  const [dragging, setDragging] = useState<number | null>(null)
  const [over, setOver] = useState<number | null>(null)

  const commit = (next: Rule[]) => onChange(elseBranch && !next.includes(elseBranch) ? [...next, elseBranch] : next)
  const update = (rule: Rule, patch: Partial<Rule>) => onChange(rules.map((r) => (r === rule ? { ...r, ...patch } : r)))
  const move = (from: number, to: number) => {
    if (from === to || to < 0 || to >= branches.length) return
    const next = [...branches]
    const [moved] = next.splice(from, 1)
    next.splice(to, 0, moved)
    commit(next)
  }
  const toggleTarget = (rule: Rule, id: string) =>
    update(rule, { targets: rule.targets.includes(id) ? rule.targets.filter((t) => t !== id) : [...rule.targets, id] })

  const targets = (rule: Rule) => (
    <fieldset className="targets">
      <legend>Runs</legend>
      {successors.length === 0 && <span className="hint">Connect the IF node to the nodes its branches run.</span>}
      {successors.map((s) => (
        <label key={s.id} className="check"><input type="checkbox" checked={rule.targets.includes(s.id)} onChange={() => toggleTarget(rule, s.id)} />{s.name}</label>
      ))}
    </fieldset>
  )

  return (
    <div className="if-panel">
      <p className="hint">Branches are tested from the top; the first one that holds runs. Drag a branch to change its priority.</p>
      <datalist id="condition-keys">{conditionKeys.map((k) => <option key={k} value={k} />)}</datalist>
      <ol className="branches">
        {branches.map((rule, i) => (
          <li key={rule.key} className={`branch${over === i ? ' drop-target' : ''}${dragging === i ? ' dragging' : ''}`} data-branch={i}
            draggable onDragStart={(e) => { setDragging(i); e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', String(i)) }}
            onDragOver={(e) => { e.preventDefault(); setOver(i) }} onDragLeave={() => setOver(null)}
            onDrop={(e) => { e.preventDefault(); const from = Number(e.dataTransfer.getData('text/plain')); setOver(null); setDragging(null); move(from, i) }}
            onDragEnd={() => { setDragging(null); setOver(null) }}>
            <div className="branch-head">
              <span className="grip" aria-hidden>⠿</span>
              <strong>{i === 0 ? 'If' : 'Else if'}</strong>
              <select aria-label="Join conditions with" value={rule.linker ?? '&&'} onChange={(e) => update(rule, { linker: e.target.value })}>
                <option value="&&">all hold (AND)</option>
                <option value="||">any holds (OR)</option>
              </select>
              <span className="spacer" />
              <button className="icon" aria-label="Move branch up" disabled={i === 0} onClick={() => move(i, i - 1)}>↑</button>
              <button className="icon" aria-label="Move branch down" disabled={i === branches.length - 1} onClick={() => move(i, i + 1)}>↓</button>
              <button className="icon danger" aria-label="Remove branch" onClick={() => onChange(rules.filter((r) => r !== rule))}>✕</button>
            </div>
            {rule.conditions.map((c, j) => (
              <div className="condition" key={j}>
                <input aria-label="Condition key" list="condition-keys" placeholder="Key, e.g. Height" value={c.Key}
                  onChange={(e) => update(rule, { conditions: rule.conditions.map((x, k) => (k === j ? { ...x, Key: e.target.value } : x)) })} />
                <input aria-label="Condition value" placeholder="Value, e.g. >=720" value={c.Value}
                  onChange={(e) => update(rule, { conditions: rule.conditions.map((x, k) => (k === j ? { ...x, Value: e.target.value } : x)) })} />
                <button className="icon" aria-label="Remove condition" onClick={() => update(rule, { conditions: rule.conditions.filter((_, k) => k !== j) })}>✕</button>
              </div>
            ))}
            <button className="link" onClick={() => update(rule, { conditions: [...rule.conditions, { Key: '', Value: '' }] })}>+ condition</button>
            {targets(rule)}
          </li>
        ))}
      </ol>
      <div className="row">
        <button className="secondary" onClick={() => commit([...branches, { key: newId('r'), raw: {}, linker: '&&', conditions: [{ Key: '', Value: '' }], targets: [], isElse: false }])}>Add branch</button>
        {!elseBranch && <button className="secondary" onClick={() => onChange([...rules, { key: newId('r'), raw: {}, linker: undefined, conditions: [], targets: [], isElse: true }])}>Add else branch</button>}
      </div>
      {elseBranch && (
        <div className="branch else" data-branch="else">
          <div className="branch-head"><strong>Else</strong><span className="hint">runs when no branch above holds</span><span className="spacer" />
            <button className="icon danger" aria-label="Remove else branch" onClick={() => onChange(rules.filter((r) => r !== elseBranch))}>✕</button></div>
          {targets(elseBranch)}
        </div>
      )}
    </div>
  )
}
