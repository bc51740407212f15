import { useEffect, useState } from 'react'
import type { Wire } from '../api'
import { buckets } from '../api'
import type { Settings } from './model'
import { formatPresets } from './model'

/** Name, trigger (bucket, directory, formats: preset / custom / any), output bucket and directory, notification, tag. */
export default function SettingsPanel({ settings, readOnly, onChange }: { settings: Settings; readOnly: boolean; onChange: (s: Settings) => void }) {
  const [bucketList, setBucketList] = useState<{ Name: string; Region: string }[]>([])
  useEffect(() => { buckets.list().then((r) => setBucketList(r.Buckets), () => setBucketList([])) }, [])
  const trigger = settings.Trigger ?? {}
  const cos: Wire = trigger.CosFileUploadTrigger ?? {}
  const formats: string[] = cos.Formats ?? []
  const preset = Object.entries(formatPresets).find(([, list]) => list.length === formats.length && list.every((f) => formats.includes(f)))?.[0]
  const [formatMode, setFormatMode] = useState(formats.length === 0 ? 'any' : preset ?? 'custom')
  const output: Wire = settings.OutputStorage?.CosOutputStorage ?? {}
  const notify: Wire = settings.TaskNotifyConfig ?? {}
  const regionOf = (name: string) => bucketList.find((b) => b.Name === name)?.Region

  const setCos = (patch: Wire) => onChange({ ...settings, Trigger: { ...trigger, Type: 'CosFileUpload', CosFileUploadTrigger: { ...cos, ...patch } } })
  const setFormats = (mode: string, custom?: string) => {
    setFormatMode(mode)
    const list = mode === 'any' ? undefined : mode === 'custom' ? (custom ?? formats.join(', ')).split(/[\s,]+/).filter(Boolean) : formatPresets[mode]
    setCos({ Formats: list })
  }
  const setOutput = (bucket: string) => onChange({ ...settings, OutputStorage: bucket ? { Type: 'COS', CosOutputStorage: { Bucket: bucket, Region: regionOf(bucket) ?? output.Region } } : null })
  const bucketOptions = (current: string | undefined) => (
    <>
      <option value="">— choose a bucket —</option>
      {current && !bucketList.some((b) => b.Name === current) && <option value={current}>{current}</option>}
      {bucketList.map((b) => <option key={b.Name} value={b.Name}>{b.Name} ({b.Region})</option>)}
    </>
  )

  return (
    <fieldset className="settings" disabled={readOnly}>
      <h2>Orchestration</h2>
      <label>Name<input aria-label="Orchestration name" value={settings.ScheduleName} onChange={(e) => onChange({ ...settings, ScheduleName: e.target.value })} /></label>
      {trigger.Type && trigger.Type !== 'CosFileUpload' ? (
        <label>Trigger ({trigger.Type})<textarea rows={6} readOnly value={JSON.stringify(trigger, null, 2)} /><span className="hint">External triggers are kept as they are.</span></label>
      ) : (
        <>
          <h3>Trigger</h3>
          <label>Bucket<select aria-label="Trigger bucket" value={cos.Bucket ?? ''} onChange={(e) => setCos({ Bucket: e.target.value, Region: regionOf(e.target.value) ?? cos.Region })}>{bucketOptions(cos.Bucket)}</select></label>
          <label>Directory<input aria-label="Trigger directory" placeholder="/input/" value={cos.Dir ?? ''} onChange={(e) => setCos({ Dir: e.target.value || undefined })} /></label>
          <label>Formats
            <select aria-label="Trigger formats" value={formatMode} onChange={(e) => setFormats(e.target.value)}>
              <option value="any">any file</option>
              <option value="video">video preset ({formatPresets.video.join(', ')})</option>
              <option value="audio">audio preset ({formatPresets.audio.join(', ')})</option>
              <option value="custom">custom list</option>
            </select>
          </label>
          {formatMode === 'custom' && <label>Custom formats<input aria-label="Custom formats" placeholder="mp4, mov" defaultValue={formats.join(', ')} onBlur={(e) => setFormats('custom', e.target.value)} /></label>}
        </>
      )}
      <h3>Output</h3>
      {settings.OutputStorage && settings.OutputStorage.Type !== 'COS' ? (
        <label>Output storage ({settings.OutputStorage.Type})<textarea rows={4} readOnly value={JSON.stringify(settings.OutputStorage, null, 2)} /></label>
      ) : (
        <label>Bucket<select aria-label="Output bucket" value={output.Bucket ?? ''} onChange={(e) => setOutput(e.target.value)}>{bucketOptions(output.Bucket)}</select>
          <span className="hint">Empty: outputs go to the trigger bucket.</span></label>
      )}
      <label>Directory<input aria-label="Output directory" placeholder="/output/" value={settings.OutputDir} onChange={(e) => onChange({ ...settings, OutputDir: e.target.value })} /></label>
      <h3>Notification</h3>
      <label>Type
        <select aria-label="Notification type" value={notify.NotifyType ?? (notify.NotifyUrl ? 'URL' : '')}
          onChange={(e) => onChange({ ...settings, TaskNotifyConfig: e.target.value ? { ...notify, NotifyType: e.target.value } : null })}>
          <option value="">none</option>
          <option value="URL">HTTP callback (URL)</option>
          <option value="SCF">function (SCF)</option>
          <option value="TDMQ-CMQ">message queue (TDMQ-CMQ)</option>
        </select>
      </label>
      {settings.TaskNotifyConfig && (
        <>
          <label>{notify.NotifyType === 'SCF' ? 'Function name' : 'URL'}<input aria-label="Notification URL" value={notify.NotifyUrl ?? ''} onChange={(e) => onChange({ ...settings, TaskNotifyConfig: { ...notify, NotifyUrl: e.target.value } })} /></label>
          <label>Mode<select aria-label="Notification mode" value={notify.NotifyMode ?? 'Finish'} onChange={(e) => onChange({ ...settings, TaskNotifyConfig: { ...notify, NotifyMode: e.target.value } })}>
            <option value="Finish">when the task finishes</option><option value="Change">at every change</option></select></label>
        </>
      )}
      <label>Cost-centre tag (ResourceId)<input aria-label="ResourceId" value={settings.ResourceId} onChange={(e) => onChange({ ...settings, ResourceId: e.target.value })} /></label>
    </fieldset>
  )
}
