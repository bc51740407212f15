import { useState } from 'react'
import type { FormEvent } from 'react'
import type { Session } from '../api'
import { signIn } from '../api'

export default function SignIn({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const [mode, setMode] = useState<'keys' | 'user'>('keys')
  const [fields, setFields] = useState({ SecretId: '', SecretKey: '', AppId: '', User: '', Password: '' })
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (name: keyof typeof fields) => (e: { target: { value: string } }) => setFields({ ...fields, [name]: e.target.value })

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const body = mode === 'keys'
        ? { SecretId: fields.SecretId.trim(), SecretKey: fields.SecretKey.trim() }
        : { AppId: Number(fields.AppId), User: fields.User.trim(), Password: fields.Password }
      onSignedIn(await signIn(body))
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="signin">
      <form onSubmit={submit} className="card" aria-labelledby="signin-title">
        <h1 id="signin-title">Sign in to Mediaflow</h1>
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={mode === 'keys'} className={mode === 'keys' ? 'active' : ''} onClick={() => setMode('keys')}>Key pair</button>
          <button type="button" role="tab" aria-selected={mode === 'user'} className={mode === 'user' ? 'active' : ''} onClick={() => setMode('user')}>Console user</button>
        </div>
        {mode === 'keys' ? (
          <>
            <label>SecretId<input name="SecretId" autoComplete="username" value={fields.SecretId} onChange={set('SecretId')} required autoFocus /></label>
            <label>SecretKey<input name="SecretKey" type="password" autoComplete="current-password" value={fields.SecretKey} onChange={set('SecretKey')} required /></label>
            <p className="hint">The account's keys are in <code>credentials.json</code> of the data directory (<code>mediaflow keys show</code>).</p>
          </>
        ) : (
          <>
            <label>AppId<input name="AppId" inputMode="numeric" value={fields.AppId} onChange={set('AppId')} required autoFocus /></label>
            <label>User<input name="User" autoComplete="username" value={fields.User} onChange={set('User')} required /></label>
            <label>Password<input name="Password" type="password" autoComplete="current-password" value={fields.Password} onChange={set('Password')} required /></label>
            <p className="hint">Console users are created with <code>mediaflow users create --app-id N --name U</code>.</p>
          </>
        )}
        {error && <div className="state error" role="alert">{error}</div>}
        <button type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </div>
  )
}
