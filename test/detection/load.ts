/**
 * Loads a fixture page into happy-dom's document. happy-dom does not parse declarative shadow
 * DOM (`<template shadowrootmode>`), which Chromium does, so the loader attaches those roots
 * the way the HTML parser would. Scripts never run (happy-dom has JavaScript off).
 */
export function loadPage(html: string, doc: Document = document): void {
  // External scripts and stylesheets would only make happy-dom log failed loads.
  const cleaned = html.replace(/<script\b[^>]*\bsrc=[^>]*>\s*<\/script>/gi, '').replace(/<link\b[^>]*>/gi, '');
  const parsed = new DOMParser().parseFromString(cleaned, 'text/html');
  doc.title = parsed.title;
  doc.body.innerHTML = parsed.body.innerHTML;
  attachDeclarativeShadowRoots(doc.body);
}

export function attachDeclarativeShadowRoots(scope: ParentNode): void {
  for (const template of Array.from(scope.querySelectorAll('template[shadowrootmode]'))) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const mode = template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
    const root = host.attachShadow({ mode });
    root.innerHTML = template.innerHTML;
    template.remove();
    attachDeclarativeShadowRoots(root);
  }
}

/**
 * A resolver for truth selectors: `#id` through an index of every id on the page (shadow trees
 * included), anything else through `deepQuery`.
 */
export function selectorResolver(root: ParentNode = document): (selector: string) => Element | null {
  const ids = new Map<string, Element>();
  const index = (scope: ParentNode) => {
    for (const element of Array.from(scope.querySelectorAll('*'))) {
      if (element.id && !ids.has(element.id)) ids.set(element.id, element);
      if (element.shadowRoot) index(element.shadowRoot);
    }
  };
  index(root);
  return (selector) => {
    const simple = /^#([A-Za-z][\w-]*)$/.exec(selector);
    return simple ? (ids.get(simple[1]!) ?? null) : deepQuery(selector, root);
  };
}

/** querySelector through open shadow roots at any depth (like Playwright's CSS engine). */
export function deepQuery(selector: string, root: ParentNode = document): Element | null {
  const direct = root.querySelector(selector);
  if (direct) return direct;
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (element.shadowRoot) {
      const found = deepQuery(selector, element.shadowRoot);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Service-line template expansion as the demo portal's portal.js does it (scripts do not run
 * here). The row markup is taken from the page source: happy-dom's <template> parsing drops
 * <tr>/<td> outside a table context, which Chromium keeps.
 */
export function expandDemoTemplate(source: string, doc: Document = document, lines = 6): void {
  const match = /<template id="line-template"[^>]*>([\s\S]*?)<\/template>/.exec(source);
  const body = doc.querySelector('#service-lines tbody');
  if (!match || !body) return;
  // `lines` stands for the page's ?lines=N (6 by default, as in portal.js).
  for (let index = 0; index < lines; index++) {
    const html = match[1]!.replaceAll('{i}', String(index)).replaceAll('{n}', String(index + 1));
    const parsed = new DOMParser().parseFromString(`<table><tbody>${html}</tbody></table>`, 'text/html');
    for (const row of Array.from(parsed.querySelectorAll('tr'))) body.append(doc.importNode(row, true));
  }
}
