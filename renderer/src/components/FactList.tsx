/**
 * One term of a definition list whose value is a list of « label : value » lines (an event's
 * details, a rule's parameters). Renders nothing when there is nothing to list.
 */
export function FactList({ term, facts }: { term: string; facts: ReadonlyArray<{ key: string; label: string; value: string }> }) {
  if (facts.length === 0) return null
  return (
    <>
      <dt>{term}</dt>
      <dd>
        <ul className="event-detail__list">
          {facts.map((fact) => (
            <li key={fact.key}>
              {fact.label} : {fact.value}
            </li>
          ))}
        </ul>
      </dd>
    </>
  )
}
