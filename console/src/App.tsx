import { useEffect, useState } from 'react'
import type { Session } from './api'
import { currentSession, signOut } from './api'
import { href, useRoute } from './router'
import SignIn from './pages/SignIn'
import Orchestrations from './pages/Orchestrations'
import Editor from './editor/Editor'
import Tasks from './pages/Tasks'
import TaskPage from './pages/TaskPage'
import Buckets from './pages/Buckets'
import Templates from './pages/Templates'
import Usage from './pages/Usage'
import { Loading } from './ui'

const sections = [
  ['orchestrations', 'Orchestrations'],
  ['tasks', 'Tasks'],
  ['buckets', 'Buckets'],
  ['templates', 'Templates'],
  ['usage', 'Usage'],
] as const

export default function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined)
  const route = useRoute()

  useEffect(() => {
    currentSession().then(setSession)
    const lost = () => setSession(null)
    window.addEventListener('mf-signed-out', lost)
    return () => window.removeEventListener('mf-signed-out', lost)
  }, [])

  if (session === undefined) return <Loading what="the console" />
  if (session === null) return <SignIn onSignedIn={setSession} />

  const [section = 'orchestrations', id] = route
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href={href('orchestrations')}>Mediaflow</a>
        <nav aria-label="Sections">
          {sections.map(([key, label]) => (
            <a key={key} href={href(key)} className={section === key ? 'active' : ''} aria-current={section === key ? 'page' : undefined}>{label}</a>
          ))}
        </nav>
        <div className="who">
          <span title="Account (AppId) and who signed in">AppId {session.AppId} · {session.Principal}</span>
          <button className="secondary" onClick={() => signOut().finally(() => setSession(null))}>Sign out</button>
        </div>
      </header>
      <main className={section === 'orchestrations' && id ? 'main editor-main' : 'main'}>
        {section === 'orchestrations' && !id && <Orchestrations />}
        {section === 'orchestrations' && id && <Editor key={route.join('/')} scheduleId={id === 'new' ? null : Number(id)} copyFrom={route[2] === 'copy'} />}
        {section === 'tasks' && !id && <Tasks />}
        {section === 'tasks' && id && <TaskPage taskId={id} />}
        {section === 'buckets' && <Buckets bucket={id} prefix={route.slice(2).join('/')} />}
        {section === 'templates' && <Templates family={id} />}
        {section === 'usage' && <Usage />}
      </main>
    </div>
  )
}
