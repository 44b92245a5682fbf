/**
 * The RFC 7208 test suite (pyspf's rfc7208-tests.yml, vendored under
 * test/fixtures/spf/) as data for our local DNS server, and a runner that
 * asks an SPF evaluator for each test's (host, mailfrom, helo).
 *
 * The zone conversion follows the suite's reference driver (pyspf's
 * testspf.py): a name's SPF (type 99) records are also served as TXT unless
 * the name lists TXT records of its own ("TXT: NONE" lists none); a TIMEOUT
 * entry makes every type not listed before it time out.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import type { NodeData, Zone } from './dns-server.js';

export const SUITE_FILE = fileURLToPath(new URL('../fixtures/spf/rfc7208-tests.yml', import.meta.url));

export interface SuiteTest {
  scenario: string;
  name: string;
  spec: string;
  helo: string;
  host: string;
  mailfrom: string;
  /** Any of these results passes (the suite lists alternatives where the RFC allows them). */
  expected: string[];
}

export interface SuiteScenario {
  description: string;
  zone: Zone;
  tests: SuiteTest[];
}

type Entry = string | Record<string, unknown>;

const stripDot = (name: string) => String(name).replace(/\.$/, '');

/** One name's records in the suite's notation → our server's node. */
export function toNode(entries: Entry[]): NodeData {
  const node: Record<string, unknown[]> = {};
  const answered = new Set<string>();
  let timeout = false;
  let ownTxt = false;
  const add = (type: string, value: unknown) => (node[type] ??= []).push(value);
  for (const entry of entries) {
    if (entry === 'TIMEOUT') {
      timeout = true;
      continue;
    }
    const [type, value] = Object.entries(entry as Record<string, unknown>)[0]!;
    if (type === 'TXT') ownTxt = true;
    if (value === 'NONE') continue;
    if (!timeout) answered.add(type);
    switch (type) {
      case 'MX': {
        const [priority, exchange] = value as [number, string];
        add('MX', { priority, exchange: stripDot(exchange) });
        break;
      }
      case 'PTR':
      case 'CNAME':
        add(type, stripDot(value as string));
        break;
      case 'TXT':
      case 'SPF':
        add(type, Array.isArray(value) ? value.map(String) : String(value));
        break;
      default:
        add(type, String(value));
    }
  }
  if (!ownTxt && node.SPF) {
    node.TXT = [...node.SPF];
  }
  const out: NodeData = {};
  for (const [type, values] of Object.entries(node)) {
    (out as Record<string, unknown>)[type] = type === 'CNAME' ? values[0] : values;
  }
  if (timeout) out.$silentUnless = [...answered];
  return out;
}

export function loadSuite(file = SUITE_FILE): SuiteScenario[] {
  const docs = YAML.parseAllDocuments(readFileSync(file, 'utf8'));
  return docs.map((doc) => {
    const data = doc.toJS() as { description: string; tests: Record<string, Record<string, unknown>>; zonedata: Record<string, Entry[]> };
    const zone: Zone = {};
    for (const [name, entries] of Object.entries(data.zonedata ?? {})) zone[stripDot(name).toLowerCase()] = toNode(entries);
    const tests = Object.entries(data.tests).map(([name, t]): SuiteTest => ({
      scenario: data.description,
      name,
      spec: String(t.spec ?? ''),
      helo: String(t.helo ?? ''),
      host: String(t.host),
      mailfrom: String(t.mailfrom ?? ''),
      expected: (Array.isArray(t.result) ? t.result : [t.result]).map((r) => String(r).toLowerCase()),
    }));
    return { description: data.description, zone, tests };
  });
}

export interface SuiteOutcome {
  test: SuiteTest;
  result: string;
  ok: boolean;
  note?: string;
}

export type SuiteEvaluator = (test: SuiteTest) => Promise<{ result: string; note?: string }>;

/** Serves each scenario's zone through `setZone` and evaluates its tests. */
export async function runSuite(
  scenarios: SuiteScenario[],
  server: { setZone(zone: Zone): void },
  evaluate: SuiteEvaluator,
): Promise<SuiteOutcome[]> {
  const out: SuiteOutcome[] = [];
  for (const scenario of scenarios) {
    server.setZone(scenario.zone);
    // A scenario's tests share its zone and run together, so its timeouts are waited for once.
    const verdicts = await Promise.all(scenario.tests.map(async (test) => {
      try {
        return await evaluate(test);
      } catch (error) {
        return { result: 'exception', note: (error as Error).stack ?? String(error) };
      }
    }));
    scenario.tests.forEach((test, i) => {
      const verdict = verdicts[i]!;
      out.push({ test, result: verdict.result, ok: test.expected.includes(verdict.result), ...(verdict.note ? { note: verdict.note } : {}) });
    });
  }
  return out;
}
