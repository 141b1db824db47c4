import { useEffect, useState } from 'react';
import { useSession } from '../../app/session';
import { FinanceEntryForm } from './finance-entry-form';
import { FinanceEntries } from './finance-entries';
import { RefundsTrackerPanel } from './refunds-tracker';

// Refunds and reshipments (R000-09): the form back office keeps, approvals over the threshold
// (R004-08, four eyes) and the yearly tracker with its CSV.
export default function FinancePage() {
  const session = useSession();
  // Bumped after any change so the list and the tracker load again.
  const [generation, setGeneration] = useState(0);
  const changed = () => setGeneration((g) => g + 1);
  useEffect(() => {
    document.title = 'Refunds & reshipments · Ladder';
  }, []);
  return (
    <section className="page finance-page" aria-labelledby="finance-h">
      <h1 id="finance-h">Refunds &amp; reshipments</h1>
      {session.can('returns.manage') ? <FinanceEntryForm onRecorded={changed} /> : null}
      <FinanceEntries generation={generation} onChanged={changed} />
      {session.can('returns.report') ? <RefundsTrackerPanel generation={generation} /> : null}
    </section>
  );
}
