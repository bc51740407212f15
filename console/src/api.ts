// The console's only ways to the server: its session, the MPS action table (POST /console/api/mps/{Action}, the same
// handlers as TC3 requests) and the bucket operations. Wire objects keep their MPS (PascalCase) shape.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Wire = any

export interface Session { AppId: number; Principal: string; CsrfToken: string }

export class ApiError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.code = code
  }
}

const base = '/console/api'
let csrf = ''

async function request(method: string, path: string, body?: unknown): Promise<Wire> {
  const headers: Record<string, string> = { 'X-Mf-Csrf': csrf }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' })
  const text = await response.text()
  const json: Wire = text ? JSON.parse(text) : {}
  if (!response.ok) {
    if (response.status === 401) window.dispatchEvent(new Event('mf-signed-out'))
    throw new ApiError(json?.Error?.Code ?? `HTTP${response.status}`, json?.Error?.Message ?? response.statusText)
  }
  return json
}

export async function currentSession(): Promise<Session | null> {
  try {
    const session: Session = await request('GET', '/session')
    csrf = session.CsrfToken
    return session
  } catch {
    return null
  }
}

export async function signIn(credentials: Record<string, unknown>): Promise<Session> {
  const session: Session = await request('POST', '/session', credentials)
  csrf = session.CsrfToken
  return session
}

export async function signOut(): Promise<void> {
  await request('DELETE', '/session')
  csrf = ''
}

/** Calls one MPS action as the signed-in account; resolves to Response (without RequestId), rejects with its Error. */
export async function mps(action: string, parameters: object = {}): Promise<Wire> {
  const envelope = await request('POST', `/mps/${encodeURIComponent(action)}`, parameters)
  const response = envelope.Response
  if (response?.Error) throw new ApiError(response.Error.Code, response.Error.Message)
  return response
}

export const buckets = {
  list: (): Promise<{ Buckets: { Name: string; Region: string }[] }> => request('GET', '/buckets'),
  create: (name: string): Promise<Wire> => request('POST', '/buckets', { Name: name }),
  objects: (bucket: string, prefix: string): Promise<{ Objects: ObjectEntry[]; Prefixes: string[]; NextMarker: string | null }> =>
    request('GET', `/buckets/${encodeURIComponent(bucket)}/objects?prefix=${encodeURIComponent(prefix)}&limit=500`),
  remove: (bucket: string, key: string): Promise<Wire> => request('DELETE', `/buckets/${encodeURIComponent(bucket)}/object?key=${encodeURIComponent(key)}`),
}

export interface ObjectEntry { Key: string; Size: number; ETag: string; ContentType: string; LastModified: string }

export function objectUrl(bucket: string, key: string, download = false): string {
  return `${base}/buckets/${encodeURIComponent(bucket)}/object?key=${encodeURIComponent(key)}${download ? '&download=1' : ''}`
}

function put(url: string, body: Blob, contentType: string, onSent: (bytes: number) => void): Promise<Wire> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('PUT', url)
    xhr.setRequestHeader('X-Mf-Csrf', csrf)
    if (contentType) xhr.setRequestHeader('Content-Type', contentType)
    xhr.upload.onprogress = (e) => onSent(e.loaded)
    xhr.onload = () => {
      const json = xhr.responseText ? JSON.parse(xhr.responseText) : {}
      if (xhr.status >= 200 && xhr.status < 300) resolve(json)
      else reject(new ApiError(json?.Error?.Code ?? `HTTP${xhr.status}`, json?.Error?.Message ?? xhr.statusText))
    }
    xhr.onerror = () => reject(new ApiError('NetworkError', 'The upload was interrupted.'))
    xhr.send(body)
  })
}

/** Files up to this size go up in one streamed PUT; larger ones as a multipart upload, part by part. */
export const multipartThreshold = 16 * 1024 * 1024

export async function upload(bucket: string, key: string, file: File, onProgress: (fraction: number) => void): Promise<void> {
  const b = encodeURIComponent(bucket)
  const k = encodeURIComponent(key)
  if (file.size <= multipartThreshold) {
    await put(`${base}/buckets/${b}/object?key=${k}`, file, file.type, (sent) => onProgress(sent / Math.max(file.size, 1)))
    onProgress(1)
    return
  }
  const started = await request('POST', `/buckets/${b}/uploads?key=${k}&contentType=${encodeURIComponent(file.type)}`)
  const partSize: number = started.PartSize
  const parts: { PartNumber: number; ETag: string }[] = []
  try {
    for (let offset = 0, number = 1; offset < file.size; offset += partSize, number++) {
      const chunk = file.slice(offset, offset + partSize)
      const done = offset
      const part = await put(`${base}/buckets/${b}/uploads/${started.UploadId}/${number}?key=${k}`, chunk, '', (sent) => onProgress((done + sent) / file.size))
      parts.push({ PartNumber: number, ETag: part.ETag })
    }
    await request('POST', `/buckets/${b}/uploads/${started.UploadId}/complete?key=${k}`, { Parts: parts })
  } catch (error) {
    await request('DELETE', `/buckets/${b}/uploads/${started.UploadId}?key=${k}`).catch(() => undefined)
    throw error
  }
  onProgress(1)
}

export interface NodeType {
  ActivityType: string
  ActivityParaMember: string
  TemplateFamily: string | null
  ProducesMedia: boolean
  ConditionKeys: string[]
  Implemented: boolean
  ResultType: string
}

let nodeTypes: Promise<Wire> | null = null
function nodeTypeCatalog(): Promise<Wire> {
  nodeTypes ??= mps('MfDescribeNodeTypes').catch((e) => { nodeTypes = null; throw e })
  return nodeTypes
}
export function describeNodeTypes(): Promise<NodeType[]> {
  return nodeTypeCatalog().then((r) => r.NodeTypeSet as NodeType[])
}
/** The source metadata keys every IF node can test (MfDescribeNodeTypes `SourceConditionKeys`). */
export function describeSourceConditionKeys(): Promise<string[]> {
  return nodeTypeCatalog().then((r) => (r.SourceConditionKeys as string[] | undefined) ?? [])
}

/** Templates of one family (presets and custom), or [] when this build has no Describe action for it. */
export async function describeTemplates(family: string): Promise<Wire[]> {
  const all: Wire[] = []
  try {
    for (let offset = 0; ; offset += 100) {
      const response = await mps(`Describe${family}Templates`, { Offset: offset, Limit: 100 })
      const set = Object.entries(response).find(([k, v]) => k.endsWith('Set') && Array.isArray(v))?.[1] as Wire[] | undefined
      all.push(...(set ?? []))
      if (!set || set.length < 100) break
    }
  } catch (error) {
    if (error instanceof ApiError && error.code === 'InvalidAction') return []
    throw error
  }
  return all
}

export function formatTime(value: string | undefined | null): string {
  // The API's "not yet / never" time is 0000-00-00T00:00:00Z (a skipped node never began).
  if (!value || value.startsWith('0000-')) return '—'
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString()
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++ }
  return `${value.toFixed(1)} ${units[unit]}`
}
