// @vitest-environment jsdom
// The in-app help (issue 16, first day): the glossary's content (every term a new dealer meets,
// each with its public rule), the panel opened from the header's Help button, from F1 (on a field:
// that field's entry) and from the fields' "What is this?" links, the glossary page, and no dead
// help buttons where there is no panel. The header test runs the real app on a real vault.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultValidationSettings } from '../../../../shared/domain/validation-settings';
import { systemOfWarranties } from '../../../../shared/reference/reference-data';
import { App } from '../../../../renderer/src/App';
import { CertificateForm } from '../../../../renderer/src/certificate/CertificateForm';
import { fieldHelp } from '../../../../renderer/src/help/field-help';
import { glossary, glossaryIds } from '../../../../renderer/src/help/glossary';
import { GlossaryScreen } from '../../../../renderer/src/help/GlossaryScreen';
import { HelpProvider } from '../../../../renderer/src/help/HelpProvider';
import { fakeKp } from '../fake-kp';
import { shellKp } from '../shell/shell-kp';
import type { ShellKp } from '../shell/shell-kp';

const opened: ShellKp[] = [];
afterEach(() => {
  cleanup();
  for (const kp of opened.splice(0)) kp.harness.dispose();
});

const allLinks = () => glossary.flatMap((entry) => entry.links.map((link) => link.url));
const termOf = (id: string) => glossary.find((entry) => entry.id === id)?.term ?? '';

describe('the glossary data', () => {
  it('has exactly one entry per term, each explained and linked to a public https text', () => {
    expect(glossary.map((entry) => entry.id)).toEqual([...glossaryIds]);
    for (const entry of glossary) {
      expect(entry.paragraphs.length, entry.id).toBeGreaterThan(0);
      expect(entry.links.length, entry.id).toBeGreaterThan(0);
      for (const link of entry.links) expect(link.url, entry.id).toMatch(/^https:\/\/[a-z.]+/);
    }
  });

  it('links the regulations the issue names: 31 CFR 592, 15 CFR 30, 19 CFR 12.152, the KPCS', () => {
    const links = allLinks();
    expect(links).toContain('https://www.ecfr.gov/current/title-31/part-592');
    expect(links).toContain('https://www.ecfr.gov/current/title-15/part-30');
    expect(links).toContain('https://www.ecfr.gov/current/title-19/section-12.152');
    expect(links.some((url) => url.startsWith('https://www.kimberleyprocess.com/'))).toBe(true);
  });

  it('spells out AES, says where it is filed, and quotes the warranty from the form data', () => {
    const aes = glossary.find((entry) => entry.id === 'aes');
    expect(aes?.term).toContain('Automated Export System');
    expect(aes?.paragraphs.join(' ')).toContain('ACE');
    expect(aes?.links.map((link) => link.url)).toContain('https://ace.cbp.dhs.gov');
    const warranty = glossary.find((entry) => entry.id === 'warranty');
    expect(warranty?.quotes?.map((quote) => quote.text)).toEqual([
      systemOfWarranties.revised,
      systemOfWarranties.original,
    ]);
    const hs = glossary.find((entry) => entry.id === 'hs-codes')?.paragraphs.join(' ') ?? '';
    for (const code of ['7102.10', '7102.21', '7102.31']) expect(hs).toContain(code);
  });

  it('points every explained field at an existing entry', () => {
    for (const id of Object.values(fieldHelp)) expect(glossaryIds).toContain(id);
  });
});

describe('the help panel', () => {
  function renderWithHelp(onOpenGlossary = vi.fn()) {
    render(
      <HelpProvider onOpenGlossary={onOpenGlossary}>
        <CertificateForm api={fakeKp().api} settings={defaultValidationSettings} />
      </HelpProvider>,
    );
    return onOpenGlossary;
  }

  it('opens at the field’s entry from its "What is this?" link and closes back to the link', async () => {
    const user = userEvent.setup();
    renderWithHelp();
    const link = screen.getByRole('button', { name: 'What is this? (HS code)' });
    await user.click(link);
    const panel = screen.getByRole('complementary', { name: 'Help' });
    const heading = within(panel).getByRole('heading', { level: 3 });
    expect(heading.textContent).toBe(termOf('hs-codes'));
    expect(document.activeElement).toBe(heading);
    expect(
      within(panel)
        .getByRole('link', { name: /19 CFR 12\.152/ })
        .getAttribute('href'),
    ).toBe('https://www.ecfr.gov/current/title-19/section-12.152');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('complementary', { name: 'Help' })).toBeNull();
    expect(document.activeElement).toBe(link);
  });

  it('opens with F1 at the entry of the field that has focus, and shows another term on request', async () => {
    const user = userEvent.setup();
    const onOpenGlossary = renderWithHelp();
    const consignee = screen.getByLabelText('Ultimate consignee address');
    await user.click(consignee);
    await user.keyboard('{F1}');
    const panel = screen.getByRole('complementary', { name: 'Help' });
    expect(within(panel).getByRole('heading', { level: 3 }).textContent).toBe(termOf('consignee'));
    await user.click(within(panel).getByRole('button', { name: termOf('itn') }));
    expect(within(panel).getByRole('heading', { level: 3 }).textContent).toBe(termOf('itn'));
    await user.click(within(panel).getByRole('button', { name: 'Close help' }));
    expect(document.activeElement).toBe(consignee);

    // F1 outside any field: the list of terms; from there, the whole glossary page.
    await user.click(document.body);
    await user.keyboard('{F1}');
    const again = screen.getByRole('complementary', { name: 'Help' });
    expect(within(again).queryByRole('heading', { level: 3 })).toBeNull();
    expect(within(again).getAllByRole('listitem')).toHaveLength(glossary.length);
    await user.click(within(again).getByRole('button', { name: 'Open the whole glossary' }));
    expect(onOpenGlossary).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('complementary', { name: 'Help' })).toBeNull();
  });

  it('offers no help links where there is no panel to open', () => {
    render(<CertificateForm api={fakeKp().api} settings={defaultValidationSettings} />);
    expect(screen.queryByRole('button', { name: /What is this\?/ })).toBeNull();
  });
});

describe('the glossary page', () => {
  it('shows every entry and moves focus to one from its contents', async () => {
    const user = userEvent.setup();
    render(<GlossaryScreen />);
    expect(screen.getByRole('heading', { level: 1, name: 'Help and glossary' })).toBeTruthy();
    const terms = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(terms).toEqual(glossary.map((entry) => entry.term));
    // jsdom has no layout: scrolling is the browser's part, focus is ours.
    Element.prototype.scrollIntoView = vi.fn();
    const contents = screen.getByRole('navigation', { name: 'Glossary contents' });
    await user.click(within(contents).getByRole('button', { name: termOf('tamper-resistant') }));
    expect(document.activeElement?.textContent).toBe(termOf('tamper-resistant'));
  });
});

describe('Help in the signed-in app', () => {
  it('opens from the header’s Help button on any page and leads to the glossary page', async () => {
    const kp = shellKp({});
    opened.push(kp);
    await kp.harness.firstRun();
    const user = userEvent.setup();
    render(<App api={kp.api} />);
    await user.click(await screen.findByRole('button', { name: 'Help' }, { timeout: 15_000 }));
    const panel = screen.getByRole('complementary', { name: 'Help' });
    await user.click(within(panel).getByRole('button', { name: 'Open the whole glossary' }));
    await screen.findByRole('heading', { level: 1, name: 'Help and glossary' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await waitFor(() => {
      expect(
        within(nav).getByRole('button', { name: 'Help and glossary' }).getAttribute('aria-current'),
      ).toBe('page');
    });
  });
});
