import { csvLine } from '../../src/integrations/csv/csv-writer.js';

// A generated escalations log in the shape of examples/import/escalations-log.sample.csv (mapping:
// examples/import/escalations-log.mapping.yaml), produced chunk by chunk so no caller holds it.
// Every row is distinct; one in `badEvery` has a status the mapping does not know (a row error).

const ISSUES = ['Where is my order?', 'Item arrived damaged', 'Wrong item received', 'Need order rushed/changed'];

export function* escalationsLog(rows: number, badEvery = 10_000): Generator<string> {
  yield csvLine(['Time', 'Order ID', 'Customer Name', 'Issue', 'Promised Resolution', 'Action Taken', 'Status', 'Resolved By']);
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const bad = i % badEvery === 0;
    chunk += csvLine([
      `11/${(i % 28) + 1}/2025 ${(i % 12) + 1}:${String(i % 60).padStart(2, '0')} PM`, `${100000 + i}`, `Customer ${i % 5000}`,
      ISSUES[i % ISSUES.length]!, 'Call back, "today"', `Checked carrier\nand warehouse (${i})`, bad ? 'Maybe' : i % 2 ? 'Open' : 'Resolved', i % 2 ? '' : 'Kim',
    ]);
    if (i % 500 === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
