import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * PDF through headless Chromium (Debian's package, driven by playwright-core: `npx playwright
 * install` cannot download browsers here, NOTES.md). The page gets no network at all and no
 * JavaScript: the HTML is self-contained, so anything it tried to fetch would be a bug.
 */

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export class ChromiumMissingError extends Error {
  constructor(readonly executablePath: string) {
    super(`no Chromium at ${executablePath}: install it (apt-get install -y chromium) or pass its path`);
    this.name = 'ChromiumMissingError';
  }
}

/** Headless Chromium as the briefs launch it; playwright gives it a fresh user-data dir. */
export async function launchChromium(executablePath = DEFAULT_CHROMIUM): Promise<Browser> {
  if (!fs.existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

export interface PdfRenderer {
  render(html: string, footer: string): Promise<Buffer>;
  close(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** One browser for several PDFs (each brief language), closed by the caller. */
export async function openPdfRenderer(executablePath = DEFAULT_CHROMIUM): Promise<PdfRenderer> {
  const browser = await launchChromium(executablePath);
  return {
    async render(html, footer) {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      try {
        await context.route('**/*', (route) => route.abort());
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate:
            `<div style="width:100%;font-size:7.5pt;color:#5b6672;padding:0 16mm;display:flex;justify-content:space-between;font-family:sans-serif">` +
            `<span>${escapeHtml(footer)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
          margin: { top: '16mm', right: '16mm', bottom: '18mm', left: '16mm' },
        });
      } finally {
        await context.close();
      }
    },
    close: () => browser.close(),
  };
}
