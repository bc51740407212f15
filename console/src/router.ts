import { useEffect, useState } from 'react'

/** Hash routes (#/tasks/abc): the server needs no route table, and reloads and links keep working. */
export function useRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
  const [route, setRoute] = useState(read)
  useEffect(() => {
    const changed = () => setRoute(read())
    window.addEventListener('hashchange', changed)
    return () => window.removeEventListener('hashchange', changed)
  }, [])
  return route
}

export function go(...parts: (string | number)[]): void {
  window.location.hash = '/' + parts.map((p) => encodeURIComponent(String(p))).join('/')
}

export function href(...parts: (string | number)[]): string {
  return '#/' + parts.map((p) => encodeURIComponent(String(p))).join('/')
}
