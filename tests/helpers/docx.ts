/** A .docx opened back: its text, and the page setup and fonts its sections declare. */
import JSZip from 'jszip';

export interface DocxSection {
  orientation: 'portrait' | 'landscape';
  width: number;
  height: number;
  margins: { top: number; bottom: number; left: number; right: number };
}

export async function readDocx(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  /** paragraphs' text in order */
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => decode([...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
  const sections: DocxSection[] = [...xml.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((s) => {
    const size = /<w:pgSz ([^>]*)\/>/.exec(s[0])?.[1] ?? '';
    const mar = /<w:pgMar ([^>]*)\/>/.exec(s[0])?.[1] ?? '';
    const attr = (a: string, name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(a)?.[1] ?? NaN);
    return {
      orientation: /w:orient="landscape"/.test(size) ? 'landscape' : 'portrait',
      width: attr(size, 'w'),
      height: attr(size, 'h'),
      margins: { top: attr(mar, 'top'), bottom: attr(mar, 'bottom'), left: attr(mar, 'left'), right: attr(mar, 'right') },
    };
  });
  const fonts = new Set([...(xml + styles).matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
  /** run sizes in points */
  const sizes = new Set([...(xml + styles).matchAll(/<w:sz w:val="(\d+)"/g)].map((m) => Number(m[1]) / 2));
  return { xml, paragraphs, text: paragraphs.join('\n'), sections, fonts, sizes };
}
