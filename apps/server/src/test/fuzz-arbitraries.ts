import fc from 'fast-check';

/**
 * Request generators for the route fuzzer (platform/fuzz.int.test.ts), driven by the JSON Schemas the
 * OpenAPI document carries for each route. Values are mostly valid-shaped but hostile (they pass
 * validation and reach the services and the database — where the 500s hid), with edge values, wrong
 * types, missing and extra fields mixed in so that validation itself is probed too.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  not?: JsonSchema;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
  $ref?: string;
}

/** A field left out of an object (or a query parameter not sent). */
export const MISSING = Symbol('missing');
export type Value = unknown;

/** Where ids come from: this court's real records (by list route, and all), another court's, none. */
export interface IdPools {
  own: string[];
  ownByPrefix: Map<string, string[]>;
  other: string[];
}

const NOT_UUIDS = [
  '',
  '1',
  '-1',
  '0',
  'null',
  'undefined',
  'NaN',
  '00000000-0000-0000-0000-00000000000',
  '00000000-0000-0000-0000-0000000000000',
  'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  "' OR '1'='1",
  '%',
  '..',
  '..%2F..%2Fetc%2Fpasswd',
  '__proto__',
  '法院',
  '😀',
  '9'.repeat(40),
  'a'.repeat(300),
];

/** Strings that have broken servers: invisible and control characters, metacharacters, odd numbers and dates. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u3000',
  '   前后空格   ',
  '\u0000',
  'a\u0000b',
  '\u0007',
  '\u001b[31m红\u001b[0m',
  '\u007f',
  '\r',
  'a\rb',
  '\r\nX-Injected: 1',
  '\n\n',
  '\t',
  'BEGIN:VEVENT\r\nSUMMARY:x',
  '\u202Eevil\u202C',
  '\u200B',
  '\uFEFF法院',
  '\u2066x\u2069',
  'e\u0301',
  '\u0301',
  '😀',
  '👨‍👩‍👧‍👦',
  '🇨🇳',
  '\uD800',
  'a\uDFFFb',
  '\uFFFF',
  '\uFFFD',
  '𠀀𪚥',
  '%',
  '_',
  '\\',
  "'",
  '"',
  '%_\\',
  "' OR '1'='1",
  "'; DROP TABLE people; --",
  '\\%\\_',
  '$1',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}',
  '${7*7}',
  '=cmd|"/c calc"!A1',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e309',
  '-1',
  '0x1F',
  '99999999999999999999999',
  'null',
  'true',
  '[]',
  '{}',
  '2026-02-30',
  '2026-02-29',
  '2024-02-29',
  '2026-13-01',
  '2026-00-10',
  '0000-00-00',
  '0001-01-01',
  '9999-12-31',
  '1900-01-01',
  '2026-1-1',
  '2026-02-30T25:61:61Z',
  '2026-12-01T00:00:00+14:00',
  '00000000-0000-0000-0000-000000000000',
  '110101199003078515',
  '11010119900307851X',
  '13800138000',
  'a@b',
  'http://127.0.0.1:4499/x',
  'javascript:alert(1)',
  '法'.repeat(300),
];

/** Numbers at the edges of what JSON, JavaScript and PostgreSQL columns hold. */
const EDGE_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  1.5,
  2 ** 15,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 63,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

/** Keys that must never reach an object's prototype, and some a handler might trust. */
export const EXTRA_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'id',
  'tenantId',
  'createdBy',
  'isAdmin',
  'roles',
  'permissions',
  '',
  '法',
  '$where',
];

const cjk = fc.string({
  unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});

function clip(value: string, schema: JsonSchema): string {
  const max = schema.maxLength ?? Infinity;
  const min = schema.minLength ?? 0;
  let out = [...value].slice(0, Math.min(max, 100_000)).join('');
  if (out.length > max) out = out.slice(0, max);
  while (out.length < min) out += '法';
  return out;
}

function numberBounds(schema: JsonSchema): { min: number; max: number; integer: boolean } {
  const integer = schemaTypes(schema).includes('integer');
  let min =
    schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-9) : -1e12);
  let max =
    schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-9) : 1e12);
  if (min > max) [min, max] = [max, min];
  return { min, max, integer };
}

export function schemaTypes(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return [];
}

export class SchemaArbitraries {
  constructor(
    private readonly components: Record<string, JsonSchema>,
    private readonly ids: IdPools,
  ) {}

