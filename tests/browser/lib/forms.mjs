// Helpers for filling the app's forms in scenario tests: reach a widget by
// scrolling, tap and type into fields, pick a date, save and wait until the
// commit is durable. `t` is the test context of harness.mjs.

/** Scrolls the content with the mouse wheel until the widget is fully visible. */
export async function reach(t, page, id) {
  const first = await t.waitWidget(page, id, { visible: false });
  if (first.visible) return first;
  for (let i = 0; i < 60; i++) {
    const w = await t.widget(page, id);
    if (w.visible) return w;
    await page.mouse.move(600, 400);
    await page.mouse.wheel(0, w.y > 400 ? 160 : -160);
    await t.animationFrames(page, 3);
  }
  throw new Error(`could not scroll ${id} into view`);
}

export async function tapField(t, page, id) {
  await reach(t, page, id);
  await t.tap(page, id);
  await t.animationFrames(page, 3);
}

export async function typeField(t, page, id, text) {
  await reach(t, page, id);
  await t.typeInto(page, id, text);
}

export async function typeDate(t, page, id, german) {
  await tapField(t, page, id);
  await t.waitWidget(page, `${id}.typed`);
  await t.typeInto(page, `${id}.typed`, german);
  await t.waitWidget(page, `${id}.use`);
  await t.tap(page, `${id}.use`);
  await t.animationFrames(page, 3);
}

export const label = async (t, page, id) => (await t.widgets(page)).find((w) => w.id === id)?.label;

export async function saveAndWait(t, page, id) {
  const before = (await t.saveState(page)).accepted;
  await tapField(t, page, id);
  await t.waitBB(page, (b) => window.__bb.saveState().accepted > b, before, { what: `the save of ${id} to commit` });
  await t.waitSaved(page);
}

/** A day `days` from today as the app's date fields take it typed ("TT.MM.JJJJ"). */
export function germanDate(days) {
  const d = new Date(Date.now() + days * 86400000);
  return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
}

/**
 * From the family list, fills the new-family form (not saved): the family name, the
 * companion and `persons`, each { first, role ('parent' if omitted), birth, due }
 * with dates typed "TT.MM.JJJJ".
 */
export async function fillNewFamily(t, page, name, companion, persons) {
  await t.tap(page, 'families.new');
  await typeField(t, page, 'family.name', name);
  await typeField(t, page, 'family.companion', companion);
  for (const [i, p] of persons.entries()) {
    const id = `family.person.${i}`;
    await tapField(t, page, 'family.add_person');
    if (p.role && p.role !== 'parent') await tapField(t, page, `${id}.role.${p.role}`);
    await typeField(t, page, `${id}.first_name`, p.first);
    if (p.birth) await typeDate(t, page, `${id}.birth_date`, p.birth);
    if (p.due) await typeDate(t, page, `${id}.due_date`, p.due);
  }
}

/**
 * From anywhere: the family `name` (default Quellmalz-Dörr) with the companion
 * Frau Lindqvist, the mother Janne and the child Ilvy (200 days old), saved;
 * ends on its overview.
 */
export async function createQuellmalzFamily(t, page, name = 'Quellmalz-Dörr') {
  await t.goTo(page, 'families');
  await fillNewFamily(t, page, name, 'Frau Lindqvist', [
    { first: 'Janne' },
    { first: 'Ilvy', role: 'child', birth: germanDate(-200) },
  ]);
  await saveAndWait(t, page, 'family.save');
  await t.waitWidget(page, 'overview.header');
}
