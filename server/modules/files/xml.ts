/**
 * XML of an uploaded document read with a real parser (saxes): linear time whatever the input, character
 * references checked (an `&#99999999;` or `&#0;` makes the file broken, not the server), fed in slices with a
 * pause between them so that other requests are answered meanwhile.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AppError } from '../../errors.js';
import type { ZipKind } from './zip.js';

export interface XmlHandlers {
  open?(tag: SaxesTagPlain): void;
  text?(text: string): void;
  close?(tag: SaxesTagPlain): void;
}

const SLICE = 64 * 1024;
export const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function parseXml(xml: string, handlers: XmlHandlers, kind: ZipKind): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  if (handlers.open) parser.on('opentag', handlers.open);
  if (handlers.text) parser.on('text', handlers.text);
  if (handlers.close) parser.on('closetag', handlers.close);
  try {
    for (let i = 0; i < xml.length; ) {
      let end = Math.min(i + SLICE, xml.length);
      const last = xml.charCodeAt(end - 1);
      if (end < xml.length && last >= 0xd800 && last <= 0xdbff) end++; // never split a surrogate pair
      parser.write(xml.slice(i, end));
      i = end;
      if (i < xml.length) await pause();
    }
    parser.close();
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw kind.broken();
  }
}

/** An attribute by its local name, whatever its namespace prefix (`r:id`, `x:id`). */
export function attr(tag: SaxesTagPlain, local: string): string | undefined {
  for (const [k, v] of Object.entries(tag.attributes)) {
    if (k === local || k.endsWith(`:${local}`)) return v;
  }
  return undefined;
}

/** The element's name without its prefix. */
export const localName = (tag: SaxesTagPlain) => tag.name.slice(tag.name.indexOf(':') + 1);
