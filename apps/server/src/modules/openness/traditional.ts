/**
 * The one-click Traditional Chinese view (繁體) of the portal: the rendered page converted on the
 * server with OpenCC's dictionaries (opencc-js, Simplified → OpenCC standard Traditional), so the
 * visitor's browser loads no script and no dictionary. Loaded on the first request that asks for it.
 */
type Convert = (text: string) => string;
interface Cn2t {
  Converter: (options: { from: 'cn'; to: 't' }) => Convert;
}

let converter: Promise<Convert> | undefined;

export async function toTraditional(html: string): Promise<string> {
  converter ??= (import('opencc-js/cn2t') as Promise<Cn2t>).then(({ Converter }) => Converter({ from: 'cn', to: 't' }));
  return (await converter)(html);
}
