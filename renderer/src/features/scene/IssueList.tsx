/** Problems with one field or item, said next to it; `id` lets the field point at them (aria-describedby). */
export function IssueList({ id, messages }: { id?: string; messages: readonly string[] }) {
  if (messages.length === 0) return null
  return (
    <ul id={id} className="scene-issues" data-testid="scene-issue">
      {messages.map((message, index) => (
        <li key={index}>{message}</li>
      ))}
    </ul>
  )
}
