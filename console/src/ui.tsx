import type { ReactNode } from 'react'
import { useCallback, useEffect, useState } from 'react'

/** Loads on mount and when deps change; `reload` runs it again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: string | null; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [tick, setTick] = useState(0)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps)
  useEffect(() => {
    let live = true
    setLoading(true)
    run().then((d) => { if (live) { setData(d); setError(null) } }, (e: Error) => { if (live) setError(e.message) }).finally(() => { if (live) setLoading(false) })
    return () => { live = false }
  }, [run, tick])
  return { data, error, loading, reload: () => setTick((t) => t + 1) }
}

export function Loading({ what }: { what: string }) {
  return <div className="state loading" role="status"><span className="spinner" aria-hidden /> Loading {what}…</div>
}

export function ErrorBox({ error, retry }: { error: string; retry?: () => void }) {
  return (
    <div className="state error" role="alert">
      <strong>Something went wrong.</strong> {error} {retry && <button className="link" onClick={retry}>Try again</button>}
    </div>
  )
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return <div className="state empty"><h3>{title}</h3>{children}</div>
}

export function Status({ value }: { value: string }) {
  return <span className={`badge status-${value.toLowerCase()}`}>{value}</span>
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return <div className="page-header"><h1>{title}</h1><div className="actions">{children}</div></div>
}