  resolve(schema: JsonSchema): JsonSchema {
    let s = schema;
    for (let n = 0; s.$ref && n < 10; n++) {
      const name = s.$ref.split('/').pop() ?? '';
      s = this.components[name] ?? {};
    }
    return s;
  }

  /** An id for `prefix` (a route's static head, e.g. `/api/meetings`): its own records mostly. */
  id(prefix?: string): fc.Arbitrary<string> {
    const near = prefix ? (this.ids.ownByPrefix.get(prefix) ?? []) : [];
    const options: fc.WeightedArbitrary<string>[] = [{ weight: 2, arbitrary: fc.uuid() }];
    if (near.length) options.push({ weight: 6, arbitrary: fc.constantFrom(...near) });
    if (this.ids.own.length) options.push({ weight: 3, arbitrary: fc.constantFrom(...this.ids.own) });
    if (this.ids.other.length) options.push({ weight: 2, arbitrary: fc.constantFrom(...this.ids.other) });
    options.push({ weight: 1, arbitrary: fc.constantFrom(...NOT_UUIDS) });
    return fc.oneof(...options);
  }

  private string(schema: JsonSchema): fc.Arbitrary<string> {
    if (schema.format === 'uuid') return this.id();
    if (schema.format === 'date')
      return fc.oneof(
        {
          weight: 4,
          arbitrary: fc
            .date({ min: new Date('1949-10-01'), max: new Date('2099-12-31'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
        },
        {
          weight: 2,
          arbitrary: fc.constantFrom(
            '2026-02-28',
            '2024-02-29',
            '2026-02-29',
            '2026-02-30',
            '0001-01-01',
            '9999-12-31',
            '1900-02-29',
            '2026-12-31',
          ),
        },
      );
    if (schema.format === 'date-time')
      return fc.oneof(
        fc
          .date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString()),
        fc.constantFrom(
          '2026-02-30T10:00:00Z',
          '0001-01-01T00:00:00Z',
          '9999-12-31T23:59:59.999Z',
          '2026-12-01T08:00:00+08:00',
        ),
      );
    if (schema.format === 'email')
      return fc.oneof(fc.emailAddress(), fc.constantFrom('a@b.cn', '法院@例子.中国', "o'brien@x.cn"));
    if (schema.format === 'uri' || schema.format === 'url')
      return fc.constantFrom('http://127.0.0.1:4499/hook', 'https://127.0.0.1:4498/x?a=%00', 'http://[::1]:4497/');
    if (schema.pattern) {
      let matching: fc.Arbitrary<string> | null = null;
      try {
        matching = fc.stringMatching(new RegExp(schema.pattern)).filter((v) => v.length < 2000);
      } catch {
        matching = null;
      }
      const hostile = fc.constantFrom(...HOSTILE_STRINGS);
      return matching ? fc.oneof({ weight: 4, arbitrary: matching }, { weight: 1, arbitrary: hostile }) : hostile;
    }
    return fc
      .oneof(
        { weight: 3, arbitrary: cjk },
        { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
        { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
        { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS).map((s) => `前${s}后`) },
      )
      .map((v) => clip(v, schema));
  }

  private number(schema: JsonSchema): fc.Arbitrary<number> {
    const { min, max, integer } = numberBounds(schema);
    const inRange = EDGE_NUMBERS.filter((n) => n >= min && n <= max && (!integer || Number.isInteger(n)));
    const between = integer
      ? fc.integer({
          min: Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER),
          max: Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER),
        })
      : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    const bounds = [min, max].filter((n) => Number.isFinite(n) && (!integer || Number.isInteger(n)));
    return fc.oneof(
      { weight: 4, arbitrary: between },
      { weight: 2, arbitrary: fc.constantFrom(...(bounds.length ? bounds : [0])) },
      ...(inRange.length ? [{ weight: 2, arbitrary: fc.constantFrom(...inRange) }] : []),
    );
  }

  /** A value the schema accepts in shape, with hostile content where it allows any. */
  valid(raw: JsonSchema, depth = 0): fc.Arbitrary<Value> {
    const schema = this.resolve(raw);
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives?.length) return fc.oneof(...alternatives.map((s) => this.valid(s, depth + 1)));
    if (schema.allOf?.length)
      return this.valid(Object.assign({}, ...schema.allOf.map((s) => this.resolve(s))) as JsonSchema, depth + 1);
    const types = schemaTypes(schema);
    const arbs: fc.Arbitrary<Value>[] = [];
    for (const type of types.length ? types : ['string', 'number', 'object']) {
      if (type === 'string') arbs.push(this.string(schema));
      else if (type === 'integer' || type === 'number') arbs.push(this.number(schema));
      else if (type === 'boolean') arbs.push(fc.boolean());
      else if (type === 'null') arbs.push(fc.constant(null));
      else if (type === 'array') arbs.push(this.array(schema, depth));
      else if (type === 'object') arbs.push(depth > 6 ? fc.constant({}) : this.object(schema, depth));
    }
    if (schema.nullable) arbs.push(fc.constant(null));
    return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
  }

