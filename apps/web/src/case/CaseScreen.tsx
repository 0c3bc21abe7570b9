/** @module One case: the thread, the customer's anger, facts, promises, SLA clocks and the coached reply composer. */
export default function CaseScreen({ params }: { params: Record<string, string> }) {
  return (
    <main id="main" className="page">
      <h1>Case {params.id}</h1>
    </main>
  );
}
