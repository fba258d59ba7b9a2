// The view saved in the browser (localStorage "policykg.layout"): nodes
// with positions, edges, zoom and pan. Saved by the button and, quietly,
// whenever the view changes (debounced), so a reload comes back to the
// same picture; "restore" brings back the last explicit save.
//
// Interface: saveView(snapshot, slot), loadView(slot) → snapshot | null.
// A corrupt or foreign entry is ignored (returns null), never thrown.
export const SLOT_SAVED = 'policykg.layout';
export const SLOT_AUTO = 'policykg.view';
const VERSION = 1;

export function saveView(snapshot, slot = SLOT_SAVED) {
  try {
    localStorage.setItem(slot, JSON.stringify({ version: VERSION, savedAt: new Date().toISOString(), ...snapshot }));
    return true;
  } catch {
    return false; // quota exceeded: the view stays, only the save is lost
  }
}

export function loadView(slot = SLOT_SAVED) {
  try {
    const v = JSON.parse(localStorage.getItem(slot) ?? 'null');
    if (!v || v.version !== VERSION || !Array.isArray(v.nodes) || !Array.isArray(v.edges)) return null;
    return v;
  } catch {
    return null;
  }
}
