// A streaming RFC 4180 reader, the counterpart of csv-writer.ts: comma-separated fields, records
// ended by CRLF or LF (a lone CR too, as old spreadsheet exports write), fields optionally quoted
// with doubled quotes inside, line breaks allowed inside quotes, a leading UTF-8 BOM ignored.
// It holds one record at a time, so a sheet of a million rows reads in bounded memory (issue 7
// item 4); a field is capped so an unclosed quote cannot swallow the whole file into memory.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export interface CsvRecord {
  /** The physical line (1-based) where the record starts: what a person sees in their editor. */
  line: number;
  fields: string[];
}

export class CsvParseError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvParseError';
  }
}

export interface CsvReadOptions {
  /** Longest field accepted, in characters (default 1,000,000). */
  maxFieldLength?: number;
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;
const BOM = 0xfeff;

/** Records of a CSV stream in order; blank lines are skipped. */
export async function* readCsv(source: Readable | AsyncIterable<string | Buffer>, options: CsvReadOptions = {}): AsyncGenerator<CsvRecord> {
  const maxField = options.maxFieldLength ?? 1_000_000;
  const decoder = new StringDecoder('utf8');
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let afterQuote = false; // just closed a quoted field: only a separator or record end may follow
  let pendingCr = false; // a CR ended a record; swallow the LF of a CRLF that follows
  let atStart = true;
  let quotedCr = false; // a CR inside quotes whose line break is counted once the next character shows it is not CRLF
  let recordHasContent = false;
  const out: CsvRecord[] = [];

  const endRecord = () => {
    fields.push(field);
    if (recordHasContent || fields.length > 1) out.push({ line: recordLine, fields });
    fields = [];
    field = '';
    afterQuote = false;
    recordHasContent = false;
  };

  const consume = (text: string) => {
    let i = 0;
    if (atStart && text.length > 0) {
      atStart = false;
      if (text.charCodeAt(0) === BOM) i = 1;
    }
    const n = text.length;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (pendingCr) {
        pendingCr = false;
        if (c === LF) {
          i++;
          continue;
        }
      }
      if (inQuotes) {
        // Copy a run of ordinary characters at once; quotes end it, line breaks are only counted.
        const q = text.indexOf('"', i);
        const end = q === -1 ? n : q;
        for (let j = i; j < end; j++) {
          const cj = text.charCodeAt(j);
          // A CRLF is one line break even when a chunk ends between its CR and LF.
          if (cj === LF) {
            line++;
            quotedCr = false;
          } else {
            if (quotedCr) line++;
            quotedCr = cj === CR;
          }
        }
        field += text.slice(i, end);
        if (field.length > maxField) throw new CsvParseError(recordLine, `a field is longer than ${maxField} characters (unclosed quote?)`);
        if (q === -1) return;
        // A quote at the very end of a chunk may be the first of a doubled pair: decide on the next chunk.
        if (q + 1 === n) {
          carry = '"';
          return;
        }
        if (quotedCr) line++;
        quotedCr = false;
        if (text.charCodeAt(q + 1) === QUOTE) {
          field += '"';
          i = q + 2;
        } else {
          inQuotes = false;
          afterQuote = true;
          i = q + 1;
        }
        continue;
      }
      if (c === COMMA) {
        fields.push(field);
        field = '';
        afterQuote = false;
        recordHasContent = true;
        i++;
      } else if (c === LF || c === CR) {
        endRecord();
        line++;
        recordLine = line;
        pendingCr = c === CR;
        i++;
      } else if (afterQuote) {
        throw new CsvParseError(line, 'unexpected text after a closing quote');
      } else if (c === QUOTE) {
        if (field.length > 0) throw new CsvParseError(line, 'a quote inside an unquoted field');
        inQuotes = true;
        recordHasContent = true;
        i++;
      } else {
        let j = i + 1;
        while (j < n) {
          const cj = text.charCodeAt(j);
          if (cj === COMMA || cj === LF || cj === CR || cj === QUOTE) break;
          j++;
        }
        field += text.slice(i, j);
        if (field.length > maxField) throw new CsvParseError(recordLine, `a field is longer than ${maxField} characters`);
        recordHasContent = true;
        i = j;
      }
    }
  };

  let carry = '';
  for await (const chunk of source as AsyncIterable<string | Buffer>) {
    const text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    carry = '';
    consume(text);
    if (out.length > 0) {
      yield* out;
      out.length = 0;
    }
  }
  const rest = carry + decoder.end();
  carry = '';
  if (rest) {
    // At the end of input a pending quote closes its field.
    if (rest === '"' && inQuotes) {
      inQuotes = false;
      afterQuote = true;
    } else consume(rest);
    if (carry === '"') {
      inQuotes = false;
      afterQuote = true;
    }
  }
  if (inQuotes) throw new CsvParseError(recordLine, 'a quoted field is not closed');
  if (recordHasContent || field.length > 0 || fields.length > 0) endRecord();
  yield* out;
}