  private array(schema: JsonSchema, depth: number): fc.Arbitrary<Value[]> {
    if (schema.prefixItems?.length) return fc.tuple(...schema.prefixItems.map((s) => this.valid(s, depth + 1)));
    const item = Array.isArray(schema.items) ? (schema.items[0] ?? {}) : (schema.items ?? {});
    const minLength = schema.minItems ?? 0;
    const maxLength = Math.min(schema.maxItems ?? 6, Math.max(minLength, 6));
    return fc.array(this.valid(item, depth + 1), { minLength, maxLength });
  }

  /** An object of the schema's properties, optional ones left out at random. */
  private object(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, Value>> {
    const props = Object.entries(schema.properties ?? {});
    const required = new Set(schema.required ?? []);
    const fields = props.map(([key, s]) =>
      required.has(key)
        ? this.valid(s, depth + 1).map((v) => [key, v] as const)
        : fc.option(this.valid(s, depth + 1), { nil: MISSING, freq: 3 }).map((v) => [key, v] as const),
    );
    return fc.tuple(...fields).map((entries) => {
      const out: Record<string, Value> = {};
      for (const [k, v] of entries) if (v !== MISSING) out[k] = v;
      return out;
    });
  }

  /** A value the schema refuses: out of range, too long, the wrong type, or a hostile string. */
  invalid(raw: JsonSchema, depth = 0): fc.Arbitrary<Value> {
    const schema = this.resolve(raw);
    const types = schemaTypes(schema);
    const options: fc.Arbitrary<Value>[] = [wrongType(types)];
    if (types.includes('string')) {
      if (schema.maxLength !== undefined)
        options.push(fc.constantFrom('法'.repeat(schema.maxLength + 1), 'a'.repeat(schema.maxLength + 1)));
      if (schema.minLength) options.push(fc.constant('法'.repeat(schema.minLength - 1)));
      options.push(fc.constantFrom(...HOSTILE_STRINGS));
      options.push(fc.constantFrom('法'.repeat(20_000), 'a'.repeat(70_000)));
    }
    if (types.includes('integer') || types.includes('number')) {
      const { min, max } = numberBounds(schema);
      options.push(fc.constantFrom(min - 1, max + 1, 1.5, ...EDGE_NUMBERS));
    }
    if (types.includes('array')) {
      const item = Array.isArray(schema.items) ? (schema.items[0] ?? {}) : (schema.items ?? {});
      options.push(fc.array(this.invalid(item, depth + 1), { minLength: 1, maxLength: 3 }));
      options.push(fc.constant(Array.from({ length: Math.min((schema.maxItems ?? 1000) + 1, 2001) }, () => null)));
    }
    if (types.includes('object') && depth < 4) options.push(this.mutatedObject(schema, depth + 1));
    if (schema.enum?.length) options.push(fc.constantFrom('', 'other', `${String(schema.enum[0])} `));
    return fc.oneof(...options);
  }

  /** A valid object with one to three fields spoilt, left out, or added (prototype keys too). */
  mutatedObject(raw: JsonSchema, depth = 0): fc.Arbitrary<Record<string, Value>> {
    const schema = this.resolve(raw);
    const keys = Object.keys(schema.properties ?? {});
    const change: fc.Arbitrary<[string, Value]> = fc.oneof(
      ...(keys.length
        ? [
            {
              weight: 4,
              arbitrary: fc
                .constantFrom(...keys)
                .chain((k) => this.invalid(schema.properties![k]!, depth).map((v) => [k, v] as [string, Value])),
            },
            { weight: 2, arbitrary: fc.constantFrom(...keys).map((k) => [k, MISSING] as [string, Value]) },
          ]
        : []),
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...EXTRA_KEYS), anyJson()) },
      { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), anyJson()) },
    );
    return fc
      .tuple(this.object(schema, depth), fc.array(change, { minLength: 1, maxLength: 3 }))
      .map(([base, changes]) => {
        const out = { ...base };
        for (const [k, v] of changes) {
          if (v === MISSING) delete out[k];
          // An own enumerable `__proto__` key, as JSON.parse would make it (an assignment sets the prototype).
          else Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
        }
        return out;
      });
  }
}

