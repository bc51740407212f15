import { useRef, useState } from 'react'
import type { DragEvent } from 'react'
import type { ObjectEntry } from '../api'
import { buckets, formatSize, formatTime, objectUrl, upload } from '../api'
import { go, href } from '../router'
import { Empty, ErrorBox, Loading, PageHeader, useLoad } from '../ui'

interface Upload { name: string; progress: number; error?: string }

function kindOf(entry: ObjectEntry): 'video' | 'audio' | 'image' | null {
  const type = entry.ContentType
  if (type.startsWith('video/')) return 'video'
  if (type.startsWith('audio/')) return 'audio'
  if (type.startsWith('image/')) return 'image'
  return null
}

export default function Buckets({ bucket, prefix }: { bucket?: string; prefix: string }) {
  const list = useLoad(() => buckets.list(), [])
  const [name, setName] = useState('')
  const [createError, setCreateError] = useState<string | null>(null)

  if (list.loading && !list.data) return <Loading what="buckets" />
  if (list.error) return <ErrorBox error={list.error} retry={list.reload} />
  const all = list.data?.Buckets ?? []

  const create = async () => {
    try { await buckets.create(name.trim()); setName(''); setCreateError(null); list.reload() } catch (e) { setCreateError((e as Error).message) }
  }

  return (
    <div className="buckets">
      <aside className="bucket-list" aria-label="Buckets">
        <h2>Buckets</h2>
        {all.map((b) => <a key={b.Name} href={href('buckets', b.Name)} className={b.Name === bucket ? 'active' : ''}>{b.Name}<span className="sub"> {b.Region}</span></a>)}
        <form className="create" onSubmit={(e) => { e.preventDefault(); create() }}>
          <input aria-label="New bucket name" placeholder="new-bucket-name" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="secondary" disabled={!name.trim()}>Create</button>
          {createError && <span className="hint error">{createError}</span>}
        </form>
      </aside>
      <section className="bucket-main">
        {all.length === 0 && <Empty title="No buckets yet"><p>Create a bucket on the left (or with any S3 client), then upload media into its trigger folder.</p></Empty>}
        {all.length > 0 && !bucket && <Empty title="Choose a bucket"><p>Pick a bucket on the left to browse, upload, preview and download its objects.</p></Empty>}
        {bucket && <Browser key={bucket + '/' + prefix} bucket={bucket} prefix={prefix ? prefix.replace(/\/?$/, '/') : ''} />}
      </section>
    </div>
  )
}

