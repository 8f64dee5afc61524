// The demo portal's own behaviour: adding service lines from a template, an example claim,
// and an input listener the way a framework-driven portal would have one.
(() => {
  const template = document.getElementById('line-template');
  const body = document.querySelector('#service-lines tbody');
  if (!template || !body) return;
  // Page variants for demos and tests: ?lines=N service lines, ?scroll puts them in a scrolling box.
  const params = new URLSearchParams(location.search);
  const initialLines = Math.min(Math.max(Number(params.get('lines')) || 6, 1), 2000);
  if (params.has('scroll')) {
    const table = document.getElementById('service-lines');
    const scroller = document.createElement('div');
    scroller.id = 'lines-scroller';
    scroller.style.cssText = 'max-height: 220px; overflow: auto; border: 1px solid #c5ccd6;';
    table.replaceWith(scroller);
    scroller.append(table);
  }

  function addLine() {
    const index = body.rows.length;
    const html = template.innerHTML.replaceAll('{i}', String(index)).replaceAll('{n}', String(index + 1));
    body.insertAdjacentHTML('beforeend', html);
  }
  for (let i = 0; i < initialLines; i++) addLine();
  document.getElementById('add-line')?.addEventListener('click', addLine);

  // Portal-side bookkeeping, so tests can see the portal noticed a value change.
  window.portalInputEvents = 0;
  document.getElementById('claim')?.addEventListener('input', () => {
    window.portalInputEvents += 1;
  });

  if (location.hash === '#example') {
    const set = (name, value) => {
      const field = document.querySelector(`[name="${name}"]`);
      if (field) field.value = value;
    };
    for (const [name, value] of Object.entries(JSON.parse(document.getElementById('example')?.textContent || '{}'))) {
      set(name, value);
    }
  }
})();