function wrongType(types: string[]): fc.Arbitrary<Value> {
  const all: [string, fc.Arbitrary<Value>][] = [
    ['string', fc.constantFrom('x', '1', '', 'true', '法')],
    ['number', fc.constantFrom(0, -1, 1.5, 1e308)],
    ['integer', fc.constantFrom(0, -1, 1e308)],
    ['boolean', fc.boolean()],
    ['null', fc.constant(null)],
    ['array', fc.constantFrom([], [1], ['x'], [null], [[]])],
    ['object', fc.constantFrom({}, { a: 1 }, { length: 1 })],
  ];
  const wrong = all.filter(([t]) => !types.includes(t) && !(t === 'integer' && types.includes('number')));
  return fc.oneof(...wrong.map(([, a]) => a));
}

/** Any small JSON value (objects with prototype keys, deep nesting, long strings). */
export function anyJson(): fc.Arbitrary<Value> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    {
      weight: 1,
      arbitrary: fc.constant(JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}')),
    },
    { weight: 1, arbitrary: fc.constant(deep(200)) },
  );
}

function deep(n: number): Value {
  let v: Value = 1;
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}

/** A whole body that is not the object a route expects. */
export function garbageBody(): fc.Arbitrary<{ payload: string; contentType: string }> {
  const json = 'application/json';
  return fc.oneof(
    anyJson().map((v) => ({ payload: JSON.stringify(v) ?? 'null', contentType: json })),
    fc.constantFrom(
      { payload: '', contentType: json },
      { payload: '{', contentType: json },
      { payload: '{"a":1,}', contentType: json },
      { payload: 'null', contentType: json },
      { payload: '[]', contentType: json },
      { payload: '"法"', contentType: json },
      { payload: '1e400', contentType: json },
      { payload: '{"n":1e400}', contentType: json },
      { payload: '{"a":"\\ud800"}', contentType: json },
      { payload: '{"__proto__":{"admin":true}}', contentType: json },
      { payload: '{"constructor":{"prototype":{"admin":true}}}', contentType: json },
      { payload: '{"a":1}', contentType: 'text/plain' },
      { payload: '{"a":1}', contentType: 'application/json; charset=latin1' },
      { payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
      { payload: '<x/>', contentType: 'application/xml' },
      { payload: '{"a":1}', contentType: 'multipart/form-data' },
      { payload: `[${'['.repeat(5000)}${']'.repeat(5000)}]`, contentType: json },
      { payload: JSON.stringify({ a: '法'.repeat(400_000) }), contentType: json },
    ),
  );
}

/** Query-string and path text: how a browser would encode a generated value. */
export function asParam(value: Value): string | string[] | undefined {
  if (value === MISSING || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? '';
}

export function queryString(entries: [string, string | string[] | undefined][]): string {
  const parts: string[] = [];
  for (const [k, v] of entries) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) parts.push(`${encodeComponent(k)}=${encodeComponent(one)}`);
  }
  return parts.join('&');
}

/** encodeURIComponent, but a lone surrogate (which it refuses) goes as its raw percent bytes. */
export function encodeComponent(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((c) => {
        try {
          return encodeURIComponent(c);
        } catch {
          return '%ED%A0%80';
        }
      })
      .join('');
  }
}

/** Raw query strings a form never sends. */
export const ODD_QUERIES: readonly string[] = [
  '%',
  '%ZZ',
  '%00=1',
  'a=%E4',
  '__proto__[admin]=1',
  'constructor[prototype][admin]=1',
  'page=1&page=2',
  'page[]=1',
  'page=',
  'pageSize=-1',
  'pageSize=1e9',
  'search=%25%5F%5C',
  'a'.repeat(5000) + '=1',
];

export interface MultipartBody {
  payload: Buffer;
  contentType: string;
  /** For the failure report: what kind of body it was. */
  shape: string;
}