function Browser({ bucket, prefix }: { bucket: string; prefix: string }) {
  const listing = useLoad(() => buckets.objects(bucket, prefix), [bucket, prefix])
  const [uploads, setUploads] = useState<Upload[]>([])
  const [dragOver, setDragOver] = useState(false)
  const [preview, setPreview] = useState<ObjectEntry | null>(null)
  const [error, setError] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const parts = prefix.split('/').filter(Boolean)

  async function send(files: FileList | File[]) {
    for (const file of Array.from(files)) {
      const entry: Upload = { name: file.name, progress: 0 }
      setUploads((u) => [...u, entry])
      const set = (patch: Partial<Upload>) => setUploads((u) => u.map((x) => (x.name === entry.name ? { ...x, ...patch } : x)))
      try {
        await upload(bucket, prefix + file.name, file, (progress) => set({ progress }))
        set({ progress: 1 })
      } catch (e) {
        set({ error: (e as Error).message })
      }
    }
    listing.reload()
  }

  const onDrop = (e: DragEvent) => { e.preventDefault(); setDragOver(false); if (e.dataTransfer.files.length) send(e.dataTransfer.files) }
  const remove = async (key: string) => {
    if (!window.confirm(`Delete ${key}?`)) return
    try { await buckets.remove(bucket, key); if (preview?.Key === key) setPreview(null); listing.reload() } catch (e) { setError((e as Error).message) }
  }

  return (
    <>
      <PageHeader title={bucket}>
        <button className="secondary" onClick={() => input.current?.click()}>Upload files</button>
        <input ref={input} type="file" multiple hidden aria-label="Files to upload" onChange={(e) => e.target.files && send(e.target.files)} />
      </PageHeader>
      <nav className="breadcrumb" aria-label="Folder">
        <a href={href('buckets', bucket)}>{bucket}</a>
        {parts.map((p, i) => <span key={i}> / <a href={href('buckets', bucket, ...parts.slice(0, i + 1))}>{p}</a></span>)}
      </nav>
      <div className={`dropzone${dragOver ? ' over' : ''}`} data-testid="dropzone" onDragOver={(e) => { e.preventDefault(); setDragOver(true) }} onDragLeave={() => setDragOver(false)} onDrop={onDrop}>
        Drop files here to upload them to <strong>{bucket}/{prefix}</strong> (large files go up in parts).
      </div>
      {uploads.length > 0 && (
        <ul className="uploads">
          {uploads.map((u) => (
            <li key={u.name} data-upload={u.name}>
              <span>{u.name}</span>
              <progress max={1} value={u.progress} aria-label={`Upload of ${u.name}`} />
              <span className="sub">{u.error ? <span className="error">{u.error}</span> : u.progress >= 1 ? 'done' : `${Math.round(u.progress * 100)} %`}</span>
            </li>
          ))}
        </ul>
      )}
      {error && <ErrorBox error={error} />}
      {listing.loading && !listing.data && <Loading what="objects" />}
      {listing.error && <ErrorBox error={listing.error} retry={listing.reload} />}
      {listing.data && listing.data.Objects.length === 0 && listing.data.Prefixes.length === 0 && (
        <Empty title="This folder is empty"><p>Drop media files above. A file in an enabled orchestration's trigger folder starts a task.</p></Empty>
      )}
      <div className="browse">
        {listing.data && (listing.data.Objects.length > 0 || listing.data.Prefixes.length > 0) && (
          <table className="grid">
            <thead><tr><th>Name</th><th>Size</th><th>Type</th><th>Modified</th><th aria-label="Actions" /></tr></thead>
            <tbody>
              {listing.data.Prefixes.map((p) => (
                <tr key={p}><td colSpan={5}><a href={href('buckets', bucket, ...p.split('/').filter(Boolean))}>📁 {p.slice(prefix.length)}</a></td></tr>
              ))}
              {listing.data.Objects.map((o) => (
                <tr key={o.Key} data-key={o.Key} className={preview?.Key === o.Key ? 'selected' : ''}>
                  <td><button className="link" onClick={() => setPreview(o)}>{o.Key.slice(prefix.length)}</button></td>
                  <td>{formatSize(o.Size)}</td>
                  <td>{o.ContentType}</td>
                  <td>{formatTime(o.LastModified)}</td>
                  <td className="row-actions">
                    <a className="button secondary" href={objectUrl(bucket, o.Key, true)} download>Download</a>
                    <button className="danger" onClick={() => remove(o.Key)}>Delete</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {preview && (
          <aside className="preview-pane card" aria-label="Preview">
            <header><strong>{preview.Key}</strong><button className="icon" aria-label="Close preview" onClick={() => setPreview(null)}>✕</button></header>
            {kindOf(preview) === 'video' && <video className="preview" controls src={objectUrl(bucket, preview.Key)} />}
            {kindOf(preview) === 'audio' && <audio controls src={objectUrl(bucket, preview.Key)} />}
            {kindOf(preview) === 'image' && <img className="preview" src={objectUrl(bucket, preview.Key)} alt={preview.Key} />}
            {!kindOf(preview) && <p className="sub">No preview for {preview.ContentType}.</p>}
            <p className="sub">{formatSize(preview.Size)} · ETag {preview.ETag}</p>
            <button className="link" onClick={() => go('buckets', bucket, ...preview.Key.split('/').slice(0, -1))}>Open folder</button>
          </aside>
        )}
      </div>
    </>
  )
}
