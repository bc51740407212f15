import { Handle, Position } from '@xyflow/react'
import type { NodeProps } from '@xyflow/react'
import type { FlowNode } from './model'
import { isIf, label } from './model'

/** One node on the canvas: its type, template, branch count, and the server's complaint about it if any. */
export default function MediaNode({ data, selected }: NodeProps<FlowNode>) {
  const type = data.activityType
  const detail = isIf(type)
    ? `${data.rules.filter((r) => !r.isElse).length} branch(es)${data.rules.some((r) => r.isElse) ? ' + else' : ''}`
    : data.para?.Definition !== undefined ? `template ${data.para.Definition}` : ''
  return (
    <div className={`media-node kind-${type === 'input' || type === 'output' ? type : isIf(type) ? 'if' : 'action'}${selected ? ' selected' : ''}${data.error ? ' has-error' : ''}`}
      data-activity-type={type} title={data.error ?? undefined}>
      {type !== 'input' && <Handle type="target" position={Position.Left} />}
      <div className="node-title">{data.name ?? label(type)}</div>
      {detail && <div className="node-detail">{detail}</div>}
      {data.error && <div className="node-error" role="alert">{data.error}</div>}
      {type !== 'output' && <Handle type="source" position={Position.Right} />}
    </div>
  )
}