/** Upload bodies: well-formed with hostile names and content, and malformed in every part. */
export function multipartBody(sample: Buffer): fc.Arbitrary<MultipartBody> {
  const filename = fc.oneof(
    fc.constantFrom(
      '名单.xlsx',
      'a.pdf',
      'photo.jpg',
      'x.docx',
      'noext',
      '.xlsx',
      '../../etc/passwd.xlsx',
      'a\u0000.xlsx',
      '\u202Egpj.exe.xlsx',
      `${'法'.repeat(300)}.xlsx`,
      'a".xlsx',
      "a';--.png",
      '',
    ),
    fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => `${s}.xlsx`),
  );
  const content = fc.oneof(
    fc.constant(sample),
    fc.integer({ min: 0, max: Math.max(0, sample.length - 1) }).map((n) => sample.subarray(0, n)),
    fc
      .tuple(fc.integer({ min: 0, max: Math.max(0, sample.length - 1) }), fc.integer({ min: 0, max: 255 }))
      .map(([at, byte]) => {
        const copy = Buffer.from(sample);
        if (copy.length) copy[at] = byte;
        return copy;
      }),
    fc.uint8Array({ maxLength: 4096 }).map((a) => Buffer.from(a)),
    fc.constantFrom(
      Buffer.alloc(0),
      Buffer.from('PK\u0003\u0004'),
      Buffer.from('%PDF-1.4\n%%EOF'),
      Buffer.from('\u00ff\u00d8\u00ff\u00e0'),
    ),
  );
  const mime = fc.constantFrom(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/pdf',
    'image/jpeg',
    'text/plain',
    'application/octet-stream',
    '',
    'x/\u0000',
  );
  const field = fc.constantFrom('file', 'file', 'file', 'files', '', '法', '__proto__');
  const wellFormed = fc
    .record({ filename, content, mime, field })
    .map(({ filename: name, content: data, mime: type, field: f }) => {
      const boundary = '----qizhiFuzzBoundary7e57';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f}"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
      );
      return {
        payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
        contentType: `multipart/form-data; boundary=${boundary}`,
        shape: `file field=${JSON.stringify(f)} name=${JSON.stringify(name).slice(0, 60)} type=${JSON.stringify(type)} bytes=${String(data.length)}`,
      };
    });
  const b = 'xyzBOUNDARY';
  const malformed = fc.constantFrom<MultipartBody>(
    {
      shape: 'no closing boundary',
      contentType: `multipart/form-data; boundary=${b}`,
      payload: Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nabc`),
    },
    { shape: 'no boundary parameter', contentType: 'multipart/form-data', payload: Buffer.from('abc') },
    {
      shape: 'boundary mismatch',
      contentType: `multipart/form-data; boundary=${b}`,
      payload: Buffer.from('--other\r\n\r\nabc\r\n--other--\r\n'),
    },
    { shape: 'empty body', contentType: `multipart/form-data; boundary=${b}`, payload: Buffer.alloc(0) },
    {
      shape: 'header without CRLF',
      contentType: `multipart/form-data; boundary=${b}`,
      payload: Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"abc--${b}--`),
    },
    {
      shape: 'garbage part header',
      contentType: `multipart/form-data; boundary=${b}`,
      payload: Buffer.from(`--${b}\r\n\u0000\u0001garbage\r\n\r\nabc\r\n--${b}--\r\n`),
    },
    {
      shape: 'only a field',
      contentType: `multipart/form-data; boundary=${b}`,
      payload: Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\ntrue\r\n--${b}--\r\n`),
    },
    {
      shape: 'two files',
      contentType: `multipart/form-data; boundary=${b}`,
      payload: Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nabc\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="b.xlsx"\r\n\r\ndef\r\n--${b}--\r\n`,
      ),
    },
    {
      shape: 'six fields',
      contentType: `multipart/form-data; boundary=${b}`,
      payload: Buffer.from(
        Array.from(
          { length: 6 },
          (_, i) => `--${b}\r\nContent-Disposition: form-data; name="f${String(i)}"\r\n\r\nv\r\n`,
        ).join('') + `--${b}--\r\n`,
      ),
    },
    {
      shape: 'no content-disposition',
      contentType: `multipart/form-data; boundary=${b}`,
      payload: Buffer.from(`--${b}\r\nContent-Type: text/plain\r\n\r\nabc\r\n--${b}--\r\n`),
    },
    {
      shape: 'quoted boundary, CJK',
      contentType: 'multipart/form-data; boundary="法院"',
      payload: Buffer.from(
        '--法院\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nx\r\n--法院--\r\n',
      ),
    },
    { shape: 'JSON as multipart', contentType: 'application/json', payload: Buffer.from('{"file":"abc"}') },
    { shape: 'octet-stream', contentType: 'application/octet-stream', payload: Buffer.from('abc') },
  );
  return fc.oneof({ weight: 3, arbitrary: wellFormed }, { weight: 2, arbitrary: malformed });
}
